"""Marks: the files marked for removal, and the rules they obey whoever marks them."""

from __future__ import annotations

from photodedup.core.marks import Marks
from photodedup.core.models import ImageRecord
from photodedup.core.results import Group, Member


def rec(path: str, size: int = 100, width: int = 10) -> ImageRecord:
    return ImageRecord(path, size, 0, "JPEG", width, 10, 0, (), "")


def group(*paths: str, sizes: tuple[int, ...] = ()) -> Group:
    sizes = sizes or (100,) * len(paths)
    return Group(
        tuple(
            Member(rec(p, s), i, in_reference_folder=p.startswith("/ref/"))
            for i, (p, s) in enumerate(zip(paths, sizes, strict=True))
        )
    )


def test_a_file_in_a_reference_folder_or_in_no_group_is_never_marked() -> None:
    marks = Marks([group("/ref/a", "/b", "/c")], ["/ref/a", "/b", "/elsewhere"])
    assert set(marks) == {"/b"}
    assert not marks.set("/ref/a", True) and "/ref/a" not in marks
    assert not marks.set("/elsewhere", True)
    assert marks.set("/c", True) and set(marks) == {"/b", "/c"}
    assert marks.set("/ref/a", False)  # unmarking is always allowed
    assert marks.toggle("/b") and set(marks) == {"/c"}


def test_invert_skips_reference_files_and_flips_the_rest() -> None:
    g = group("/ref/a", "/b", "/c")
    marks = Marks([g], ["/b"])
    assert marks.invert(0) == (0,)
    assert set(marks) == {"/c"}
    assert marks.in_group(0) == (False, False, True)
    assert marks.marked_files.tolist() == [1] and marks.bytes(0) == 100


def test_mark_all_but_best_keeps_one_copy_of_every_group() -> None:
    groups = [group("/a", "/b", "/c", sizes=(5, 9, 1)), group("/ref/d", "/e")]
    marks = Marks(groups)
    marks.mark_all_but_best("size")
    assert set(marks) == {"/a", "/c", "/e"}
    assert marks.fully_marked() == []
    marks.set("/b", True)
    assert marks.fully_marked() == [0]


def test_bytes_count_each_marked_file_once() -> None:
    a = group("/a", "/b", sizes=(10, 20))
    b = group("/b", "/c", sizes=(20, 30))  # /b sits in both groups
    marks = Marks([a, b], ["/b", "/c"])
    assert marks.bytes() == 50
    assert marks.bytes(0) == 20 and marks.bytes(1) == 50


def test_new_groups_keep_the_marks_that_still_apply() -> None:
    marks = Marks([group("/a", "/b", "/c")], ["/b", "/c"])
    marks.set_groups([group("/a", "/b"), group("/ref/c", "/d")])
    assert set(marks) == {"/b"}  # /c is now in a reference folder
    marks.set_groups([group("/a", "/b")], ["/a"])
    assert set(marks) == {"/a"} and len(marks) == 1


def test_select_marks_is_the_engine_marks() -> None:
    from photodedup.core import select

    assert select.Marks is Marks


def test_unavailable_files_are_never_marked_and_lose_their_marks() -> None:
    g = group("/a", "/b", "/c", sizes=(10, 20, 30))
    marks = Marks([g], ["/b", "/c"], unavailable=["/c"])
    assert set(marks) == {"/b"}
    assert not marks.set("/c", True) and marks.change("/c", True) == ()
    assert marks.set_unavailable({"/b"}) == {"/b"}  # and only those: /c can be marked again
    assert set(marks) == set() and marks.bytes(0) == 0
    assert marks.set("/c", True) and marks.bytes(0) == 30
    marks.replace(["/a", "/b", "/c"])
    assert set(marks) == {"/a", "/c"}
    marks.set_unavailable({"/c"})
    marks.mark_all_but_best("size")  # the largest, /c, is not there: /b is kept, not /c
    assert set(marks) == {"/a"}


def test_counts_per_group_follow_set_replace_and_remove() -> None:
    a = group("/a1", "/a2", "/a3", sizes=(1, 2, 4))
    b = group("/ref/b1", "/b2", sizes=(8, 16))
    marks = Marks([a, b, group("/lonely")])  # a group of one is no group
    assert len(marks.groups) == 2
    told: list[object] = []
    marks.subscribe(told.append)
    assert marks.change("/a2", True) == (0,) and told == [(0,)]
    assert marks.change("/a2", True) == () and told == [(0,)]  # nothing changed: nothing said
    assert marks.marked_files.tolist() == [1, 0] and marks.marked_bytes.tolist() == [2, 0]
    marks.replace(["/a1", "/a3", "/ref/b1", "/b2", "/nowhere"])
    assert told[-1] is None
    assert marks.marked_files.tolist() == [2, 1] and marks.marked_bytes.tolist() == [5, 16]
    assert marks.bytes() == 21 and marks.bytes_to_free() == 21

    assert marks.remove({"/a3", "/nowhere"}) == (1, [0])
    assert marks.marked_files.tolist() == [1, 1] and marks.marked_bytes.tolist() == [1, 16]
    assert marks.counts.tolist() == [2, 2] and told[-1] == [0]
    marks.set("/a2", True)
    assert marks.fully_marked() == [0] and marks.bytes_to_free() == 16  # refused: frees nothing
    assert marks.remove({"/a1"}) == (1, [0])  # one file left: the group dies
    assert (
        not marks.alive[0]
        and "/a2" not in marks
        and marks.group_of_path.keys()
        == {
            "/ref/b1",
            "/b2",
        }
    )
    assert marks.marked_files.tolist() == [0, 1] and marks.bytes() == 16 and len(marks) == 1
    assert not marks.set("/a2", True)  # in no group now


def test_a_file_in_two_groups_counts_in_each_and_leaves_both() -> None:
    a = group("/a", "/b", sizes=(10, 20))
    b = group("/b", "/c", "/d", sizes=(20, 30, 40))
    marks = Marks([a, b])
    assert marks.change("/b", True) == (1, 0)
    assert marks.marked_bytes.tolist() == [20, 20] and marks.bytes() == 20
    assert marks.remove({"/b"}) == (1, [0, 1])
    assert not marks.alive[0] and marks.counts.tolist() == [0, 2]
    assert len(marks) == 0 and marks.marked_bytes.tolist() == [0, 0]


def test_marks_worked_out_elsewhere_are_refused_once_files_left_or_groups_changed() -> None:
    marks = Marks([group("/a", "/b", "/c"), group("/d", "/e")])
    state = marks.prepare(["/b", "/c", "/e", "/nowhere"])  # what a job's thread does
    assert len(marks) == 0  # nothing changes until it is handed over
    assert marks.apply(state) and set(marks) == {"/b", "/c", "/e"}
    assert marks.marked_files.tolist() == [2, 1]

    stale = marks.prepare(["/a"])
    marks.remove({"/e"})
    assert not marks.apply(stale) and set(marks) == {"/b", "/c"}
    other = Marks([group("/a", "/b")])
    assert not marks.apply(other.prepare(["/a"]))  # worked out for other marks

    before = marks.prepare(["/b"])
    marks.set_unavailable({"/b"})
    assert marks.apply(before) and set(marks) == set()  # found gone meanwhile: still unmarked
    before = marks.prepare(["/c"])
    marks.take(Marks([group("/c", "/x")], ["/x"]))  # new results shown
    assert not marks.apply(before) and set(marks) == {"/x"}
    assert not marks.set("/b", True) and marks.set("/c", True)


def test_taking_new_groups_keeps_the_unavailable_rule_and_the_listeners() -> None:
    marks = Marks(unavailable={"/b"})
    told: list[object] = []
    marks.subscribe(told.append)
    marks.take(Marks([group("/a", "/b", "/c")], ["/b", "/c"]))
    assert set(marks) == {"/c"} and told == [None]
    assert marks.marked_files.tolist() == [1]
