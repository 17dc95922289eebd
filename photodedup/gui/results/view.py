"""The list of groups: keyboard and mouse over files inside the painted rows.

Up/Down move between groups, Left/Right between files (crossing into the next
or previous group at the ends), Space toggles the mark, Enter compares, Delete
asks to review the marked files.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QWidget

from photodedup.core.results import Member
from photodedup.gui.results.delegate import ResultsDelegate
from photodedup.gui.results.group_list import GroupListView
from photodedup.gui.results.model import GroupRole, ResultsModel
from photodedup.gui.results.thumbnails import ThumbnailCache
from photodedup.gui.results.tile_layout import hit_test, metrics, row_heights


class ResultsView(GroupListView):
    compareRequested = Signal(int)  # row
    reviewRequested = Signal()
    fileMenuRequested = Signal(int, int, QPoint)  # row, member, global position
    filterTyped = Signal(str)  # letters typed over the list: they go to the filter

    def __init__(self, thumbnails: ThumbnailCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._member = 0
        self.thumbnails = thumbnails
        self.setItemDelegate(ResultsDelegate(thumbnails, self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMouseTracking(False)
        self.setAccessibleName(self.tr("Duplicate groups"))

    def setModel(self, model: ResultsModel) -> None:  # type: ignore[override]
        super().setModel(model)
        model.modelReset.connect(self._after_reset)
        model.layoutChanged.connect(self._after_relayout)
        self.verticalScrollBar().setSingleStep(metrics(self.font()).line * 3)

    def row_heights(self, counts, width: int):
        return row_heights(counts, width, metrics(self.font()))

    # -- thumbnails ---------------------------------------------------------------------
    def thumbnail_ready(self, path: str) -> None:
        """Repaint the tile whose thumbnail arrived; nothing moves."""
        model = self.model()
        row = model.row_of_path(path) if model is not None else None
        if row is not None:
            self.update_row(row)

    def visible_paths(self) -> set[str]:
        model = self.model()
        return {p for row in self.visible_rows() for p in model.group_at(row).paths}

    def rows_shown_changed(self) -> None:
        # Thumbnails still queued for rows scrolled past are not worth making.
        self.thumbnails.keep_only(self.visible_paths())

    # -- current file -------------------------------------------------------------------
    def current_member(self, row: int) -> int | None:
        current = self.currentIndex()
        if current.isValid() and current.row() == row:
            return self._member
        return None

    def current_file(self) -> tuple[int, Member] | None:
        current = self.currentIndex()
        if not current.isValid():
            return None
        group = current.data(GroupRole)
        return current.row(), group.members[min(self._member, len(group.members) - 1)]

    def set_current(self, row: int, member: int) -> None:
        model = self.model()
        if model is None or not 0 <= row < model.rowCount():
            return
        index = model.index(row, 0)
        members = len(index.data(GroupRole).members)
        old = self.currentIndex()
        self._member = max(0, min(member, members - 1))
        self.setCurrentIndex(index)
        self.scrollTo(index)
        for idx in {old, index}:
            if idx.isValid():
                self.update(idx)

    def _after_reset(self) -> None:
        self._member = 0
        model = self.model()
        if model is not None and model.rowCount():
            self.setCurrentIndex(model.index(0, 0))

    def _after_relayout(self) -> None:
        current = self.currentIndex()
        if current.isValid():
            self.scrollTo(current)  # the same group, on its new row
        else:
            self._after_reset()  # the filter hid it: start from the top

    # -- keyboard -----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        current = self.currentIndex()
        row = current.row() if current.isValid() else -1
        if key == Qt.Key.Key_Right and row >= 0:
            self._step(row, 1)
        elif key == Qt.Key.Key_Left and row >= 0:
            self._step(row, -1)
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            step = 1 if key == Qt.Key.Key_Down else -1
            self.set_current(max(0, row + step) if row >= 0 else 0, self._member)
        elif key == Qt.Key.Key_Space and row >= 0:
            self._toggle_current()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and row >= 0:
            self.compareRequested.emit(row)
        elif key == Qt.Key.Key_Delete:
            self.reviewRequested.emit()
        elif key == Qt.Key.Key_Menu and row >= 0:
            rect = self.visualRect(current)
            self.fileMenuRequested.emit(
                row, self._member, self.viewport().mapToGlobal(rect.center())
            )
        else:
            super().keyPressEvent(event)
            if self.currentIndex().row() != row:
                self._member = 0
            return
        event.accept()

    def keyboardSearch(self, search: str) -> None:
        # Qt would look for a row whose text starts with the letters, asking every
        # row of a long list for its text; filtering by folder is what helps here.
        if search.strip():
            self.filterTyped.emit(search)

    def _step(self, row: int, step: int) -> None:
        members = len(self.model().index(row, 0).data(GroupRole).members)
        member = self._member + step
        if member >= members and row + 1 < self.model().rowCount():
            self.set_current(row + 1, 0)
        elif member < 0 and row > 0:
            previous = len(self.model().index(row - 1, 0).data(GroupRole).members)
            self.set_current(row - 1, previous - 1)
        else:
            self.set_current(row, member)

    def _toggle_current(self) -> None:
        found = self.current_file()
        if found is not None:
            self.model().toggle(found[1].image.path)

    # -- mouse --------------------------------------------------------------------------
    def _hit(self, pos: QPoint) -> tuple[QModelIndex, int, str] | None:
        index = self.indexAt(pos)
        if not index.isValid():
            return None
        group = index.data(GroupRole)
        hit = hit_test(self.visualRect(index), len(group.members), pos, metrics(self.font()))
        return None if hit is None else (index, hit[0], hit[1])

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() not in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            return super().mousePressEvent(event)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        hit = self._hit(event.position().toPoint())
        if hit is None:
            return
        index, member, part = hit
        self.set_current(index.row(), member)
        if part == "check" and event.button() == Qt.MouseButton.LeftButton:
            self._toggle_current()
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        event.accept()  # no rubber-band or drag selection across groups

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        hit = self._hit(event.position().toPoint())
        if hit is None or event.button() != Qt.MouseButton.LeftButton:
            return
        index, member, part = hit
        if part == "check":  # a fast second click on the box is a second toggle
            self.set_current(index.row(), member)
            self._toggle_current()
            return
        self.compareRequested.emit(index.row())

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        hit = self._hit(event.pos())
        if hit is None:
            return
        index, member, _part = hit
        self.set_current(index.row(), member)
        self.fileMenuRequested.emit(index.row(), member, event.globalPos())
