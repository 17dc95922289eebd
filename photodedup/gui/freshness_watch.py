"""Notices files that moved, changed or vanished since the scan, and flags them.

When the app comes back into focus (the user may have been in a file manager or
an editor) and before a review, the files of the results are checked against
the disk (``core.freshness``) in a job of the session's runner. What the check
finds comes back as plain data on the GUI thread, and the results model flags
those files: they keep their tile, with a badge, but can be neither marked nor
kept. The worker thread gets copies (the groups are immutable, the stamps a new
dict) and touches nothing else.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from photodedup.core.freshness import Freshness, Stamp, check_files, records_of
from photodedup.gui.jobs import Job
from photodedup.gui.results.model import ResultsModel
from photodedup.gui.session import REMOVAL, RESTORE, Session

FOCUS_CHECK, REVIEW_CHECK = "freshness", "freshness-review"
# Coming back to the window often comes in bursts (a dialog closing, a click
# through): one check once things settle.
_SETTLE_MS = 500


class FreshnessWatch(QObject):
    # The check's Freshness, the paths newly flagged, the paths that lost their mark.
    checked = Signal(object, set, set)

    def __init__(self, session: Session, model: ResultsModel, parent: QObject | None = None):
        super().__init__(parent)
        self.session, self.model = session, model
        self._since: int | None = None  # when the shown scan began (time.time_ns)
        self._starting: int | None = None  # when the running scan began
        self._known: dict[str, Stamp] = {}
        self._timer = QTimer(self, singleShot=True, interval=_SETTLE_MS)
        self._timer.timeout.connect(self.check_on_focus)
        session.scanStarted.connect(self._scan_started)
        session.scanFinished.connect(self._scan_finished)
        session.scanCancelled.connect(self._timer.start)
        app = QApplication.instance()
        if app is not None:
            app.applicationStateChanged.connect(self._state_changed)

    def _scan_started(self) -> None:
        self._starting = time.time_ns()
        self.model.set_file_flags({})  # the new scan's results start unflagged

    def _scan_finished(self) -> None:
        self._since, self._known = self._starting, {}

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self._timer.start()

    def check_on_focus(self) -> Job | None:
        """Check now, unless a removal or a dialog (the review) is under way (files
        leaving the disk then are the app's own doing) or no window of the app is active."""
        jobs = self.session.jobs
        busy = jobs.is_running(REMOVAL) or jobs.is_running(RESTORE)
        if busy or QApplication.activeModalWidget() is not None:
            return None
        if QApplication.activeWindow() is None:
            return None  # the window closed, or the focus went again
        return self.check(FOCUS_CHECK)

    def check(self, kind: str = REVIEW_CHECK) -> Job | None:
        """Check the files of the results in a job of ``kind``; the job, or None when
        there is nothing to check. The flags are set before the job's ``finished``."""
        if self._since is None or self.session.is_scanning() or not self.model.total_groups():
            return None
        groups, since, known = self.model.groups(), self._since, dict(self._known)

        def work(progress, cancel) -> tuple[int, Freshness]:
            records = records_of(groups)
            return since, check_files(records, since, known, progress=progress, cancel=cancel)

        job = self.session.jobs.start(kind, work)
        # A bound slot, not a lambda: Qt drops it if this watch goes before the job ends.
        job.finished.connect(self._checked)
        return job

    def _checked(self, outcome: tuple[int, Freshness]) -> None:
        since, found = outcome
        if since != self._since or self.session.is_scanning():
            return  # about results that were, or are about to be, replaced
        self._known = found.fresh
        before = self.model.file_flags()
        unmarked = self.model.set_file_flags(found.flags)
        self.checked.emit(found, set(found.flags) - set(before), unmarked)
