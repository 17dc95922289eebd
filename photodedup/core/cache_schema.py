"""How the fingerprint cache stores a record: its SQLite schema, its upgrades, its rows.

A row is a record's values after path and settings, in ``COLUMNS`` order; the
portable index stores records the same way (``record_to_row``, ``row_to_record``),
so that both follow whatever a record comes to hold.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from photodedup.core.cache_file import APPLICATION_ID
from photodedup.core.models import ImageRecord

SCHEMA_VERSION = 4
# Schema 3 added the pdq fingerprint's probes, thumbnail and crop windows. Rows of
# older schemas load as records without them, which a scan that needs them treats
# as misses (decoded again); the other settings' rows stay hits. The windows are
# packed bytes (a BLOB; the column was declared TEXT before anything was written
# to it, and SQLite keeps a BLOB as it is whatever the column's declared type).
# Schema 4 stores PDQ's quality score after the thumbnail (models.CHECK_BYTES):
# the columns are those of 3, and a schema-3 pdq row is a miss by its length. The
# version number moved so that a version that reads only 3 sets such a cache
# aside instead of misreading its rows.
_ADDED_IN_3 = tuple(
    f"ALTER TABLE records ADD COLUMN {column}"
    for column in ("probes TEXT", "thumb BLOB", "windows TEXT")
)

# Paths are BLOBs of os.fsencode(path) so that a non-UTF-8 name keeps its exact
# bytes; hashes are hex TEXT because 256-bit hashes overflow SQLite's INTEGER.
_SCHEMA = (
    """CREATE TABLE records (
    path BLOB NOT NULL,
    settings TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    format TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    hash TEXT NOT NULL,
    variants TEXT NOT NULL,
    digest TEXT NOT NULL,
    taken TEXT,
    camera TEXT,
    gps INTEGER,
    probes TEXT,
    thumb BLOB,
    windows TEXT,
    PRIMARY KEY (settings, path)
) WITHOUT ROWID""",
    f"PRAGMA user_version = {SCHEMA_VERSION}",
    f"PRAGMA application_id = {APPLICATION_ID}",
)
COLUMNS = (
    "path",
    "settings",
    "size",
    "mtime_ns",
    "format",
    "width",
    "height",
    "hash",
    "variants",
    "digest",
    "taken",
    "camera",
    "gps",
    "probes",
    "thumb",
    "windows",
)
VALUE_COLUMNS = ", ".join(COLUMNS[2:])
INSERT = f"INSERT OR REPLACE INTO records VALUES ({', '.join('?' * len(COLUMNS))})"

# One record's stored values after path and settings, in COLUMNS order: the
# form rows keep in memory until someone asks for them.
Row = tuple


class Unusable(Exception):
    """The file is readable but is not a cache this version can use."""


def prepare(conn: sqlite3.Connection) -> None:
    """Check the file is our cache at this schema version, creating it if empty."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == 0:
        # Take the write lock before looking again, so two instances creating
        # the cache at once do not both try.
        with write_lock(conn):
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT name FROM sqlite_master").fetchall()
            if version == 0 and tables:
                raise Unusable("not a photodedup cache")
            if version == 0:
                _create(conn)
                version = SCHEMA_VERSION
    if version > SCHEMA_VERSION:
        raise Unusable(f"made by a newer version of photodedup (schema {version})")
    if version == 1:
        # Version 2 added whether a photo has a location. The rows stay (nothing
        # is decoded again); for them it is not known (NULL) until a file changes.
        with write_lock(conn):
            if conn.execute("PRAGMA user_version").fetchone()[0] == 1:
                conn.execute("ALTER TABLE records ADD COLUMN gps INTEGER")
                conn.execute("PRAGMA user_version = 2")
        version = 2
    if version == 2:
        version = _upgrade_from_2(conn)
    if version == 3:
        version = _upgrade_from_3(conn)
    if version != SCHEMA_VERSION:
        raise Unusable(f"old schema {version}")
    columns = tuple(row[1] for row in conn.execute("PRAGMA table_info(records)"))
    if columns != COLUMNS:
        raise Unusable("not a photodedup cache")


def _upgrade_from_2(conn: sqlite3.Connection) -> int:
    """Add schema 3's columns to a schema 2 cache, keeping its rows."""
    with write_lock(conn):
        if conn.execute("PRAGMA user_version").fetchone()[0] == 2:  # not done meanwhile
            columns = tuple(row[1] for row in conn.execute("PRAGMA table_info(records)"))
            if columns != COLUMNS[:-3]:
                raise Unusable("not a photodedup cache")
            for statement in _ADDED_IN_3:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return SCHEMA_VERSION


def _upgrade_from_3(conn: sqlite3.Connection) -> int:
    """Schema 4 has the columns of 3: keep every row (old pdq rows are misses)."""
    with write_lock(conn):
        if conn.execute("PRAGMA user_version").fetchone()[0] == 3:
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return SCHEMA_VERSION


def _create(conn: sqlite3.Connection) -> None:
    for statement in _SCHEMA:
        conn.execute(statement)


@contextmanager
def write_lock(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, taken at once so that a second instance waits its turn."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        _rollback(conn)
        raise
    conn.execute("COMMIT")


def _rollback(conn: sqlite3.Connection) -> None:
    # SQLite rolls back by itself after some errors (a full disk); a second
    # ROLLBACK would then hide the first error.
    if conn.in_transaction:
        conn.execute("ROLLBACK")


# The values of a row after path and settings, for other stores of records.
RECORD_COLUMNS: tuple[str, ...] = COLUMNS[2:]


def record_to_row(r: ImageRecord) -> Row:
    """A record's stored values, in ``RECORD_COLUMNS`` order."""
    variants = ",".join(format(v, "x") for v in r.variants)
    return (
        r.size,
        r.mtime_ns,
        r.format,
        r.width,
        r.height,
        format(r.hash, "x"),
        variants,
        r.digest,
        r.taken,
        r.camera,
        None if r.gps is None else int(r.gps),
        _hex_list(r.probes),
        r.thumb or None,
        r.windows or None,
    )


def row_to_record(path: str, row: Row) -> ImageRecord | None:
    """The record a row stores, or None for a row damaged past reading (a miss)."""
    size, mtime_ns, fmt, width, height, hash_hex, variants, digest, taken, camera, gps = row[:11]
    probes, thumb, windows = row[11:14]
    try:
        hash_value = int(hash_hex, 16)
        variant_values = _int_list(variants)
        probe_values = _int_list(probes)
        thumb = bytes(thumb) if thumb is not None else b""
        # Anything but bytes there is not a window layout this version wrote: none.
        window_values = bytes(windows) if isinstance(windows, bytes) else b""
    except (TypeError, ValueError, AttributeError):
        return None
    return ImageRecord(
        path=path,
        size=size,
        mtime_ns=mtime_ns,
        format=fmt,
        width=width,
        height=height,
        hash=hash_value,
        variants=variant_values,
        digest=digest,
        taken=taken,
        camera=camera,
        gps=None if gps is None else bool(gps),
        probes=probe_values,
        thumb=thumb,
        windows=window_values,
    )


def _hex_list(values: tuple[int, ...]) -> str | None:
    return ",".join(format(v, "x") for v in values) if values else None


def _int_list(text: str | None) -> tuple[int, ...]:
    return tuple([int(v, 16) for v in text.split(",")]) if text else ()


def encodable(row: tuple) -> tuple:
    return tuple(
        v.encode("utf-8", "replace").decode("utf-8") if isinstance(v, str) else v for v in row
    )
