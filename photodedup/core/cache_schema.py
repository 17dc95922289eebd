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
from photodedup.core.models import HashSettings, ImageRecord

SCHEMA_VERSION = 6
# Schema 3 added the pdq fingerprint's probes, thumbnail and crop windows. Rows of
# older schemas load as records without them, which a scan that needs them treats
# as misses (decoded again); the other settings' rows stay hits. The windows are
# packed bytes (a BLOB; the column was declared TEXT before anything was written
# to it, and SQLite keeps a BLOB as it is whatever the column's declared type).
# Schema 4 stores PDQ's quality score after the thumbnail (models.CHECK_BYTES):
# the columns are those of 3, and a schema-3 pdq row is a miss by its length. The
# version number moved so that a version that reads only 3 sets such a cache
# aside instead of misreading its rows.
# Schema 5 stores the hash, the variants and the probes as big-endian bytes (BLOBs)
# in the same columns, where 4 stored them as hex text: reading 100 000 rows of
# hex took most of a warm rescan. The upgrade rewrites the rows in place, and a
# version that reads only 4 sets a cache of 5 aside instead of misreading it.
# Schema 6 stores the hashes of the frame's halves after the quality score
# (models.CHECK_BYTES, ``core.halves``), in the columns of 5: a pdq row of 5 is a
# miss by its length, decoded again, and a version that reads only 5 sets a cache
# of 6 aside.
# A fingerprint whose method changes while its layout stays keeps the length of
# its rows, which would then be read as current: instead its rows go under a new
# settings key, the method's revision, and the rows of the old one are never read
# (misses, decoded again). They are removed when a version of the new revision opens
# the cache (``drop_superseded``): nothing of this version can read them again, and
# at 100 000 photos they are some 70 MB. A version of the old revision run after
# it decodes those photos again.
# pdq 2: the probes from the box-reduced image (fingerprint.PROBE_SIDE).
REVISIONS = {"pdq": 2}
_ADDED_IN_3 = tuple(
    f"ALTER TABLE records ADD COLUMN {column}"
    for column in ("probes TEXT", "thumb BLOB", "windows TEXT")
)

# Paths are BLOBs of os.fsencode(path) so that a non-UTF-8 name keeps its exact
# bytes; hashes are BLOBs because 256-bit hashes overflow SQLite's INTEGER (stored
# in columns declared TEXT by schema 4, which hold a BLOB as it is).
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


def settings_key(settings: HashSettings) -> str:
    """The ``settings`` column of ``settings``'s rows: its key, then its revision if any."""
    revision = REVISIONS.get(settings.algorithm)
    return f"{settings.key}/{revision}" if revision else settings.key


def superseded_keys(settings: HashSettings) -> list[str]:
    """The settings keys that older revisions of ``settings``'s method wrote rows under."""
    revision = REVISIONS.get(settings.algorithm, 0)
    return [settings.key] + [f"{settings.key}/{r}" for r in range(2, revision)] if revision else []


def drop_superseded(conn: sqlite3.Connection, settings: HashSettings) -> int:
    """Remove the rows of older revisions of ``settings``'s method; how many went.

    Looked for first without a lock (the primary key starts with the settings, so
    that is a seek): opening a cache that has none takes no write lock.
    """
    keys = superseded_keys(settings)
    if not keys:
        return 0
    marks = ", ".join("?" * len(keys))
    if not conn.execute(
        f"SELECT 1 FROM records WHERE settings IN ({marks}) LIMIT 1", keys
    ).fetchone():
        return 0
    with write_lock(conn):
        return conn.execute(f"DELETE FROM records WHERE settings IN ({marks})", keys).rowcount


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
    if version == 4:
        version = _upgrade_from_4(conn)
    if version == 5:
        version = _upgrade_from_5(conn)
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
            conn.execute("PRAGMA user_version = 4")
    return 4


def _upgrade_from_3(conn: sqlite3.Connection) -> int:
    """Schema 4 has the columns of 3: keep every row (old pdq rows are misses)."""
    with write_lock(conn):
        if conn.execute("PRAGMA user_version").fetchone()[0] == 3:
            conn.execute("PRAGMA user_version = 4")
    return 4


def _upgrade_from_4(conn: sqlite3.Connection) -> int:
    """Rewrite schema 4's hex hashes and probes as schema 5's bytes, keeping every row."""
    with write_lock(conn):
        if conn.execute("PRAGMA user_version").fetchone()[0] == 4:
            rows = conn.execute(
                "SELECT settings, path, hash, variants, probes FROM records"
                " WHERE typeof(hash) = 'text'"
            ).fetchall()
            new = [_hex_to_blobs(*row) for row in rows]
            conn.executemany(
                "UPDATE records SET hash = ?, variants = ?, probes = ? WHERE settings = ?"
                " AND path = ?",
                [row for row in new if row[0] is not None],
            )
            # A row damaged past reading was a miss anyway: decoded again.
            conn.executemany(
                "DELETE FROM records WHERE settings = ? AND path = ?",
                [row[3:] for row in new if row[0] is None],
            )
            conn.execute("PRAGMA user_version = 5")
    return 5


def _upgrade_from_5(conn: sqlite3.Connection) -> int:
    """Schema 6 has the columns of 5: keep every row (old pdq rows are misses)."""
    with write_lock(conn):
        if conn.execute("PRAGMA user_version").fetchone()[0] == 5:
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return SCHEMA_VERSION


def _hex_to_blobs(settings: str, path: bytes, hash_hex, variants, probes) -> tuple:
    # The width is the settings' own (format(v, "x") dropped leading zeros):
    # "pdq-16" and "dhash-16" are 256 bits, "dhash-8" 64.
    try:
        side = int(settings.rsplit("-", 1)[1])
        width = 8 * max(1, -(-side * side // 64))
        values = [int(hash_hex, 16), *_int_list(variants)]
        blobs = [v.to_bytes(width, "big") for v in values]
        probe_blob = b"".join([v.to_bytes(8, "big") for v in _int_list(probes)]) or None
    except (ValueError, TypeError, IndexError, AttributeError, OverflowError):
        return (None, None, None, settings, path)  # damaged: a miss, decoded again
    return (blobs[0], b"".join(blobs[1:]), probe_blob, settings, path)


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


def record_to_row(r: ImageRecord, packed: bool = False) -> Row:
    """A record's stored values, in ``RECORD_COLUMNS`` order: the hashes and probes
    as bytes (``packed``, the cache's schema 5) or as hex text (the portable index)."""
    if packed:
        width = r.hash_width
        hashes = (r.hash_bytes[:width], r.hash_bytes[width:], r.probe_bytes or None)
    else:
        hashes = (format(r.hash, "x"), _hex_list(r.variants) or "", _hex_list(r.probes))
    return (
        r.size,
        r.mtime_ns,
        r.format,
        r.width,
        r.height,
        hashes[0],
        hashes[1],
        r.digest,
        r.taken,
        r.camera,
        None if r.gps is None else int(r.gps),
        hashes[2],
        r.thumb or None,
        r.windows or None,
    )


def row_to_record(path: str, row: Row) -> ImageRecord | None:
    """The record a row stores, in either form, or None for a row damaged past
    reading (a miss)."""
    size, mtime_ns, fmt, width, height, hash_value, variants, digest, taken, camera, gps = row[:11]
    probes, thumb, windows = row[11:14]
    if isinstance(hash_value, bytes):
        variants, probes = variants or b"", probes or b""
        if (
            not hash_value
            or not isinstance(variants, bytes)
            or not isinstance(probes, bytes)
            or len(variants) % len(hash_value)
            or len(probes) % 8
        ):
            return None
        return ImageRecord.packed(
            path,
            size,
            mtime_ns,
            fmt,
            width,
            height,
            hash_value + variants,
            len(hash_value),
            digest,
            taken,
            camera,
            None if gps is None else bool(gps),
            probes,
            thumb or b"",
            windows if isinstance(windows, bytes) else b"",
        )
    try:
        hash_int = int(hash_value, 16)
        variant_values = _int_list(variants)
        probe_values = _int_list(probes)
        thumb = bytes(thumb) if thumb is not None else b""
        # Anything but bytes there is not a window layout this version wrote: none.
        window_values = bytes(windows) if isinstance(windows, bytes) else b""
        return ImageRecord(
            path=path,
            size=size,
            mtime_ns=mtime_ns,
            format=fmt,
            width=width,
            height=height,
            hash=hash_int,
            variants=variant_values,
            digest=digest,
            taken=taken,
            camera=camera,
            gps=None if gps is None else bool(gps),
            probes=probe_values,
            thumb=thumb,
            windows=window_values,
        )
    except (TypeError, ValueError, AttributeError):
        return None


def _hex_list(values: tuple[int, ...]) -> str | None:
    return ",".join(format(v, "x") for v in values) if values else None


def _int_list(text: str | None) -> tuple[int, ...]:
    return tuple([int(v, 16) for v in text.split(",")]) if text else ()


def encodable(row: tuple) -> tuple:
    return tuple(
        v.encode("utf-8", "replace").decode("utf-8") if isinstance(v, str) else v for v in row
    )
