"""Asking before photodedup-cli touches a file: on a terminal, or by --yes."""

from __future__ import annotations

import sys

from photodedup.cli.common import error


def confirmed(question: str, yes: bool, what: str) -> bool:
    """True when the user agreed: with ``yes``, or by answering y on a terminal.

    Without a terminal and without --yes, nothing is done and an error says so.
    """
    if yes:
        return True
    if not sys.stdin.isatty():
        error(f"not on a terminal: add --yes to {what} without being asked")
        return False
    # On stderr, so that the question shows even when the report goes to a file.
    sys.stdout.flush()
    sys.stderr.write(f"{question} [y/N] ")
    sys.stderr.flush()
    answer = sys.stdin.readline()
    if answer.strip().lower() in ("y", "yes"):
        return True
    print("Nothing done.")
    return False
