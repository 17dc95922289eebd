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


def test_the_gui_thread_collects_nothing_while_a_job_runs_and_again_after(qapp, qtbot):
    from photodedup.gui.jobs import JobRunner
    from photodedup.gui.platform import main_thread_gc, memory

    collector = main_thread_gc.install(qapp)
    runner = JobRunner()
    release = threading.Event()
    job = runner.start("scan", lambda _progress, _cancel: release.wait(10))
    qtbot.waitUntil(memory.collector.busy)
    seen: list[str] = []
    try:
        _Cycle(seen)
        junk = [[] for _ in range(5 * gc.get_threshold()[0])]  # past the threshold
        assert gc.get_count()[0] > gc.get_threshold()[0]
        # A scan's records would all be walked here, on the GUI thread, mid-scan.
        assert collector.collect() == 0
        qtbot.wait(300)  # the app's own timer ticks too: it leaves them as well
        assert seen == []
    finally:
        release.set()
    with qtbot.waitSignal(job.ended, timeout=5000):
        pass
    after: list[str] = []
    _Cycle(after)  # made after the job: collected as before, once past the threshold
    more = [[] for _ in range(5 * gc.get_threshold()[0])]
    qtbot.waitUntil(lambda: after == ["MainThread"], timeout=5000)
    del junk, more
