"""The folders to scan, each with a "Reference: never delete from here" check box.

The order matters: copies in folders higher in the list are preferred when a keep
rule looks at folders. Drag a folder, or use the Up and Down buttons, to reorder.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from PySide6.QtCore import QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QAction, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from photodedup.gui.platform.settings import Folder
from photodedup.gui.widgets.action_button import ActionButton

_PATH_ROLE = Qt.ItemDataRole.UserRole


def normalize(path: str) -> str:
    return os.path.normpath(os.path.abspath(os.path.expanduser(path)))


def folders_from_mime(mime: QMimeData) -> list[str]:
    """Local folders in dropped data; a dropped file stands for the folder holding it."""
    out: list[str] = []
    for url in mime.urls():
        if not url.isLocalFile():
            continue
        path = url.toLocalFile()
        folder = path if os.path.isdir(path) else os.path.dirname(path)
        if folder and folder not in out:
            out.append(folder)
    return out


class _FolderTree(QTreeWidget):
    """Says what to do when there is nothing in it yet."""

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.topLevelItemCount():
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        rect = self.viewport().rect().adjusted(8, 8, -8, -8)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(rect, flags, self.tr("Drop folders here or click Add folder…"))


class FolderList(QWidget):
    """A short list of folders (a widget per row is fine here, unlike the results)."""

    foldersChanged = Signal()

    def __init__(self, add_folder: QAction | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = _FolderTree(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Folder"), self.tr("Reference")])
        self.tree.headerItem().setToolTip(1, self.tr("Reference: never delete from here"))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # Rows move only between rows (items take no drops), never into one another.
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.model().rowsMoved.connect(lambda *_: self.foldersChanged.emit())
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.itemSelectionChanged.connect(self._update_buttons)

        if add_folder is None:  # on its own, the list has its own button
            add_folder = QAction(self.tr("Add folder…"), self)
            add_folder.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon))
            add_folder.triggered.connect(self.choose_folder)
        self.add_button = ActionButton(add_folder, self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setToolTip(self.tr("Remove the selected folders from the list"))
        self.remove_button.clicked.connect(self.remove_selected)

        self.up_button = QPushButton(self.tr("Up"), self)
        self.up_button.setToolTip(self.tr("Prefer copies in this folder over those below it"))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton(self.tr("Down"), self)
        self.down_button.setToolTip(self.tr("Prefer copies in the folders above this one"))
        self.down_button.clicked.connect(lambda: self.move_selected(1))

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self._update_buttons()

    def sizeHint(self) -> QSize:
        rows = 5
        return QSize(320, self.tree.sizeHintForRow(0) * rows + self.add_button.sizeHint().height())

    def folders(self) -> list[Folder]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            checked = item.checkState(1) == Qt.CheckState.Checked
            out.append(Folder(item.data(0, _PATH_ROLE), checked))
        return out

    def set_folders(self, folders: Iterable[Folder]) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        for folder in folders:
            self._append(folder)
        self.tree.blockSignals(False)
        self._update_buttons()
        self.foldersChanged.emit()

    def add_folders(self, paths: Iterable[str]) -> int:
        """Add folders not already listed; returns how many were new."""
        known = {f.path for f in self.folders()}
        added = 0
        self.tree.blockSignals(True)
        for path in paths:
            path = normalize(path)
            if path in known or not os.path.isdir(path):
                continue
            known.add(path)
            self._append(Folder(path))
            added += 1
        self.tree.blockSignals(False)
        if added:
            self._update_buttons()
            self.foldersChanged.emit()
        return added

    def choose_folder(self) -> None:
        start = self.folders()[-1].path if self.folders() else os.path.expanduser("~")
        path = QFileDialog.getExistingDirectory(self, self.tr("Add folder"), start)
        if path:
            self.add_folders([path])

    def remove_selected(self) -> None:
        items = self.tree.selectedItems()
        if not items:
            return
        for item in items:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
        self._update_buttons()
        self.foldersChanged.emit()

    def move_selected(self, step: int) -> None:
        """Move the selected folders one place up (-1) or down (1), keeping them selected."""
        count = self.tree.topLevelItemCount()
        rows = sorted(self.tree.indexOfTopLevelItem(i) for i in self.tree.selectedItems())
        if not rows or (step < 0 and rows[0] == 0) or (step > 0 and rows[-1] == count - 1):
            return
        self.tree.blockSignals(True)
        for row in rows if step < 0 else reversed(rows):
            item = self.tree.takeTopLevelItem(row)
            self.tree.insertTopLevelItem(row + step, item)
            item.setSelected(True)
        self.tree.setCurrentItem(self.tree.topLevelItem(rows[0] + step))
        self.tree.blockSignals(False)
        self._update_buttons()
        self.foldersChanged.emit()

    def _append(self, folder: Folder) -> None:
        item = QTreeWidgetItem([folder.path, ""])
        item.setData(0, _PATH_ROLE, folder.path)
        item.setToolTip(0, folder.path)
        item.setIcon(0, self.style().standardIcon(QStyle.StandardPixmap.SP_DirIcon))
        item.setFlags(
            (item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled)
            & ~Qt.ItemFlag.ItemIsDropEnabled
        )
        item.setCheckState(
            1, Qt.CheckState.Checked if folder.reference else Qt.CheckState.Unchecked
        )
        item.setToolTip(1, self.tr("Reference: never delete from here"))
        self.tree.addTopLevelItem(item)

    def _item_changed(self, _item: QTreeWidgetItem, column: int) -> None:
        if column == 1:
            self.foldersChanged.emit()

    def _update_buttons(self) -> None:
        rows = [self.tree.indexOfTopLevelItem(i) for i in self.tree.selectedItems()]
        self.remove_button.setEnabled(bool(rows))
        self.up_button.setEnabled(bool(rows) and min(rows) > 0)
        self.down_button.setEnabled(bool(rows) and max(rows) < self.tree.topLevelItemCount() - 1)
