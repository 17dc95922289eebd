"""Start the desktop app: ``photodedup [FOLDER...]``.

The arguments are parsed before Qt and the window's modules load (about 1.5 s
on a loaded machine), so ``--version`` and ``--help`` answer at once; Qt is
imported inside the functions that need it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from photodedup import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

ORGANIZATION = "photodedup"
APPLICATION = "photodedup"
# How long a thread running Python keeps the GIL from one that asks (Python's default
# is 5 ms); see create_app.
GIL_SWITCH_SECONDS = 0.0002


def create_app(argv: Sequence[str]) -> QApplication:
    """The QApplication with photodedup's name, icon, style and language."""
    from PySide6.QtWidgets import QApplication

    from photodedup.gui.platform import (
        main_thread_gc,
        pyside_fixes,  # noqa: F401 (must run before Qt use)
        resources,
    )

    app = QApplication.instance() or QApplication(list(argv))
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    # Lets Wayland compositors and docks match the window to the desktop entry's icon.
    app.setDesktopFileName("io.github.photodedup.Photodedup")
    # Fusion looks the same everywhere and follows the platform's light or dark palette.
    app.setStyle("Fusion")
    app.setWindowIcon(resources.app_icon())
    main_thread_gc.install(app)  # Qt objects in garbage must never go from a worker thread
    # The GUI thread takes the GIL for every Python call Qt makes (a paint, a model's
    # data()), hundreds per frame, and each time waits out the switch interval of a
    # job thread running Python. At the default 5 ms a review list or a results page
    # painted while a job ran froze the window for 0.3-0.8 s (bench/bench_gui.py).
    sys.setswitchinterval(GIL_SWITCH_SECONDS)
    return app


def build_parser() -> argparse.ArgumentParser:
    """The app's own options; Qt's (``-platform``, ``-style``...) pass through."""
    parser = argparse.ArgumentParser(
        prog="photodedup",
        description="Find near-duplicate photos and move the copies you choose to the trash."
        " Opens the app window; photodedup-cli scans from a terminal.",
    )
    parser.add_argument("folders", nargs="*", metavar="FOLDER", help="folders to scan")
    parser.add_argument("--version", action="version", version=f"photodedup {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):  # the frozen bundle's scan workers start here too
        import multiprocessing

        multiprocessing.freeze_support()
    argv = list(sys.argv if argv is None else argv)
    if sys.stdout is not None:  # a windowed build on Windows has no console to print to
        # Usage and version are printed before Qt starts: they need no display.
        try:
            build_parser().parse_known_args(argv[1:])
        except SystemExit as done:
            return done.code if isinstance(done.code, int) else 0
    from PySide6.QtCore import QTimer

    from photodedup.gui.main_window import MainWindow
    from photodedup.gui.platform import i18n
    from photodedup.gui.platform.settings import Settings

    app = create_app(argv)
    settings = Settings()
    i18n.install_translators(app, settings.language)
    window = MainWindow(settings)
    folders = [a for a in app.arguments()[1:] if not a.startswith("-")]
    if folders:
        window.folders.add_folders(folders)
    window.show()
    quit_after = os.environ.get("PHOTODEDUP_QUIT_AFTER_MS", "")
    if quit_after.isdigit():  # smoke tests of installed builds: quit once the window is up
        QTimer.singleShot(int(quit_after), app.quit)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
