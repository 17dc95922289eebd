"""The review dialog lists what will go, refuses unsafe plans, trashes and reports."""

from __future__ import annotations

import json
import os
import sys
import threading
from dataclasses import replace
from pathlib import Path

import imagegen
import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from photodedup.core import trash
from photodedup.core.reasons import Reason, Status
from photodedup.core.results import Group, Member
from photodedup.gui.jobs import JobRunner
from photodedup.gui.platform.formatting import format_bytes, format_resolution
from photodedup.gui.review import trash_worker
from photodedup.gui.review.dialog import ReviewDialog
from photodedup.gui.review.trash_log import open_log_file
from photodedup.gui.review.trash_worker import Step

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="checks the freedesktop trash")


record = imagegen.scanned


def make_group(folder: Path, seed: int, scales: tuple[float, ...], ref: set[int] = frozenset()):
    base = imagegen.photo(seed, (320, 240))
    members = []
    for i, scale in enumerate(scales):
        path = imagegen.save(imagegen.resized(base, scale), folder / f"g{seed}_{i}.jpg")
        members.append(Member(record(path), distance=i, in_reference_folder=i in ref))
    return Group(tuple(members))


@pytest.fixture
def groups(tmp_path: Path) -> list[Group]:
    return [
        make_group(tmp_path / "a", 1, (1.0, 0.5, 0.75)),
        make_group(tmp_path / "b", 2, (1.0, 0.6)),
        make_group(tmp_path / "c", 3, (1.0, 0.5)),
    ]


def tree_paths(dialog: ReviewDialog) -> list[str]:
    model = dialog.review.tree.model()
    rows = (model.index(row, 0) for row in range(model.rowCount()))
    return [path for index in rows if (path := index.data(Qt.ItemDataRole.UserRole))]


def group_titles(dialog: ReviewDialog) -> list[str]:
    model = dialog.review.tree.model()
    return [model.index(row, 0).data() for row in model.title_rows().tolist()]


_runner: list[JobRunner] = []


def start_removal(items, folder):
    """What the app's session does: the removal as a job of a job runner."""
    if not _runner:
        _runner.append(JobRunner())
    work = trash_worker.removal(items, folder=folder)
    return _runner[0].start("removal", work, interval=0)


def open_dialog(qtbot, groups, marked) -> ReviewDialog:
    dialog = ReviewDialog(groups, marked, start_removal)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def wait_for_report(qtbot, dialog: ReviewDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.report.isVisible(), timeout=10000)


def confirm_and_wait(qtbot, dialog: ReviewDialog) -> None:
    assert dialog.review.confirmButton.isEnabled()
    dialog.review.confirmButton.click()
    wait_for_report(qtbot, dialog)


def test_lists_exactly_the_marked_files_and_their_total(qtbot, groups):
    marked = {groups[0].paths[1], groups[0].paths[2], groups[1].paths[1]}
    dialog = open_dialog(qtbot, groups, marked)

    assert sorted(tree_paths(dialog)) == sorted(marked)
    assert len(group_titles(dialog)) == 2  # group 3 has nothing marked
    total = sum(os.path.getsize(p) for p in marked)
    assert format_bytes(total) in dialog.review.summaryLabel.text()
    assert "3 files" in dialog.review.summaryLabel.text()
    assert dialog.review.confirmButton.text() == "Move 3 Files to Trash"
    assert dialog.review.confirmButton.isEnabled()
    assert dialog.review.problemBox.isHidden()
    header = group_titles(dialog)[0]
    assert header.startswith(f"Group 1 — keeping g1_0.jpg ({format_resolution(320, 240)}")


def test_refuses_a_group_that_would_lose_every_copy(qtbot, groups, trash_dir):
    marked = set(groups[1].paths) | {groups[0].paths[1]}
    dialog = open_dialog(qtbot, groups, marked)

    assert not dialog.review.confirmButton.isEnabled()
    assert dialog.review.problemBox.isVisible()
    assert "Group 2 would lose every copy" in dialog.review.problemLabel.text()
    dialog.review.confirmButton.click()
    assert all(os.path.exists(p) for p in marked)
    assert not trash_dir.exists() or not any(trash_dir.iterdir())


def test_refuses_a_reference_folder_file(qtbot, tmp_path):
    group = make_group(tmp_path / "r", 4, (1.0, 0.5), ref={0})
    dialog = open_dialog(qtbot, [group], {group.paths[0]})

    assert not dialog.review.confirmButton.isEnabled()
    assert "g4_0.jpg is in a reference folder" in dialog.review.problemLabel.text()


def test_confirm_trashes_the_marked_files_only_and_logs_them(qtbot, groups, trash_dir):
    marked = {groups[0].paths[1], groups[2].paths[1]}
    dialog = open_dialog(qtbot, groups, marked)
    emitted: list[str] = []
    dialog.filesRemoved.connect(emitted.extend)

    confirm_and_wait(qtbot, dialog)

    assert sorted(emitted) == sorted(marked)
    assert dialog.removed_paths() == marked
    assert not any(os.path.exists(p) for p in marked)
    kept = {p for g in groups for p in g.paths} - marked
    assert all(os.path.exists(p) for p in kept)
    assert sorted(os.listdir(trash_dir)) == sorted(os.path.basename(p) for p in marked)
    assert "Moved 2 files to the Trash" in dialog.report.resultLabel.text()
    assert dialog.report.skippedTable.isHidden()
    with open(trash.default_log_path(), encoding="utf-8") as f:
        logged = {json.loads(line)["path"] for line in f}
    assert logged == marked


def test_a_file_changed_after_the_scan_is_skipped_and_reported(qtbot, groups, trash_dir):
    changed, touched, fine = groups[0].paths[1], groups[0].paths[2], groups[1].paths[1]
    dialog = open_dialog(qtbot, groups, {changed, touched, fine})
    imagegen.save(imagegen.photo(50, (320, 240)), changed)
    st = os.stat(touched)
    os.utime(touched, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    emitted: list[str] = []
    dialog.filesRemoved.connect(emitted.extend)

    confirm_and_wait(qtbot, dialog)

    assert emitted == [fine]
    assert os.path.exists(changed) and os.path.exists(touched) and not os.path.exists(fine)
    assert os.listdir(trash_dir) == [os.path.basename(fine)]
    table = dialog.report.skippedTable
    assert table.isVisible() and table.model().rowCount() == 2
    left = dialog.report.skipped
    rows = {left.row(r)[0]: left.row(r)[3] for r in range(2)}
    assert set(rows) == {os.path.basename(changed), os.path.basename(touched)}
    assert all(why == "Changed since the scan" for why in rows.values())
    assert "Moved 1 file to the Trash" in dialog.report.resultLabel.text()
    assert "2 files were left" in dialog.report.skippedLabel.text()


def test_files_the_trash_cannot_take_can_be_moved_to_a_folder(qtbot, groups, tmp_path):
    # No test machine lacks a trash, so the engine's "no-trash" answer is replayed
    # into the dialog; the move itself is real.
    stuck = groups[0].paths[1]
    dialog = open_dialog(qtbot, groups, {stuck})
    dialog._on_finished([trash.Outcome(stuck, Status.NO_TRASH, Reason.NO_TRASH)])
    assert dialog.report.noTrashBox.isVisible()
    assert "not available for 1 file" in dialog.report.noTrashLabel.text()
    emitted: list[str] = []
    dialog.filesRemoved.connect(emitted.extend)
    folder = tmp_path / "elsewhere"
    folder.mkdir()

    dialog.move_no_trash_to(str(folder))
    wait_for_report(qtbot, dialog)

    assert emitted == [stuck]
    assert not os.path.exists(stuck)
    assert os.listdir(folder) == [os.path.basename(stuck)]
    assert dialog.report.noTrashBox.isHidden()
    assert "Moved 1 file to the folder you chose" in dialog.report.resultLabel.text()


def test_open_log_file_says_when_there_is_no_log_yet(qtbot):
    assert not open_log_file()
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert any("no log" in b.text() for b in boxes if b.isVisible())
    for b in boxes:
        b.close()


def test_open_log_file_opens_the_log(qtbot, groups, trash_dir):
    opened: list[QUrl] = []

    class Handler(QObject):
        @Slot(QUrl)
        def handle(self, url: QUrl) -> None:
            opened.append(url)

    dialog = open_dialog(qtbot, groups, {groups[1].paths[1]})
    confirm_and_wait(qtbot, dialog)
    handler = Handler()
    QDesktopServices.setUrlHandler("file", handler, "handle")
    try:
        assert open_log_file(dialog)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [u.toLocalFile() for u in opened] == [trash.default_log_path()]


def test_the_removal_stops_between_files(qtbot, groups, trash_dir):
    marked = [groups[0].paths[1], groups[0].paths[2], groups[1].paths[1]]
    plan = trash.plan_removal(groups, marked)
    cancel = threading.Event()
    steps: list[Step] = []

    def progress(step: Step) -> None:
        steps.append(step)
        if step.outcome is not None:
            cancel.set()  # stop as soon as one is done

    outcomes = trash_worker.removal(plan.items)(progress, cancel)

    assert [o.status for o in outcomes] == ["trashed", "skipped", "skipped"]
    assert outcomes[1].reason == outcomes[2].reason == Reason.STOPPED
    # Before the first file, after it, and the engine's report of the next one,
    # which it then does not touch.
    assert [(s.done, s.outcome is not None) for s in steps] == [(0, False), (1, True), (1, False)]
    assert not os.path.exists(marked[0])
    assert os.path.exists(marked[1]) and os.path.exists(marked[2])


def test_a_group_losing_its_date_says_so_and_one_click_keeps_that_copy(qtbot, tmp_path: Path):
    pic = imagegen.photo(61, (320, 240))
    original = imagegen.save(
        pic, tmp_path / "Camera" / "IMG_7.jpg", taken="2019:07:01 09:30:00", gps=(46.5, 7.9)
    )
    upscaled = imagegen.save(pic.resize((640, 480)), tmp_path / "Edits" / "IMG_7.png")
    camera_copy = replace(record(original, taken="2019-07-01T09:30:00"), gps=True)
    group = Group((Member(record(upscaled), 0), Member(camera_copy, 1)))
    dialog = open_dialog(qtbot, [group], {str(original)})
    toggled: list[tuple[str, bool]] = []
    dialog.markToggled.connect(lambda path, on: toggled.append((path, on)))
    assert dialog.review.gapBox.isVisibleTo(dialog)
    text = dialog.review.gapLabel.text()
    assert "the date taken and the location" in text and "IMG_7.jpg" in text
    assert "loses the date taken and the location" in group_titles(dialog)[0]
    assert tree_paths(dialog) == [str(original)]

    dialog.review.gapLabel.linkActivated.emit("0")
    assert tree_paths(dialog) == [str(upscaled)]
    assert sorted(toggled) == [(str(original), False), (str(upscaled), True)]
    assert not dialog.review.gapBox.isVisibleTo(dialog)
    assert "⚠" not in group_titles(dialog)[0]
    assert dialog.review.confirmButton.isEnabled()


def test_the_headline_leaves_out_a_blocked_group(qtbot, groups):
    # Group 2 would lose every copy: its files are not "to be moved".
    marked = set(groups[1].paths) | {groups[0].paths[1]}
    dialog = open_dialog(qtbot, groups, marked)

    text = dialog.review.summaryLabel.text()
    assert "1 file from 1 group can be moved" in text
    assert format_bytes(os.path.getsize(groups[0].paths[1])) in text


def test_the_report_after_a_clean_removal_is_a_compact_box(qtbot, groups, trash_dir):
    dialog = open_dialog(qtbot, groups, {groups[0].paths[1]})
    review_size = dialog.size()

    confirm_and_wait(qtbot, dialog)

    assert "Moved 1 file to the Trash" in dialog.report.resultLabel.text()
    assert dialog.height() < review_size.height() // 2
    # What it says fills the box: the buttons sit right under the text.
    bottom_of_text = dialog.report.restoreLabel.geometry().bottom()
    assert dialog.report.closeButton.geometry().top() - bottom_of_text < 100


def test_while_the_files_are_checked_the_review_is_busy_and_nothing_can_go(qtbot, groups, tmp_path):
    marked = {groups[0].paths[1], groups[1].paths[1]}
    dialog = ReviewDialog(groups, marked, start_removal, checking=True)
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.review
    # Listed at once (a small plan), but the check is not done.
    assert sorted(tree_paths(dialog)) == sorted(marked)
    assert not page.is_ready()
    assert not page.confirmButton.isEnabled() and not page.moveToButton.isEnabled()
    assert page.cursor().shape() == Qt.CursorShape.BusyCursor
    assert page.checkLabel.isVisible()
    page.confirmButton.click()
    dialog.move_all_to(str(tmp_path))
    assert not dialog.is_busy() and all(os.path.exists(p) for p in marked)

    dialog.files_checked({})  # nothing found: the same list, and the user may go on
    assert page.is_ready() and page.confirmButton.isEnabled()
    assert page.cursor().shape() != Qt.CursorShape.BusyCursor
    assert page.checkLabel.isHidden()
    assert sorted(tree_paths(dialog)) == sorted(marked)


def test_a_kept_copy_the_check_finds_changed_blocks_its_group(qtbot, groups):
    marked = {groups[0].paths[1], groups[1].paths[1]}
    dialog = ReviewDialog(groups, marked, start_removal, checking=True)
    qtbot.addWidget(dialog)
    dialog.show()
    kept = groups[1].paths[0]
    # The check found the copy group 2 keeps changed: the list is made again with it.
    dialog.files_checked({kept: Reason.CHANGED})
    page = dialog.review
    assert page.is_ready()
    assert not page.confirmButton.isEnabled()
    assert "g2_0.jpg, the copy to keep, is missing or changed" in page.problemLabel.text()
    assert any("the copy to keep, g2_0.jpg" in title for title in group_titles(dialog))
