"""The results list's index of the groups, built off the GUI thread.

Everything the list needs to sort, filter, count and find a file in constant or
numpy time, computed once per set of groups. The marks, with their rules and
per-group counts, are the engine's (``core.marks``); this adds the filter's text.
Building it for 100,000 files takes a few hundred milliseconds of Python, so the
scan and regroup jobs build it in their thread and the model only swaps it in.
No Qt here.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable
from dataclasses import dataclass

import numpy as np

from photodedup.core.marks import Marks
from photodedup.core.results import Group


@dataclass
class GroupTable:
    """Groups of two or more files, their marks, and what the list filters them by.

    The groups, their numbers and the per-group counts are the marks' own
    (``core.marks.Marks``): a group that lost all but one file is no longer
    ``alive``, and numbers stay while files leave.
    """

    marks: Marks
    haystacks: list[str]  # each group's folders, case-folded, one per line: the filter

    @property
    def groups(self) -> list[Group]:
        return self.marks.groups

    @property
    def alive(self) -> np.ndarray:
        return self.marks.alive

    @property
    def counts(self) -> np.ndarray:
        return self.marks.counts

    @property
    def group_of_path(self) -> dict[str, int]:
        return self.marks.group_of_path

    @property
    def size(self) -> int:
        return int(np.count_nonzero(self.marks.alive))


def build_table(groups: Iterable[Group], marked: Collection[str] = ()) -> GroupTable:
    """Index ``groups`` (groups of one are left out) with ``marked`` as the marks."""
    return table_for(Marks(groups, marked))


def table_for(marks: Marks) -> GroupTable:
    """The table of the groups ``marks`` holds."""
    return GroupTable(marks, [_haystack(g) for g in marks.groups])


def _haystack(group: Group) -> str:
    return "\n".join({os.path.dirname(p) for p in group.paths}).casefold()


def remove(table: GroupTable, gone: Collection[str]) -> int:
    """Take files out of their groups; a group left with one file dies. Returns files removed."""
    removed, changed = table.marks.remove(gone)
    for i in changed:
        if table.alive[i]:
            table.haystacks[i] = _haystack(table.groups[i])
    return removed


def order(table: GroupTable, sort: str, needle: str) -> np.ndarray:
    """The group indexes to show, in order: alive, matching ``needle``, sorted by ``sort``."""
    rows = np.flatnonzero(table.alive)
    if needle:
        hay = table.haystacks
        rows = np.fromiter((i for i in rows.tolist() if needle in hay[i]), dtype=np.int64)
    if sort == "bytes":
        return rows[np.argsort(-table.marks.marked_bytes[rows], kind="stable")]
    if sort == "files":
        return rows[np.argsort(-table.counts[rows], kind="stable")]
    groups = table.groups
    keys = [groups[i].reference.path.casefold() for i in rows.tolist()]
    return rows[sorted(range(len(keys)), key=keys.__getitem__)] if keys else rows
