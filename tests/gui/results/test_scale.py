"""At library size: every group can be reached while thumbnails arrive, and the review
lists every group. The records are made up (no decoding); the thumbnails of the rows
looked at are real JPEGs, decoded by the real loader."""

from __future__ import annotations

import os

import imagegen
import pytest
from PySide6.QtCore import Qt
from synthetic import synthetic_groups

from photodedup.core import select
from photodedup.core.results import Group
from photodedup.gui.results.model import ResultsModel
from photodedup.gui.results.thumbnails import ThumbnailCache
from photodedup.gui.results.view import ResultsView
from photodedup.gui.review.dialog import ReviewDialog

RECORDS = 20_000


def write_files(groups: list[Group]) -> None:
    """Real JPEGs for these groups' files, so that their thumbnails really load."""
    data = imagegen.jpeg_bytes(imagegen.photo(5, (320, 240)))
    for group in groups:
        for m in group.members:
            os.makedirs(os.path.dirname(m.image.path), exist_ok=True)
            with open(m.image.path, "wb") as fp:
                fp.write(data)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> list[Group]:
    # Groups are immutable: every test of the module can share them.
    return synthetic_groups(str(tmp_path_factory.mktemp("library")), RECORDS)


def last_row_shows(view: ResultsView, model: ResultsModel) -> bool:
    rect = view.visualRect(model.index(model.rowCount() - 1))
    return not rect.isEmpty() and rect.intersects(view.viewport().rect())


def test_end_reaches_the_last_group_while_thumbnails_stream_in(qtbot, tmp_path, big):
    model = ResultsModel()
    model.set_sort("path")
    model.set_groups(big, select.premark(big, "resolution"))
    assert model.rowCount() == len(big)
    cache = ThumbnailCache(box=120, disk_dir=str(tmp_path / "thumbs"))
    view = ResultsView(cache)
    qtbot.addWidget(view)
    view.setModel(model)
    cache.thumbnailReady.connect(view.thumbnail_ready)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    # The rows at either end have real files: their thumbnails decode and arrive
    # while the user goes to the end.
    write_files(big[:8] + big[-40:])
    bar = view.verticalScrollBar()
    # The whole list is laid out at once: the scroll range covers every row.
    assert bar.maximum() == view.content_height() - view.viewport().height()
    assert view.content_height() > 1000 * view.viewport().height() // 10

    view.setFocus()
    qtbot.wait(50)  # the first rows paint and ask for their thumbnails
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert last_row_shows(view, model)
    last_paths = model.group_at(model.rowCount() - 1).paths
    st = os.stat(last_paths[0])
    qtbot.waitUntil(
        lambda: cache.request(last_paths[0], st.st_size, st.st_mtime_ns) is not None,
        timeout=20_000,
    )
    # Thumbnails kept arriving: nothing was laid out again, the end is still there.
    assert last_row_shows(view, model)
    assert bar.value() == bar.maximum()
    assert view.currentIndex().row() == model.rowCount() - 1

    # PageUp and back, Home and the scroll bar: every way gets to the end.
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert not last_row_shows(view, model)
    for _ in range(5):  # pages of rows of different heights: not quite the same steps
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert last_row_shows(view, model)
    assert view.currentIndex().row() == model.rowCount() - 1
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.currentIndex().row() == 0 and bar.value() == 0
    bar.setValue(bar.maximum())
    assert last_row_shows(view, model)


def test_requests_for_rows_scrolled_past_are_dropped(qtbot, tmp_path, big):
    model = ResultsModel()
    model.set_groups(big)
    cache = ThumbnailCache(box=120, disk_dir=str(tmp_path / "thumbs"), threads=1)
    view = ResultsView(cache)
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    bar = view.verticalScrollBar()
    for step in range(1, 30):  # a fast drag through the list
        bar.setValue(bar.maximum() * step // 30)
        qtbot.wait(1)
    qtbot.wait(120)  # scrolling paused
    shown = view.visible_paths()
    queued = {path for path, _size, _mtime in cache._stack}
    assert queued <= shown


def test_the_review_lists_every_group_of_a_large_selection(qtbot, big):
    marked = select.premark(big, "resolution")
    dialog = ReviewDialog(big, marked, start_removal=lambda items, folder: None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.review.is_ready, timeout=30_000)
    model = dialog.review.tree.model()
    assert len(model.title_rows()) == len(big)
    assert model.rowCount() == len(big) + len(marked)
    assert dialog.review.confirmButton.isEnabled()
    button = dialog.review.confirmButton.text().replace(",", "")
    assert f"{len(marked):,}".replace(",", "") in button
    last = model.index(model.rowCount() - 1, 0)
    assert last.data(Qt.ItemDataRole.UserRole) in marked
    dialog.review.tree.setFocus()
    qtbot.keyClick(dialog.review.tree, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: not dialog.review.tree.visualRect(last).isEmpty(), timeout=5_000)


def test_typing_over_the_list_filters_it(run_scan, qtbot, window, library):
    window.folders.add_folders([str(library.originals), str(library.copies)])
    run_scan(window)
    assert window.model.rowCount() == 3
    window.view.setFocus()
    qtbot.keyClicks(window.view, "more")  # only photo1's third copy is in copies/more
    assert window.filter_edit.text() == "more"
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5_000)
    assert any("more" in p for p in window.model.group_at(0).paths)


def test_the_review_makes_a_large_plan_in_a_job_of_the_apps_runner(qtbot, big):
    from photodedup.gui.session import PLAN, Session

    session = Session()
    marked = select.premark(big, "resolution")
    dialog = ReviewDialog(
        big, marked, start_removal=lambda items, folder: None, start_plan=session.start_plan
    )
    qtbot.addWidget(dialog)
    dialog.show()
    # The runner knows the job (started once the dialog is up): it is cancelled and
    # waited for when the window closes.
    qtbot.waitUntil(lambda: session.jobs.is_running(PLAN), timeout=5_000)
    qtbot.waitUntil(dialog.review.is_ready, timeout=30_000)
    assert len(dialog.review.tree.model().title_rows()) == len(big)
    qtbot.waitUntil(lambda: not session.jobs.is_running(PLAN), timeout=5_000)
    assert session.shutdown(2.0)


def test_a_large_review_lists_the_plan_made_with_what_the_check_found(qtbot, big):
    from photodedup.core.reasons import Reason
    from photodedup.gui.session import PLAN, Session

    session = Session()
    marked = select.premark(big, "resolution")
    dialog = ReviewDialog(
        big,
        marked,
        start_removal=lambda items, folder: None,
        start_plan=session.start_plan,
        checking=True,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: session.jobs.is_running(PLAN), timeout=5_000)
    # The check ends while the first plan is being made: that plan is dropped.
    last = big[-1]
    kept = next(p for p in last.paths if p not in marked)
    dialog.files_checked({kept: Reason.VANISHED})
    assert not dialog.review.is_ready()
    qtbot.waitUntil(dialog.review.is_ready, timeout=30_000)
    model = dialog.review.tree.model()
    assert len(model.title_rows()) == len(big)
    assert not dialog.review.confirmButton.isEnabled()
    title = model.index(int(model.title_rows()[-1]), 0).data()
    assert f"Group {len(big)}" in title and "is missing or changed" in title
    # The dropped plan's thread too: nothing of this session runs on into other tests.
    qtbot.waitUntil(lambda: session.jobs.active() == 0, timeout=10_000)
    assert session.shutdown(2.0)
