"""How each keep criterion compares the copies of a group.

Each filter takes the records still in the running and says, for each, whether
it is among the best by that criterion; ``keep`` chains them into a rule.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import lru_cache

from photodedup.core.models import ImageRecord

Filter = Callable[[list[ImageRecord]], list[bool]]

RAW_FORMATS = frozenset(
    {"DNG", "CR2", "CR3", "NEF", "NRW", "ARW", "SR2", "ORF", "RW2", "RAF", "PEF", "SRW", "RAW"}
)
# What cameras and phones write; PNG, WebP, BMP and the rest are made from them.
CAMERA_FORMATS = RAW_FORMATS | {"JPEG", "HEIF"}
RESOLUTION_TOLERANCE = 0.01
# Bytes per pixel within 10% of the densest count as equal. An edit at the same size
# moves them a little either way (on the real-photo corpus a watermark, a brightness
# or contrast change: 0.91-1.09 of the original's, 10th to 90th percentile), so by
# bytes alone a marked or brightened copy beat its original; a recompression moves them
# far (JPEG q60: 0.34-0.54).
COMPRESSION_TOLERANCE = 0.1
# FAT and exFAT store modification times to 2 seconds: a copy there is not "newer".
MTIME_TOLERANCE_NS = 2 * 10**9


def best_by(good: Callable[[ImageRecord], bool]) -> Filter:
    return lambda records: [good(r) for r in records]


def lowest(values: Sequence, tolerance: float = 0) -> list[bool]:
    low = min(values)
    return [v <= low + tolerance if tolerance else v == low for v in values]


def highest(values: Sequence, tolerance: float = 0) -> list[bool]:
    high = max(values)
    return [v >= high - tolerance if tolerance else v == high for v in values]


def most_pixels(records: list[ImageRecord]) -> list[bool]:
    pixels = [r.pixels for r in records]
    least = max(pixels) * (1 - RESOLUTION_TOLERANCE)
    return [p >= least for p in pixels]


def has_camera_data(record: ImageRecord) -> bool:
    return bool(record.taken or record.camera)


def least_compressed(records: list[ImageRecord]) -> list[bool]:
    # Bytes per pixel say how hard a file was compressed only against the same
    # codec: a PNG is always "bigger" than the JPEG it was made from.
    density = [r.size / max(1, r.pixels) for r in records]
    best: dict[str, float] = {}
    for r, d in zip(records, density, strict=True):
        best[r.format] = max(best.get(r.format, 0.0), d)
    return [
        d >= best[r.format] * (1 - COMPRESSION_TOLERANCE)
        for r, d in zip(records, density, strict=True)
    ]


def format_order(formats: tuple[str, ...]) -> Filter:
    def rank(fmt: str) -> int:
        for i, name in enumerate(formats):
            if fmt == name or (name == "RAW" and fmt in RAW_FORMATS):
                return i
        return len(formats)

    return lambda records: lowest([rank(r.format) for r in records])


def dir_prefix(folder: str) -> str:
    return os.path.join(os.path.normpath(os.path.abspath(folder)), "")


def folder_order(prefer: tuple[str, ...]) -> Filter:
    def rank(path: str) -> int:
        # Scanned paths are absolute and normalised already, as the prefixes are.
        for i, prefix in enumerate(prefer):
            if path.startswith(prefix):
                return i
        return len(prefer)

    return lambda records: lowest([rank(r.path) for r in records])


@lru_cache(maxsize=4096)
def taken_seconds(value: str | None) -> float | None:
    """An EXIF date taken (ISO 8601, no zone) as seconds from a fixed naive epoch."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    # No zone is recorded; a fixed naive epoch orders the photos of one group the
    # same way on every platform, before 1970 too.
    return (moment.replace(tzinfo=None) - EPOCH).total_seconds()


EPOCH = datetime(1970, 1, 1)


def all_taken(records: list[ImageRecord]) -> list[float] | None:
    # The date taken survives copying, which rewrites the file time, but mixing
    # it with file times would compare two different clocks: it decides only
    # when every copy has one.
    taken = [taken_seconds(r.taken) for r in records]
    return None if any(t is None for t in taken) else taken  # type: ignore[return-value]


def earliest_taken(records: list[ImageRecord]) -> list[bool]:
    taken = all_taken(records)
    return [True] * len(records) if taken is None else lowest(taken)


def newest(records: list[ImageRecord]) -> list[bool]:
    taken = all_taken(records)
    if taken is not None:
        return highest(taken)
    return highest([r.mtime_ns for r in records], MTIME_TOLERANCE_NS)
