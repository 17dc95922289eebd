"""The photos the user said are not duplicates: each decision with an Undo, and Clear all."""

from __future__ import annotations

import os

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from photodedup.core.ignore import IgnoredPair, IgnoreList
from photodedup.gui.platform.formatting import display_path, format_datetime
from photodedup.gui.widgets.screen_fit import resize_on_screen


class NotDuplicatesDialog(QDialog):
    """Lists ``ignore``'s decisions; Undo forgets one, Clear all forgets every one.

    ``changed`` says whether anything was undone, so the caller can suggest a rescan.
    """

    def __init__(self, ignore: IgnoreList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ignore = ignore
        self.changed = False
        self.setWindowTitle(self.tr("Not Duplicates"))
        self.intro = QLabel(
            self.tr(
                "These photos are never grouped together again, even after they are "
                "renamed or moved. Undo a decision to let them group from the next scan."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("Photo"), self.tr("Not a duplicate of"), self.tr("Decided"), ""]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel(self.tr("You have not marked any photos as “not a duplicate”."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.clear_button = QPushButton(self.tr("Clear all…"), self)
        buttons.addButton(self.clear_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.clear_button.clicked.connect(self.clear_all)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(buttons)
        self._fill()
        char = self.fontMetrics().averageCharWidth()
        resize_on_screen(self, char * 120, self.fontMetrics().height() * 24)

    def undo(self, entry: IgnoredPair) -> None:
        self.ignore.remove(entry)
        self.changed = True
        self._fill()

    def clear_all(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Clear All"),
            self.tr("Forget all %1 decisions? The photos may group again from the next scan.")
            .replace("%1", str(len(self.ignore))),
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            self.ignore.clear()
            self.changed = True
            self._fill()

    def _fill(self) -> None:
        self.tree.clear()
        entries = self.ignore.entries()
        for entry in entries:
            a, b = entry.paths
            item = QTreeWidgetItem([_name(a), _name(b), _when(entry.added), ""])
            item.setToolTip(0, display_path(a))
            item.setToolTip(1, display_path(b))
            self.tree.addTopLevelItem(item)
            undo = QPushButton(self.tr("Undo"), self.tree)
            undo.setToolTip(self.tr("Let these two photos group again"))
            undo.clicked.connect(lambda _c=False, entry=entry: self.undo(entry))
            self.tree.setItemWidget(item, 3, undo)
        self.tree.setVisible(bool(entries))
        self.empty.setVisible(not entries)
        self.clear_button.setEnabled(bool(entries))


def _name(path: str) -> str:
    folder = os.path.basename(os.path.dirname(path))
    name = display_path(os.path.basename(path))
    return f"{display_path(folder)}{os.sep}{name}" if folder else name


def _when(added: float) -> str:
    if not added:
        return "—"  # migrated from a list that kept no dates
    return format_datetime(QDateTime.fromSecsSinceEpoch(int(added)))
