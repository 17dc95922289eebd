"""Which copy of each group to keep, and so which ones to pre-mark for removal.

The keep rules themselves (criteria, presets, reasons) live in ``keep``; this
module applies one to groups. Files in a reference folder are never marked:
when a group has any, the best of them is the one kept, and every copy outside
the reference folders is marked.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from photodedup.core.keep import Choice, KeepReason, KeepRule, choose, chooser
from photodedup.core.results import Group, Member

Rule = KeepRule | str | None


def choice(group: Group, rule: Rule = None, prefer: Sequence[str] = ()) -> Choice:
    """The copy of ``group`` to keep under ``rule`` and why (see ``keep.choose``)."""
    return choose(group.members, rule, prefer)


def best_index(group: Group, rule: Rule = None, prefer: Sequence[str] = ()) -> int:
    """The index in ``group.members`` of the copy to keep under ``rule``.

    If the group has members in a reference folder, the best of those.
    Raises ``ValueError`` for an unknown rule or an empty group.
    """
    return choice(group, rule, prefer).index


def choices(groups: Sequence[Group], rule: Rule = None, prefer: Sequence[str] = ()) -> list[Choice]:
    """``choice`` for every group, parsing the rule once."""
    pick = chooser(rule, prefer)
    return [pick(g.members) for g in groups]


def choice_among(
    group: Group, rule: Rule = None, prefer: Sequence[str] = (), unavailable: Collection[str] = ()
) -> Choice | None:
    """``choice`` among the members not in ``unavailable`` (files gone or changed
    since the scan), its index still into ``group.members``; None when none is left."""
    return _among(group.members, chooser(rule, prefer), unavailable)


def choices_among(
    groups: Sequence[Group],
    rule: Rule = None,
    prefer: Sequence[str] = (),
    unavailable: Collection[str] = (),
) -> list[Choice | None]:
    """``choice_among`` for every group, parsing the rule once."""
    pick = chooser(rule, prefer)
    return [_among(g.members, pick, unavailable) for g in groups]


def _among(members: Sequence[Member], pick, unavailable: Collection[str]) -> Choice | None:
    live = [i for i, m in enumerate(members) if m.image.path not in unavailable]
    if len(live) == len(members):
        return pick(members)
    if not live:
        return None
    picked = pick([members[i] for i in live])
    # What ruled out each member, in the group's own order (None for one left out).
    ruled_out: list[KeepReason | None] = [None] * len(members)
    for k, i in enumerate(live):
        ruled_out[i] = picked.ruled_out_by[k] if picked.ruled_out_by else None
    return Choice(live[picked.index], picked.reasons, tuple(ruled_out))


def premark(
    groups: Sequence[Group],
    rule: Rule = None,
    prefer: Sequence[str] = (),
    unavailable: Collection[str] = (),
) -> set[str]:
    """Paths to remove: every member but the best of each group.

    Never a file in a reference folder, and never a file that is the one kept
    in some group (a path can sit in more than one group), so no group ever
    ends up with all its members marked. Files in ``unavailable`` (gone or
    changed since the scan) are never marked nor kept: the best of the others is.
    """
    pick = chooser(rule, prefer)  # rejects an unknown rule even when there are no groups
    lists: Iterable[Sequence[Member]] = (g.members for g in groups)
    if unavailable:
        lists = (tuple(m for m in ms if m.image.path not in unavailable) for ms in lists)
    return _marks((ms, pick(ms).index) for ms in lists if ms)


def marks_of(groups: Sequence[Group], picks: Sequence[Choice]) -> set[str]:
    """``premark`` from the choice already made in each group (``choices``, same order),
    so a front end that needs both the marks and the reasons chooses once."""
    return _marks((g.members, c.index) for g, c in zip(groups, picks, strict=True))


def _marks(kept_in: Iterable[tuple[Sequence[Member], int]]) -> set[str]:
    """Every member but the kept one (by its index), its RAW+JPEG partner and
    reference-folder files, less any path kept in another group."""
    marked: set[str] = set()
    kept: set[str] = set()
    for members, best in kept_in:
        # A RAW+JPEG pair is one shot: the partner of the copy kept stays too.
        partner = members[best].pair
        for i, member in enumerate(members):
            path = member.image.path
            if i == best or member.in_reference_folder or (partner and path == partner):
                kept.add(path)
            else:
                marked.add(path)
    return marked - kept


def space_order(groups: Sequence[Group], marked: Collection[str]) -> list[int]:
    """Indexes of ``groups`` as the app lists them by default: the most bytes
    marked to free first, then in the order they were found."""

    def freed(i: int) -> int:
        return sum(m.image.size for m in groups[i].members if m.image.path in marked)

    return sorted(range(len(groups)), key=lambda i: (-freed(i), i))


@dataclass(frozen=True)
class Verdict:
    """Whether one member of a group stays, and why: for the copy the rule kept, the
    reasons it beat the others; for a copy the rule marked, what ruled it out."""

    keep: bool
    reasons: tuple[KeepReason, ...]


def verdicts(
    groups: Sequence[Group],
    marked: Collection[str] | None = None,
    rule: Rule = None,
    prefer: Sequence[str] = (),
    *,
    picks: Sequence[Choice | None] | None = None,
    suggested: Collection[str] | None = None,
    unavailable: Collection[str] = (),
) -> list[tuple[Verdict, ...]]:
    """A verdict for every member of every group, in order.

    ``marked`` holds the paths to remove as the user left them; ``None`` means the
    rule's own marks. A mark that differs from the rule's says ``USER``. ``picks``
    is each group's choice under ``rule`` and ``prefer`` (``choices``, or
    ``choices_among`` with ``unavailable``) when the caller has made it already;
    otherwise it is made here. ``suggested``: the rule's marks from those picks
    (``marks_of``), when the caller has them too. Files in ``unavailable`` (gone or
    changed since the scan) are left out of the choice, as the app's list leaves
    them, and say ``CHANGED``.
    """
    if picks is None:
        picks = (
            choices_among(groups, rule, prefer, unavailable)
            if unavailable
            else choices(groups, rule, prefer)
        )
    if suggested is None:
        chosen = [(g, c) for g, c in zip(groups, picks, strict=True) if c is not None]
        suggested = marks_of([g for g, _ in chosen], [c for _, c in chosen])
        suggested -= set(unavailable)
    if marked is None:
        marked = suggested
    out = []
    for group, picked in zip(groups, picks, strict=True):
        row = []
        for i, member in enumerate(group.members):
            path = member.image.path
            keep = path not in marked
            if path in unavailable or picked is None:
                why: tuple[KeepReason, ...] = (KeepReason.CHANGED,)
            elif keep != (path not in suggested):
                why = (KeepReason.USER,)
            elif i == picked.index:
                why = picked.reasons
            elif keep and path == group.members[picked.index].pair:
                why = (KeepReason.RAW_JPEG_PAIR,)
            elif keep and member.in_reference_folder:
                why = (KeepReason.REFERENCE_FOLDER,)
            elif keep:
                why = (KeepReason.KEPT_IN_ANOTHER_GROUP,)
            else:
                lost = picked.ruled_out_by[i]
                why = (lost,) if lost else ()
            row.append(Verdict(keep, why))
        out.append(tuple(row))
    return out


def __getattr__(name: str) -> object:
    # ``Marks`` and ``MarkSet`` live in ``core.marks``, which applies this module's
    # rules (``premark``); looked up on first use, so neither module imports the other first.
    if name in ("Marks", "MarkSet", "MarkState"):
        from photodedup.core import marks

        return getattr(marks, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
