"""The fingerprint cache: an unchanged file is never decoded twice.

One SQLite file holds a row per (path, hash settings). A file whose path, size
and mtime match its row is a hit (``get``). A file seen under another path with
the same size and quick digest is recognised as moved (``get_moved``). All rows
for the current settings are read into memory when the cache opens, so a warm
rescan of a large library costs a dict lookup per file.

The cache is disposable: our own cache file that is corrupt or from a newer
version is renamed aside (never deleted) and rebuilt; a file that is not ours
(a photo, another program's database) is left alone. If the disk cannot be used
at all, or another program holds the cache locked, the cache lives in memory for
this run. Problems land in ``warnings`` (read them after ``close``, which adds
what could not be saved); the cache never raises on bad state.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import time
from collections.abc import Iterable
from dataclasses import replace
from types import TracebackType

import platformdirs

from photodedup.core import cache_schema as schema
from photodedup.core.cache_file import (
    Ownership,
    in_cache_folder,
    ownership,
    refusal,
    set_aside,
)
from photodedup.core.models import CHECK_BYTES, HashSettings, ImageRecord

FILE_NAME = "hashes.sqlite3"
# How long a save waits for another program to let go of the cache. After one
# failed save the run carries on in memory; what is unsaved gets one short last
# try at close and is reported if that fails too.
BUSY_TIMEOUT_S = 3.0
LAST_TRY_MS = 500
# Proposals kept per kind: one entry per library scanned (19 MB at 100,000 photos).
KEPT_PROPOSALS = 3
# Made when first needed: a version without it leaves the table alone, so the
# schema's version stays.
_PROPOSALS_TABLE = """CREATE TABLE IF NOT EXISTS proposals (
    kind TEXT NOT NULL,
    key BLOB NOT NULL,
    data BLOB NOT NULL,
    used REAL NOT NULL,
    PRIMARY KEY (kind, key)
)"""
_LOAD_PROPOSALS = "SELECT data FROM proposals WHERE kind = ? AND key = ?"
_LATEST_PROPOSALS = "SELECT data FROM proposals WHERE kind = ? ORDER BY used DESC LIMIT 1"
_USED_PROPOSALS = "UPDATE proposals SET used = ? WHERE kind = ? AND key = ?"
_SAVE_PROPOSALS = "INSERT OR REPLACE INTO proposals VALUES (?, ?, ?, ?)"
_DROP_PROPOSALS = (
    "DELETE FROM proposals WHERE kind = ? AND key NOT IN"
    " (SELECT key FROM proposals WHERE kind = ? ORDER BY used DESC LIMIT ?)"
)


def default_cache_path() -> str:
    """Where the cache lives unless told otherwise: the user's cache dir."""
    return os.path.join(platformdirs.user_cache_dir("photodedup", appauthor=False), FILE_NAME)


class HashCache:
    """Fingerprints of files already hashed with one ``HashSettings``.

    Use from one thread; open it as a context manager or call ``close()``.
    ``path=None`` means ``default_cache_path()``. With ``crops`` a record without
    crop windows is a miss, so that the scan computes them.
    """

    def __init__(self, path: str | None, settings: HashSettings, crops: bool = False) -> None:
        self.path = os.fspath(path) if path is not None else default_cache_path()
        self.settings = settings
        self.crops = crops and settings.checked
        self.warnings: list[str] = []
        self._own_folder = in_cache_folder(self.path, default_cache_path())
        self._unsaved: list[tuple] = []  # rows a lock or a full disk kept off the file
        self._offered = 0
        self._failure = ""  # why the last save failed
        self._key = schema.settings_key(settings)
        self._rows: dict[str, schema.Row] = {}
        self._sizes: set[int] = set()
        self._by_content: dict[tuple[int, str], list[str]] | None = None
        self._conn: sqlite3.Connection | None = self._connect()

    # -- lookups ---------------------------------------------------------------

    def get(self, path: str, size: int, mtime_ns: int) -> ImageRecord | None:
        """The record for this exact file, if it has not changed since it was stored."""
        row = self._rows.get(path)
        if row is None or row[0] != size or row[1] != mtime_ns:
            return None
        return self._usable(schema.row_to_record(path, row))

    def _usable(self, record: ImageRecord | None) -> ImageRecord | None:
        # A checked fingerprint without its probes, or with second-check bytes of
        # another layout (a row written by an older version), cannot be grouped by
        # the checked rule: decode it again.
        if (
            record is not None
            and self.settings.checked
            and not (record.probe_bytes and len(record.thumb) == CHECK_BYTES)
        ):
            return None
        if record is not None and self.crops:
            # Here, not at the top: the front ends open the cache without numpy.
            from photodedup.core.crops import has_windows

            if not has_windows(record):
                return None  # stored by a scan without crops, or by another window layout
        return record

    def known_format(self, path: str, size: int, mtime_ns: int) -> str | None:
        """The stored format of an unchanged file, without building its record.

        Discovery uses it to skip sniffing files the cache already knows.
        """
        row = self._rows.get(path)
        if row is None or row[0] != size or row[1] != mtime_ns:
            return None
        return row[2]

    def has_size(self, size: int) -> bool:
        """Whether any stored file has this byte size: worth computing a digest for."""
        return size in self._sizes

    def get_moved(self, path: str, size: int, mtime_ns: int, digest: str) -> ImageRecord | None:
        """A record with the same size and quick digest under another path, re-pathed."""
        if not digest or size not in self._sizes:
            return None
        for other in self._content_index().get((size, digest), ()):
            if other != path:
                record = self._usable(schema.row_to_record(path, self._rows[other]))
                return replace(record, mtime_ns=mtime_ns) if record else None
        return None

    def _content_index(self) -> dict[tuple[int, str], list[str]]:
        # Built on first use: a warm rescan where every file hits never needs it.
        if self._by_content is None:
            self._by_content = {}
            for path, row in self._rows.items():
                self._by_content.setdefault((row[0], row[7]), []).append(path)
        return self._by_content

    # -- proposals (core.proposals) ---------------------------------------------

    def load_proposals(self, kind: str, key: bytes) -> bytes | None:
        """The proposals kept for (kind, key) by an earlier grouping, if any."""
        if self._conn is None:
            return None
        name = self._proposal_kind(kind)
        try:
            row = self._conn.execute(_LOAD_PROPOSALS, (name, key)).fetchone()
            if row is not None:  # the newest used are the ones kept
                with schema.write_lock(self._conn):
                    self._conn.execute(_USED_PROPOSALS, (time.time(), name, key))
        except sqlite3.Error:
            return None  # none kept yet (no table), or unreadable: searched again
        return bytes(row[0]) if row is not None else None

    def latest_proposals(self, kind: str) -> bytes | None:
        """The proposals of this kind used last, whatever they were searched over."""
        if self._conn is None:
            return None
        try:
            row = self._conn.execute(_LATEST_PROPOSALS, (self._proposal_kind(kind),)).fetchone()
        except sqlite3.Error:
            return None
        return bytes(row[0]) if row is not None else None

    def save_proposals(self, kind: str, key: bytes, data: bytes) -> None:
        """Keep ``data`` for (kind, key), and only the KEPT_PROPOSALS newest of the kind.

        A failure costs the next grouping its searches, nothing else: it is not said.
        """
        if self._conn is None:
            return
        name = self._proposal_kind(kind)
        try:
            with schema.write_lock(self._conn):
                self._conn.execute(_PROPOSALS_TABLE)
                self._conn.execute(_SAVE_PROPOSALS, (name, key, data, time.time()))
                self._conn.execute(_DROP_PROPOSALS, (name, name, KEPT_PROPOSALS))
        except sqlite3.Error:
            pass

    def _proposal_kind(self, kind: str) -> str:
        return f"{self._key} {kind}"

    # -- writing ---------------------------------------------------------------

    def put_many(self, records: Iterable[ImageRecord]) -> None:
        """Store records in one transaction, replacing older rows for the same paths.

        Rows that cannot be written now (the cache is locked, the disk is full)
        are kept and tried again with the next call and at ``close``.
        """
        rows = [
            (os.fsencode(r.path), self._key, *schema.record_to_row(r, packed=True)) for r in records
        ]
        if not rows:
            return
        self._offered += len(rows)
        for row in rows:
            self._remember(os.fsdecode(row[0]), row[2:])
        if self._conn is None:
            return
        self._unsaved.extend(rows)
        if not self._failure:  # after a failure, the next try is at close
            self._save()

    def _save(self) -> None:
        if self._conn is None or not self._unsaved:
            return
        try:
            try:
                self._write(self._unsaved)
            except UnicodeEncodeError:
                # A text field with lone surrogates (odd EXIF) cannot be stored
                # as TEXT; keep the record with those characters replaced.
                self._write([schema.encodable(row) for row in self._unsaved])
        except (sqlite3.Error, OverflowError) as exc:
            self._failure = _reason(exc)
            if _is_busy(exc):
                self._failure = "it is in use by another program"
            return
        self._unsaved.clear()

    def _remember(self, path: str, row: schema.Row) -> None:
        old = self._rows.get(path)
        self._rows[path] = row
        self._sizes.add(row[0])
        if self._by_content is not None:
            if old is not None:
                self._by_content[(old[0], old[7])].remove(path)
            self._by_content.setdefault((row[0], row[7]), []).append(path)

    def _write(self, rows: list[tuple]) -> None:
        assert self._conn is not None
        with schema.write_lock(self._conn):
            self._conn.executemany(schema.INSERT, rows)

    def close(self) -> None:
        """Save what is left, commit and close; safe to call more than once."""
        conn = self._conn
        if conn is None:
            return
        if self._failure:
            # The lock was waited for once already: one short last try.
            conn.execute(f"PRAGMA busy_timeout = {LAST_TRY_MS}")
        self._save()
        self._conn = None
        if self._unsaved:
            self._warn(
                f"could not save {len(self._unsaved)} of {self._offered} fingerprints"
                f" to the cache {self.path}: {self._failure}; they will be computed again"
                " next time"
            )
            self._unsaved.clear()
        try:
            if conn.in_transaction:
                conn.execute("COMMIT")
            conn.close()
        except sqlite3.Error as exc:
            self._warn(f"could not finish writing the cache {self.path}: {exc}")

    def __enter__(self) -> HashCache:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- opening ---------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection | None:
        owner = ownership(self.path, in_own_folder=self._own_folder)
        if owner is Ownership.FOREIGN:
            return self._in_memory(f"{self.path} is not a photodedup cache; it was left alone")
        if owner is Ownership.FOLDER:
            return self._in_memory(f"the cache {self.path} is a folder; it was left alone")
        try:
            return self._open_file()
        except (sqlite3.Error, OSError, schema.Unusable) as exc:
            if _is_busy(exc):
                return self._in_memory(
                    f"the cache {self.path} is in use by another program ({exc})"
                )
            if not os.path.isfile(self.path):
                return self._in_memory(f"could not create the cache {self.path}: {_reason(exc)}")
            problem = _reason(exc)
        if ownership(self.path, in_own_folder=self._own_folder) is not Ownership.OURS:
            return self._in_memory(
                f"{self.path} is not a photodedup cache ({problem}); it was left alone"
            )
        try:
            aside = set_aside(self.path)
        except OSError as exc:
            return self._in_memory(
                f"the cache {self.path} is unusable ({problem}) and could not be"
                f" moved aside: {exc.strerror or exc}"
            )
        self._warn(f"the cache was unusable ({problem}); set aside as {aside} and rebuilt")
        try:
            return self._open_file()
        except (sqlite3.Error, OSError, schema.Unusable) as exc:
            return self._in_memory(f"could not rebuild the cache {self.path}: {_reason(exc)}")

    def _open_file(self) -> sqlite3.Connection:
        parent = os.path.dirname(os.path.abspath(self.path))
        os.makedirs(parent, exist_ok=True)
        if os.path.isfile(self.path) and not os.access(self.path, os.W_OK):
            # SQLite would open it read-only and only fail at the first save.
            raise schema.Unusable("not writable")
        # One thread at a time, but not necessarily the one that opened it.
        conn = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            # Only once the file is known to be ours: WAL mode rewrites the header.
            schema.prepare(conn)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            # Busy or full: the old rows are only unread, and go next time.
            with contextlib.suppress(sqlite3.Error):
                schema.drop_superseded(conn, self.settings)
            self._load(conn)
        except BaseException:
            conn.close()
            self._rows.clear()
            self._sizes.clear()
            raise
        return conn

    def _in_memory(self, message: str) -> None:
        # The dicts are the whole cache anyway; without a file they just die with us.
        self._warn(f"{message}; fingerprints will not be remembered after this run")

    def _load(self, conn: sqlite3.Connection) -> None:
        cursor = conn.execute(
            f"SELECT path, {schema.VALUE_COLUMNS} FROM records WHERE settings = ?", (self._key,)
        )
        # os.fsdecode without its per-call checks: this runs once per stored file.
        encoding, errors = sys.getfilesystemencoding(), sys.getfilesystemencodeerrors()
        self._rows = {row[0].decode(encoding, errors): row[1:] for row in cursor}
        self._sizes = {row[0] for row in self._rows.values()}

    def _warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


def _is_busy(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)


def cache_refusal(path: str) -> str | None:
    """Why ``path`` will not be used as the cache (it is not photodedup's), or None.

    The front ends ask before a scan, so a wrong path is refused up front; the
    cache itself also leaves such a file alone and works in memory.
    """
    return refusal(path, default_cache_path())
