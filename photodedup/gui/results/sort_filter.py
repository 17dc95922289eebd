"""The results bar's order and filter, put to the results model.

The filter waits for typing to pause, so that each letter does not lay every group
out again; letters typed over the list go on into the filter box.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from photodedup.gui.results.model import ResultsModel
from photodedup.gui.results.toolbar import ResultsToolBar
from photodedup.gui.results.view import ResultsView


class SortFilter(QObject):
    def __init__(self, bar: ResultsToolBar, model: ResultsModel, view: ResultsView) -> None:
        super().__init__(bar)
        self._bar = bar
        self._filter_timer = QTimer(self, singleShot=True, interval=200)
        self._filter_timer.timeout.connect(lambda: model.set_filter(bar.filter_edit.text()))
        bar.sort_combo.currentIndexChanged.connect(
            lambda: model.set_sort(bar.sort_combo.currentData())
        )
        bar.filter_edit.textChanged.connect(self._filter_timer.start)
        view.filterTyped.connect(self.type_in_filter)

    def choose_sort(self, key: str) -> None:
        """Order the groups by ``key`` (one of ``toolbar.SORTS``), shown in the bar."""
        combo = self._bar.sort_combo
        combo.setCurrentIndex(combo.findData(key))

    def type_in_filter(self, text: str) -> None:
        """Add ``text`` to the filter where its cursor is, and give the filter the keys."""
        edit = self._bar.filter_edit
        edit.setFocus()
        edit.insert(text)
