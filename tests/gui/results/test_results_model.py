"""The results model: marks, reference-folder safety, removal, sort and filter."""

from __future__ import annotations

from PySide6.QtCore import QPersistentModelIndex

from photodedup.core.models import ImageRecord
from photodedup.core.results import Group, Member
from photodedup.gui.results.model import BestRole, MarkedRole, ResultsModel


def rec(path: str, size: int = 1000, w: int = 100, h: int = 100) -> ImageRecord:
    return ImageRecord(path, size, 0, "JPEG", w, h, 0, (0, 0, 0, 0), "")


def grp(*members: tuple[str, int, bool]) -> Group:
    return Group(tuple(Member(rec(p, size), i, ref) for i, (p, size, ref) in enumerate(members)))


def sample() -> list[Group]:
    return [
        grp(("/a/1.jpg", 500, False), ("/b/1.jpg", 300, False)),
        grp(("/a/2.jpg", 900, False), ("/b/2.jpg", 800, True), ("/c/2.jpg", 700, False)),
        grp(("/c/3.jpg", 100, False), ("/c/3b.jpg", 90, False)),
    ]


def test_reference_folder_files_cannot_be_marked(qapp):
    model = ResultsModel()
    model.set_groups(sample(), marked={"/b/2.jpg", "/c/2.jpg"})
    assert model.marked() == {"/c/2.jpg"}  # the reference-folder file was dropped
    assert not model.set_marked("/b/2.jpg", True)
    model.invert_group(model.row_of_path("/b/2.jpg"))
    assert "/b/2.jpg" not in model.marked()


def test_marks_show_in_the_row_data_and_the_totals(qapp):
    model = ResultsModel()
    model.set_groups(sample())
    changed = []
    model.dataChanged.connect(lambda a, b: changed.append(a.row()))
    model.set_marked("/c/2.jpg", True)
    model.toggle("/b/1.jpg")
    assert model.marked_count() == 2
    assert model.bytes_to_free() == 1000
    row = model.row_of_path("/c/2.jpg")
    assert model.index(row).data(MarkedRole) == (False, False, True)
    assert row in changed
    model.unmark_all()
    assert model.marked() == set()


def test_best_highlights_only_a_real_difference(qapp):
    model = ResultsModel()
    model.set_groups([grp(("/x/1.jpg", 10, False), ("/x/2.jpg", 20, False))])
    res, size = model.index(0).data(BestRole)
    assert res == frozenset()  # same resolution: nothing stands out
    assert size == {1}


def test_removed_files_leave_and_a_lone_file_leaves_the_list(qapp):
    model = ResultsModel()
    model.set_groups(sample(), marked={"/b/1.jpg", "/c/2.jpg"})
    assert model.remove_paths({"/b/1.jpg", "/c/2.jpg"}) == 2
    assert [g.paths for g in model.groups()] == [
        ["/a/2.jpg", "/b/2.jpg"],
        ["/c/3.jpg", "/c/3b.jpg"],
    ]
    assert model.marked() == set()
    assert model.row_of_path("/a/1.jpg") is None


def test_sort_and_filter(qapp):
    model = ResultsModel()
    model.set_groups(sample(), marked={"/b/1.jpg", "/c/2.jpg", "/c/3b.jpg"})
    model.set_sort("bytes")
    assert [model.group_at(r).reference.path for r in range(3)] == [
        "/a/2.jpg",
        "/a/1.jpg",
        "/c/3.jpg",
    ]
    model.set_sort("files")
    assert model.group_at(0).reference.path == "/a/2.jpg"
    model.set_sort("path")
    assert [model.group_at(r).reference.path for r in range(3)] == [
        "/a/1.jpg",
        "/a/2.jpg",
        "/c/3.jpg",
    ]
    model.set_filter("C")
    assert model.rowCount() == 2
    assert model.total_groups() == 3
    model.set_filter("")
    assert model.rowCount() == 3


def test_mark_all_but_best_uses_the_rule(qapp):
    model = ResultsModel()
    model.set_groups(sample())
    model.mark_all_but_best("size")
    # A group with a reference-folder file keeps that one, whatever the rule.
    assert model.marked() == {"/b/1.jpg", "/a/2.jpg", "/c/2.jpg", "/c/3b.jpg"}
    assert model.fully_marked_groups() == 0


def test_groups_in_view_order_lists_hidden_groups_last(qapp):
    model = ResultsModel()
    model.set_groups(sample())
    model.set_sort("path")
    model.set_filter("/c")
    order = [g.reference.path for g in model.groups_in_view_order()]
    assert order == ["/a/2.jpg", "/c/3.jpg", "/a/1.jpg"]


def test_to_free_leaves_out_a_group_with_every_copy_marked(qapp):
    model = ResultsModel()
    model.set_groups(sample(), marked={"/a/1.jpg", "/b/1.jpg", "/c/3b.jpg"})
    # Group 1 would lose every copy, so the trash step refuses it: only 3b counts.
    assert model.bytes_to_free() == 90
    assert "90 B to free" in model.summary()


def test_removing_files_keeps_the_current_group_and_an_emptied_list_resets(qapp):
    model = ResultsModel()
    model.set_sort("path")
    model.set_groups(sample(), marked={"/b/1.jpg", "/c/2.jpg"})
    resets = []
    model.modelReset.connect(lambda: resets.append(True))
    last = QPersistentModelIndex(model.index(2))
    kept = model.group_at(2).reference.path
    model.remove_paths({"/a/1.jpg"})  # the first group goes
    assert resets == []  # a layout change: the list keeps its place
    assert last.isValid() and model.group_at(last.row()).reference.path == kept
    model.remove_paths({p for g in model.groups() for p in g.paths[1:]})
    assert model.total_groups() == 0 and resets == [True]


def test_marks_worked_out_in_a_job_are_taken_unless_files_left_meanwhile(qapp):
    model = ResultsModel()
    model.set_groups(sample())
    make = model.marks_maker()
    state = make({"/b/1.jpg", "/c/2.jpg", "/b/2.jpg"})  # as the job's thread does
    assert model.marked() == set()  # the model is not touched until it is handed over
    model.replace_marks(state)
    assert model.marked() == {"/b/1.jpg", "/c/2.jpg"}  # never the reference-folder file
    assert model.bytes_to_free() == 300 + 700

    stale = model.marks_maker()({"/a/1.jpg", "/c/3b.jpg"})
    model.remove_paths({"/b/1.jpg"})  # the first group leaves before the marks arrive
    model.replace_marks(stale)
    assert model.marked() == {"/c/3b.jpg"}  # worked out again for what is left
    assert model.bytes_to_free() == 90
    assert model.index(model.row_of_path("/c/3b.jpg")).data(MarkedRole) == (False, True)
