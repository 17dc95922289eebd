"""The one audited path by which photodedup acts on the user's files.

Nothing else in photodedup trashes, moves or removes a user's file. A removal
runs in two steps: ``plan_removal`` turns the user's marks into a plan and
lists what is wrong with it (a group about to lose every copy, a file in a
reference folder); ``execute`` then acts on a plan without problems, file by
file, and right before each one checks again that the file is the one that
was scanned and that a copy of it is still there to keep. Each file acted on
is appended to a log (one JSON object a line, flushed to disk at once).

Files go to the system trash. Where a drive has none, ``move_to`` moves
them into a folder the user picks, never over an existing file and never
removing the original before its copy has been read back in full.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace

import send2trash
from send2trash.exceptions import TrashPermissionError

from photodedup.core import fdtrash, safemove
from photodedup.core.actionlog import (
    LOG_NAME,
    LogWriter,
    default_log_path,
    new_batch_id,
    read_log,
)
from photodedup.core.models import ImageRecord
from photodedup.core.progress import Cancelled, CancelToken, ProgressCallback, Reporter
from photodedup.core.reasons import Phase, Reason, Status
from photodedup.core.results import Group, Member
from photodedup.core.trash_checks import check, content_digest, no_recycle_bin
from photodedup.core.trash_leftovers import discard_leftovers, error_status

__all__ = ["LOG_NAME", "default_log_path", "new_batch_id", "read_log"]


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
    digest: str = ""  # the scan's quick digest (fingerprint.quick_digest); "" is not checked
    kept_digests: tuple[str, ...] = ()  # the same for each path in ``kept``


@dataclass(frozen=True)
class PlanProblem:
    """Why a plan cannot run; ``group`` is -1 for a path found in no group, and
    ``path`` names the file when the problem is one file's."""

    group: int
    reason: Reason
    path: str = ""


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
    """What happened to one file; for a file left in place, ``reason`` says why
    and ``detail`` adds what only the moment knows (a path, the system's words)."""

    path: str
    status: Status
    reason: Reason | None = None
    detail: str = ""
    destination: str | None = None  # where it went, when that is known
    batch: str = ""  # the log batch it was recorded under


OutcomeCallback = Callable[[Outcome], None]


class TrashCancelled(Cancelled):
    """Cancel arrived mid-way; ``outcomes`` tells what was done before it, and
    ``stopped`` holds a "skipped" outcome (reason ``Reason.STOPPED``) for each
    file not reached."""

    def __init__(self, outcomes: list[Outcome], stopped: list[Outcome] | None = None) -> None:
        super().__init__(f"cancelled after {len(outcomes)} files")
        self.outcomes = outcomes
        self.stopped = stopped or []


def plan_removal(
    groups: Sequence[Group], marked: Collection[str], unavailable: Collection[str] = ()
) -> RemovalPlan:
    """Plan to remove the ``marked`` paths of ``groups``.

    ``unavailable`` names files found gone or changed since the scan (see
    ``freshness``): they are never planned, and never count as a copy that stays,
    so a group whose unmarked copies are all unavailable is a ``KEPT_MISSING``
    problem naming the first of them. Problems name their group by its index in
    ``groups``.
    """
    marked = set(marked)
    unavailable = set(unavailable)
    plan = RemovalPlan()
    items, problems = plan.items, plan.problems
    planned: set[str] = set()
    found: set[str] = set()
    # One pass over each group's members, and the copies that stay worked out once
    # per group: 35,000 marked files of 18,000 groups are planned while the review
    # waits for them.
    for index, group in enumerate(groups):
        here: list[Member] = []
        kept: list[ImageRecord] = []
        for member in group.members:
            image = member.image
            found.add(image.path)
            if image.path in marked:
                here.append(member)
            else:
                kept.append(image)
        if not here:
            continue
        if not kept:
            problems.append(PlanProblem(index, Reason.ALL_MARKED))
        if unavailable:
            here = [m for m in here if m.image.path not in unavailable]
            stays = [r for r in kept if r.path not in unavailable]
            if here and kept and not stays:
                problems.append(PlanProblem(index, Reason.KEPT_MISSING, kept[0].path))
            kept = stays
        kept_paths = tuple(r.path for r in kept)
        kept_facts = tuple((r.size, r.mtime_ns) for r in kept)
        kept_digests = tuple(r.digest for r in kept)
        for member in here:
            image = member.image
            path = image.path
            if member.in_reference_folder:
                problems.append(PlanProblem(index, Reason.IN_REFERENCE_FOLDER, path))
            elif path not in planned:
                planned.add(path)
                planned_item = Planned(
                    path, image.size, image.mtime_ns, index,
                    kept_paths, kept_facts, image.digest, kept_digests,
                )  # fmt: skip
                items.append(planned_item)
    for path in sorted(marked - found):
        plan.problems.append(PlanProblem(-1, Reason.NOT_IN_A_GROUP, path))
    return plan


def execute(
    plan: RemovalPlan,
    *,
    log_path: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    batch: str | None = None,
    on_outcome: OutcomeCallback | None = None,
) -> list[Outcome]:
    """Send the plan's files to the trash, one by one, in order.

    Before each file: it must still have the scanned size and modification
    time, and a kept copy of its group must still be there unchanged;
    otherwise it is skipped and left alone. Each file is logged under
    ``batch`` (a new id when None; pass the same id to several calls to make
    them one batch) with its digest and its place in the trash.
    ``on_outcome`` hears each file's outcome as soon as the file is done. Raises
    ``ValueError`` for a plan with problems, and ``TrashCancelled`` (a
    ``Cancelled``) when ``cancel`` is set between two files.
    """
    if plan.problems:
        raise ValueError(f"refusing to run a removal plan with problems: {plan.problems[0]}")
    return _run(plan.items, _trash_one, Phase.TRASH, log_path, progress, cancel, batch, on_outcome)


def move_to(
    items: Sequence[Planned],
    folder: str,
    *,
    roots: Sequence[str] = (),
    log_path: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    batch: str | None = None,
    on_outcome: OutcomeCallback | None = None,
) -> list[Outcome]:
    """Move files into ``folder`` instead of the trash, restorably.

    The same checks as ``execute`` come first. A file under one of ``roots``
    keeps its path below that root, starting with the root's own name
    (``folder/Pictures/2021/a.jpg``); other files go straight into ``folder``.
    A name already taken gets " (2)", " (3)"... Across drives the file is
    copied, read back and compared, and only then is the original removed.
    """
    if not os.path.isdir(folder):
        failed = [Outcome(i.path, Status.FAILED, Reason.NO_SUCH_FOLDER, folder) for i in items]
        return _told(failed, on_outcome)

    def move(item: Planned, log: _BatchLog) -> Outcome:
        return _move_one(item, folder, _relative_place(item.path, roots), log)

    return _run(items, move, Phase.MOVE, log_path, progress, cancel, batch, on_outcome)


def trash_error_status(exc: BaseException, path: str | None = None) -> tuple[Status, Reason, str]:
    """Map an error from send2trash to an outcome status, a reason and its detail.

    ``NO_TRASH`` means the file's drive has no usable trash, so moving it to a
    folder may work; ``FAILED`` is anything else. With ``path`` (the file that
    failed) a read-only or full trash is told apart from a read-only drive.
    """
    if isinstance(exc, TrashPermissionError):
        return Status.NO_TRASH, Reason.NO_TRASH, exc.filename or ""
    if isinstance(exc, OSError):
        if exc.errno is None and "mount point" in str(exc):
            return Status.NO_TRASH, Reason.NO_TRASH, ""
        return error_status(exc, path)
    return Status.FAILED, Reason.ERROR, f"{type(exc).__name__}: {exc}"


# --- running -----------------------------------------------------------------


@dataclass
class _BatchLog:
    writer: LogWriter
    batch: str


def _run(
    items: Sequence[Planned],
    act: Callable[[Planned, _BatchLog], Outcome],
    phase: Phase,
    log_path: str | None,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
    batch: str | None,
    on_outcome: OutcomeCallback | None,
) -> list[Outcome]:
    path = log_path or default_log_path()
    try:
        # Opened once for the whole batch; each line is on disk before the next file.
        log = _BatchLog(LogWriter(path), batch or new_batch_id())
    except OSError as exc:
        detail = f"{path}: {exc.strerror or exc}"
        failed = [Outcome(i.path, Status.FAILED, Reason.LOG_UNWRITABLE, detail) for i in items]
        return _told(failed, on_outcome)
    outcomes: list[Outcome] = []
    reporter = Reporter(
        progress, phase, total=len(items), bytes_total=sum(i.size for i in items), interval=0
    )
    try:
        for done, item in enumerate(items):
            reporter.report(item.path)
            if cancel is not None and cancel.is_set():
                stopped = [Outcome(i.path, Status.SKIPPED, Reason.STOPPED) for i in items[done:]]
                raise TrashCancelled(outcomes, stopped)
            try:
                outcomes += _told([act(item, log)], on_outcome)
            except _LogFailed as exc:
                rest = [
                    Outcome(i.path, Status.SKIPPED, Reason.LOG_STOPPED, path)
                    for i in items[done + 1 :]
                ]
                outcomes += _told([exc.outcome, *rest], on_outcome)
                break
            reporter.count(nbytes=item.size)
        reporter.report()
    finally:
        log.writer.close()
    return outcomes


def _told(outcomes: list[Outcome], on_outcome: OutcomeCallback | None) -> list[Outcome]:
    if on_outcome is not None:
        for outcome in outcomes:
            on_outcome(outcome)
    return outcomes


class _LogFailed(Exception):
    def __init__(self, outcome: Outcome) -> None:
        super().__init__(outcome.path)
        self.outcome = outcome


def _record(
    log: _BatchLog, outcome: Outcome, size: int, digest: str, trashinfo: str | None = None
) -> Outcome:
    outcome = replace(outcome, batch=log.batch)
    try:
        log.writer.write(
            log.batch,
            outcome.status,
            outcome.path,
            size,
            digest=digest,
            destination=outcome.destination,
            trashinfo=trashinfo,
        )
    except (OSError, ValueError) as exc:
        raise _LogFailed(outcome) from exc
    return outcome


def _trash_one(item: Planned, log: _BatchLog) -> Outcome:
    why = check(item)
    if why:
        return Outcome(item.path, Status.SKIPPED, *why)
    why = no_recycle_bin(item.path)
    if why:
        return Outcome(item.path, Status.NO_TRASH, *why)
    digest, why = content_digest(item.path)
    if digest is None:
        return Outcome(item.path, Status.SKIPPED, *why)
    slots = fdtrash.slots(item.path)
    try:
        send2trash.send2trash(item.path)
    except Exception as exc:  # anything send2trash raises is this file's outcome
        discard_leftovers(item.path, slots)
        return Outcome(item.path, *trash_error_status(exc, item.path))
    if os.path.lexists(item.path):
        return Outcome(item.path, Status.FAILED, Reason.STILL_THERE)
    entry = fdtrash.entry_after(item.path, slots)
    outcome = Outcome(item.path, Status.TRASHED, destination=entry.file if entry else None)
    return _record(log, outcome, item.size, digest, entry.info if entry else None)


def _move_one(item: Planned, folder: str, place: str, log: _BatchLog) -> Outcome:
    why = check(item)
    if why:
        return Outcome(item.path, Status.SKIPPED, *why)
    digest, why = content_digest(item.path)
    if digest is None:
        return Outcome(item.path, Status.SKIPPED, *why)
    moved = False
    dest = ""
    try:
        target = os.path.join(folder, place)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        dest = safemove.reserve(os.path.dirname(target), os.path.basename(target))
        if os.stat(os.path.dirname(dest)).st_dev == os.lstat(item.path).st_dev:
            try:
                os.replace(item.path, dest)  # onto our own empty placeholder
                moved = True
            except OSError as exc:
                if exc.errno != errno.EXDEV:
                    raise
        if not moved:
            safemove.copy_verified(item.path, dest, item.size)
            os.remove(item.path)
            moved = True
    except OSError as exc:
        # Our copy goes only while the original is still there to keep.
        if dest and not moved and os.path.lexists(item.path):
            safemove.discard(dest)
        return Outcome(item.path, Status.FAILED, Reason.MOVE_FAILED, str(exc.strerror or exc))
    return _record(log, Outcome(item.path, Status.MOVED, destination=dest), item.size, digest)


def _relative_place(path: str, roots: Sequence[str]) -> str:
    """Where below the destination folder ``path`` goes: its path under its root."""
    best = ""
    for root in roots:
        root = os.path.abspath(root)
        with contextlib.suppress(ValueError):
            if os.path.commonpath([root, path]) == root and len(root) > len(best):
                best = root
    if not best:
        return os.path.basename(path)
    base = os.path.basename(best) or "root"
    return os.path.join(base, os.path.relpath(path, best))
