"""A push button that stands for a QAction (Qt binds actions only to tool buttons)."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton, QWidget


class ActionButton(QPushButton):
    """Shows the action's icon text, icon, tool tip and enabled state, and triggers
    it when clicked, so that the button and the menu item can never disagree."""

    def __init__(self, action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = action
        self.clicked.connect(action.trigger)
        action.changed.connect(self._follow)
        self._follow()

    def _follow(self) -> None:
        self.setText(self.action.iconText())
        self.setIcon(self.action.icon())
        self.setToolTip(self.action.toolTip())
        self.setEnabled(self.action.isEnabled())
