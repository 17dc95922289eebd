"""Crop windows in the cache: stored, given back, and never misread from an older row."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from imagegen import photo, save

from photodedup.core import crops
from photodedup.core.cache import HashCache
from photodedup.core.models import (
    CHECK_BYTES,
    GroupOptions,
    HashSettings,
    ImageRecord,
    ScanOptions,
    WalkOptions,
)
from photodedup.core.scan import scan

PDQ = HashSettings("pdq")
MTIME = 1_700_000_000_123_456_789
SLOTS = bytes(range(256)) * 8 + bytes((1 + len(crops.WINDOWS)) * crops.SLOT_BYTES - 2048)
WINDOWS = crops.LAYOUT + SLOTS


def rec(path: str, windows: bytes = b"") -> ImageRecord:
    return ImageRecord(
        path, 50_000, MTIME, "JPEG", 400, 300, 1 << 200, (1, 2, 3, 4), "digest",
        probes=tuple(range(10)), thumb=bytes(k % 256 for k in range(CHECK_BYTES)), windows=windows,
    )  # fmt: skip


def test_a_row_without_windows_is_a_miss_only_for_a_scan_with_crops(tmp_path: Path) -> None:
    db = str(tmp_path / "hashes.sqlite3")
    with HashCache(db, PDQ) as cache:
        cache.put_many([rec("/p/a.jpg")])
    with HashCache(db, PDQ) as cache:
        assert cache.get("/p/a.jpg", 50_000, MTIME) == rec("/p/a.jpg")
    with HashCache(db, PDQ, crops=True) as cache:
        assert cache.get("/p/a.jpg", 50_000, MTIME) is None
        cache.put_many([rec("/p/a.jpg", WINDOWS)])
    for crops_on in (True, False):  # with windows it serves both
        with HashCache(db, PDQ, crops=crops_on) as cache:
            assert cache.warnings == []
            assert cache.get("/p/a.jpg", 50_000, MTIME) == rec("/p/a.jpg", WINDOWS)


def test_windows_of_another_layout_or_type_are_never_read_as_windows(tmp_path: Path) -> None:
    db = str(tmp_path / "hashes.sqlite3")
    with HashCache(db, PDQ) as cache:
        old_layout = b"CW1\x00" + SLOTS  # same length, other windows
        cache.put_many(
            [rec("/p/short.jpg", WINDOWS[:-40]), rec("/p/old.jpg", old_layout), rec("/p/text.jpg")]
        )
    conn = sqlite3.connect(db)
    # The column was declared TEXT: a hex list there is not this version's layout.
    conn.execute(
        "UPDATE records SET windows = ? WHERE path = ?", ("ab,cd", os.fsencode("/p/text.jpg"))
    )
    conn.commit()
    conn.close()
    with HashCache(db, PDQ, crops=True) as cache:
        assert cache.warnings == []
        assert cache.get("/p/short.jpg", 50_000, MTIME) is None
        assert cache.get("/p/old.jpg", 50_000, MTIME) is None
        assert cache.get("/p/text.jpg", 50_000, MTIME) is None
    with HashCache(db, PDQ) as cache:
        assert cache.get("/p/text.jpg", 50_000, MTIME) == rec("/p/text.jpg")


def test_a_scan_with_crops_decodes_once_more_then_hits(tmp_path: Path) -> None:
    photos = tmp_path / "photos"
    photos.mkdir()
    original = photo(5, (640, 480))
    save(original, photos / "a.jpg")
    save(original.crop((96, 0, 640, 480)), photos / "a-cut.jpg")
    save(photo(6, (640, 480)), photos / "b.jpg")
    db = str(tmp_path / "hashes.sqlite3")

    def run(crops_on: bool):
        options = ScanOptions(
            WalkOptions((str(photos),), min_size=0),
            group=GroupOptions(crops=crops_on),
            cache_path=db,
            workers=1,
        )
        result = scan(options)
        return result.stats.decoded, sorted(
            sorted(map(os.path.basename, g.paths)) for g in result.groups
        )

    assert run(False) == (3, [])
    assert run(True) == (3, [["a-cut.jpg", "a.jpg"]])  # the old rows had no windows
    assert run(True) == (0, [["a-cut.jpg", "a.jpg"]])
    assert run(False) == (0, [])  # rows with windows serve a scan without crops too
