"""Open the trash log, or say where it will be."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from photodedup.core import trash


def open_log_file(parent: QWidget | None = None) -> bool:
    """Open the trash log in the user's default app; say so if there is none yet."""
    path = trash.default_log_path()
    if os.path.exists(path) and QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
        return True
    if os.path.exists(path):
        text = QCoreApplication.translate(
            "ReviewDialog", "No app could open the log. It is here:\n%1"
        ).replace("%1", path)
    else:
        text = QCoreApplication.translate(
            "ReviewDialog",
            "Nothing has been moved to the Trash yet, so there is no log. It will be here:\n%1",
        ).replace("%1", path)
    title = QCoreApplication.translate("ReviewDialog", "Trash log")
    box = QMessageBox(QMessageBox.Icon.Information, title, text)
    box.setParent(parent, box.windowFlags())
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_boxes.append(box)  # a parentless box would be collected before it is seen
    box.destroyed.connect(lambda: _open_boxes.remove(box) if box in _open_boxes else None)
    box.open()
    return False


_open_boxes: list[QMessageBox] = []
