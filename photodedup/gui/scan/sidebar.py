"""The left column: what to scan, how alike is alike, and the Scan button."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from photodedup.core.models import GroupOptions, ScanOptions, WalkOptions
from photodedup.gui.platform.settings import Settings
from photodedup.gui.scan.folder_list import FolderList
from photodedup.gui.scan.settings_panel import SettingsPanel
from photodedup.gui.widgets.action_button import ActionButton


class Sidebar(QWidget):
    def __init__(
        self, scan: QAction, add_folder: QAction | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.folders = FolderList(add_folder, self)
        self.panel = SettingsPanel(self)
        folders_box = QGroupBox(self.tr("Folders"), self)
        QVBoxLayout(folders_box).addWidget(self.folders)
        settings_box = QGroupBox(self.tr("Matching"), self)
        QVBoxLayout(settings_box).addWidget(self.panel)
        self.scan_button = ActionButton(scan, self)
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
        # A change now would not reach the running scan.
        self.panel.setEnabled(not scanning)

    def scan_options(self) -> ScanOptions:
        """What a scan of the folders with the chosen settings needs."""
        folders, panel = self.folders.folders(), self.panel
        return ScanOptions(
            walk=WalkOptions(
                roots=tuple(f.path for f in folders),
                exclude=tuple(panel.exclude_patterns()),
                min_size=panel.min_size_bytes(),
            ),
            hash=panel.hash_settings(),
            group=GroupOptions(
                distance=panel.distance(),
                rotations=panel.rotations.isChecked(),
                crops=panel.crops_on(),
                ignore_blank=not panel.include_blank.isChecked(),
                reference_dirs=tuple(f.path for f in folders if f.reference),
            ),
        )

    def load(self, settings: Settings) -> None:
        self.folders.set_folders(settings.folders)
        self.panel.load(settings)

    def save(self, settings: Settings) -> None:
        settings.folders = self.folders.folders()
        self.panel.save(settings)
