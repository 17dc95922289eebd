"""The engine's trash (or move) step, shaped as a job for the job runner.

The engine owns every check and every write; this work only feeds it the plan
file by file so that the window can show progress, report each file as soon as
it is gone, and stop cleanly between two files when the user asks.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from photodedup.core import trash
from photodedup.core.trash import Outcome, Planned, RemovalPlan

CANCELLED_REASON = "stopped before this file was reached"


@dataclass(frozen=True)
class Step:
    """A progress report: ``done`` of ``total`` files handled; ``outcome`` is the
    file just handled, or None when ``path`` is about to be."""

    done: int
    total: int
    path: str
    outcome: Outcome | None = None


def removal(
    items: Sequence[Planned], *, folder: str | None = None, log_path: str | None = None
) -> Callable[[Callable[[Any], None], threading.Event], list[Outcome]]:
    """Send ``items`` to the trash, or move them to ``folder`` when one is given.

    The work returns every Outcome in plan order, the files it stopped before included."""
    items = list(items)
    batch = trash.new_batch_id()  # one batch for the whole run, to restore as one

    def work(progress: Callable[[Any], None], cancel: threading.Event) -> list[Outcome]:
        outcomes: list[Outcome] = []
        total = len(items)
        for done, item in enumerate(items):
            if cancel.is_set():
                outcomes.extend(
                    Outcome(rest.path, "skipped", CANCELLED_REASON) for rest in items[done:]
                )
                return outcomes
            progress(Step(done, total, item.path))
            outcome = _handle(item, folder, log_path, batch)
            outcomes.append(outcome)
            progress(Step(done + 1, total, item.path, outcome))
        progress(Step(total, total, ""))
        return outcomes

    return work


def _handle(item: Planned, folder: str | None, log_path: str | None, batch: str) -> Outcome:
    # One file per engine call: the engine re-checks that file (and that a kept
    # copy of its group is still there) right before acting on it.
    try:
        if folder is None:
            plan = RemovalPlan(items=[item], problems=[])
            result = trash.execute(plan, log_path=log_path, batch=batch)
        else:
            result = trash.move_instead([item], folder, log_path=log_path, batch=batch)
    except Exception as exc:  # a bug in the engine must not lose the report
        return Outcome(item.path, "failed", f"{type(exc).__name__}: {exc}")
    return result[0] if result else Outcome(item.path, "failed", "no result from the engine")
