"""The review's first page: what would go, what blocks it, and the buttons to go on.

It makes the removal plan from the groups and the shared marks (in a thread when
large) and lists it; the dialog around it runs what the user confirms.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from photodedup.core.marks import MarkSet
from photodedup.core.metadata_gaps import MetadataGap, swap_marks
from photodedup.core.reasons import Reason
from photodedup.core.results import Group
from photodedup.core.trash import Planned, RemovalPlan
from photodedup.gui.platform.formatting import pick
from photodedup.gui.review.line_table import line_table
from photodedup.gui.review.list_model import (
    Prepared,
    ReviewListModel,
    StartPlan,
    prepare,
    prepare_in_thread,
)
from photodedup.gui.review.report import button_row, icon_note
from photodedup.gui.review.words import ReviewWords

# Marked files planned on the GUI thread: a few tens of milliseconds. More are
# planned in a thread while the page says so.
_PLAN_HERE = 3000
_SPANS_AT_ONCE = 2000


class ReviewPage(QWidget):
    """The plan listed; ``trashRequested`` and ``moveRequested`` when the user goes on."""

    trashRequested = Signal()
    moveRequested = Signal()  # to a folder the dialog asks for
    cancelRequested = Signal()
    markToggled = Signal(str, bool)  # path, marked: "Keep this one instead"

    def __init__(
        self,
        groups: list[Group],
        marks: MarkSet,
        flags: Mapping[str, Reason] | None = None,
        parent: QWidget | None = None,
        start_plan: StartPlan | None = None,
        checking: bool = False,
    ) -> None:
        """``start_plan`` makes a big plan in a job of the app's runner; without it,
        in a thread of the page's own. ``checking``: the files are being checked
        against the disk meanwhile; nothing can be moved until ``files_checked``."""
        super().__init__(parent)
        self._groups = groups
        self._start_plan = start_plan
        # The results' marks, shared: what the plan is made from, and what "Keep
        # this one instead" changes.
        self._marks = marks
        self._flags = frozenset(flags or ())
        self._checked = not checking
        self._listed = False  # the latest plan is listed
        self._plan_job: QObject | None = None  # making the latest plan, if not here
        self._relay: QObject | None = None
        self.plan = RemovalPlan()  # until planned (see _plan_ready)
        self.planned: dict[str, Planned] = {}
        self._gaps: list[MetadataGap] = []
        self._losing: dict[int, MetadataGap] = {}
        self._busy = lambda: False
        self._words = ReviewWords(self)
        # The page's own timer: it ends with the page, should the dialog close
        # before every title is spanned.
        self._span_timer = QTimer(self, singleShot=True, interval=0)
        self._span_timer.timeout.connect(self._span_titles)
        # A big plan's job starts from the event loop, once the dialog is on screen:
        # started before, its Python ran beside the dialog's first layout and paint,
        # which then took the GUI thread 120 ms at 100,000 photos. A newer plan asked
        # for meanwhile restarts the timer, so one job starts.
        self._plan_timer = QTimer(self, singleShot=True, interval=0)
        self._plan_timer.timeout.connect(self._start_plan_job)
        self._build()

    def set_busy_check(self, busy) -> None:
        """``busy()`` says the dialog is moving files: the marks must not change then."""
        self._busy = busy

    def _build(self) -> None:
        layout = QVBoxLayout(self)
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
        self.checkLabel = QLabel(self.tr("Checking that the files are as scanned…"))
        self.checkLabel.setVisible(not self._checked)
        layout.addWidget(self.checkLabel)

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

        layout.addWidget(self._build_list(), 1)

        self.confirmButton = QPushButton(self.tr("Move to Trash"))
        self.confirmButton.setEnabled(False)
        self.confirmButton.clicked.connect(self.trashRequested)
        self.moveToButton = QPushButton(self.tr("Move to a Folder…"))
        self.moveToButton.setToolTip(
            self.tr(
                "Move the files into a folder you choose instead of the Trash, keeping their "
                "paths below the scanned folders"
            )
        )
        self.moveToButton.setEnabled(False)  # until planned
        self.moveToButton.clicked.connect(self.moveRequested)
        cancel = self.cancelButton = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.cancelRequested)
        for button in (self.confirmButton, self.moveToButton, cancel):
            button.setAutoDefault(False)  # Enter alone must never start moving files
        layout.addLayout(button_row([self.moveToButton], [cancel, self.confirmButton]))

    def _build_list(self) -> QWidget:
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
        return self.tree

    # -- the plan -------------------------------------------------------------------------
    def keep_instead(self, gap_index: int) -> None:
        """Keep the copy that has the facts the group would lose, in place of the one kept."""
        if self._busy() or not 0 <= gap_index < len(self._gaps):
            return
        gap = self._gaps[gap_index]
        before = set(self._marks)
        marked = swap_marks(self._groups, before, gap)
        for path in sorted(marked ^ before):
            if self._marks.set(path, path in marked):
                self.markToggled.emit(path, path in marked)
        self.start_planning()

    def files_checked(self, flags: Mapping[str, Reason]) -> None:
        """The files were checked against the disk: ``flags`` are those found gone or
        changed. A plan made before them is made again; then the user may go on."""
        self._checked = True
        self.checkLabel.hide()
        if frozenset(flags) != self._flags:
            self._flags = frozenset(flags)
            self.start_planning()
        elif self._listed:
            self._enable()

    def start_planning(self) -> None:
        self._plan_timer.stop()
        self._plan_job = self._relay = None
        self._listed = False
        self._enable()
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
        self._plan_timer.start()

    def _start_plan_job(self) -> None:
        groups, marked = list(self._groups), set(self._marks)
        # A newer plan (the user kept another copy, or the check flagged files
        # meanwhile) drops this one: only the latest job's or thread's is listed.
        if self._start_plan is not None:
            self._plan_job = self._start_plan(groups, marked, self._flags)
            self._plan_job.finished.connect(self._planned_elsewhere)
            return
        self._relay = prepare_in_thread(groups, marked, self, self._flags)
        self._relay.ready.connect(self._planned_elsewhere)

    def _planned_elsewhere(self, prepared: Prepared) -> None:
        if self.sender() in (self._plan_job, self._relay):
            self._plan_ready(prepared)

    def _plan_ready(self, prepared: Prepared) -> None:
        self._plan_job = self._relay = None
        self.plan, rows, self._gaps = prepared
        self.planned = {item.path: item for item in self.plan.items}
        self._losing = {gap.group: gap for gap in self._gaps}
        self.gapLabel.setText(self._words.gaps_text(self._gaps))
        self.gapBox.setVisible(bool(self._gaps))
        self.summaryLabel.setText(self._words.summary_text(self.plan))
        self.problemLabel.setText(self._words.problem_text(self.plan, self._groups, self._marks))
        self.problemBox.setVisible(bool(self.plan.problems))
        blocked = {p.group for p in self.plan.problems}  # their files move with nothing
        n = sum(1 for item in self.plan.items if item.group not in blocked)
        self.confirmButton.setText(
            pick(
                n, self.tr("Move %n File to Trash", "", n), self.tr("Move %n Files to Trash", "", n)
            )
        )
        self.tree_model.set_groups(rows)
        self.tree.clearSpans()  # those of a plan listed before
        self._unspanned = self.tree_model.title_rows().tolist()
        self._span_titles()
        self._listed = True
        self._enable()

    def _enable(self) -> None:
        # The user goes on only with the latest plan, made with what the check found.
        ready = self.is_ready()
        self.confirmButton.setEnabled(ready and self.plan.ok)
        self.moveToButton.setEnabled(ready and self.plan.ok)
        if ready:
            self.unsetCursor()
        else:
            self.setCursor(Qt.CursorShape.BusyCursor)

    def _span_titles(self) -> None:
        # A title spans its row. Thousands of spans are set a slice at a time,
        # so that the dialog answers at once however long the list.
        todo, self._unspanned = self._unspanned[:_SPANS_AT_ONCE], self._unspanned[_SPANS_AT_ONCE:]
        columns = self.tree_model.columnCount()
        for row in todo:
            self.tree.setSpan(row, 0, 1, columns)
        if self._unspanned:
            self._span_timer.start()

    def is_ready(self) -> bool:
        """Whether the files are checked and the plan made with what the check found
        is listed (at once, unless it is large)."""
        return self._checked and self._listed
