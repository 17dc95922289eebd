"""Moving a user's file without ever overwriting or losing one.

The primitives the removal and the restore share: claim a name exclusively
before writing to it, copy across drives only with a read-back check, and put
a file in place under a name that must still be free.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import shutil

# Errors that mean "this file system has no hard links", not "something is wrong".
_NO_LINKS = frozenset({errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS})


def reserve(folder: str, name: str) -> str:
    """Create an empty file for ``name`` in ``folder``, or "name (2)" etc. if taken.

    Creating it exclusively claims the name, so nothing that appears there
    meanwhile can be overwritten.
    """
    stem, ext = os.path.splitext(name)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for n in itertools.count(1):
        candidate = os.path.join(folder, name if n == 1 else f"{stem} ({n}){ext}")
        try:
            os.close(os.open(candidate, flags, 0o600))
        except FileExistsError:
            if n >= 10_000:
                raise
            continue
        return candidate
    raise AssertionError("unreachable")


def copy_verified(src: str, dest: str, size: int) -> None:
    shutil.copyfile(src, dest)
    with open(dest, "r+b") as f:
        os.fsync(f.fileno())
    with contextlib.suppress(OSError):  # times and modes are a courtesy some drives refuse
        shutil.copystat(src, dest)
    if os.stat(dest).st_size != size or not same_bytes(src, dest):
        raise OSError(errno.EIO, "the copy does not match the original")


def same_bytes(a: str, b: str, chunk: int = 1 << 20) -> bool:
    with open(a, "rb") as fa, open(b, "rb") as fb:
        while True:
            block = fa.read(chunk)
            if block != fb.read(chunk):
                return False
            if not block:
                return True


def discard(path: str) -> None:
    """Remove our own empty or partial copy of a file that still exists."""
    with contextlib.suppress(OSError):
        os.remove(path)


def place(src: str, dest: str) -> None:
    """Give ``src`` (on the same drive) the name ``dest``, which must be free.

    A hard link fails when ``dest`` exists, so nothing that appeared there
    meanwhile is overwritten, and until the old name is unlinked the file is
    under both names: a crash in between loses nothing. Where the file system
    has no hard links, an exclusively created placeholder is replaced instead.
    Raises ``FileExistsError`` when ``dest`` is taken.
    """
    try:
        os.link(src, dest, follow_symlinks=False)
    except OSError as exc:
        if isinstance(exc, FileExistsError) or exc.errno not in _NO_LINKS:
            raise
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        os.close(os.open(dest, flags, 0o600))
        os.replace(src, dest)  # onto our own empty placeholder
        return
    os.unlink(src)
