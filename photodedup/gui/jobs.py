"""The one place the GUI starts work that must not run on the GUI thread.

A job is an engine call ``work(progress, cancel)``: it reports into ``progress``
and polls ``cancel`` (a ``threading.Event``), and knows nothing of Qt. The runner
gives each job its own QThread and turns its reports and its end into signals on
the GUI thread. Starting a job of a kind that is already running cancels the one
before it and drops what it would still report, so a slider dragged through ten
notches runs one regroup, not ten in a row. Short tasks in bulk (thumbnails) use
the runner's thread pool, so that ``shutdown`` ends them too.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QThreadPool, Signal, Slot

from photodedup.core.progress import Cancelled
from photodedup.gui.platform import (
    memory,
    pyside_fixes,  # noqa: F401 (must run before Qt use)
)

Work = Callable[[Callable[[Any], None], threading.Event], Any]

# At most this many progress signals a second by default: more only keeps the GUI busy.
PROGRESS_INTERVAL = 0.1


class Job(QObject):
    """One running engine call, seen from the GUI thread. Ends with exactly one of
    ``finished``, ``cancelled`` or ``failed``, then ``ended``."""

    progress = Signal(object)  # whatever the work reports (a Progress, a trash step…)
    finished = Signal(object)  # what the work returned
    cancelled = Signal()
    failed = Signal(str)  # an engine bug, as "Type: message"
    ended = Signal()
    # Before the outcome signals, so that whoever hears them finds the job over.
    _stopping = Signal()

    def __init__(self, kind: str, work: Work, interval: float) -> None:
        super().__init__()
        self.kind = kind
        self._cancel = threading.Event()
        self._dropped = False
        self._thread = QThread(self)
        self._worker = _Worker(work, self._cancel, interval)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        # Direct: quit from the worker thread at once, not after the GUI thread got to
        # the queued end (which may itself be waiting for the thread).
        self._worker.done.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._worker.reported.connect(self._on_report)
        self._worker.done.connect(self._on_done)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        """Ask the work to stop; safe from any thread. Its end still comes as a signal."""
        self._cancel.set()

    def drop(self) -> None:
        """Cancel, and report nothing more: a newer job of the same kind took over."""
        self._dropped = True
        self.cancel()

    @property
    def is_cancelling(self) -> bool:
        return self._cancel.is_set()

    def is_running(self) -> bool:
        return self._thread.isRunning() or not self._thread.isFinished()

    def wait(self, seconds: float) -> bool:
        """Block until the thread has ended (True) or ``seconds`` passed (False)."""
        return self._thread.wait(max(0, int(seconds * 1000)))

    @Slot(object)
    def _on_report(self, report: object) -> None:
        if not self._dropped:
            self.progress.emit(report)

    @Slot(str, object)
    def _on_done(self, status: str, payload: object) -> None:
        self._thread.wait()  # it has quit already; this only lets it wind down
        self._stopping.emit()
        if not self._dropped:
            if status == "finished":
                self.finished.emit(payload)
            elif status == "cancelled":
                self.cancelled.emit()
            else:
                self.failed.emit(str(payload))
        self.ended.emit()


class _Worker(QObject):
    reported = Signal(object)
    done = Signal(str, object)  # "finished" | "cancelled" | "failed", result or message

    def __init__(self, work: Work, cancel: threading.Event, interval: float) -> None:
        super().__init__()
        self._work, self._cancel, self._interval = work, cancel, interval
        self._last_emit = 0.0
        self._last_phase: object = None

    @Slot()
    def run(self) -> None:
        memory.release_free_memory()  # what the GUI thread freed since the last job
        memory.collector.job_started()
        status: str = "finished"
        payload: object = None
        try:
            payload = self._work(self._report, self._cancel)
        except Cancelled:
            status = "cancelled"
        except Exception as exc:  # a bug in the engine must not take the window down
            status, payload = "failed", f"{type(exc).__name__}: {exc}"
        finally:
            memory.collector.job_ended()
            # What the work freed goes back before the next job's thread allocates.
            # Before the end is announced: the GUI thread waits for this thread to wind
            # down when it hears it, and a heap walk there froze the window for 0.4 s.
            memory.release_free_memory()
        self.done.emit(status, payload)

    def _report(self, report: object) -> None:
        now = time.monotonic()
        phase = getattr(report, "phase", None)
        if phase != self._last_phase or now - self._last_emit >= self._interval:
            self._last_emit, self._last_phase = now, phase
            self.reported.emit(report)


class JobRunner(QObject):
    """Starts every job of the GUI and ends them all on ``shutdown``."""

    busyChanged = Signal()  # a job started or ended

    def __init__(self, parent: QObject | None = None, *, pool_threads: int = 2) -> None:
        super().__init__(parent)
        self._jobs: list[Job] = []  # every job whose thread may still run, dropped ones too
        self._current: dict[str, Job] = {}
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(pool_threads)

    def start(self, kind: str, work: Work, *, interval: float = PROGRESS_INTERVAL) -> Job:
        """Run ``work`` in a new thread; a running job of the same ``kind`` is dropped."""
        previous = self._current.get(kind)
        if previous is not None:
            previous.drop()
        # No Qt parent: the runner keeps it until it ended, then deletes it later. As a
        # child it would also be deleted with the runner, and that double end crashes.
        job = Job(kind, work, interval)
        self._jobs.append(job)
        self._current[kind] = job
        # Bound slots, not lambdas: Qt drops them if the runner goes before the job ends.
        job._stopping.connect(self._release_sender)
        job.ended.connect(self._ended_sender)
        job.start()
        self.busyChanged.emit()
        return job

    def current(self, kind: str) -> Job | None:
        """The job of ``kind`` whose outcome will be reported, while it runs."""
        return self._current.get(kind)

    def is_running(self, kind: str) -> bool:
        return kind in self._current

    def active(self) -> int:
        """How many job threads still run, dropped ones included."""
        return sum(1 for job in self._jobs if job.is_running())

    def cancel(self, kind: str) -> None:
        """Ask the job of ``kind`` to stop; it still reports how it ended."""
        job = self._current.get(kind)
        if job is not None:
            job.cancel()

    def drop(self, kind: str) -> None:
        """Stop the job of ``kind`` and hear nothing more from it."""
        job = self._current.pop(kind, None)
        if job is not None:
            job.drop()
            self.busyChanged.emit()

    def shutdown(self, timeout: float = 2.0) -> bool:
        """Cancel every job and wait up to ``timeout`` seconds in all for them to end.

        True when every thread ended in time. Their outcomes are not reported."""
        deadline = time.monotonic() + timeout
        for job in self._jobs:
            job.drop()
        self._current.clear()
        self.pool.clear()
        ended = all(job.wait(deadline - time.monotonic()) for job in list(self._jobs))
        left_ms = max(0, int((deadline - time.monotonic()) * 1000))
        return self.pool.waitForDone(left_ms) and ended

    def _release_sender(self) -> None:
        job = self.sender()
        if isinstance(job, Job):
            self._release(job)

    def _ended_sender(self) -> None:
        job = self.sender()
        if isinstance(job, Job):
            self._ended(job)

    def _release(self, job: Job) -> None:
        if self._current.get(job.kind) is job:
            del self._current[job.kind]
            self.busyChanged.emit()

    def _ended(self, job: Job) -> None:
        if job in self._jobs:
            self._jobs.remove(job)
        job.deleteLater()
