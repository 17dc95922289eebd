"""A memory budget for decoding: large pictures are decoded one at a time.

A 150-megapixel PNG needs 600 MB of pixels while it is decoded (Pillow keeps
RGB as four bytes a pixel), and a scan runs one worker per core. Two such
decodes side by side, next to the others' ordinary photos, can exhaust a
small machine. The scan hands its workers one lock; a decode whose pixels
would take more than ``LARGE_DECODE_BYTES`` holds it, so at most one large
decode runs at a time while ordinary ones go on beside it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

# A 24-megapixel photo decoded in full (96 MB) stays under it; a JPEG, decoded
# at 1/8 scale, always does.
LARGE_DECODE_BYTES = 128 * 1024 * 1024
# Should the lock be lost with a worker that died holding it, a large decode
# goes on after this long rather than never.
LOCK_TIMEOUT_S = 120.0

_BYTES_PER_PIXEL = {"1": 1, "L": 1, "P": 1, "LA": 4, "PA": 4, "I;16": 2, "I;16B": 2}

_lock: Any = None  # a multiprocessing lock shared by one pool's workers


def set_lock(lock: Any) -> None:
    """Use ``lock`` (shared with the other workers) for large decodes in this process."""
    global _lock
    _lock = lock


def decode_bytes(size: tuple[int, int], mode: str) -> int:
    """About how much memory Pillow takes to hold a picture of ``size`` in ``mode``."""
    width, height = size
    return width * height * _BYTES_PER_PIXEL.get(mode, 4)


@contextmanager
def large_decode(nbytes: int) -> Iterator[None]:
    """Hold the shared lock while decoding ``nbytes`` of pixels, if that is large."""
    lock = _lock
    if lock is None or nbytes < LARGE_DECODE_BYTES:
        yield
        return
    acquired = lock.acquire(timeout=LOCK_TIMEOUT_S)
    try:
        yield
    finally:
        if acquired:
            lock.release()
