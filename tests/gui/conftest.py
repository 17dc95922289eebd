"""GUI fixtures: a configured QApplication and a small generated photo library."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import imagegen
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from photodedup.core.ignore import IgnoreList
from photodedup.gui.app import create_app
from photodedup.gui.main_window import MainWindow
from photodedup.gui.platform.settings import Settings
from photodedup.gui.review.dialog import ReviewDialog


@pytest.fixture(scope="session")
def qapp(qapp_args) -> QApplication:
    """pytest-qt's application, named and styled as the real app is."""
    return create_app(qapp_args or ["photodedup-tests"])


@dataclass
class Library:
    """Folders of photos and the groups a scan must find in them."""

    root: Path
    originals: Path  # full-size photos
    copies: Path  # resized and recompressed copies of some of them
    groups: list[set[str]] = field(default_factory=list)  # expected, as path sets
    singles: list[str] = field(default_factory=list)  # photos without a look-alike


def build_library(root: Path) -> Library:
    lib = Library(root, root / "originals", root / "copies")
    for seed in (1, 2, 3):
        base = imagegen.photo(seed, (480, 360))
        big = imagegen.save(base, lib.originals / f"photo{seed}.jpg", taken="2021:06:01 12:00:00")
        small = imagegen.save(
            imagegen.resized(base, 0.5), lib.copies / f"photo{seed}-small.jpg", quality=70
        )
        group = {str(big), str(small)}
        if seed == 1:  # a third copy, recompressed at full size, in a subfolder
            again = imagegen.save(base, lib.copies / "more" / "photo1-again.jpg", quality=60)
            group.add(str(again))
        lib.groups.append(group)
    for seed in (10, 11, 12):
        lib.singles.append(
            str(imagegen.save(imagegen.photo(seed, (320, 240)), lib.originals / f"other{seed}.jpg"))
        )
    return lib


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return build_library(tmp_path / "photos")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(str(tmp_path / "settings.ini"))


@pytest.fixture
def window(qtbot, settings: Settings, tmp_path: Path):
    """A main window with private settings, ignore list and thumbnail cache."""
    win = MainWindow(
        settings,
        ignore=IgnoreList(str(tmp_path / "ignore.json")),
        thumbnail_dir=str(tmp_path / "thumbs"),
    )
    qtbot.addWidget(win)
    win.panel.min_size.setValue(0)  # the test photos are small
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.is_scanning():
        win.cancel_scan()
        qtbot.waitUntil(lambda: not win.is_scanning(), timeout=10_000)


@pytest.fixture
def make_library():
    """``make_library(root)`` builds another library where a test wants it."""
    return build_library


@pytest.fixture
def run_scan(qtbot):
    """``run_scan(window)`` starts a scan and waits until the window is idle again."""

    def run(win: MainWindow, timeout: int = 60_000) -> None:
        win.start_scan()
        assert win.is_scanning()
        qtbot.waitUntil(lambda: not win.is_scanning(), timeout=timeout)

    return run


@pytest.fixture
def review(qtbot):
    """``review(window, handler)`` asks for the review as the user does (``start``, by
    default the review command), which opens while a job checks the files; ``handler``
    gets the dialog once the check is done and the list made, and must close it.
    Returns when it closed."""

    def run(win: MainWindow, handler, start=None, timeout: int = 60_000) -> ReviewDialog:
        seen: list[ReviewDialog] = []

        def poll() -> None:
            dialog = QApplication.activeModalWidget()
            if isinstance(dialog, ReviewDialog) and dialog.isVisible() and dialog.review.is_ready():
                seen.append(dialog)
                handler(dialog)
            elif not seen:
                QTimer.singleShot(20, poll)

        QTimer.singleShot(0, poll)
        (start or win.commands.review)()
        qtbot.waitUntil(lambda: bool(seen) and not win.commands.reviewer.is_busy(), timeout=timeout)
        return seen[0]

    return run
