"""Putting the files of a removal batch back where they were.

``restore(batch)`` takes each file the batch removed from the trash (or the
folder it was moved to) back to its original path. It never overwrites: a file
that now exists there is left alone and reported. The file must be the one
removed (same content digest) before it is put back, and each file restored is
logged at once, so a restore can stop at any moment and simply be run again:
a file already back is recognised by its digest and not touched a second time.

Where the system trash cannot be read back (macOS, Windows), trashed files are
reported as ``NOT_READABLE`` and must be restored from the Finder or the
Recycle Bin; files moved to a folder are restored on every platform.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from dataclasses import dataclass
from enum import StrEnum

from photodedup.core import fdtrash, safemove
from photodedup.core.actionlog import Batch, LoggedFile, LogWriter, pending, read_history
from photodedup.core.fingerprint import full_digest
from photodedup.core.progress import Cancelled, CancelToken, ProgressCallback, Reporter
from photodedup.core.reasons import Phase


class RestoreStatus(StrEnum):
    RESTORED = "restored"
    ALREADY_RESTORED = "already-restored"  # back before this run; nothing done
    TARGET_EXISTS = "target-exists"  # another file now has the original name
    GONE = "gone"  # the trash was emptied, or the moved copy deleted
    CHANGED = "changed"  # what is in the trash is not the file that was removed
    NOT_READABLE = "not-readable"  # the platform trash hides where the file is
    FAILED = "failed"


@dataclass(frozen=True)
class RestoreOutcome:
    """What happened to one file; ``detail`` is the system's message, if any."""

    path: str
    status: RestoreStatus
    detail: str = ""
    source: str | None = None  # where it was brought back from

    @property
    def ok(self) -> bool:
        return self.status in (RestoreStatus.RESTORED, RestoreStatus.ALREADY_RESTORED)


class RestoreCancelled(Cancelled):
    """Cancel arrived between two files; ``outcomes`` tells what was done before."""

    def __init__(self, outcomes: list[RestoreOutcome]) -> None:
        super().__init__(f"cancelled after {len(outcomes)} files")
        self.outcomes = outcomes


def restore(
    batch: Batch,
    *,
    log_path: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> list[RestoreOutcome]:
    """Restore every file of ``batch`` not restored yet, in the order removed.

    The log is read again first, so a stale ``batch`` cannot restore twice.
    Raises ``OSError`` when the log cannot be written (then nothing is
    touched) and ``RestoreCancelled`` when ``cancel`` is set between files.
    """
    current = read_history(log_path).find(batch.id) or batch
    already = [f for f in batch.files if f.path in current.restored]
    outcomes = [RestoreOutcome(f.path, RestoreStatus.ALREADY_RESTORED) for f in _unique(already)]
    todo = pending(current)
    reporter = Reporter(progress, Phase.RESTORE, total=len(todo), interval=0)
    with LogWriter(log_path) as log:
        for logged in todo:
            reporter.report(logged.path)
            if cancel is not None and cancel.is_set():
                raise RestoreCancelled(outcomes)
            outcome = _restore_one(logged)
            if outcome.status == RestoreStatus.RESTORED:
                log.write(current.id, "restored", logged.path, logged.size, source=outcome.source)
            outcomes.append(outcome)
            reporter.count()
    reporter.report()
    return outcomes


def _unique(files: list[LoggedFile]) -> list[LoggedFile]:
    return list({f.path: f for f in files}.values())


def _restore_one(logged: LoggedFile) -> RestoreOutcome:
    source, info = logged.destination, logged.trashinfo
    if source is None and logged.action == "trashed":
        if not fdtrash.readable():
            return RestoreOutcome(logged.path, RestoreStatus.NOT_READABLE)
        entry = fdtrash.find_entry(logged.path, logged.size)  # a log from before batches
        if entry is None:
            return RestoreOutcome(logged.path, RestoreStatus.GONE)
        source, info = entry.file, entry.info
    if source is None:
        return RestoreOutcome(logged.path, RestoreStatus.GONE)
    try:
        return _put_back(logged, source, info)
    except OSError as exc:
        return RestoreOutcome(logged.path, RestoreStatus.FAILED, _reason(exc), source)


def _put_back(logged: LoggedFile, source: str, info: str | None) -> RestoreOutcome:
    target = logged.path
    here = _matches(target, logged)
    there = os.path.lexists(source)
    if here is not None:
        if not here:
            return RestoreOutcome(target, RestoreStatus.TARGET_EXISTS, source=source)
        # Already back (a run stopped before it could log): finish what it began.
        if there and _matches(source, logged):
            _remove_source(source)
        _drop_info(info)
        return RestoreOutcome(target, RestoreStatus.RESTORED, source=source)
    if not there:
        return RestoreOutcome(target, RestoreStatus.GONE, source=source)
    if not _matches(source, logged):
        return RestoreOutcome(target, RestoreStatus.CHANGED, source=source)
    os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
    try:
        _move_back(source, target, logged)
    except FileExistsError:
        return RestoreOutcome(target, RestoreStatus.TARGET_EXISTS, source=source)
    _drop_info(info)
    return RestoreOutcome(target, RestoreStatus.RESTORED, source=source)


def _matches(path: str, logged: LoggedFile) -> bool | None:
    """None when nothing is at ``path``; else whether it is the logged file."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(st.st_mode) or st.st_size != logged.size:
        return False
    if logged.digest is None:
        return True  # a log from before digests: the size is all there is to check
    return full_digest(path) == logged.digest


def _move_back(source: str, target: str, logged: LoggedFile) -> None:
    try:
        safemove.place(source, target)
        return
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
    # Another drive (the home trash, for a file whose own drive had none):
    # copy beside the target, check the copy, name it, and only then let go
    # of the source.
    folder, name = os.path.split(target)
    temp = safemove.reserve(folder, f".{name}.photodedup-restore")
    try:
        safemove.copy_verified(source, temp, logged.size)
        if logged.digest is not None and full_digest(temp) != logged.digest:
            raise OSError(errno.EIO, "the copy does not match the removed file")
        safemove.place(temp, target)
    except BaseException:
        safemove.discard(temp)
        raise
    os.remove(source)


def _remove_source(source: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.remove(source)


def _drop_info(info: str | None) -> None:
    if info:
        with contextlib.suppress(FileNotFoundError):
            os.remove(info)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__
