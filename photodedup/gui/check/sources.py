"""The top of the check window: which photos to check, and the library to check them against.

The photos are folders, cards or files the user adds; the library is the main
window's folders or an index file, which is remembered between runs.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from photodedup.core.check import Library
from photodedup.core.formats import IMAGE_EXTENSIONS, RAW_EXTENSIONS
from photodedup.gui.platform.formatting import display_path, pick
from photodedup.gui.platform.settings import Settings
from photodedup.gui.widgets.elided_label import ElidedLabel

# Every name the engine reads, camera RAW included, so the file dialog never hides a photo.
_IMAGE_GLOBS = " ".join(f"*{ext}" for ext in sorted({*IMAGE_EXTENSIONS, *RAW_EXTENSIONS}))


class CheckSources(QWidget):
    """The photos to check and the library; ``changed`` after either changes."""

    changed = Signal()

    def __init__(
        self,
        library_folders: Callable[[], Sequence[str]],
        remembered: Settings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``remembered`` keeps the index file chosen last between runs."""
        super().__init__(parent)
        self.library_folders = library_folders
        self.remembered = remembered
        self.queries: list[str] = []
        self.index_path = ""
        self._build()
        self._restore()
        self.refresh()

    def _build(self) -> None:
        self.queriesLabel = ElidedLabel("")
        self.addFolderButton = QPushButton(self.tr("Add folder or card…"))
        self.addFolderButton.clicked.connect(self.choose_folder)
        self.addFilesButton = QPushButton(self.tr("Add photos…"))
        self.addFilesButton.clicked.connect(self.choose_files)
        self.clearButton = QPushButton(self.tr("Clear"))
        self.clearButton.clicked.connect(lambda: self.set_queries([]))
        sources = QHBoxLayout()
        sources.addWidget(QLabel(self.tr("Photos to check:")))
        sources.addWidget(self.queriesLabel, 1)
        for b in (self.addFolderButton, self.addFilesButton, self.clearButton):
            sources.addWidget(b)

        self.foldersRadio = QRadioButton()
        self.indexRadio = QRadioButton(self.tr("An index file:"))
        self.libraryGroup = QButtonGroup(self)
        for r in (self.foldersRadio, self.indexRadio):
            self.libraryGroup.addButton(r)
        self.foldersRadio.setChecked(True)
        self.indexLabel = ElidedLabel("")
        self.chooseIndexButton = QPushButton(self.tr("Choose…"))
        self.chooseIndexButton.clicked.connect(self.choose_index)
        against = QHBoxLayout()
        against.addWidget(QLabel(self.tr("Check against:")))
        against.addWidget(self.foldersRadio)
        against.addSpacing(self.fontMetrics().height())
        against.addWidget(self.indexRadio)
        against.addWidget(self.indexLabel, 1)
        against.addWidget(self.chooseIndexButton)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(sources)
        layout.addLayout(against)
        self.foldersRadio.toggled.connect(self._against_changed)

    # -- choosing -----------------------------------------------------------------------
    def set_queries(self, paths: Sequence[str]) -> None:
        self.queries = list(dict.fromkeys(os.path.abspath(p) for p in paths))
        self._changed()

    def add_queries(self, paths: Sequence[str]) -> None:
        self.set_queries([*self.queries, *paths])

    def set_index(self, path: str) -> None:
        self.index_path = path
        self.indexRadio.setChecked(bool(path))
        if self.remembered is not None and path:
            self.remembered.check_index = path
        self._changed()

    def _restore(self) -> None:
        """The index file of last time, if it is still there, chosen as it was."""
        s = self.remembered
        if s is None or not s.check_index or not os.path.isfile(s.check_index):
            return
        self.index_path = s.check_index
        self.indexRadio.setChecked(s.check_against_index or not self.library_folders())

    def _against_changed(self) -> None:
        if self.remembered is not None:
            self.remembered.check_against_index = self.indexRadio.isChecked()
        self._changed()

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a Folder or Memory Card"))
        if folder:
            self.add_queries([folder])

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose Photos"),
            "",
            self.tr("Images (%1);;All files (*)").replace("%1", _IMAGE_GLOBS),
        )
        if files:
            self.add_queries(files)

    def choose_index(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose an Index File"),
            "",
            self.tr("photodedup index (*.pdindex);;All files (*)"),
        )
        if path:
            self.set_index(path)

    def library(self) -> Library | None:
        if self.indexRadio.isChecked():
            return Library(index=self.index_path) if self.index_path else None
        folders = tuple(self.library_folders())
        return Library(folders=folders) if folders else None

    # -- state --------------------------------------------------------------------------
    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()

    def refresh(self, busy: bool = False) -> None:
        """Show the choices; while ``busy`` (checking or copying) they cannot change."""
        if self.queries:
            self.queriesLabel.setText(", ".join(display_path(q) for q in self.queries))
        else:
            self.queriesLabel.setText(self.tr("none yet"))
        folders = list(self.library_folders())
        self.foldersRadio.setText(
            pick(
                len(folders),
                self.tr("The %1 folder in the main window"),
                self.tr("The %1 folders in the main window"),
            ).replace("%1", str(len(folders)))
        )
        self.foldersRadio.setEnabled(bool(folders))
        self.indexLabel.setText(display_path(self.index_path) if self.index_path else "")
        for w in (
            self.addFolderButton,
            self.addFilesButton,
            self.clearButton,
            self.chooseIndexButton,
        ):
            w.setEnabled(not busy)
