"""What the main window shows for the session's state: the page, the bars, the
commands that are on and the status line, brought in line in one place.

The window lays these out; this decides, from the session, the results model and
the scan commands, which of them are shown and what they say.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from photodedup.gui.actions import State

if TYPE_CHECKING:
    from photodedup.gui.main_window import MainWindow


class Presenter(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.model.marksChanged.connect(self._update_status)
        window.model.modelReset.connect(self.show_page)
        window.session.busyChanged.connect(self.refresh)

    def refresh(self) -> None:
        """Bring every command and bar in line with the session: the one place for it."""
        w, scans = self.window, self.window.scans
        scanning, result = w.is_scanning(), w.session.result
        has_groups = w.model.total_groups() > 0
        scans.cancelling = scans.cancelling and scanning
        w.actions.update(
            State(
                scanning=scanning,
                cancelling=scans.cancelling,
                has_result=result is not None,
                has_groups=has_groups,
            )
        )
        # The bar only makes sense over results; before the first scan it is noise.
        shown = result is not None and not scanning
        w.results_bar.setVisible(shown)
        w.review_button.setVisible(shown)
        w.results_bar.set_results_enabled(has_groups and not scanning)
        w.sidebar.set_scanning(scanning)
        self._update_status()

    def show_page(self) -> None:
        """Show the page for the session's state (start, progress, results or nothing
        found), then refresh the commands and bars."""
        w = self.window
        result = w.session.result
        if w.is_scanning():
            w.stack.setCurrentWidget(w.progress)
        elif w.model.total_groups():
            if w.stack.currentWidget() is not w.view:
                w.stack.setCurrentWidget(w.view)
                w.view.setFocus()
        elif result is not None:
            w.empty.show_nothing_found(len(result.images), len(result.errors))
            w.stack.setCurrentWidget(w.empty)
        else:
            w.empty.show_start(bool(w.folders.folders()))
            w.stack.setCurrentWidget(w.empty)
        self.refresh()

    def _update_status(self) -> None:
        w = self.window
        if w.is_scanning():
            w.status.setText(self.tr("Scanning…"))
        elif w.session.result is None:
            w.status.setText(self.tr("Ready"))
        elif w.session.is_regrouping():
            w.status.setText(self.tr("Grouping again…"))  # seconds, at 100,000 photos
        else:
            parts = (w.model.summary(), w.scans.blank_note, w.scans.small_note)
            w.status.setText(" · ".join(p for p in parts if p))
