"""The checked photos as a list model, and the verdict filter over it.

One row per query file that could be read (its ``QueryResult``) and one per
file that could not (its ``ScanError``), so the user sees every file of the card.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from photodedup.core.check import CheckReport, QueryResult, Verdict
from photodedup.core.results import ScanError
from photodedup.gui.platform.formatting import display_path

ResultRole = Qt.ItemDataRole.UserRole + 1  # the QueryResult, or None for an unreadable file
ErrorRole = Qt.ItemDataRole.UserRole + 2  # the ScanError, or None
KindRole = Qt.ItemDataRole.UserRole + 3  # a Verdict value, or UNREADABLE

UNREADABLE = "unreadable"
KINDS = (Verdict.NEW, Verdict.SIMILAR, Verdict.IN_LIBRARY, UNREADABLE)

_Index = QModelIndex | QPersistentModelIndex


class CheckModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[QueryResult | ScanError] = []
        self.report: CheckReport | None = None

    def set_report(self, report: CheckReport | None) -> None:
        self.beginResetModel()
        self.report = report
        rows: list[QueryResult | ScanError] = []
        if report is not None:
            rows = [*report.results, *report.errors]
            rows.sort(key=lambda r: r.path)
        self._rows = rows
        self.endResetModel()

    def counts(self) -> dict[str, int]:
        """Rows of each kind (``KINDS``)."""
        out = dict.fromkeys(KINDS, 0)
        for row in self._rows:
            out[_kind(row)] += 1
        return out

    def new_paths(self) -> list[str]:
        return [
            r.path for r in self._rows if isinstance(r, QueryResult) and r.verdict is Verdict.NEW
        ]

    def refresh_path(self, path: str) -> None:
        """Repaint the row of ``path`` (its thumbnail arrived)."""
        for i, row in enumerate(self._rows):
            if row.path == path or (
                isinstance(row, QueryResult) and row.best is not None and row.best.path == path
            ):
                index = self.index(i)
                self.dataChanged.emit(index, index)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ResultRole:
            return row if isinstance(row, QueryResult) else None
        if role == ErrorRole:
            return row if isinstance(row, ScanError) else None
        if role == KindRole:
            return _kind(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return display_path(row.path)
        return None


class VerdictFilter(QSortFilterProxyModel):
    """Shows only rows of the chosen kinds; all of them when none is chosen."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kinds: frozenset[str] = frozenset()

    def set_kinds(self, kinds: set[str] | frozenset[str]) -> None:
        self.beginFilterChange()
        self._kinds = frozenset(kinds)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def kinds(self) -> frozenset[str]:
        return self._kinds

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._kinds:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return index.data(KindRole) in self._kinds


def _kind(row: QueryResult | ScanError) -> str:
    return row.verdict.value if isinstance(row, QueryResult) else UNREADABLE
