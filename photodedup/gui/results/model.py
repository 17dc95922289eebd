"""The duplicate groups as a Qt model: one row per group, the files inside the row.

The model holds the marks (paths the user wants removed) in a ``select.Marks``,
which keeps the engine's rules for them. Sorting and filtering
reorder a list of group numbers, so the groups themselves are never copied.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from photodedup.core import select
from photodedup.core.keep import Choice
from photodedup.core.models import Group, Member
from photodedup.core.select import Marks
from photodedup.gui.platform import pyside_fixes  # noqa: F401 (must run before Qt use)
from photodedup.gui.platform.formatting import display_path, format_bytes, pick

GroupRole = Qt.ItemDataRole.UserRole + 1  # Group
MarkedRole = Qt.ItemDataRole.UserRole + 2  # tuple[bool, ...], one per member
BestRole = Qt.ItemDataRole.UserRole + 3  # (indices of highest resolution, of largest file)
BytesRole = Qt.ItemDataRole.UserRole + 4  # bytes the marked files of the group take
KeepRole = Qt.ItemDataRole.UserRole + 5  # keep.Choice: the copy the rule keeps, and why

SORT_KEYS = ("bytes", "files", "path")

_Index = QModelIndex | QPersistentModelIndex


class ResultsModel(QAbstractListModel):
    marksChanged = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._groups: list[Group] = []
        self._rows: list[int] = []  # visible rows → positions in _groups
        self._row_of_path: dict[str, int] = {}
        self.marks = Marks()
        self._filter = ""
        self._sort = "bytes"
        self._rule: str = "best"
        self._prefer: tuple[str, ...] = ()
        self._choices: dict[int, Choice] = {}  # by position in _groups, made when first shown

    # -- Qt model -----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        group = self._groups[self._rows[index.row()]]
        if role == GroupRole:
            return group
        if role == MarkedRole:
            return self.marks.in_group(group)
        if role == BestRole:
            return _best(group.members)
        if role == BytesRole:
            return self.marks.bytes(group)
        if role == KeepRole:
            return self.choice(self._rows[index.row()])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.tr("{n} similar photos: {names}").format(
                n=len(group.members),
                names=", ".join(display_path(os.path.basename(p)) for p in group.paths),
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return None  # the view gives per-file tool tips
        return None

    # -- content ------------------------------------------------------------------------
    def set_groups(self, groups: Iterable[Group], marked: Iterable[str] = ()) -> None:
        self.beginResetModel()
        self._groups = [g for g in groups if len(g.members) >= 2]
        self.marks.set_groups(self._groups, marked)
        self._rebuild_rows()
        self.endResetModel()
        self.marksChanged.emit()

    def groups(self) -> list[Group]:
        """Every group, including those the filter hides."""
        return list(self._groups)

    def groups_in_view_order(self) -> list[Group]:
        """Every group: the visible ones as sorted, then those the filter hides."""
        shown = set(self._rows)
        hidden = [i for i in range(len(self._groups)) if i not in shown]
        return [self._groups[i] for i in self._rows + hidden]

    def group_at(self, row: int) -> Group:
        return self._groups[self._rows[row]]

    def row_of_path(self, path: str) -> int | None:
        return self._row_of_path.get(path)

    def remove_paths(self, paths: Iterable[str]) -> int:
        """Drop removed files; a group left with one file leaves the list."""
        gone = set(paths)
        if not gone:
            return 0
        removed = sum(1 for g in self._groups for p in g.paths if p in gone)
        if removed:
            self.beginResetModel()
            self._groups = [s for s in (g.without(gone) for g in self._groups) if s is not None]
            self.marks.set_groups(self._groups)
            self._rebuild_rows()
            self.endResetModel()
            self.marksChanged.emit()
        return removed

    # -- marks --------------------------------------------------------------------------
    def marked(self) -> set[str]:
        return set(self.marks)

    def is_marked(self, path: str) -> bool:
        return path in self.marks

    def set_marked(self, path: str, marked: bool) -> bool:
        """Mark or unmark one file; files in a reference folder cannot be marked."""
        was = path in self.marks
        if not self.marks.set(path, marked):
            return False
        if was != marked:
            row = self._row_of_path.get(path)
            if row is not None:
                self._row_changed(row)
            self.marksChanged.emit()
        return True

    def toggle(self, path: str) -> bool:
        return self.set_marked(path, path not in self.marks)

    def set_keep_rule(self, rule: str, prefer: Iterable[str] = ()) -> None:
        """The rule (and preferred folders, best first) that says which copy to keep."""
        self._rule, self._prefer = rule, tuple(prefer)
        self._choices.clear()
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def keep_rule(self) -> tuple[str, tuple[str, ...]]:
        return self._rule, self._prefer

    def choice(self, position: int) -> Choice:
        """The rule's choice for the group at ``position`` in ``groups()``."""
        found = self._choices.get(position)
        if found is None:
            found = select.choice(self._groups[position], self._rule, self._prefer)
            self._choices[position] = found
        return found

    def mark_all_but_best(self, rule: str | None = None) -> None:
        if rule is not None and rule != self._rule:
            self.set_keep_rule(rule, self._prefer)
        self.marks.mark_all_but_best(self._rule, self._prefer)
        self._marks_replaced()

    def unmark_all(self) -> None:
        self.marks.clear()
        self._marks_replaced()

    def invert_group(self, row: int) -> None:
        self.marks.invert(self.group_at(row))
        self._row_changed(row)
        self.marksChanged.emit()

    def marked_count(self) -> int:
        return len(self.marks)

    def bytes_to_free(self) -> int:
        return self.marks.bytes()

    def summary(self) -> str:
        """The status line: how many groups, how many files marked, how much to free."""
        groups, marked = self.total_groups(), self.marked_count()
        parts = [
            pick(groups, self.tr("{n} group"), self.tr("{n} groups")).format(n=groups),
            pick(marked, self.tr("{n} file marked"), self.tr("{n} files marked")).format(n=marked),
            self.tr("{size} to free").format(size=format_bytes(self.bytes_to_free())),
        ]
        full = self.fully_marked_groups()
        if full:
            parts.append(
                pick(
                    full,
                    self.tr("{n} group has every copy marked"),
                    self.tr("{n} groups have every copy marked"),
                ).format(n=full)
            )
        return " · ".join(parts)

    def fully_marked_groups(self) -> int:
        """Groups where every file is marked: the trash step will refuse those."""
        return len(self.marks.fully_marked())

    # -- order and filter ---------------------------------------------------------------
    def set_sort(self, key: str) -> None:
        if key not in SORT_KEYS:
            raise ValueError(f"unknown sort key {key!r}")
        self._sort = key
        self._relayout()

    def set_filter(self, text: str) -> None:
        self._filter = text.strip().casefold()
        self._relayout()

    def total_groups(self) -> int:
        return len(self._groups)

    # -- internals ----------------------------------------------------------------------
    def _relayout(self) -> None:
        # A layout change, not a reset: the view's current group (and the file in it)
        # follows the group to its new row, so sorting or filtering keeps the place.
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        groups = [self._rows[i.row()] if 0 <= i.row() < len(self._rows) else -1 for i in before]
        self._rebuild_rows()
        row_of = {g: r for r, g in enumerate(self._rows)}
        after = [self.index(row_of[g]) if g in row_of else QModelIndex() for g in groups]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _rebuild_rows(self) -> None:
        self._choices.clear()  # positions may have changed
        rows = range(len(self._groups))
        if self._filter:
            needle = self._filter
            rows = [
                i
                for i in rows
                if any(needle in os.path.dirname(p).casefold() for p in self._groups[i].paths)
            ]
        if self._sort == "bytes":
            key = lambda i: (-self.marks.bytes(self._groups[i]), i)  # noqa: E731
        elif self._sort == "files":
            key = lambda i: (-len(self._groups[i].members), i)  # noqa: E731
        else:
            key = lambda i: (self._groups[i].reference.path.casefold(), i)  # noqa: E731
        self._rows = sorted(rows, key=key)
        self._row_of_path = {
            p: row for row, i in enumerate(self._rows) for p in self._groups[i].paths
        }

    def _marks_replaced(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))
        self.marksChanged.emit()

    def _row_changed(self, row: int) -> None:
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def refresh_path(self, path: str) -> None:
        """Repaint the row holding ``path`` (its thumbnail arrived)."""
        row = self._row_of_path.get(path)
        if row is not None:
            self._row_changed(row)


def _best(members: tuple[Member, ...]) -> tuple[frozenset[int], frozenset[int]]:
    """Which files have the highest resolution and the largest size, when that
    tells them apart (a tie among all of them highlights nothing)."""
    return _top(m.image.pixels for m in members), _top(m.image.size for m in members)


def _top(values: Iterable[int]) -> frozenset[int]:
    values = list(values)
    top = max(values)
    if all(v == top for v in values):
        return frozenset()
    return frozenset(i for i, v in enumerate(values) if v == top)
