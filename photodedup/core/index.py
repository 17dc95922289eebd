"""The portable index: a library's fingerprints, sizes and digests in one SQLite file.

Made for checking new photos against a library that is not at hand (a drive
in a drawer, a blocklist on a server). An index holds one fingerprint setting,
the folders it was made from, and one row per image: the cache's record
columns plus the digest of the whole file, so that "byte-identical" can be
told without the library.

Rules that keep the user's files safe:

* An existing file that is not a photodedup index, or is damaged, is never
  written to: ``IndexProblem`` says why before any work starts.
* An update is written to a new file beside the old one and renamed over it,
  so a crash or a full disk leaves the old index whole.
* Updating is incremental: a file whose path, size and mtime match its row is
  neither decoded nor read again. Rows under the folders indexed now are
  refreshed (vanished files drop out); rows under other folders are kept, so
  a second drive can be added to the same index.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum

from photodedup.core.cache_schema import RECORD_COLUMNS, REVISIONS, record_to_row, row_to_record
from photodedup.core.library_table import LibraryTable
from photodedup.core.models import HashSettings, ImageRecord
from photodedup.core.results import ScanError

APPLICATION_ID = 0x50445849  # "PDXI": tells our files from any other SQLite file
# Format 2: the rows hold all that the scan's rule for the index's fingerprint needs
# (for pdq, every row its probes and colour thumbnail), so a check follows the scan,
# and a ``columns`` table holds what a check reads as one blob per column (see
# ``LibraryTable.to_blobs``): reading 100,000 rows of the records table alone
# took about a second. A check refuses format 1 (``OLDER``); ``update_index``
# brings it up to date.
FORMAT_VERSION = 2
# An index's rows were made by one revision of its fingerprint's method
# (``cache_schema.REVISIONS``; the meta key "revision", none before there was one).
# Rows of another revision have other probes: a check refuses such an index
# (``OLDER``), and ``update_index`` reads its rows again.
SQLITE_MAGIC = b"SQLite format 3\x00"

_COLUMNS = ("path", *RECORD_COLUMNS, "full_digest")
# What a check cannot do without; other record columns may be missing from an
# index written by an earlier build.
_NEEDED = ("size", "mtime_ns", "width", "height", "hash", "variants", "digest", "full_digest")
_SCHEMA = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    f"CREATE TABLE records (path BLOB PRIMARY KEY, {', '.join(_COLUMNS[1:])}) WITHOUT ROWID",
    "CREATE TABLE columns (name TEXT PRIMARY KEY, data BLOB NOT NULL)",
    f"PRAGMA application_id = {APPLICATION_ID}",
    f"PRAGMA user_version = {FORMAT_VERSION}",
)


class IndexReason(StrEnum):
    """Why an index file cannot be used; the front ends word it."""

    MISSING = "missing"  # no such file
    NOT_AN_INDEX = "not-an-index"  # some other file, SQLite or not
    CORRUPT = "corrupt"  # ours, but damaged or cut short
    NEWER = "newer-version"  # made by a newer photodedup
    OLDER = "older-version"  # made by an older photodedup: ``index`` updates it
    UNREADABLE = "unreadable"  # permissions, I/O error
    UNWRITABLE = "unwritable"  # the folder or file cannot be written
    SETTINGS = "settings-mismatch"  # holds another fingerprint setting than asked for


class IndexProblem(Exception):
    """An index file that cannot be used, with a reason code and a detail."""

    def __init__(self, path: str, reason: IndexReason, detail: str = "") -> None:
        super().__init__(f"{path}: {reason}: {detail}" if detail else f"{path}: {reason}")
        self.path, self.reason, self.detail = path, reason, detail


@dataclass(frozen=True)
class IndexEntry:
    """One indexed image: its record and the digest of the whole file."""

    record: ImageRecord
    full_digest: str


@dataclass
class Index:
    """An index read into memory."""

    path: str
    settings: HashSettings
    roots: list[str] = field(default_factory=list)
    entries: list[IndexEntry] = field(default_factory=list)
    created: str = ""
    updated: str = ""
    revision: int = 0  # of the method that made the rows (see FORMAT_VERSION)

    @property
    def current(self) -> bool:
        """Whether the rows were made by this version's method for the setting."""
        return self.revision == REVISIONS.get(self.settings.algorithm, 0)


@dataclass
class IndexUpdate:
    """What an ``update_index`` call did."""

    index: Index
    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    decoded: int = 0
    errors: list[ScanError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0


def read_index(path: str) -> Index:
    """Read a whole index; raises ``IndexProblem`` when ``path`` is not a usable one."""
    conn = _open_read_only(path)
    try:
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta"))
            settings = HashSettings(meta["algorithm"], int(meta["hash_size"]))
            roots = json.loads(meta.get("roots", "[]"))
            entries = list(_entries(conn))
        except (sqlite3.DatabaseError, KeyError, ValueError, TypeError) as exc:
            raise IndexProblem(path, IndexReason.CORRUPT, _detail(exc)) from None
    finally:
        conn.close()
    created, updated = meta.get("created", ""), meta.get("updated", "")
    return Index(path, settings, roots, entries, created, updated, _revision(meta))


def read_table(path: str) -> tuple[Index, LibraryTable]:
    """An index's settings and roots, and its rows as columns for a check (fast).

    ``Index.entries`` stays empty; raises ``IndexProblem`` like ``read_index``,
    and ``OLDER`` (its folders as the detail) for an index of an older format.
    """
    conn = _open_read_only(path)
    try:
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta"))
            settings = HashSettings(meta["algorithm"], int(meta["hash_size"]))
            roots = json.loads(meta.get("roots", "[]"))
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version < FORMAT_VERSION or not _current(meta, settings):
                raise IndexProblem(path, IndexReason.OLDER, "\n".join(roots))
            blobs = dict(conn.execute("SELECT name, data FROM columns"))
            table = LibraryTable.from_blobs(blobs, settings.bits, settings.checked)
            if str(len(table)) != meta.get("count", str(len(table))):
                raise ValueError("the columns do not match the records")
        except (sqlite3.DatabaseError, KeyError, ValueError, TypeError, AttributeError) as exc:
            raise IndexProblem(path, IndexReason.CORRUPT, _detail(exc)) from None
    finally:
        conn.close()
    created, updated = meta.get("created", ""), meta.get("updated", "")
    return Index(path, settings, roots, [], created, updated, _revision(meta)), table


def check_index_file(path: str, *, for_check: bool = False) -> HashSettings:
    """The settings of the index at ``path``, checking it is ours and sound; cheap.

    ``for_check``: also refuse an index of an older format (``OLDER``), which a
    check cannot use until ``update_index`` has brought it up to date.
    """
    conn = _open_read_only(path)
    try:
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta"))
            ok = conn.execute("PRAGMA quick_check").fetchone()[0]
            if ok != "ok":
                raise IndexProblem(path, IndexReason.CORRUPT, ok)
            settings = HashSettings(meta["algorithm"], int(meta["hash_size"]))
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if for_check and (version < FORMAT_VERSION or not _current(meta, settings)):
                roots = json.loads(meta.get("roots", "[]"))
                raise IndexProblem(path, IndexReason.OLDER, "\n".join(roots))
            return settings
        except (sqlite3.DatabaseError, KeyError, ValueError, TypeError) as exc:
            raise IndexProblem(path, IndexReason.CORRUPT, _detail(exc)) from None
    finally:
        conn.close()


def ensure_writable(path: str) -> None:
    """Raise ``IndexProblem`` unless an index can be written at ``path``.

    An existing file must be a sound index; a new one needs a writable folder.
    """
    if os.path.lexists(path):
        if os.path.isdir(path):
            raise IndexProblem(path, IndexReason.UNWRITABLE, "it is a folder")
        check_index_file(path)
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise IndexProblem(path, IndexReason.UNWRITABLE, "no such folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise IndexProblem(path, IndexReason.UNWRITABLE, "the folder is not writable")


def write_index(index: Index) -> None:
    """Write ``index`` to ``index.path`` through a new file renamed over the old."""
    folder = os.path.dirname(os.path.abspath(index.path))
    fd, tmp = tempfile.mkstemp(prefix=".photodedup-index-", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            for statement in _SCHEMA:
                conn.execute(statement)
            conn.execute("BEGIN")
            conn.executemany("INSERT INTO meta VALUES (?, ?)", _meta(index).items())
            insert = f"INSERT OR REPLACE INTO records VALUES ({', '.join('?' * len(_COLUMNS))})"
            conn.executemany(insert, _rows(index.entries))
            table = LibraryTable.from_records(
                [e.record for e in index.entries],
                index.settings.bits,
                index.settings.checked,
                full=[e.full_digest for e in index.entries],
            )
            conn.executemany("INSERT INTO columns VALUES (?, ?)", table.to_blobs().items())
            conn.execute("COMMIT")
        finally:
            conn.close()
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, index.path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def merge(
    old: Index | None,
    path: str,
    settings: HashSettings,
    roots: Sequence[str],
    entries: Sequence[IndexEntry],
    in_roots: Callable[[str], bool],
) -> tuple[Index, int, int, int, int]:
    """``old`` with its rows under ``roots`` replaced by ``entries``.

    Returns the new index and the counts (added, changed, removed, unchanged).
    """
    now = time.strftime("%Y-%m-%dT%H:%M:%S")
    before = {e.record.path: e for e in old.entries} if old is not None else {}
    kept = [e for p, e in before.items() if not in_roots(p)]
    added = changed = unchanged = 0
    for e in entries:
        was = before.get(e.record.path)
        if was is None:
            added += 1
        elif same_file(was.record, e.record) and was.full_digest == e.full_digest:
            unchanged += 1
        else:
            changed += 1
    fresh = {e.record.path for e in entries}
    removed = sum(1 for p in before if in_roots(p) and p not in fresh)
    all_roots = sorted(set(old.roots if old else ()) | set(roots))
    index = Index(
        path,
        settings,
        all_roots,
        sorted([*kept, *entries], key=lambda e: e.record.path),
        created=old.created if old and old.created else now,
        updated=now,
        revision=REVISIONS.get(settings.algorithm, 0),
    )
    return index, added, changed, removed, unchanged


def full_digests(paths: Sequence[str], cancel=None) -> dict[str, str | None]:
    """The whole-file digest of each path (None when it cannot be read), on threads."""
    from photodedup.core.fingerprint import full_digest

    def one(p: str) -> str | None:
        if cancel is not None and cancel.is_set():
            return None
        try:
            return full_digest(p)
        except OSError:
            return None

    if not paths:
        return {}
    # hashlib releases the GIL on large buffers, so threads read and hash in parallel.
    with ThreadPoolExecutor(max_workers=min(8, (os.cpu_count() or 2) * 2)) as pool:
        return dict(zip(paths, pool.map(one, paths), strict=True))


def same_file(a: ImageRecord, b: ImageRecord) -> bool:
    """Whether two records of one path describe the same bytes (size, mtime, quick digest)."""
    return a.size == b.size and a.mtime_ns == b.mtime_ns and a.digest == b.digest


def _open_read_only(path: str) -> sqlite3.Connection:
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        raise IndexProblem(path, IndexReason.MISSING) from None
    except IsADirectoryError:
        raise IndexProblem(path, IndexReason.NOT_AN_INDEX, "it is a folder") from None
    except OSError as exc:
        raise IndexProblem(path, IndexReason.UNREADABLE, exc.strerror or str(exc)) from None
    if head != SQLITE_MAGIC:
        raise IndexProblem(path, IndexReason.NOT_AN_INDEX)
    uri = "file:" + _uri_path(path) + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise IndexProblem(path, IndexReason.UNREADABLE, _detail(exc)) from None
    try:
        app = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise IndexProblem(path, IndexReason.CORRUPT, _detail(exc)) from None
    if app != APPLICATION_ID:
        conn.close()
        raise IndexProblem(path, IndexReason.NOT_AN_INDEX)
    if version > FORMAT_VERSION:
        conn.close()
        raise IndexProblem(path, IndexReason.NEWER, f"format {version}")
    try:
        columns = tuple(row[1] for row in conn.execute("PRAGMA table_info(records)"))
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise IndexProblem(path, IndexReason.CORRUPT, _detail(exc)) from None
    # The record columns follow the cache's, so a build that learnt a new fact
    # (a column) still reads an index written before it: the fact is unknown.
    missing = set(_NEEDED) - set(columns)
    if missing or "path" not in columns:
        conn.close()
        raise IndexProblem(path, IndexReason.CORRUPT, "missing " + ", ".join(sorted(missing)))
    unknown = set(columns) - set(_COLUMNS)
    if unknown:
        conn.close()
        raise IndexProblem(path, IndexReason.NEWER, "columns " + ", ".join(sorted(unknown)))
    return conn


def _uri_path(path: str) -> str:
    from urllib.parse import quote

    return quote(os.fsencode(os.path.abspath(path)))


def _entries(conn: sqlite3.Connection) -> Iterable[IndexEntry]:
    have = {row[1] for row in conn.execute("PRAGMA table_info(records)")}
    wanted = ", ".join(c if c in have else "NULL" for c in _COLUMNS)
    cursor = conn.execute(f"SELECT {wanted} FROM records")
    for row in cursor:
        record = row_to_record(os.fsdecode(row[0]), row[1:-1])
        if record is None:
            raise ValueError("a row cannot be read")
        yield IndexEntry(record, row[-1])


def _rows(entries: Iterable[IndexEntry]) -> Iterable[tuple]:
    for e in entries:
        row = (os.fsencode(e.record.path), *record_to_row(e.record), e.full_digest)
        yield tuple(
            v.encode("utf-8", "replace").decode("utf-8") if isinstance(v, str) else v for v in row
        )


def _meta(index: Index) -> dict[str, str]:
    return {
        "app": "photodedup",
        "algorithm": index.settings.algorithm,
        "hash_size": str(index.settings.hash_size),
        "settings": index.settings.key,
        # Surrogate escapes keep non-UTF-8 folder names exact through JSON.
        "roots": json.dumps(index.roots),
        "created": index.created,
        "updated": index.updated,
        "count": str(len(index.entries)),
        "revision": str(REVISIONS.get(index.settings.algorithm, 0)),
    }


def _revision(meta: dict[str, str]) -> int:
    return int(meta.get("revision", "0"))


def _current(meta: dict[str, str], settings: HashSettings) -> bool:
    return _revision(meta) == REVISIONS.get(settings.algorithm, 0)


def _detail(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__
