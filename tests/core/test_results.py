"""Groups and results shrink in one place when files go."""

from __future__ import annotations

from photodedup.core.models import ImageRecord
from photodedup.core.results import Group, Member, ScanResult


def rec(path: str) -> ImageRecord:
    return ImageRecord(path, 100, 0, "JPEG", 10, 10, 0, (), "")


def group(*paths: str) -> Group:
    return Group(
        tuple(
            Member(rec(p), i, in_reference_folder=p.startswith("/ref")) for i, p in enumerate(paths)
        )
    )


def test_a_group_without_some_files_keeps_the_rest_in_order() -> None:
    g = group("/a", "/b", "/c", "/d")
    assert g.without(set()) is g
    assert g.without({"/x"}) is g
    smaller = g.without({"/b"})
    assert smaller is not None and smaller.paths == ["/a", "/c", "/d"]
    assert [m.distance for m in smaller.members] == [0, 2, 3]  # as scanned


def test_a_group_that_loses_its_reference_gets_the_next_file_as_reference() -> None:
    smaller = group("/ref/a", "/b", "/c").without({"/ref/a"})
    assert smaller is not None and smaller.reference.path == "/b"
    assert not any(m.in_reference_folder for m in smaller.members)


def test_a_group_left_with_one_file_is_gone() -> None:
    assert group("/a", "/b").without({"/a"}) is None
    assert group("/a", "/b").without({"/a", "/b"}) is None


def test_a_result_without_files_forgets_them_everywhere_a_regroup_looks() -> None:
    result = ScanResult(
        images=[rec(p) for p in ("/a", "/b", "/c", "/d")],
        groups=[group("/a", "/b", "/c"), group("/c", "/d")],
        identical=[["/a", "/b"], ["/c", "/d"]],
        warnings=["w"],
    )
    after = result.without(["/b", "/d"])
    assert [r.path for r in after.images] == ["/a", "/c"]
    assert [g.paths for g in after.groups] == [["/a", "/c"]]
    assert after.identical == []
    assert after.warnings == ["w"]
    # The original is untouched: the GUI may still be showing it.
    assert len(result.images) == 4 and len(result.groups) == 2
    assert result.without([]) is result


def naive_without(result: ScanResult, gone: set[str]) -> tuple[list, list]:
    """What ``without`` must give, worked out the slow way."""
    groups = (g.without(gone) for g in result.groups)
    return [r.path for r in result.images if r.path not in gone], [
        g.paths for g in groups if g is not None
    ]


def library(groups: int) -> ScanResult:
    made = [group(*(f"/p/{i:04d}_{j}" for j in range(2 + i % 3))) for i in range(groups)]
    alone = [rec(f"/p/{i:04d}_x") for i in range(groups)]
    images = sorted([m.image for g in made for m in g.members] + alone, key=lambda r: r.path)
    return ScanResult(images=images, groups=made)


def test_files_removed_a_batch_at_a_time_leave_what_one_removal_would() -> None:
    import random

    rng = random.Random(5)
    result = library(300)
    paths = [r.path for r in result.images]
    rng.shuffle(paths)
    everything_gone: set[str] = set()
    for start in range(0, 600, 37):
        batch = set(paths[start : start + 37]) | {"/not/scanned"}
        records = result.records_of(batch)
        assert sorted(r.path for r in records) == sorted(batch - {"/not/scanned"})
        everything_gone |= batch
        result = result.without(batch)
        images, groups = naive_without(library(300), everything_gone)
        assert [r.path for r in result.images] == images
        assert [g.paths for g in result.groups] == groups
    assert result.records_of(everything_gone) == []


def test_without_still_right_when_the_groups_were_replaced_or_changed_in_place() -> None:
    result = library(20)
    result = result.without({"/p/0000_0"})  # indexed now
    result.groups.insert(0, group("/q/a", "/q/b"))  # changed in place: the index is stale
    after = result.without({"/q/a", "/p/0003_1"})
    assert [g.paths for g in after.groups] == naive_without(result, {"/q/a", "/p/0003_1"})[1]
    result.groups = [group("/r/a", "/r/b", "/r/c")]  # replaced
    assert [g.paths for g in result.without({"/r/b"}).groups] == [["/r/a", "/r/c"]]


def test_without_on_images_not_sorted_by_path() -> None:
    result = ScanResult(images=[rec(p) for p in ("/d", "/a", "/c", "/b")], groups=[])
    assert [r.path for r in result.without({"/a", "/b"}).images] == ["/d", "/c"]
    assert [r.path for r in result.records_of({"/c", "/d"})] == ["/d", "/c"]


def test_an_earlier_result_asked_again_after_its_index_moved_on() -> None:
    first = library(50).without({"/p/0001_0"})  # indexed, then handed on
    second = first.without({"/p/0002_0", "/p/0002_1"})  # group 2 goes whole
    # The GUI may still hold ``first`` (a regroup started before the batch).
    again = first.without({"/p/0004_1"})
    assert [g.paths for g in again.groups] == naive_without(first, {"/p/0004_1"})[1]
    assert [g.paths for g in second.groups] == naive_without(first, {"/p/0002_0", "/p/0002_1"})[1]
    third = second.without({"/p/0003_0"})  # the moved index still finds its groups
    assert [g.paths for g in third.groups] == naive_without(second, {"/p/0003_0"})[1]


def test_groups_indexed_ahead_shrink_as_if_indexed_at_the_removal() -> None:
    ahead, late = library(50), library(50)
    ahead.index_groups()
    gone = {r.path for r in ahead.images[::3]}
    assert naive_without(ahead.without(gone), set()) == naive_without(late, gone)
