"""What the window says after a scan that finds no groups, and how counts read."""

from __future__ import annotations

import imagegen
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication


def scan_folder(window, run_scan, folder) -> None:
    window.folders.add_folders([str(folder)])
    run_scan(window)
    assert window.stack.currentWidget() is window.empty


def test_only_unreadable_files_says_so_and_shows_the_problems(run_scan, window, tmp_path):
    folder = tmp_path / "broken"
    folder.mkdir()
    imagegen.write_truncated_jpeg(folder / "cut.jpg")
    imagegen.write_garbage(folder / "garbage.jpg", head=b"\xff\xd8\xff")
    scan_folder(window, run_scan, folder)

    assert window.empty.title.text() == "No photos could be read"
    assert "2 files could not be read" in window.empty.hint.text()
    assert "similarity" not in window.empty.hint.text()  # loosening cannot help here
    assert window.errors.isVisible()
    assert window.errors.count() == 2


def test_unique_photos_say_how_many_were_compared(run_scan, window, tmp_path):
    for seed in (1, 2, 3):
        imagegen.save(imagegen.photo(seed, (320, 240)), tmp_path / "unique" / f"{seed}.jpg")
    scan_folder(window, run_scan, tmp_path / "unique")

    assert window.empty.title.text() == "No duplicates found"
    assert window.empty.hint.text().startswith("3 photos were compared.")
    assert not window.errors.isVisible()


def test_a_single_photo_is_not_called_a_comparison(run_scan, window, tmp_path):
    imagegen.save(imagegen.photo(1, (320, 240)), tmp_path / "one" / "only.jpg")
    scan_folder(window, run_scan, tmp_path / "one")

    assert "Only 1 photo was found" in window.empty.hint.text()


def test_a_folder_without_photos_says_none_were_found(run_scan, window, tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("not a photo")
    scan_folder(window, run_scan, tmp_path / "empty")

    assert window.empty.title.text() == "No photos found"
    assert "minimum size" in window.empty.hint.text()


def test_the_status_line_counts_one_group_and_one_file_in_the_singular(run_scan, window, tmp_path):
    base = imagegen.photo(1, (320, 240))
    imagegen.save(base, tmp_path / "pair" / "big.jpg")
    imagegen.save(imagegen.resized(base, 0.5), tmp_path / "pair" / "small.jpg")
    window.folders.add_folders([str(tmp_path / "pair")])
    run_scan(window)

    assert window.model.total_groups() == 1
    assert window.status.text().startswith("1 group · 1 file marked · ")
    window.model.mark_all_but_best("resolution")
    window.model.set_marked(str(tmp_path / "pair" / "big.jpg"), True)
    assert window.status.text().endswith(" · 1 group has every copy marked")


def test_dropping_one_folder_says_one_folder(window, tmp_path):
    (tmp_path / "a").mkdir()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "a"))])
    pos = QPointF(window.width() / 2, window.height() / 2)
    actions = Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(window, QDragEnterEvent(pos.toPoint(), actions, mime, buttons, mods))
    QApplication.sendEvent(window, QDropEvent(pos, actions, mime, buttons, mods))

    assert window.statusBar().currentMessage() == "1 folder added"
