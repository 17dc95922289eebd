"""What every subcommand shares: exit codes, error lines, argument types, Ctrl-C, files."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from photodedup.core.models import WalkOptions

PROG = "photodedup-cli"

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def error(message: str) -> None:
    """Print one ``photodedup-cli: …`` line to stderr."""
    print(f"{PROG}: {message}", file=sys.stderr)


def add_walk_arguments(p: argparse.ArgumentParser, min_size_help: str | None = None) -> None:
    """The options that say which files a walk takes: shared by scan, check and index."""
    from photodedup.core.models import DEFAULT_MIN_SIZE

    p.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="skip paths matching GLOB (repeatable)",
    )
    p.add_argument(
        "--min-size",
        type=non_negative,
        default=DEFAULT_MIN_SIZE,
        metavar="BYTES",
        help=min_size_help or f"skip smaller files (default {DEFAULT_MIN_SIZE})",
    )
    p.add_argument("--no-recursive", action="store_true", help="do not descend into subfolders")
    p.add_argument("--follow-symlinks", action="store_true", help="follow symlinked folders")


def walk_options(args: argparse.Namespace, roots: tuple[str, ...] = ()) -> WalkOptions:
    """The ``WalkOptions`` the arguments of ``add_walk_arguments`` ask for."""
    from photodedup.core.models import WalkOptions

    return WalkOptions(
        roots=roots,
        recursive=not args.no_recursive,
        exclude=tuple(args.exclude),
        min_size=args.min_size,
        follow_symlinks=args.follow_symlinks,
    )


def non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


@contextmanager
def cancel_on_interrupt() -> Iterator[threading.Event]:
    """An event the first Ctrl-C sets, so that a long job can stop and save.

    A second Ctrl-C is a hard stop (``KeyboardInterrupt``).
    """
    cancel = threading.Event()

    def interrupt(*_: object) -> None:
        if cancel.is_set():
            raise KeyboardInterrupt
        cancel.set()

    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        yield cancel
    finally:
        signal.signal(signal.SIGINT, previous)


def unwritable(path: str) -> str | None:
    """Why a report cannot be written to ``path``, or None when it looks fine."""
    if os.path.isdir(path):
        return "it is a folder"
    if not os.path.isdir(os.path.dirname(os.path.abspath(path))):
        return "no such folder"
    from photodedup.core.export import overwrite_refusal

    refusal = overwrite_refusal(path)
    if refusal:
        return f"it {refusal}; it was left alone (choose another name, or remove it first)"
    return None


def write_file(path: str, write: Callable[[IO[str]], None], **kwargs: str) -> None:
    """Open ``path`` as UTF-8 text and hand it to ``write``; errors name the file."""
    try:
        with open(path, "w", encoding="utf-8", **kwargs) as fp:
            write(fp)
    except OSError as exc:
        # A failed write or close names no file; the user needs to know which.
        exc.filename = exc.filename or path
        raise


def drop_stdout() -> None:
    """Point stdout at the null device after a failed write to it.

    Python would otherwise fail again, and complain, when it flushes at exit.
    """
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
