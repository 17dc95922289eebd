"""The review's words: the summary, what blocks the plan, each group's title, the gaps.

The engine plans and finds the problems; these say them, and the fix, in the
user's words.
"""

from __future__ import annotations

import html
import os
from collections.abc import Container

from PySide6.QtCore import QObject

from photodedup.core.metadata_gaps import Fact, MetadataGap
from photodedup.core.reasons import Reason
from photodedup.core.results import Group
from photodedup.core.trash import RemovalPlan
from photodedup.gui.platform.formatting import display_path, format_bytes, format_resolution, pick
from photodedup.gui.review.list_model import ReviewGroup


class ReviewWords(QObject):
    """The words of one review dialog (a QObject, for tr())."""

    def facts_text(self, missing: tuple[Fact, ...]) -> str:
        """What a group would lose, as "the date taken and the location"."""
        words = {
            Fact.TAKEN: self.tr("the date taken"),
            Fact.GPS: self.tr("the location"),
            Fact.CAMERA: self.tr("the camera model"),
        }
        names = [words[f] for f in missing]
        if len(names) == 1:
            return names[0]
        head = self.tr(", ").join(names[:-1])
        return self.tr("%1 and %2").replace("%1", head).replace("%2", names[-1])

    def summary_text(self, plan: RemovalPlan) -> str:
        """What the plan moves and frees, or why it moves nothing."""
        if not plan.items:
            return self.tr("No files are marked for removal.")
        # A group with a problem moves nothing: its files are not counted.
        blocked = {p.group for p in plan.problems}
        items = [item for item in plan.items if item.group not in blocked]
        if not items:
            return self.tr("Nothing can be moved yet.")
        n, g = len(items), len({item.group for item in items})
        files = pick(
            n,
            self.tr("%n file", "", n),
            self.tr("%n files", "", n),
        )
        groups = pick(
            g,
            self.tr("%n group", "", g),
            self.tr("%n groups", "", g),
        )
        if blocked:
            text = self.tr(
                "Once that is fixed, %1 from %2 can be moved to the Trash, freeing %3.",
            )
        else:
            text = self.tr("%1 from %2 will be moved to the Trash, freeing %3.")
        return (
            text.replace("%1", files)
            .replace("%2", groups)
            .replace("%3", format_bytes(sum(item.size for item in items)))
        )

    def problem_text(self, plan: RemovalPlan, groups: list[Group], marks: Container[str]) -> str:
        """What stops the plan, with the fix for each."""
        lines = [self.tr("Nothing can be moved until this is fixed in the results:")]
        lines += [f"• {line}" for line in self._problem_lines(plan, groups, marks)]
        return "\n".join(lines)

    def _problem_lines(
        self, plan: RemovalPlan, groups: list[Group], marks: Container[str]
    ) -> list[str]:
        # The engine finds the problems; the wording here tells the user the fix.
        lines: list[str] = []
        for problem in plan.problems:
            if not 0 <= problem.group < len(groups):
                line = self.tr("%1 is in no group of the results.").replace(
                    "%1", display_path(problem.path)
                )
            else:
                group = groups[problem.group]
                number = str(problem.group + 1)
                if problem.reason == Reason.ALL_MARKED:
                    line = self.tr(
                        "Group %1 would lose every copy. Unmark at least one file in it "
                        "in the results.",
                    ).replace("%1", number)
                elif problem.reason == Reason.KEPT_MISSING:
                    line = (
                        self.tr(
                            "Group %1: %2, the copy to keep, is missing or changed since the "
                            "scan. Unmark another copy in the results, or scan again."
                        )
                        .replace("%1", number)
                        .replace("%2", display_path(os.path.basename(problem.path)))
                    )
                else:
                    refs = [
                        display_path(os.path.basename(m.image.path))
                        for m in group.members
                        if m.in_reference_folder and m.image.path in marks
                    ]
                    line = (
                        self.tr(
                            "Group %1: %2 is in a reference folder, which is never changed. "
                            "Unmark it in the results.",
                        )
                        .replace("%1", number)
                        .replace("%2", ", ".join(refs) or display_path(problem.path))
                    )
            if line not in lines:
                lines.append(line)
        return lines

    def group_title(self, group: ReviewGroup, losing: dict[int, MetadataGap]) -> str:
        """A group's title row: its number, what it would lose, the copy kept."""
        title = self.tr("Group %1").replace("%1", str(group.index + 1))
        kept = group.kept
        if group.kept_gone:
            name = display_path(os.path.basename(group.kept_gone[0].path))
            return f"{title} — ⚠ " + self.tr("the copy to keep, %1, is missing or changed").replace(
                "%1", name
            )
        if not kept:
            return title + " — " + self.tr("keeping nothing")
        gap = losing.get(group.index)
        if gap is not None:
            title += " — ⚠ " + self.tr("loses %1").replace("%1", self.facts_text(gap.missing))
        first = kept[0]
        name = display_path(os.path.basename(first.path))
        name = (
            f"{name} ({format_resolution(first.width, first.height)}, {format_bytes(first.size)})"
        )
        keeping = self.tr("keeping %1").replace("%1", name)
        if len(kept) > 1:
            keeping += " " + self.tr("and %n more", "", len(kept) - 1)
        return f"{title} — {keeping}"

    def gaps_text(self, gaps: list[MetadataGap]) -> str:
        """Each group that would lose facts only another copy has, with a link (its
        index) to keep that copy instead; rich text."""
        lines = []
        for i, gap in enumerate(gaps):
            name = html.escape(display_path(os.path.basename(gap.donor)))
            text = self.tr("Group %1 would lose %2, which only %3 has.")
            text = (
                text.replace("%1", str(gap.group + 1))
                .replace("%2", self.facts_text(gap.missing))
                .replace("%3", f"<b>{name}</b>")
            )
            link = self.tr("Keep %1 instead").replace("%1", name)
            lines.append(f'{text} <a href="{i}">{link}</a>')
        return "<br>".join(lines)
