"""The "Not duplicates" dialog lists the decisions, undoes one, and clears them all."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from photodedup.core.ignore import IgnoreList
from photodedup.core.models import ImageRecord
from photodedup.gui.results.ignore_dialog import NotDuplicatesDialog


def rec(path: str, digest: str) -> ImageRecord:
    return ImageRecord(path, 1, 0, "JPEG", 1, 1, 0, (0, 0, 0, 0), digest)


def test_undo_one_then_clear_all(qtbot, tmp_path) -> None:
    path = str(tmp_path / "ignore.json")
    ignore = IgnoreList(path)
    ignore.add(rec("/photos/Trip/beach.jpg", "1"), rec("/photos/Backup/beach-edit.jpg", "2"))
    ignore.add(rec("/photos/Trip/dog.jpg", "3"), rec("/photos/Trip/dog2.jpg", "4"))
    dialog = NotDuplicatesDialog(ignore)
    qtbot.addWidget(dialog)
    assert dialog.tree.topLevelItemCount() == 2
    names = {dialog.tree.topLevelItem(i).text(0) for i in range(2)}
    assert names == {"Trip/beach.jpg", "Trip/dog.jpg"}
    row = next(i for i in range(2) if dialog.tree.topLevelItem(i).text(0) == "Trip/dog.jpg")
    undo = dialog.tree.itemWidget(dialog.tree.topLevelItem(row), 3)
    assert isinstance(undo, QPushButton)
    undo.click()
    assert dialog.changed and dialog.tree.topLevelItemCount() == 1
    assert [e.paths for e in IgnoreList(path).entries()] == [
        ("/photos/Trip/beach.jpg", "/photos/Backup/beach-edit.jpg")
    ]

    def answer_yes() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(QMessageBox.StandardButton.Yes).click()
        else:
            QTimer.singleShot(50, answer_yes)

    QTimer.singleShot(50, answer_yes)
    dialog.clear_button.click()
    assert len(IgnoreList(path)) == 0
    assert dialog.empty.isVisibleTo(dialog) and not dialog.clear_button.isEnabled()
