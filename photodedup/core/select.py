"""Which copy of each group to keep, and so which ones to pre-mark for removal.

The keep rules themselves (criteria, presets, reasons) live in ``keep``; this
module applies one to groups. Files in a reference folder are never marked:
when a group has any, the best of them is the one kept, and every copy outside
the reference folders is marked.
"""

from __future__ import annotations

from collections.abc import Sequence

from photodedup.core.keep import Candidate, Choice, KeepRule, choose, resolve
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
