"""One set of marks: the results list, the compare view and the review see the same."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import imagegen

from photodedup.core.results import Group, Member
from photodedup.gui.compare.view import CompareView
from photodedup.gui.results.model import MarkedRole, ResultsModel
from photodedup.gui.review.dialog import ReviewDialog
from photodedup.gui.session import Session


def _member(path: Path, seed: int, size=(320, 240), **facts) -> Member:
    imagegen.save(imagegen.photo(seed, size), path, **facts)
    return Member(imagegen.scanned(path), 0)


def test_a_mark_changed_in_the_compare_view_is_the_results_own(qtbot, tmp_path: Path):
    a = _member(tmp_path / "a.jpg", 1, (640, 480))
    b = _member(tmp_path / "b.jpg", 1)
    model = ResultsModel()
    model.set_groups([Group((a, b))], {b.image.path})
    view = CompareView(model.group_at(0), model.marks)
    qtbot.addWidget(view)
    changed: list[None] = []
    model.marksChanged.connect(lambda: changed.append(None))

    view.panes[0].removeBox.click()
    assert model.is_marked(a.image.path) and changed  # no copy to hand back later
    assert "1 group · 2 files marked" in model.summary()
    model.unmark_all()  # and the other way round: the view reads the same marks
    assert view.marked_paths() == set()


def test_keeping_another_copy_in_the_review_changes_the_results_marks(qtbot, tmp_path: Path):
    pic = imagegen.photo(61, (320, 240))
    original = imagegen.save(pic, tmp_path / "Camera" / "IMG_7.jpg", taken="2019:07:01 09:30:00")
    upscaled = imagegen.save(pic.resize((640, 480)), tmp_path / "Edits" / "IMG_7.png")
    camera = replace(imagegen.scanned(original), taken="2019-07-01T09:30:00")
    group = Group((Member(imagegen.scanned(upscaled), 0), Member(camera, 1)))
    model = ResultsModel()
    model.set_groups([group], {str(original)})
    dialog = ReviewDialog([group], model.marks, lambda items, folder: None)
    qtbot.addWidget(dialog)

    dialog.review.keep_instead(0)
    assert model.marked() == {str(upscaled)}


def test_the_sessions_marks_follow_each_new_set_of_groups(qtbot, tmp_path: Path):
    a = _member(tmp_path / "a.jpg", 1, (640, 480))
    b = _member(tmp_path / "b.jpg", 1)
    c = _member(tmp_path / "c.jpg", 2)
    session = Session()
    model = ResultsModel(marks=session.marks)
    model.set_groups([Group((a, b))], {b.image.path})
    view = CompareView(model.group_at(0), session.marks)
    qtbot.addWidget(view)
    # New results (a regroup) are loaded into the same marks: what a view was
    # given still is the list's.
    model.set_table(ResultsModel.prepare([Group((a, b, c))], {c.image.path}))
    assert set(session.marks) == {c.image.path} and view.marks is model.marks
    with qtbot.waitSignal(model.marksChanged):
        view.on_mark(b.image.path, True)
    assert model.marked() == {b.image.path, c.image.path}
    assert model.index(0).data(MarkedRole) == (False, True, True)
    session.shutdown()
