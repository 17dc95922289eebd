"""What the review lists: each group's title, and under it the files that go.

The rows are plain data made in one pass over the removal plan (``review_groups``,
which needs no Qt and runs in a worker thread for a large plan); the model only
formats the rows the view asks for, so 35,000 files cost nothing until seen.
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


def review_groups(
    plan: RemovalPlan,
    groups: Sequence[Group],
    marked: Collection[str],
    flagged: Collection[int] = (),
    unavailable: Collection[str] = (),
) -> list[ReviewGroup]:
    """The groups with a planned file or a problem, in group order; those with a
    problem or in ``flagged`` (they would lose a fact) are marked as troubled.
    Files in ``unavailable`` (gone or changed since the scan) are never kept."""
    by_group: dict[int, list[Planned]] = {}
    for item in plan.items:
        by_group.setdefault(item.group, []).append(item)
    troubled = {p.group for p in plan.problems if 0 <= p.group < len(groups)}
    troubled |= set(flagged)
    rows = []
    # One pass per group over its own members: 35,000 planned files of 18,000
    # groups cost a few hundred milliseconds in the planning thread.
    for index in sorted(set(by_group) | troubled):
        members = groups[index].members
        stays = [m.image for m in members if m.image.path not in marked]
        kept = [r for r in stays if r.path not in unavailable]
        gone = stays if not kept else []
        files = []
        items = by_group.get(index)
        if items:
            images = {m.image.path: m.image for m in members}
            for item in items:
                image = images.get(item.path)
                files.append(
                    ReviewFile(item, image.width, image.height) if image else ReviewFile(item)
                )
        rows.append(ReviewGroup(index, kept, index in troubled, files, gone))
    return rows


Prepared = tuple[RemovalPlan, list["ReviewGroup"], list[MetadataGap]]


def prepare(groups: list[Group], marked: set[str], unavailable: Collection[str] = ()) -> Prepared:
    """The removal plan, the rows that list it, and the facts groups would lose;
    ``unavailable`` files (gone or changed since the scan) neither go nor stay."""
    plan = trash.plan_removal(groups, marked, unavailable)
    gaps = metadata_gaps(groups, marked)
    rows = review_groups(plan, groups, marked, {gap.group for gap in gaps}, unavailable)
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
        self._groups: list[ReviewGroup] = []
        self._group_of_row = np.zeros(0, dtype=np.int64)  # row -> its group
        self._file_of_row = np.zeros(0, dtype=np.int64)  # row -> file in it, -1 for the title
        self._titles: dict[int, str] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def set_groups(self, groups: list[ReviewGroup]) -> None:
        sizes = np.fromiter((len(g.files) + 1 for g in groups), dtype=np.int64, count=len(groups))
        starts = np.zeros(len(groups), dtype=np.int64)
        np.cumsum(sizes[:-1], out=starts[1:])
        self.beginResetModel()
        self._groups = groups
        self._group_of_row = np.repeat(np.arange(len(groups)), sizes)
        self._file_of_row = np.arange(int(sizes.sum())) - np.repeat(starts, sizes) - 1
        self._titles.clear()
        self.endResetModel()

    def groups(self) -> list[ReviewGroup]:
        return list(self._groups)

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
