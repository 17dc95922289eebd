"""One photo of the compare view: its canvas, its facts and its Remove box.

Every pane draws through the shared :class:`ViewState`, so they zoom and pan as
one. The pane reports marks, zoom and navigation to its view; it decides
nothing about other panes.
"""

from __future__ import annotations

import math
import os
from typing import Protocol

from PySide6.QtCore import QDateTime, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QKeyEvent, QPainter, QPalette, QPen, QPixmap
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

from photodedup.core.keep import KeepReason
from photodedup.core.models import ImageRecord
from photodedup.core.reasons import Reason
from photodedup.core.results import Member
from photodedup.gui.compare.canvas import Canvas, ViewState, clamped
from photodedup.gui.compare.loading import MAX_SIDE
from photodedup.gui.platform.formatting import (
    display_path,
    format_bytes,
    format_datetime,
    format_resolution,
)
from photodedup.gui.widgets.elided_label import ElidedLabel
from photodedup.gui.widgets.keep_words import reasons_text

_BADGE = (
    "QLabel { background: palette(highlight); color: palette(highlighted-text);"
    " border-radius: 3px; padding: 0px 4px; }"
)


class PaneHost(Protocol):
    """What a pane asks of the view that holds it (the compare view), so the two
    modules do not import each other."""

    state: ViewState

    def schedule_refresh(self) -> None: ...
    def flag_of(self, path: str) -> Reason | None: ...
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

        self.canvas = Canvas(self)
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
        if view.flag_of(rec.path) is not None:  # gone or changed: the rule passed it over
            facts.addRow(self.tr("Suggested:"), self._fact(self.tr("neither: not as scanned")))
        elif choice is not None:
            reasons = choice.deciding_first() if choice.index == index else ()
            if member.in_reference_folder and choice.index != index:
                reasons = (KeepReason.REFERENCE_FOLDER,)
            why = reasons_text(reasons)
            if why:
                suggestion = self.tr("keep: %1").replace("%1", why)
            else:
                suggestion = self.tr("keep") if choice.index == index else self.tr("remove")
            # Wrapped, not elided: the reason is what the row is for.
            wrapped = QLabel(suggestion)
            wrapped.setWordWrap(True)
            facts.addRow(self.tr("Suggested:"), wrapped)

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
        self.state.set(zoom, clamped(center, new.width(), new.height(), *self._canvas_size()))

    def pan_by(self, delta: QPointF) -> None:
        r = self.canvas.image_rect()
        if r.isEmpty():
            return
        center = QPointF(
            self.state.center.x() - delta.x() / r.width(),
            self.state.center.y() - delta.y() / r.height(),
        )
        self.state.set(
            self.state.zoom, clamped(center, r.width(), r.height(), *self._canvas_size())
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
