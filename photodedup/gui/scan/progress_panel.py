"""What the results area shows while a scan runs: how far, how fast, where."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from photodedup.core.progress import Progress
from photodedup.core.reasons import Phase
from photodedup.gui.platform.formatting import display_path


class ScanProgress(QWidget):
    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("Scanning…"), self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(True)
        self.counts = QLabel(self)
        self.current = QLabel(self)
        self.current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.current.setMinimumWidth(1)  # long paths must not widen the window
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self._cancel)

        box = QWidget(self)
        chars = self.fontMetrics().averageCharWidth()
        box.setMinimumWidth(chars * 30)
        box.setMaximumWidth(chars * 70)
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        inner = QVBoxLayout(box)
        inner.addWidget(self.title)
        inner.addSpacing(self.fontMetrics().height() // 2)
        inner.addWidget(self.bar)
        inner.addWidget(self.counts)
        inner.addWidget(self.current)
        inner.addSpacing(self.fontMetrics().height())
        inner.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 100)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self.reset()

    def reset(self) -> None:
        self.title.setText(self.tr("Scanning…"))
        self.bar.setRange(0, 0)
        self.counts.setText(self.tr("Looking for photos…"))
        self.current.setText("")
        self.cancel_button.setEnabled(True)

    def cancelling(self) -> None:
        self.title.setText(self.tr("Cancelling…"))
        self.cancel_button.setEnabled(False)

    def show_progress(self, p: Progress) -> None:
        if p.phase == Phase.DISCOVER:
            self.bar.setRange(0, 0)
            if p.done:
                text = self.tr("Looking for photos… {n} files found").format(n=p.done)
            else:
                text = self.tr("Looking for photos…")
            self.counts.setText(text)
        elif p.phase == Phase.GROUP:
            self.title.setText(self.tr("Comparing…"))
            self.bar.setRange(0, max(p.total, 1))
            self.bar.setValue(min(p.done, max(p.total, 1)))
            self.counts.setText(self.tr("Grouping look-alike photos"))
        else:
            self.bar.setRange(0, max(p.total, 1))
            self.bar.setValue(min(p.done, max(p.total, 1)))
            parts = [self.tr("{done} of {total} photos").format(done=p.done, total=p.total)]
            if p.rate:
                parts.append(self.tr("{rate} per second").format(rate=f"{p.rate:.0f}"))
            if p.eta is not None:
                parts.append(self.tr("about {time} left").format(time=self.duration(p.eta)))
            self.counts.setText(" · ".join(parts))
        if p.current:
            folder = display_path(
                os.path.dirname(p.current) if p.phase == Phase.HASH else p.current
            )
            text = self.tr("In {folder}").format(folder=folder)
            elided = self.current.fontMetrics().elidedText(
                text, Qt.TextElideMode.ElideMiddle, max(self.current.width(), 200)
            )
            self.current.setText(elided)
            self.current.setToolTip(p.current)

    def duration(self, seconds: float) -> str:
        seconds = max(0, round(seconds))
        if seconds < 60:
            return self.tr("{s} s").format(s=seconds)
        minutes, seconds = divmod(seconds, 60)
        if minutes < 60:
            return self.tr("{m} min {s} s").format(m=minutes, s=seconds)
        hours, minutes = divmod(minutes, 60)
        return self.tr("{h} h {m} min").format(h=hours, m=minutes)

    def _cancel(self) -> None:
        self.cancelling()
        self.cancelRequested.emit()
