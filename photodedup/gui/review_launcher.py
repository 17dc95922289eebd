"""The review command: open the review while the files are checked against the disk.

Files moved, edited or deleted since the scan are found by the freshness watch
(on focus, and here before each review) and flagged in the results; the review
then neither removes them nor counts them as the copy kept.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow

from photodedup.gui.freshness_watch import FOCUS_CHECK, FreshnessWatch
from photodedup.gui.platform.formatting import pick
from photodedup.gui.results.model import ResultsModel
from photodedup.gui.review.dialog import ReviewDialog
from photodedup.gui.session import Session


class ReviewLauncher(QObject):
    def __init__(
        self,
        window: QMainWindow,
        session: Session,
        model: ResultsModel,
        files_removed: Callable[[list[str]], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window, self.session, self.model = window, session, model
        self._files_removed = files_removed
        self.freshness = FreshnessWatch(session, model, self)
        self.freshness.checked.connect(self._say_flagged)
        self._busy = False  # the review is open
        self._dialog: ReviewDialog | None = None  # the review, while its files are checked

    def is_busy(self) -> bool:
        """Whether the review is open (its files may still be being checked)."""
        return self._busy

    def _say(self, text: str, ms: int) -> None:
        self.window.statusBar().showMessage(text, ms)

    def review(self) -> None:
        """Open the review at once, while a job checks the files; nothing can go
        until the check is done and the list made with what it found."""
        if self.session.is_scanning() or self._busy:
            return
        if not self.model.marked_count():
            self._say(self.tr("No files are marked for removal."), 5000)
            return
        self._busy = True
        try:
            self._show_dialog()
        finally:
            self._busy = False

    def _show_dialog(self) -> None:
        # In the order on screen, so "Group 3" in the dialog is the third row here.
        dialog = ReviewDialog(
            self.model.groups_in_view_order(),
            self.session.marks,
            self.session.start_removal,
            self.window,
            start_restore=self.session.start_restore,
            flags=self.model.file_flags(),
            start_plan=self.session.start_plan,
            checking=True,
        )
        self._dialog = dialog
        # The check starts from the event loop, once the dialog is on screen (as its
        # plan does): its Python beside the first layout and paint stalled the window.
        QTimer.singleShot(0, dialog, self._start_check)
        dialog.filesRemoved.connect(self._files_removed)
        # Restored files this scan held come back into the results by a regroup.
        dialog.filesRestored.connect(self.session.files_restored)
        dialog.exec()
        self._dialog = None
        self._files_removed(list(dialog.removed_paths()))
        dialog.deleteLater()
        # Files it had to leave because they changed or went meanwhile: flag them now.
        self.freshness.check(FOCUS_CHECK)

    def _start_check(self) -> None:
        check = self.freshness.check()
        if check is None:  # nothing to check against (no scan time known)
            self._checked()
            return
        # Connected after the watch's own slot: the flags are set by then. A check
        # that failed or was stopped still lets the user go on: the trash checks
        # each file again right before it moves it.
        check.finished.connect(self._checked)
        check.failed.connect(self._checked)
        check.cancelled.connect(self._checked)

    def _checked(self, _outcome: object = None) -> None:
        if self._dialog is not None:
            self._dialog.files_checked(self.model.file_flags())

    def _say_flagged(self, _found, flagged: set[str], unmarked: set[str]) -> None:
        if not flagged:
            return
        n = len(flagged)
        text = pick(
            n,
            self.tr("{n} file is missing or changed since the scan: it is flagged in the results"),
            self.tr(
                "{n} files are missing or changed since the scan: they are flagged in the results"
            ),
        ).format(n=n)
        if unmarked:
            m = len(unmarked)
            marks = pick(m, self.tr("{n} mark removed"), self.tr("{n} marks removed"))
            text += " · " + marks.format(n=m)
        self._say(text, 15000)
