"""A place on the start screen to drop a memory card or photos and check them."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class CheckDropZone(QFrame):
    """Dropped files and folders go to ``pathsDropped``; a click to ``clicked``."""

    pathsDropped = Signal(list)  # absolute paths
    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setObjectName("checkDropZone")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.title = QLabel(self.tr("Importing photos?"))
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.hint = QLabel(
            self.tr(
                "Drop a memory card, a folder or photos here to see which are already"
                " in your library and which are new."
            )
        )
        self.hint.setWordWrap(True)
        for label in (self.title, self.hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        pad = self.fontMetrics().height()
        layout.setContentsMargins(pad, pad // 2, pad, pad // 2)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        # A fixed width lets the wrapped hint take the height it needs.
        self.setFixedWidth(self.fontMetrics().averageCharWidth() * 64)
        self.hint.setMinimumHeight(self.fontMetrics().lineSpacing() * 2)
        self._set_hover(False)

    def _set_hover(self, on: bool) -> None:
        role = "highlight" if on else "mid"
        self.setStyleSheet(
            f"#checkDropZone {{ border: 2px dashed palette({role}); border-radius: 8px; }}"
        )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _paths(event):
            self._set_hover(True)
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if _paths(event):
            event.acceptProposedAction()

    def dragLeaveEvent(self, event) -> None:
        self._set_hover(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_hover(False)
        paths = _paths(event)
        if paths:
            event.acceptProposedAction()
            self.pathsDropped.emit(paths)


def _paths(event) -> list[str]:
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    return [u.toLocalFile() for u in urls if u.isLocalFile() and os.path.exists(u.toLocalFile())]
