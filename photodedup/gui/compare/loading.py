"""Decoding the compare view's photos in a thread pool, at the size the screen needs.

The pool is the job runner's (the one the thumbnails use), so that ending the
jobs ends these too; a view that closes drops its loads not started yet and
waits only for the one or two running.
"""

from __future__ import annotations

import threading

from PIL import Image
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QImage

from photodedup.core.decode import DecodeError, decode
from photodedup.gui.platform.reasons import reason_text

MAX_SIDE = 4096  # longest side ever decoded for display: detail enough, memory bounded
# Above the thumbnails that share the pool: the photos in front of the user first.
_PRIORITY = 1


class Loads(QObject):
    """The loads of one compare view; each decoded photo comes as ``loaded``."""

    loaded = Signal(int, QImage, str)  # pane, image (null on error), error

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if pool is None:  # on its own (a test): a pool of its own
            pool = QThreadPool(self)
            pool.setMaxThreadCount(2)
        self._pool = pool
        self._loads: list[_Load] = []

    def start(self, pane: int, path: str, min_side: int) -> None:
        """Decode ``path`` upright at ``min_side`` (at most MAX_SIDE long) for ``pane``."""
        self._loads = [load for load in self._loads if not load.done.is_set()]
        load = _Load(self, pane, path, min_side)
        self._loads.append(load)
        self._pool.start(load, _PRIORITY)

    def stop(self) -> None:
        """Drop the loads not started; wait for the running ones, which report here."""
        for load in self._loads:
            if not self._pool.tryTake(load):
                load.done.wait()
        self._loads.clear()


class _Load(QRunnable):
    def __init__(self, loads: Loads, pane: int, path: str, min_side: int):
        super().__init__()
        self.setAutoDelete(False)  # kept by Loads, so that it can be taken back
        self.done = threading.Event()
        self._args = (loads, pane, path, min_side)

    def run(self) -> None:
        loads, pane, path, min_side = self._args
        try:
            img = decode(path, min_side=min_side).image
            if max(img.size) > MAX_SIDE:
                img.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
            loads.loaded.emit(pane, _to_qimage(img), "")
        except DecodeError as exc:
            loads.loaded.emit(pane, QImage(), reason_text(exc.reason, exc.detail))
        except Exception as exc:  # a bug in the decoder: still a reason to show
            loads.loaded.emit(pane, QImage(), str(exc) or type(exc).__name__)
        finally:
            self.done.set()


def _to_qimage(img: Image.Image) -> QImage:
    if img.mode != "L":
        img = img.convert("RGB")
    fmt = QImage.Format.Format_Grayscale8 if img.mode == "L" else QImage.Format.Format_RGB888
    data = img.tobytes()
    line = img.width * (1 if img.mode == "L" else 3)
    return QImage(data, img.width, img.height, line, fmt).copy()  # copy: own the pixels
