"""The scan worker bridges engine callbacks to signals: throttled, cancellable, safe."""

from __future__ import annotations

import time

import pytest

from photodedup.core.ignore import IgnoreList
from photodedup.core.models import Cancelled, Progress, ScanResult
from photodedup.core.scan import ScanOptions
from photodedup.gui.scan.worker import ScanWorker


def run(worker: ScanWorker) -> dict[str, list]:
    got: dict[str, list] = {"progress": [], "finished": [], "cancelled": [], "failed": []}
    worker.progress.connect(got["progress"].append)
    worker.finished.connect(got["finished"].append)
    worker.cancelled.connect(lambda: got["cancelled"].append(True))
    worker.failed.connect(got["failed"].append)
    worker.run()  # in this thread: the signals arrive directly
    return got


def test_progress_is_throttled_but_every_phase_shows(qapp, tmp_path):
    def scan(options, *, progress, cancel):
        for phase in ("discover", "hash", "group"):
            for i in range(2000):
                progress(Progress(phase, i, 2000))
        return ScanResult()

    worker = ScanWorker(ScanOptions(roots=(str(tmp_path),)), "resolution", scan_fn=scan)
    started = time.monotonic()
    got = run(worker)
    elapsed = time.monotonic() - started
    phases = [p.phase for p in got["progress"]]
    assert {"discover", "hash", "group"} <= set(phases)
    assert len(phases) <= 3 + elapsed / 0.1 + 1  # about ten a second, plus one per phase
    assert len(got["finished"]) == 1


def test_cancel_and_failure_become_signals(qapp, tmp_path):
    def cancelled(options, *, progress, cancel):
        raise Cancelled

    def broken(options, *, progress, cancel):
        raise RuntimeError("boom")

    options = ScanOptions(roots=(str(tmp_path),))
    assert run(ScanWorker(options, "resolution", scan_fn=cancelled))["cancelled"] == [True]
    assert run(ScanWorker(options, "resolution", scan_fn=broken))["failed"] == [
        "RuntimeError: boom"
    ]


@pytest.mark.parametrize("rule", ["resolution", "size"])
def test_outcome_applies_the_ignore_list_and_premarks(qapp, tmp_path, rule):
    from photodedup.core.models import Group, ImageRecord, Member

    def rec(path: str, size: int) -> ImageRecord:
        return ImageRecord(path, size, 0, "JPEG", 10, 10, 0, (0, 0, 0, 0), "")

    groups = [
        Group((Member(rec("/a", 5), 0), Member(rec("/b", 9), 1), Member(rec("/c", 1), 2))),
        Group((Member(rec("/d", 5), 0), Member(rec("/e", 4), 1))),
    ]

    def scan(options, *, progress, cancel):
        return ScanResult(groups=groups)

    ignore = IgnoreList(str(tmp_path / "i.json"))
    ignore.add(groups[1].members[0].image, groups[1].members[1].image)
    got = run(ScanWorker(ScanOptions(roots=("/",)), rule, ignore, scan_fn=scan))
    outcome = got["finished"][0]
    assert [g.paths for g in outcome.groups] == [["/a", "/b", "/c"]]
    # Same resolution everywhere: both rules keep the largest file, /b.
    assert outcome.marked == {"/a", "/c"}
