"""The main window: folders and settings on the left, the duplicate groups on the right.

It lays the features out and wires them to the session and the commands; the
session does the work, the commands (commands.py, scan_commands.py) act on it,
the presenter decides which page, bars and commands its state calls for, and
the features show it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from photodedup.core.ignore import IgnoreList
from photodedup.core.models import ScanOptions
from photodedup.gui import notices
from photodedup.gui.actions import Actions
from photodedup.gui.check.drop_zone import CheckDropZone
from photodedup.gui.check_launcher import CheckLauncher
from photodedup.gui.commands import ResultsCommands
from photodedup.gui.main_menu import MainMenuBar
from photodedup.gui.platform import (
    i18n,
    pyside_fixes,  # noqa: F401 (must run before Qt use)
)
from photodedup.gui.platform.formatting import pick
from photodedup.gui.platform.settings import Settings
from photodedup.gui.presenter import Presenter
from photodedup.gui.results.model import ResultsModel
from photodedup.gui.results.sort_filter import SortFilter
from photodedup.gui.results.thumbnails import ThumbnailCache
from photodedup.gui.results.tile_layout import metrics
from photodedup.gui.results.toolbar import ResultsToolBar
from photodedup.gui.results.view import ResultsView
from photodedup.gui.scan.errors_panel import ErrorsPanel
from photodedup.gui.scan.folder_drops import FolderDrops
from photodedup.gui.scan.progress_panel import ScanProgress
from photodedup.gui.scan.sidebar import Sidebar
from photodedup.gui.scan_commands import ScanCommands
from photodedup.gui.session import Session
from photodedup.gui.widgets.action_button import ActionButton
from photodedup.gui.widgets.empty_state import EmptyState
from photodedup.gui.widgets.screen_fit import resize_on_screen


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
        self.session = Session(ignore, self, prepare=ResultsModel.prepare)
        self.actions = Actions(self)
        self.setWindowTitle("photodedup")
        self.thumbnails = ThumbnailCache(
            disk_dir=thumbnail_dir, pool=self.session.jobs.pool, parent=self
        )
        self.thumbnails.box = metrics(self.font()).box
        self.thumbnails.device_pixel_ratio = self.devicePixelRatioF()
        self.model = ResultsModel(self, marks=self.session.marks)
        self.view = ResultsView(self.thumbnails, self)
        self.view.setModel(self.model)
        self.errors = ErrorsPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.errors)
        self.errors.hide()
        self._build_layout()
        self._add_check(thumbnail_dir)
        self.commands = ResultsCommands(self)
        self.scans = ScanCommands(self)
        self.sort_filter = SortFilter(self.results_bar, self.model, self.view)
        self.presenter = Presenter(self)
        self._connect()
        self._load_settings()
        self.presenter.show_page()

    # -- layout -------------------------------------------------------------------------
    def _build_layout(self) -> None:
        a = self.actions
        self.sidebar = Sidebar(a.scan, a.add_folder, self)
        self.folders, self.panel = self.sidebar.folders, self.sidebar.panel
        self.drops = FolderDrops(self, self.folders)
        self.scan_button = self.sidebar.scan_button
        self.results_bar = ResultsToolBar(a.mark, a.unmark, a.invert, self)
        self.rule_combo = self.results_bar.rule_combo
        self.sort_combo = self.results_bar.sort_combo
        self.filter_edit = self.results_bar.filter_edit
        self.empty = EmptyState(a.add_folder, a.scan, self)
        self.progress = ScanProgress(self)
        self.stack = QStackedWidget(self)
        for page in (self.empty, self.progress, self.view):
            self.stack.addWidget(page)
        results_area = QWidget(self)
        column = QVBoxLayout(results_area)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.results_bar)
        column.addWidget(self.stack, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.sidebar)
        splitter.addWidget(results_area)
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

        self.menu = MainMenuBar(a, self.errors.toggleViewAction(), self.settings.language, self)
        self.setMenuBar(self.menu)
        self.status = QLabel(self)
        self.statusBar().addWidget(self.status, 1)
        self.statusBar().addPermanentWidget(self.errors.toggle_button)
        # The one action that touches files sits by the count of what it would touch.
        self.review_button = ActionButton(a.review, self)
        self.statusBar().addPermanentWidget(self.review_button)

    def _add_check(self, thumbnail_dir: str | None) -> None:
        """The "Check new photos" command: in the File menu, the tool bars and the
        start screen, where a card or photos can be dropped."""
        self.checker = CheckLauncher(
            self,
            self.session.jobs,
            lambda: [f.path for f in self.folders.folders()],
            self.scan_options,
            thumbnail_dir,
            self.settings,
        )
        action = self.check_action = self.actions.check_new
        action.triggered.connect(lambda: self.checker.open())
        self.check_button = ActionButton(action, self)
        self.sidebar.layout().addWidget(self.check_button)
        self.results_bar.addSeparator()
        self.results_bar.addAction(action)
        self.check_zone = CheckDropZone(self.empty)
        self.check_zone.pathsDropped.connect(self.checker.open)
        self.check_zone.clicked.connect(lambda: self.checker.open())
        self.empty.add_below(self.check_zone)

    def _connect(self) -> None:
        a, c, scans = self.actions, self.commands, self.scans
        a.add_folder.triggered.connect(self.folders.choose_folder)
        a.scan.triggered.connect(scans.toggle)
        a.export.triggered.connect(c.export)
        a.history.triggered.connect(c.removal_history)
        a.quit.triggered.connect(self.close)
        a.mark.triggered.connect(c.mark_all_but_best)
        a.unmark.triggered.connect(self.model.unmark_all)
        a.invert.triggered.connect(c.invert_group)
        a.review.triggered.connect(c.review)
        a.edit_rules.triggered.connect(c.edit_keep_rules)
        a.not_duplicates.triggered.connect(c.edit_not_duplicates)
        self.menu.keepRuleChosen.connect(c.choose_keep_rule)
        self.menu.sortChosen.connect(self.sort_filter.choose_sort)
        self.menu.languageChosen.connect(self._set_language)
        self.drops.added.connect(self._folders_added)
        self.folders.foldersChanged.connect(scans.folders_changed)
        self.panel.groupingChanged.connect(scans.regroup_timer.start)
        self.panel.scanSettingsChanged.connect(scans.settings_changed)
        self.progress.cancelRequested.connect(scans.cancel)
        self.rule_combo.currentIndexChanged.connect(c.mark_all_but_best)
        self.thumbnails.thumbnailReady.connect(self.view.thumbnail_ready)
        self.view.compareRequested.connect(c.compare)
        self.view.reviewRequested.connect(a.review.trigger)
        self.view.fileMenuRequested.connect(c.file_menu)

    def _load_settings(self) -> None:
        s = self.settings
        self.sidebar.load(s)
        self.results_bar.load(s)
        self.menu.set_keep_rules(self.results_bar.rules(), self.rule_combo.currentData())
        self.model.set_keep_rule(*self.keep_rule())
        if s.geometry is None or not self.restoreGeometry(s.geometry):
            resize_on_screen(self, 1240, 760)
        if s.window_state is not None:
            self.restoreState(s.window_state)

    def save_settings(self) -> None:
        s = self.settings
        self.sidebar.save(s)
        self.results_bar.save(s)
        s.geometry = self.saveGeometry()
        s.window_state = self.saveState()
        s.sync()

    # -- what is shown ------------------------------------------------------------------
    def say(self, text: str, ms: int = 15000) -> None:
        self.statusBar().showMessage(text, ms)

    # -- what the commands read ----------------------------------------------------------
    @property
    def ignore(self) -> IgnoreList:
        return self.session.ignore

    def scan_options(self) -> ScanOptions:
        return self.sidebar.scan_options()

    def keep_rule(self) -> tuple[str, tuple[str, ...]]:
        """The keep rule chosen, and the preferred folders: the folder list, top first."""
        return self.rule_combo.currentData(), tuple(f.path for f in self.folders.folders())

    def is_scanning(self) -> bool:
        return self.session.is_scanning()

    def start_scan(self) -> None:
        self.scans.start()

    def cancel_scan(self) -> None:
        self.scans.cancel()

    # -- small wiring -------------------------------------------------------------------
    def _set_language(self, code: str) -> None:
        self.settings.language = code or None
        name = i18n.available_languages().get(code) if code else None
        notices.language_notice(self, name or self.tr("the system's language"))

    def _folders_added(self, added: int) -> None:
        text = pick(added, self.tr("{n} folder added"), self.tr("{n} folders added"))
        self.say(text.format(n=added), 5000)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Every job ends here, scan workers included, within two seconds.
        self.thumbnails.clear_pending()
        self.session.shutdown(2.0)
        self.save_settings()
        super().closeEvent(event)
