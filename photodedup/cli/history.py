"""``photodedup-cli history [BATCH]``: the removals photodedup made, and their files."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from photodedup.cli.common import EXIT_OK, EXIT_USAGE, error
from photodedup.cli.render import human_bytes, printable


def add_parser(sub: Any) -> argparse.ArgumentParser:
    h = sub.add_parser(
        "history",
        help="list the removals made so far (each can be undone)",
        description="List every removal batch in the action log, newest last; with BATCH, "
        "list its files and where each one went.",
    )
    h.add_argument("batch", nargs="?", metavar="BATCH", help="a batch id (or its first letters)")
    return h


def run(args: argparse.Namespace) -> int:
    from photodedup.cli.words import ACTION, BATCH_STATUS, batch_time
    from photodedup.core.actionlog import read_history

    history = read_history()
    report_damaged(history.damaged)
    if args.batch:
        batch = history.find(args.batch)
        if batch is None:
            error(unknown_batch(args.batch))
            return EXIT_USAGE
        print(f"Batch {batch.id}, {batch_time(batch)}, {BATCH_STATUS[batch.status]}:")
        for f in batch.files:
            state = "restored" if f.path in batch.restored else "removed"
            where = printable(f.destination) if f.destination else "the system trash"
            print(f"  {state:>8}  {human_bytes(f.size):>9}  {printable(f.path)}")
            print(f"  {'':>8}  {'':>9}  -> {where}")
        return EXIT_OK
    if not history.batches:
        print("No removals yet.")
        return EXIT_OK
    print(f"{'BATCH':<22}  {'DATE':<16}  {'FILES':>5}  {'SIZE':>9}  {'WHERE':<17}  STATUS")
    for batch in history.batches:
        print(
            f"{batch.id:<22}  {batch_time(batch):<16}  {len(batch.files):>5}  "
            f"{human_bytes(batch.bytes):>9}  {ACTION[batch.action]:<17}  "
            f"{BATCH_STATUS[batch.status]}"
        )
    return EXIT_OK


def report_damaged(damaged: list[Any]) -> None:
    for line in damaged:
        print(
            f"photodedup-cli: warning: action log line {line.line} skipped ({line.reason})",
            file=sys.stderr,
        )


def unknown_batch(wanted: str) -> str:
    return f"no removal batch {wanted!r} in the action log ('photodedup-cli history' lists them)"
