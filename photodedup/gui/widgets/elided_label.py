"""A one-line label for paths and names that may not fit."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyle


class ElidedLabel(QLabel):
    """A one-line label that shortens its text in the middle rather than cutting it."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setToolTip(text)
        self.setMinimumWidth(1)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        text = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideMiddle, self.width()
        )
        painter.setPen(self.palette().color(self.foregroundRole()))
        align = QStyle.visualAlignment(
            self.layoutDirection(), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        painter.drawText(self.rect(), align, text)


def elide_name(fm: QFontMetrics, name: str, width: int) -> str:
    """``name`` fitted into ``width``, cutting before its last part so the suffix shows.

    Copies differ at the end ("beach-web.jpg", "beach-q60.jpg"): the extension
    and the last word of the stem stay whole, and the start is cut at its end.
    """
    if fm.horizontalAdvance(name) <= width:
        return name
    stem, ext = os.path.splitext(name)
    cut = max(stem.rfind(c) for c in "-_ .") if len(stem) > 1 else -1
    tail = (stem[cut:] if cut > 0 else "") + ext
    room = width - fm.horizontalAdvance(tail)
    head = stem[:cut] if cut > 0 else stem
    if not tail or room < fm.horizontalAdvance("…" + head[:2]):
        return fm.elidedText(name, Qt.TextElideMode.ElideLeft, width)
    return fm.elidedText(head, Qt.TextElideMode.ElideRight, room) + tail
