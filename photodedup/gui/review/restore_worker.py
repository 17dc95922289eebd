"""The engine's restore of removal batches, shaped as a job for the job runner.

The engine re-reads the log, checks every file by digest and logs each one it
puts back; this work only hands the outcomes to the window.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from photodedup.core.actionlog import read_history
from photodedup.core.restore import RestoreCancelled, RestoreOutcome, RestoreStatus, restore


def restoring(
    batch_ids: Sequence[str], *, log_path: str | None = None
) -> Callable[[Callable[[Any], None], threading.Event], list[RestoreOutcome]]:
    """Restore the batches ``batch_ids``, in order; the work returns every file's outcome.

    A batch no longer in the log gives no outcome; a stop between two files
    returns what was done until then.
    """
    wanted = list(batch_ids)

    def work(progress: Callable[[Any], None], cancel: threading.Event) -> list[RestoreOutcome]:
        history = read_history(log_path)
        outcomes: list[RestoreOutcome] = []
        for batch_id in wanted:
            batch = history.find(batch_id)
            if batch is None:
                continue
            try:
                outcomes += restore(batch, log_path=log_path, progress=progress, cancel=cancel)
            except RestoreCancelled as stop:
                return outcomes + stop.outcomes
        return outcomes

    return work


def restored_paths(outcomes: list[RestoreOutcome]) -> list[str]:
    """Paths that are back in place after this run (not those back before it)."""
    return [o.path for o in outcomes if o.status == RestoreStatus.RESTORED]


def outcome_text(outcome: RestoreOutcome) -> str:
    """The words for one file's restore, for lists and tooltips."""
    words = {
        RestoreStatus.RESTORED: QCoreApplication.translate("Restore", "Restored"),
        RestoreStatus.ALREADY_RESTORED: QCoreApplication.translate("Restore", "Already restored"),
        RestoreStatus.TARGET_EXISTS: QCoreApplication.translate(
            "Restore", "Not restored: another file now has its name there"
        ),
        RestoreStatus.GONE: QCoreApplication.translate(
            "Restore", "Not restored: no longer in the Trash (it may have been emptied)"
        ),
        RestoreStatus.CHANGED: QCoreApplication.translate(
            "Restore", "Not restored: the file in the Trash is not the one removed"
        ),
        RestoreStatus.NOT_READABLE: QCoreApplication.translate(
            "Restore", "Not restored: put it back from the system Trash yourself"
        ),
        RestoreStatus.FAILED: QCoreApplication.translate("Restore", "Could not restore it"),
    }[outcome.status]
    return f"{words} ({outcome.detail})" if outcome.detail else words
