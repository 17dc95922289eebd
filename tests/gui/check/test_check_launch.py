"""The check from the main window: File menu, tool bars, the start screen's drop zone,
and the read-only compare view."""

from __future__ import annotations

import shutil
from pathlib import Path

from imagegen import photo, save
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from photodedup.gui.compare.view import CompareView
from photodedup.gui.main_window import MainWindow


def test_the_command_is_in_the_file_menu_and_the_tool_bars(window: MainWindow) -> None:
    action = window.check_action
    assert action in window.menu.actions()[0].menu().actions()
    assert action in window.results_bar.actions()
    assert window.check_button.action is action
    action.trigger()
    assert window.checker.window is not None and window.checker.window.isVisible()


def test_a_card_dropped_on_the_start_screen_is_checked_and_compared(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    lib, card = tmp_path / "lib", tmp_path / "card" / "DCIM"
    save(photo(5, (800, 600)), lib / "beach.jpg")
    card.mkdir(parents=True)
    shutil.copy2(lib / "beach.jpg", card / "IMG_0001.JPG")
    save(photo(6, (800, 600)), card / "IMG_0002.JPG")
    window.folders.add_folders([str(lib)])
    zone = window.check_zone
    assert zone.isVisibleTo(window.empty)

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(card))])
    pos = QPointF(zone.width() / 2, zone.height() / 2)
    how = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(pos.toPoint(), *how)
    QApplication.sendEvent(zone, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(zone, QDropEvent(pos, *how))
    w = window.checker.window
    assert w is not None and w.queries == [str(card)]
    assert window.folders.folders()[0].path == str(lib)  # the drop added no library folder

    w.start_check()
    qtbot.waitUntil(lambda: w.model.report is not None and not w.is_busy(), timeout=60_000)
    verdicts = {Path(r.path).name: str(r.verdict) for r in w.model.report.results}
    assert verdicts == {"IMG_0001.JPG": "in-library", "IMG_0002.JPG": "new"}

    result = next(r for r in w.model.report.results if r.path.endswith("IMG_0001.JPG"))
    dialog = window.checker.compare(result, result.best)
    assert isinstance(dialog, CompareView)
    assert [p.member.image.path for p in dialog.panes] == [result.path, str(lib / "beach.jpg")]
    # Only to look: no pane offers removal, and Space marks nothing.
    assert not any(p.removeBox.isVisible() or p.removeBox.isEnabled() for p in dialog.panes)
    dialog.panes[0].toggle_mark()
    assert not dialog.panes[0].removeBox.isChecked()
    dialog.close()
