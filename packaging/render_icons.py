"""Render the app icon's PNG, ICO and ICNS files from the SVG sources in resources/.

    python packaging/render_icons.py

The renders are committed, so only run this after editing an SVG. Sizes up to
24 px come from photodedup-small.svg, which is fitted to the pixel grid: the full
drawing turns to mush at 16 px.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
SMALL_UP_TO = 24


def render(size: int) -> Image.Image:
    source = "photodedup-small.svg" if size <= SMALL_UP_TO else "photodedup.svg"
    renderer = QSvgRenderer(str(RESOURCES / source))
    if not renderer.isValid():
        sys.exit(f"cannot read {source}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication([])  # noqa: F841  (QPainter needs an application)
    renders = {size: render(size) for size in (*PNG_SIZES, 1024)}
    icons = RESOURCES / "icons"
    icons.mkdir(exist_ok=True)
    for size in PNG_SIZES:
        renders[size].save(icons / f"photodedup-{size}.png", optimize=True)
    largest = renders[256]
    largest.save(
        RESOURCES / "photodedup.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[renders[s] for s in ICO_SIZES if s != 256],
    )
    renders[1024].save(
        RESOURCES / "photodedup.icns",
        append_images=[renders[s] for s in (16, 32, 64, 128, 256, 512)],
    )
    print(f"wrote {len(PNG_SIZES)} PNGs, photodedup.ico and photodedup.icns in {RESOURCES}")


if __name__ == "__main__":
    main()
