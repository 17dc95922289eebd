"""Give the memory a finished job freed back to the system (glibc only).

Each job runs in its own thread, and glibc's allocator gives each thread its own
arena: what a scan freed stays mapped in the scan thread's arena, and the next
regroup, in another thread, grows another one beside it. A GUI that scans, then
regroups at a looser setting, peaked 35% higher than the scan alone for that
reason (bench/bench_gui.py). ``malloc_trim`` hands the free pages of every arena
back; it walks the heap, so it runs in the job's thread, never the GUI's.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
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
