"""Whose file is at the cache path: only photodedup's own cache is ever set aside.

A path given on the command line can name anything: a photo, another program's
database. Those are refused and left alone. What is ours is told by the SQLite
header: our application id (written since it was introduced), or, for a cache
from before, our table. A file in photodedup's own cache folder is ours whatever
it holds now (a crash or a full disk can leave it unreadable).
"""

from __future__ import annotations

import enum
import os
import sqlite3
import time
from urllib.parse import quote

SQLITE_MAGIC = b"SQLite format 3\x00"
# Stored at offset 68 of the header by PRAGMA application_id.
APPLICATION_ID = int.from_bytes(b"PDdc", "big")


class Ownership(enum.StrEnum):
    MISSING = "missing"  # nothing there yet: ours to create
    EMPTY = "empty"  # a zero-byte file: SQLite makes a database of it, nothing is lost
    OURS = "ours"  # photodedup's cache, readable or not
    FOLDER = "folder"  # a folder: never touched
    FOREIGN = "foreign"  # anything else: never touched


def ownership(path: str, *, in_own_folder: bool) -> Ownership:
    """Who the file at ``path`` belongs to, from its first bytes (and schema if needed)."""
    try:
        if os.path.isdir(path):
            return Ownership.FOLDER
        with open(path, "rb") as f:
            header = f.read(100)
    except FileNotFoundError:
        return Ownership.MISSING
    except OSError:
        return Ownership.OURS if in_own_folder else Ownership.FOREIGN
    if not header:
        return Ownership.EMPTY
    if in_own_folder:
        return Ownership.OURS
    if not header.startswith(SQLITE_MAGIC) or len(header) < 72:
        return Ownership.FOREIGN
    if int.from_bytes(header[68:72], "big") == APPLICATION_ID:
        return Ownership.OURS
    return Ownership.OURS if _has_our_table(path) else Ownership.FOREIGN


def _has_our_table(path: str) -> bool:
    """A cache from before the application id: its ``records`` table says so."""
    try:
        conn = sqlite3.connect(f"file:{quote(os.path.abspath(path))}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        columns = {row[1] for row in conn.execute("PRAGMA table_info(records)")}
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return version >= 1 and {"path", "settings", "hash", "digest"} <= columns


def set_aside(path: str) -> str:
    """Rename a bad cache file (and its WAL sidecars) to ``<name>.corrupt-<timestamp>``."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = f"{path}.corrupt-{stamp}"
    n = 1
    while os.path.lexists(aside):
        n += 1
        aside = f"{path}.corrupt-{stamp}-{n}"
    # A leftover WAL would be replayed into the rebuilt file, so the sidecars go
    # first; if one cannot move, the caller must not rebuild in place.
    for suffix in ("-wal", "-shm"):
        if os.path.lexists(path + suffix):
            os.rename(path + suffix, aside + suffix)
    os.rename(path, aside)
    return aside


def refusal(path: str, default_path: str) -> str | None:
    """Why ``path`` cannot be used as a cache and will be left alone, or None."""
    owner = ownership(path, in_own_folder=in_cache_folder(path, default_path))
    if owner is Ownership.FOREIGN:
        return "not a photodedup cache"
    if owner is Ownership.FOLDER:
        return "a folder"
    return None


def in_cache_folder(path: str, default_path: str) -> bool:
    """Whether ``path`` is in photodedup's own cache folder (the default path's)."""
    folder = os.path.dirname(os.path.abspath(default_path))
    return os.path.dirname(os.path.abspath(path)) == folder
