"""The "Check new photos" window: choose photos, check them, see what is new.

It never removes anything. It can copy the new photos into a folder, through
the engine's checked copy (never overwriting, verified by digest). Work runs
through the app's job runner; the window only presents.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from photodedup.core.check import CheckReport, CheckSettings, Library, QueryResult, check
from photodedup.core.copy_new import CopyReport, copy_new, dest_problem
from photodedup.core.index import IndexProblem
from photodedup.core.progress import Progress
from photodedup.gui.check.delegate import CheckDelegate
from photodedup.gui.check.filter_bar import FilterBar
from photodedup.gui.check.model import CheckModel, ResultRole, VerdictFilter
from photodedup.gui.check.sources import CheckSources
from photodedup.gui.check.words import copy_summary, dest_words, index_words, progress_words
from photodedup.gui.platform.settings import Settings
from photodedup.gui.widgets.elided_label import ElidedLabel
from photodedup.gui.widgets.screen_fit import resize_on_screen

CHECK, COPY = "check", "check-copy"


class CheckWindow(QDialog):
    """Shows one check at a time; ``compareRequested`` asks the app to open a pair."""

    compareRequested = Signal(object, object)  # QueryResult, Match
    copied = Signal(object)  # CopyReport, after a copy

    def __init__(
        self,
        runner,
        thumbnails,
        library_folders: Callable[[], Sequence[str]],
        settings: Callable[[], CheckSettings],
        parent: QWidget | None = None,
        *,
        remembered: Settings | None = None,
    ) -> None:
        """``remembered`` keeps the index file chosen last between runs."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Check New Photos"))
        self.setAcceptDrops(True)
        self.runner = runner
        self.thumbnails = thumbnails
        self.library_folders = library_folders
        self.settings = settings
        self.last_copy: CopyReport | None = None
        self.model = CheckModel(self)
        self.filter = VerdictFilter(self)
        self.filter.setSourceModel(self.model)
        if thumbnails is not None:
            thumbnails.thumbnailReady.connect(self.model.refresh_path)
        self.remembered = remembered
        self._build()
        self._update()
        resize_on_screen(self, self.fontMetrics().height() * 60, self.fontMetrics().height() * 40)

    # -- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        self.sources = CheckSources(self.library_folders, self.remembered, self)
        self.sources.changed.connect(self._update)
        self.checkButton = QPushButton(self.tr("Check"))
        self.checkButton.setDefault(True)
        self.checkButton.clicked.connect(self.toggle_check)
        self.progressBar = QProgressBar()
        self.progressBar.setTextVisible(False)
        self.statusLabel = ElidedLabel("")
        run = QHBoxLayout()
        run.addWidget(self.checkButton)
        run.addWidget(self.progressBar, 1)
        run.addWidget(self.statusLabel, 2)

        self.filterBar = FilterBar(self.filter)
        self.filterButtons = self.filterBar.buttons
        self.allButton = self.filterBar.all_button

        self.list = QListView()
        self.list.setModel(self.filter)
        self.list.setItemDelegate(CheckDelegate(self.thumbnails, self.list))
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.doubleClicked.connect(lambda _i: self.compare_current())
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update())

        self.emptyLabel = QLabel(
            self.tr(
                "Drop a memory card, a folder or photos here, or add them above, then"
                " press Check. Nothing is ever removed from this window."
            )
        )
        self.emptyLabel.setWordWrap(True)
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.summaryLabel = QLabel("")
        self.compareButton = QPushButton(self.tr("Compare with match"))
        self.compareButton.clicked.connect(self.compare_current)
        self.copyButton = QPushButton(self.tr("Copy the new ones to…"))
        self.copyButton.clicked.connect(self.choose_copy_dest)
        self.closeButton = QPushButton(self.tr("Close"))
        self.closeButton.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summaryLabel, 1)
        bottom.addWidget(self.compareButton)
        bottom.addWidget(self.copyButton)
        bottom.addWidget(self.closeButton)

        layout = QVBoxLayout(self)
        layout.addWidget(self.sources)
        layout.addLayout(run)
        layout.addWidget(self.filterBar)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.emptyLabel, 1)
        layout.addLayout(bottom)

    # -- choosing -----------------------------------------------------------------------
    @property
    def queries(self) -> list[str]:
        return self.sources.queries

    def set_queries(self, paths: Sequence[str]) -> None:
        self.sources.set_queries(paths)

    def add_queries(self, paths: Sequence[str]) -> None:
        self.sources.add_queries(paths)

    def set_index(self, path: str) -> None:
        self.sources.set_index(path)

    def library(self) -> Library | None:
        return self.sources.library()

    # -- checking -----------------------------------------------------------------------
    def is_busy(self) -> bool:
        return self.runner.is_running(CHECK) or self.runner.is_running(COPY)

    def toggle_check(self) -> None:
        if self.runner.is_running(CHECK):
            self.runner.cancel(CHECK)
            self.statusLabel.setText(self.tr("Stopping…"))
        else:
            self.start_check()

    def start_check(self) -> None:
        library = self.library()
        if library is None or not self.queries or self.is_busy():
            return
        queries, settings = list(self.queries), self.settings()

        def work(progress, cancel) -> CheckReport | IndexProblem:
            try:
                return check(queries, library, settings, progress=progress, cancel=cancel)
            except IndexProblem as problem:  # the user's file, not a bug: shown as words
                return problem

        job = self.runner.start(CHECK, work)
        job.progress.connect(self._on_progress)
        job.finished.connect(self._on_checked)
        job.cancelled.connect(self._on_cancelled)
        job.failed.connect(self._on_failed)
        job.ended.connect(self._update)
        self.progressBar.setRange(0, 0)
        self.statusLabel.setText(self.tr("Starting…"))
        self._update()

    def _on_progress(self, p: Progress) -> None:
        if p.total:
            self.progressBar.setRange(0, p.total)
            self.progressBar.setValue(p.done)
        else:
            self.progressBar.setRange(0, 0)
        self.statusLabel.setText(progress_words(p))

    def _on_checked(self, report: CheckReport | IndexProblem) -> None:
        if isinstance(report, IndexProblem):
            self.progressBar.setRange(0, 1)
            self.progressBar.setValue(0)
            self.statusLabel.setText("")
            self._tell(self.tr("Cannot Use This Index"), index_words(report), warn=True)
            return
        self.model.set_report(report)
        self.progressBar.setRange(0, 1)
        self.progressBar.setValue(1)
        done = self.tr("Checked in %1 s.").replace("%1", f"{report.stats.seconds:.1f}")
        self.statusLabel.setText(" ".join([done, *report.warnings]))

    def _on_cancelled(self) -> None:
        self.progressBar.setRange(0, 1)
        self.progressBar.setValue(0)
        self.statusLabel.setText(self.tr("Check stopped. Fingerprints read so far are kept."))

    def _on_failed(self, message: str) -> None:
        self.progressBar.setRange(0, 1)
        self.progressBar.setValue(0)
        self.statusLabel.setText(self.tr("The check failed: %1").replace("%1", message))

    # -- acting on results --------------------------------------------------------------
    def current_result(self) -> QueryResult | None:
        index = self.list.currentIndex()
        return index.data(ResultRole) if index.isValid() else None

    def compare_current(self) -> None:
        result = self.current_result()
        if result is not None and result.best is not None and os.path.exists(result.best.path):
            self.compareRequested.emit(result, result.best)

    def choose_copy_dest(self) -> None:
        dest = QFileDialog.getExistingDirectory(self, self.tr("Copy the New Photos To"))
        if dest:
            self.copy_new_to(dest)

    def copy_new_to(self, dest: str) -> None:
        paths = self.model.new_paths()
        problem = dest_problem(dest, self.queries)
        if problem is not None:
            self._tell(self.tr("Cannot Copy There"), dest_words(problem, dest), warn=True)
            return
        if not paths or self.is_busy():
            return
        queries = list(self.queries)

        def work(progress, cancel) -> CopyReport:
            return copy_new(paths, queries, dest, progress=progress, cancel=cancel)

        job = self.runner.start(COPY, work)
        job.progress.connect(self._on_progress)
        job.finished.connect(lambda report: self._on_copied(report, dest))
        job.cancelled.connect(self._on_cancelled)
        job.failed.connect(self._on_failed)
        job.ended.connect(self._update)
        self._update()

    def _on_copied(self, report: CopyReport, dest: str) -> None:
        self.progressBar.setRange(0, 1)
        self.progressBar.setValue(1)
        self.statusLabel.setText("")
        self.last_copy = report
        self._tell(self.tr("New Photos Copied"), copy_summary(report, dest))
        self.copied.emit(report)

    def _tell(self, title: str, text: str, *, warn: bool = False) -> None:
        # open(), not exec(): the window stays live (and testable) behind the message.
        box = QMessageBox(
            QMessageBox.Icon.Warning if warn else QMessageBox.Icon.Information,
            title,
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- state --------------------------------------------------------------------------
    def _update(self) -> None:
        checking = self.runner.is_running(CHECK)
        busy = self.is_busy()
        self.progressBar.setVisible(busy)  # a full bar left standing reads as "still working"
        self.sources.refresh(busy)
        self.checkButton.setText(self.tr("Cancel") if checking else self.tr("Check"))
        self.checkButton.setEnabled(
            checking or (not busy and bool(self.queries) and self.library() is not None)
        )
        counts = self.model.counts()
        self.filterBar.set_counts(counts)
        has_rows = self.model.rowCount() > 0
        self.list.setVisible(has_rows)
        self.emptyLabel.setVisible(not has_rows)
        result = self.current_result()
        self.compareButton.setEnabled(
            result is not None and result.best is not None and os.path.exists(result.best.path)
        )
        self.copyButton.setEnabled(not busy and counts["new"] > 0)
        report = self.model.report
        if report is None:
            self.summaryLabel.setText("")
        else:
            s = report.stats
            self.summaryLabel.setText(
                self.tr("%1 checked: %2 new, %3 similar, %4 already in the library")
                .replace("%1", str(s.queries))
                .replace("%2", str(s.new))
                .replace("%3", str(s.similar))
                .replace("%4", str(s.in_library))
            )

    # -- drops --------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and not self.is_busy():
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        paths = [p for p in paths if os.path.exists(p)]
        if paths:
            self.add_queries(paths)
            event.acceptProposedAction()

    def closeEvent(self, event) -> None:
        self.runner.cancel(CHECK)
        self.runner.cancel(COPY)
        super().closeEvent(event)
