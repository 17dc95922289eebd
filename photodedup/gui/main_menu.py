"""The menu bar. It only shows the actions; the main window decides what they do."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMenuBar, QMessageBox, QWidget

from photodedup import __version__
from photodedup.gui.actions import Actions
from photodedup.gui.platform import i18n
from photodedup.gui.results.toolbar import SORTS


class MainMenuBar(QMenuBar):
    sortChosen = Signal(str)  # a key of results.toolbar.SORTS
    languageChosen = Signal(str)  # a language code, "" for the system's
    keepRuleChosen = Signal(str)  # a keep rule's text (a preset name or criteria)

    def __init__(
        self, actions: Actions, problems: QAction, language: str | None, parent: QWidget
    ) -> None:
        super().__init__(parent)
        file_menu = self.addMenu(self.tr("&File"))
        file_menu.addActions([actions.add_folder, actions.scan, actions.check_new, actions.export])
        file_menu.addSeparator()
        file_menu.addAction(actions.history)
        file_menu.addSeparator()
        file_menu.addAction(actions.quit)

        edit = self.addMenu(self.tr("&Edit"))
        edit.addActions([actions.mark, actions.unmark, actions.invert])
        edit.addSeparator()
        edit.addAction(actions.not_duplicates)
        edit.addSeparator()
        edit.addAction(actions.review)

        self.keep_menu = self.addMenu(self.tr("&Keep"))
        self._keep_group = QActionGroup(self.keep_menu)
        self.edit_rules = actions.edit_rules

        view = self.addMenu(self.tr("&View"))
        problems.setText(self.tr("&Problems panel"))
        view.addAction(problems)
        sort_menu = view.addMenu(self.tr("&Sort groups by"))
        for key, label in SORTS:
            act = sort_menu.addAction(QCoreApplication.translate("ResultsToolBar", label))
            act.triggered.connect(lambda _c=False, key=key: self.sortChosen.emit(key))
        self._language_menu(view.addMenu(self.tr("&Language")), language or "")

        help_menu = self.addMenu(self.tr("&Help"))
        help_menu.addAction(actions.about)
        actions.about.triggered.connect(self.about)

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
