"""``scan --trash`` / ``scan --move-to DIR``: remove the copies the scan marks.

The marks are the app's (every copy but the one the keep rule keeps); the
removal goes through the engine's one audited path: a plan that never empties
a group or touches a reference folder, a re-check of each file right before
it moves, and a logged batch that ``photodedup-cli undo`` restores.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import IO, TYPE_CHECKING

from photodedup.cli.common import EXIT_OK, EXIT_USAGE, error
from photodedup.cli.confirm import confirmed
from photodedup.cli.render import human_bytes, printable, reason_words
from photodedup.core.reasons import Status
from photodedup.core.results import ScanResult

if TYPE_CHECKING:
    from photodedup.core.scan import ScanOptions
    from photodedup.core.trash import Outcome

EXIT_INCOMPLETE = 1


def add_arguments(s: argparse.ArgumentParser) -> None:
    what = s.add_mutually_exclusive_group()
    what.add_argument(
        "--trash",
        action="store_true",
        help="move the marked copies (all but the one kept in each group) to the trash",
    )
    what.add_argument(
        "--move-to",
        metavar="DIR",
        help="move the marked copies into DIR instead, keeping their paths below each scanned "
        "folder",
    )
    s.add_argument("--yes", action="store_true", help="with --trash or --move-to: do not ask first")


def check_arguments(args: argparse.Namespace) -> str | None:
    """Why the removal options cannot work, found out before the scan."""
    if args.yes and not (args.trash or args.move_to):
        return "--yes only goes with --trash or --move-to"
    if args.move_to and not os.path.isdir(args.move_to):
        return f"not a folder: {args.move_to}"
    return None


def remove_marked(
    args: argparse.Namespace, result: ScanResult, options: ScanOptions, marked: set[str]
) -> int:
    """Move the ``marked`` files (the report's, from the --keep rule and --prefer
    order) to the trash or the --move-to folder, after asking."""
    from photodedup.core import trash

    out = sys.stderr if args.json == "-" else sys.stdout
    plan = trash.plan_removal(result.groups, marked)
    if plan.problems:
        for problem in plan.problems:
            error(reason_words(problem.reason, problem.path))
        return EXIT_USAGE
    if not plan.items:
        print("\nNothing to remove.", file=out)
        return EXIT_OK
    where = "the trash" if args.trash else printable(os.path.abspath(args.move_to))
    print(f"\nTo move to {where}: {len(plan.items)} file(s), {human_bytes(plan.bytes)}", file=out)
    for item in plan.items:
        print(f"  {printable(item.path)}", file=out)
        print(f"      keeps {printable(item.kept[0])}", file=out)
    if not confirmed(f"Move {len(plan.items)} file(s) to {where}?", args.yes, "remove files"):
        return EXIT_USAGE
    batch = trash.new_batch_id()
    if args.trash:
        outcomes = trash.execute(plan, batch=batch)
    else:
        folder = os.path.abspath(args.move_to)
        outcomes = trash.move_to(plan.items, folder, roots=options.walk.roots, batch=batch)
    return _report(outcomes, {i.path: i.size for i in plan.items}, batch, out)


def _report(outcomes: list[Outcome], sizes: dict[str, int], batch: str, out: IO[str]) -> int:
    done = [o for o in outcomes if o.status in (Status.TRASHED, Status.MOVED)]
    for o in outcomes:
        if o not in done:
            hint = " (try --move-to DIR)" if o.status == Status.NO_TRASH else ""
            words = reason_words(o.reason, o.detail)
            print(f"  not removed: {printable(o.path)}: {words}{hint}", file=out)
    freed = human_bytes(sum(sizes.get(o.path, 0) for o in done))
    print(f"{len(done)} of {len(outcomes)} file(s) removed ({freed}).", file=out)
    if done:
        print(f"Batch {batch}: undo with 'photodedup-cli undo {batch}'.", file=out)
    return EXIT_OK if len(done) == len(outcomes) else EXIT_INCOMPLETE
