"""Look at the photos of one group side by side, large, and pick the ones to remove.

All panes share one view (zoom and centre, in image-relative terms), so zooming
or dragging any pane shows the same part of every photo at the same size on
screen: a softer or smaller copy stands out at once. Images are decoded in the
job runner's thread pool at the size the screen needs, and again sharper when
zoomed in. The marks are the results' own (a ``marks.MarkSet``): a change here
is a change there.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QPointF, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QImage, QPalette, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from photodedup.core.keep import Choice
from photodedup.core.marks import Marks, MarkSet
from photodedup.core.models import ImageRecord
from photodedup.core.reasons import Reason
from photodedup.core.results import Group
from photodedup.gui.compare.canvas import ZOOM_STEP, ViewState
from photodedup.gui.compare.loading import Loads
from photodedup.gui.compare.pane import Pane
from photodedup.gui.widgets.flag_badge import flag_label

PER_VIEW = 4  # panes that share the width; more scroll sideways
MAX_ZOOM_OVER_100 = 8.0  # up to 800% of the largest photo's own pixels


class CompareView(QDialog):
    """The photos of one group side by side, zoomed and panned together."""

    markToggled = Signal(str, bool)  # path, marked for removal: after ``marks`` changed

    def __init__(
        self,
        group: Group,
        marks: MarkSet | Iterable[str],
        parent: QWidget | None = None,
        *,
        choice: Choice | None = None,
        read_only: bool = False,
        flags: Mapping[str, Reason] | None = None,
        pool: QThreadPool | None = None,
    ):
        """``marks`` are the results' marks, shared (paths alone get marks of their
        own); ``pool`` is the job runner's thread pool."""
        super().__init__(parent)
        self.group = group
        self.choice = choice  # the copy the keep rule keeps, and why
        self.flags = dict(flags or {})  # files gone or changed since the scan
        if read_only:  # only to look (the library check): nothing to mark, nothing removed
            marks = Marks()
        elif not isinstance(marks, MarkSet):
            marks = Marks([group], marks)
        self.marks: MarkSet = marks
        n = len(group.members)
        self.setWindowTitle(self.tr("Compare %1 Photos").replace("%1", str(n)))
        self.state = ViewState()
        self._loads = Loads(pool, self)
        self._loads.loaded.connect(self._on_loaded)
        self._refresh = QTimer(self, singleShot=True, interval=120)
        self._refresh.timeout.connect(self._on_refresh)
        self.state.changed.connect(self._on_view_changed)

        recs = [m.image for m in group.members]
        self._most_pixels = max(r.pixels for r in recs)
        self._largest = max(r.size for r in recs)
        self._pixels_differ = len({r.pixels for r in recs}) > 1
        self._sizes_differ = len({r.size for r in recs}) > 1
        self.panes = [
            Pane(self, i, m, m.image.path in self.marks) for i, m in enumerate(group.members)
        ]
        for pane in self.panes:  # gone or changed since the scan: neither removed nor kept
            flag = self.flags.get(pane.member.image.path)
            if flag is not None:
                self.marks.set(pane.member.image.path, False)
                pane.removeBox.blockSignals(True)
                pane.removeBox.setChecked(False)
                pane.removeBox.blockSignals(False)
                pane.removeBox.setEnabled(False)
                pane.removeBox.hide()
                pane.topRow.addWidget(flag_label(flag))
        self.read_only = read_only
        if read_only:
            for pane in self.panes:
                pane.removeBox.setEnabled(False)
                pane.removeBox.hide()
        self._build()

    # -- layout ---------------------------------------------------------------

    def _build(self) -> None:
        bar = QHBoxLayout()
        self.zoomOutButton = self._tool("−", self.tr("Zoom out (-)"), self.zoom_out)
        self.zoomInButton = self._tool("+", self.tr("Zoom in (+)"), self.zoom_in)
        self.fitButton = self._tool(
            self.tr("Fit"), self.tr("Show whole photos (F, or double-click a photo)"), self.fit
        )
        self.actualButton = self._tool(
            self.tr("100%"), self.tr("Show the largest photo pixel for pixel (1)"), self.actual_size
        )
        self.zoomLabel = QLabel()
        for w in (self.zoomOutButton, self.zoomInButton, self.fitButton, self.actualButton):
            bar.addWidget(w)
        bar.addWidget(self.zoomLabel)
        bar.addStretch(1)
        hint = QLabel(
            self.tr("←/→ choose a photo · wheel zooms · drag pans")
            if self.read_only
            else self.tr(
                "←/→ choose a photo · Space marks it for removal · wheel zooms · drag pans"
            )
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
            pane.setFixedWidth(max(width, self.fontMetrics().averageCharWidth() * 32))

    def schedule_refresh(self) -> None:
        """Once sizes settle: new zoom limits and label, sharper images where needed."""
        self._refresh.start()

    # -- facts ----------------------------------------------------------------

    def flag_of(self, path: str) -> Reason | None:
        return self.flags.get(path)

    def best_pixels(self, rec: ImageRecord) -> str:
        best = self._pixels_differ and rec.pixels == self._most_pixels
        return self.tr("highest") if best else ""

    def best_size(self, rec: ImageRecord) -> str:
        best = self._sizes_differ and rec.size == self._largest
        return self.tr("largest") if best else ""

    # -- marks ----------------------------------------------------------------

    def marked_paths(self) -> set[str]:
        """The files of this group that are marked."""
        return {p for p in self.group.paths if p in self.marks}

    def on_mark(self, path: str, marked: bool) -> None:
        if self.marks.set(path, marked):
            self._update_warning()
            self.markToggled.emit(path, marked)

    def _update_warning(self) -> None:
        self.warningLabel.setVisible(len(self.marked_paths()) == len(self.panes))

    # -- navigation and zoom ----------------------------------------------------

    def focus_pane(self, index: int) -> None:
        if 0 <= index < len(self.panes):
            self.panes[index].setFocus(Qt.FocusReason.TabFocusReason)

    def ensure_visible(self, pane: Pane) -> None:
        self.scroll.ensureWidgetVisible(pane, 0, 0)

    def _focused(self) -> Pane:
        return next((p for p in self.panes if p.hasFocus()), self.panes[0])

    def zoom_in(self) -> None:
        self._focused().zoom_at(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._focused().zoom_at(1 / ZOOM_STEP)

    def fit(self) -> None:
        self.state.set(1.0, QPointF(0.5, 0.5))

    def actual_size(self) -> None:
        self.state.set(self.zoom_for_100(), self.state.center)

    def zoom_for_100(self) -> float:
        """The shared zoom at which the largest photo shows pixel for pixel."""
        pane = max(self.panes, key=lambda p: p.member.image.pixels)
        return 1.0 / (pane.canvas.scale(1.0) * pane.devicePixelRatioF() or 1.0)

    def _update_zoom_limits(self) -> None:
        z100 = self.zoom_for_100()
        self.state.min_zoom = min(1.0, z100)
        self.state.max_zoom = max(1.0, z100 * MAX_ZOOM_OVER_100)

    def _on_view_changed(self) -> None:
        self._update_zoom_label()
        self._refresh.start()

    def _update_zoom_label(self) -> None:
        fit = math.isclose(self.state.zoom, 1.0)
        text = self.tr("Fit (%1%)") if fit else self.tr("%1%")
        pct = round(100 * self.state.zoom / self.zoom_for_100())
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
                pane.loaded_side = want
                path = pane.member.image.path
                self._loads.start(pane.index, path, want)

    def _on_loaded(self, index: int, image: QImage, error: str) -> None:
        pane = self.panes[index]
        if error:
            if pane.pixmap is None:
                pane.message = self.tr("Cannot show this photo: %1").replace("%1", error)
        elif pane.pixmap is None or image.width() > pane.pixmap.width():
            # Loads may finish out of order: a sharper image is never replaced by a softer one.
            pane.pixmap = QPixmap.fromImage(image)
        pane.canvas.update()

    def done(self, result: int) -> None:
        self._loads.stop()  # loads not started yet are dropped; the running finish
        super().done(result)
