"""Runs the engine's trash (or move) step off the GUI thread, one file at a time.

The engine owns every check and every write; this worker only feeds it the plan
file by file so that the window can show progress, report each file as soon as
it is gone, and stop cleanly between two files when the user asks.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from photodedup.core import trash
from photodedup.core.trash import Outcome, Planned, RemovalPlan

CANCELLED_REASON = "stopped before this file was reached"


class TrashWorker(QObject):
    """Sends ``items`` to the trash, or moves them to ``folder`` when one is given.

    Lives in its own QThread (see :func:`start`); talks to the GUI only through
    its signals. ``cancel()`` is safe to call from any thread.
    """

    progressed = Signal(int, int, str)  # files done, files in total, path now being handled
    outcomeReady = Signal(object)  # an Outcome, as soon as its file is done
    finished = Signal(list)  # every Outcome, in plan order (stopped files included)

    def __init__(
        self,
        items: Sequence[Planned],
        *,
        folder: str | None = None,
        log_path: str | None = None,
    ) -> None:
        super().__init__()
        self._items = list(items)
        self._folder = folder
        self._log_path = log_path
        self._cancel = threading.Event()
        # One batch for the whole run, so that it can be restored as one.
        self.batch = trash.new_batch_id()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        outcomes: list[Outcome] = []
        total = len(self._items)
        for done, item in enumerate(self._items):
            if self._cancel.is_set():
                outcomes.extend(
                    Outcome(rest.path, "skipped", CANCELLED_REASON) for rest in self._items[done:]
                )
                break
            self.progressed.emit(done, total, item.path)
            outcome = self._handle(item)
            outcomes.append(outcome)
            self.outcomeReady.emit(outcome)
        else:
            self.progressed.emit(total, total, "")
        self.finished.emit(outcomes)

    def _handle(self, item: Planned) -> Outcome:
        # One file per engine call: the engine re-checks that file (and that a kept
        # copy of its group is still there) right before acting on it.
        try:
            if self._folder is None:
                plan = RemovalPlan(items=[item], problems=[])
                result = trash.execute(plan, log_path=self._log_path, batch=self.batch)
            else:
                result = trash.move_instead(
                    [item], self._folder, log_path=self._log_path, batch=self.batch
                )
        except Exception as exc:  # a bug in the engine must not lose the report
            return Outcome(item.path, "failed", f"{type(exc).__name__}: {exc}")
        return result[0] if result else Outcome(item.path, "failed", "no result from the engine")


def start(worker: TrashWorker, parent: QObject | None = None) -> QThread:
    """Move ``worker`` to a new thread and start it; the thread quits when it finishes."""
    thread = QThread(parent)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    # Direct: quit() is thread-safe, and the GUI may wait() for the thread as soon
    # as it hears ``finished``, before a queued quit could ever run.
    worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    thread.start()
    return thread
