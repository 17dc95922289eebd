"""The engine's trash (or move) step, shaped as a job for the job runner.

The engine owns every check, every write and the loop over the files; this work
only turns its progress and per-file outcomes into steps the window shows, so
that each file is reported as soon as it is gone and a stop lands between two
files.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from photodedup.core import trash
from photodedup.core.progress import Progress
from photodedup.core.reasons import Reason, Status
from photodedup.core.trash import Outcome, Planned, RemovalPlan, TrashCancelled


@dataclass(frozen=True)
class Step:
    """A progress report: ``done`` of ``total`` files handled; ``outcome`` is the
    file just handled, or None when ``path`` is about to be."""

    done: int
    total: int
    path: str
    outcome: Outcome | None = None


class RunningJob(Protocol):
    """What the dialog needs of the job that moves the files (the app's job runner
    starts it): its reports, its end, and a way to stop it between two files."""

    progress: Any  # Signal(Step)
    finished: Any  # Signal(list[Outcome])
    failed: Any  # Signal(str)

    def cancel(self) -> None: ...


# Starts the removal of these files: to the trash, or into a folder when one is given.
StartRemoval = Callable[[list[Planned], str | None], RunningJob]
# Starts the restore of these removal batches; the job ends with each file's RestoreOutcome.
StartRestore = Callable[[list[str]], RunningJob]


def removal(
    items: Sequence[Planned],
    *,
    folder: str | None = None,
    roots: Sequence[str] = (),
    log_path: str | None = None,
) -> Callable[[Callable[[Any], None], threading.Event], list[Outcome]]:
    """Send ``items`` to the trash, or move them to ``folder`` when one is given.

    In ``folder`` a file under one of ``roots`` keeps its path below that root.

    The work returns every Outcome in plan order, the files it stopped before
    included (skipped, with the reason code ``Reason.STOPPED``)."""
    items = list(items)
    batch = trash.new_batch_id()  # one batch for the whole run, to restore as one

    def work(progress: Callable[[Any], None], cancel: threading.Event) -> list[Outcome]:
        told: list[Outcome] = []

        def on_progress(p: Progress) -> None:
            progress(Step(p.done, p.total, p.current))

        def on_outcome(outcome: Outcome) -> None:
            told.append(outcome)
            progress(Step(len(told), len(items), outcome.path, outcome))

        run: dict[str, Any] = {
            "log_path": log_path,
            "progress": on_progress,
            "cancel": cancel,
            "batch": batch,
            "on_outcome": on_outcome,
        }
        try:
            if folder is None:
                return trash.execute(RemovalPlan(items=items), **run)
            return trash.move_to(items, folder, roots=tuple(roots), **run)
        except TrashCancelled as stop:
            return stop.outcomes + stop.stopped
        except Exception as exc:  # a bug in the engine must not lose the report
            reason = f"{type(exc).__name__}: {exc}"
            reported = {o.path for o in told}
            return told + [
                Outcome(i.path, Status.FAILED, Reason.ERROR, reason)
                for i in items
                if i.path not in reported
            ]

    return work
