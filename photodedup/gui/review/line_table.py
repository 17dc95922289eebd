"""A table of one line of text a row, for the review's list and the report's files left.

Rows are never measured (no word wrap, one fixed height), so the view answers at
once over tens of thousands of them.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget


def line_table(model: QAbstractItemModel, parent: QWidget | None = None) -> QTableView:
    """A table over ``model``, each row a line of text high, left-aligned headers."""
    view = QTableView(parent)
    view.setModel(model)
    view.setWordWrap(False)
    view.setShowGrid(False)
    rows = view.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    fm = view.fontMetrics()
    rows.setDefaultSectionSize(fm.lineSpacing() + fm.height() // 3)
    align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    view.horizontalHeader().setDefaultAlignment(align)
    return view
