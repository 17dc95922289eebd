"""The last look before files go to the trash, the progress, and the report.

Everything happens in one window that turns its pages: review → progress →
summary, so the user never has to click through a pile of message boxes. The
dialog never touches a user file itself: the plan, its checks and the moving
all belong to :mod:`photodedup.core.trash`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from photodedup.core.metadata_gaps import MetadataGap, swap_marks
from photodedup.core.models import Group
from photodedup.core.reasons import Reason, Status
from photodedup.core.restore import RestoreOutcome
from photodedup.core.select import MarkSet
from photodedup.core.trash import Outcome, Planned, RemovalPlan
from photodedup.gui.platform.formatting import pick
from photodedup.gui.review.line_table import line_table
from photodedup.gui.review.list_model import (
    Prepared,
    ReviewListModel,
    prepare,
    prepare_in_thread,
)
from photodedup.gui.review.progress_page import ProgressPage
from photodedup.gui.review.report import (
    GONE,
    ReportPage,
    button_row,
    icon_note,
)
from photodedup.gui.review.restore_worker import restored_paths
from photodedup.gui.review.trash_log import open_log_file
from photodedup.gui.review.trash_worker import RunningJob, StartRemoval, StartRestore, Step
from photodedup.gui.review.words import ReviewWords
from photodedup.gui.widgets.screen_fit import resize_on_screen

__all__ = ["ReviewDialog"]

_REVIEW, _PROGRESS, _RESULT = range(3)
# Marked files planned on the GUI thread: a few tens of milliseconds. More are
# planned in a thread while the dialog says so.
_PLAN_HERE = 3000
_SPANS_AT_ONCE = 2000


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
    ):
        """``flags``: files found gone or changed since the scan (``core.freshness``),
        which neither go nor count as kept."""
        super().__init__(parent)
        self._start_removal = start_removal
        self._start_restore = start_restore
        self.setWindowTitle(self.tr("Move to Trash"))
        self._groups = list(groups)
        # The results' marks, shared: what the plan is made from, and what "Keep
        # this one instead" changes. Paths alone become marks of the dialog's own.
        self._marks: MarkSet = marks if isinstance(marks, MarkSet) else _Paths(marks)
        self._flags = frozenset(flags or ())
        self._plan = RemovalPlan()  # until planned (see _plan_ready)
        self._planned: dict[str, Planned] = {}
        self._gaps: list[MetadataGap] = []
        self._losing: dict[int, MetadataGap] = {}
        self._removed: set[str] = set()
        self._outcomes: list[Outcome] = []
        self._job: RunningJob | None = None
        self._live: list[Outcome] = []
        self._closing = False
        self._gone: list[str] = []  # removed, not yet reported by filesRemoved
        self._gone_timer = QTimer(self, singleShot=True, interval=250)
        self._gone_timer.timeout.connect(self._report_gone)

        self._words = ReviewWords(self)
        self._pages = QStackedWidget()
        self._pages.addWidget(self._build_review_page())
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
        self._start_planning()

    # -- public ---------------------------------------------------------------

    def removed_paths(self) -> set[str]:
        """Paths that are gone from their folder (to the trash or a chosen folder)."""
        return set(self._removed)

    def is_busy(self) -> bool:
        return self._job is not None

    # -- review page ----------------------------------------------------------

    def _build_review_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)

        self.summaryLabel = QLabel()
        bold = QFont(self.summaryLabel.font())
        bold.setBold(True)
        self.summaryLabel.setFont(bold)
        self.summaryLabel.setWordWrap(True)
        layout.addWidget(self.summaryLabel)
        hint = QLabel(
            self.tr(
                "You can undo this afterwards: each file can be put back where it was. Each "
                "file is checked again just before it is moved: one that changed since the "
                "scan is left where it is."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)

        self.problemBox, self.problemLabel = icon_note(
            self, QStyle.StandardPixmap.SP_MessageBoxWarning
        )
        self.problemBox.hide()
        layout.addWidget(self.problemBox)

        self.gapBox, self.gapLabel = icon_note(self, QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.gapLabel.setTextFormat(Qt.TextFormat.RichText)
        self.gapLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.gapLabel.linkActivated.connect(lambda link: self.keep_instead(int(link)))
        self.gapBox.hide()
        layout.addWidget(self.gapBox)

        self.tree_model = ReviewListModel(
            [self.tr("File"), self.tr("Folder"), self.tr("Size"), self.tr("Resolution")],
            lambda group: self._words.group_title(group, self._losing),
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            self,
        )
        self.tree = line_table(self.tree_model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.setTabKeyNavigation(False)
        fm = self.fontMetrics()
        header = self.tree.horizontalHeader()
        header.setStretchLastSection(False)
        # Widths from the font, not from the contents: measuring thousands of rows
        # would hold the dialog up. The user can still drag them.
        pad = fm.averageCharWidth() * 3
        widths = (fm.averageCharWidth() * 34, 0, fm.horizontalAdvance("999.9 MB"))
        for col, width in enumerate((*widths, fm.horizontalAdvance("99999×99999"))):
            if width:
                header.resizeSection(col, width + pad)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.tree, 1)

        self.confirmButton = QPushButton(self.tr("Move to Trash"))
        self.confirmButton.setEnabled(False)
        self.confirmButton.clicked.connect(self._start_trash)
        self.moveToButton = QPushButton(self.tr("Move to a Folder…"))
        self.moveToButton.setToolTip(
            self.tr(
                "Move the files into a folder you choose instead of the Trash, keeping their "
                "paths below the scanned folders"
            )
        )
        self.moveToButton.setEnabled(False)  # until planned
        self.moveToButton.clicked.connect(self._choose_move_folder)
        cancel = self.cancelButton = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        for button in (self.confirmButton, self.moveToButton, cancel):
            button.setAutoDefault(False)  # Enter alone must never start moving files
        layout.addLayout(button_row([self.moveToButton], [cancel, self.confirmButton]))
        return page

    def keep_instead(self, gap_index: int) -> None:
        """Keep the copy that has the facts the group would lose, in place of the one kept."""
        if self._job is not None or not 0 <= gap_index < len(self._gaps):
            return
        gap = self._gaps[gap_index]
        before = set(self._marks)
        marked = swap_marks(self._groups, before, gap)
        for path in sorted(marked ^ before):
            if self._marks.set(path, path in marked):
                self.markToggled.emit(path, path in marked)
        self._start_planning()

    def _start_planning(self) -> None:
        n = len(self._marks)
        if n <= _PLAN_HERE:
            self._plan_ready(prepare(self._groups, set(self._marks), self._flags))
            return
        # A big plan takes seconds of Python: make it in a thread, say so meanwhile.
        self.summaryLabel.setText(
            pick(
                n,
                self.tr("Preparing the list of %n file…", "", n),
                self.tr("Preparing the list of %n files…", "", n),
            )
        )
        self.setCursor(Qt.CursorShape.BusyCursor)
        self._relay = prepare_in_thread(list(self._groups), set(self._marks), self, self._flags)
        self._relay.ready.connect(self._plan_ready)

    def _plan_ready(self, prepared: Prepared) -> None:
        self._plan, rows, self._gaps = prepared
        self._planned = {item.path: item for item in self._plan.items}
        self._losing = {gap.group: gap for gap in self._gaps}
        self.gapLabel.setText(self._words.gaps_text(self._gaps))
        self.gapBox.setVisible(bool(self._gaps))
        self.summaryLabel.setText(self._words.summary_text(self._plan))
        self.problemLabel.setText(self._words.problem_text(self._plan, self._groups, self._marks))
        self.problemBox.setVisible(bool(self._plan.problems))
        blocked = {p.group for p in self._plan.problems}  # their files move with nothing
        n = sum(1 for item in self._plan.items if item.group not in blocked)
        self.confirmButton.setText(
            pick(
                n, self.tr("Move %n File to Trash", "", n), self.tr("Move %n Files to Trash", "", n)
            )
        )
        self.confirmButton.setEnabled(self._plan.ok)
        self.moveToButton.setEnabled(self._plan.ok)
        self.tree_model.set_groups(rows)
        self._unspanned = self.tree_model.title_rows().tolist()
        self._span_titles()
        self.unsetCursor()

    def _span_titles(self) -> None:
        # A title spans its row. Thousands of spans are set a slice at a time,
        # so that the dialog answers at once however long the list.
        todo, self._unspanned = self._unspanned[:_SPANS_AT_ONCE], self._unspanned[_SPANS_AT_ONCE:]
        columns = self.tree_model.columnCount()
        for row in todo:
            self.tree.setSpan(row, 0, 1, columns)
        if self._unspanned:
            QTimer.singleShot(0, self._span_titles)

    def is_ready(self) -> bool:
        """Whether the plan is made and listed (at once, unless it is large)."""
        return self.confirmButton.text() != self.tr("Move to Trash")

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
        if self._plan.ok and self._job is None:
            self._run(list(self._plan.items), folder)

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
        self.report.show_restored(outcomes, {p: i.size for p, i in self._planned.items()})
        self._pages.setCurrentIndex(_RESULT)
        back = restored_paths(outcomes)
        if back:
            self.filesRestored.emit(back)
        if self._closing:
            super().reject()

    def _on_restore_failed(self, message: str) -> None:
        self._on_restored([])
        self.report.show_restore_error(message)

    def _start_trash(self) -> None:
        if self._plan.ok and self._job is None:
            self._run(list(self._plan.items), None)

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
        self.report.show_outcomes(self._outcomes, {p: i.size for p, i in self._planned.items()})
        self._pages.setCurrentIndex(_RESULT)
        if self.report.is_compact():
            self._fit_to_report()
        self.report.closeButton.setFocus()
        if self._closing:
            super().reject()

    def _fit_to_report(self) -> None:
        # Nothing was left behind: a few lines of report in a box sized for the
        # review's list would be mostly empty, so the box fits the report.
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
            self._planned[o.path]
            for o in self._outcomes
            if o.status == Status.NO_TRASH and o.path in self._planned
        ]
        if items and self._job is None:
            self._run(items, folder)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._pages.currentIndex() == _REVIEW:
            self.cancelButton.setFocus()  # not the list: no row looks picked before the user acts

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
