"""Runs the engine's scan in a thread and turns its callbacks into Qt signals."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from photodedup.core import scan as scan_module
from photodedup.core import select
from photodedup.core.ignore import IgnoreList
from photodedup.core.models import Cancelled, Group, Progress, ScanResult
from photodedup.gui.platform import pyside_fixes  # noqa: F401 (must run before Qt use)

# At most this many progress signals a second: more only keeps the GUI thread busy.
_MIN_INTERVAL = 0.1


@dataclass
class ScanOutcome:
    """What the worker hands back: the raw result and the groups ready to show."""

    result: ScanResult
    groups: list[Group]
    marked: set[str]


class ScanWorker(QObject):
    """Lives in its own QThread; ``run`` is the only slot that does work.

    The engine knows nothing of threads: it reports into ``_report`` and polls
    ``cancel``. Grouping clean-up (ignore list, pre-marking) also happens here so
    that the GUI thread only has to display the outcome.
    """

    progress = Signal(object)  # Progress
    finished = Signal(object)  # ScanOutcome
    cancelled = Signal()
    failed = Signal(str)

    def __init__(
        self,
        options: scan_module.ScanOptions,
        rule: str,
        ignore: IgnoreList | None = None,
        scan_fn: Callable[..., ScanResult] | None = None,
    ) -> None:
        super().__init__()
        self.options = options
        self.rule = rule
        self.ignore = ignore
        self.cancel = threading.Event()
        self._scan = scan_fn or scan_module.scan
        self._last_emit = 0.0
        self._last_phase = ""

    @Slot()
    def run(self) -> None:
        try:
            result = self._scan(self.options, progress=self._report, cancel=self.cancel)
            groups = self.ignore.apply(result.groups) if self.ignore else list(result.groups)
            marked = select.premark(groups, self.rule)
        except Cancelled:
            self.cancelled.emit()
            return
        except Exception as exc:  # a bug in the engine must not take the window down
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        if self.cancel.is_set():
            self.cancelled.emit()
        else:
            self.finished.emit(ScanOutcome(result, groups, marked))

    def _report(self, progress: Progress) -> None:
        now = time.monotonic()
        phase_changed = progress.phase != self._last_phase
        if phase_changed or now - self._last_emit >= _MIN_INTERVAL:
            self._last_emit = now
            self._last_phase = progress.phase
            self.progress.emit(progress)


def start_scan(worker: ScanWorker, parent: QObject | None = None) -> QThread:
    """Move ``worker`` to a new thread, start it, and tidy both up when it ends."""
    thread = QThread(parent)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    # Direct: quit from the worker thread at once, not after the GUI thread handled the
    # queued outcome (which may wait for the thread to end).
    for signal in (worker.finished, worker.cancelled, worker.failed):
        signal.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    thread.finished.connect(worker.deleteLater)
    thread.finished.connect(thread.deleteLater)
    thread.start()
    return thread
