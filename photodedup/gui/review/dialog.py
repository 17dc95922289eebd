"""The last look before files go to the trash, the progress, and the report.

Everything happens in one window that turns its pages: review → progress →
summary, so the user never has to click through a pile of message boxes. The
dialog never touches a user file itself: the plan, its checks and the moving
all belong to :mod:`photodedup.core.trash`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from photodedup.core.marks import MarkSet
from photodedup.core.reasons import Reason, Status
from photodedup.core.restore import RestoreOutcome
from photodedup.core.results import Group
from photodedup.core.trash import Outcome, Planned
from photodedup.gui.review.list_model import StartPlan
from photodedup.gui.review.progress_page import ProgressPage
from photodedup.gui.review.report import (
    GONE,
    ReportPage,
)
from photodedup.gui.review.restore_worker import restored_paths
from photodedup.gui.review.review_page import ReviewPage
from photodedup.gui.review.trash_log import open_log_file
from photodedup.gui.review.trash_worker import RunningJob, StartRemoval, StartRestore, Step
from photodedup.gui.widgets.screen_fit import resize_on_screen

__all__ = ["ReviewDialog"]

_REVIEW, _PROGRESS, _RESULT = range(3)


class ReviewDialog(QDialog):
    """Shows exactly what will go to the trash, does it on confirm, and reports."""

    # Paths trashed or moved, a few times a second while files go: updating the
    # results for every single file of a large removal would keep the window busy.
    filesRemoved = Signal(list)
    markToggled = Signal(str, bool)  # path, marked: the user kept another copy from here
    filesRestored = Signal(list)  # paths put back by "Restore These Files"

    def __init__(
        self,
        groups: list[Group],
        marks: MarkSet | Iterable[str],
        start_removal: StartRemoval,
        parent: QWidget | None = None,
        start_restore: StartRestore | None = None,
        flags: Mapping[str, Reason] | None = None,
        start_plan: StartPlan | None = None,
        checking: bool = False,
    ):
        """``flags``: files found gone or changed since the scan (``core.freshness``),
        which neither go nor count as kept. ``checking``: the files are being checked
        meanwhile, and nothing can go until ``files_checked`` brings what was found."""
        super().__init__(parent)
        self._start_removal = start_removal
        self._start_restore = start_restore
        self.setWindowTitle(self.tr("Move to Trash"))
        # Paths alone become marks of the dialog's own.
        shared: MarkSet = marks if isinstance(marks, MarkSet) else _Paths(marks)
        self.review = ReviewPage(
            list(groups), shared, flags, start_plan=start_plan, checking=checking
        )
        self.review.set_busy_check(self.is_busy)
        self.review.markToggled.connect(self.markToggled)
        self.review.trashRequested.connect(self._start_trash)
        self.review.moveRequested.connect(self._choose_move_folder)
        self.review.cancelRequested.connect(self.reject)
        self._removed: set[str] = set()
        self._outcomes: list[Outcome] = []
        self._job: RunningJob | None = None
        self._live: list[Outcome] = []
        self._closing = False
        self._gone: list[str] = []  # removed, not yet reported by filesRemoved
        self._gone_timer = QTimer(self, singleShot=True, interval=250)
        self._gone_timer.timeout.connect(self._report_gone)

        self._pages = QStackedWidget()
        self._pages.addWidget(self.review)
        self.progressPage = ProgressPage()
        self.progressPage.stopRequested.connect(self._stop)
        self._pages.addWidget(self.progressPage)
        self.report = ReportPage()
        self.report.moveRequested.connect(self.move_no_trash_to)
        self.report.openLogRequested.connect(lambda: open_log_file(self))
        self.report.restoreRequested.connect(self.restore_removed)
        self.report.restoreButton.setVisible(start_restore is not None)
        self.report.closeRequested.connect(self.accept)
        self._pages.addWidget(self.report)
        layout = QVBoxLayout(self)
        layout.addWidget(self._pages)
        fm = self.fontMetrics()
        resize_on_screen(self, fm.averageCharWidth() * 120, fm.lineSpacing() * 32)
        self.review.start_planning()

    # -- public ---------------------------------------------------------------

    def removed_paths(self) -> set[str]:
        """Paths that are gone from their folder (to the trash or a chosen folder)."""
        return set(self._removed)

    def files_checked(self, flags: Mapping[str, Reason]) -> None:
        """The check of the files is done: ``flags`` are all the files found gone or
        changed since the scan (the plan is made again if they are new)."""
        self.review.files_checked(flags)

    def is_busy(self) -> bool:
        return self._job is not None

    def _sizes(self) -> dict[str, int]:
        return {p: i.size for p, i in self.review.planned.items()}

    # -- progress page --------------------------------------------------------

    def _run(self, items: list[Planned], folder: str | None) -> None:
        self.progressPage.start(len(items), folder)
        self._pages.setCurrentIndex(_PROGRESS)
        self._live = []  # outcomes so far, should the job fail
        self._job = self._start_removal(items, folder)
        self._job.progress.connect(self._on_step)
        self._job.finished.connect(self._on_finished)
        self._job.failed.connect(lambda message: self._on_failed(items, message))

    def _choose_move_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Move the Files to This Folder"))
        if folder:
            self.move_all_to(folder)

    def move_all_to(self, folder: str) -> None:
        """Move every planned file into ``folder`` (keeping paths) instead of the Trash."""
        if self._can_start():
            self._run(list(self.review.plan.items), folder)

    def restore_removed(self) -> None:
        """Put back every file this dialog moved, from the Trash or the folder."""
        batches = list(dict.fromkeys(o.batch for o in self._outcomes if o.batch))
        if self._job is not None or self._start_restore is None or not batches:
            return
        self.progressPage.start_restore()
        self._pages.setCurrentIndex(_PROGRESS)
        self._job = self._start_restore(batches)
        self._job.finished.connect(self._on_restored)
        self._job.failed.connect(self._on_restore_failed)

    def _on_restored(self, outcomes: list[RestoreOutcome]) -> None:
        self._job = None
        self._removed.difference_update(o.path for o in outcomes if o.ok)
        self.report.show_restored(outcomes, self._sizes())
        self._pages.setCurrentIndex(_RESULT)
        if self.report.is_compact():
            # The restore note and its button are gone: shrink, or a blank band stays.
            self._fit_to_report()
        back = restored_paths(outcomes)
        if back:
            self.filesRestored.emit(back)
        if self._closing:
            super().reject()

    def _on_restore_failed(self, message: str) -> None:
        self._on_restored([])
        self.report.show_restore_error(message)

    def _start_trash(self) -> None:
        if self._can_start():
            self._run(list(self.review.plan.items), None)

    def _can_start(self) -> bool:
        # Only the plan listed last, made with what the check of the files found.
        return self.review.is_ready() and self.review.plan.ok and self._job is None

    def _stop(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.progressPage.stopping()

    def _on_step(self, step: Step) -> None:
        self.progressPage.show_step(step)
        if step.outcome is None:
            return
        self._live.append(step.outcome)
        if step.outcome.status in GONE:
            self._removed.add(step.outcome.path)
            self._gone.append(step.outcome.path)
            if not self._gone_timer.isActive():
                self._gone_timer.start()

    def _report_gone(self) -> None:
        self._gone_timer.stop()
        gone, self._gone = self._gone, []
        if gone:
            self.filesRemoved.emit(gone)

    def _on_failed(self, items: list[Planned], message: str) -> None:
        # Only an engine bug gets here: what was reported stands, the rest failed.
        reported = {o.path: o for o in self._live}
        self._on_finished(
            [
                reported.get(i.path) or Outcome(i.path, Status.FAILED, Reason.ERROR, message)
                for i in items
            ]
        )

    def _on_finished(self, outcomes: list[Outcome]) -> None:
        self._job = None
        self._report_gone()
        replaced = {o.path for o in outcomes}
        self._outcomes = [o for o in self._outcomes if o.path not in replaced] + outcomes
        self.report.show_outcomes(self._outcomes, self._sizes())
        self._pages.setCurrentIndex(_RESULT)
        if self.report.is_compact():
            self._fit_to_report()
        self.report.closeButton.setFocus()
        if self._closing:
            super().reject()

    def _fit_to_report(self) -> None:
        # Nothing was left behind: a few lines of report in a box sized for the
        # review's list would be mostly empty, so the box fits the report. The
        # stack is as tall as its tallest page unless the others stop counting.
        for page in (self.review, self.progressPage):
            page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        width = max(self.report.sizeHint().width(), self.width() * 2 // 3)
        height = self.report.sizeHint().height()
        if self.report.hasHeightForWidth():
            height = max(height, self.report.heightForWidth(width))
        margins = self.layout().contentsMargins()
        self.resize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def move_no_trash_to(self, folder: str) -> None:
        """Move the files the trash could not take to ``folder`` (never overwriting)."""
        items = [
            self.review.planned[o.path]
            for o in self._outcomes
            if o.status == Status.NO_TRASH and o.path in self.review.planned
        ]
        if items and self._job is None:
            self._run(items, folder)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._pages.currentIndex() == _REVIEW:
            # Not the list: no row looks picked before the user acts.
            self.review.cancelButton.setFocus()

    def reject(self) -> None:
        # Closing mid-way stops after the current file and then closes, so the
        # user is never left wondering which files went.
        if self._job is not None:
            self._closing = True
            self._stop()
            return
        super().reject()

    def closeEvent(self, event) -> None:
        if self._job is not None:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)


class _Paths(set):
    """Marks the dialog keeps itself, for a caller with paths only. No rules: the
    plan is what refuses a reference-folder file or a path in no group."""

    def set(self, path: str, marked: bool) -> bool:
        if marked:
            self.add(path)
        else:
            self.discard(path)
        return True
