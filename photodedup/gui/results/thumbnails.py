"""Thumbnails made off the GUI thread, kept in memory and as small JPEGs on disk.

The delegate asks for a thumbnail when it paints a row, so only visible rows are
ever loaded. Requests go on a stack: the newest (what the user looks at now) is
served first, and old requests from rows scrolled past are dropped.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import threading
from collections import OrderedDict

from platformdirs import user_cache_dir
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QImage

from photodedup.core.decode import DecodeError, decode
from photodedup.gui.platform import pyside_fixes  # noqa: F401 (must run before Qt use)
from photodedup.gui.platform.reasons import reason_text

THUMB_SIDE = 256  # longest side of the JPEGs kept on disk
DISK_LIMIT = 300 * 1024 * 1024  # about 20,000 thumbnails
_MAX_PENDING = 96  # requests beyond this are from rows long scrolled past
# ``capacity``: thumbnails kept in memory. A full window shows a few dozen; each is
# about 100 kB at the tile size, so 240 keep a few screens for scrolling back
# without letting the thumbnails outweigh the scan's own data.
_DISK_QUALITY = 82
_THUMB_NAME = re.compile(r"[0-9a-f]{40}\.jpg")


def default_thumbnail_dir() -> str:
    return os.path.join(user_cache_dir("photodedup", appauthor=False), "thumbnails")


class ThumbnailCache(QObject):
    """``request`` gives a thumbnail now or None and emits ``thumbnailReady(path)`` later.

    ``box`` is the square, in device pixels, the delegate draws into: images are
    scaled to it once, in the worker, so painting never scales.
    """

    thumbnailReady = Signal(str)
    # path, image (null on failure), error. A QImage rather than None through an
    # ``object`` signal: queued None payloads upset PySide's reference counting.
    _loaded = Signal(str, QImage, str)

    def __init__(
        self,
        box: int = 160,
        *,
        disk_dir: str | None = None,
        capacity: int = 240,
        threads: int = 2,
        pool: QThreadPool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.box = box
        self.device_pixel_ratio = 1.0
        self.disk_dir = disk_dir if disk_dir is not None else default_thumbnail_dir()
        self._capacity = capacity
        self._images: OrderedDict[str, QImage] = OrderedDict()
        self._errors: dict[str, str] = {}
        self._lock = threading.Lock()
        self._stack: list[tuple[str, int, int]] = []
        self._pending: set[str] = set()
        self._running = 0
        # The app passes its job runner's pool, so that ending the jobs ends these too.
        if pool is None:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(threads)
        self._pool = pool
        self._loaded.connect(self._on_loaded, Qt.ConnectionType.QueuedConnection)
        if self.disk_dir:
            # A plain thread: it touches no Qt object, and QRunnable.create(callable) upsets
            # PySide 6.12's reference counting.
            threading.Thread(
                target=prune_disk_cache, args=(self.disk_dir, DISK_LIMIT), daemon=True
            ).start()

    def request(self, path: str, size: int, mtime_ns: int) -> QImage | None:
        image = self._images.get(path)
        if image is not None:
            self._images.move_to_end(path)
            return image
        if path in self._errors:
            return None
        with self._lock:
            if path in self._pending:
                return None
            self._pending.add(path)
            self._stack.append((path, size, mtime_ns))
            if len(self._stack) > _MAX_PENDING:
                for stale, _s, _m in self._stack[:-_MAX_PENDING]:
                    self._pending.discard(stale)
                del self._stack[:-_MAX_PENDING]
            start = self._running < self._pool.maxThreadCount()
            if start:
                self._running += 1
        if start:
            self._pool.start(_Loader(self))
        return None

    def error(self, path: str) -> str | None:
        """Why a thumbnail could not be made, if it could not."""
        return self._errors.get(path)

    def forget(self, paths: set[str] | list[str]) -> None:
        for path in paths:
            self._images.pop(path, None)
            self._errors.pop(path, None)

    def keep_only(self, paths: set[str]) -> None:
        """Drop queued requests for anything but ``paths`` (the rows on screen now)."""
        with self._lock:
            stale = [job for job in self._stack if job[0] not in paths]
            if stale:
                self._stack = [job for job in self._stack if job[0] in paths]
                self._pending.difference_update(p for p, _s, _m in stale)

    def clear_pending(self) -> None:
        with self._lock:
            self._pending.difference_update(p for p, _s, _m in self._stack)
            self._stack.clear()

    def shutdown(self) -> None:
        self.clear_pending()
        self._pool.waitForDone(2000)

    # -- worker side --------------------------------------------------------------------
    def _next(self) -> tuple[str, int, int] | None:
        with self._lock:
            if self._stack:
                return self._stack.pop()
            self._running -= 1
            return None

    def _load(self, path: str, size: int, mtime_ns: int) -> None:
        try:
            image = self._load_image(path, size, mtime_ns)
        except DecodeError as exc:  # an unreadable file: show "no preview", keep going
            self._loaded.emit(path, QImage(), reason_text(exc.reason, exc.detail))
            return
        except Exception as exc:
            self._loaded.emit(path, QImage(), str(exc) or type(exc).__name__)
            return
        self._loaded.emit(path, image, "")

    def _load_image(self, path: str, size: int, mtime_ns: int) -> QImage:
        cached = self._disk_path(path, size, mtime_ns)
        data = None
        if cached:
            try:
                with open(cached, "rb") as fp:
                    data = fp.read()
                os.utime(cached)  # recently used: pruning removes the least recent first
            except OSError:
                data = None
        image = QImage.fromData(data, "JPEG") if data else QImage()
        if image.isNull():
            data = self._make_jpeg(path)
            image = QImage.fromData(data, "JPEG")
            if cached:
                _write_atomically(cached, data)
        if image.isNull():
            raise ValueError("could not make a preview")
        side = round(self.box * self.device_pixel_ratio)
        scaled = image.scaled(
            side,
            side,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        scaled.setDevicePixelRatio(self.device_pixel_ratio)
        return scaled

    def _make_jpeg(self, path: str) -> bytes:
        img = decode(path, min_side=THUMB_SIDE).image
        img = img.convert("RGB")
        img.thumbnail((THUMB_SIDE, THUMB_SIDE))
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=_DISK_QUALITY)
        return buf.getvalue()

    def _disk_path(self, path: str, size: int, mtime_ns: int) -> str | None:
        if not self.disk_dir:
            return None
        key = hashlib.sha1(os.fsencode(path) + f"\0{size}\0{mtime_ns}".encode()).hexdigest()
        return os.path.join(self.disk_dir, key[:2], key + ".jpg")

    @Slot(str, QImage, str)
    def _on_loaded(self, path: str, image: QImage, error: str) -> None:
        with self._lock:
            self._pending.discard(path)
        if image.isNull():
            self._errors[path] = error
        else:
            self._images[path] = image
            while len(self._images) > self._capacity:
                self._images.popitem(last=False)
        self.thumbnailReady.emit(path)


class _Loader(QRunnable):
    """Serves the cache's request stack until it is empty."""

    def __init__(self, cache: ThumbnailCache) -> None:
        super().__init__()
        self._cache = cache

    def run(self) -> None:
        while (job := self._cache._next()) is not None:
            self._cache._load(*job)


def prune_disk_cache(folder: str, limit: int) -> int:
    """Delete the least recently used thumbnails beyond ``limit`` bytes; returns how many.

    Only files this cache wrote (a 40-hex-digit name ending in .jpg) are touched.
    """
    entries = []
    try:
        for sub in os.scandir(folder):
            if not sub.is_dir(follow_symlinks=False):
                continue
            for entry in os.scandir(sub.path):
                if _THUMB_NAME.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                    st = entry.stat(follow_symlinks=False)
                    entries.append((st.st_mtime_ns, st.st_size, entry.path))
    except OSError:
        return 0
    total = sum(size for _m, size, _p in entries)
    if total <= limit:
        return 0
    # Down to 80% of the limit, so that a few new files do not start it again.
    target = limit * 0.8
    removed = 0
    for _mtime, size, path in sorted(entries):
        if total <= target:
            break
        try:
            os.remove(path)
        except OSError:
            continue
        total -= size
        removed += 1
    return removed


def _write_atomically(path: str, data: bytes) -> None:
    # The disk cache is a convenience: failing to write it must not fail the preview.
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = f"{path}.{threading.get_ident()}.tmp"
        with open(tmp, "wb") as fp:
            fp.write(data)
        os.replace(tmp, path)
    except OSError:
        pass
