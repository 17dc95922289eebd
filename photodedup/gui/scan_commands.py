"""Scanning from the main window: start, cancel, group again, and each outcome shown.

The session runs the jobs; this reads the sidebar's settings into them and puts
what comes back onto the window's pages, error panel and results model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from photodedup.core.crops import has_windows
from photodedup.gui import notices
from photodedup.gui.scan.blank_note import blank_note, small_note
from photodedup.gui.scan.worker import ScanOutcome
from photodedup.gui.session import MARKS

if TYPE_CHECKING:
    from photodedup.gui.main_window import MainWindow


class ScanCommands(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.cancelling = False  # asked to stop; the scan has not ended yet
        self.blank_note = ""  # what the last grouping did with near-blank photos
        self.small_note = ""  # how many photos the minimum size left out
        # A slider drag asks many times; the last request wins.
        self.regroup_timer = QTimer(self, singleShot=True, interval=150)
        self.regroup_timer.timeout.connect(self.regroup)
        session = window.session
        session.scanProgress.connect(window.progress.show_progress)
        session.scanFinished.connect(self._finished)
        session.scanCancelled.connect(self._cancelled)
        session.scanFailed.connect(self._failed)
        session.regrouped.connect(self._show_outcome)
        session.regroupFailed.connect(
            lambda error: window.say(self.tr("Could not regroup: {error}").format(error=error))
        )

    def toggle(self) -> None:
        if self.window.is_scanning():
            self.cancel()
        else:
            self.start()

    def start(self) -> None:
        w = self.window
        options = w.scan_options()
        if not options.walk.roots:
            w.status.setText(self.tr("Add a folder to scan first."))
            return
        w.save_settings()
        w.thumbnails.clear_pending()
        w.progress.reset()
        w.session.start_scan(options, *w.keep_rule())
        w.presenter.show_page()

    def cancel(self) -> None:
        w = self.window
        if w.is_scanning():
            w.session.cancel_scan()
            w.progress.cancelling()
            self.cancelling = True
            w.presenter.refresh()

    def regroup(self) -> None:
        """Apply a new similarity, rotation or reference setting to the last scan.

        The grouping runs off the GUI thread; a newer request replaces it."""
        w = self.window
        w.panel.save(w.settings)
        options = w.scan_options()
        w.session.regroup(options, *w.keep_rule())
        result = w.session.result
        # A scan with crops computes the windows of every image, so one tells.
        if options.group.crops and result and result.images and not has_windows(result.images[0]):
            # The last scan did not compute the crop windows: only a new one can.
            w.say(self.tr("Scan again to apply the new settings."), 8000)

    def folders_changed(self) -> None:
        w = self.window
        w.settings.folders = w.folders.folders()
        if w.session.result is None:
            w.presenter.show_page()
        else:
            self.regroup_timer.start()  # a reference flag may have changed

    def settings_changed(self) -> None:
        w = self.window
        w.panel.save(w.settings)
        if w.session.result is not None and not w.is_scanning():
            w.say(self.tr("Scan again to apply the new settings."), 8000)

    def _finished(self, outcome: ScanOutcome) -> None:
        w, result = self.window, outcome.result
        w.errors.set_errors(result.errors)
        self._show_outcome(outcome)
        if result.errors:
            if not result.images:  # the errors are the whole story: show them
                w.errors.show()
            w.resizeDocks([w.errors], [w.height() // 4], Qt.Orientation.Vertical)
        notices.show_scan_warnings(w, result.warnings + w.session.ignore.warnings)

    def _show_outcome(self, outcome: ScanOutcome) -> None:
        w = self.window
        w.session.jobs.drop(MARKS)  # marks for the groups being replaced
        self.blank_note = blank_note(outcome.near_blank, outcome.options)
        self.small_note = small_note(outcome.result.stats.too_small, outcome.options)
        w.model.set_keep_rule(*w.keep_rule())
        if outcome.prepared is not None:  # made in the job's thread
            w.model.set_table(outcome.prepared)
        else:
            w.model.set_groups(outcome.groups, outcome.marked)

    def _cancelled(self) -> None:
        self.window.presenter.show_page()
        self.window.say(self.tr("Scan cancelled; what was read is cached."), 8000)

    def _failed(self, message: str) -> None:
        self.window.presenter.show_page()
        QMessageBox.warning(self.window, self.tr("Scan failed"), message)
