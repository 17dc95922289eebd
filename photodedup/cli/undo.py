"""``photodedup-cli undo [BATCH] [--yes]``: put a removal's files back where they were."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from photodedup.cli.common import EXIT_OK, EXIT_USAGE, error
from photodedup.cli.confirm import confirmed
from photodedup.cli.render import human_bytes, printable

EXIT_INCOMPLETE = 1


def add_parser(sub: Any) -> argparse.ArgumentParser:
    u = sub.add_parser(
        "undo",
        help="restore the files of the last removal (or of BATCH)",
        description="Move the files of a removal batch back to where they were, from the "
        "trash or the folder they were moved to. A file is never put over one that now "
        "exists. Without BATCH, the latest batch that is not restored yet. Asks first on "
        "a terminal; elsewhere it needs --yes. On macOS and Windows, files sent to the "
        "system trash are restored from the Finder or the Recycle Bin; files moved to a "
        "folder are restored everywhere.",
    )
    u.add_argument("batch", nargs="?", metavar="BATCH", help="a batch id (or its first letters)")
    u.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    return u


def run(args: argparse.Namespace) -> int:
    from photodedup.cli.history import report_damaged, unknown_batch
    from photodedup.cli.words import batch_time, restore_words
    from photodedup.core.actionlog import BatchStatus, pending, read_history
    from photodedup.core.restore import restore

    history = read_history()
    report_damaged(history.damaged)
    if args.batch:
        batch = history.find(args.batch)
        if batch is None:
            error(unknown_batch(args.batch))
            return EXIT_USAGE
    else:
        open_batches = [b for b in history.batches if b.status != BatchStatus.RESTORED]
        if not open_batches:
            print("Nothing to undo: every removal in the log is restored.")
            return EXIT_OK
        batch = open_batches[-1]
    todo = pending(batch)
    if not todo:
        print(f"Batch {batch.id} is already restored.")
        return EXIT_OK
    size = human_bytes(sum(f.size for f in todo))
    print(f"Batch {batch.id} ({batch_time(batch)}): {len(todo)} file(s), {size} to restore:")
    for f in todo:
        print(f"  {printable(f.path)}")
    question = f"Restore {len(todo)} file(s)?"
    if not confirmed(question, args.yes, "undo"):
        return EXIT_USAGE
    try:
        outcomes = restore(batch)
    except OSError as exc:
        error(f"cannot write the action log: {exc.strerror or exc}")
        return EXIT_USAGE
    for outcome in outcomes:
        print(f"  {restore_words(outcome)}: {printable(outcome.path)}")
    back = sum(1 for o in outcomes if o.ok)
    print(f"{back} of {len(outcomes)} file(s) restored.")
    sys.stdout.flush()
    return EXIT_OK if back == len(outcomes) else EXIT_INCOMPLETE
