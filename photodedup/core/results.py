"""What a scan found: groups of look-alike images, what could not be read, counts.

A result shrinks only through ``without`` (``Group.without``,
``ScanResult.without``): after a removal every view and every regroup reads the
same smaller result.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from operator import attrgetter

from photodedup.core.models import HashSettings, ImageRecord
from photodedup.core.proposals import ProposalMemo
from photodedup.core.reasons import Reason


@dataclass(frozen=True)
class ScanError:
    """A file or folder the scan could not use: a reason code, and a detail for
    what only the moment knows (the system's or the decoder's own words)."""

    path: str
    reason: Reason
    detail: str = ""


@dataclass(frozen=True)
class Member:
    """One image of a group and its Hamming distance to the group's reference."""

    image: ImageRecord
    distance: int
    in_reference_folder: bool = False
    # The other file of a camera's RAW+JPEG pair of one shot, in the same group
    # (see ``core.pairs``); "" for a file that is not in a pair.
    pair: str = ""


@dataclass(frozen=True)
class Group:
    """Look-alike images. ``members[0]`` is the reference, at distance 0."""

    members: tuple[Member, ...]

    @property
    def reference(self) -> ImageRecord:
        return self.members[0].image

    @property
    def paths(self) -> list[str]:
        return [m.image.path for m in self.members]

    def without(self, paths: Collection[str]) -> Group | None:
        """This group without ``paths``; None when fewer than two files are left.

        If the reference leaves, the next file becomes it. Distances stay those
        to the old reference: they describe how alike the files were when the
        scan grouped them, which is what the user decided on.
        """
        members = tuple(m for m in self.members if m.image.path not in paths)
        if len(members) == len(self.members):
            return self
        if len(members) == 2 and members[0].pair == members[1].image.path:
            return None  # a camera's RAW+JPEG pair of one shot is no group of copies
        return replace(self, members=members) if len(members) >= 2 else None


@dataclass
class ScanStats:
    files_seen: int = 0
    too_small: int = 0  # image files under WalkOptions.min_size, not looked at
    images: int = 0
    decoded: int = 0
    cache_hits: int = 0
    # Near-blank images: held to the stricter rule (pdq), or left out (other hashes).
    near_blank: int = 0
    seconds: float = 0.0


@dataclass
class ScanResult:
    """What a scan found. ``hash`` is the kind of every record's fingerprint."""

    images: list[ImageRecord] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    errors: list[ScanError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    identical: list[list[str]] = field(default_factory=list)  # byte-identical path sets
    stats: ScanStats = field(default_factory=ScanStats)
    hash: HashSettings = field(default_factory=HashSettings)
    # What the last grouping's searches proposed: a regroup of the same images (a
    # notch of the similarity slider) needs no search (``core.proposals``).
    proposals: ProposalMemo = field(default_factory=ProposalMemo, repr=False, compare=False)

    # Where each grouped file's group is: made on the first ``without`` and handed on
    # to the result it returns, so that removing files a batch at a time costs the
    # batch, not the library.
    _index: _GroupIndex | None = field(default=None, init=False, repr=False, compare=False)

    def records_of(self, paths: Collection[str]) -> list[ImageRecord]:
        """The images among ``paths``, in ``images`` order."""
        return [self.images[i] for i in self._image_positions(_as_set(paths))]

    def without(self, paths: Collection[str]) -> ScanResult:
        """The result once ``paths`` are gone (trashed or moved), so that a regroup
        cannot bring them back. Errors, warnings and stats stay as scanned."""
        gone = _as_set(paths)
        if not gone:
            return self
        index = self._group_index()
        touched = index.locate(gone, self.groups)
        if touched is None:  # ``groups`` was changed in place since: index it again
            index = self._index = _GroupIndex(self.groups)
            touched = index.locate(gone, self.groups)
            assert touched is not None
        groups, left = list(self.groups), []
        for pos in sorted(touched):
            smaller = groups[pos].without(gone)
            if smaller is None:
                left.append(pos)
            else:
                groups[pos] = smaller
        if left:
            groups = _drop(groups, left)
        identical = ([p for p in same if p not in gone] for same in self.identical)
        result = replace(
            self,
            images=_drop(self.images, self._image_positions(gone)),
            groups=groups,
            identical=[same for same in identical if len(same) > 1],
        )
        # The index moves to the smaller result, updated in place: a copy of its map
        # of every grouped path cost ~10 ms a batch at 100,000 photos. This result
        # indexes its groups anew if it is asked again.
        index.forget(gone, {pos: self.groups[pos] for pos in left}, touched)
        index.groups = groups
        result._index, self._index = index, None
        return result

    def index_groups(self) -> None:
        """Find each grouped file's group now, which the first ``without`` needs: a
        job's thread pays for it (70-160 ms at 100,000 photos) rather than the
        window's, when the trash reports its first files gone."""
        self._group_index()

    def _group_index(self) -> _GroupIndex:
        if self._index is None or self._index.groups is not self.groups:
            self._index = _GroupIndex(self.groups)
        return self._index

    def _image_positions(self, paths: set[str]) -> list[int]:
        """Where ``paths`` are in ``images``, ascending. A scan sorts its images by
        path, so each is found by bisection; otherwise, or for a path not there,
        the list is searched whole."""
        images, found = self.images, []
        for path in paths:
            i = bisect_left(images, path, key=_path_of)
            if i == len(images) or images[i].path != path:
                return [i for i, r in enumerate(images) if r.path in paths]
            found.append(i)
        return sorted(found)


_path_of = attrgetter("path")


def _as_set(paths: Collection[str]) -> set[str] | frozenset[str]:
    return paths if isinstance(paths, (set, frozenset)) else set(paths)


def _drop(items: Sequence, positions: Sequence[int]) -> list:
    """``items`` without the ones at ``positions`` (ascending), copied in slices."""
    out, start = [], 0
    for pos in positions:
        out.extend(items[start:pos])
        start = pos + 1
    out.extend(items[start:])
    return out


class _GroupIndex:
    """Each grouped path's group, by its position when the groups were indexed; a
    group's position now is that less the indexed groups that left before it."""

    __slots__ = ("groups", "left", "where")

    def __init__(self, groups: list[Group]) -> None:
        self.groups = groups  # the list indexed; another list means another index
        self.where = {m.image.path: i for i, g in enumerate(groups) for m in g.members}
        self.left: list[int] = []  # first positions of the groups gone, ascending

    def locate(self, paths: Collection[str], groups: list[Group]) -> dict[int, int] | None:
        """The groups holding ``paths``: their position now, and their first one.
        None when a path is not in the group the index says (the index is stale)."""
        touched: dict[int, int] = {}
        for path in paths:
            first = self.where.get(path)
            if first is None:
                continue
            pos = first - bisect_left(self.left, first)
            if pos >= len(groups) or not any(m.image.path == path for m in groups[pos].members):
                return None
            touched[pos] = first
        return touched

    def forget(
        self, gone: Collection[str], left: dict[int, Group], touched: dict[int, int]
    ) -> None:
        """Update the index once ``gone`` left and the groups in ``left`` (by position
        now) went with them; ``touched`` is what ``locate`` said."""
        for path in gone:
            self.where.pop(path, None)
        for group in left.values():  # the file left alone is in no group now
            for m in group.members:
                self.where.pop(m.image.path, None)
        if left:
            self.left = sorted(self.left + [touched[pos] for pos in left])
