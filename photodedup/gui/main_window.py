"""The main window: folders and settings on the left, the duplicate groups on the right."""

from __future__ import annotations

import os
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMimeData, Qt, QThread, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from photodedup import __version__
from photodedup.core import export, select
from photodedup.core.ignore import IgnoreList
from photodedup.core.models import Progress, ScanResult
from photodedup.core.scan import ScanOptions, regroup
from photodedup.gui import (
    file_actions,
    i18n,
    pyside_fixes,  # noqa: F401 (must run before Qt use)
)
from photodedup.gui.compare_view import CompareView
from photodedup.gui.empty_state import EmptyState
from photodedup.gui.errors_panel import ErrorsPanel
from photodedup.gui.folder_list import FolderList
from photodedup.gui.results_delegate import human_size, metrics
from photodedup.gui.results_model import ResultsModel
from photodedup.gui.results_view import ResultsView
from photodedup.gui.review_dialog import ReviewDialog, open_log_file
from photodedup.gui.scan_progress import ScanProgress
from photodedup.gui.scan_worker import ScanOutcome, ScanWorker, start_scan
from photodedup.gui.settings import Settings
from photodedup.gui.settings_panel import SettingsPanel
from photodedup.gui.thumbnails import ThumbnailCache

# Translated where shown (self.tr); the NOOP marks let the translation tools find them.
_SORTS = (
    ("bytes", QT_TRANSLATE_NOOP("MainWindow", "Most space to free")),
    ("files", QT_TRANSLATE_NOOP("MainWindow", "Most files")),
    ("path", QT_TRANSLATE_NOOP("MainWindow", "Folder and name")),
)
_RULE_LABELS = (  # the engine's select.RULES labels
    QT_TRANSLATE_NOOP("MainWindow", "Highest resolution"),
    QT_TRANSLATE_NOOP("MainWindow", "Largest file"),
    QT_TRANSLATE_NOOP("MainWindow", "Oldest"),
    QT_TRANSLATE_NOOP("MainWindow", "Newest"),
)


def folders_from_mime(mime: QMimeData) -> list[str]:
    """Local folders in dropped data; a dropped file stands for the folder holding it."""
    out: list[str] = []
    for url in mime.urls():
        if not url.isLocalFile():
            continue
        path = url.toLocalFile()
        folder = path if os.path.isdir(path) else os.path.dirname(path)
        if folder and folder not in out:
            out.append(folder)
    return out


class MainWindow(QMainWindow):
    def __init__(
        self,
        settings: Settings | None = None,
        *,
        ignore: IgnoreList | None = None,
        thumbnails: ThumbnailCache | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.ignore = ignore or IgnoreList()
        self.setWindowTitle("photodedup")
        self.setAcceptDrops(True)
        self._result: ScanResult | None = None
        self._options: ScanOptions | None = None
        self._thread: QThread | None = None
        self._worker: ScanWorker | None = None
        self.thumbnails = thumbnails or ThumbnailCache(parent=self)
        self.thumbnails.box = metrics(self.font()).box
        self.thumbnails.device_pixel_ratio = self.devicePixelRatioF()

        self.model = ResultsModel(self)
        self.view = ResultsView(self.thumbnails, self)
        self.view.setModel(self.model)
        self.thumbnails.thumbnailReady.connect(self.model.refresh_path)
        self.errors = ErrorsPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.errors)
        self.errors.hide()

        self._build_sidebar()
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
        self._build_menus()
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
    def _build_sidebar(self) -> None:
        self.folders = FolderList(self)
        self.panel = SettingsPanel(self)
        folders_box = QGroupBox(self.tr("Folders"), self)
        QVBoxLayout(folders_box).addWidget(self.folders)
        settings_box = QGroupBox(self.tr("Matching"), self)
        QVBoxLayout(settings_box).addWidget(self.panel)
        self.scan_button = QPushButton(self.tr("Scan"), self)
        self.scan_button.setDefault(True)
        bold = self.scan_button.font()
        bold.setBold(True)
        self.scan_button.setFont(bold)
        self.scan_button.setMinimumHeight(self.fontMetrics().height() * 2)
        self.sidebar = QWidget(self)
        layout = QVBoxLayout(self.sidebar)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(folders_box, 1)
        layout.addWidget(settings_box)
        layout.addWidget(self.scan_button)

    def _build_results_area(self) -> None:
        self.rule_combo = QComboBox(self)
        for key, label in select.RULES.items():
            self.rule_combo.addItem(self.tr(label), key)
        self.rule_combo.setToolTip(self.tr("Which copy of each group to keep"))
        self.mark_button = QPushButton(self.tr("Mark all but best"), self)
        self.unmark_button = QPushButton(self.tr("Unmark all"), self)
        self.sort_combo = QComboBox(self)
        for key, label in _SORTS:
            self.sort_combo.addItem(self.tr(label), key)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter by folder"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setFixedWidth(self.fontMetrics().averageCharWidth() * 22)
        self.review_button = QPushButton(self.tr("Review and remove…"), self)
        self.review_button.setToolTip(self.tr("Review the marked files and move them to the trash"))
        # A tool bar rather than a row of widgets: with a large font or a narrow window
        # what does not fit goes behind its » button instead of widening the window.
        bar = QToolBar(self)
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.addWidget(QLabel(self.tr("Keep:"), self))
        bar.addWidget(self.rule_combo)
        bar.addWidget(self.mark_button)
        bar.addWidget(self.unmark_button)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addWidget(QLabel(self.tr("Sort:"), self))
        bar.addWidget(self.sort_combo)
        bar.addWidget(self.filter_edit)
        self.empty = EmptyState(self)
        self.progress = ScanProgress(self)
        self.stack = QStackedWidget(self)
        for page in (self.empty, self.progress, self.view):
            self.stack.addWidget(page)
        self.results_bar = bar
        self.results_area = QWidget(self)
        layout = QVBoxLayout(self.results_area)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.results_bar)
        layout.addWidget(self.stack, 1)

    def _build_menus(self) -> None:
        def action(menu: QMenu, text: str, slot, shortcut=None) -> QAction:
            act = menu.addAction(text)
            act.triggered.connect(slot)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            return act

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        action(file_menu, self.tr("&Add folder…"), self.folders.choose_folder, "Ctrl+O")
        self.scan_action = action(file_menu, self.tr("&Scan"), self.toggle_scan, "F5")
        self.export_action = action(file_menu, self.tr("&Export results…"), self.export, "Ctrl+E")
        file_menu.addSeparator()
        action(file_menu, self.tr("Open trash &log"), lambda: open_log_file(self))
        file_menu.addSeparator()
        action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        edit = self.menuBar().addMenu(self.tr("&Edit"))
        action(edit, self.tr("&Mark all but best"), self.mark_all_but_best)
        action(edit, self.tr("&Unmark all"), self.model.unmark_all)
        action(edit, self.tr("&Invert marks in group"), self.invert_group, "Ctrl+I")
        edit.addSeparator()
        action(edit, self.tr("&Review and remove marked…"), self.review)

        view = self.menuBar().addMenu(self.tr("&View"))
        errors_action = self.errors.toggleViewAction()
        errors_action.setText(self.tr("&Problems panel"))
        view.addAction(errors_action)
        sort_menu = view.addMenu(self.tr("&Sort groups by"))
        for i, (_key, label) in enumerate(_SORTS):
            action(
                sort_menu, self.tr(label), lambda _c=False, i=i: self.sort_combo.setCurrentIndex(i)
            )
        self.language_menu = view.addMenu(self.tr("&Language"))
        self._fill_language_menu()

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        action(help_menu, self.tr("&About photodedup"), self.about)

    def _fill_language_menu(self) -> None:
        choices = {"": self.tr("System default"), **i18n.available_languages()}
        current = self.settings.language or ""
        group = QActionGroup(self.language_menu)
        for code, name in choices.items():
            act = self.language_menu.addAction(name)
            act.setCheckable(True)
            act.setChecked(code == current)
            group.addAction(act)
            act.triggered.connect(lambda _c=False, code=code: self._set_language(code))

    def _connect(self) -> None:
        self.folders.foldersChanged.connect(self._folders_changed)
        self.panel.groupingChanged.connect(self._regroup_timer.start)
        self.panel.scanSettingsChanged.connect(self._scan_settings_changed)
        self.scan_button.clicked.connect(self.toggle_scan)
        self.empty.addFolderRequested.connect(self.folders.choose_folder)
        self.empty.scanRequested.connect(self.toggle_scan)
        self.progress.cancelRequested.connect(self.cancel_scan)
        self.rule_combo.currentIndexChanged.connect(self.mark_all_but_best)
        self.mark_button.clicked.connect(self.mark_all_but_best)
        self.unmark_button.clicked.connect(self.model.unmark_all)
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

    def _load_settings(self) -> None:
        s = self.settings
        self.folders.set_folders(s.folders)
        self.panel.load(s)
        self.rule_combo.blockSignals(True)
        self.rule_combo.setCurrentIndex(max(0, self.rule_combo.findData(s.selection_rule)))
        self.rule_combo.blockSignals(False)
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
            roots=tuple(f.path for f in folders),
            exclude=tuple(self.panel.exclude_patterns()),
            min_size=self.panel.min_size_bytes(),
            hash=self.panel.hash_settings(),
            distance=self.panel.distance(),
            rotations=self.panel.rotations.isChecked(),
            reference_dirs=tuple(f.path for f in folders if f.reference),
        )

    def is_scanning(self) -> bool:
        return self._worker is not None

    def toggle_scan(self) -> None:
        if self.is_scanning():
            self.cancel_scan()
        else:
            self.start_scan()

    def start_scan(self) -> None:
        options = self.scan_options()
        if not options.roots:
            self.status.setText(self.tr("Add a folder to scan first."))
            return
        self.save_settings()
        self.thumbnails.clear_pending()
        self._worker = ScanWorker(options, self.rule_combo.currentData(), self.ignore)
        self._worker.progress.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.cancelled.connect(self._on_cancelled)
        self._worker.failed.connect(self._on_failed)
        self.progress.reset()
        self.stack.setCurrentWidget(self.progress)
        self.scan_button.setText(self.tr("Cancel scan"))
        self.scan_action.setText(self.tr("Cancel &scan"))
        self.status.setText(self.tr("Scanning…"))
        self._set_results_enabled(False)
        self.panel.setEnabled(False)  # a change now would not reach the running scan
        self._thread = start_scan(self._worker, self)

    def cancel_scan(self) -> None:
        if self._worker is not None:
            self._worker.cancel.set()
            self.progress.cancelling()
            self.scan_button.setEnabled(False)

    def _on_progress(self, progress: Progress) -> None:
        self.progress.show_progress(progress)

    def _on_finished(self, outcome: ScanOutcome) -> None:
        options = self._worker.options if self._worker else self.scan_options()
        self._scan_ended()
        self._result, self._options = outcome.result, options
        self.model.set_groups(outcome.groups, outcome.marked)
        self.errors.set_errors(outcome.result.errors)
        self._show_results_or_empty()
        if outcome.result.errors:
            self.resizeDocks([self.errors], [self.height() // 4], Qt.Orientation.Vertical)
        for warning in outcome.result.warnings + self.ignore.warnings:
            self.statusBar().showMessage(warning, 15000)

    def _on_cancelled(self) -> None:
        self._scan_ended()
        self._show_results_or_empty()
        self.statusBar().showMessage(self.tr("Scan cancelled; what was read is cached."), 8000)

    def _on_failed(self, message: str) -> None:
        self._scan_ended()
        self._show_results_or_empty()
        QMessageBox.warning(self, self.tr("Scan failed"), message)

    def _scan_ended(self) -> None:
        if self._thread is not None:
            self._thread.wait(5000)
        self._worker = self._thread = None
        self.panel.setEnabled(True)
        self._set_idle()

    def _set_idle(self) -> None:
        self.scan_button.setText(self.tr("Scan"))
        self.scan_button.setEnabled(True)
        self.scan_action.setText(self.tr("&Scan"))
        self._set_results_enabled(True)
        self._update_status()
        if self.stack.currentWidget() is not self.view:
            self.empty.show_start(bool(self.folders.folders()))

    def _show_results_or_empty(self) -> None:
        self._set_results_enabled(not self.is_scanning())
        if self.model.total_groups():
            self.stack.setCurrentWidget(self.view)
            self.view.setFocus()
        elif self._result is not None:
            self.empty.show_nothing_found(len(self._result.images))
            self.stack.setCurrentWidget(self.empty)
        else:
            self.empty.show_start(bool(self.folders.folders()))
            self.stack.setCurrentWidget(self.empty)

    def _set_results_enabled(self, enabled: bool) -> None:
        has = enabled and self.model.total_groups() > 0
        # The bar only makes sense over results; before the first scan it is noise.
        shown = self._result is not None and not self.is_scanning()
        self.results_bar.setVisible(shown)
        self.review_button.setVisible(shown)
        for widget in (self.mark_button, self.unmark_button, self.review_button, self.rule_combo):
            widget.setEnabled(has)
        self.export_action.setEnabled(enabled and self._result is not None)

    def _folders_changed(self) -> None:
        self.settings.folders = self.folders.folders()
        if self.stack.currentWidget() is self.empty and self._result is None:
            self.empty.show_start(bool(self.folders.folders()))
        if self._result is not None:
            self._regroup_timer.start()  # a reference flag may have changed

    def _scan_settings_changed(self) -> None:
        self.panel.save(self.settings)
        if self._result is not None and not self.is_scanning():
            self.statusBar().showMessage(self.tr("Scan again to apply the new settings."), 8000)

    def regroup(self) -> None:
        """Apply a new similarity, rotation or reference setting to the last scan."""
        self.panel.save(self.settings)
        if self._result is None or self._options is None or self.is_scanning():
            return
        if self.panel.hash_settings() != self._options.hash:
            return  # another hash needs a new scan; the old hashes would not compare
        current = self.scan_options()
        options = replace(
            self._options,
            distance=current.distance,
            rotations=current.rotations,
            reference_dirs=current.reference_dirs,
        )
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            groups = self.ignore.apply(regroup(self._result, options))
            marked = select.premark(groups, self.rule_combo.currentData())
        finally:
            QApplication.restoreOverrideCursor()
        self._options = options
        self.model.set_groups(groups, marked)
        self._show_results_or_empty()
        self._set_results_enabled(True)

    # -- results ------------------------------------------------------------------------
    def mark_all_but_best(self) -> None:
        self.settings.selection_rule = self.rule_combo.currentData()
        self.model.mark_all_but_best(self.rule_combo.currentData())

    def invert_group(self) -> None:
        current = self.view.currentIndex()
        if current.isValid():
            self.model.invert_group(current.row())

    def _update_status(self) -> None:
        if self.is_scanning():
            return
        if self._result is None:
            self.status.setText(self.tr("Ready"))
            return
        text = self.tr("{groups} groups · {marked} files marked · {size} to free").format(
            groups=self.model.total_groups(),
            marked=self.model.marked_count(),
            size=human_size(self.model.bytes_to_free()),
        )
        full = self.model.fully_marked_groups()
        if full:
            text += " · " + self.tr("{n} groups have every copy marked").format(n=full)
        self.status.setText(text)

    def compare(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        dialog = CompareView(self.model.group_at(row), self.model.marked(), self)
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
        dialog = ReviewDialog(self.model.groups_in_view_order(), self.model.marked(), self)
        dialog.filesRemoved.connect(self._files_removed)
        dialog.exec()
        self._files_removed(list(dialog.removed_paths()))
        dialog.deleteLater()

    def _files_removed(self, paths: list[str]) -> None:
        gone = set(paths)
        if not gone:
            return
        self.model.remove_paths(gone)
        self.thumbnails.forget(gone)
        if self._result is not None:
            self._result.images = [r for r in self._result.images if r.path not in gone]
        self._show_results_or_empty()
        if not self.model.total_groups():
            self.empty.show_all_done()
        self._set_results_enabled(True)

    def _file_menu(self, row: int, member: int, pos) -> None:
        group = self.model.group_at(row)
        m = group.members[member]
        path = m.image.path
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: file_actions.open_file(path))
        menu.addAction(
            self.tr("Show in file manager"), lambda: file_actions.show_in_file_manager(path)
        )
        menu.addAction(self.tr("Copy path"), lambda: file_actions.copy_path(path))
        menu.addSeparator()
        toggle = menu.addAction(self.tr("Marked for removal"))
        toggle.setCheckable(True)
        toggle.setChecked(self.model.is_marked(path))
        toggle.setEnabled(not m.in_reference_folder)
        toggle.toggled.connect(lambda on: self.model.set_marked(path, on))
        menu.addAction(self.tr("Compare group…"), lambda: self.compare(row))
        not_dup = menu.addAction(
            self.tr("Not a duplicate"), lambda: self.not_a_duplicate(row, path)
        )
        not_dup.setEnabled(member > 0)
        if member == 0:
            not_dup.setToolTip(self.tr("This is the group's reference photo"))
        menu.exec(pos)

    def not_a_duplicate(self, row: int, path: str) -> None:
        """Remember that ``path`` differs from its group's reference and take it out."""
        reference = self.model.group_at(row).reference.path
        self.ignore.add(reference, path)
        self.model.set_groups(self.ignore.apply(self.model.groups()), self.model.marked())
        self._show_results_or_empty()
        self.view.set_current(min(row, self.model.rowCount() - 1), 0)

    def export(self) -> None:
        if self._result is None or self._options is None:
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
                    export.write_json(self._result, self._options, fp, groups=self.model.groups())
                else:
                    export.write_csv(self.model.groups(), fp)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), f"{path}: {exc.strerror or exc}")
            return
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 8000)

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About photodedup"),
            self.tr(
                "<h3>photodedup {version}</h3><p>Finds near-duplicate photos — resized, "
                "recompressed, rotated or lightly edited copies — and moves the copies you "
                "choose to the system trash.</p><p>Nothing is ever deleted permanently.</p>"
            ).format(version=__version__),
        )

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
        self.statusBar().showMessage(self.tr("{n} folders added").format(n=added), 5000)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._worker is not None:
            self._worker.cancel.set()
            if self._thread is not None:
                self._thread.wait(5000)
        self.thumbnails.shutdown()
        self.save_settings()
        super().closeEvent(event)
