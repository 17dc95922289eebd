"""Every command of the main window, once: a QAction each, and when each is available.

The menu bar, the results tool bar, the sidebar's Scan button, the first-run page
and the status bar's Review button all show these same actions, so a command is
enabled, renamed or triggered in one place. The text is for menus (with its
``&`` key); the icon text is what a button shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget


@dataclass(frozen=True)
class State:
    """What the commands depend on."""

    scanning: bool = False
    cancelling: bool = False
    has_result: bool = False  # a scan finished, with or without groups
    has_groups: bool = False


class Actions(QObject):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        style = parent.style()
        self.add_folder = self._make(self.tr("&Add folder…"), "Ctrl+O", self.tr("Add folder…"))
        self.add_folder.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon))
        self.scan = self._make(self.tr("&Scan"), "F5", self.tr("Scan"))
        self.check_new = self._make(
            self.tr("&Check new photos…"), "Ctrl+Shift+O", self.tr("Check new photos…")
        )
        self.check_new.setToolTip(
            self.tr("See which photos of a card or folder are already in your library")
        )
        self.export = self._make(self.tr("&Export results…"), "Ctrl+E")
        self.history = self._make(self.tr("Removal &history…"))
        self.history.setToolTip(self.tr("Every removal so far, and where each file went"))
        self.quit = self._make(self.tr("&Quit"), QKeySequence.StandardKey.Quit)
        self.mark = self._make(self.tr("&Mark all but best"), None, self.tr("Mark all but best"))
        self.unmark = self._make(self.tr("&Unmark all"), None, self.tr("Unmark all"))
        self.invert = self._make(
            self.tr("&Invert marks in group"), "Ctrl+I", self.tr("Invert group")
        )
        self.invert.setToolTip(self.tr("Swap marked and unmarked files in the current group"))
        self.not_duplicates = self._make(self.tr("&Not duplicates…"))
        self.not_duplicates.setToolTip(self.tr("Photos you said are not duplicates"))
        self.edit_rules = self._make(self.tr("&Edit keep rules…"))
        self.review = self._make(
            self.tr("&Review and remove marked…"), None, self.tr("Review and remove…")
        )
        self.review.setToolTip(self.tr("Review the marked files and move them to the trash"))
        self.about = self._make(self.tr("&About photodedup"))
        self.update(State())

    def update(self, state: State) -> None:
        """Enable and name every command for ``state``: the one place that decides."""
        idle = not state.scanning
        if state.scanning:
            self.scan.setText(self.tr("Cancel &scan"))
            self.scan.setIconText(self.tr("Cancel scan"))
        else:
            self.scan.setText(self.tr("&Scan"))
            self.scan.setIconText(self.tr("Scan"))
        self.scan.setEnabled(not state.cancelling)
        self.add_folder.setEnabled(idle)
        self.export.setEnabled(idle and state.has_result)
        for action in (self.mark, self.unmark, self.invert, self.review):
            action.setEnabled(idle and state.has_groups)

    def _make(self, text: str, shortcut=None, icon_text: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon_text is not None:
            action.setIconText(icon_text)
        return action
