"""Marks: the files marked for removal, and the rules they obey whoever marks them."""

from __future__ import annotations

from photodedup.core.models import ImageRecord
from photodedup.core.results import Group, Member
from photodedup.core.select import Marks


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
    marks.invert(g)
    assert set(marks) == {"/c"}
    assert marks.in_group(g) == (False, False, True)


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
    assert marks.bytes(a) == 20 and marks.bytes(b) == 50


def test_new_groups_keep_the_marks_that_still_apply() -> None:
    marks = Marks([group("/a", "/b", "/c")], ["/b", "/c"])
    marks.set_groups([group("/a", "/b"), group("/ref/c", "/d")])
    assert set(marks) == {"/b"}  # /c is now in a reference folder
    marks.set_groups([group("/a", "/b")], ["/a"])
    assert set(marks) == {"/a"} and len(marks) == 1
