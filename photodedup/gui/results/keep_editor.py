"""Compose keep rules: the criteria in order, a format order, saved under a name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from photodedup.core.keep import BEST, DEFAULT_FORMATS, Criterion, KeepRule, parse_formats
from photodedup.gui.widgets.keep_words import criterion_text

_CRITERION = Qt.ItemDataRole.UserRole


def format_order_text(formats: tuple[str, ...]) -> str:
    return " > ".join("HEIC" if f == "HEIF" else f for f in formats)


class KeepRuleEditor(QDialog):
    """The user's own rules: a list of names on the left, the chosen one's criteria on the
    right (tick to use, drag or Up/Down to order). ``rules()`` gives (name, rule text)."""

    def __init__(self, rules: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keep Rules"))
        self._rules: list[tuple[str, KeepRule]] = [(n, KeepRule.parse(t)) for n, t in rules]
        self._shown = -1

        self.names = QListWidget(self)
        self.names.currentRowChanged.connect(self._show)
        self.new_button = QPushButton(self.tr("New"), self)
        self.new_button.clicked.connect(self.new_rule)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.clicked.connect(self.delete_rule)

        self.name_edit = QLineEdit(self)
        self.name_edit.textEdited.connect(self._renamed)
        self.criteria = QListWidget(self)
        self.criteria.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.criteria.setToolTip(
            self.tr("Ticked criteria decide in order, top first; drag to reorder")
        )
        self.up_button = QPushButton(self.tr("Up"), self)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton(self.tr("Down"), self)
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.formats_edit = QLineEdit(self)
        self.formats_edit.setPlaceholderText(format_order_text(DEFAULT_FORMATS))
        self.formats_edit.setToolTip(self.tr("For “Preferred format”: the best format first"))
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: palette(link)")

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Your rules:"), self))
        left.addWidget(self.names, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.delete_button)
        left.addLayout(row)

        self.editor = QWidget(self)
        form = QFormLayout(self.editor)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Name:"), self.name_edit)
        order = QHBoxLayout()
        order.addWidget(self.criteria, 1)
        moves = QVBoxLayout()
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        moves.addStretch(1)
        order.addLayout(moves)
        form.addRow(self.tr("Keep the copy with:"), order)
        form.addRow(self.tr("Format order:"), self.formats_edit)
        form.addRow(self.problem)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(self.editor, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(buttons)
        for name, _rule in self._rules:
            self.names.addItem(name)
        self.names.setCurrentRow(0 if self._rules else -1)
        self._update_enabled()
        # The criteria read whole, with room for the check boxes and a scroll bar.
        fm = self.fontMetrics()
        widest = max(fm.horizontalAdvance(criterion_text(c)) for c in Criterion)
        self.criteria.setMinimumWidth(widest + fm.height() * 4)
        row = max(self.criteria.sizeHintForRow(0), fm.height() + 4)
        self.criteria.setMinimumHeight(row * (len(Criterion) + 1))
        self.names.setMinimumWidth(fm.averageCharWidth() * 24)
        self.resize(self.sizeHint().width() + fm.averageCharWidth() * 6, self.sizeHint().height())

    # -- what the dialog gives back --------------------------------------------------
    def rules(self) -> list[tuple[str, str]]:
        self._store()
        return [(name, rule.criteria_text()) for name, rule in self._rules]

    def accept(self) -> None:
        problem = self._store()
        if problem:
            self.problem.setText(problem)
            return
        super().accept()

    # -- editing ---------------------------------------------------------------------
    def new_rule(self) -> None:
        if self._store():
            return
        taken = {n for n, _ in self._rules}
        name, n = self.tr("My rule"), 2
        while name in taken:
            name, n = self.tr("My rule %1").replace("%1", str(n)), n + 1
        self._rules.append((name, BEST))
        self.names.addItem(name)
        self.names.setCurrentRow(len(self._rules) - 1)
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def delete_rule(self) -> None:
        row = self.names.currentRow()
        if row < 0:
            return
        self._shown = -1  # nothing to store from the row going away
        del self._rules[row]
        self.names.takeItem(row)
        self._update_enabled()

    def move_current(self, step: int) -> None:
        row = self.criteria.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.criteria.count():
            return
        item = self.criteria.takeItem(row)
        self.criteria.insertItem(target, item)
        self.criteria.setCurrentRow(target)

    def _renamed(self, text: str) -> None:
        item = self.names.currentItem()
        if item is not None:
            item.setText(text)

    def _show(self, row: int) -> None:
        if self._shown >= 0 and self._shown != row:
            self._store()
        self._shown = row
        self._update_enabled()
        self.criteria.clear()
        if row < 0:
            self.name_edit.clear()
            self.formats_edit.clear()
            return
        name, rule = self._rules[row]
        self.name_edit.setText(name)
        used = list(rule.criteria)
        for criterion in used + [c for c in Criterion if c not in used]:
            item = QListWidgetItem(criterion_text(criterion))
            item.setData(_CRITERION, criterion.value)
            item.setFlags(
                (item.flags() | Qt.ItemFlag.ItemIsUserCheckable) & ~Qt.ItemFlag.ItemIsDropEnabled
            )
            checked = criterion in used
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.criteria.addItem(item)
        formats = rule.formats
        self.formats_edit.setText("" if formats == DEFAULT_FORMATS else format_order_text(formats))
        self.problem.clear()

    def _store(self) -> str:
        """Save what the editor shows into its rule; a problem to show, or ""."""
        row = self._shown
        if row < 0 or row >= len(self._rules):
            return ""
        name = self.name_edit.text().strip()
        if not name:
            return self.tr("Give the rule a name.")
        if any(n == name for i, (n, _) in enumerate(self._rules) if i != row):
            return self.tr("Another rule has this name.")
        chosen = []
        for i in range(self.criteria.count()):
            item = self.criteria.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append(Criterion(item.data(_CRITERION)))
        if not chosen:
            return self.tr("Tick at least one criterion.")
        formats = DEFAULT_FORMATS
        if self.formats_edit.text().strip():
            try:
                formats = parse_formats(self.formats_edit.text())
            except ValueError:
                return self.tr("Write the formats as HEIC > JPEG > PNG.")
        self._rules[row] = (name, KeepRule(tuple(chosen), formats))
        self.problem.clear()
        return ""

    def _update_enabled(self) -> None:
        has = self.names.currentRow() >= 0
        self.editor.setEnabled(has)
        self.delete_button.setEnabled(has)
