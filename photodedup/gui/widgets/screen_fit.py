"""Window sizes that fit the screen the window is on, down to a 1024x600 netbook."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def fit_on_screen(widget: QWidget, wanted: QSize) -> QSize:
    """``wanted``, made no larger than the screen's free area less the window's frame
    and title bar (which are not known before the window is shown: two text lines
    are allowed for them)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return wanted
    free = screen.availableGeometry()
    frame = widget.fontMetrics().height() * 2
    return QSize(
        max(1, min(wanted.width(), free.width() - frame // 2)),
        max(1, min(wanted.height(), free.height() - frame)),
    )


def resize_on_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to ``width`` x ``height``, or as much of it as the screen holds."""
    widget.resize(fit_on_screen(widget, QSize(width, height)))
