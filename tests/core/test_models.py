"""Groups and results shrink in one place when files go."""

from __future__ import annotations

from photodedup.core.models import Group, ImageRecord, Member, ScanResult


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
