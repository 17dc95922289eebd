"""The results list's index of the groups, built off the GUI thread.

Everything the list needs to sort, filter, count and find a file in constant or
numpy time, computed once per set of groups in one pass. Building it for 100,000
files takes a few hundred milliseconds of Python, so the scan and regroup jobs
build it in their thread and the model only swaps it in. No Qt here.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable
from dataclasses import dataclass

import numpy as np

from photodedup.core.results import Group


@dataclass
class GroupTable:
    """Groups of two or more files and what the list looks them up by.

    ``alive[i]`` is False once group ``i`` lost all but one file: indexes stay stable
    while files leave, so ``group_of_path`` never needs rebuilding.
    """

    groups: list[Group]
    alive: np.ndarray  # bool, one per group
    counts: np.ndarray  # files per group
    group_of_path: dict[str, int]
    reference_paths: set[str]  # files in a reference folder: never marked
    haystacks: list[str]  # each group's folders, case-folded, one per line: the filter
    marked: set[str]
    marked_bytes: np.ndarray  # int64, bytes of the marked files per group
    marked_files: np.ndarray  # marked files per group
    version: int = 0  # one more each time files leave

    @property
    def size(self) -> int:
        return int(np.count_nonzero(self.alive))


def build_table(groups: Iterable[Group], marked: Collection[str] = ()) -> GroupTable:
    """Index ``groups`` (groups of one are left out) with ``marked`` as the marks."""
    kept = [g for g in groups if len(g.members) >= 2]
    group_of_path: dict[str, int] = {}
    reference: set[str] = set()
    haystacks: list[str] = []
    for i, group in enumerate(kept):
        folders = set()
        for m in group.members:
            path = m.image.path
            group_of_path[path] = i
            if m.in_reference_folder:
                reference.add(path)
            folders.add(os.path.dirname(path))
        haystacks.append("\n".join(folders).casefold())
    table = GroupTable(
        groups=kept,
        alive=np.ones(len(kept), dtype=bool),
        counts=np.fromiter((len(g.members) for g in kept), dtype=np.int64, count=len(kept)),
        group_of_path=group_of_path,
        reference_paths=reference,
        haystacks=haystacks,
        marked=set(),
        marked_bytes=np.zeros(len(kept), dtype=np.int64),
        marked_files=np.zeros(len(kept), dtype=np.int64),
    )
    set_marks(table, marked)
    return table


@dataclass
class MarkState:
    """Every mark of one table at once, worked out without changing it (in a thread)."""

    table: GroupTable  # the table it was worked out for
    version: int  # that table's ``version`` then: stale once files left it
    marked: set[str]
    marked_bytes: np.ndarray
    marked_files: np.ndarray


def marks_for(table: GroupTable, marked: Collection[str]) -> MarkState:
    """The marks ``marked`` would give ``table``, which is only read: for 35,000
    marks a tenth of a second of Python, so a job makes it and the model swaps it in."""
    version = table.version
    where = table.group_of_path
    chosen = {p for p in marked if p in where} - table.reference_paths
    files = np.zeros(len(table.groups), dtype=np.int64)
    sizes = np.zeros(len(table.groups), dtype=np.int64)
    by_group: dict[int, list[str]] = {}
    for path in chosen:
        by_group.setdefault(where[path], []).append(path)
    for i, paths in by_group.items():
        files[i] = len(paths)
        sizes[i] = sum(m.image.size for m in table.groups[i].members if m.image.path in chosen)
    return MarkState(table, version, chosen, sizes, files)


def apply_marks(table: GroupTable, state: MarkState) -> bool:
    """Take ``state``'s marks; False (nothing changed) if it is for another table
    or files have left this one since."""
    if state.table is not table or state.version != table.version:
        return False
    table.marked = state.marked
    table.marked_bytes = state.marked_bytes
    table.marked_files = state.marked_files
    return True


def set_marks(table: GroupTable, marked: Collection[str]) -> None:
    """Replace every mark; files not in a group or in a reference folder stay unmarked."""
    apply_marks(table, marks_for(table, marked))


def mark(table: GroupTable, path: str, on: bool) -> int | None:
    """Mark or unmark one file; the group index it changed, or None if nothing changed."""
    i = table.group_of_path.get(path)
    if i is None or (on and path in table.reference_paths) or on == (path in table.marked):
        return None
    size = next(m.image.size for m in table.groups[i].members if m.image.path == path)
    if on:
        table.marked.add(path)
    else:
        table.marked.discard(path)
    sign = 1 if on else -1
    table.marked_files[i] += sign
    table.marked_bytes[i] += sign * size
    return i


def remove(table: GroupTable, gone: Collection[str]) -> int:
    """Take files out of their groups; a group left with one file dies. Returns files removed."""
    by_group: dict[int, set[str]] = {}
    for path in gone:
        i = table.group_of_path.get(path)
        if i is not None:
            by_group.setdefault(i, set()).add(path)
    removed = 0
    table.version += 1
    for i, paths in by_group.items():
        group = table.groups[i]
        smaller = group.without(paths)
        members = smaller.members if smaller is not None else ()
        removed += len(paths & set(group.paths))
        for path in paths:
            del table.group_of_path[path]
            table.reference_paths.discard(path)
            table.marked.discard(path)
        if smaller is None:  # one file left: no longer a group
            table.alive[i] = False
            table.counts[i] = 0
            for m in group.members:
                table.group_of_path.pop(m.image.path, None)
                table.marked.discard(m.image.path)
            table.marked_files[i] = table.marked_bytes[i] = 0
            continue
        table.groups[i] = smaller
        table.counts[i] = len(members)
        chosen = [m for m in members if m.image.path in table.marked]
        table.marked_files[i] = len(chosen)
        table.marked_bytes[i] = sum(m.image.size for m in chosen)
        table.haystacks[i] = "\n".join({os.path.dirname(m.image.path) for m in members}).casefold()
    return removed


def order(table: GroupTable, sort: str, needle: str) -> np.ndarray:
    """The group indexes to show, in order: alive, matching ``needle``, sorted by ``sort``."""
    rows = np.flatnonzero(table.alive)
    if needle:
        hay = table.haystacks
        rows = np.fromiter((i for i in rows.tolist() if needle in hay[i]), dtype=np.int64)
    if sort == "bytes":
        return rows[np.argsort(-table.marked_bytes[rows], kind="stable")]
    if sort == "files":
        return rows[np.argsort(-table.counts[rows], kind="stable")]
    groups = table.groups
    keys = [groups[i].reference.path.casefold() for i in rows.tolist()]
    return rows[sorted(range(len(keys)), key=keys.__getitem__)] if keys else rows
