"""The bar above the results: which copy to keep, bulk marks, order and filter."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QLabel,
    QLineEdit,
    QToolBar,
    QWidget,
)

from photodedup.core.keep import PRESETS, KeepRule
from photodedup.gui.platform.settings import Settings
from photodedup.gui.widgets.action_button import ActionButton
from photodedup.gui.widgets.keep_words import preset_label

# Translated where shown (self.tr); the NOOP marks let the translation tools find them.
SORTS = (
    ("bytes", QT_TRANSLATE_NOOP("ResultsToolBar", "Most space to free")),
    ("files", QT_TRANSLATE_NOOP("ResultsToolBar", "Most files")),
    ("path", QT_TRANSLATE_NOOP("ResultsToolBar", "Folder and name")),
)


class ResultsToolBar(QWidget):
    """Two tool bars, marks and view, side by side when they fit and one above the
    other when they do not (a 1024-pixel screen), so that Sort and Filter never hide
    behind a » button. Within a bar, what still does not fit (a very large font)
    goes behind its » instead of widening the window."""

    def __init__(
        self, mark: QAction, unmark: QAction, invert: QAction, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._marks_bar, self._view_bar = QToolBar(self), QToolBar(self)
        for bar in (self._marks_bar, self._view_bar):
            bar.setMovable(False)
            bar.setFloatable(False)
        self.rule_combo = QComboBox(self)
        self.rule_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.set_user_rules([])
        self.rule_combo.setToolTip(self.tr("Which copy of each group to keep"))
        # Buttons rather than tool buttons: they look like the commands they are.
        self.mark_button = ActionButton(mark, self)
        self.unmark_button = ActionButton(unmark, self)
        self.invert_button = ActionButton(invert, self)
        self.sort_combo = QComboBox(self)
        for key, label in SORTS:
            self.sort_combo.addItem(self.tr(label), key)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter by folder"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setFixedWidth(self.fontMetrics().averageCharWidth() * 22)

        marks, view = self._marks_bar, self._view_bar
        marks.addWidget(QLabel(self.tr("Keep:"), self))
        marks.addWidget(self.rule_combo)
        marks.addWidget(self.mark_button)
        marks.addWidget(self.unmark_button)
        marks.addWidget(self.invert_button)
        view.addWidget(QLabel(self.tr("Sort:"), self))
        view.addWidget(self.sort_combo)
        view.addWidget(self.filter_edit)
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addWidget(marks)
        self._layout.addStretch(1)
        self._layout.addWidget(view)

    def addSeparator(self) -> None:
        self._view_bar.addSeparator()

    def addAction(self, action: QAction) -> None:
        """Show ``action`` at the end of the bar (it is also listed in ``actions()``)."""
        self._view_bar.addAction(action)
        super().addAction(action)

    def is_stacked(self) -> bool:
        """Whether the view bar sits under the marks bar (the window is narrow)."""
        return self._layout.direction() == QBoxLayout.Direction.TopToBottom

    def resizeEvent(self, event) -> None:
        needed = self._marks_bar.sizeHint().width() + self._view_bar.sizeHint().width()
        wanted = (
            QBoxLayout.Direction.LeftToRight
            if event.size().width() >= needed
            else QBoxLayout.Direction.TopToBottom
        )
        if self._layout.direction() != wanted:
            self._layout.setDirection(wanted)
        super().resizeEvent(event)

    def rules(self) -> list[tuple[str, str]]:
        """Every rule offered, as (label, rule text), presets first."""
        combo = self.rule_combo
        return [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]

    def set_user_rules(self, rules: list[tuple[str, str]]) -> None:
        """Offer the presets and then ``rules`` (name, rule text); keep the choice if it stays."""
        current = self.rule_combo.currentData()
        self.rule_combo.blockSignals(True)
        self.rule_combo.clear()
        for name in PRESETS:
            self.rule_combo.addItem(preset_label(name), name)
        for name, text in rules:
            self.rule_combo.addItem(name, text)
        self.rule_combo.setCurrentIndex(max(0, self.rule_combo.findData(current)))
        self.rule_combo.blockSignals(False)

    def load(self, settings: Settings) -> None:
        self.set_user_rules(settings.keep_rules)
        self.set_rule(settings.selection_rule)
        self.sort_combo.setCurrentIndex(max(0, self.sort_combo.findData(settings.sort_key)))

    def save(self, settings: Settings) -> None:
        settings.selection_rule = self.rule_combo.currentData()
        settings.sort_key = self.sort_combo.currentData()

    def set_rule(self, rule: str) -> None:
        """Show ``rule`` without re-marking (as when loading the saved choice)."""
        try:
            rule = KeepRule.parse(rule).text()
        except ValueError:
            rule = "best"
        self.rule_combo.blockSignals(True)
        index = self.rule_combo.findData(rule)
        if index < 0:
            index = self.rule_combo.findData(KeepRule.parse(rule).criteria_text())
        self.rule_combo.setCurrentIndex(max(0, index))
        self.rule_combo.blockSignals(False)

    def set_results_enabled(self, enabled: bool) -> None:
        self.rule_combo.setEnabled(enabled)  # the buttons follow their actions
