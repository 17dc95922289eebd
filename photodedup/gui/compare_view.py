"""Look at the photos of one group side by side, large, and pick the ones to remove.

All panes share one view (zoom and centre, in image-relative terms), so zooming
or dragging any pane shows the same part of every photo at the same size on
screen: a softer or smaller copy stands out at once. Images are decoded in a
thread pool at the size the screen needs, and again sharper when zoomed in.
"""

from __future__ import annotations

import math
import os

from PIL import Image
from PySide6.QtCore import (
    QDateTime,
    QLocale,
    QObject,
    QPointF,
    QRectF,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QImage, QKeyEvent, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from photodedup.core.decode import decode
from photodedup.core.models import Group, Member
from photodedup.gui.review_dialog import format_bytes

MAX_SIDE = 4096  # longest side ever decoded for display: detail enough, memory bounded
PER_VIEW = 4  # panes that share the width; more scroll sideways
ZOOM_STEP = 1.25
MAX_ZOOM_OVER_100 = 8.0  # up to 800% of the largest photo's own pixels

_BADGE = (
    "QLabel { background: palette(highlight); color: palette(highlighted-text);"
    " border-radius: 3px; padding: 0px 4px; }"
)


class _Loader(QObject):
    loaded = Signal(int, int, QImage, str)  # pane, request number, image, error


class _Load(QRunnable):
    def __init__(self, loader: _Loader, pane: int, request: int, path: str, min_side: int):
        super().__init__()
        self._args = (loader, pane, request, path, min_side)

    def run(self) -> None:
        loader, pane, request, path, min_side = self._args
        try:
            img = decode(path, min_side=min_side).image
            if max(img.size) > MAX_SIDE:
                img.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
            loader.loaded.emit(pane, request, _to_qimage(img), "")
        except Exception as exc:  # DecodeError's message is the reason to show
            loader.loaded.emit(pane, request, QImage(), str(exc) or type(exc).__name__)


def _to_qimage(img: Image.Image) -> QImage:
    if img.mode != "L":
        img = img.convert("RGB")
    fmt = QImage.Format.Format_Grayscale8 if img.mode == "L" else QImage.Format.Format_RGB888
    data = img.tobytes()
    line = img.width * (1 if img.mode == "L" else 3)
    return QImage(data, img.width, img.height, line, fmt).copy()  # copy: own the pixels


class _ViewState(QObject):
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

    def __init__(self, pane: _Pane) -> None:
        super().__init__()
        self._pane = pane
        self._drag: QPointF | None = None
        self.setMinimumSize(160, 120)
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
            return
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
        if self._pane.removeBox.isChecked():
            self._draw_banner(painter, self.tr("Will be moved to the Trash"))

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
        self._pane.toggle_mark()


class _ElidedLabel(QLabel):
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
        painter.drawText(
            self.rect(), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text
        )


def _clamped(c: QPointF, dw: float, dh: float, w: float, h: float) -> QPointF:
    """Keep the photo covering the pane where it is larger than it, centred where not."""

    def one(v: float, d: float, side: float) -> float:
        if d <= side:
            return 0.5
        half = side / (2 * d)
        return min(max(v, half), 1 - half)

    return QPointF(one(c.x(), dw, w), one(c.y(), dh, h))


class _Pane(QFrame):
    """One photo: the canvas, its facts, and its Remove box. Focusable."""

    def __init__(self, view: CompareView, index: int, member: Member, marked: bool):
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
        folder, name = os.path.split(rec.path)
        self.nameLabel = _ElidedLabel(name)
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
        facts.addRow(self.tr("Folder:"), _ElidedLabel(folder))
        resolution = self._fact(f"{rec.width}×{rec.height}", view.best_pixels(rec))
        resolution.setToolTip(self.tr("%1 megapixels").replace("%1", f"{rec.pixels / 1e6:.1f}"))
        facts.addRow(self.tr("Resolution:"), resolution)
        facts.addRow(self.tr("File size:"), self._fact(format_bytes(rec.size), view.best_size(rec)))
        facts.addRow(self.tr("Taken:"), self._fact(_taken(rec.taken) or "—"))
        facts.addRow(self.tr("Camera:"), self._fact(rec.camera or "—"))
        facts.addRow(self.tr("Format:"), self._fact(rec.format))
        distance = (
            self.tr("Reference of the group")
            if index == 0
            else self.tr("%1 from the reference").replace("%1", str(member.distance))
        )
        facts.addRow(self.tr("Difference:"), self._fact(distance))

        layout = QVBoxLayout(self)
        layout.addWidget(self.canvas, 1)
        top = QHBoxLayout()
        top.addWidget(self.nameLabel, 1)
        top.addWidget(self.removeBox)
        layout.addLayout(top)
        layout.addLayout(facts)

    def _fact(self, text: str, badge: str = "") -> QWidget:
        label = _ElidedLabel(text)
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
    return QLocale().toString(when, QLocale.FormatType.ShortFormat) if when.isValid() else iso


class CompareView(QDialog):
    """The photos of one group side by side, zoomed and panned together."""

    markToggled = Signal(str, bool)  # path, marked for removal

    def __init__(self, group: Group, marked: set[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.group = group
        # A reference-folder file is never removed, whatever the caller passed.
        self._marked = {
            m.image.path
            for m in group.members
            if m.image.path in marked and not m.in_reference_folder
        }
        n = len(group.members)
        self.setWindowTitle(self.tr("Compare %1 Photos").replace("%1", str(n)))
        self.state = _ViewState()
        # The pool is created before the loader so that, torn down in that order,
        # it has finished every load before the loader goes.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._loader = _Loader(self)
        self._loader.loaded.connect(self._on_loaded)
        self._requests = 0
        self._pending: dict[int, int] = {}  # pane -> request number of its newest load
        self._refresh = QTimer(self, singleShot=True, interval=120)
        self._refresh.timeout.connect(self._on_refresh)
        self.state.changed.connect(self._on_view_changed)

        recs = [m.image for m in group.members]
        self._most_pixels = max(r.pixels for r in recs)
        self._largest = max(r.size for r in recs)
        self._pixels_differ = len({r.pixels for r in recs}) > 1
        self._sizes_differ = len({r.size for r in recs}) > 1
        self.panes = [
            _Pane(self, i, m, m.image.path in self._marked) for i, m in enumerate(group.members)
        ]
        self._build()

    # -- layout ---------------------------------------------------------------

    def _build(self) -> None:
        bar = QHBoxLayout()
        self.zoomOutButton = self._tool("−", self.tr("Zoom out (-)"), self.zoom_out)
        self.zoomInButton = self._tool("+", self.tr("Zoom in (+)"), self.zoom_in)
        self.fitButton = self._tool(self.tr("Fit"), self.tr("Show whole photos (F)"), self.fit)
        self.actualButton = self._tool(
            self.tr("100%"), self.tr("Show the largest photo pixel for pixel (1)"), self.actual_size
        )
        self.zoomLabel = QLabel()
        for w in (self.zoomOutButton, self.zoomInButton, self.fitButton, self.actualButton):
            bar.addWidget(w)
        bar.addWidget(self.zoomLabel)
        bar.addStretch(1)
        hint = QLabel(
            self.tr("←/→ choose a photo · Space marks it for removal · wheel zooms · drag pans")
        )
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        bar.addWidget(hint)

        strip = QWidget()
        self._strip = QHBoxLayout(strip)
        self._strip.setContentsMargins(0, 0, 0, 0)
        for pane in self.panes:
            self._strip.addWidget(pane)
        self.scroll = QScrollArea()
        self.scroll.setWidget(strip)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.warningLabel = QLabel(
            self.tr(
                "Every photo of this group is marked: unmark at least one, or the review "
                "will refuse to remove them."
            )
        )
        self.warningLabel.setWordWrap(True)
        close = QPushButton(self.tr("Close"))
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # arrows and Space stay with the photos
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.warningLabel, 1)
        bottom.addStretch(0)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(bottom)
        self._update_warning()
        self._update_zoom_label()
        # Photos want room: most of the screen, whatever the font.
        area = self.screen().availableGeometry()
        self.resize(area.width() * 9 // 10, area.height() * 17 // 20)

    def _tool(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._size_panes()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._size_panes()
        if not any(p.hasFocus() for p in self.panes):
            self.panes[0].setFocus(Qt.FocusReason.OtherFocusReason)
        self._refresh.start()

    def _size_panes(self) -> None:
        per_view = min(len(self.panes), PER_VIEW)
        gap = self._strip.spacing()
        width = (self.scroll.viewport().width() - gap * (per_view - 1)) // per_view
        for pane in self.panes:
            pane.setFixedWidth(max(width, 200))

    def schedule_refresh(self) -> None:
        """Once sizes settle: new zoom limits and label, sharper images where needed."""
        self._refresh.start()

    # -- facts ----------------------------------------------------------------

    def best_pixels(self, rec) -> str:
        best = self._pixels_differ and rec.pixels == self._most_pixels
        return self.tr("highest") if best else ""

    def best_size(self, rec) -> str:
        best = self._sizes_differ and rec.size == self._largest
        return self.tr("largest") if best else ""

    # -- marks ----------------------------------------------------------------

    def marked_paths(self) -> set[str]:
        return set(self._marked)

    def set_marked(self, path: str, marked: bool) -> None:
        """Follow a mark changed elsewhere (no markToggled is emitted for it)."""
        for pane in self.panes:
            if pane.member.image.path == path and pane.removeBox.isEnabled():
                pane.removeBox.blockSignals(True)
                pane.removeBox.setChecked(marked)
                pane.removeBox.blockSignals(False)
                if marked:
                    self._marked.add(path)
                else:
                    self._marked.discard(path)
                pane.canvas.update()
        self._update_warning()

    def on_mark(self, path: str, marked: bool) -> None:
        if marked:
            self._marked.add(path)
        else:
            self._marked.discard(path)
        self._update_warning()
        self.markToggled.emit(path, marked)

    def _update_warning(self) -> None:
        self.warningLabel.setVisible(len(self._marked) == len(self.panes))

    # -- navigation and zoom ----------------------------------------------------

    def focus_pane(self, index: int) -> None:
        if 0 <= index < len(self.panes):
            self.panes[index].setFocus(Qt.FocusReason.TabFocusReason)

    def ensure_visible(self, pane: _Pane) -> None:
        self.scroll.ensureWidgetVisible(pane, 0, 0)

    def _focused(self) -> _Pane:
        return next((p for p in self.panes if p.hasFocus()), self.panes[0])

    def zoom_in(self) -> None:
        self._focused().zoom_at(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._focused().zoom_at(1 / ZOOM_STEP)

    def fit(self) -> None:
        self.state.set(1.0, QPointF(0.5, 0.5))

    def actual_size(self) -> None:
        self.state.set(self._zoom_for_100(), self.state.center)

    def _zoom_for_100(self) -> float:
        pane = max(self.panes, key=lambda p: p.member.image.pixels)
        return 1.0 / (pane.canvas.scale(1.0) * pane.devicePixelRatioF() or 1.0)

    def _update_zoom_limits(self) -> None:
        z100 = self._zoom_for_100()
        self.state.min_zoom = min(1.0, z100)
        self.state.max_zoom = max(1.0, z100 * MAX_ZOOM_OVER_100)

    def _on_view_changed(self) -> None:
        self._update_zoom_label()
        self._refresh.start()

    def _update_zoom_label(self) -> None:
        fit = math.isclose(self.state.zoom, 1.0)
        text = self.tr("Fit (%1%)") if fit else self.tr("%1%")
        pct = round(100 * self.state.zoom / self._zoom_for_100())
        self.zoomLabel.setText(text.replace("%1", str(pct)))

    # -- loading ------------------------------------------------------------------

    def _on_refresh(self) -> None:
        self._update_zoom_limits()
        self._update_zoom_label()
        self._load_what_is_needed()

    def _load_what_is_needed(self) -> None:
        for pane in self.panes:
            want = pane.wanted_side()
            # Slack so that a few pixels of resize do not decode the photo again.
            if want > pane.loaded_side * 1.15:
                self._requests += 1
                self._pending[pane.index] = self._requests
                pane.loaded_side = want
                path = pane.member.image.path
                self._pool.start(_Load(self._loader, pane.index, self._requests, path, want))

    def _on_loaded(self, index: int, request: int, image: QImage, error: str) -> None:
        pane = self.panes[index]
        if error:
            if pane.pixmap is None:
                pane.message = self.tr("Cannot show this photo: %1").replace("%1", error)
        elif request == self._pending.get(index):
            pane.pixmap = QPixmap.fromImage(image)
        pane.canvas.update()

    def done(self, result: int) -> None:
        self._pool.clear()  # loads not started yet are dropped; the running finish
        self._pool.waitForDone()
        super().done(result)
