"""Python's cyclic garbage collector, run on the GUI thread only.

CPython collects cycles in whichever thread happens to allocate past the
threshold. When that is a job's worker thread (a scan, a plan, a freshness
check all allocate a lot) and the garbage holds a Qt object, for example a
dialog kept in a cycle by a connected lambda, the object's C++ side is
destroyed from the worker thread, and the app crashes (it did, in the review's
planning thread). So the automatic collector is turned off and a timer on the
GUI thread collects instead, by the same thresholds, and not at all while a job
runs: a scan allocates hundreds of thousands of objects between two ticks, and a
young collection then walked them all on the GUI thread (127 ms at 100,000
photos, bench/bench_gui.py). What a job made is frozen when it ends
(``memory.collector``), so no collection walks it later either.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer

from photodedup.gui.platform import memory

# A full collection looks at every object (hundreds of milliseconds with the
# records of 100,000 photos), so it runs at most this often.
_FULL_EVERY_S = 30.0
_NAME = "photodedup-main-thread-gc"


class MainThreadGC(QObject):
    def __init__(self, parent: QObject, interval_ms: int = 200) -> None:
        super().__init__(parent)
        self.setObjectName(_NAME)
        self._last_full = time.monotonic()
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.collect)
        self._timer.start()
        gc.disable()
        self.destroyed.connect(gc.enable)

    def collect(self) -> int:
        """Collect the generations that are over their threshold; the objects freed."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if counts[0] <= thresholds[0] or memory.collector.busy():
            return 0
        generation = 0
        if counts[1] > thresholds[1]:
            generation = 1
            now = time.monotonic()
            full_due = counts[2] > thresholds[2] and now - self._last_full >= _FULL_EVERY_S
            if full_due:
                generation, self._last_full = 2, now
        return gc.collect(generation)


def install(app: QObject) -> MainThreadGC:
    """Collect garbage on ``app``'s thread from now on (once per app)."""
    found = app.findChild(MainThreadGC, _NAME)
    return found if found is not None else MainThreadGC(app)


def installed(app: QObject | None) -> bool:
    """Whether ``app`` collects garbage on its own thread (``install``)."""
    return app is not None and app.findChild(MainThreadGC, _NAME) is not None
