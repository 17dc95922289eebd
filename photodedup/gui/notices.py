"""Messages the main window shows over itself: scan warnings, a risky export, a new language.

Each opens window-modal and returns at once (``open``), so nothing waits on the
user inside a slot; the box deletes itself when closed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from photodedup.gui.platform.formatting import display_path


def show_scan_warnings(parent: QWidget, warnings: list[str]) -> QMessageBox | None:
    """List what went wrong around the scan (the cache, the ignore list), if anything."""
    if not warnings:
        return None
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Notices", "The scan finished with warnings"),
        QCoreApplication.translate("Notices", "The results are complete, but:"),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("scanWarnings")
    box.setInformativeText("\n\n".join(display_path(w) for w in warnings))
    _open(box)
    return box


def ask_replace(parent: QWidget, path: str) -> QMessageBox:
    """Ask before an export replaces ``path``, a file that is not a photodedup report.

    The answer comes through ``accepted`` (replace) or ``rejected``.
    """
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Notices", "Replace this file?"),
        QCoreApplication.translate(
            "Notices", "{path} is not a photodedup report. Replacing it loses what it holds."
        ).format(path=display_path(path)),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("askReplace")
    replace = box.addButton(
        QCoreApplication.translate("Notices", "Replace"), QMessageBox.ButtonRole.AcceptRole
    )
    keep = box.addButton(
        QCoreApplication.translate("Notices", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.buttonClicked.connect(lambda b: box.accept() if b is replace else box.reject())
    _open(box)
    return box


def language_notice(parent: QWidget, language: str) -> QMessageBox:
    """Say when a newly chosen language takes effect."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("Notices", "Language"),
        QCoreApplication.translate(
            "Notices", "photodedup will be in {language} the next time it starts."
        ).format(language=language),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("languageNotice")
    box.setInformativeText(
        QCoreApplication.translate("Notices", "Quit and start photodedup again to see it now.")
    )
    _open(box)
    return box


def _open(box: QMessageBox) -> None:
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.finished.connect(box.deleteLater)
    box.open()
