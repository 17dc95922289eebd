"""Memory a job freed goes back to the system."""

from __future__ import annotations

import sys
import threading

import pytest

from photodedup.gui.platform import memory


def rss_kb() -> int:
    with open("/proc/self/status") as fp:
        return next(int(line.split()[1]) for line in fp if line.startswith("VmRSS:"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_memory_freed_in_another_thread_is_handed_back():
    def churn() -> None:
        # Many mid-sized blocks from this thread's arena, freed again; the last one
        # kept keeps the arena's top in use, so only a trim can hand the rest back.
        blocks = [bytearray(4096) for _ in range(40_000)]
        keep = bytearray(4096)
        del blocks
        churn.keep = keep  # type: ignore[attr-defined]

    thread = threading.Thread(target=churn)
    thread.start()
    thread.join()
    before = rss_kb()
    assert memory.release_free_memory()
    assert rss_kb() < before - 50_000  # most of the 160 MB freed went back
