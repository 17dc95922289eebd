"""The one audited path by which photodedup acts on the user's files.

Nothing else in photodedup trashes, moves or removes a user's file. A removal
runs in two steps: ``plan_removal`` turns the user's marks into a plan and
lists what is wrong with it (a group about to lose every copy, a file in a
reference folder); ``execute`` then acts on a plan without problems, file by
file, and right before each one checks again that the file is the one that
was scanned and that a copy of it is still there to keep. Each file acted on
is appended to a log (one JSON object a line, flushed to disk at once).

Files go to the system trash. Where a drive has none, ``move_instead`` moves
them into a folder the user picks, never over an existing file and never
removing the original before its copy has been read back in full.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import json
import os
import shutil
import stat
import sys
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, BinaryIO

import platformdirs
import send2trash
from send2trash.exceptions import TrashPermissionError

from photodedup.core.models import Cancelled, Group, Progress, ProgressCallback

LOG_NAME = "trash.log"


@dataclass(frozen=True)
class Planned:
    """A file to remove, as it was scanned, and the copies of its group that stay.

    ``kept_facts`` holds the scanned ``(size, mtime_ns)`` of each path in
    ``kept``, in the same order; without it a kept copy only has to exist.
    """

    path: str
    size: int
    mtime_ns: int
    group: int  # index into the groups the plan was made from
    kept: tuple[str, ...]
    kept_facts: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class PlanProblem:
    """Why a plan cannot run; ``group`` is -1 for a path found in no group."""

    group: int
    message: str


@dataclass
class RemovalPlan:
    items: list[Planned] = field(default_factory=list)
    problems: list[PlanProblem] = field(default_factory=list)

    @property
    def bytes(self) -> int:
        return sum(item.size for item in self.items)

    @property
    def ok(self) -> bool:
        """True when there is something to do and nothing wrong with it."""
        return bool(self.items) and not self.problems


@dataclass(frozen=True)
class Outcome:
    """What happened to one file: trashed, moved, skipped, no-trash or failed."""

    path: str
    status: str
    reason: str = ""
    destination: str | None = None


class TrashCancelled(Cancelled):
    """Cancel arrived mid-way; ``outcomes`` tells what was done before it."""

    def __init__(self, outcomes: list[Outcome]) -> None:
        super().__init__(f"cancelled after {len(outcomes)} files")
        self.outcomes = outcomes


def default_log_path() -> str:
    """Where removals are logged: the user log dir (on Linux under XDG_STATE_HOME)."""
    return os.path.join(platformdirs.user_log_dir("photodedup", appauthor=False), LOG_NAME)


def plan_removal(groups: Sequence[Group], marked: Collection[str]) -> RemovalPlan:
    """Plan to remove the ``marked`` paths of ``groups``.

    Group numbers in problem messages count from 1, as the user sees them.
    """
    marked = set(marked)
    plan = RemovalPlan()
    planned: set[str] = set()
    found: set[str] = set()
    for index, group in enumerate(groups):
        paths = group.paths
        found.update(paths)
        here = [m for m in group.members if m.image.path in marked]
        if here and len(here) == len(group.members):
            n = len(here)
            plan.problems.append(
                PlanProblem(
                    index,
                    f"All {n} files of group {index + 1} are marked; "
                    "unmark at least one to keep a copy",
                )
            )
        kept = [m.image for m in group.members if m.image.path not in marked]
        for member in here:
            path = member.image.path
            if member.in_reference_folder:
                plan.problems.append(
                    PlanProblem(index, f"{path} is in a reference folder and is never removed")
                )
            elif path not in planned:
                planned.add(path)
                plan.items.append(
                    Planned(
                        path=path,
                        size=member.image.size,
                        mtime_ns=member.image.mtime_ns,
                        group=index,
                        kept=tuple(r.path for r in kept),
                        kept_facts=tuple((r.size, r.mtime_ns) for r in kept),
                    )
                )
    for path in sorted(marked - found):
        plan.problems.append(PlanProblem(-1, f"{path} is not in any group"))
    return plan


def execute(
    plan: RemovalPlan,
    *,
    log_path: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: Any = None,
) -> list[Outcome]:
    """Send the plan's files to the trash, one by one, in order.

    Before each file: it must still have the scanned size and modification
    time, and a kept copy of its group must still be there unchanged;
    otherwise it is skipped and left alone. Raises ``ValueError`` for a plan
    with problems, and ``TrashCancelled`` (a ``Cancelled``) when ``cancel``
    is set between two files.
    """
    if plan.problems:
        raise ValueError(f"refusing to run a removal plan with problems: {plan.problems[0]}")
    return _run(plan.items, _trash_one, "trash", log_path, progress, cancel)


def move_instead(
    items: Sequence[Planned],
    folder: str,
    *,
    log_path: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: Any = None,
) -> list[Outcome]:
    """Move files that could not go to the trash into ``folder``.

    The same checks as ``execute`` come first. A name already taken in
    ``folder`` gets " (2)", " (3)"... Across drives the file is copied, read
    back and compared, and only then is the original removed.
    """
    if not os.path.isdir(folder):
        return [Outcome(i.path, "failed", f"{folder} is not an existing folder") for i in items]

    def move(item: Planned, log: _Log) -> Outcome:
        return _move_one(item, folder, log)

    return _run(items, move, "move", log_path, progress, cancel)


def trash_error_status(exc: BaseException) -> tuple[str, str]:
    """Map an error from send2trash to an outcome status and a one-line reason.

    "no-trash" means the file's drive has no usable trash, so moving it to a
    folder may work; "failed" is anything else.
    """
    if isinstance(exc, TrashPermissionError):
        where = f" ({exc.filename})" if exc.filename else ""
        return "no-trash", f"no trash can be used on this file's drive{where}"
    if isinstance(exc, OSError):
        if exc.errno is None and "mount point" in str(exc):
            return "no-trash", "no trash can be found for this file's drive"
        if exc.errno == errno.EROFS:
            return "failed", "the drive is read-only"
        return "failed", exc.strerror or str(exc) or type(exc).__name__
    return "failed", f"{type(exc).__name__}: {exc}"


def read_log(path: str | None = None) -> list[dict[str, Any]]:
    """The entries of a removal log, oldest first; an absent log has none.

    A line cut short (the machine stopped while writing it) is left out.
    """
    entries = []
    try:
        with open(path or default_log_path(), encoding="utf-8", errors="surrogateescape") as f:
            for line in f:
                with contextlib.suppress(ValueError):
                    entries.append(json.loads(line))
    except FileNotFoundError:
        pass
    return entries


# --- running -----------------------------------------------------------------


class _Log:
    """An append-only JSON-lines log, each line on disk before the next file."""

    def __init__(self, path: str) -> None:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        self._file: BinaryIO = open(path, "ab")  # noqa: SIM115 - closed by _run
        if not _ends_line(path):
            self._file.write(b"\n")  # a line cut short must not swallow the next one

    def write(self, action: str, path: str, size: int, destination: str | None) -> None:
        entry = {
            "time": datetime.now().astimezone().isoformat(timespec="seconds"),
            "action": action,
            "path": path,
            "size": size,
            "destination": destination,
        }
        try:
            # Undecodable name bytes go back out as they were, so the log shows
            # the name the file system holds.
            line = json.dumps(entry, ensure_ascii=False).encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            line = json.dumps(entry).encode("ascii")
        self._file.write(line + b"\n")
        self._file.flush()
        os.fsync(self._file.fileno())

    def close(self) -> None:
        self._file.close()


def _ends_line(path: str) -> bool:
    with open(path, "rb") as f:
        if f.seek(0, os.SEEK_END) == 0:
            return True
        f.seek(-1, os.SEEK_END)
        return f.read(1) == b"\n"


def _run(
    items: Sequence[Planned],
    act: Callable[[Planned, _Log], Outcome],
    phase: str,
    log_path: str | None,
    progress: ProgressCallback | None,
    cancel: Any,
) -> list[Outcome]:
    path = log_path or default_log_path()
    try:
        log = _Log(path)
    except OSError as exc:
        reason = f"cannot write the log {path}: {exc.strerror or exc}"
        return [Outcome(item.path, "failed", reason) for item in items]
    outcomes: list[Outcome] = []
    total_bytes = sum(item.size for item in items)
    done_bytes = 0
    try:
        for done, item in enumerate(items):
            if progress is not None:
                progress(
                    Progress(
                        phase,
                        done,
                        len(items),
                        bytes_done=done_bytes,
                        bytes_total=total_bytes,
                        current=item.path,
                    )
                )
            if cancel is not None and cancel.is_set():
                raise TrashCancelled(outcomes)
            try:
                outcomes.append(act(item, log))
            except _LogFailed as exc:
                outcomes.append(exc.outcome)
                reason = f"stopped: the log {path} could not be written"
                outcomes += [Outcome(i.path, "skipped", reason) for i in items[done + 1 :]]
                break
            done_bytes += item.size
        if progress is not None:
            progress(
                Progress(
                    phase, len(items), len(items), bytes_done=done_bytes, bytes_total=total_bytes
                )
            )
    finally:
        log.close()
    return outcomes


class _LogFailed(Exception):
    def __init__(self, outcome: Outcome) -> None:
        super().__init__(outcome.path)
        self.outcome = outcome


def _record(log: _Log, outcome: Outcome, size: int) -> Outcome:
    try:
        log.write(outcome.status, outcome.path, size, outcome.destination)
    except (OSError, ValueError) as exc:
        raise _LogFailed(outcome) from exc
    return outcome


def _trash_one(item: Planned, log: _Log) -> Outcome:
    reason = _check(item)
    if reason:
        return Outcome(item.path, "skipped", reason)
    reason = _no_recycle_bin(item.path)
    if reason:
        return Outcome(item.path, "no-trash", reason)
    try:
        send2trash.send2trash(item.path)
    except Exception as exc:  # anything send2trash raises is this file's outcome
        status, reason = trash_error_status(exc)
        return Outcome(item.path, status, reason)
    if os.path.lexists(item.path):
        return Outcome(item.path, "failed", "the file is still there after trashing it")
    return _record(log, Outcome(item.path, "trashed"), item.size)


def _move_one(item: Planned, folder: str, log: _Log) -> Outcome:
    reason = _check(item)
    if reason:
        return Outcome(item.path, "skipped", reason)
    moved = False
    dest = ""
    try:
        dest = _reserve(folder, os.path.basename(item.path))
        if os.stat(folder).st_dev == os.lstat(item.path).st_dev:
            try:
                os.replace(item.path, dest)  # onto our own empty placeholder
                moved = True
            except OSError as exc:
                if exc.errno != errno.EXDEV:
                    raise
        if not moved:
            _copy_verified(item.path, dest, item.size)
            os.remove(item.path)
            moved = True
    except OSError as exc:
        # Our copy goes only while the original is still there to keep.
        if dest and not moved and os.path.lexists(item.path):
            _discard(dest)
        return Outcome(item.path, "failed", f"could not move it: {exc.strerror or exc}")
    return _record(log, Outcome(item.path, "moved", destination=dest), item.size)


# --- checks ------------------------------------------------------------------


def _check(item: Planned) -> str | None:
    """Why ``item`` must not be touched now, or None when it is safe to."""
    try:
        st = os.lstat(item.path)
    except FileNotFoundError:
        return "file no longer exists"
    except OSError as exc:
        return f"cannot read the file: {exc.strerror or exc}"
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file any more"
    if st.st_size != item.size or st.st_mtime_ns != item.mtime_ns:
        return "file changed since the scan"
    return _kept_problem(item, st)


def _kept_problem(item: Planned, st: os.stat_result) -> str | None:
    """Why no kept copy vouches for ``item``, or None when one does."""
    if not item.kept:
        return "no other file of its group is kept"
    facts: Sequence[tuple[int, int] | None] = item.kept_facts
    if len(facts) != len(item.kept):
        facts = [None] * len(item.kept)
    linked = None
    for path, fact in zip(item.kept, facts, strict=True):
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
        return None
    if linked is not None:
        return f"the copy to keep is the same file under another name: {linked}"
    return f"the copy to keep is missing or changed: {item.kept[0]}"


def _no_recycle_bin(path: str) -> str | None:
    """Why Windows would delete ``path`` outright instead of recycling it.

    Windows silently deletes files on network shares, removable and RAM
    drives when asked to recycle them, so those never reach send2trash.
    """
    if sys.platform != "win32":
        return None
    drive = os.path.splitdrive(os.path.abspath(path))[0]
    if not drive or drive.startswith(("\\\\", "//")):
        return "network folders have no Recycle Bin"
    import ctypes

    drive_fixed = 3
    if ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") != drive_fixed:
        return "this drive has no Recycle Bin (removable, network or RAM drive)"
    return None


# --- moving ------------------------------------------------------------------


def _reserve(folder: str, name: str) -> str:
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


def _copy_verified(src: str, dest: str, size: int) -> None:
    shutil.copyfile(src, dest)
    with open(dest, "r+b") as f:
        os.fsync(f.fileno())
    with contextlib.suppress(OSError):  # times and modes are a courtesy some drives refuse
        shutil.copystat(src, dest)
    if os.stat(dest).st_size != size or not _same_bytes(src, dest):
        raise OSError(errno.EIO, "the copy does not match the original")


def _same_bytes(a: str, b: str, chunk: int = 1 << 20) -> bool:
    with open(a, "rb") as fa, open(b, "rb") as fb:
        while True:
            block = fa.read(chunk)
            if block != fb.read(chunk):
                return False
            if not block:
                return True


def _discard(path: str) -> None:
    """Remove our own empty or partial copy of a file that still exists."""
    with contextlib.suppress(OSError):
        os.remove(path)
