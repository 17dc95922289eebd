"""Garbage cycles are collected on the GUI thread, never in a job's thread."""

from __future__ import annotations

import gc
import threading


class _Cycle:
    """Records the thread its finaliser runs in (a Qt object's C++ side would go there)."""

    def __init__(self, seen: list[str]) -> None:
        self.me = self
        self.seen = seen

    def __del__(self) -> None:
        self.seen.append(threading.current_thread().name)


def test_cycles_left_by_the_gui_are_never_collected_in_a_worker_thread(qapp, qtbot):
    assert not gc.isenabled()  # the app's own collector runs instead (create_app)
    gc.collect()
    seen: list[str] = []
    _Cycle(seen)  # garbage now, in a cycle: only the collector frees it

    def allocate() -> None:
        # Far past every threshold: the automatic collector would run in here.
        junk = [[] for _ in range(200_000)]
        for item in junk:
            item.append(item)  # cycles of its own
        del junk

    worker = threading.Thread(target=allocate, name="job")
    worker.start()
    worker.join()
    assert seen == []  # nothing collected in the worker
    qtbot.waitUntil(lambda: seen == ["MainThread"], timeout=5000)
