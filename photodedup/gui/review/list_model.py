"""What the review lists: each group's title, and under it the files that go.

The rows are plain data (``ReviewRows``, which needs no Qt and is made in a job
for a large plan): how many files each group lists is worked out at once, and a
group's files and title when the view first asks for them, so 35,000 files in
18,000 groups cost nothing until seen.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QIcon

from photodedup.core import trash
from photodedup.core.metadata_gaps import MetadataGap, metadata_gaps
from photodedup.core.models import ImageRecord
from photodedup.core.results import Group
from photodedup.core.trash import Planned, RemovalPlan
from photodedup.gui.platform.formatting import format_bytes, format_resolution

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ReviewFile(NamedTuple):
    # A tuple, not a dataclass: one is made per planned file, and a frozen
    # dataclass takes several times as long to make.
    item: Planned
    width: int = 0  # 0 when unknown
    height: int = 0

    @property
    def resolution(self) -> str:
        """The resolution as "4032×3024" ("" when unknown), made when the row is shown."""
        return format_resolution(self.width, self.height) if self.width else ""


@dataclass
class ReviewGroup:
    """One group of the review: its number in the results and the files it loses."""

    index: int  # in the groups the dialog was given
    kept: list[ImageRecord]  # what stays, first the one named in the title
    troubled: bool  # the plan found a problem in this group
    files: list[ReviewFile] = field(default_factory=list)
    # The copies that would stay are all gone or changed since the scan.
    kept_gone: list[ImageRecord] = field(default_factory=list)


class ReviewRows:
    """The groups with a planned file or a problem, in group order; those with a
    problem or in ``flagged`` (they would lose a fact) are marked as troubled.
    Files in ``unavailable`` (gone or changed since the scan) are never kept.

    Only how many files each group lists is worked out at once (from the plan, with
    numpy); a group's ``ReviewGroup`` is made the first time it is asked for, so
    18,000 groups cost nothing until seen. Everything held is immutable or a
    private copy, so the rows can be made in a job and read on the GUI thread.
    """

    def __init__(
        self,
        plan: RemovalPlan,
        groups: Sequence[Group],
        marked: Collection[str],
        flagged: Collection[int] = (),
        unavailable: Collection[str] = (),
    ) -> None:
        self._items = plan.items
        self._groups, self._marked, self._unavailable = groups, marked, unavailable
        of_item = np.fromiter((item.group for item in plan.items), np.int64, len(plan.items))
        troubled = {p.group for p in plan.problems if 0 <= p.group < len(groups)}
        self._troubled = troubled | set(flagged)
        listed = np.fromiter(self._troubled, np.int64, len(self._troubled))
        self.index = np.union1d(of_item, listed)  # the groups listed, in order
        # A stable sort keeps each group's files in the plan's order.
        self._order = np.argsort(of_item, kind="stable")
        by_group = of_item[self._order]
        self._first = np.searchsorted(by_group, self.index, "left")
        self.sizes = np.searchsorted(by_group, self.index, "right") - self._first
        self._made: dict[int, ReviewGroup] = {}

    def __len__(self) -> int:
        return len(self.index)

    def __getitem__(self, row: int) -> ReviewGroup:
        """The ``row``-th group listed (0 <= row < len)."""
        made = self._made.get(row)
        if made is None:
            made = self._made[row] = self._make(row)
        return made

    def _make(self, row: int) -> ReviewGroup:
        index = int(self.index[row])
        members = self._groups[index].members
        stays = [m.image for m in members if m.image.path not in self._marked]
        kept = [r for r in stays if r.path not in self._unavailable]
        gone = stays if not kept else []
        first, size = int(self._first[row]), int(self.sizes[row])
        images = {m.image.path: m.image for m in members}
        files = []
        for j in self._order[first : first + size].tolist():
            item = self._items[j]
            image = images.get(item.path)
            files.append(ReviewFile(item, image.width, image.height) if image else ReviewFile(item))
        return ReviewGroup(index, kept, index in self._troubled, files, gone)


Prepared = tuple[RemovalPlan, ReviewRows, list[MetadataGap]]


def prepare(groups: list[Group], marked: set[str], unavailable: Collection[str] = ()) -> Prepared:
    """The removal plan, the rows that list it, and the facts groups would lose;
    ``unavailable`` files (gone or changed since the scan) neither go nor stay."""
    plan = trash.plan_removal(groups, marked, unavailable)
    gaps = metadata_gaps(groups, marked)
    rows = ReviewRows(plan, groups, marked, {gap.group for gap in gaps}, unavailable)
    return plan, rows, gaps


# Starts a job that makes the plan (the app's job runner); its ``finished`` brings
# what ``prepare`` returns.
StartPlan = Callable[[list[Group], set[str], frozenset[str]], Any]


class PlanRelay(QObject):
    ready = Signal(object)  # what ``prepare`` returns


def prepare_in_thread(
    groups: list[Group],
    marked: set[str],
    parent: QObject,
    unavailable: frozenset[str] = frozenset(),
) -> PlanRelay:
    """Run ``prepare`` in a thread; the relay's ``ready`` brings the result to ``parent``'s.
    The thread gets only its own copies and immutable values, and touches no Qt object
    but the relay's signal."""
    relay = PlanRelay(parent)

    def run() -> None:
        prepared = prepare(groups, marked, unavailable)
        with contextlib.suppress(RuntimeError):  # the dialog closed before the plan was made
            relay.ready.emit(prepared)

    threading.Thread(target=run, daemon=True).start()
    return relay


class ReviewListModel(QAbstractTableModel):
    """One row per group (its title, spanning the row), then one per file it loses.

    Flat rather than a tree: a tree view asks the model about every row (has it
    children?) each time it lays out, which is a Python call per row.
    """

    def __init__(
        self,
        headers: list[str],
        title: Callable[[ReviewGroup], str],
        warning: QIcon,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._headers = headers
        self._title = title
        self._warning = warning
        self._groups = ReviewRows(RemovalPlan(), [], ())
        self._group_of_row = np.zeros(0, dtype=np.int64)  # row -> its group
        self._file_of_row = np.zeros(0, dtype=np.int64)  # row -> file in it, -1 for the title
        self._titles: dict[int, str] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def set_groups(self, groups: ReviewRows) -> None:
        sizes = groups.sizes + 1  # a title, then its files
        starts = np.zeros(len(groups), dtype=np.int64)
        np.cumsum(sizes[:-1], out=starts[1:])
        self.beginResetModel()
        self._groups = groups
        self._group_of_row = np.repeat(np.arange(len(groups)), sizes)
        self._file_of_row = np.arange(int(sizes.sum())) - np.repeat(starts, sizes) - 1
        self._titles.clear()
        self.endResetModel()

    def title_rows(self) -> np.ndarray:
        """The rows that hold a group's title."""
        return np.flatnonzero(self._file_of_row < 0)

    def is_title(self, row: int) -> bool:
        return 0 <= row < len(self._file_of_row) and self._file_of_row[row] < 0

    # -- Qt model -----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._file_of_row)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._file_of_row):
            return None
        group = int(self._group_of_row[index.row()])
        file = int(self._file_of_row[index.row()])
        if file < 0:
            return self._title_data(group, index.column(), role)
        return self._file_data(self._groups[group].files[file], index.column(), role)

    def _title_data(self, group: int, column: int, role: int):
        if column != 0:
            return None
        # The tool tip too: a long title is cut at the window's edge.
        text_roles = (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        )
        if role in text_roles:
            if group not in self._titles:
                self._titles[group] = self._title(self._groups[group])
            return self._titles[group]
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.DecorationRole and self._groups[group].troubled:
            return self._warning
        return None

    @staticmethod
    def _file_data(file: ReviewFile, column: int, role: int):
        item = file.item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            folder, name = os.path.split(item.path)
            return (name, folder, format_bytes(item.size), file.resolution)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column < 2:
            return item.path if column == 0 else os.path.dirname(item.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return _RIGHT
        if role == Qt.ItemDataRole.UserRole:
            return item.path
        return None
