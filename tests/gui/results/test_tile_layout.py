"""Tile geometry: rows wrap to the width, and clicks find the file and its check box."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from photodedup.core.models import ImageRecord
from photodedup.gui.platform.formatting import format_bytes
from photodedup.gui.results.tile_layout import (
    check_rect,
    facts_line,
    hit_test,
    metrics,
    row_height,
    tile_rect,
    tiles_per_line,
)
from photodedup.gui.widgets.elided_label import elide_name


def test_tiles_wrap_and_hits_find_the_file(qapp):
    m = metrics(QFont("Sans", 10))
    width = m.tile_w * 4 + m.pad  # room for exactly four tiles a line
    assert tiles_per_line(width, m) == 4
    assert row_height(12, width, m) == m.header_h + 3 * m.tile_h + m.pad
    row = QRect(0, 500, width, row_height(12, width, m))

    seventh = tile_rect(row, 6, 4, m)  # second line, third column
    assert seventh.top() == row.top() + m.header_h + m.tile_h
    assert hit_test(row, 12, seventh.center(), m) == (6, "tile")
    assert hit_test(row, 12, check_rect(seventh, m).center(), m) == (6, "check")
    assert hit_test(row, 12, row.topLeft(), m) is None  # the group header


def test_sizes_follow_the_font(qapp):
    small, large = metrics(QFont("Sans", 9)), metrics(QFont("Sans", 18))
    assert large.box > small.box and large.tile_h > small.tile_h


def _record(width: int, height: int, size: int) -> ImageRecord:
    return ImageRecord("/p/x.jpg", size, 0, "JPEG", width, height, 0, (0, 0, 0, 0), "")


def _advance(parts: list[tuple[str, bool]], font: QFont) -> int:
    bold = QFont(font)
    bold.setBold(True)
    return sum(QFontMetrics(bold if b else font).horizontalAdvance(t) for t, b in parts)


def test_resolution_and_size_fit_the_tile_even_when_both_are_bold(qapp):
    font = QApplication.font()
    box = metrics(font).box
    for image in (_record(1600, 1200, 417_900), _record(4032, 3024, 4_812_345)):
        parts = facts_line(image, True, True, font, box)
        assert _advance(parts, font) <= box
        text = "".join(t for t, _ in parts)
        assert str(image.width) in text and format_bytes(image.size) in text

    roomy = facts_line(_record(1600, 1200, 417_900), True, True, font, box * 3)
    assert "".join(t for t, _ in roomy) == f"1600\u202f×\u202f1200 · {format_bytes(417_900)}"
    # Tight, the separator gives way, never the resolution: it reads the same everywhere.
    for image in (_record(1600, 1200, 417_900), _record(4032, 3024, 4_812_345)):
        text = "".join(t for t, _ in facts_line(image, True, True, font, box))
        assert text.startswith(f"{image.width}\u202f×\u202f{image.height}")


def test_a_long_name_keeps_the_suffix_that_tells_copies_apart(qapp):
    fm = QFontMetrics(QApplication.font())
    width = fm.horizontalAdvance("IMG_20210601_1234…")
    for suffix in ("-web", "-q60"):
        name = f"IMG_20210601_123456_holiday_beach{suffix}.jpg"
        shown = elide_name(fm, name, width)
        assert shown.endswith(f"{suffix}.jpg") and "…" in shown
        assert fm.horizontalAdvance(shown) <= width
    assert elide_name(fm, "a.jpg", width) == "a.jpg"
