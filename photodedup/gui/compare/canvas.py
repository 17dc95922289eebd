"""The shared zoom and centre of the compare view, and the canvas each photo is drawn on.

Every canvas draws through the one :class:`ViewState`, so the panes zoom and
pan as one.
"""

from __future__ import annotations

import math
from typing import Any, Protocol

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QCheckBox, QSizePolicy, QWidget

from photodedup.core.results import Member

ZOOM_STEP = 1.25


class CanvasHost(Protocol):
    """What a canvas asks of its pane (so that the two modules do not import each other)."""

    member: Member
    state: ViewState
    pixmap: QPixmap | None
    message: str
    removeBox: QCheckBox
    view: Any  # the compare view: schedule_refresh, zoom_for_100, fit

    def zoom_at(self, factor: float, pos: QPointF | None = None) -> None: ...
    def pan_by(self, delta: QPointF) -> None: ...
    def setFocus(self, reason: Qt.FocusReason) -> None: ...


class ViewState(QObject):
    """The one transform all panes share: zoom (1 = fit) and centre (0..1 of the image)."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.zoom = 1.0
        self.center = QPointF(0.5, 0.5)
        self.min_zoom = 1.0
        self.max_zoom = 8.0

    def set(self, zoom: float, center: QPointF) -> None:
        zoom = min(max(zoom, self.min_zoom), self.max_zoom)
        if zoom != self.zoom or center != self.center:
            self.zoom, self.center = zoom, center
            self.changed.emit()


class Canvas(QWidget):
    """Paints one photo through the shared view; wheel zooms, drag pans."""

    def __init__(self, pane: CanvasHost) -> None:
        super().__init__()
        self._pane = pane
        self._drag: QPointF | None = None
        line = self.fontMetrics().height()
        self.setMinimumSize(line * 10, line * 8)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setBackgroundRole(QPalette.ColorRole.Dark)
        self.setAutoFillBackground(True)

    def scale(self, zoom: float | None = None) -> float:
        """Screen pixels per pixel of the full-size photo."""
        rec = self._pane.member.image
        fit = min(self.width() / max(rec.width, 1), self.height() / max(rec.height, 1))
        return fit * (self._pane.state.zoom if zoom is None else zoom)

    def image_rect(self, zoom: float | None = None, center: QPointF | None = None) -> QRectF:
        rec = self._pane.member.image
        s = self.scale(zoom)
        dw, dh = rec.width * s, rec.height * s
        c = clamped(center or self._pane.state.center, dw, dh, self.width(), self.height())
        return QRectF(self.width() / 2 - c.x() * dw, self.height() / 2 - c.y() * dh, dw, dh)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        pixmap = self._pane.pixmap
        if pixmap is None or pixmap.isNull():
            painter.setPen(self.palette().color(QPalette.ColorRole.BrightText))
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(self.rect().adjusted(8, 8, -8, -8), flags, self._pane.message)
        else:
            self._draw_photo(painter, pixmap)
        if self._pane.removeBox.isChecked():
            self._draw_banner(painter, self.tr("Will be moved to the Trash"))

    def _draw_photo(self, painter: QPainter, pixmap: QPixmap) -> None:
        target = self.image_rect()
        visible = target.intersected(QRectF(self.rect()))
        if visible.isEmpty():
            return
        kx, ky = pixmap.width() / target.width(), pixmap.height() / target.height()
        source = QRectF(
            (visible.x() - target.x()) * kx,
            (visible.y() - target.y()) * ky,
            visible.width() * kx,
            visible.height() * ky,
        )
        # Past about 3 screen pixels per photo pixel, show the pixels as they are.
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, kx > 1 / 3)
        painter.drawPixmap(visible, pixmap, source)

    def _draw_banner(self, painter: QPainter, text: str) -> None:
        fm = self.fontMetrics()
        band = QRectF(0, 0, self.width(), fm.height() * 1.6)
        painter.fillRect(band, self.palette().color(QPalette.ColorRole.Highlight))
        painter.setPen(self.palette().color(QPalette.ColorRole.HighlightedText))
        painter.drawText(band, Qt.AlignmentFlag.AlignCenter, text)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._pane.view.schedule_refresh()

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self._pane.zoom_at(ZOOM_STEP**steps, event.position())
        event.accept()

    def mousePressEvent(self, event) -> None:
        self._pane.setFocus(Qt.FocusReason.MouseFocusReason)
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event) -> None:
        if self._drag is not None:
            delta = event.position() - self._drag
            self._drag = event.position()
            self._pane.pan_by(delta)

    def mouseReleaseEvent(self, event) -> None:
        self._drag = None
        self.unsetCursor()

    def mouseDoubleClickEvent(self, event) -> None:
        # As in photo viewers: whole photo <-> pixel for pixel at the clicked spot.
        view: Any = self._pane.view
        if math.isclose(self._pane.state.zoom, 1.0):
            self._pane.zoom_at(view.zoom_for_100(), event.position())
        else:
            view.fit()


def clamped(c: QPointF, dw: float, dh: float, w: float, h: float) -> QPointF:
    """Keep the photo covering the pane where it is larger than it, centred where not."""

    def one(v: float, d: float, side: float) -> float:
        if d <= side:
            return 0.5
        half = side / (2 * d)
        return min(max(v, half), 1 - half)

    return QPointF(one(c.x(), dw, w), one(c.y(), dh, h))
