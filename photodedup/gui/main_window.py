"""The main window: folders and settings on the left, the duplicate groups on the right."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from photodedup.core import export
from photodedup.core.ignore import IgnoreList
from photodedup.core.models import GroupOptions, ScanOptions, WalkOptions
from photodedup.gui.compare.view import CompareView
from photodedup.gui.main_menu import MainMenuBar
from photodedup.gui.platform import (
    pyside_fixes,  # noqa: F401 (must run before Qt use)
)
from photodedup.gui.platform.formatting import pick
from photodedup.gui.platform.settings import Settings
from photodedup.gui.results.delegate import metrics
from photodedup.gui.results.ignore_dialog import NotDuplicatesDialog
from photodedup.gui.results.keep_editor import KeepRuleEditor
from photodedup.gui.results.model import KeepRole, ResultsModel
from photodedup.gui.results.thumbnails import ThumbnailCache
from photodedup.gui.results.toolbar import ResultsToolBar
from photodedup.gui.results.view import ResultsView
from photodedup.gui.review.dialog import ReviewDialog, open_log_file
from photodedup.gui.scan.errors_panel import ErrorsPanel
from photodedup.gui.scan.folder_list import folders_from_mime
from photodedup.gui.scan.progress_panel import ScanProgress
from photodedup.gui.scan.sidebar import Sidebar
from photodedup.gui.scan.worker import ScanOutcome
from photodedup.gui.session import Session
from photodedup.gui.widgets.empty_state import EmptyState
from photodedup.gui.widgets.file_menu import FileMenu


class MainWindow(QMainWindow):
    def __init__(
        self,
        settings: Settings | None = None,
        *,
        ignore: IgnoreList | None = None,
        thumbnail_dir: str | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.session = Session(ignore, self)
        self.setWindowTitle("photodedup")
        self.setAcceptDrops(True)
        self.thumbnails = ThumbnailCache(
            disk_dir=thumbnail_dir, pool=self.session.jobs.pool, parent=self
        )
        self.thumbnails.box = metrics(self.font()).box
        self.thumbnails.device_pixel_ratio = self.devicePixelRatioF()

        self.model = ResultsModel(self)
        self.view = ResultsView(self.thumbnails, self)
        self.view.setModel(self.model)
        self.thumbnails.thumbnailReady.connect(self.model.refresh_path)
        self.errors = ErrorsPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.errors)
        self.errors.hide()

        self.sidebar = Sidebar(self)
        self.folders, self.panel = self.sidebar.folders, self.sidebar.panel
        self.scan_button = self.sidebar.scan_button
        self._build_results_area()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.sidebar)
        splitter.addWidget(self.results_area)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        side = max(
            self.sidebar.minimumSizeHint().width(), self.fontMetrics().averageCharWidth() * 60
        )
        splitter.setSizes([side, 900])
        central = QWidget(self)
        margin = self.fontMetrics().height() // 2
        outer = QVBoxLayout(central)
        outer.setContentsMargins(margin, margin // 2, margin, 0)
        outer.addWidget(splitter)
        self.setCentralWidget(central)
        self.menu = MainMenuBar(self.errors.toggleViewAction(), self.settings.language, self)
        self.setMenuBar(self.menu)
        self.status = QLabel(self)
        self.statusBar().addWidget(self.status, 1)
        self.statusBar().addPermanentWidget(self.errors.toggle_button)
        # The one action that touches files sits by the count of what it would touch.
        self.statusBar().addPermanentWidget(self.review_button)

        self._regroup_timer = QTimer(self, singleShot=True, interval=150)
        self._regroup_timer.timeout.connect(self.regroup)
        self._filter_timer = QTimer(self, singleShot=True, interval=200)
        self._filter_timer.timeout.connect(lambda: self.model.set_filter(self.filter_edit.text()))
        self._connect()
        self._load_settings()
        self._set_idle()

    # -- layout -------------------------------------------------------------------------
    def _build_results_area(self) -> None:
        self.results_bar = ResultsToolBar(self)
        self.rule_combo = self.results_bar.rule_combo
        self.sort_combo = self.results_bar.sort_combo
        self.filter_edit = self.results_bar.filter_edit
        self.review_button = QPushButton(self.tr("Review and remove…"), self)
        self.review_button.setToolTip(self.tr("Review the marked files and move them to the trash"))
        self.empty = EmptyState(self)
        self.progress = ScanProgress(self)
        self.stack = QStackedWidget(self)
        for page in (self.empty, self.progress, self.view):
            self.stack.addWidget(page)
        self.results_area = QWidget(self)
        layout = QVBoxLayout(self.results_area)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.results_bar)
        layout.addWidget(self.stack, 1)

    def _connect(self) -> None:
        menu = self.menu
        menu.add_folder.triggered.connect(self.folders.choose_folder)
        menu.scan.triggered.connect(self.toggle_scan)
        menu.export.triggered.connect(self.export)
        menu.open_log.triggered.connect(lambda: open_log_file(self))
        menu.quit.triggered.connect(self.close)
        menu.mark.triggered.connect(self.mark_all_but_best)
        menu.unmark.triggered.connect(self.model.unmark_all)
        menu.invert.triggered.connect(self.invert_group)
        menu.review.triggered.connect(self.review)
        menu.edit_rules.triggered.connect(self.edit_keep_rules)
        menu.not_duplicates.triggered.connect(self.edit_not_duplicates)
        menu.keepRuleChosen.connect(self.choose_keep_rule)
        menu.sortChosen.connect(
            lambda key: self.sort_combo.setCurrentIndex(self.sort_combo.findData(key))
        )
        menu.languageChosen.connect(self._set_language)
        self.folders.foldersChanged.connect(self._folders_changed)
        self.panel.groupingChanged.connect(self._regroup_timer.start)
        self.panel.scanSettingsChanged.connect(self._scan_settings_changed)
        self.scan_button.clicked.connect(self.toggle_scan)
        self.empty.addFolderRequested.connect(self.folders.choose_folder)
        self.empty.scanRequested.connect(self.toggle_scan)
        self.progress.cancelRequested.connect(self.cancel_scan)
        self.rule_combo.currentIndexChanged.connect(self.mark_all_but_best)
        self.results_bar.mark_button.clicked.connect(self.mark_all_but_best)
        self.results_bar.unmark_button.clicked.connect(self.model.unmark_all)
        self.results_bar.invert_button.clicked.connect(self.invert_group)
        self.sort_combo.currentIndexChanged.connect(
            lambda: self.model.set_sort(self.sort_combo.currentData())
        )
        self.filter_edit.textChanged.connect(self._filter_timer.start)
        self.review_button.clicked.connect(self.review)
        self.model.marksChanged.connect(self._update_status)
        self.model.modelReset.connect(self._update_status)
        self.view.compareRequested.connect(self.compare)
        self.view.reviewRequested.connect(self.review)
        self.view.fileMenuRequested.connect(self._file_menu)
        session = self.session
        session.scanProgress.connect(self.progress.show_progress)
        session.scanFinished.connect(self._on_finished)
        session.scanCancelled.connect(self._on_cancelled)
        session.scanFailed.connect(self._on_failed)
        session.regrouped.connect(self._on_regrouped)
        session.regroupFailed.connect(self._on_regroup_failed)

    def _load_settings(self) -> None:
        s = self.settings
        self.folders.set_folders(s.folders)
        self.panel.load(s)
        self.results_bar.set_user_rules(s.keep_rules)
        self.results_bar.set_rule(s.selection_rule)
        self.menu.set_keep_rules(self.results_bar.rules(), self.rule_combo.currentData())
        self.model.set_keep_rule(*self.keep_rule())
        self.sort_combo.setCurrentIndex(max(0, self.sort_combo.findData(s.sort_key)))
        if s.geometry is None or not self.restoreGeometry(s.geometry):
            self.resize(1240, 760)
        if s.window_state is not None:
            self.restoreState(s.window_state)

    def save_settings(self) -> None:
        s = self.settings
        s.folders = self.folders.folders()
        self.panel.save(s)
        s.selection_rule = self.rule_combo.currentData()
        s.sort_key = self.sort_combo.currentData()
        s.geometry = self.saveGeometry()
        s.window_state = self.saveState()
        s.sync()

    # -- scanning -----------------------------------------------------------------------
    def scan_options(self) -> ScanOptions:
        folders = self.folders.folders()
        return ScanOptions(
            walk=WalkOptions(
                roots=tuple(f.path for f in folders),
                exclude=tuple(self.panel.exclude_patterns()),
                min_size=self.panel.min_size_bytes(),
            ),
            hash=self.panel.hash_settings(),
            group=GroupOptions(
                distance=self.panel.distance(),
                rotations=self.panel.rotations.isChecked(),
                reference_dirs=tuple(f.path for f in folders if f.reference),
            ),
        )

    @property
    def ignore(self) -> IgnoreList:
        return self.session.ignore

    def is_scanning(self) -> bool:
        return self.session.is_scanning()

    def toggle_scan(self) -> None:
        if self.is_scanning():
            self.cancel_scan()
        else:
            self.start_scan()

    def start_scan(self) -> None:
        options = self.scan_options()
        if not options.walk.roots:
            self.status.setText(self.tr("Add a folder to scan first."))
            return
        self.save_settings()
        self.thumbnails.clear_pending()
        self.session.start_scan(options, *self.keep_rule())
        self.progress.reset()
        self.stack.setCurrentWidget(self.progress)
        self.sidebar.set_scanning(True)
        self.menu.set_scanning(True)
        self.status.setText(self.tr("Scanning…"))
        self._set_results_enabled(False)

    def cancel_scan(self) -> None:
        if self.is_scanning():
            self.session.cancel_scan()
            self.progress.cancelling()
            self.scan_button.setEnabled(False)

    def _on_finished(self, outcome: ScanOutcome) -> None:
        self._set_idle()
        self.model.set_keep_rule(*self.keep_rule())
        self.model.set_groups(outcome.groups, outcome.marked)
        self.errors.set_errors(outcome.result.errors)
        self._show_results_or_empty()
        if outcome.result.errors:
            if not outcome.result.images:  # the errors are the whole story: show them
                self.errors.show()
            self.resizeDocks([self.errors], [self.height() // 4], Qt.Orientation.Vertical)
        for warning in outcome.result.warnings + self.ignore.warnings:
            self.statusBar().showMessage(warning, 15000)

    def _on_cancelled(self) -> None:
        self._set_idle()
        self._show_results_or_empty()
        self.statusBar().showMessage(self.tr("Scan cancelled; what was read is cached."), 8000)

    def _on_failed(self, message: str) -> None:
        self._set_idle()
        self._show_results_or_empty()
        QMessageBox.warning(self, self.tr("Scan failed"), message)

    def _set_idle(self) -> None:
        self.sidebar.set_scanning(False)
        self.scan_button.setEnabled(True)
        self.menu.set_scanning(False)
        self._set_results_enabled(True)
        self._update_status()
        if self.stack.currentWidget() is not self.view:
            self.empty.show_start(bool(self.folders.folders()))

    def _show_results_or_empty(self) -> None:
        self._set_results_enabled(not self.is_scanning())
        if self.model.total_groups():
            self.stack.setCurrentWidget(self.view)
            self.view.setFocus()
        elif self.session.result is not None:
            result = self.session.result
            self.empty.show_nothing_found(len(result.images), len(result.errors))
            self.stack.setCurrentWidget(self.empty)
        else:
            self.empty.show_start(bool(self.folders.folders()))
            self.stack.setCurrentWidget(self.empty)

    def _set_results_enabled(self, enabled: bool) -> None:
        has = enabled and self.model.total_groups() > 0
        # The bar only makes sense over results; before the first scan it is noise.
        shown = self.session.result is not None and not self.is_scanning()
        self.results_bar.setVisible(shown)
        self.review_button.setVisible(shown)
        self.results_bar.set_results_enabled(has)
        self.review_button.setEnabled(has)
        self.menu.export.setEnabled(enabled and self.session.result is not None)

    def _folders_changed(self) -> None:
        self.settings.folders = self.folders.folders()
        if self.stack.currentWidget() is self.empty and self.session.result is None:
            self.empty.show_start(bool(self.folders.folders()))
        if self.session.result is not None:
            self._regroup_timer.start()  # a reference flag may have changed

    def _scan_settings_changed(self) -> None:
        self.panel.save(self.settings)
        if self.session.result is not None and not self.is_scanning():
            self.statusBar().showMessage(self.tr("Scan again to apply the new settings."), 8000)

    def regroup(self) -> None:
        """Apply a new similarity, rotation or reference setting to the last scan.

        The grouping runs off the GUI thread; a newer request replaces it."""
        self.panel.save(self.settings)
        self.session.regroup(self.scan_options(), *self.keep_rule())

    def _on_regrouped(self, outcome: ScanOutcome) -> None:
        self.model.set_keep_rule(*self.keep_rule())
        self.model.set_groups(outcome.groups, outcome.marked)
        self._show_results_or_empty()
        self._set_results_enabled(True)

    def _on_regroup_failed(self, message: str) -> None:
        # An engine bug: say so, keep the groups shown so far.
        self.statusBar().showMessage(
            self.tr("Could not regroup: {error}").format(error=message), 15000
        )

    # -- results ------------------------------------------------------------------------
    def keep_rule(self) -> tuple[str, tuple[str, ...]]:
        """The keep rule chosen, and the preferred folders: the folder list, top first."""
        return self.rule_combo.currentData(), tuple(f.path for f in self.folders.folders())

    def mark_all_but_best(self) -> None:
        self.settings.selection_rule = self.rule_combo.currentData()
        self.model.set_keep_rule(*self.keep_rule())
        self.model.mark_all_but_best()
        self.menu.show_keep_rule(self.rule_combo.currentData())

    def edit_keep_rules(self) -> None:
        editor = KeepRuleEditor(self.settings.keep_rules, self)
        if editor.exec() != KeepRuleEditor.DialogCode.Accepted:
            return
        self.settings.keep_rules = editor.rules()
        self._offer_keep_rules()

    def _offer_keep_rules(self) -> None:
        self.results_bar.set_user_rules(self.settings.keep_rules)
        self.menu.set_keep_rules(self.results_bar.rules(), self.rule_combo.currentData())

    def choose_keep_rule(self, rule: str) -> None:
        self.rule_combo.setCurrentIndex(max(0, self.rule_combo.findData(rule)))

    def edit_not_duplicates(self) -> None:
        dialog = NotDuplicatesDialog(self.session.ignore, self)
        dialog.exec()
        if dialog.changed and self.session.result is not None:
            self.statusBar().showMessage(
                self.tr("Scan again to see the photos you no longer mark as different."), 8000
            )

    def invert_group(self) -> None:
        current = self.view.currentIndex()
        if current.isValid():
            self.model.invert_group(current.row())

    def _update_status(self) -> None:
        if self.is_scanning():
            return
        if self.session.result is None:
            self.status.setText(self.tr("Ready"))
            return
        self.status.setText(self.model.summary())

    def compare(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        dialog = CompareView(
            self.model.group_at(row),
            self.model.marked(),
            self,
            choice=self.model.index(row).data(KeepRole),
        )
        dialog.markToggled.connect(self.model.set_marked)
        dialog.exec()
        dialog.deleteLater()

    def review(self) -> None:
        if self.is_scanning():
            return
        if not self.model.marked_count():
            self.statusBar().showMessage(self.tr("No files are marked for removal."), 5000)
            return
        # In the order on screen, so "Group 3" in the dialog is the third row here.
        dialog = ReviewDialog(
            self.model.groups_in_view_order(),
            self.model.marked(),
            self.session.start_removal,
            self,
        )
        dialog.filesRemoved.connect(self._files_removed)
        dialog.markToggled.connect(self.model.set_marked)
        dialog.exec()
        self._files_removed(list(dialog.removed_paths()))
        dialog.deleteLater()

    def _files_removed(self, paths: list[str]) -> None:
        gone = set(paths)
        if not gone:
            return
        self.model.remove_paths(gone)
        self.thumbnails.forget(gone)
        self.session.files_removed(gone)
        self._show_results_or_empty()
        if not self.model.total_groups():
            self.empty.show_all_done()
        self._set_results_enabled(True)

    def _file_menu(self, row: int, member: int, pos) -> None:
        m = self.model.group_at(row).members[member]
        path = m.image.path
        menu = FileMenu(m, member == 0, self.model.is_marked(path), self)
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
        self._show_results_or_empty()
        self.view.set_current(min(row, self.model.rowCount() - 1), 0)

    def export(self) -> None:
        if self.session.result is None:
            return
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export results"),
            os.path.join(os.path.expanduser("~"), "photodedup-results.csv"),
            self.tr("CSV (*.csv);;JSON (*.json)"),
        )
        if path:
            self.export_to(path, json_format=path.lower().endswith(".json") or "json" in chosen)

    def export_to(self, path: str, *, json_format: bool) -> None:
        try:
            with open(path, "w", encoding="utf-8", newline="", errors="surrogateescape") as fp:
                if json_format:
                    result, options = self.session.result, self.session.options
                    export.write_json(result, options, fp, groups=self.model.groups())
                else:
                    export.write_csv(self.model.groups(), fp)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), f"{path}: {exc.strerror or exc}")
            return
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 8000)

    def _set_language(self, code: str) -> None:
        self.settings.language = code or None
        self.statusBar().showMessage(
            self.tr("The language changes the next time photodedup starts."), 8000
        )

    # -- window events ------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if folders_from_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if folders_from_mime(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        folders = folders_from_mime(event.mimeData())
        if not folders:
            event.ignore()
            return
        added = self.folders.add_folders(folders)
        event.acceptProposedAction()
        text = pick(added, self.tr("{n} folder added"), self.tr("{n} folders added"))
        self.statusBar().showMessage(text.format(n=added), 5000)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Every job ends here, scan workers included, within two seconds.
        self.thumbnails.clear_pending()
        self.session.shutdown(2.0)
        self.save_settings()
        super().closeEvent(event)
