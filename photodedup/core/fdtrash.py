"""Finding files in the freedesktop.org trash (Linux and the other free desktops).

send2trash moves a file into a trash folder but does not say where. The
freedesktop trash is plain folders: ``files/NAME`` holds the file and
``info/NAME.trashinfo`` its original path, so the entry a file became can be
found again and restored. send2trash picks the first free NAME ("b.jpg",
"b 1.jpg", ...) in the home trash or the trash of the file's drive; ``slots``
predicts that choice before the move and ``entry_after`` confirms it after.

The macOS and Windows trashes keep their bookkeeping to themselves, so there
``readable()`` is False and a trashed file is put back from the Finder or the
Recycle Bin; files moved to a folder can be restored everywhere.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from urllib.parse import unquote_to_bytes

INFO_SUFFIX = ".trashinfo"


@dataclass(frozen=True)
class TrashEntry:
    """A file in the trash and its ``.trashinfo``."""

    file: str
    info: str


@dataclass(frozen=True)
class _Slot:
    trash: bytes  # the trash folder (holding files/ and info/)
    topdir: bytes  # what relative Path= lines are relative to
    name: bytes  # the name send2trash would give the file there


def readable() -> bool:
    """Whether this platform's trash can be read back by photodedup."""
    return sys.platform not in ("darwin", "win32")


def slots(path: str) -> list[_Slot]:
    """Where ``path`` may land in the trash, as the names free right now."""
    if not readable():
        return []
    from send2trash import plat_other  # read at call time: tests redirect it

    name = os.path.basename(os.fsencode(path))
    roots = [(plat_other.HOMETRASH_B, plat_other.XDG_DATA_HOME)]
    with contextlib.suppress(OSError):
        top = plat_other.find_mount_point(os.fsencode(path))
        uid = str(os.getuid()).encode("ascii")
        roots.append((os.path.join(top, b".Trash", uid), top))
        roots.append((os.path.join(top, b".Trash-" + uid), top))
    return [_Slot(trash, topdir, _free_name(trash, name)) for trash, topdir in roots]


def entry_after(path: str, predicted: list[_Slot]) -> TrashEntry | None:
    """The trash entry ``path`` became, among the ``predicted`` slots."""
    wanted = os.fsencode(os.path.abspath(path))
    for slot in predicted:
        info = os.path.join(slot.trash, b"info", slot.name + INFO_SUFFIX.encode())
        file = os.path.join(slot.trash, b"files", slot.name)
        if os.path.lexists(file) and original_path(os.fsdecode(info), slot.topdir) == wanted:
            return TrashEntry(os.fsdecode(file), os.fsdecode(info))
    return None


def find_entry(path: str, size: int) -> TrashEntry | None:
    """The newest trash entry of ``path`` with ``size`` bytes, for logs that lack one."""
    wanted = os.fsencode(os.path.abspath(path))
    best: tuple[bytes, TrashEntry] | None = None
    for slot in slots(path):
        info_dir = os.path.join(slot.trash, b"info")
        try:
            names = os.listdir(info_dir)
        except OSError:
            continue
        for info_name in names:
            if not info_name.endswith(INFO_SUFFIX.encode()):
                continue
            info = os.path.join(info_dir, info_name)
            file = os.path.join(slot.trash, b"files", info_name[: -len(INFO_SUFFIX)])
            if original_path(os.fsdecode(info), slot.topdir) != wanted:
                continue
            try:
                if os.lstat(file).st_size != size:
                    continue
            except OSError:
                continue
            when = _deletion_date(info)
            if best is None or when > best[0]:
                best = (when, TrashEntry(os.fsdecode(file), os.fsdecode(info)))
    return best[1] if best else None


def original_path(info: str, topdir: bytes | None = None) -> bytes | None:
    """The absolute original path a ``.trashinfo`` records, or None if unreadable."""
    line = _field(os.fsencode(info), b"Path=")
    if line is None:
        return None
    original = unquote_to_bytes(line)
    if not original.startswith(b"/"):
        if topdir is None:
            # A drive's own trash sits in TOPDIR/.Trash/UID or TOPDIR/.Trash-UID.
            trash = os.path.dirname(os.path.dirname(os.fsencode(info)))
            topdir = os.path.dirname(trash)
            if os.path.basename(topdir) == b".Trash":
                topdir = os.path.dirname(topdir)
        original = os.path.join(topdir, original)
    return os.path.normpath(original)


def _deletion_date(info: bytes) -> bytes:
    return _field(info, b"DeletionDate=") or b""


def _field(info: bytes, key: bytes) -> bytes | None:
    try:
        with open(info, "rb") as f:
            for line in f.read(64 * 1024).splitlines():
                if line.startswith(key):
                    return line[len(key) :].strip()
    except OSError:
        return None
    return None


def _free_name(trash: bytes, name: bytes) -> bytes:
    # The same search send2trash makes, so the prediction names its choice.
    stem, ext = os.path.splitext(name)
    candidate, counter = name, 0
    while os.path.exists(os.path.join(trash, b"files", candidate)) or os.path.exists(
        os.path.join(trash, b"info", candidate + INFO_SUFFIX.encode())
    ):
        counter += 1
        candidate = stem + b" " + str(counter).encode("ascii") + ext
    return candidate
