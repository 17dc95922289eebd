"""Facts that would leave with the trash: the date taken, the location, the camera.

Before files go to the trash, every group is checked: if no copy that stays has a
fact (the EXIF date taken, a GPS location, the camera model) that a copy going to
the trash has, the group would lose it. The check names the copy that has the
most of what would be lost, so that the front end can offer to keep that one
instead (``swap_marks``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum

from photodedup.core.models import ImageRecord
from photodedup.core.results import Group


class Fact(StrEnum):
    TAKEN = "taken"
    GPS = "gps"
    CAMERA = "camera"


@dataclass(frozen=True)
class MetadataGap:
    """In group ``group`` (an index), the kept copies lack ``missing``, which
    ``donor`` (a marked path) has; ``kept`` is the kept copy it would replace."""

    group: int
    missing: tuple[Fact, ...]
    donor: str
    kept: str


def facts(record: ImageRecord) -> set[Fact]:
    """The facts ``record`` carries. A location not known (an older cache) counts as none."""
    have = set()
    if record.taken:
        have.add(Fact.TAKEN)
    if record.gps:
        have.add(Fact.GPS)
    if record.camera:
        have.add(Fact.CAMERA)
    return have


def metadata_gaps(groups: Sequence[Group], marked: Collection[str]) -> list[MetadataGap]:
    """For each group that would lose a fact, what it would lose and the copy to keep."""
    gaps = []
    for index, group in enumerate(groups):
        kept = [m for m in group.members if m.image.path not in marked]
        going = [m for m in group.members if m.image.path in marked]
        if not kept or not going:
            continue
        staying: set[Fact] = set().union(*(facts(m.image) for m in kept))
        best = None
        for m in going:
            lost = facts(m.image) - staying
            if lost and (best is None or len(lost) > len(best[0])):
                best = (lost, m.image.path)
        if best is None:
            continue
        # The copy to give up in its place: one that may be marked (not in a
        # reference folder), the first kept otherwise (then nothing is marked).
        swap = next((m for m in kept if not m.in_reference_folder), kept[0])
        missing = tuple(f for f in Fact if f in best[0])
        gaps.append(MetadataGap(index, missing, best[1], swap.image.path))
    return gaps


def swap_marks(groups: Sequence[Group], marked: Collection[str], gap: MetadataGap) -> set[str]:
    """The marks with ``gap.donor`` kept instead of ``gap.kept``.

    A kept copy in a reference folder is never marked: then the donor is simply
    kept as well.
    """
    out = set(marked) - {gap.donor}
    group = groups[gap.group]
    kept = next((m for m in group.members if m.image.path == gap.kept), None)
    if kept is not None and not kept.in_reference_folder:
        out.add(gap.kept)
    return out
