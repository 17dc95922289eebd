"""Memory around jobs: what a finished job freed goes back to the system (glibc
only), and the cycle collector keeps off while jobs run.

Each job runs in its own thread, and glibc's allocator gives each thread its own
arena: what a scan freed stays mapped in the scan thread's arena, and the next
regroup, in another thread, grows another one beside it. ``malloc_trim`` hands
the free pages of every arena back (at 20,000 files the window kept 258 MB
instead of 298 MB, bench/bench_gui.py); it walks the heap, so it runs in the
job's thread, never the GUI's.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys
import threading
from collections.abc import Callable


def _find_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # musl and others have no malloc_trim
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


_trim = _find_trim()


def release_free_memory() -> bool:
    """Return freed heap pages to the system; False where that cannot be done."""
    if _trim is None:
        return False
    _trim(0)
    return True


class _QuietCollector:
    """Python's cycle collector held off while jobs run, and their results set aside.

    A full collection walks every tracked object while holding the GIL. A scan makes
    hundreds of thousands of records, so each full collection it triggers held the
    GUI thread up for 110-500 ms at 20,000 files on a loaded machine; at 100,000 one
    takes 120-150 ms of CPU by itself. While any job runs, automatic collection is
    off (a scan and a regroup leave about 300 unreachable objects: nothing piles
    up); when the last one ends, everything alive is frozen (``gc.freeze``: moved
    out of the generations the collector walks, freed by reference counting as
    before), so the results are not walked again by later collections. What that
    costs: a reference cycle among objects alive at that moment is never reclaimed.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running = 0
        self._was_enabled = True

    def busy(self) -> bool:
        """Whether a job runs now."""
        return self._running > 0

    def job_started(self) -> None:
        with self._lock:
            if self._running == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._running += 1

    def job_ended(self) -> None:
        with self._lock:
            self._running -= 1
            if self._running == 0:
                gc.freeze()
                if self._was_enabled:
                    gc.enable()


collector = _QuietCollector()
