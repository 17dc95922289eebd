"""What a failed file or folder operation means, as a reason code, for every stage
that reads files."""

from __future__ import annotations

import errno

from photodedup.core.reasons import Reason, Why


def os_error(exc: OSError, *, folder: bool = False) -> Why:
    """The reason code (and detail) for ``exc``, raised on a file or a folder."""
    code = exc.errno
    if code in (errno.ENOENT, errno.ENOTDIR):
        return (Reason.FOLDER_VANISHED if folder else Reason.VANISHED), ""
    if code == errno.ENAMETOOLONG:
        return Reason.PATH_TOO_LONG, ""
    if code == errno.ELOOP:
        return Reason.LINK_LOOP, ""
    if code in (errno.EACCES, errno.EPERM):
        return (Reason.FOLDER_PERMISSION_DENIED if folder else Reason.PERMISSION_DENIED), ""
    if code == errno.EIO:
        return Reason.IO_ERROR, ""
    text = exc.strerror or str(exc) or type(exc).__name__
    return (Reason.FOLDER_UNREADABLE if folder else Reason.UNREADABLE), " ".join(text.split())
