"""The files marked for removal in a list of groups, and the rules marks obey.

Whoever marks (the list, the compare view, the review, a keep rule), the rules
are these: a file in a reference folder is never marked, nor one found gone or
changed since the scan (``unavailable``), nor a path in none of the groups.

Beside the paths, ``Marks`` keeps how many files and bytes are marked in each
group (numpy arrays, by group number), so that a list of 100,000 files sorts by
the space each group frees and adds up the total without a pass over the files.
Work on every mark at once (35,000 marks take a tenth of a second of Python) can
be done off the caller's thread: ``prepare`` only reads, ``apply`` takes what it
made unless files left meanwhile. No threads or signals here: a front end that
wants to hear of changes subscribes a plain callable.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

from photodedup.core.results import Group
from photodedup.core.select import Rule, premark

# Told which group numbers' marks changed; None when any may have.
Listener = Callable[[Sequence[int] | None], None]


@runtime_checkable
class MarkSet(Protocol):
    """What a view needs of the marks it is given: a ``Marks``, or a dialog's own
    set of paths when it is opened without results."""

    def __contains__(self, path: object) -> bool: ...
    def __iter__(self) -> Iterator[str]: ...
    def __len__(self) -> int: ...
    def set(self, path: str, marked: bool) -> bool:
        """Mark or unmark ``path``; False when it cannot be marked."""
        ...


class _Index:
    """Groups by number and what finding a file's group needs; built in one pass."""

    def __init__(self, groups: Iterable[Group]) -> None:
        self.groups = [g for g in groups if len(g.members) >= 2]
        n = len(self.groups)
        self.alive = np.ones(n, dtype=bool)  # False once a group is down to one file
        self.counts = np.fromiter((len(g.members) for g in self.groups), np.int64, count=n)
        self.where: dict[str, int] = {}  # path -> its (last) group's number
        self.more: dict[str, list[int]] = {}  # a path in several groups: the others
        self.size: dict[str, int] = {}
        self.reference: set[str] = set()
        for i, group in enumerate(self.groups):
            for m in group.members:
                path = m.image.path
                before = self.where.get(path)
                if before is not None and before != i:
                    self.more.setdefault(path, []).append(before)
                self.where[path] = i
                self.size[path] = m.image.size
                if m.in_reference_folder:
                    self.reference.add(path)

    def groups_of(self, path: str) -> list[int]:
        i = self.where.get(path)
        if i is None:
            return []
        return [i, *self.more[path]] if path in self.more else [i]


@dataclass
class MarkState:
    """Every mark of one ``Marks`` at once, worked out without changing it."""

    marks: Marks  # what it was worked out for
    version: int  # its ``version`` then: stale once files left it or new groups came
    marked: set[str]
    marked_bytes: np.ndarray
    marked_files: np.ndarray


class Marks:
    """The marked paths of a list of groups, with per-group counts.

    Groups are known by number (their index in ``groups``); groups of one file are
    left out. Numbers stay while files leave: a group down to one file is no longer
    ``alive``. Iterating gives the marked paths (a copy); ``len`` counts them.
    """

    def __init__(
        self,
        groups: Iterable[Group] = (),
        marked: Iterable[str] = (),
        unavailable: Collection[str] = (),
    ) -> None:
        self._ix = _Index(groups)
        self._unavailable = frozenset(unavailable)
        self._version = 0
        self._listeners: list[Listener] = []
        self._take(self.prepare(marked))

    # -- reading --------------------------------------------------------------------
    def __contains__(self, path: object) -> bool:
        return path in self._marked

    def __iter__(self) -> Iterator[str]:
        return iter(tuple(self._marked))  # marks may change while one iterates

    def __len__(self) -> int:
        return len(self._marked)

    def paths(self) -> set[str]:
        """The marked paths, a copy."""
        return set(self._marked)

    @property
    def groups(self) -> list[Group]:
        """Every group by number, those no longer ``alive`` as they last were."""
        return self._ix.groups

    @property
    def alive(self) -> np.ndarray:
        return self._ix.alive

    @property
    def counts(self) -> np.ndarray:
        """Files per group (0 for a group no longer alive)."""
        return self._ix.counts

    @property
    def group_of_path(self) -> dict[str, int]:
        return self._ix.where

    @property
    def marked_bytes(self) -> np.ndarray:
        """Bytes of the marked files, per group."""
        return self._bytes

    @property
    def marked_files(self) -> np.ndarray:
        return self._files

    @property
    def unavailable(self) -> frozenset[str]:
        return self._unavailable

    @property
    def version(self) -> int:
        """One more each time files leave or the groups are replaced."""
        return self._version

    def live_groups(self) -> list[Group]:
        return [self._ix.groups[i] for i in np.flatnonzero(self._ix.alive).tolist()]

    def can_mark(self, path: str) -> bool:
        ix = self._ix
        return path in ix.where and path not in ix.reference and path not in self._unavailable

    def in_group(self, group: int) -> tuple[bool, ...]:
        """For each member of group number ``group``, whether it is marked."""
        marked = self._marked
        return tuple(m.image.path in marked for m in self._ix.groups[group].members)

    def bytes(self, group: int | None = None) -> int:
        """What the marked files take, in group number ``group`` or in all (each file once)."""
        if group is not None:
            return int(self._bytes[group])
        total = int(self._bytes[self._ix.alive].sum())
        size, marked = self._ix.size, self._marked
        return total - sum(size[p] * len(more) for p, more in self._ix.more.items() if p in marked)

    def fully_marked(self) -> list[int]:
        """The numbers of the groups whose every file is marked: a removal refuses them."""
        ix = self._ix
        return np.flatnonzero(ix.alive & (self._files == ix.counts)).tolist()

    def bytes_to_free(self) -> int:
        """What the marked files take, less the groups a removal refuses: every copy
        marked, or every copy that would stay unavailable (nothing goes from those)."""
        ix = self._ix
        freeable = ix.alive & (self._files < ix.counts)
        freeable[list(self._kept_unavailable())] = False
        return int(self._bytes[freeable].sum())

    def _kept_unavailable(self) -> set[int]:
        ix, gone, marked = self._ix, self._unavailable, self._marked
        out = set()
        for i in {g for p in gone for g in ix.groups_of(p)}:
            if not ix.alive[i]:
                continue
            stays = [p for p in ix.groups[i].paths if p not in marked]
            if stays and len(stays) < ix.counts[i] and all(p in gone for p in stays):
                out.add(i)
        return out

    # -- one file -------------------------------------------------------------------
    def change(self, path: str, marked: bool) -> tuple[int, ...]:
        """Mark or unmark ``path``: the numbers of the groups whose marks changed
        (none when it cannot be marked, or already is as asked)."""
        changed = self._change(path, marked)
        if changed:
            self._tell(changed)
        return changed

    def set(self, path: str, marked: bool) -> bool:
        """Mark or unmark ``path``; False when it cannot be marked."""
        self.change(path, marked)
        return (path in self._marked) == marked

    def toggle(self, path: str) -> bool:
        return self.set(path, path not in self._marked)

    def invert(self, group: int) -> tuple[int, ...]:
        """Unmark the marked files of group number ``group`` and mark the others
        (those that can be); the groups that changed."""
        changed: set[int] = set()
        for path in self._ix.groups[group].paths:
            changed.update(self._change(path, path not in self._marked))
        out = tuple(sorted(changed))
        if out:
            self._tell(out)
        return out

    def _change(self, path: str, marked: bool) -> tuple[int, ...]:
        if marked == (path in self._marked) or (marked and not self.can_mark(path)):
            return ()
        ix = self._ix
        groups = tuple(ix.groups_of(path))
        if marked:
            self._marked.add(path)
        else:
            self._marked.discard(path)
        sign = 1 if marked else -1
        for i in groups:
            self._files[i] += sign
            self._bytes[i] += sign * ix.size[path]
        return groups

    # -- every mark at once ---------------------------------------------------------
    def prepare(self, paths: Iterable[str]) -> MarkState:
        """What marking exactly ``paths`` (less what cannot be marked) would give;
        changes nothing, so it can run in another thread. Hand it to ``apply``."""
        # The version first: if the groups change after it is read, ``apply`` refuses this.
        version = self._version
        ix, gone = self._ix, self._unavailable
        where, more, size = ix.where, ix.more, ix.size
        chosen = {p for p in paths if p in where} - ix.reference
        if gone:
            chosen -= gone
        files = np.zeros(len(ix.groups), dtype=np.int64)
        sizes = np.zeros(len(ix.groups), dtype=np.int64)
        numbers = [where.get(p, -1) for p in chosen]
        if numbers:
            weights = [size.get(p, 0) for p in chosen]
            for p in chosen.intersection(more):  # a path in several groups counts in each
                numbers += more[p]
                weights += [size[p]] * len(more[p])
            at = np.array(numbers, dtype=np.int64)
            keep = (at >= 0) & (at < len(files))  # files left while this ran: apply refuses it
            np.add.at(files, at[keep], 1)
            np.add.at(sizes, at[keep], np.array(weights, dtype=np.int64)[keep])
        return MarkState(self, version, chosen, sizes, files)

    def apply(self, state: MarkState) -> bool:
        """Take ``state``'s marks; False (nothing changed) when it was made for other
        marks, or files left or new groups came since."""
        if state.marks is not self or state.version != self._version:
            return False
        self._take(state)
        self._unmark_unavailable()  # found gone while it was made
        self._tell(None)
        return True

    def replace(self, paths: Iterable[str]) -> None:
        """Mark exactly ``paths``, less those that cannot be marked."""
        self._take(self.prepare(paths))
        self._tell(None)

    def clear(self) -> None:
        self.replace(())

    def mark_all_but_best(self, rule: Rule = None, prefer: Sequence[str] = ()) -> None:
        """Mark every copy but the one ``rule`` keeps in each group (``select.premark``),
        unavailable files neither marked nor kept."""
        self.replace(premark(self.live_groups(), rule, prefer, self._unavailable))

    def set_unavailable(self, paths: Collection[str]) -> set[str]:
        """Files found gone or changed since the scan (and only those): they lose
        their marks and cannot be marked. Returns the paths unmarked."""
        self._unavailable = frozenset(paths)
        unmarked = self._marked & self._unavailable
        changed = self._unmark_unavailable()
        if changed:
            self._tell(sorted(changed))
        return unmarked

    def _unmark_unavailable(self) -> set[int]:
        """Unmark the marked files that are unavailable; the groups that changed."""
        changed: set[int] = set()
        for path in self._marked & self._unavailable:
            changed.update(self._change(path, False))
        return changed

    def _take(self, state: MarkState) -> None:
        self._marked, self._bytes = state.marked, state.marked_bytes
        self._files = state.marked_files

    # -- the groups change ----------------------------------------------------------
    def remove(self, gone: Collection[str]) -> tuple[int, list[int]]:
        """Forget files that left their folders; a group left with one file dies.
        Returns the files removed and the numbers of the groups that changed."""
        ix = self._ix
        where, more = ix.where, ix.more
        by_group: dict[int, set[str]] = {}
        removed = 0
        for path in gone:
            i = where.get(path)
            if i is None:
                continue
            removed += 1
            by_group.setdefault(i, set()).add(path)
            for other in more.get(path, ()):  # rare: a path in several groups
                by_group.setdefault(other, set()).add(path)
        if not by_group:
            return 0, []
        self._version += 1
        dead, shrunk = [], []
        for i, paths in by_group.items():
            group = ix.groups[i]
            smaller = group.without(paths)
            if smaller is None:  # one file left: no longer a group
                dead.append(i)
                leaving = group.paths
            else:
                ix.groups[i] = smaller
                shrunk.append(i)
                leaving = paths
            for path in leaving:
                self._forget(path, i)
        if dead:
            at = np.array(dead, dtype=np.int64)
            ix.alive[at] = False
            ix.counts[at] = self._files[at] = self._bytes[at] = 0
        marked = self._marked
        for i in shrunk:
            members = ix.groups[i].members
            chosen = [m.image.size for m in members if m.image.path in marked]
            ix.counts[i] = len(members)
            self._files[i] = len(chosen)
            self._bytes[i] = sum(chosen)
        changed = sorted(by_group)
        self._tell(changed)
        return removed, changed

    def _forget(self, path: str, group: int) -> None:
        """``path`` is no longer in group number ``group``; in no other group either,
        it is forgotten (marks, size, reference folder)."""
        ix = self._ix
        others = [g for g in ix.groups_of(path) if g != group]
        if not others:
            ix.where.pop(path, None)
            ix.more.pop(path, None)
            ix.reference.discard(path)
            ix.size.pop(path, None)
            self._marked.discard(path)
            return
        ix.where[path] = others[0]
        if len(others) > 1:
            ix.more[path] = others[1:]
        else:
            ix.more.pop(path, None)

    def take(self, other: Marks) -> None:
        """Follow ``other``'s groups and marks (new results shown: a scan, a regroup),
        keeping this one's listeners and unavailable files. Marks worked out for the
        groups before are refused from now on."""
        self._ix = other._ix
        self._take(MarkState(self, self._version, other._marked, other._bytes, other._files))
        self._version = max(self._version, other._version) + 1
        self._unmark_unavailable()
        self._tell(None)

    def set_groups(self, groups: Iterable[Group], marked: Iterable[str] | None = None) -> None:
        """Follow new groups; keep the marks that still apply, or take ``marked`` instead."""
        self.take(Marks(groups, self.paths() if marked is None else marked))

    # -- who hears of changes -------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def _tell(self, groups: Sequence[int] | None) -> None:
        for listener in list(self._listeners):
            listener(groups)
