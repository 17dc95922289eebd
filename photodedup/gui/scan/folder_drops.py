"""Folders dropped anywhere on a window join the folder list."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from photodedup.gui.scan.folder_list import FolderList, folders_from_mime


class FolderDrops(QObject):
    """Watches ``window`` for drops of local folders (or files, for their folder)."""

    added = Signal(int)  # how many folders were new to the list

    def __init__(self, window: QWidget, folders: FolderList) -> None:
        super().__init__(window)
        self._folders = folders
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QDragEnterEvent | QDragMoveEvent):
            if folders_from_mime(event.mimeData()):
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if isinstance(event, QDropEvent):
            folders = folders_from_mime(event.mimeData())
            if not folders:
                event.ignore()
                return True
            added = self._folders.add_folders(folders)
            event.acceptProposedAction()
            self.added.emit(added)
            return True
        return False
