"""The bar above the results keeps Sort and Filter in sight on a small screen."""

from __future__ import annotations

from PySide6.QtGui import QAction

from photodedup.gui.results.toolbar import ResultsToolBar


def _in_sight(bar: ResultsToolBar, widget) -> bool:
    top_left = widget.mapTo(bar, widget.rect().topLeft())
    return widget.isVisible() and bar.rect().contains(top_left) and widget.width() > 20


def test_sort_and_filter_stay_in_sight_at_1024_pixels(qtbot) -> None:
    actions = [QAction(text) for text in ("Mark all but best", "Unmark all", "Invert group")]
    bar = ResultsToolBar(*actions)
    qtbot.addWidget(bar)
    bar.resize(620, bar.sizeHint().height())  # what a 1024-pixel window leaves it
    bar.show()
    qtbot.waitExposed(bar)
    qtbot.waitUntil(lambda: bar.is_stacked())
    bar.resize(620, bar.sizeHint().height())
    qtbot.wait(50)
    for widget in (bar.sort_combo, bar.filter_edit, bar.invert_button):
        assert _in_sight(bar, widget)

    bar.resize(1600, bar.sizeHint().height())  # a wide window: one row
    qtbot.waitUntil(lambda: not bar.is_stacked())
