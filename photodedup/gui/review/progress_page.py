"""The middle page of the review dialog: how far the move to the trash has got."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from photodedup.gui.platform.formatting import pick
from photodedup.gui.review.report import button_row
from photodedup.gui.review.trash_worker import Step
from photodedup.gui.widgets.elided_label import ElidedLabel


class ProgressPage(QWidget):
    stopRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)
        self.title = QLabel()
        layout.addWidget(self.title)
        self.bar = QProgressBar()
        layout.addWidget(self.bar)
        self.current = ElidedLabel("")
        layout.addWidget(self.current)
        layout.addStretch(2)
        self.stopButton = QPushButton(self.tr("Stop"))
        self.stopButton.setToolTip(self.tr("Stop after the file being moved now"))
        self.stopButton.clicked.connect(self.stopRequested)
        layout.addLayout(button_row([], [self.stopButton]))

    def start(self, n: int, folder: str | None) -> None:
        """Show a run of ``n`` files to the trash, or into ``folder``."""
        if folder is None:
            title = pick(
                n,
                self.tr("Moving %n file to the Trash…", "", n),
                self.tr("Moving %n files to the Trash…", "", n),
            )
        else:
            title = pick(
                n,
                self.tr("Moving %n file to %1…", "", n),
                self.tr("Moving %n files to %1…", "", n),
            ).replace("%1", folder)
        self.title.setText(title)
        self.bar.setRange(0, n)
        self.bar.setValue(0)
        self.bar.setFormat(self.tr("%v of %m"))
        self.current.clear()
        self.stopButton.setEnabled(True)
        self.stopButton.setText(self.tr("Stop"))

    def start_restore(self) -> None:
        """Show a restore running: no count to follow, and nothing to stop half-way."""
        self.title.setText(self.tr("Restoring the files…"))
        self.bar.setRange(0, 0)
        self.current.clear()
        self.stopButton.setEnabled(False)

    def show_step(self, step: Step) -> None:
        self.bar.setValue(step.done)
        if step.outcome is None:
            self.current.setText(step.path)
            self.current.setToolTip(step.path)

    def stopping(self) -> None:
        self.stopButton.setEnabled(False)
        self.stopButton.setText(self.tr("Stopping…"))
