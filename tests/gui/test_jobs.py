"""The job runner: work off the GUI thread, throttled reports, cancel, replace, shutdown."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QApplication

from photodedup.core.progress import Cancelled, Progress
from photodedup.gui.jobs import JobRunner
from photodedup.gui.platform import main_thread_gc


def collect(job) -> dict[str, list]:
    got: dict[str, list] = {"progress": [], "finished": [], "cancelled": [], "failed": []}
    job.progress.connect(got["progress"].append)
    job.finished.connect(got["finished"].append)
    job.cancelled.connect(lambda: got["cancelled"].append(True))
    job.failed.connect(got["failed"].append)
    return got


def test_work_runs_off_the_gui_thread_and_its_result_arrives(qtbot):
    runner = JobRunner()
    gui = threading.get_ident()
    job = runner.start("x", lambda progress, cancel: threading.get_ident())
    got = collect(job)
    with qtbot.waitSignal(job.ended, timeout=5000):
        pass
    assert got["finished"] and got["finished"][0] != gui
    assert not runner.is_running("x")


def test_progress_is_throttled_but_every_phase_shows(qtbot):
    def work(progress, cancel):
        for phase in ("discover", "hash", "group"):
            for i in range(2000):
                progress(Progress(phase, i, 2000))
        return "done"

    runner = JobRunner()
    # An interval no run can reach: only a change of phase lets a report through.
    job = runner.start("scan", work, interval=3600)
    got = collect(job)
    with qtbot.waitSignal(job.ended, timeout=10_000):
        pass
    assert [(p.phase, p.done) for p in got["progress"]] == [
        ("discover", 0),
        ("hash", 0),
        ("group", 0),
    ]
    assert got["finished"] == ["done"]


def test_without_a_throttle_every_report_arrives_in_order(qtbot):
    runner = JobRunner()
    job = runner.start(
        "trash", lambda progress, cancel: [progress(i) for i in range(50)], interval=0
    )
    got = collect(job)
    with qtbot.waitSignal(job.ended, timeout=5000):
        pass
    assert got["progress"] == list(range(50))


def test_cancel_and_failure_become_signals(qtbot):
    def waits_for_cancel(progress, cancel):
        while not cancel.wait(0.01):
            pass
        raise Cancelled

    def broken(progress, cancel):
        raise RuntimeError("boom")

    runner = JobRunner()
    first = runner.start("a", waits_for_cancel)
    a = collect(first)
    second = runner.start("b", broken)
    b = collect(second)
    runner.cancel("a")
    with qtbot.waitSignals([first.ended, second.ended], timeout=5000):
        pass
    assert a["cancelled"] == [True] and not a["finished"]
    assert b["failed"] == ["RuntimeError: boom"]


def test_a_new_job_of_a_kind_drops_the_one_before(qtbot):
    release = threading.Event()

    def slow(progress, cancel):
        release.wait(5)
        return "old"

    runner = JobRunner()
    old = runner.start("regroup", slow)
    old_got = collect(old)
    new = runner.start("regroup", lambda progress, cancel: "new")
    new_got = collect(new)
    assert old.is_cancelling  # asked to stop at once
    release.set()
    with qtbot.waitSignals([old.ended, new.ended], timeout=5000):
        pass
    assert new_got["finished"] == ["new"]
    assert old_got == {"progress": [], "finished": [], "cancelled": [], "failed": []}


def test_shutdown_cancels_everything_and_waits(qtbot):
    saw_cancel: list[bool] = []

    def until_cancelled(progress, cancel):
        saw_cancel.append(cancel.wait(10))  # False only if the wait ran out
        raise Cancelled

    runner = JobRunner()
    for kind in ("scan", "regroup", "removal"):
        runner.start(kind, until_cancelled)
    assert runner.shutdown(2.0)
    assert saw_cancel == [True, True, True]
    assert runner.active() == 0
    assert not any(runner.is_running(k) for k in ("scan", "regroup", "removal"))


def test_shutdown_gives_up_after_its_timeout(qtbot):
    stop = threading.Event()
    runner = JobRunner()
    runner.start("stubborn", lambda progress, cancel: stop.wait(10))  # ignores its cancel
    assert not runner.shutdown(0.3)
    assert runner.active() == 1  # left running: shutdown gave up instead of joining it
    stop.set()
    qtbot.waitUntil(lambda: runner.active() == 0, timeout=5000)


def test_no_cycle_collection_while_a_job_runs_and_its_results_are_set_aside(qtbot):
    import gc

    runner = JobRunner()
    seen = {}

    def work(_progress, _cancel):
        seen["enabled"] = gc.isenabled()
        return [[i] for i in range(20_000)]  # tracked objects, as records are

    frozen = gc.get_freeze_count()
    job = runner.start("scan", work)
    with qtbot.waitSignal(job.finished) as got:
        pass
    qtbot.waitUntil(lambda: runner.active() == 0)
    assert seen["enabled"] is False  # no full collection can hold the GUI thread up
    # Collection is back: the automatic one, or the app's own on the GUI thread.
    assert gc.isenabled() or main_thread_gc.installed(QApplication.instance())
    assert len(got.args[0]) == 20_000
    # What the job made is out of the collector's way from now on.
    assert gc.get_freeze_count() >= frozen + 20_000
