"""A list view whose rows are laid out by arithmetic, not by asking every row its size.

QListView with rows of different heights measures rows one by one, from the first,
whenever the model changes: with thousands of groups, the scroll range covers only
the rows measured so far (End stops short) and every repaint of a row starts the
measuring again. Here a row's height follows from its number of files and the
width, so the whole layout is one cumulative sum over the model's file counts,
redone only when the rows or the width change. Painting, hit testing and scrolling
look rows up in it by bisection.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QRect,
    Qt,
    QTimer,
)
from PySide6.QtGui import QPainter, QRegion
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyleOptionViewItem, QWidget


class GroupListView(QAbstractItemView):
    """One column of full-width rows; the model must offer ``member_counts()``.

    ``member_counts()`` gives, in row order, how many files each row shows, as a
    numpy array; subclasses turn those into pixel heights in ``row_heights``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tops = np.zeros(1, dtype=np.int64)  # row i spans tops[i] .. tops[i + 1]
        self._laid_out_width = -1
        self._shown_timer = QTimer(self, singleShot=True, interval=50)
        self._shown_timer.timeout.connect(self.rows_shown_changed)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    # -- layout -------------------------------------------------------------------------
    def setModel(self, model) -> None:  # type: ignore[override]
        old = self.model()
        if old is not None:
            for signal in self._layout_signals(old):
                signal.disconnect(self._relayout)
        super().setModel(model)
        for signal in self._layout_signals(model):
            signal.connect(self._relayout)
        self._relayout()

    @staticmethod
    def _layout_signals(model) -> list:
        return [
            model.modelReset,
            model.layoutChanged,
            model.rowsInserted,
            model.rowsRemoved,
        ]

    def _relayout(self, *_args) -> None:
        """Recompute every row's place; milliseconds even for 100,000 rows."""
        model = self.model()
        width = self.viewport().width()
        counts = model.member_counts() if model is not None else np.zeros(0, dtype=np.int64)
        heights = np.asarray(self.row_heights(counts, width), dtype=np.int64)
        tops = np.zeros(len(heights) + 1, dtype=np.int64)
        np.cumsum(heights, out=tops[1:])
        self._tops = tops
        self._laid_out_width = width
        self.updateGeometries()
        self.viewport().update()

    def row_heights(self, counts: np.ndarray, width: int) -> np.ndarray:
        """The height of each row, for rows holding ``counts`` files, at ``width``."""
        raise NotImplementedError

    def row_count(self) -> int:
        return len(self._tops) - 1

    def content_height(self) -> int:
        return int(self._tops[-1])

    def row_at_y(self, y: int) -> int:
        """The row under content coordinate ``y``, or -1 below the last row."""
        if y < 0 or y >= self._tops[-1]:
            return -1
        return int(np.searchsorted(self._tops, y, side="right")) - 1

    def row_rect(self, row: int) -> QRect:
        """Where ``row`` is, in viewport coordinates."""
        if not 0 <= row < self.row_count():
            return QRect()
        top = int(self._tops[row]) - self.verticalOffset()
        return QRect(0, top, self.viewport().width(), int(self._tops[row + 1] - self._tops[row]))

    def visible_rows(self) -> range:
        if not self.row_count():
            return range(0)
        first = self.row_at_y(self.verticalOffset())
        last = self.row_at_y(self.verticalOffset() + self.viewport().height() - 1)
        if first < 0:
            return range(0)
        return range(first, (last if last >= 0 else self.row_count() - 1) + 1)

    # -- QAbstractItemView --------------------------------------------------------------
    def visualRect(self, index: QModelIndex) -> QRect:
        if not index.isValid():
            return QRect()
        return self.row_rect(index.row())

    def indexAt(self, point: QPoint) -> QModelIndex:
        row = self.row_at_y(point.y() + self.verticalOffset())
        model = self.model()
        if row < 0 or model is None or not 0 <= point.x() < self.viewport().width():
            return QModelIndex()
        return model.index(row, 0)

    def scrollTo(self, index: QModelIndex, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        if not index.isValid() or not 0 <= index.row() < self.row_count():
            return
        top, bottom = int(self._tops[index.row()]), int(self._tops[index.row() + 1])
        bar, height = self.verticalScrollBar(), self.viewport().height()
        Hint = QAbstractItemView.ScrollHint
        if hint == Hint.PositionAtTop or bottom - top >= height:
            value = top
        elif hint == Hint.PositionAtBottom:
            value = bottom - height
        elif hint == Hint.PositionAtCenter:
            value = (top + bottom - height) // 2
        elif top < bar.value():
            value = top
        elif bottom > bar.value() + height:
            value = bottom - height
        else:
            return
        bar.setValue(value)

    def moveCursor(self, action, modifiers) -> QModelIndex:
        model = self.model()
        n = self.row_count()
        if model is None or not n:
            return QModelIndex()
        current = self.currentIndex()
        row = current.row() if current.isValid() else -1
        A = QAbstractItemView.CursorAction
        height = self.viewport().height()
        if action in (A.MoveDown, A.MoveNext):
            row = min(n - 1, row + 1)
        elif action in (A.MoveUp, A.MovePrevious):
            row = max(0, row - 1)
        elif action == A.MoveHome:
            row = 0
        elif action == A.MoveEnd:
            row = n - 1
        elif action == A.MovePageDown:
            base = max(row, 0)
            y = int(self._tops[base]) + height
            row = n - 1 if y >= self._tops[-1] else max(base + 1, self.row_at_y(y))
            row = min(row, n - 1)
        elif action == A.MovePageUp:
            base = max(row, 0)
            y = int(self._tops[base]) - height
            row = 0 if y <= 0 else min(base - 1, self.row_at_y(y))
            row = max(row, 0)
        else:
            return current
        return model.index(row, 0)

    def horizontalOffset(self) -> int:
        return 0

    def verticalOffset(self) -> int:
        return self.verticalScrollBar().value()

    def isIndexHidden(self, index: QModelIndex) -> bool:
        return False

    def setSelection(self, rect: QRect, flags) -> None:
        model = self.model()
        if model is None:
            return
        first = self.row_at_y(rect.top() + self.verticalOffset())
        last = self.row_at_y(rect.bottom() + self.verticalOffset())
        if first < 0:
            return
        last = last if last >= 0 else self.row_count() - 1
        selection = QItemSelection(model.index(first, 0), model.index(last, 0))
        self.selectionModel().select(selection, flags)

    def visualRegionForSelection(self, selection: QItemSelection) -> QRegion:
        region = QRegion()
        shown = self.visible_rows()
        for item in selection:
            for row in range(max(item.top(), shown.start), min(item.bottom() + 1, shown.stop)):
                region += self.row_rect(row)
        return region

    def updateGeometries(self) -> None:
        bar, height = self.verticalScrollBar(), self.viewport().height()
        bar.setPageStep(height)
        bar.setRange(0, max(0, self.content_height() - height))
        super().updateGeometries()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().scroll(dx, dy)
        self._shown_timer.start()

    def rows_shown_changed(self) -> None:
        """Called once scrolling pauses, with ``visible_rows()`` up to date."""

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.viewport().width() != self._laid_out_width:
            anchor = self.row_at_y(self.verticalOffset())
            self._relayout()
            if anchor >= 0:  # keep the row at the top where it was
                self.verticalScrollBar().setValue(int(self._tops[anchor]))
        else:
            self.updateGeometries()

    def dataChanged(self, top_left, bottom_right, roles=()) -> None:
        # Contents changed, not sizes: repaint what shows, never lay out again.
        shown = self.visible_rows()
        if top_left.row() <= shown.stop - 1 and bottom_right.row() >= shown.start:
            first = max(top_left.row(), shown.start)
            last = min(bottom_right.row(), shown.stop - 1)
            self.viewport().update(self.row_rect(first).united(self.row_rect(last)))

    def update_row(self, row: int) -> None:
        """Repaint ``row`` if it shows."""
        if row in self.visible_rows():
            self.viewport().update(self.row_rect(row))

    def paintEvent(self, event) -> None:
        model = self.model()
        if model is None:
            return
        painter = QPainter(self.viewport())
        area = event.rect()
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        current = self.currentIndex()
        selection = self.selectionModel()
        delegate = self.itemDelegate()
        first = self.row_at_y(area.top() + self.verticalOffset())
        if first < 0:
            return
        for row in range(first, self.row_count()):
            rect = self.row_rect(row)
            if rect.top() > area.bottom():
                break
            index = model.index(row, 0)
            option.rect = rect
            state = QStyle.StateFlag.State_Enabled
            if selection is not None and selection.isSelected(index):
                state |= QStyle.StateFlag.State_Selected
            if index == current and self.hasFocus():
                state |= QStyle.StateFlag.State_HasFocus
            option.state = state
            delegate.paint(painter, option, index)
        painter.end()

    def selectAll(self) -> None:
        model = self.model()
        if model is not None and self.row_count():
            selection = QItemSelection(model.index(0, 0), model.index(self.row_count() - 1, 0))
            self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.Select)
