"""What the main window tells the user over itself: warnings, a risky export, a language."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from photodedup.core.cache import default_cache_path


def open_box(win, name: str) -> QMessageBox | None:
    boxes = [b for b in win.findChildren(QMessageBox, name) if b.isVisible()]
    return boxes[0] if boxes else None


def test_a_locked_cache_is_told_after_the_scan(qtbot, window, library, run_scan) -> None:
    window.folders.add_folders([str(library.root)])
    run_scan(window)  # makes the cache
    other = sqlite3.connect(default_cache_path(), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holding the cache's write lock
    try:
        for photo in library.singles:  # something new to save
            shutil.copyfile(photo, photo.replace(".jpg", "-new.jpg"))
        run_scan(window)
    finally:
        other.execute("ROLLBACK")
        other.close()
    qtbot.waitUntil(lambda: open_box(window, "scanWarnings") is not None, timeout=5000)
    box = open_box(window, "scanWarnings")
    assert "in use by another program" in box.informativeText()
    box.accept()


def test_export_asks_before_replacing_a_file_that_is_not_a_report(
    qtbot, window, library, run_scan, tmp_path: Path
) -> None:
    window.folders.add_folders([str(library.root)])
    run_scan(window)
    target = tmp_path / "IMG_0001.jpg"
    shutil.copyfile(library.singles[0], target)
    before = target.read_bytes()

    window.commands.export_to(str(target), json_format=False)
    box = open_box(window, "askReplace")
    assert box is not None and "not a photodedup report" in box.text()
    box.reject()
    assert target.read_bytes() == before

    window.commands.export_to(str(target), json_format=False)
    open_box(window, "askReplace").accept()
    assert target.read_text(encoding="utf-8").startswith("group,")

    report = tmp_path / "report.csv"
    window.commands.export_to(
        str(report), json_format=False
    )  # new, then an earlier report: no question
    window.commands.export_to(str(report), json_format=False)
    assert open_box(window, "askReplace") is None


def test_choosing_a_language_says_when_it_applies(qtbot, window) -> None:
    window.menu.languageChosen.emit("zh_CN")
    box = open_box(window, "languageNotice")
    assert box is not None and "next time" in box.text()
    assert window.settings.language == "zh_CN"
    box.accept()
