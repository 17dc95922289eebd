"""The context menu of one file in the results."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from photodedup.core.results import Member
from photodedup.gui.platform import file_actions


class FileMenu(QMenu):
    """Open, show, copy path; mark; compare; "not a duplicate" (not for the reference)."""

    markToggled = Signal(bool)
    compareRequested = Signal()
    notDuplicateRequested = Signal()

    def __init__(self, member: Member, is_reference: bool, marked: bool, parent: QWidget) -> None:
        super().__init__(parent)
        path = member.image.path
        self.addAction(self.tr("Open"), lambda: file_actions.open_file(path))
        self.addAction(
            self.tr("Show in file manager"), lambda: file_actions.show_in_file_manager(path)
        )
        self.addAction(self.tr("Copy path"), lambda: file_actions.copy_path(path))
        self.addSeparator()
        toggle = self.addAction(self.tr("Marked for removal"))
        toggle.setCheckable(True)
        toggle.setChecked(marked)
        toggle.setEnabled(not member.in_reference_folder)
        toggle.toggled.connect(self.markToggled)
        self.addAction(self.tr("Compare group…"), self.compareRequested.emit)
        not_dup = self.addAction(self.tr("Not a duplicate"), self.notDuplicateRequested.emit)
        not_dup.setEnabled(not is_reference)
        if is_reference:
            not_dup.setToolTip(self.tr("The other photos of the group are compared with this one"))
