"""Opens the "Check new photos" window from the main window, and its compare view.

Kept beside the main window, not in ``check/``: it joins two features (the
check window and the compare view), which do not import each other.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from photodedup.core.check import CheckSettings, Match, QueryResult
from photodedup.core.formats import sniff_format
from photodedup.core.models import ImageRecord, ScanOptions
from photodedup.core.results import Group, Member
from photodedup.gui.check.delegate import thumb_box
from photodedup.gui.check.window import CheckWindow
from photodedup.gui.compare.view import CompareView
from photodedup.gui.jobs import JobRunner
from photodedup.gui.platform.settings import Settings
from photodedup.gui.results.thumbnails import ThumbnailCache


class CheckLauncher(QObject):
    def __init__(
        self,
        parent: QWidget,
        runner: JobRunner,
        folders: Callable[[], Sequence[str]],
        options: Callable[[], ScanOptions],
        thumbnail_dir: str | None = None,
        remembered: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._runner = runner
        self._folders = folders
        self._options = options
        self._thumbnail_dir = thumbnail_dir
        self._remembered = remembered
        self.window: CheckWindow | None = None

    def settings(self) -> CheckSettings:
        """The main window's walk, fingerprint and similarity settings, for the check."""
        o = self._options()
        return CheckSettings(walk=o.walk, hash=o.hash, group=o.group)

    def open(self, paths: Sequence[str] = ()) -> CheckWindow:
        """Show the check window, with ``paths`` added to the photos to check."""
        if self.window is None:
            thumbnails = ThumbnailCache(
                thumb_box(self._parent.font()),
                disk_dir=self._thumbnail_dir,
                pool=self._runner.pool,
                parent=self,
            )
            thumbnails.device_pixel_ratio = self._parent.devicePixelRatioF()
            self.window = CheckWindow(
                self._runner,
                thumbnails,
                self._folders,
                self.settings,
                self._parent,
                remembered=self._remembered,
            )
            self.window.compareRequested.connect(self.compare)
        if paths:
            self.window.add_queries(list(paths))
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        return self.window

    def compare(self, result: QueryResult, match: Match) -> CompareView | None:
        """The photo beside its library match, to look at only: nothing can be marked."""
        if result.record is None or not os.path.exists(match.path):
            return None
        group = Group((Member(result.record, 0), Member(_record(match), match.distance)))
        dialog = CompareView(
            group, (), self.window or self._parent, read_only=True, pool=self._runner.pool
        )
        dialog.setWindowTitle(self.tr("New Photo and Its Library Match"))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog


def _record(match: Match) -> ImageRecord:
    """What the compare view shows of a library file it has only the check's facts of."""
    try:
        mtime_ns = os.stat(match.path).st_mtime_ns
        with open(match.path, "rb") as f:
            fmt = sniff_format(f.read(32)) or "?"
    except OSError:
        mtime_ns, fmt = 0, "?"
    return ImageRecord(
        path=match.path,
        size=match.size,
        mtime_ns=mtime_ns,
        format=fmt,
        width=match.width,
        height=match.height,
        hash=0,
        variants=(),
        digest="",
    )
