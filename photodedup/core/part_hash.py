"""PDQ-like hashes of parts of a picture, all from one numpy pass.

Each part (the whole, a crop window, a half) is averaged by area into 64 x 64
cells and taken to the DCT, as PDQ does; both steps are linear, so they fold
into one matrix per axis and part, and all parts of one picture cost two small
matrix products over a 128-pixel working image, where pdqhash would take a few
milliseconds per part. Used by the crop windows (``core.crops``) and the halves
(``core.halves``), so both sides of any comparison come from one method.
"""

from __future__ import annotations

import functools

import numpy as np
from PIL import Image

Cut = tuple[float, float, float, float]  # left, top, right, bottom, as shares of the side
SLOT_BYTES = 40  # a 64-bit probe, then a 256-bit hash, big-endian
_WORK_SIDE = 128  # shorter side of the working image the hashes are taken from
_CELLS = 64  # as PDQ: the picture is averaged to 64 x 64 cells before the DCT
_LOW = 16  # 16 x 16 lowest frequencies make the 256-bit hash, 8 x 8 the probe


def _dct_matrix(k: int, n: int) -> np.ndarray:
    m = np.arange(n)
    c = np.cos(np.pi * (2 * m[None, :] + 1) * np.arange(k)[:, None] / (2 * n))
    c[0] *= np.sqrt(1 / n)
    c[1:] *= np.sqrt(2 / n)
    return c.astype(np.float32)


_DCT = _dct_matrix(_LOW, _CELLS)


@functools.lru_cache(maxsize=64)
def _projections(n: int, axis: int, cuts: tuple[Cut, ...]) -> np.ndarray:
    """(slots, 16, n): the low DCT rows of each cut's span of an axis of n pixels.

    Each slot's pixels are averaged into _CELLS equal cells by area, then taken to
    the DCT; both are linear, so they fold into one matrix. Photos come in a few
    sizes, so these are kept for the sizes seen last.
    """
    box = np.array(cuts)
    lo, hi = n * box[:, axis], n * (1 - box[:, axis + 2])
    edges = lo[:, None] + (hi - lo)[:, None] * np.arange(_CELLS + 1) / _CELLS  # (slots, 65)
    px = np.arange(n)
    overlap = np.minimum(edges[:, 1:, None], px + 1) - np.maximum(edges[:, :-1, None], px)
    area = np.clip(overlap, 0, None) / ((hi - lo) / _CELLS)[:, None, None]
    return np.ascontiguousarray(_DCT @ area.astype(np.float32))


def part_hashes(img: Image.Image, cuts: tuple[Cut, ...]) -> bytes:
    """The 64-bit probe and 256-bit PDQ-like hash of each part of ``img`` that ``cuts``
    leave, SLOT_BYTES each, from one numpy pass over a small working image."""
    gray = img if img.mode == "L" else img.convert("L")
    w, h = gray.size
    scale = _WORK_SIDE / max(1, min(w, h))
    if scale < 1:
        gray = gray.resize(
            (max(1, round(w * scale)), max(1, round(h * scale))), Image.Resampling.BOX
        )
        w, h = gray.size
    y = np.asarray(gray, dtype=np.float32)
    rows, cols = _projections(h, 1, cuts), _projections(w, 0, cuts)
    coeffs = rows @ y @ cols.transpose(0, 2, 1)  # (slots, 16, 16)
    flat = coeffs.reshape(len(coeffs), -1)
    big = flat > np.median(flat, axis=1, keepdims=True)
    low = coeffs[:, :8, :8].reshape(len(coeffs), -1)
    probe = low > np.median(low, axis=1, keepdims=True)
    packed = np.concatenate([np.packbits(probe, axis=1), np.packbits(big, axis=1)], axis=1)
    return packed.tobytes()
