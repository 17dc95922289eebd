"""One-line wording for a failed file or folder operation, for every stage that reads files."""

from __future__ import annotations

import errno


def os_error_reason(exc: OSError, *, folder: bool = False) -> str:
    """A one-line, human reason for a failed file or folder operation (no path in it)."""
    code = exc.errno
    if code in (errno.ENOENT, errno.ENOTDIR):
        return f"{'folder' if folder else 'file'} vanished during the scan"
    if code == errno.ENAMETOOLONG:
        return "path too long"
    if code == errno.ELOOP:
        return "symbolic link loop"
    if code in (errno.EACCES, errno.EPERM):
        reason = "permission denied"
    elif code == errno.EIO:
        reason = "input/output error (failing disk or disconnected drive?)"
    else:
        text = exc.strerror or str(exc) or type(exc).__name__
        reason = " ".join(text.split()).lower()
    return f"cannot open folder: {reason}" if folder else f"cannot read: {reason}"
