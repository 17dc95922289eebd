"""Copy the photos a check found new into an import folder, safely.

Each file keeps its folders relative to the query it was found under (a card's
``DCIM/100CANON/IMG_0001.JPG`` lands at ``DEST/DCIM/100CANON/IMG_0001.JPG``)
and its modification time. Nothing is ever overwritten: the copy is written to
a temporary name, flushed to disk, read back and compared with the original
by a whole-file digest, and only then given its name, by a hard link where the
file system has them (which refuses an existing name atomically) or a rename
after a last look. A file already there with the same content counts as done.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from photodedup.core.fingerprint import full_digest
from photodedup.core.group import in_folder
from photodedup.core.progress import Cancelled, Progress, ProgressCallback

CHUNK = 1024 * 1024


class CopyReason(StrEnum):
    """Why a new file was not copied; the front ends word it."""

    EXISTS = "exists"  # another file already has that name in DEST
    MISMATCH = "mismatch"  # the copy read back differs from the original
    READ = "read"  # the original could not be read
    WRITE = "write"  # DEST could not be written (full disk, permissions)


class DestProblem(StrEnum):
    """Why DEST cannot take copies at all; checked before anything is copied."""

    NOT_A_FOLDER = "not-a-folder"
    NO_PARENT = "no-parent"
    UNWRITABLE = "unwritable"
    INSIDE_QUERY = "inside-query"


@dataclass(frozen=True)
class Copied:
    source: str
    dest: str
    size: int
    already_there: bool = False  # the same bytes were at that name already


@dataclass(frozen=True)
class NotCopied:
    source: str
    dest: str
    reason: CopyReason
    detail: str = ""


@dataclass
class CopyReport:
    copied: list[Copied] = field(default_factory=list)
    failed: list[NotCopied] = field(default_factory=list)

    @property
    def bytes_copied(self) -> int:
        return sum(c.size for c in self.copied if not c.already_there)


def dest_problem(dest: str, queries: Sequence[str]) -> DestProblem | None:
    """Why ``dest`` cannot receive copies of files found under ``queries``, or None."""
    dest = os.path.abspath(dest)
    folders = [q for q in queries if os.path.isdir(q)]
    if folders and in_folder(dest, folders):
        return DestProblem.INSIDE_QUERY
    if os.path.lexists(dest):
        if not os.path.isdir(dest):
            return DestProblem.NOT_A_FOLDER
        return None if os.access(dest, os.W_OK | os.X_OK) else DestProblem.UNWRITABLE
    parent = os.path.dirname(dest)
    while parent and not os.path.lexists(parent):
        parent = os.path.dirname(parent) if os.path.dirname(parent) != parent else ""
    if not parent or not os.path.isdir(parent):
        return DestProblem.NO_PARENT
    return None if os.access(parent, os.W_OK | os.X_OK) else DestProblem.UNWRITABLE


def destination(path: str, queries: Sequence[str], dest: str) -> str:
    """Where ``path`` goes under ``dest``: its path relative to the query folder it is in."""
    path = os.path.abspath(path)
    best = ""
    for q in queries:
        q = os.path.abspath(q)
        if os.path.isdir(q) and in_folder(path, [q]) and len(q) > len(best):
            best = q
    rel = os.path.relpath(path, best) if best else os.path.basename(path)
    return os.path.join(os.path.abspath(dest), rel)


def copy_new(
    paths: Iterable[str],
    queries: Sequence[str],
    dest: str,
    *,
    progress: ProgressCallback | None = None,
    cancel=None,
) -> CopyReport:
    """Copy each of ``paths`` under ``dest`` as ``destination`` says, never overwriting."""
    todo = list(paths)
    report = CopyReport()
    for done, src in enumerate(todo):
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        if progress is not None:
            progress(Progress("copy", done, len(todo), current=src))
        target = destination(src, queries, dest)
        outcome = copy_one(src, target)
        (report.copied if isinstance(outcome, Copied) else report.failed).append(outcome)
    if progress is not None:
        progress(Progress("copy", len(todo), len(todo)))
    return report


def copy_one(src: str, target: str) -> Copied | NotCopied:
    """Copy one file to ``target`` with every check in the module docstring."""
    try:
        st = os.stat(src)
    except OSError as exc:
        return NotCopied(src, target, CopyReason.READ, _why(exc))
    if os.path.lexists(target):
        return _already(src, target, st.st_size)
    folder = os.path.dirname(target)
    tmp = os.path.join(folder, f".{os.path.basename(target)}.photodedup-partial")
    try:
        os.makedirs(folder, exist_ok=True)
        digest = _write_copy(src, tmp)
    except _ReadError as exc:
        _discard(tmp)
        return NotCopied(src, target, CopyReason.READ, _why(exc.error))
    except OSError as exc:
        _discard(tmp)
        return NotCopied(src, target, CopyReason.WRITE, _why(exc))
    try:
        _keep_times(src, tmp)
        if full_digest(tmp) != digest:
            _discard(tmp)
            return NotCopied(src, target, CopyReason.MISMATCH)
        placed = _place(tmp, target)
    except OSError as exc:
        _discard(tmp)
        return NotCopied(src, target, CopyReason.WRITE, _why(exc))
    if not placed:
        _discard(tmp)
        return _already(src, target, st.st_size)
    return Copied(src, target, st.st_size)


class _ReadError(Exception):
    def __init__(self, error: OSError) -> None:
        self.error = error


def _write_copy(src: str, tmp: str) -> str:
    """Copy ``src`` to a fresh ``tmp``, flushed to disk; the digest of what was read."""
    digest = hashlib.blake2b(digest_size=32)  # as fingerprint.full_digest
    try:
        source = open(src, "rb", buffering=0)  # noqa: SIM115 (two files, two error kinds)
    except OSError as exc:
        raise _ReadError(exc) from None
    with source:
        # O_EXCL: a partial file left by someone else is never written through.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "wb") as out:
            while True:
                try:
                    chunk = source.read(CHUNK)
                except OSError as exc:
                    raise _ReadError(exc) from None
                if not chunk:
                    break
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
            if hasattr(os, "posix_fadvise"):
                # Ask the kernel to drop its copy, so reading back reads the disk.
                os.posix_fadvise(out.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
    return digest.hexdigest()


def _keep_times(src: str, tmp: str) -> None:
    try:
        shutil.copystat(src, tmp)
    except OSError:
        # Some file systems (FAT on cards) refuse modes; the times matter most.
        st = os.stat(src)
        os.utime(tmp, ns=(st.st_atime_ns, st.st_mtime_ns))


def _place(tmp: str, target: str) -> bool:
    """Give ``tmp`` the name ``target`` unless that name exists; False if it does."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno not in (
            errno.EPERM,
            errno.ENOTSUP,
            errno.EOPNOTSUPP,
            errno.EXDEV,
            errno.EMLINK,
        ):
            raise
        # No hard links here (FAT, some network shares): rename after a last look.
        if os.path.lexists(target):
            return False
        os.rename(tmp, target)
        return True
    os.unlink(tmp)
    return True


def _already(src: str, target: str, size: int) -> Copied | NotCopied:
    try:
        same = os.path.isfile(target) and full_digest(target) == full_digest(src)
    except OSError:
        same = False
    if same:
        return Copied(src, target, size, already_there=True)
    return NotCopied(src, target, CopyReason.EXISTS)


def _discard(tmp: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(tmp)


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)
