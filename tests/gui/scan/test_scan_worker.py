"""The scan and regroup jobs: the engine's result, the ignore list and the marks."""

from __future__ import annotations

import threading

import pytest

from photodedup.core.ignore import IgnoreList
from photodedup.core.models import GroupOptions, HashSettings, ImageRecord, ScanOptions, WalkOptions
from photodedup.core.progress import Cancelled
from photodedup.core.results import Group, Member, ScanResult
from photodedup.gui.scan.worker import regroup_work, scan_work


def rec(path: str, size: int, hash_value: int = 0) -> ImageRecord:
    return ImageRecord(path, size, 0, "JPEG", 10, 10, hash_value, (0, 0, 0, 0), "")


GROUPS = [
    Group((Member(rec("/a", 5), 0), Member(rec("/b", 9), 1), Member(rec("/c", 1), 2))),
    Group((Member(rec("/d", 5), 0), Member(rec("/e", 4), 1))),
]


def no_progress(_report) -> None:
    pass


ANYWHERE = ScanOptions(WalkOptions(roots=("/",)))


@pytest.mark.parametrize("rule", ["resolution", "size"])
def test_a_scan_hands_the_engine_the_ignore_list_and_premarks(qapp, tmp_path, rule):
    def scan(options, *, ignore, progress, cancel):
        return ScanResult(groups=ignore.apply(GROUPS))  # as the engine does

    ignore = IgnoreList(str(tmp_path / "i.json"))
    ignore.add(GROUPS[1].members[0].image, GROUPS[1].members[1].image)
    options = ANYWHERE
    outcome = scan_work(options, rule, ignore, scan_fn=scan)(no_progress, threading.Event())
    assert outcome.options is options
    assert [g.paths for g in outcome.groups] == [["/a", "/b", "/c"]]
    # Same resolution everywhere: both rules keep the largest file, /b.
    assert outcome.marked == {"/a", "/c"}


def test_the_ignore_list_is_read_as_it_was_when_the_job_started(qapp, tmp_path):
    def scan(options, *, ignore: IgnoreList, progress, cancel):
        live.add(d, e)  # the user, on the GUI thread, while the scan runs
        return ScanResult(groups=ignore.apply(GROUPS))

    d, e = GROUPS[1].members[0].image, GROUPS[1].members[1].image
    live = IgnoreList(str(tmp_path / "i.json"))
    work = scan_work(ANYWHERE, "resolution", live, scan_fn=scan)
    outcome = work(no_progress, threading.Event())
    assert len(outcome.groups) == 2
    assert (d, e) in live


def test_a_cancel_the_engine_did_not_see_still_cancels(qapp):
    cancel = threading.Event()

    def scan(options, *, ignore, progress, cancel):
        cancel.set()  # set just as the engine returned
        return ScanResult(groups=GROUPS)

    with pytest.raises(Cancelled):
        scan_work(ANYWHERE, "resolution", scan_fn=scan)(no_progress, cancel)


def test_a_regroup_groups_the_earlier_images_with_the_new_distance(qapp, tmp_path):
    base = 0x5A5A_3C3C_0F0F_F0F0  # half the bits set: not a blank image
    images = [rec("/x", 5, base), rec("/y", 4, base ^ 0b0011), rec("/z", 3, base ^ 0b1111)]
    result = ScanResult(images=images, hash=HashSettings("dhash"))
    options = ScanOptions(WalkOptions(roots=("/",)), group=GroupOptions(distance=2))
    near = regroup_work(result, options, "resolution")(no_progress, threading.Event())
    assert [g.paths for g in near.groups] == [["/x", "/y"]] and near.marked == {"/y"}
    far = ScanOptions(WalkOptions(roots=("/",)), group=GroupOptions(distance=4))
    loose = regroup_work(result, far, "resolution")(no_progress, threading.Event())
    assert [sorted(g.paths) for g in loose.groups] == [["/x", "/y", "/z"]]
    assert loose.result is result and loose.options is far


def test_a_regroup_keeps_ignored_pairs_apart(qapp, tmp_path):
    base = 0x5A5A_3C3C_0F0F_F0F0
    images = [rec("/x", 5, base), rec("/y", 4, base ^ 0b0011)]
    ignore = IgnoreList(str(tmp_path / "i.json"))
    ignore.add(images[0], images[1])
    options = ScanOptions(WalkOptions(roots=("/",)), group=GroupOptions(distance=2))
    work = regroup_work(
        ScanResult(images=images, hash=HashSettings("dhash")), options, "resolution", ignore
    )
    assert work(no_progress, threading.Event()).groups == []


def test_a_scan_indexes_its_groups_in_the_job_not_at_the_first_removal(qapp):
    def scan(options, *, ignore, progress, cancel):
        return ScanResult(images=[m.image for g in GROUPS for m in g.members], groups=GROUPS)

    outcome = scan_work(ANYWHERE, "resolution", scan_fn=scan)(no_progress, threading.Event())
    # Built at 100,000 photos it holds the window 70-160 ms; here it is already made.
    assert outcome.result._index is not None
    assert outcome.result._index.groups is outcome.result.groups
    after = outcome.result.without({"/b", "/e"})
    assert [g.paths for g in after.groups] == [["/a", "/c"]]
