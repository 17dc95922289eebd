"""Files the scan could not use, listed in a dock instead of a pile of message boxes."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from photodedup.core.results import ScanError
from photodedup.gui.platform import pyside_fixes  # noqa: F401 (must run before Qt use)
from photodedup.gui.platform.formatting import display_path, pick
from photodedup.gui.platform.reasons import reason_text

_Index = QModelIndex | QPersistentModelIndex


class ErrorsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._errors: list[ScanError] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._errors)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        error = self._errors[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (
                display_path(error.path)
                if index.column() == 0
                else reason_text(error.reason, error.detail)
            )
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("File") if section == 0 else self.tr("Problem")
        return super().headerData(section, orientation, role)

    def set_errors(self, errors: Iterable[ScanError]) -> None:
        self.beginResetModel()
        self._errors = list(errors)
        self.endResetModel()

    def errors(self) -> list[ScanError]:
        return list(self._errors)


class ErrorsPanel(QDockWidget):
    """A dock with a path + reason table; ``toggle_button`` shows the count and opens it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Problems"), parent)
        self.setObjectName("errorsPanel")
        self.model = ErrorsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(self)
        copy = QPushButton(self.tr("Copy list"), self)
        copy.setToolTip(self.tr("Copy every path and problem to the clipboard"))
        copy.clicked.connect(self.copy_to_clipboard)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(copy)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.setWidget(body)

        self.toggle_button = QToolButton(parent)
        self.toggle_button.setAutoRaise(True)
        self.toggle_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        )
        self.toggle_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle_button.clicked.connect(lambda: self.setVisible(not self.isVisible()))
        self.set_errors([])

    def set_errors(self, errors: Iterable[ScanError]) -> None:
        self.model.set_errors(errors)
        n = self.model.rowCount()
        unreadable = pick(
            n, self.tr("{n} file could not be read"), self.tr("{n} files could not be read")
        )
        self.summary.setText(unreadable.format(n=n) if n else "")
        self.toggle_button.setText(
            pick(n, self.tr("{n} problem"), self.tr("{n} problems")).format(n=n)
        )
        self.toggle_button.setToolTip(self.tr("Show the files the scan could not use"))
        self.toggle_button.setVisible(n > 0)
        if not n:
            self.hide()

    def count(self) -> int:
        return self.model.rowCount()

    def copy_to_clipboard(self) -> None:
        lines = [
            f"{display_path(e.path)}\t{reason_text(e.reason, e.detail)}"
            for e in self.model.errors()
        ]
        QGuiApplication.clipboard().setText("\n".join(lines))
