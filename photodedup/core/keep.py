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

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import Protocol

from photodedup.core import keep_criteria as by
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
    CAMERA_RAW = "camera_raw"  # the RAW file the camera wrote, over a JPEG or HEIF of it
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
    CHANGED = "changed"  # gone or changed since the scan: never marked, never chosen


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

    def deciding_first(self) -> tuple[KeepReason, ...]:
        """The reasons with the deciding one first: the last to rule a copy out,
        which set the kept copy apart from the closest of the others."""
        return self.reasons[-1:] + self.reasons[:-1]


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
    candidates: Sequence[_Choosable], steps: tuple[tuple[KeepReason, by.Filter], ...]
) -> Choice:
    if not candidates:
        raise ValueError("an empty group has no copy to keep")
    lost: list[KeepReason | None] = [None] * len(candidates)
    reasons: list[KeepReason] = []
    alive = list(range(len(candidates)))
    records = [c.image for c in candidates]
    protected = [i for i in alive if candidates[i].in_reference_folder]
    if protected and len(protected) < len(alive):
        alive = _drop(alive, protected, lost, reasons, KeepReason.REFERENCE_FOLDER)
        records = [records[i] for i in alive]
    # Run once per group (18,000 times at 100,000 photos): the records in the running
    # are made again only when a criterion rules some out, and a criterion that keeps
    # all of them, or none, rules nothing out.
    for reason, keep in steps:
        if len(alive) == 1:
            break
        flags = keep(records)
        if all(flags) or not any(flags):
            continue
        for i, ok in zip(alive, flags, strict=True):
            if not ok:
                lost[i] = reason
        if reason not in reasons:
            reasons.append(reason)
        alive = [i for i, ok in zip(alive, flags, strict=True) if ok]
        records = [r for r, ok in zip(records, flags, strict=True) if ok]
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


@lru_cache(maxsize=32)
def _steps(rule: KeepRule, prefer: tuple[str, ...]) -> tuple[tuple[KeepReason, by.Filter], ...]:
    # Built once per rule and folder list: premark calls choose once per group.
    prefer = tuple(by.dir_prefix(d) for d in prefer)
    steps: list[tuple[KeepReason, by.Filter]] = []
    for criterion in rule.criteria:
        if criterion is Criterion.CAMERA:
            steps += [
                (KeepReason.CAMERA_DATA, by.best_by(by.has_camera_data)),
                (
                    KeepReason.CAMERA_FORMAT,
                    by.best_by(lambda r: r.format in by.CAMERA_FORMATS),
                ),
                # A JPEG beside an equal RAW was developed from it (or is the camera's
                # own preview of it): the RAW is the original, not the first name.
                (KeepReason.CAMERA_RAW, by.best_by(lambda r: r.format in by.RAW_FORMATS)),
                (KeepReason.LESS_COMPRESSED, by.least_compressed),
            ]
        elif criterion is Criterion.FORMAT:
            steps.append((KeepReason.PREFERRED_FORMAT, by.format_order(rule.formats)))
        elif criterion is Criterion.FOLDER:
            steps.append((KeepReason.PREFERRED_FOLDER, by.folder_order(prefer)))
        else:
            steps.append(_SIMPLE[criterion])
    if Criterion.PATH not in rule.criteria:
        steps.append(_SIMPLE[Criterion.PATH])
    steps.append((KeepReason.FIRST_BY_NAME, lambda rs: by.lowest([r.path for r in rs])))
    return tuple(steps)


_SIMPLE: dict[Criterion, tuple[KeepReason, by.Filter]] = {
    Criterion.RESOLUTION: (KeepReason.RESOLUTION, by.most_pixels),
    Criterion.LARGEST: (KeepReason.LARGEST, lambda rs: by.highest([r.size for r in rs])),
    Criterion.SMALLEST: (KeepReason.SMALLEST, lambda rs: by.lowest([r.size for r in rs])),
    Criterion.TAKEN: (KeepReason.EARLIEST_TAKEN, by.earliest_taken),
    Criterion.MTIME: (
        KeepReason.OLDEST_FILE,
        lambda rs: by.lowest([r.mtime_ns for r in rs], by.MTIME_TOLERANCE_NS),
    ),
    Criterion.NEWEST: (KeepReason.NEWEST, by.newest),
    Criterion.PATH: (
        KeepReason.SHORTER_PATH,
        lambda rs: by.lowest([len(r.path) for r in rs]),
    ),
}
