"""A trash attempt that failed: what it left behind, and what the failure means.

send2trash writes ``info/<name>.trashinfo`` first and moves the file second.
When the move fails (the trash folder is on another drive, or its drive fills
up during the copy) it leaves the info entry behind, and after a cross-drive
copy that ran out of space, a partial copy in ``files/``. The file itself is
still where it was; the leftovers would show in the user's trash as a second,
broken copy of it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Sequence

from photodedup.core import fdtrash
from photodedup.core.reasons import Reason, Status


def discard_leftovers(path: str, predicted: Sequence[fdtrash._Slot]) -> list[str]:
    """Remove the trash entries a failed attempt on ``path`` made in ``predicted`` slots.

    Does nothing unless ``path`` is still there: only then is an entry for it
    a leftover, never the only copy. Returns what was removed.
    """
    if not os.path.lexists(path):
        return []
    wanted = os.fsencode(os.path.abspath(path))
    removed: list[str] = []
    for slot in predicted:
        info = os.path.join(slot.trash, b"info", slot.name + fdtrash.INFO_SUFFIX.encode())
        if not os.path.lexists(info):
            continue
        if fdtrash.original_path(os.fsdecode(info), slot.topdir) != wanted:
            continue
        copy = os.path.join(slot.trash, b"files", slot.name)
        with contextlib.suppress(OSError):
            if stat.S_ISREG(os.lstat(copy).st_mode):
                os.remove(copy)
                removed.append(os.fsdecode(copy))
        with contextlib.suppress(OSError):
            os.remove(info)
            removed.append(os.fsdecode(info))
    return removed


def error_status(exc: OSError, path: str | None) -> tuple[Status, Reason, str]:
    """Status, reason and detail for an OS error from the trash (``trash_error_status``)."""
    if exc.errno == errno.ENAMETOOLONG:
        # The trash stores "<name>.trashinfo" beside it: 10 bytes more than the name.
        return Status.NO_TRASH, Reason.NAME_TOO_LONG_FOR_TRASH, ""
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM) and path is not None:
        if _read_only(os.path.dirname(os.path.abspath(path))):
            return Status.FAILED, Reason.READ_ONLY, ""
        if exc.errno == errno.EROFS:
            return Status.NO_TRASH, Reason.TRASH_READ_ONLY, ""
    if exc.errno == errno.EROFS:
        return Status.FAILED, Reason.READ_ONLY, ""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT) and path is not None:
        return Status.NO_TRASH, Reason.TRASH_FULL, ""
    return Status.FAILED, Reason.OS_ERROR, exc.strerror or str(exc) or type(exc).__name__


def _read_only(folder: str) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False
