"""The left column: what to scan, how alike is alike, and the Scan button."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QPushButton, QVBoxLayout, QWidget

from photodedup.gui.scan.folder_list import FolderList
from photodedup.gui.scan.settings_panel import SettingsPanel


class Sidebar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(folders_box, 1)
        layout.addWidget(settings_box)
        layout.addWidget(self.scan_button)

    def set_scanning(self, scanning: bool) -> None:
        self.scan_button.setText(self.tr("Cancel scan") if scanning else self.tr("Scan"))
        # A change now would not reach the running scan.
        self.panel.setEnabled(not scanning)
