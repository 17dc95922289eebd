"""Where everything of a results row sits: tiles, check boxes, the facts line.

Every size derives from the font, so the layout follows the system font and
scale. The delegate paints by these, and the view hit-tests and sizes rows by them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFont, QFontMetrics

from photodedup.gui.platform.formatting import format_bytes, format_resolution

_TEXT_LINES = 6


@dataclass(frozen=True)
class Metrics:
    line: int  # one line of text
    pad: int
    box: int  # the square a thumbnail is fitted into
    tile_w: int
    tile_h: int
    header_h: int
    check: int  # check box indicator side


@lru_cache(maxsize=8)
def _metrics(family: str, point: float, pixel: int) -> Metrics:
    font = QFont(family)
    if point > 0:
        font.setPointSizeF(point)
    else:
        font.setPixelSize(pixel)
    line = QFontMetrics(font).height()
    pad = max(4, line // 2)
    box = line * 11
    return Metrics(
        line=line,
        pad=pad,
        box=box,
        tile_w=box + 2 * pad,
        tile_h=pad + box + pad // 2 + _TEXT_LINES * line + pad,
        header_h=line + pad,
        check=min(line, 16),
    )


def metrics(font: QFont) -> Metrics:
    return _metrics(font.family(), font.pointSizeF(), font.pixelSize())


def tiles_per_line(width: int, m: Metrics) -> int:
    return max(1, (width - m.pad) // m.tile_w)


def row_height(members: int, width: int, m: Metrics) -> int:
    lines = -(-members // tiles_per_line(width, m))
    return m.header_h + lines * m.tile_h + m.pad


def row_heights(members: np.ndarray, width: int, m: Metrics) -> np.ndarray:
    """``row_height`` for many rows at once."""
    lines = -(-members // tiles_per_line(width, m))
    return m.header_h + lines * m.tile_h + m.pad


def tile_rect(row: QRect, i: int, per_line: int, m: Metrics) -> QRect:
    col, line = i % per_line, i // per_line
    return QRect(
        row.left() + m.pad // 2 + col * m.tile_w,
        row.top() + m.header_h + line * m.tile_h,
        m.tile_w,
        m.tile_h,
    )


def check_rect(tile: QRect, m: Metrics) -> QRect:
    top = tile.top() + m.pad + m.box + m.pad // 2
    return QRect(tile.left() + m.pad, top + (m.line - m.check) // 2, m.check, m.check)


def hit_test(row: QRect, members: int, pos: QPoint, m: Metrics) -> tuple[int, str] | None:
    """Which file a point falls on, and whether on its check box ("check") or not ("tile")."""
    per_line = tiles_per_line(row.width(), m)
    for i in range(members):
        tile = tile_rect(row, i, per_line, m)
        if tile.contains(pos):
            # The whole first text line (box and its label) toggles, like a real check box.
            label = QRect(tile.left(), check_rect(tile, m).top() - 2, tile.width(), m.line + 4)
            return i, ("check" if label.contains(pos) else "tile")
    return None


def facts_line(
    image, best_res: bool, best_size: bool, font: QFont, width: int
) -> list[tuple[str, bool]]:
    """Resolution and file size as (text, bold) pieces, tightened until they fit ``width``.

    The best values are bold, which makes the line wider than the tile for
    common sizes; the separator loses its spaces first. The resolution itself
    always reads the same ("1600 × 1200"), as everywhere in the app.
    """
    bold = QFont(font)
    bold.setBold(True)
    size = format_bytes(image.size)
    resolution = format_resolution(image.width, image.height)
    candidates = ((resolution, " · "), (resolution, "·"))
    parts: list[tuple[str, bool]] = []
    for resolution, separator in candidates:
        parts = [(resolution, best_res), (separator, False), (size, best_size)]
        used = sum(QFontMetrics(bold if b else font).horizontalAdvance(t) for t, b in parts)
        if used <= width:
            break
    return parts
