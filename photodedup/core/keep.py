"""Keep rules: which copy of a group is the one to keep, and why.

A rule is an ordered list of criteria. Choosing works by elimination: the
first criterion keeps only the copies that are best by it (the highest
resolution, say, counting sizes within 1% as equal), the next criterion
chooses among those, and so on, until one copy is left. Every copy that drops
out drops out for a named reason, and the reasons that ruled out the others are
why the kept copy was kept. Elimination rather than sorting is what lets a
criterion have a tolerance, or compare only within a format, and still give
the same answer whatever order the group's members come in.

The shorter path and then the path itself always end the list, so the choice
never depends on scan order. The engine hands out reason codes; the front ends
turn them into words.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from functools import lru_cache
from typing import Protocol

from photodedup.core.models import ImageRecord


class Criterion(StrEnum):
    """One thing a keep rule can look at. The value is the name used on the command line."""

    RESOLUTION = "resolution"  # most pixels; within 1% counts as equal
    CAMERA = "camera"  # the camera original over a copy made from it
    FORMAT = "format"  # the rule's format order, e.g. HEIF > JPEG > PNG
    LARGEST = "largest"  # the larger file
    SMALLEST = "smallest"  # the smaller file
    TAKEN = "taken"  # the earliest EXIF date taken (when every copy has one)
    MTIME = "mtime"  # the oldest modification time
    NEWEST = "newest"  # the latest date taken, else the newest modification time
    FOLDER = "folder"  # in a folder higher in the preferred-folder list
    PATH = "path"  # the shorter path


class KeepReason(StrEnum):
    """Why a copy is the one kept (or, for the others, what ruled them out)."""

    REFERENCE_FOLDER = "reference_folder"
    RESOLUTION = "resolution"
    CAMERA_DATA = "camera_data"  # has the EXIF date taken or camera model
    CAMERA_FORMAT = "camera_format"  # a RAW, HEIF or JPEG file, not a conversion
    LESS_COMPRESSED = "less_compressed"  # more bytes per pixel in the same format
    PREFERRED_FORMAT = "preferred_format"
    LARGEST = "largest"
    SMALLEST = "smallest"
    EARLIEST_TAKEN = "earliest_taken"
    OLDEST_FILE = "oldest_file"
    NEWEST = "newest"
    PREFERRED_FOLDER = "preferred_folder"
    SHORTER_PATH = "shorter_path"
    FIRST_BY_NAME = "first_by_name"  # nothing else told the copies apart
    USER = "user"  # the user's own mark, not the rule's
    KEPT_IN_ANOTHER_GROUP = "kept_in_another_group"  # the one kept in a group it is also in
    RAW_JPEG_PAIR = "raw_jpeg_pair"  # the other half of the kept copy's RAW+JPEG shot


RAW_FORMATS = frozenset(
    {"DNG", "CR2", "CR3", "NEF", "NRW", "ARW", "SR2", "ORF", "RW2", "RAF", "PEF", "SRW", "RAW"}
)
# What cameras and phones write; PNG, WebP, BMP and the rest are made from them.
CAMERA_FORMATS = RAW_FORMATS | {"JPEG", "HEIF"}
# "RAW" in a format order stands for every RAW format.
DEFAULT_FORMATS: tuple[str, ...] = (
    "RAW",
    "HEIF",
    "JPEG",
    "TIFF",
    "PNG",
    "WEBP",
    "AVIF",
    "BMP",
    "GIF",
)
_FORMAT_ALIASES = {"HEIC": "HEIF", "JPG": "JPEG", "TIF": "TIFF"}

RESOLUTION_TOLERANCE = 0.01
# FAT and exFAT store modification times to 2 seconds: a copy there is not "newer".
MTIME_TOLERANCE_NS = 2 * 10**9


@dataclass(frozen=True)
class KeepRule:
    """An ordered list of criteria; ``formats`` is the order ``Criterion.FORMAT`` uses."""

    criteria: tuple[Criterion, ...]
    formats: tuple[str, ...] = DEFAULT_FORMATS

    def __post_init__(self) -> None:
        if len(set(self.criteria)) != len(self.criteria):
            raise ValueError("a keep rule lists each criterion once")

    @classmethod
    def parse(cls, text: str) -> KeepRule:
        """A preset name (``best``, ``oldest``…) or criteria joined by commas.

        ``format`` may carry its order: ``resolution,format:heic>jpeg>png,mtime``.
        Raises ``ValueError`` naming what is wrong.
        """
        text = text.strip()
        if text in PRESETS:
            return PRESETS[text]
        if text in _LEGACY:
            return PRESETS[_LEGACY[text]]
        criteria: list[Criterion] = []
        formats = DEFAULT_FORMATS
        for token in filter(None, (t.strip() for t in text.split(","))):
            name, colon, arg = token.partition(":")
            try:
                criterion = Criterion(name.strip().lower())
            except ValueError:
                raise ValueError(
                    f"unknown keep criterion {name!r}; choose from "
                    f"{', '.join(c.value for c in Criterion)} or a preset "
                    f"({', '.join(PRESETS)})"
                ) from None
            if colon and criterion is not Criterion.FORMAT:
                raise ValueError(f"only 'format' takes a value, not {name!r}")
            if colon:
                formats = parse_formats(arg)
            criteria.append(criterion)
        if not criteria:
            raise ValueError("a keep rule needs at least one criterion")
        if len(set(criteria)) != len(criteria):
            raise ValueError("a keep rule lists each criterion once")
        return cls(tuple(criteria), formats)

    def text(self) -> str:
        """The form ``parse`` reads back: the preset name, or the criteria."""
        for name, preset in PRESETS.items():
            if preset == self:
                return name
        return self.criteria_text()

    def criteria_text(self) -> str:
        parts = []
        for c in self.criteria:
            if c is Criterion.FORMAT and self.formats != DEFAULT_FORMATS:
                parts.append("format:" + ">".join(f.lower() for f in self.formats))
            else:
                parts.append(c.value)
        return ",".join(parts)


def parse_formats(text: str) -> tuple[str, ...]:
    """``heic>jpeg>png`` as format names; unknown names are kept (a future format)."""
    names = [n.strip().upper() for n in text.replace(",", ">").split(">") if n.strip()]
    if not names:
        raise ValueError("a format order needs at least one format")
    return tuple(dict.fromkeys(_FORMAT_ALIASES.get(n, n) for n in names))


C = Criterion
PRESETS: dict[str, KeepRule] = {
    "best": KeepRule((C.RESOLUTION, C.CAMERA, C.TAKEN, C.MTIME, C.FOLDER, C.PATH)),
    "oldest": KeepRule((C.TAKEN, C.MTIME, C.RESOLUTION, C.CAMERA, C.FOLDER, C.PATH)),
    "smallest": KeepRule((C.SMALLEST, C.CAMERA, C.TAKEN, C.MTIME, C.FOLDER, C.PATH)),
    "preferred-folders": KeepRule((C.FOLDER, C.RESOLUTION, C.CAMERA, C.TAKEN, C.MTIME, C.PATH)),
    "newest": KeepRule((C.NEWEST, C.RESOLUTION, C.CAMERA, C.FOLDER, C.PATH)),
    "largest": KeepRule((C.LARGEST, C.RESOLUTION, C.CAMERA, C.TAKEN, C.MTIME, C.FOLDER, C.PATH)),
}
DEFAULT_PRESET = "best"
BEST = PRESETS[DEFAULT_PRESET]
# Names earlier versions saved in their settings.
_LEGACY = {"resolution": "best", "size": "largest"}


def resolve(rule: KeepRule | str | None) -> KeepRule:
    """A rule from a rule, its text, or None (the default)."""
    if rule is None:
        return BEST
    if isinstance(rule, KeepRule):
        return rule
    return KeepRule.parse(rule)


class _Choosable(Protocol):
    """What choosing looks at: a ``Candidate``, or a group's ``Member`` as it is."""

    @property
    def image(self) -> ImageRecord: ...

    @property
    def in_reference_folder(self) -> bool: ...


@dataclass(frozen=True)
class Candidate:
    """What choosing looks at for one member of a group."""

    image: ImageRecord
    in_reference_folder: bool = False


@dataclass(frozen=True)
class Choice:
    """The copy kept, the reasons it beat the others (in rule order), and for each
    member what ruled it out (``None`` for the one kept)."""

    index: int
    reasons: tuple[KeepReason, ...]
    ruled_out_by: tuple[KeepReason | None, ...] = field(default=())


def choose(
    candidates: Sequence[_Choosable],
    rule: KeepRule | str | None = None,
    prefer: Sequence[str] = (),
) -> Choice:
    """The member of ``candidates`` to keep under ``rule``.

    Copies in a reference folder are kept whatever the rule says, so when there
    are any, the rule chooses among them. ``prefer`` is the preferred-folder list,
    most preferred first. Raises ``ValueError`` for an empty list or a bad rule.
    """
    return chooser(rule, prefer)(candidates)


def chooser(
    rule: KeepRule | str | None = None, prefer: Sequence[str] = ()
) -> Callable[[Sequence[_Choosable]], Choice]:
    """``choose`` with the rule and folders read once, for calling once per group."""
    steps = _steps(resolve(rule), tuple(prefer))
    return lambda candidates: _choose(candidates, steps)


def _choose(
    candidates: Sequence[_Choosable], steps: tuple[tuple[KeepReason, _Filter], ...]
) -> Choice:
    if not candidates:
        raise ValueError("an empty group has no copy to keep")
    lost: list[KeepReason | None] = [None] * len(candidates)
    reasons: list[KeepReason] = []
    alive = list(range(len(candidates)))
    protected = [i for i in alive if candidates[i].in_reference_folder]
    if protected and len(protected) < len(alive):
        alive = _drop(alive, protected, lost, reasons, KeepReason.REFERENCE_FOLDER)
    for reason, keep in steps:
        if len(alive) == 1:
            break
        records = [candidates[i].image for i in alive]
        survivors = [i for i, ok in zip(alive, keep(records), strict=True) if ok]
        if survivors and len(survivors) < len(alive):
            alive = _drop(alive, survivors, lost, reasons, reason)
    return Choice(alive[0], tuple(reasons), tuple(lost))


def _drop(
    alive: list[int],
    survivors: list[int],
    lost: list[KeepReason | None],
    reasons: list[KeepReason],
    reason: KeepReason,
) -> list[int]:
    """Rule out every ``alive`` member not in ``survivors`` for ``reason``."""
    kept = set(survivors)
    for i in alive:
        if i not in kept:
            lost[i] = reason
    if reason not in reasons:
        reasons.append(reason)
    return survivors


_Filter = Callable[[list[ImageRecord]], list[bool]]


@lru_cache(maxsize=32)
def _steps(rule: KeepRule, prefer: tuple[str, ...]) -> tuple[tuple[KeepReason, _Filter], ...]:
    # Built once per rule and folder list: premark calls choose once per group.
    prefer = tuple(_dir_prefix(d) for d in prefer)
    steps: list[tuple[KeepReason, _Filter]] = []
    for criterion in rule.criteria:
        if criterion is Criterion.CAMERA:
            steps += [
                (KeepReason.CAMERA_DATA, _best_by(_has_camera_data)),
                (KeepReason.CAMERA_FORMAT, _best_by(lambda r: r.format in CAMERA_FORMATS)),
                (KeepReason.LESS_COMPRESSED, _least_compressed),
            ]
        elif criterion is Criterion.FORMAT:
            steps.append((KeepReason.PREFERRED_FORMAT, _format_order(rule.formats)))
        elif criterion is Criterion.FOLDER:
            steps.append((KeepReason.PREFERRED_FOLDER, _folder_order(prefer)))
        else:
            steps.append(_SIMPLE[criterion])
    if Criterion.PATH not in rule.criteria:
        steps.append(_SIMPLE[Criterion.PATH])
    steps.append((KeepReason.FIRST_BY_NAME, lambda rs: _lowest([r.path for r in rs])))
    return tuple(steps)


def _best_by(good: Callable[[ImageRecord], bool]) -> _Filter:
    return lambda records: [good(r) for r in records]


def _lowest(values: Sequence, tolerance: float = 0) -> list[bool]:
    low = min(values)
    return [v <= low + tolerance if tolerance else v == low for v in values]


def _highest(values: Sequence, tolerance: float = 0) -> list[bool]:
    high = max(values)
    return [v >= high - tolerance if tolerance else v == high for v in values]


def _most_pixels(records: list[ImageRecord]) -> list[bool]:
    most = max(r.pixels for r in records)
    return [r.pixels >= most * (1 - RESOLUTION_TOLERANCE) for r in records]


def _has_camera_data(record: ImageRecord) -> bool:
    return bool(record.taken or record.camera)


def _least_compressed(records: list[ImageRecord]) -> list[bool]:
    # Bytes per pixel say how hard a file was compressed only against the same
    # codec: a PNG is always "bigger" than the JPEG it was made from.
    def density(r: ImageRecord) -> float:
        return r.size / max(1, r.pixels)

    best: dict[str, float] = {}
    for r in records:
        best[r.format] = max(best.get(r.format, 0.0), density(r))
    return [density(r) >= best[r.format] for r in records]


def _format_order(formats: tuple[str, ...]) -> _Filter:
    def rank(fmt: str) -> int:
        for i, name in enumerate(formats):
            if fmt == name or (name == "RAW" and fmt in RAW_FORMATS):
                return i
        return len(formats)

    return lambda records: _lowest([rank(r.format) for r in records])


def _dir_prefix(folder: str) -> str:
    return os.path.join(os.path.normpath(os.path.abspath(folder)), "")


def _folder_order(prefer: tuple[str, ...]) -> _Filter:
    def rank(path: str) -> int:
        # Scanned paths are absolute and normalised already, as the prefixes are.
        for i, prefix in enumerate(prefer):
            if path.startswith(prefix):
                return i
        return len(prefer)

    return lambda records: _lowest([rank(r.path) for r in records])


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
    return (moment.replace(tzinfo=None) - _EPOCH).total_seconds()


_EPOCH = datetime(1970, 1, 1)


def _all_taken(records: list[ImageRecord]) -> list[float] | None:
    # The date taken survives copying, which rewrites the file time, but mixing
    # it with file times would compare two different clocks: it decides only
    # when every copy has one.
    taken = [taken_seconds(r.taken) for r in records]
    return None if any(t is None for t in taken) else taken  # type: ignore[return-value]


def _earliest_taken(records: list[ImageRecord]) -> list[bool]:
    taken = _all_taken(records)
    return [True] * len(records) if taken is None else _lowest(taken)


def _newest(records: list[ImageRecord]) -> list[bool]:
    taken = _all_taken(records)
    if taken is not None:
        return _highest(taken)
    return _highest([r.mtime_ns for r in records], MTIME_TOLERANCE_NS)


_SIMPLE: dict[Criterion, tuple[KeepReason, _Filter]] = {
    Criterion.RESOLUTION: (KeepReason.RESOLUTION, _most_pixels),
    Criterion.LARGEST: (KeepReason.LARGEST, lambda rs: _highest([r.size for r in rs])),
    Criterion.SMALLEST: (KeepReason.SMALLEST, lambda rs: _lowest([r.size for r in rs])),
    Criterion.TAKEN: (KeepReason.EARLIEST_TAKEN, _earliest_taken),
    Criterion.MTIME: (
        KeepReason.OLDEST_FILE,
        lambda rs: _lowest([r.mtime_ns for r in rs], MTIME_TOLERANCE_NS),
    ),
    Criterion.NEWEST: (KeepReason.NEWEST, _newest),
    Criterion.PATH: (KeepReason.SHORTER_PATH, lambda rs: _lowest([len(r.path) for r in rs])),
}
