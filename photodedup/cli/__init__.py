"""``photodedup-cli``: find near-duplicate photos from a terminal.

Each subcommand is a module of this package with two functions:
``add_parser(subparsers)`` declares its arguments and ``run(args) -> int`` does
the work and returns the exit status. To add one, write the module and list its
name in ``COMMANDS``.

Startup loads only argparse and the engine's plain tables, so ``--version``,
``--help`` and a usage error answer at once; a command imports the parts of the
engine that need numpy and Pillow inside ``run``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from photodedup import __version__
from photodedup.cli.common import PROG

COMMANDS = ("scan", "check", "index", "history", "undo")
VERSION = f"photodedup {__version__}"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Find near-duplicate photos. Files are removed only with 'scan --trash' "
        "or 'scan --move-to', after a confirmation, and 'undo' restores them.",
    )
    parser.add_argument("--version", action="version", version=VERSION)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        command = importlib.import_module(f"photodedup.cli.{name}")
        command.add_parser(sub).set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if list(sys.argv[1:] if argv is None else argv) == ["--version"]:
        # Before the commands' modules load (the engine's tables, dataclasses, enums):
        # on a loaded machine they are half of the answer's time.
        print(VERSION)
        return 0
    args = build_parser().parse_args(argv)
    return args.run(args)
