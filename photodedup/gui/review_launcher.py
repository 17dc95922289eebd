"""The review command: check the marked files against the disk, then open the review.

Files moved, edited or deleted since the scan are found by the freshness watch
(on focus, and here before each review) and flagged in the results; the review
then neither removes them nor counts them as the copy kept.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
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
        self._busy = False  # checking the files, or the review is open

    def is_busy(self) -> bool:
        """Whether the review is being prepared (the files checked) or is open."""
        return self._busy

    def _say(self, text: str, ms: int) -> None:
        self.window.statusBar().showMessage(text, ms)

    def review(self) -> None:
        """Check the files (in a job), then open the review with what is still there."""
        if self.session.is_scanning() or self._busy:
            return
        if not self.model.marked_count():
            self._say(self.tr("No files are marked for removal."), 5000)
            return
        job = self.freshness.check()
        if job is None:
            self._open()
            return
        self._busy = True
        self._say(self._checking_text(), 5000)
        # A few tenths of a second at 100,000 files: the window says it is working.
        self.window.setCursor(Qt.CursorShape.BusyCursor)
        # Connected after the watch's own slot: the flags are set when the review opens.
        job.finished.connect(self._open)
        job.failed.connect(self._open)  # the trash still checks each file as it goes
        job.cancelled.connect(self._cancelled)

    def _checking_text(self) -> str:
        return self.tr("Checking that the files are as scanned…")

    def _cancelled(self) -> None:
        self._busy = False
        self.window.unsetCursor()

    def _open(self, _outcome: object = None) -> None:
        if self.window.statusBar().currentMessage() == self._checking_text():
            self.window.statusBar().clearMessage()  # checked: the review says the rest
        self.window.unsetCursor()
        self._busy = True
        try:
            self._show_dialog()
        finally:
            self._busy = False

    def _show_dialog(self) -> None:
        if self.session.is_scanning():
            return
        if not self.model.marked_count():
            self._say(self.tr("No files are marked for removal."), 5000)
            return
        # In the order on screen, so "Group 3" in the dialog is the third row here.
        dialog = ReviewDialog(
            self.model.groups_in_view_order(),
            self.session.marks,
            self.session.start_removal,
            self.window,
            start_restore=self.session.start_restore,
            flags=self.model.file_flags(),
            start_plan=self.session.start_plan,
        )
        dialog.filesRemoved.connect(self._files_removed)
        # Restored files this scan held come back into the results by a regroup.
        dialog.filesRestored.connect(self.session.files_restored)
        dialog.exec()
        self._files_removed(list(dialog.removed_paths()))
        dialog.deleteLater()
        # Files it had to leave because they changed or went meanwhile: flag them now.
        self.freshness.check(FOCUS_CHECK)

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
