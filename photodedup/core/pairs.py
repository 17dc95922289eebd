"""RAW+JPEG pairs: the two files a camera writes for one shot.

A camera set to "RAW+JPEG" writes ``IMG_0001.CR3`` and ``IMG_0001.JPG`` side
by side with the same capture time. They look alike, so they group together,
but neither is a copy to remove: they are one photo in two forms. A pair is
found when a RAW file and a JPEG (or HEIF) share a folder, a base name (case
folded) and a non-empty EXIF capture time.

``pair_groups`` writes each member's partner into ``Member.pair`` and drops a
group that holds nothing but one pair; marks (``select.premark``) keep or
mark the two members of a pair together, so against other copies the pair
counts as the camera original.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from photodedup.core.formats import RAW_FORMATS
from photodedup.core.models import ImageRecord
from photodedup.core.results import Group, Member

_CAMERA_JPEGS = frozenset({"JPEG", "HEIF"})


def find_pairs(records: Sequence[ImageRecord]) -> dict[str, str]:
    """Each paired path → its partner's path (both ways)."""
    shots: dict[tuple[str, str, str], list[ImageRecord]] = defaultdict(list)
    for rec in records:
        if rec.taken and (rec.format in RAW_FORMATS or rec.format in _CAMERA_JPEGS):
            folder, name = os.path.split(rec.path)
            stem = os.path.splitext(name)[0].casefold()
            shots[(folder, stem, rec.taken)].append(rec)
    pairs: dict[str, str] = {}
    for members in shots.values():
        raws = sorted(r.path for r in members if r.format in RAW_FORMATS)
        jpegs = sorted(r.path for r in members if r.format in _CAMERA_JPEGS)
        # One RAW and one JPEG: anything more is not a camera's pair to guess at.
        if len(raws) == 1 and len(jpegs) == 1:
            pairs[raws[0]] = jpegs[0]
            pairs[jpegs[0]] = raws[0]
    return pairs


def pair_groups(groups: Sequence[Group]) -> list[Group]:
    """``groups`` with ``Member.pair`` filled in, less the groups that are one pair only."""
    records = {m.image.path: m.image for g in groups for m in g.members}
    pairs = find_pairs(list(records.values()))
    if not pairs:
        return list(groups)
    out: list[Group] = []
    for group in groups:
        paths = set(group.paths)
        members = tuple(
            replace(m, pair=pairs[m.image.path]) if pairs.get(m.image.path) in paths else m
            for m in group.members
        )
        if len(members) == 2 and all(m.pair for m in members):
            continue  # a camera's RAW and JPEG of one shot: not duplicates
        out.append(Group(_side_by_side(members)))
    return out


def _side_by_side(members: tuple[Member, ...]) -> tuple[Member, ...]:
    """The members in their order, each pair's second file moved up beside its first."""
    placed: list[Member] = []
    index = {m.image.path: m for m in members}
    seen: set[str] = set()
    for member in members:
        if member.image.path in seen:
            continue
        placed.append(member)
        seen.add(member.image.path)
        if member.pair and member.pair not in seen:
            placed.append(index[member.pair])
            seen.add(member.pair)
    return tuple(placed)
