"""``photodedup-cli index DIR… --out FILE``: a portable index of a library.

The index holds the fingerprints, sizes and digests of every photo under the
folders, so that ``check --index FILE`` can answer with the folders absent.
Run it again to bring the index up to date: only new and changed files are
read.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from photodedup.cli.check import hash_problem, hash_settings, index_problem
from photodedup.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    add_walk_arguments,
    cancel_on_interrupt,
    error,
    positive,
    walk_options,
)
from photodedup.cli.render import printable, reason_words
from photodedup.core.models import HASH_ALGORITHMS, HASH_SIZES
from photodedup.core.progress import Cancelled


def add_parser(sub: Any) -> argparse.ArgumentParser:
    i = sub.add_parser(
        "index",
        help="write a portable index of a library for 'check --index'",
        description=(
            "Write the fingerprints, sizes and digests of every photo under DIR into"
            " one file. On an existing index, only new and changed files are read,"
            " files gone from DIR are dropped, and folders indexed before but not"
            " named now are kept."
        ),
    )
    i.add_argument("dirs", nargs="+", metavar="DIR", help="library folders to index")
    i.add_argument("--out", required=True, metavar="FILE", help="the index file to write")
    i.add_argument(
        "--hash",
        choices=HASH_ALGORITHMS,
        help="fingerprint, as for scan (default pdq; an existing index keeps its own)",
    )
    i.add_argument(
        "--hash-size",
        type=int,
        choices=HASH_SIZES,
        help="8 (64 bits) or 16 (256 bits), for the hashes other than pdq",
    )
    add_walk_arguments(i)
    cache = i.add_mutually_exclusive_group()
    cache.add_argument("--cache", metavar="PATH", help="fingerprint cache file")
    cache.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    i.add_argument("--workers", type=positive, metavar="N", help="processes (default: every core)")
    return i


def run(args: argparse.Namespace) -> int:
    missing = [d for d in args.dirs if not os.path.isdir(d)]
    if missing:
        error(f"not a folder: {printable(missing[0])}")
        return EXIT_USAGE
    from photodedup.core.index import IndexProblem, check_index_file, ensure_writable
    from photodedup.core.models import HashSettings

    why = hash_problem(args)
    if why:
        error(why)
        return EXIT_USAGE
    try:
        ensure_writable(args.out)
        existing = check_index_file(args.out) if os.path.lexists(args.out) else None
    except IndexProblem as exc:
        error(index_problem(exc))
        return EXIT_USAGE
    asked = hash_settings(args)
    if existing is not None and asked is not None and asked != existing:
        error(
            f"{printable(args.out)} holds {existing.key} fingerprints; leave out --hash and"
            " --hash-size to update it, or write a new index"
        )
        return EXIT_USAGE
    settings = asked or existing or HashSettings()

    from photodedup.cli.progress_bar import PhaseProgress
    from photodedup.core.library import update_index

    options = _options(args, settings)
    bar = PhaseProgress(sys.stderr) if sys.stderr.isatty() else None
    try:
        with cancel_on_interrupt() as cancel:
            done = update_index(args.dirs, args.out, options, progress=bar, cancel=cancel)
    except IndexProblem as exc:
        if bar:
            bar.clear()
        error(index_problem(exc))
        return EXIT_USAGE
    except Cancelled:
        if bar:
            bar.clear()
        error("interrupted; the index was not changed (fingerprints so far are cached)")
        return EXIT_INTERRUPTED
    except OSError as exc:
        if bar:
            bar.clear()
        error(f"cannot write {printable(args.out)}: {exc.strerror or exc}; it was not changed")
        return EXIT_USAGE
    if bar:
        bar.clear()
    for warning in done.warnings:
        error(f"warning: {warning}")
    for e in done.errors:
        print(f"{'error':<10}  {printable(e.path)}: {reason_words(e.reason, e.detail)}")
    print(
        f"{printable(args.out)}: {len(done.index.entries)} photos ({done.added} added,"
        f" {done.changed} changed, {done.removed} removed, {done.unchanged} unchanged;"
        f" {done.decoded} decoded) in {done.seconds:.1f} s."
        + (f" {len(done.errors)} files could not be read." if done.errors else "")
    )
    if done.index.settings != HashSettings() and asked is None:
        print(
            f"note: this index holds {done.index.settings.key} fingerprints, and a check"
            " against it uses them; a scan's default is pdq: write a new index to use it."
        )
    return EXIT_OK


def _options(args: argparse.Namespace, settings: Any) -> Any:
    from photodedup.core.check import CheckSettings

    return CheckSettings(
        walk=walk_options(args),
        hash=settings,
        cache_path=args.cache,
        use_cache=not args.no_cache,
        workers=args.workers,
    ).scan_options([os.path.abspath(d) for d in args.dirs], settings)
