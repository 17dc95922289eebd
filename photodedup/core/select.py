"""Which copy of each group to keep, and so which ones to pre-mark for removal.

A rule orders the members of a group from best to worst; ties always fall
through to the shortest path, then the path itself, so the choice never
depends on scan order. Files in a reference folder are never marked: when a
group has any, the best of them is the one kept, and every copy outside the
reference folders is marked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from photodedup.core.models import Group, ImageRecord

# Labels are English; front ends translate them.
RULES: dict[str, str] = {
    "resolution": "Highest resolution",
    "size": "Largest file",
    "oldest": "Oldest",
    "newest": "Newest",
}
DEFAULT_RULE = "resolution"

_SortKey = tuple[float, ...]
_EPOCH = datetime(1970, 1, 1)


def best_index(group: Group, rule: str = DEFAULT_RULE) -> int:
    """The index in ``group.members`` of the copy to keep under ``rule``.

    If the group has members in a reference folder, the best of those.
    Raises ``ValueError`` for an unknown rule or an empty group.
    """
    key_for = _key_function(rule)
    if not group.members:
        raise ValueError("an empty group has no copy to keep")
    candidates = [i for i, m in enumerate(group.members) if m.in_reference_folder]
    if not candidates:
        candidates = list(range(len(group.members)))
    records = [group.members[i].image for i in candidates]
    ages = _ages(records)
    keyed = [
        (key_for(rec, age), len(rec.path), rec.path, i)
        for i, rec, age in zip(candidates, records, ages, strict=True)
    ]
    return min(keyed)[-1]


def premark(groups: Sequence[Group], rule: str = DEFAULT_RULE) -> set[str]:
    """Paths to remove: every member but the best of each group.

    Never a file in a reference folder, and never a file that is the one kept
    in some group (a path can sit in more than one group), so no group ever
    ends up with all its members marked.
    """
    _key_function(rule)  # reject an unknown rule even when there are no groups
    marked: set[str] = set()
    kept: set[str] = set()
    for group in groups:
        if not group.members:
            continue
        best = best_index(group, rule)
        for i, member in enumerate(group.members):
            if i == best or member.in_reference_folder:
                kept.add(member.image.path)
            else:
                marked.add(member.image.path)
    return marked - kept


def _key_function(rule: str) -> Callable[[ImageRecord, float], _SortKey]:
    try:
        return _KEYS[rule]
    except KeyError:
        raise ValueError(f"unknown selection rule {rule!r}; choose one of {list(RULES)}") from None


def _ages(records: Sequence[ImageRecord]) -> list[float]:
    """When each picture was made, in seconds, comparable within this group.

    The EXIF date the photo was taken survives copying and syncing, which
    rewrite the file time, so it decides whenever every candidate has one.
    Mixing it with file times would compare different clocks, so otherwise
    all candidates fall back to the file time.
    """
    taken = [_parse_taken(r.taken) for r in records]
    if all(t is not None for t in taken):
        return [t for t in taken if t is not None]
    return [r.mtime_ns / 1e9 for r in records]


def _parse_taken(value: str | None) -> float | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    # No zone is recorded; counting from a fixed naive epoch orders the photos
    # of one group the same way on every platform, before 1970 too.
    return (moment.replace(tzinfo=None) - _EPOCH).total_seconds()


# Each key sorts the best copy first; ties go to the shorter path afterwards.
_KEYS: dict[str, Callable[[ImageRecord, float], _SortKey]] = {
    "resolution": lambda r, age: (-r.pixels, -r.size, age),
    "size": lambda r, age: (-r.size, -r.pixels, age),
    "oldest": lambda r, age: (age, -r.pixels, -r.size),
    "newest": lambda r, age: (-age, -r.pixels, -r.size),
}
