"""One photo of the compare view: its canvas, its facts and its Remove box.

Every pane draws through the shared :class:`ViewState`, so they zoom and pan as
one. The pane reports marks, zoom and navigation to its view; it decides
nothing about other panes.
"""

from __future__ import annotations

import math
import os
from typing import Protocol

from PIL import Image
from PySide6.QtCore import QDateTime, QObject, QPointF, QRectF, QRunnable, Qt, Signal
from PySide6.QtGui import QFont, QImage, QKeyEvent, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from photodedup.core.decode import DecodeError, decode
from photodedup.core.keep import KeepReason
from photodedup.core.models import ImageRecord, Member
from photodedup.gui.platform.formatting import (
    display_path,
    format_bytes,
    format_datetime,
    format_resolution,
)
from photodedup.gui.platform.reasons import reason_text
from photodedup.gui.widgets.elided_label import ElidedLabel
from photodedup.gui.widgets.keep_words import reasons_text

MAX_SIDE = 4096  # longest side ever decoded for display: detail enough, memory bounded
ZOOM_STEP = 1.25

_BADGE = (
    "QLabel { background: palette(highlight); color: palette(highlighted-text);"
    " border-radius: 3px; padding: 0px 4px; }"
)


class PaneHost(Protocol):
    """What a pane asks of the view that holds it (the compare view), so the two
    modules do not import each other."""

    state: ViewState

    def schedule_refresh(self) -> None: ...
    def best_pixels(self, rec: ImageRecord) -> str: ...
    def best_size(self, rec: ImageRecord) -> str: ...
    def on_mark(self, path: str, marked: bool) -> None: ...
    def focus_pane(self, index: int) -> None: ...
    def ensure_visible(self, pane: Pane) -> None: ...
    def zoom_in(self) -> None: ...
    def zoom_out(self) -> None: ...
    def fit(self) -> None: ...
    def actual_size(self) -> None: ...
    def zoom_for_100(self) -> float: ...


class Loader(QObject):
    """Carries decoded photos from the pool's threads to the view."""

    loaded = Signal(int, QImage, str)  # pane, image (null on error), error


class Load(QRunnable):
    """Decode one photo upright at ``min_side`` (at most MAX_SIDE long) in a pool thread."""

    def __init__(self, loader: Loader, pane: int, path: str, min_side: int):
        super().__init__()
        self._args = (loader, pane, path, min_side)

    def run(self) -> None:
        loader, pane, path, min_side = self._args
        try:
            img = decode(path, min_side=min_side).image
            if max(img.size) > MAX_SIDE:
                img.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
            loader.loaded.emit(pane, _to_qimage(img), "")
        except DecodeError as exc:
            loader.loaded.emit(pane, QImage(), reason_text(exc.reason, exc.detail))
        except Exception as exc:  # a bug in the decoder: still a reason to show
            loader.loaded.emit(pane, QImage(), str(exc) or type(exc).__name__)


def _to_qimage(img: Image.Image) -> QImage:
    if img.mode != "L":
        img = img.convert("RGB")
    fmt = QImage.Format.Format_Grayscale8 if img.mode == "L" else QImage.Format.Format_RGB888
    data = img.tobytes()
    line = img.width * (1 if img.mode == "L" else 3)
    return QImage(data, img.width, img.height, line, fmt).copy()  # copy: own the pixels


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


class _Canvas(QWidget):
    """Paints one photo through the shared view; wheel zooms, drag pans."""

    def __init__(self, pane: Pane) -> None:
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
        c = _clamped(center or self._pane.state.center, dw, dh, self.width(), self.height())
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
        view = self._pane.view
        if math.isclose(self._pane.state.zoom, 1.0):
            self._pane.zoom_at(view.zoom_for_100(), event.position())
        else:
            view.fit()


def _clamped(c: QPointF, dw: float, dh: float, w: float, h: float) -> QPointF:
    """Keep the photo covering the pane where it is larger than it, centred where not."""

    def one(v: float, d: float, side: float) -> float:
        if d <= side:
            return 0.5
        half = side / (2 * d)
        return min(max(v, half), 1 - half)

    return QPointF(one(c.x(), dw, w), one(c.y(), dh, h))


class Pane(QFrame):
    """One photo: the canvas, its facts, and its Remove box. Focusable."""

    def __init__(self, view: PaneHost, index: int, member: Member, marked: bool):
        super().__init__()
        self.view, self.index, self.member, self.state = view, index, member, view.state
        self.pixmap: QPixmap | None = None
        self.message = self.tr("Loading…")
        self.loaded_side = 0  # shorter side of what is shown, or being loaded
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self.canvas = _Canvas(self)
        self.state.changed.connect(self.canvas.update)
        rec = member.image
        folder, name = os.path.split(display_path(rec.path))
        self.nameLabel = ElidedLabel(name)
        bold = QFont(self.nameLabel.font())
        bold.setBold(True)
        self.nameLabel.setFont(bold)
        self.nameLabel.setToolTip(rec.path)

        self.removeBox = QCheckBox(self.tr("Remove"))
        self.removeBox.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space belongs to the pane
        if member.in_reference_folder:
            self.removeBox.setText(self.tr("Kept (reference folder)"))
            self.removeBox.setEnabled(False)
        else:
            self.removeBox.setChecked(marked)
        self.removeBox.toggled.connect(self._on_toggled)

        facts = QFormLayout()
        facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        facts.addRow(self.tr("Folder:"), ElidedLabel(folder))
        resolution = self._fact(format_resolution(rec.width, rec.height), view.best_pixels(rec))
        resolution.setToolTip(self.tr("%1 megapixels").replace("%1", f"{rec.pixels / 1e6:.1f}"))
        facts.addRow(self.tr("Resolution:"), resolution)
        facts.addRow(self.tr("File size:"), self._fact(format_bytes(rec.size), view.best_size(rec)))
        facts.addRow(self.tr("Taken:"), self._fact(_taken(rec.taken) or "—"))
        facts.addRow(self.tr("Camera:"), self._fact(rec.camera or "—"))
        facts.addRow(self.tr("Format:"), self._fact(rec.format))
        first = display_path(os.path.basename(view.group.members[0].image.path))
        distance = (
            self.tr("the others are compared with this one")
            if index == 0
            else self.tr("%1 compared with %2")
            .replace("%1", str(member.distance))
            .replace("%2", first)
        )
        facts.addRow(self.tr("Difference:"), self._fact(distance))
        choice = view.choice
        if choice is not None:
            reasons = choice.reasons if choice.index == index else ()
            if member.in_reference_folder and choice.index != index:
                reasons = (KeepReason.REFERENCE_FOLDER,)
            why = reasons_text(reasons)
            if why:
                suggestion = self.tr("keep: %1").replace("%1", why)
            else:
                suggestion = self.tr("keep") if choice.index == index else self.tr("remove")
            facts.addRow(self.tr("Suggested:"), self._fact(suggestion))

        layout = QVBoxLayout(self)
        layout.addWidget(self.canvas, 1)
        top = self.topRow = QHBoxLayout()  # the view adds a badge here for a file gone
        top.addWidget(self.nameLabel, 1)
        top.addWidget(self.removeBox)
        layout.addLayout(top)
        layout.addLayout(facts)

    def _fact(self, text: str, badge: str = "") -> QWidget:
        label = ElidedLabel(text)
        if not badge:
            return label
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        mark = QLabel(badge)
        mark.setStyleSheet(_BADGE)
        row.addWidget(label)
        row.addWidget(mark)
        row.addStretch(1)
        return box

    # -- marks, zoom, focus ---------------------------------------------------

    def toggle_mark(self) -> None:
        if self.removeBox.isEnabled():
            self.removeBox.toggle()

    def _on_toggled(self, checked: bool) -> None:
        self.view.on_mark(self.member.image.path, checked)
        self.canvas.update()

    def zoom_at(self, factor: float, pos: QPointF | None = None) -> None:
        """Zoom every pane, keeping the photo point under ``pos`` (here) in place."""
        old = self.canvas.image_rect()
        if old.isEmpty():  # not laid out yet
            return
        pos = pos if pos is not None else QPointF(self.canvas.width() / 2, self.canvas.height() / 2)
        zoom = min(max(self.state.zoom * factor, self.state.min_zoom), self.state.max_zoom)
        point = QPointF((pos.x() - old.x()) / old.width(), (pos.y() - old.y()) / old.height())
        new = self.canvas.image_rect(zoom, QPointF(0.5, 0.5))
        center = QPointF(
            point.x() - (pos.x() - self.canvas.width() / 2) / new.width(),
            point.y() - (pos.y() - self.canvas.height() / 2) / new.height(),
        )
        self.state.set(zoom, _clamped(center, new.width(), new.height(), *self._canvas_size()))

    def pan_by(self, delta: QPointF) -> None:
        r = self.canvas.image_rect()
        if r.isEmpty():
            return
        center = QPointF(
            self.state.center.x() - delta.x() / r.width(),
            self.state.center.y() - delta.y() / r.height(),
        )
        self.state.set(
            self.state.zoom, _clamped(center, r.width(), r.height(), *self._canvas_size())
        )

    def _canvas_size(self) -> tuple[int, int]:
        return self.canvas.width(), self.canvas.height()

    def visible_region(self) -> QRectF:
        """The part of the photo in view, as fractions of its width and height."""
        r = self.canvas.image_rect()
        seen = r.intersected(QRectF(self.canvas.rect()))
        if r.isEmpty():
            return QRectF(0, 0, 1, 1)
        return QRectF(
            (seen.x() - r.x()) / r.width(),
            (seen.y() - r.y()) / r.height(),
            seen.width() / r.width(),
            seen.height() / r.height(),
        )

    def wanted_side(self) -> int:
        """The shorter side, in photo pixels, that the current zoom can show (capped)."""
        rec = self.member.image
        short, long_ = min(rec.width, rec.height), max(rec.width, rec.height)
        need = self.canvas.scale() * self.devicePixelRatioF() * short
        cap = short * min(1.0, MAX_SIDE / max(long_, 1))
        return max(64, math.ceil(min(need, cap)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        actions = {
            Qt.Key.Key_Left: lambda: self.view.focus_pane(self.index - 1),
            Qt.Key.Key_Right: lambda: self.view.focus_pane(self.index + 1),
            Qt.Key.Key_Space: self.toggle_mark,
            Qt.Key.Key_Plus: self.view.zoom_in,
            Qt.Key.Key_Equal: self.view.zoom_in,
            Qt.Key.Key_Minus: self.view.zoom_out,
            Qt.Key.Key_F: self.view.fit,
            Qt.Key.Key_0: self.view.fit,
            Qt.Key.Key_1: self.view.actual_size,
        }
        if key in actions:
            actions[key]()
            event.accept()
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.view.ensure_visible(self)
        self.update()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        if self.hasFocus():
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 3)
            painter.setPen(pen)
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))


def _taken(iso: str | None) -> str:
    if not iso:
        return ""
    when = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    return format_datetime(when) if when.isValid() else iso
