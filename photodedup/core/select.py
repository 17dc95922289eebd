"""Which copy of each group to keep, and so which ones to pre-mark for removal.

The keep rules themselves (criteria, presets, reasons) live in ``keep``; this
module applies one to groups. Files in a reference folder are never marked:
when a group has any, the best of them is the one kept, and every copy outside
the reference folders is marked.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from photodedup.core.keep import Candidate, Choice, KeepReason, KeepRule, choose, resolve
from photodedup.core.models import Group

# The rules earlier versions offered, by the names their settings saved; labels
# are English, front ends translate them. "resolution" is the default rule.
RULES: dict[str, str] = {
    "resolution": "Highest resolution",
    "size": "Largest file",
    "oldest": "Oldest",
    "newest": "Newest",
}
DEFAULT_RULE = "resolution"

Rule = KeepRule | str | None


def choice(group: Group, rule: Rule = None, prefer: Sequence[str] = ()) -> Choice:
    """The copy of ``group`` to keep under ``rule`` and why (see ``keep.choose``)."""
    return choose([Candidate(m.image, m.in_reference_folder) for m in group.members], rule, prefer)


def best_index(group: Group, rule: Rule = None, prefer: Sequence[str] = ()) -> int:
    """The index in ``group.members`` of the copy to keep under ``rule``.

    If the group has members in a reference folder, the best of those.
    Raises ``ValueError`` for an unknown rule or an empty group.
    """
    return choice(group, rule, prefer).index


def choices(groups: Sequence[Group], rule: Rule = None, prefer: Sequence[str] = ()) -> list[Choice]:
    """``choice`` for every group, parsing the rule once."""
    parsed = resolve(rule)
    return [choice(g, parsed, prefer) for g in groups]


def premark(groups: Sequence[Group], rule: Rule = None, prefer: Sequence[str] = ()) -> set[str]:
    """Paths to remove: every member but the best of each group.

    Never a file in a reference folder, and never a file that is the one kept
    in some group (a path can sit in more than one group), so no group ever
    ends up with all its members marked.
    """
    parsed = resolve(rule)  # reject an unknown rule even when there are no groups
    marked: set[str] = set()
    kept: set[str] = set()
    for group in groups:
        if not group.members:
            continue
        best = best_index(group, parsed, prefer)
        for i, member in enumerate(group.members):
            if i == best or member.in_reference_folder:
                kept.add(member.image.path)
            else:
                marked.add(member.image.path)
    return marked - kept


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
) -> list[tuple[Verdict, ...]]:
    """A verdict for every member of every group, in order.

    ``marked`` holds the paths to remove as the user left them; ``None`` means the
    rule's own marks. A mark that differs from the rule's says ``USER``.
    """
    parsed = resolve(rule)
    suggested = premark(groups, parsed, prefer)
    if marked is None:
        marked = suggested
    out = []
    for group in groups:
        picked = choice(group, parsed, prefer)
        row = []
        for i, member in enumerate(group.members):
            path = member.image.path
            keep = path not in marked
            if keep != (path not in suggested):
                why: tuple[KeepReason, ...] = (KeepReason.USER,)
            elif i == picked.index:
                why = picked.reasons
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
