"""Open a file, show it in the file manager, copy its path: the platform's way."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication

from photodedup.gui.platform.formatting import display_path, file_url


def open_file(path: str) -> bool:
    """Open ``path`` in the user's default viewer."""
    return QDesktopServices.openUrl(file_url(path))


def show_in_file_manager(path: str) -> bool:
    """Open the folder holding ``path``, with the file selected where the platform can."""
    try:
        if sys.platform == "darwin":
            subprocess.Popen(["open", "-R", path])
            return True
        if sys.platform == "win32":
            subprocess.Popen(["explorer", "/select,", os.path.normpath(path)])
            return True
        if _freedesktop_show_items(path):
            return True
    except OSError:
        pass
    return QDesktopServices.openUrl(file_url(os.path.dirname(path)))


def copy_path(path: str) -> None:
    QGuiApplication.clipboard().setText(display_path(path))


def _freedesktop_show_items(path: str) -> bool:
    # The FileManager1 D-Bus interface selects the file in Nautilus, Dolphin, Nemo...;
    # without a session bus or a file manager that implements it, open the folder instead.
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return False
    command = [
        "dbus-send",
        "--session",
        "--print-reply",
        "--reply-timeout=1500",
        "--dest=org.freedesktop.FileManager1",
        "/org/freedesktop/FileManager1",
        "org.freedesktop.FileManager1.ShowItems",
        "array:string:" + file_url(path).toString(QUrl.ComponentFormattingOption.FullyEncoded),
        "string:",
    ]
    try:
        done = subprocess.run(command, capture_output=True, timeout=2, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0
