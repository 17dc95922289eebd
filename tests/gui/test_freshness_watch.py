"""Files moved away or changed after a scan are flagged when the app notices:
on focus, and before a review. Real files, a real scan, the real review."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import imagegen
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from photodedup.core.reasons import Reason
from photodedup.gui.compare.view import CompareView
from photodedup.gui.results.model import FlagRole, GroupRole, KeepRole


def _three(window):
    """The three-photo group's row, and its paths by name."""
    model = window.model
    row = next(r for r in range(model.rowCount()) if len(model.group_at(r).paths) == 3)
    return row, {os.path.basename(p): p for p in model.group_at(row).paths}


def _flag_of(window, path: str):
    index = window.model.index(window.model.row_of_path(path))
    return index.data(FlagRole)[index.data(GroupRole).paths.index(path)]


def _focus_back(qtbot, window) -> None:
    """The user comes back to the app: the check runs once things settle."""
    watch = window.commands.reviewer.freshness
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None, timeout=5000)
    with qtbot.waitSignal(watch.checked, timeout=20_000):
        QApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)


def test_file_moved_away_is_flagged_on_focus_and_cannot_be_marked(
    run_scan, qtbot, window, library, tmp_path
):
    window.folders.add_folders([str(library.originals), str(library.copies)])
    run_scan(window)
    row, paths = _three(window)
    again = paths["photo1-again.jpg"]
    assert window.model.is_marked(again)
    assert window.model.index(row).data(FlagRole) == (None, None, None)

    shutil.move(again, tmp_path / "photo1-again.jpg")  # a file manager moved it
    _focus_back(qtbot, window)

    assert window.model.file_flags() == {again: Reason.VANISHED}
    assert _flag_of(window, again) == Reason.VANISHED
    assert not window.model.is_marked(again)
    assert not window.model.set_marked(again, True)
    window.model.invert_group(window.model.row_of_path(again))
    assert not window.model.is_marked(again)
    assert "1 file is missing or changed" in window.statusBar().currentMessage()

    # Put back, it is no longer flagged at the next focus.
    shutil.move(tmp_path / "photo1-again.jpg", again)
    _focus_back(qtbot, window)
    assert window.model.file_flags() == {}
    assert window.model.set_marked(again, True)


def test_overwritten_kept_copy_stops_its_group_in_the_review(
    run_scan, qtbot, window, library, trash_dir, review
):
    window.folders.add_folders([str(library.originals), str(library.copies)])
    run_scan(window)
    _, paths = _three(window)
    kept = paths["photo1.jpg"]
    marked = {p for p in paths.values() if window.model.is_marked(p)}
    assert kept not in marked and len(marked) == 2
    to_free = window.model.bytes_to_free()
    here = sum(os.path.getsize(p) for p in marked)
    marked_elsewhere = window.model.marked_count() - len(marked)
    # Another program writes other pixels over the copy the results keep.
    imagegen.save(imagegen.photo(99, (480, 360)), Path(kept))
    seen = {}

    def look(dialog) -> None:
        seen["ok"] = dialog.review.confirmButton.isEnabled()
        seen["problem"] = dialog.review.problemLabel.text()
        seen["button"] = dialog.review.confirmButton.text()
        rows = dialog.review.tree_model
        seen["titles"] = [rows.index(r, 0).data() for r in rows.title_rows().tolist()]
        dialog.reject()

    review(window, look)  # the review checks the files first

    assert window.model.file_flags() == {kept: Reason.CHANGED}
    assert seen["ok"] is False
    assert "photo1.jpg, the copy to keep, is missing or changed" in seen["problem"]
    title = next(t for t in seen["titles"] if "photo1.jpg" in t)
    assert "the copy to keep, photo1.jpg, is missing or changed" in title
    assert not any("keeping photo1.jpg" in t for t in seen["titles"])
    assert all(os.path.exists(p) for p in marked)
    assert not trash_dir.exists() or not list(trash_dir.iterdir())
    # Neither the button nor the status bar count what cannot go.
    assert seen["button"] == f"Move {marked_elsewhere} Files to Trash"
    assert window.model.bytes_to_free() == to_free - here

    # Marking again keeps a copy that is still as scanned.
    window.commands.mark_all_but_best()
    choice = window.model.index(window.model.row_of_path(kept)).data(KeepRole)
    group = window.model.group_at(window.model.row_of_path(kept))
    assert group.paths[choice.index] != kept
    assert not window.model.is_marked(group.paths[choice.index])
    assert not window.model.is_marked(kept)


def test_marked_file_gone_before_the_review_is_left_out_and_the_rest_goes(
    run_scan, qtbot, window, library, trash_dir, review, tmp_path
):
    window.folders.add_folders([str(library.originals), str(library.copies)])
    run_scan(window)
    _, paths = _three(window)
    gone, stays = paths["photo1-again.jpg"], paths["photo1-small.jpg"]
    window.model.unmark_all()
    window.model.set_marked(gone, True)
    window.model.set_marked(stays, True)
    os.unlink(gone)
    done = {}

    def confirm(dialog) -> None:
        done["listed"] = {dialog.review.tree_model.index(r, 0).data(Qt.ItemDataRole.UserRole)
                          for r in range(dialog.review.tree_model.rowCount())} - {None}  # fmt: skip
        dialog.review.confirmButton.click()
        qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=20_000)
        dialog.accept()

    review(window, confirm)
    assert done["listed"] == {stays}
    assert not os.path.exists(stays)
    assert os.path.exists(paths["photo1.jpg"])


def test_compare_view_shows_the_badge_and_no_remove_box(run_scan, qtbot, window, library):
    window.folders.add_folders([str(library.originals), str(library.copies)])
    run_scan(window)
    row, paths = _three(window)
    again = paths["photo1-again.jpg"]
    window.model.set_file_flags({again: Reason.VANISHED})
    group = window.model.group_at(row)
    dialog = CompareView(
        group,
        window.model.marked(),
        window,
        choice=window.model.index(row).data(KeepRole),
        flags=window.model.file_flags(),
    )
    qtbot.addWidget(dialog)
    pane = dialog.panes[group.paths.index(again)]
    assert not pane.removeBox.isEnabled() and pane.removeBox.isHidden()
    texts = [w.text() for w in pane.findChildren(QLabel)]
    assert texts.count("Missing") == 1
    assert "neither: not as scanned" in texts and "remove" not in texts and "keep" not in texts
    assert not any(
        dialog.panes[i].removeBox.isHidden() for i in range(3) if group.paths[i] != again
    )


def test_files_left_by_the_removal_are_flagged_once_the_review_closes(
    run_scan, qtbot, window, library, trash_dir, review
):
    window.folders.add_folders([str(library.originals), str(library.copies)])
    run_scan(window)
    _, paths = _three(window)
    marked = sorted(p for p in paths.values() if window.model.is_marked(p))

    def confirm(dialog) -> None:
        os.unlink(marked[0])  # gone after the check, before the move: the trash skips it
        dialog.review.confirmButton.click()
        qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=20_000)
        dialog.accept()

    review(window, confirm)
    qtbot.waitUntil(
        lambda: window.model.file_flags() == {marked[0]: Reason.VANISHED}, timeout=20_000
    )
