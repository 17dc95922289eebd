"""The menu bar. It only offers actions; the main window decides what they do."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QMessageBox, QWidget

from photodedup import __version__
from photodedup.gui.platform import i18n
from photodedup.gui.results.toolbar import SORTS


class MainMenuBar(QMenuBar):
    sortChosen = Signal(str)  # a key of results_toolbar.SORTS
    languageChosen = Signal(str)  # a language code, "" for the system's
    keepRuleChosen = Signal(str)  # a keep rule's text (a preset name or criteria)

    def __init__(self, problems: QAction, language: str | None, parent: QWidget) -> None:
        super().__init__(parent)
        file_menu = self.addMenu(self.tr("&File"))
        self.add_folder = self._add(file_menu, self.tr("&Add folder…"), "Ctrl+O")
        self.scan = self._add(file_menu, self.tr("&Scan"), "F5")
        self.export = self._add(file_menu, self.tr("&Export results…"), "Ctrl+E")
        file_menu.addSeparator()
        self.open_log = self._add(file_menu, self.tr("Open trash &log"))
        file_menu.addSeparator()
        self.quit = self._add(file_menu, self.tr("&Quit"), QKeySequence.StandardKey.Quit)

        edit = self.addMenu(self.tr("&Edit"))
        self.mark = self._add(edit, self.tr("&Mark all but best"))
        self.unmark = self._add(edit, self.tr("&Unmark all"))
        self.invert = self._add(edit, self.tr("&Invert marks in group"), "Ctrl+I")
        edit.addSeparator()
        self.not_duplicates = self._add(edit, self.tr("&Not duplicates…"))
        self.not_duplicates.setToolTip(self.tr("Photos you said are not duplicates"))
        edit.addSeparator()
        self.review = self._add(edit, self.tr("&Review and remove marked…"))

        self.keep_menu = self.addMenu(self.tr("&Keep"))
        self._keep_group = QActionGroup(self.keep_menu)
        self.edit_rules = QAction(self.tr("&Edit keep rules…"), self)

        view = self.addMenu(self.tr("&View"))
        problems.setText(self.tr("&Problems panel"))
        view.addAction(problems)
        sort_menu = view.addMenu(self.tr("&Sort groups by"))
        for key, label in SORTS:
            act = sort_menu.addAction(self.tr(label))
            act.triggered.connect(lambda _c=False, key=key: self.sortChosen.emit(key))
        self._language_menu(view.addMenu(self.tr("&Language")), language or "")

        help_menu = self.addMenu(self.tr("&Help"))
        self._add(help_menu, self.tr("&About photodedup")).triggered.connect(self.about)

    def set_keep_rules(self, rules: list[tuple[str, str]], current: str) -> None:
        """Offer ``rules`` (label, rule text) in the Keep menu, ``current`` ticked."""
        self.keep_menu.clear()
        for act in self._keep_group.actions():
            self._keep_group.removeAction(act)
            act.deleteLater()
        for label, text in rules:
            act = QAction(label, self.keep_menu)
            act.setCheckable(True)
            act.setData(text)
            act.setChecked(text == current)
            self._keep_group.addAction(act)
            self.keep_menu.addAction(act)
            act.triggered.connect(lambda _c=False, text=text: self.keepRuleChosen.emit(text))
        self.keep_menu.addSeparator()
        self.keep_menu.addAction(self.edit_rules)

    def show_keep_rule(self, current: str) -> None:
        for act in self._keep_group.actions():
            act.setChecked(act.data() == current)

    def set_scanning(self, scanning: bool) -> None:
        self.scan.setText(self.tr("Cancel &scan") if scanning else self.tr("&Scan"))

    def about(self) -> None:
        QMessageBox.about(
            self.parentWidget(),
            self.tr("About photodedup"),
            self.tr(
                "<h3>photodedup {version}</h3><p>Finds near-duplicate photos — resized, "
                "recompressed, rotated or lightly edited copies — and moves the copies you "
                "choose to the system trash.</p><p>Nothing is ever deleted permanently.</p>"
            ).format(version=__version__),
        )

    def _language_menu(self, menu: QMenu, current: str) -> None:
        choices = {"": self.tr("System default"), **i18n.available_languages()}
        group = QActionGroup(menu)
        for code, name in choices.items():
            act = menu.addAction(name)
            act.setCheckable(True)
            act.setChecked(code == current)
            group.addAction(act)
            act.triggered.connect(lambda _c=False, code=code: self.languageChosen.emit(code))

    @staticmethod
    def _add(menu: QMenu, text: str, shortcut=None) -> QAction:
        act = menu.addAction(text)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        return act
