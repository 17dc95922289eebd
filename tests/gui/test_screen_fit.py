"""The first window, and the dialogs, fit a 1024x600 screen."""

from __future__ import annotations

from photodedup.core.ignore import IgnoreList
from photodedup.gui.main_window import MainWindow
from photodedup.gui.review.dialog import ReviewDialog

# A netbook's screen, less a title bar and a panel.
SMALL = (1024, 600 - 60)


def test_the_first_window_is_no_larger_than_the_screen(qtbot, settings, tmp_path):
    win = MainWindow(
        settings, ignore=IgnoreList(str(tmp_path / "i.json")), thumbnail_dir=str(tmp_path / "t")
    )
    qtbot.addWidget(win)
    free = win.screen().availableGeometry()
    least = win.minimumSizeHint()
    # No saved size: as large as wanted, but never beyond the screen (or below what it needs).
    assert win.width() <= max(free.width(), least.width())
    assert win.height() <= max(free.height(), least.height())
    assert win.width() < 1240 or free.width() >= 1240
    # What it needs fits the small screen, with the start page and its settings.
    assert least.width() <= SMALL[0] and least.height() <= SMALL[1]


def test_the_review_fits_the_screen(qtbot):
    dialog = ReviewDialog([], set(), start_removal=lambda items, folder: None)
    qtbot.addWidget(dialog)
    free = dialog.screen().availableGeometry()
    assert dialog.width() <= free.width() and dialog.height() <= free.height()
    least = dialog.minimumSizeHint()
    assert least.width() <= SMALL[0] and least.height() <= SMALL[1]
