"""The row of verdict filters above the checked photos: All, New, Similar, In library…"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from photodedup.gui.check.model import KINDS, UNREADABLE, VerdictFilter


class FilterBar(QWidget):
    """One exclusive button per kind of row; each shows how many rows it would show."""

    def __init__(self, proxy: VerdictFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proxy = proxy
        self.buttons: dict[str, QToolButton] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.all_button = self._button("")
        row.addWidget(self.all_button)
        for kind in KINDS:
            self.buttons[kind] = self._button(kind)
            row.addWidget(self.buttons[kind])
        row.addStretch(1)
        self.all_button.setChecked(True)
        self.set_counts(dict.fromkeys(KINDS, 0))

    def set_counts(self, counts: dict[str, int]) -> None:
        self.all_button.setText(self.tr("All (%1)").replace("%1", str(sum(counts.values()))))
        names = {
            "new": self.tr("New (%1)"),
            "similar": self.tr("Similar (%1)"),
            "in-library": self.tr("In library (%1)"),
            UNREADABLE: self.tr("Unreadable (%1)"),
        }
        for kind, button in self.buttons.items():
            button.setText(names[str(kind)].replace("%1", str(counts[kind])))
            # Most cards have no broken file: no button for an empty "Unreadable".
            button.setVisible(kind != UNREADABLE or counts[kind] > 0)

    def _button(self, kind: str) -> QToolButton:
        button = QToolButton(self)
        button.setCheckable(True)
        button.setAutoExclusive(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.toggled.connect(
            lambda on, kind=kind: on and self.proxy.set_kinds({kind} if kind else set())
        )
        return button
