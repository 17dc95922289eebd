"""The checks right before a file leaves its folder, and why a file must stay.

Each one returns None when the file may go, or a reason code and its detail.
They run for every file, at the moment it is acted on, not when it was planned:
between the two the user may have edited, moved or deleted a copy.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from photodedup.core.fingerprint import full_digest, quick_digest
from photodedup.core.reasons import Reason, Why

if TYPE_CHECKING:
    from photodedup.core.trash import Planned


def content_digest(path: str) -> tuple[str | None, Why]:
    """The file's full content digest for the log, or None and why it cannot be read."""
    try:
        return full_digest(path), (Reason.UNREADABLE, "")
    except OSError as exc:
        return None, (Reason.UNREADABLE, str(exc.strerror or exc))


def check(item: Planned) -> Why | None:
    """Why ``item`` must not be touched now, or None when it is safe to."""
    try:
        st = os.lstat(item.path)
    except FileNotFoundError:
        return Reason.VANISHED, ""
    except OSError as exc:
        return Reason.UNREADABLE, str(exc.strerror or exc)
    if not stat.S_ISREG(st.st_mode):
        return Reason.NOT_REGULAR, ""
    if st.st_size != item.size or st.st_mtime_ns != item.mtime_ns:
        return Reason.CHANGED, ""
    # Size and time can be put back by a copy tool or an editor; the bytes cannot.
    if not _same_content(item.path, item.size, item.digest):
        return Reason.CHANGED, ""
    return _kept_problem(item, st)


def _same_content(path: str, size: int, digest: str) -> bool:
    """Whether ``path`` still has the scanned quick digest (files up to 192 KiB whole)."""
    if not digest:
        return True
    try:
        return quick_digest(path, size) == digest
    except OSError:
        return False


def _kept_problem(item: Planned, st: os.stat_result) -> Why | None:
    """Why no kept copy vouches for ``item``, or None when one does."""
    if not item.kept:
        return Reason.NO_KEPT_COPY, ""
    facts: Sequence[tuple[int, int] | None] = item.kept_facts
    if len(facts) != len(item.kept):
        facts = [None] * len(item.kept)
    digests: Sequence[str] = item.kept_digests
    if len(digests) != len(item.kept):
        digests = [""] * len(item.kept)
    linked = None
    for path, fact, digest in zip(item.kept, facts, digests, strict=True):
        try:
            kst = os.lstat(path)
        except OSError:
            continue
        if not stat.S_ISREG(kst.st_mode):
            continue
        if fact is not None and (kst.st_size, kst.st_mtime_ns) != fact:
            continue
        if kst.st_ino and (kst.st_dev, kst.st_ino) == (st.st_dev, st.st_ino):
            linked = path  # the same file under another name: no copy at all
            continue
        if not _same_content(path, kst.st_size, digest):
            continue  # overwritten with other bytes: not a copy of anything
        return None
    if linked is not None:
        return Reason.KEPT_SAME_FILE, linked
    return Reason.KEPT_MISSING, item.kept[0]


def no_recycle_bin(path: str) -> Why | None:
    """Why Windows would delete ``path`` outright instead of recycling it.

    Windows silently deletes files on network shares, removable and RAM
    drives when asked to recycle them, so those never reach send2trash.
    """
    if sys.platform != "win32":
        return None
    drive = os.path.splitdrive(os.path.abspath(path))[0]
    if not drive or drive.startswith(("\\\\", "//")):
        return Reason.NO_RECYCLE_BIN_NETWORK, drive
    import ctypes

    drive_fixed = 3
    if ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") != drive_fixed:
        return Reason.NO_RECYCLE_BIN_DRIVE, drive
    return None
