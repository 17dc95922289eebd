"""The commands over the results: marks, compare, file menu, review, export.

They wire a feature's dialog to the results model and the session (features do
not know each other); the main window connects them to its actions and views.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QFileDialog, QMessageBox

from photodedup.core import export, select
from photodedup.core.marks import MarkState
from photodedup.gui import notices
from photodedup.gui.compare.view import CompareView
from photodedup.gui.results.ignore_dialog import NotDuplicatesDialog
from photodedup.gui.results.keep_editor import KeepRuleEditor
from photodedup.gui.results.model import KeepRole
from photodedup.gui.review.history_dialog import HistoryDialog
from photodedup.gui.review_launcher import ReviewLauncher
from photodedup.gui.widgets.file_menu import FileMenu

if TYPE_CHECKING:
    from photodedup.gui.main_window import MainWindow

# Files whose marks are worked out on the GUI thread (a few milliseconds); beyond,
# the session's job does it.
_MARK_HERE = 2000


class ResultsCommands(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window, self.session = window, window.session
        self.model, self.view = window.model, window.view
        # Checks the files (on focus, before a review), then opens the review.
        self.reviewer = ReviewLauncher(window, self.session, self.model, self.files_removed, self)

    def _say(self, text: str, ms: int) -> None:
        self.window.say(text, ms)

    # -- marks --------------------------------------------------------------------------
    def mark_all_but_best(self) -> None:
        w = self.window
        w.settings.selection_rule = w.rule_combo.currentData()
        self.model.set_keep_rule(*w.keep_rule())
        if self.model.file_count() <= _MARK_HERE:
            self.model.mark_all_but_best()
        else:  # the keep rule over every group: too long for the GUI thread
            self._premark_in_job()
        w.menu.show_keep_rule(w.rule_combo.currentData())

    def _premark_in_job(self) -> None:
        marks = self.session.marks
        job = self.session.premark(
            marks.live_groups(),
            *self.model.keep_rule(),
            unavailable=marks.unavailable,  # gone or changed: neither marked nor kept
            then=marks.prepare,
        )
        job.finished.connect(self.marks_ready)

    def marks_ready(self, state: MarkState) -> None:
        """Take the marks a job worked out. When files left while it ran, the rule
        is applied again to what is left, in a job too: not on the window's thread."""
        if not self.session.marks.apply(state):
            self._premark_in_job()

    def edit_keep_rules(self) -> None:
        w = self.window
        editor = KeepRuleEditor(w.settings.keep_rules, w)
        if editor.exec() != KeepRuleEditor.DialogCode.Accepted:
            return
        w.settings.keep_rules = editor.rules()
        w.results_bar.set_user_rules(w.settings.keep_rules)
        w.menu.set_keep_rules(w.results_bar.rules(), w.rule_combo.currentData())

    def choose_keep_rule(self, rule: str) -> None:
        combo = self.window.rule_combo
        combo.setCurrentIndex(max(0, combo.findData(rule)))

    def invert_group(self) -> None:
        current = self.view.currentIndex()
        if current.isValid():
            self.model.invert_group(current.row())

    def files_removed(self, paths: list[str]) -> None:
        """Take files that left their folders out of the session and the results."""
        # The review reports them a batch at a time, a few times a second.
        gone = set(paths)
        if gone:
            self.session.files_removed(gone)
            self.window.thumbnails.forget(gone)
            self.model.remove_paths(gone)
            if not self.model.total_groups():
                self.window.empty.show_all_done()

    # -- dialogs ------------------------------------------------------------------------

    def compare(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        dialog = CompareView(
            self.model.group_at(row),
            self.session.marks,
            self.window,
            choice=self.model.index(row).data(KeepRole),
            flags=self.model.file_flags(),
            pool=self.session.jobs.pool,
        )
        dialog.exec()
        dialog.deleteLater()

    def review(self) -> None:
        """Check the files against the disk, then show what would be removed."""
        self.reviewer.review()

    def removal_history(self) -> None:
        dialog = HistoryDialog(self.session.start_restore, self.window)
        dialog.filesRestored.connect(self.session.files_restored)
        dialog.exec()
        dialog.deleteLater()

    def file_menu(self, row: int, member: int, pos: QPoint) -> None:
        m = self.model.group_at(row).members[member]
        path = m.image.path
        menu = FileMenu(m, member == 0, self.model.is_marked(path), self.window)
        menu.markToggled.connect(lambda on: self.model.set_marked(path, on))
        menu.compareRequested.connect(lambda: self.compare(row))
        menu.notDuplicateRequested.connect(lambda: self.not_a_duplicate(row, path))
        menu.exec(pos)
        menu.deleteLater()

    def not_a_duplicate(self, row: int, path: str) -> None:
        """Remember that ``path`` differs from its group's reference and take it out."""
        group = self.model.group_at(row)
        member = next(m.image for m in group.members if m.image.path == path)
        groups = self.session.not_a_duplicate(group.reference, member, self.model.groups())
        self.model.set_groups(groups, self.model.marked())
        self.view.set_current(min(row, self.model.rowCount() - 1), 0)

    def edit_not_duplicates(self) -> None:
        dialog = NotDuplicatesDialog(self.session.ignore, self.window)
        dialog.exec()
        if dialog.changed and self.session.result is not None:
            self._say(
                self.tr("Scan again to see the photos you no longer mark as different."), 8000
            )

    def export(self) -> None:
        if self.session.result is None:
            return
        path, chosen = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export results"),
            os.path.join(os.path.expanduser("~"), "photodedup-results.csv"),
            self.tr("CSV (*.csv);;JSON (*.json)"),
        )
        if path:
            self.export_to(path, json_format=path.lower().endswith(".json") or "json" in chosen)

    def export_to(self, path: str, *, json_format: bool) -> None:
        """Write the results to ``path``; a file there that is no report is asked about."""
        if export.overwrite_refusal(path):
            box = notices.ask_replace(self.window, path)
            box.accepted.connect(lambda: self._write_export(path, json_format))
            return
        self._write_export(path, json_format)

    def _write_export(self, path: str, json_format: bool) -> None:
        groups = self.model.groups()
        rule, prefer = self.model.keep_rule()
        marked = self.model.marked()
        # The report says what the user left marked, and why the rest stays: under
        # the rule they chose, not the default one, and choosing among the files the
        # list chooses among (not those gone or changed since the scan).
        flagged = self.model.file_flags().keys()
        keep = {
            "marked": marked,
            "rule": rule,
            "prefer": prefer,
            "verdicts": select.verdicts(groups, marked, rule, prefer, unavailable=flagged),
        }
        try:
            with open(path, "w", encoding="utf-8", newline="", errors="surrogateescape") as fp:
                if json_format:
                    result, options = self.session.result, self.session.options
                    export.write_json(result, options, fp, groups=groups, **keep)
                else:
                    export.write_csv(groups, fp, **keep)
        except OSError as exc:
            text = f"{path}: {exc.strerror or exc}"
            QMessageBox.warning(self.window, self.tr("Export failed"), text)
            return
        self._say(self.tr("Saved {path}").format(path=path), 8000)
