"""The duplicate groups as a Qt model: one row per group, the files inside the row.

The marks are the engine's (``core.marks.Marks``, which the session holds and every
view shares): the model shows them and tells Qt when they change, whoever changed
them. Its state is a :class:`~photodedup.gui.results.table.GroupTable`, which a
scan or regroup job builds in its own thread; sorting and filtering reorder an
array of group numbers, so nothing that the list shows costs more than a numpy pass.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager

import numpy as np
from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from photodedup.core import select
from photodedup.core.keep import Choice
from photodedup.core.marks import Marks, MarkState
from photodedup.core.reasons import Reason
from photodedup.core.results import Group, Member
from photodedup.gui.platform import pyside_fixes  # noqa: F401 (must run before Qt use)
from photodedup.gui.platform.formatting import display_path, format_bytes, pick
from photodedup.gui.results import table as tables
from photodedup.gui.results.table import GroupTable, build_table

GroupRole = Qt.ItemDataRole.UserRole + 1  # Group
MarkedRole = Qt.ItemDataRole.UserRole + 2  # tuple[bool, ...], one per member
BestRole = Qt.ItemDataRole.UserRole + 3  # (indices of highest resolution, of largest file)
BytesRole = Qt.ItemDataRole.UserRole + 4  # bytes the marked files of the group take
KeepRole = Qt.ItemDataRole.UserRole + 5  # keep.Choice: the copy the rule keeps, and why
# tuple[Reason | None, ...], one per member: why a file is not as scanned (core.freshness)
FlagRole = Qt.ItemDataRole.UserRole + 6

SORT_KEYS = ("bytes", "files", "path")
# More groups changed at once than this repaint as one range: a signal per row
# would cost more than the repaint.
_ROWS_ONE_BY_ONE = 64

_Index = QModelIndex | QPersistentModelIndex


class ResultsModel(QAbstractListModel):
    marksChanged = Signal()

    def __init__(self, parent=None, marks: Marks | None = None) -> None:
        """``marks``: the session's, which this model's groups are loaded into."""
        super().__init__(parent)
        self.marks = marks if marks is not None else Marks()  # shared by every view
        self._table = tables.table_for(self.marks)
        self.marks.subscribe(self._marks_changed)
        self._rows = np.zeros(0, dtype=np.int64)  # visible rows → group numbers
        self._row_of_group = np.zeros(0, dtype=np.int64)  # group number → row, or -1
        self._filter = ""
        self._sort = "bytes"
        self._rule: str = "best"
        self._prefer: tuple[str, ...] = ()
        self._choices: dict[int, Choice | None] = {}  # by group number, made when first shown
        # Files found gone or changed since the scan: shown flagged, never kept (and,
        # the marks' rule, never marked).
        self._flags: dict[str, Reason] = {}

    # -- Qt model -----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        i = int(self._rows[index.row()])
        group = self._table.groups[i]
        if role == GroupRole:
            return group
        if role == MarkedRole:
            return self.marks.in_group(i)
        if role == BestRole:
            return _best(group.members)
        if role == BytesRole:
            return self.marks.bytes(i)
        if role == KeepRole:
            return self.choice(i)
        if role == FlagRole:
            flags = self._flags
            return tuple(flags.get(m.image.path) for m in group.members)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.tr("{n} similar photos: {names}").format(
                n=len(group.members),
                names=", ".join(display_path(os.path.basename(p)) for p in group.paths),
            )
        return None  # tool tips: the view gives one per file

    def member_counts(self) -> np.ndarray:
        """Files per row, in row order (what the view lays its rows out by)."""
        return self._table.counts[self._rows]

    # -- content ------------------------------------------------------------------------
    @staticmethod
    def prepare(groups: Iterable[Group], marked: Iterable[str] = ()) -> GroupTable:
        """What ``set_table`` takes; pure Python, meant for a worker thread."""
        return build_table(groups, set(marked))

    def set_groups(self, groups: Iterable[Group], marked: Iterable[str] = ()) -> None:
        self.set_table(self.prepare(groups, marked))

    def set_table(self, table: GroupTable) -> None:
        """Show the groups of ``table`` (from ``prepare``), which the model now owns;
        the shared marks follow its groups and marks."""
        self.beginResetModel()
        with self._quiet():  # the reset repaints every row
            self.marks.take(table.marks)
        table.marks = self.marks
        self._table = table
        self._choices.clear()
        self._rebuild_rows()
        self.endResetModel()
        self.marksChanged.emit()

    def groups(self) -> list[Group]:
        """Every group, including those the filter hides."""
        t = self._table
        return [t.groups[i] for i in np.flatnonzero(t.alive).tolist()]

    def groups_in_view_order(self) -> list[Group]:
        """Every group: the visible ones as sorted, then those the filter hides."""
        t = self._table
        hidden = np.flatnonzero(t.alive & (self._row_of_group < 0)).tolist()
        return [t.groups[i] for i in self._rows.tolist() + hidden]

    def group_at(self, row: int) -> Group:
        return self._table.groups[int(self._rows[row])]

    def row_of_path(self, path: str) -> int | None:
        i = self._table.group_of_path.get(path)
        if i is None:
            return None
        row = int(self._row_of_group[i])
        return row if row >= 0 else None

    def remove_paths(self, paths: Iterable[str]) -> int:
        """Drop removed files; a group left with one file leaves the list."""
        gone = set(paths)
        if not gone:
            return 0
        with self._quiet():  # the rows move first, then the marks are said to change
            removed = tables.remove(self._table, gone)
        if removed:
            self._choices.clear()  # a group's choice may have left
            if self._table.size:
                # The rows left keep their place: the list stays where the user is
                # while a removal is reported a batch at a time.
                self._relayout()
            else:
                self.beginResetModel()
                self._rebuild_rows()
                self.endResetModel()
            self.marksChanged.emit()
        return removed

    # -- files not as scanned -----------------------------------------------------------
    def set_file_flags(self, flags: dict[str, Reason]) -> set[str]:
        """Flag the files a freshness check found gone or changed (and only those):
        they lose their marks and cannot be marked. Returns the paths unmarked."""
        if flags == self._flags:
            return set()
        self._flags = dict(flags)
        with self._quiet():  # every row repaints below
            unmarked = self.marks.set_unavailable(self._flags.keys())
        self._choices.clear()
        if len(self._rows):
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))
        self.marksChanged.emit()
        return unmarked

    def file_flags(self) -> dict[str, Reason]:
        """The files flagged as not as scanned, and why."""
        return dict(self._flags)

    # -- marks --------------------------------------------------------------------------
    def marked(self) -> set[str]:
        return self.marks.paths()

    def is_marked(self, path: str) -> bool:
        return path in self.marks

    def set_marked(self, path: str, marked: bool) -> bool:
        """Mark or unmark one file; False when it cannot be marked (``Marks.set``)."""
        return self.marks.set(path, marked)

    def toggle(self, path: str) -> bool:
        return self.marks.toggle(path)

    def set_keep_rule(self, rule: str, prefer: Iterable[str] = ()) -> None:
        """The rule (and preferred folders, best first) that says which copy to keep."""
        self._rule, self._prefer = rule, tuple(prefer)
        self._choices.clear()
        if len(self._rows):
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def keep_rule(self) -> tuple[str, tuple[str, ...]]:
        return self._rule, self._prefer

    def choice(self, group: int) -> Choice | None:
        """The rule's choice for group number ``group`` (the one at ``group_at(row)``
        is number ``group_number(row)``), among the files not flagged; None when
        every file is."""
        if group in self._choices:
            return self._choices[group]
        found = select.choice_among(
            self._table.groups[group], self._rule, self._prefer, self._flags
        )
        self._choices[group] = found
        return found

    def group_number(self, row: int) -> int:
        return int(self._rows[row])

    def mark_all_but_best(self, rule: str | None = None) -> None:
        if rule is not None and rule != self._rule:
            self.set_keep_rule(rule, self._prefer)
        self.marks.mark_all_but_best(self._rule, self._prefer)

    def replace_marks(self, marked: Iterable[str] | MarkState) -> None:
        """Mark exactly ``marked`` (less what cannot be marked), as a whole; a
        ``MarkState`` from ``marks_maker`` is taken as it is if still current."""
        if isinstance(marked, MarkState):
            if self.marks.apply(marked):
                return
            marked = marked.marked  # files left meanwhile: worked out again here
        self.marks.replace(marked)

    def marks_maker(self) -> Callable[[Collection[str]], MarkState]:
        """Works out marks for the groups shown now, in a job's thread; hand what it
        makes to ``replace_marks``."""
        return self.marks.prepare

    def file_count(self) -> int:
        """Files in every group, including those the filter hides."""
        t = self._table
        return int(t.counts[t.alive].sum())

    def unmark_all(self) -> None:
        self.marks.clear()

    def invert_group(self, row: int) -> None:
        self.marks.invert(int(self._rows[row]))

    def marked_count(self) -> int:
        return len(self.marks)

    def bytes_to_free(self) -> int:
        """What the marked files take, leaving out the groups the trash step refuses
        (every copy marked, or every copy that would stay flagged): they free nothing."""
        return self.marks.bytes_to_free()

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
        return self._table.size

    # -- internals ----------------------------------------------------------------------
    def _relayout(self) -> None:
        # A layout change, not a reset: the view's current group (and the file in it)
        # follows the group to its new row, so sorting or filtering keeps the place.
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        n = len(self._rows)
        groups = [int(self._rows[i.row()]) if 0 <= i.row() < n else -1 for i in before]
        self._rebuild_rows()
        rows = [int(self._row_of_group[g]) if g >= 0 else -1 for g in groups]
        after = [self.index(r) if r >= 0 else QModelIndex() for r in rows]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _rebuild_rows(self) -> None:
        t = self._table
        self._rows = tables.order(t, self._sort, self._filter)
        self._row_of_group = np.full(len(t.groups), -1, dtype=np.int64)
        self._row_of_group[self._rows] = np.arange(len(self._rows))

    @contextmanager
    def _quiet(self) -> Iterator[None]:
        """Not told of mark changes: the caller says what changed itself."""
        self.marks.unsubscribe(self._marks_changed)
        try:
            yield
        finally:
            self.marks.subscribe(self._marks_changed)

    def _marks_changed(self, groups: Sequence[int] | None) -> None:
        """The marks changed (here, in the compare view, the review): the rows of
        ``groups`` (all rows when None, or when many changed at once) repaint."""
        n = len(self._rows)
        if groups is None or len(groups) > _ROWS_ONE_BY_ONE:
            if n:
                self.dataChanged.emit(self.index(0), self.index(n - 1))
        else:
            for group in groups:
                row = int(self._row_of_group[group]) if group < len(self._row_of_group) else -1
                if 0 <= row < n:
                    self.dataChanged.emit(self.index(row), self.index(row))
        self.marksChanged.emit()


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
