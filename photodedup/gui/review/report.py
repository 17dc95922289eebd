"""The last page of the review dialog: what went, what stayed and why.

Also holds the small pieces the review pages share (byte counts, plural
picking, icon notes, button rows).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from photodedup.core.reasons import Status
from photodedup.core.restore import RestoreOutcome
from photodedup.core.trash import Outcome
from photodedup.gui.platform.formatting import format_bytes, pick
from photodedup.gui.platform.reasons import reason_text
from photodedup.gui.review.line_table import line_table
from photodedup.gui.review.restore_worker import outcome_text

GONE = frozenset((Status.TRASHED, Status.MOVED))  # outcomes after which the file left its folder


def icon_note(owner: QWidget, icon: QStyle.StandardPixmap) -> tuple[QWidget, QLabel]:
    """A standard message icon beside a wrapping label, for notes inside a page."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    size = owner.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
    iconLabel = QLabel()
    iconLabel.setPixmap(owner.style().standardIcon(icon).pixmap(size, size))
    row.addWidget(iconLabel, 0, Qt.AlignmentFlag.AlignTop)
    text = QLabel()
    text.setWordWrap(True)
    # A wrapped label can get more height than its lines need; centred, the text
    # then floats away from its icon.
    text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    row.addWidget(text, 1)
    return box, text


def button_row(left: list[QPushButton], right: list[QPushButton]) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in left:
        row.addWidget(button)
    row.addStretch(1)
    for button in right:
        row.addWidget(button)
    return row


class ReportPage(QWidget):
    """Says how many files went and how many bytes, and lists the ones left, with why."""

    moveRequested = Signal(str)  # a folder for the files that found no trash
    openLogRequested = Signal()
    restoreRequested = Signal()  # put back every file this removal moved
    closeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.resultLabel = QLabel()
        font = QFont(self.resultLabel.font())
        font.setBold(True)
        self.resultLabel.setFont(font)
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.resultLabel)
        self.restoreBox, self.restoreLabel = icon_note(
            self, QStyle.StandardPixmap.SP_MessageBoxInformation
        )
        self.restoreLabel.setText(
            self.tr(
                "Changed your mind? Restore These Files puts them back where they were, now "
                "or later from File ▸ Removal History."
            )
        )
        self.restoreButton = QPushButton(self.tr("Restore These Files"))
        self.restoreButton.setAutoDefault(False)
        self.restoreButton.clicked.connect(self.restoreRequested)
        self.restoreBox.layout().addWidget(self.restoreButton, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.restoreBox)

        self.noTrashBox, self.noTrashLabel = icon_note(
            self, QStyle.StandardPixmap.SP_MessageBoxInformation
        )
        self.moveButton = QPushButton(self.tr("Move Them to a Folder…"))
        self.moveButton.clicked.connect(self._choose_folder)
        self.noTrashBox.layout().addWidget(self.moveButton, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.noTrashBox)

        self.skippedLabel = QLabel()
        self.skippedLabel.setWordWrap(True)
        layout.addWidget(self.skippedLabel)
        self.skipped = LeftFilesModel(
            [self.tr("File"), self.tr("Folder"), self.tr("Result"), self.tr("Why")], self
        )
        # A view over a model: a removal can leave tens of thousands of files behind.
        self.skippedTable = line_table(self.skipped)
        self.skippedTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.skippedTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # One line a row, as the review's list; a long reason is in its tool tip.
        self.skippedTable.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.skippedTable.setAlternatingRowColors(True)
        header = self.skippedTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        layout.addWidget(self.skippedTable, 1)
        self.resultStretch = QWidget()
        layout.addWidget(self.resultStretch, 1)

        logButton = QPushButton(self.tr("Open Log"))
        logButton.setToolTip(self.tr("Every file moved is listed there, with where it went"))
        logButton.clicked.connect(self.openLogRequested)
        self.closeButton = QPushButton(self.tr("Close"))
        self.closeButton.clicked.connect(self.closeRequested)
        layout.addLayout(button_row([logButton], [self.closeButton]))

    def show_outcomes(self, outcomes: list[Outcome], sizes: dict[str, int]) -> None:
        """Report ``outcomes``; ``sizes`` gives each planned path's byte size."""
        self._sizes = sizes
        gone = [o for o in outcomes if o.status in GONE]
        trashed = [o for o in gone if o.status == Status.TRASHED]
        moved = [o for o in gone if o.status == Status.MOVED]
        left = [o for o in outcomes if o.status not in GONE]
        no_trash = [o for o in left if o.status == Status.NO_TRASH]

        parts = []
        if trashed:
            n = len(trashed)
            text = pick(
                n,
                self.tr("Moved %n file to the Trash (%1).", "", n),
                self.tr("Moved %n files to the Trash (%1).", "", n),
            )
            parts.append(text.replace("%1", self._bytes_of(trashed)))
        if moved:
            n = len(moved)
            text = pick(
                n,
                self.tr("Moved %n file to the folder you chose (%1).", "", n),
                self.tr("Moved %n files to the folder you chose (%1).", "", n),
            )
            parts.append(text.replace("%1", self._bytes_of(moved)))
        if not parts:
            parts.append(self.tr("No file was moved."))
        self.resultLabel.setText(" ".join(parts))
        self.restoreBox.setVisible(bool(gone))
        self.restoreButton.setEnabled(True)

        self.noTrashBox.setVisible(bool(no_trash))
        n = len(no_trash)
        self.noTrashLabel.setText(
            pick(
                n,
                self.tr("The Trash is not available for %n file", "", n),
                self.tr("The Trash is not available for %n files", "", n),
            )
            + self.tr(
                " (for example on a network or removable drive). They are still in place; "
                "you can move them to a folder of your choice instead. Nothing is deleted."
            )
        )
        n = len(left)
        self.skippedLabel.setVisible(bool(left))
        self.skippedLabel.setText(
            pick(
                n,
                self.tr("%n file was left where it is:", "", n),
                self.tr("%n files were left where they are:", "", n),
            )
        )
        self.skippedTable.setVisible(bool(left))
        # Without a table the page is a few lines; the dialog shrinks to fit them.
        self.resultStretch.setVisible(False)
        self._compact = not left
        self._fill_table(left)
        self.closeButton.setDefault(True)

    def show_restored(self, outcomes: list[RestoreOutcome], sizes: dict[str, int]) -> None:
        """Report a restore: how many files are back, and which are not, with why."""
        back = [o for o in outcomes if o.ok]
        left = [o for o in outcomes if not o.ok]
        n = len(back)
        text = pick(
            n,
            self.tr("Restored %n file to where it was (%1).", "", n),
            self.tr("Restored %n files to where they were (%1).", "", n),
        )
        freed = format_bytes(sum(sizes.get(o.path, 0) for o in back))
        self.resultLabel.setText(text.replace("%1", freed))
        self._compact = not left
        self.restoreBox.setVisible(bool(left))
        self.restoreButton.setEnabled(bool(left))
        self.noTrashBox.hide()
        n = len(left)
        self.skippedLabel.setVisible(bool(left))
        self.skippedLabel.setText(
            pick(
                n,
                self.tr("%n file could not be restored:", "", n),
                self.tr("%n files could not be restored:", "", n),
            )
        )
        self.skippedTable.setVisible(bool(left))
        self.resultStretch.setVisible(not left)
        self._fill_rows([(o.path, self.tr("Not restored"), outcome_text(o)) for o in left])
        self.closeButton.setDefault(True)

    def show_restore_error(self, message: str) -> None:
        self.resultLabel.setText(self.tr("Could not restore: %1").replace("%1", message))

    def is_compact(self) -> bool:
        """Whether the last report is a few lines only (nothing was left behind)."""
        return getattr(self, "_compact", False)

    def _fill_table(self, outcomes: list[Outcome]) -> None:
        labels = {
            Status.SKIPPED: self.tr("Skipped"),
            Status.NO_TRASH: self.tr("No Trash here"),
            Status.FAILED: self.tr("Failed"),
        }
        self.skipped.set_rows(
            outcomes,
            lambda o: (o.path, labels.get(o.status, o.status), reason_text(o.reason, o.detail)),
        )
        self._fit_columns()

    def _fill_rows(self, rows: list[tuple[str, str, str]]) -> None:
        self.skipped.set_rows(rows, lambda row: row)
        self._fit_columns()

    def _fit_columns(self) -> None:
        self.skippedTable.resizeColumnsToContents()  # Qt measures the first rows only
        # Name, folder and result take what they need (folders at most a third of
        # the width); the reason gets the rest.
        third = self.skippedTable.viewport().width() // 3
        if self.skippedTable.columnWidth(1) > third:
            self.skippedTable.setColumnWidth(1, third)

    def _bytes_of(self, outcomes: list[Outcome]) -> str:
        total = sum(self._sizes.get(o.path, 0) for o in outcomes)
        return format_bytes(total)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Move the Files to This Folder"))
        if folder:
            self.moveRequested.emit(folder)


_Index = QModelIndex | QPersistentModelIndex


class LeftFilesModel(QAbstractTableModel):
    """The files a removal or restore left, one row each: name, folder, result, why.

    Rows are described (``describe(item)`` gives path, result and why) only when
    shown, so a report of 30,000 files costs what is on screen."""

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._items: Sequence[Any] = ()
        self._describe: Callable[[Any], tuple[str, str, str]] = lambda item: item
        self._texts: dict[int, tuple[str, str, str, str]] = {}

    def set_rows(self, items: Sequence[Any], describe: Callable[[Any], tuple[str, str, str]]):
        self.beginResetModel()
        self._items, self._describe, self._texts = items, describe, {}
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def row(self, row: int) -> tuple[str, str, str, str]:
        """Name, folder, result and why of ``row``."""
        texts = self._texts.get(row)
        if texts is None:
            path, result, why = self._describe(self._items[row])
            folder, name = os.path.split(path)
            texts = self._texts[row] = (name, folder, result, why)
        return texts

    def path(self, row: int) -> str:
        name, folder = self.row(row)[:2]
        return os.path.join(folder, name)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.row(index.row())[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            col = index.column()
            return self.path(index.row()) if col < 2 else self.row(index.row())[col]
        return None
