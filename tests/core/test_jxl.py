"""JPEG XL files, read through the pillow-jxl plugin."""

from __future__ import annotations

from pathlib import Path

import pytest
from imagegen import photo, resized, save

from photodedup.core.decode import decode
from photodedup.core.formats import sniff_format
from photodedup.core.models import WalkOptions
from photodedup.core.scan import ScanOptions, scan

pytest.importorskip("pillow_jxl")


def test_jpeg_xl_is_sniffed_decoded_and_grouped(tmp_path: Path) -> None:
    img = photo(41, (640, 480))
    jxl = tmp_path / "a.jxl"
    img.save(jxl, "JXL", quality=90)
    lossless = tmp_path / "b-lossless.jxl"
    img.save(lossless, "JXL", lossless=True)
    jpeg = save(resized(img, 0.5), tmp_path / "small.jpg")

    assert sniff_format(jxl.read_bytes()[:32]) == "JXL"
    decoded = decode(str(jxl))
    assert (decoded.format, decoded.width, decoded.height) == ("JXL", 640, 480)

    options = ScanOptions(WalkOptions((str(tmp_path),), min_size=0), use_cache=False, workers=1)
    result = scan(options)
    assert not result.errors
    assert [sorted(g.paths) for g in result.groups] == [
        sorted([str(jxl), str(lossless), str(jpeg)])
    ]
