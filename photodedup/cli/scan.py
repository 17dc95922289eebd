"""``photodedup-cli scan DIR…``: group look-alike photos and report them."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from typing import TYPE_CHECKING, Any

from photodedup.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    add_walk_arguments,
    cancel_on_interrupt,
    drop_stdout,
    error,
    non_negative,
    positive,
    unwritable,
    walk_options,
    write_file,
)
from photodedup.cli.remove import add_arguments, check_arguments, remove_marked
from photodedup.core.keep import BEST, Criterion, KeepRule
from photodedup.core.keep import DEFAULT_PRESET as DEFAULT_KEEP
from photodedup.core.keep import PRESETS as KEEP_PRESETS
from photodedup.core.models import (
    HASH_ALGORITHMS,
    HASH_SIZES,
    GroupOptions,
    HashSettings,
    ScanOptions,
)
from photodedup.core.presets import DEFAULT_PRESET, PRESETS, preset_distance
from photodedup.core.progress import Cancelled
from photodedup.core.results import ScanResult

if TYPE_CHECKING:
    from photodedup.core.select import Verdict


def add_parser(sub: Any) -> argparse.ArgumentParser:
    s = sub.add_parser(
        "scan",
        help="scan folders and report groups of look-alike photos",
        description="Scan folders and report groups of look-alike photos. Nothing is removed "
        "unless --trash or --move-to is given; then the copies the app would mark (all but "
        "the one kept in each group, never a file in a --reference folder) are listed, and "
        "moved after you confirm. 'photodedup-cli undo' puts them back.",
    )
    s.add_argument("dirs", nargs="+", metavar="DIR", help="folders to scan")
    how = s.add_mutually_exclusive_group()
    how.add_argument(
        "--distance",
        type=non_negative,
        metavar="N",
        help="largest Hamming distance, in bits, between look-alikes",
    )
    how.add_argument(
        "--preset", choices=list(PRESETS), help=f"named distance (default {DEFAULT_PRESET})"
    )
    s.add_argument(
        "--hash",
        choices=HASH_ALGORITHMS,
        default="pdq",
        help="fingerprint (default pdq: PDQ checked by pHash/dHash and colour; dhash: classic)",
    )
    s.add_argument(
        "--hash-size",
        type=int,
        choices=HASH_SIZES,
        default=0,
        help="8 (64 bits) or 16 (256 bits); default: pdq 16, the others 8",
    )
    s.add_argument(
        "--rotations", action="store_true", help="also match rotated and mirrored copies"
    )
    s.add_argument(
        "--crops",
        action="store_true",
        help="also match copies cut by up to 20%% from any sides (pdq only; slower)",
    )
    s.add_argument(
        "--reference",
        action="append",
        default=[],
        metavar="DIR",
        help="files under DIR are always kept (repeatable)",
    )
    add_walk_arguments(s)
    s.add_argument(
        "--include-blank",
        action="store_true",
        help="let blank, single-colour images group with each other",
    )
    cache = s.add_mutually_exclusive_group()
    cache.add_argument(
        "--cache",
        metavar="PATH",
        help="fingerprint cache file (a file that is not a photodedup cache is refused)",
    )
    cache.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    s.add_argument("--workers", type=positive, metavar="N", help="processes (default: every core)")
    keep = s.add_argument_group("which copy to keep")
    keep.add_argument(
        "--keep",
        type=keep_rule,
        default=BEST,
        metavar="RULE",
        help=(
            f"a rule ({', '.join(KEEP_PRESETS)}; default {DEFAULT_KEEP}) or criteria in "
            "order, joined by commas, from: "
            f"{', '.join(c.value for c in Criterion)}; e.g. 'folder,format:heic>jpeg,mtime'"
        ),
    )
    keep.add_argument(
        "--prefer",
        action="append",
        default=[],
        metavar="DIR",
        help="keep copies under DIR over others; repeat in order of preference",
    )
    ignored = s.add_mutually_exclusive_group()
    ignored.add_argument(
        "--ignore-list",
        metavar="PATH",
        help="the 'not a duplicate' decisions to honour (default: the app's own list)",
    )
    ignored.add_argument(
        "--no-ignore-list",
        action="store_true",
        help="group every look-alike, whatever was decided before",
    )
    s.add_argument("--json", metavar="PATH|-", help="write the results as JSON ('-' for stdout)")
    s.add_argument("--csv", metavar="PATH", help="write one row per grouped file as CSV")
    add_arguments(s)
    return s


def run(args: argparse.Namespace) -> int:
    for folder in args.dirs + args.reference + args.prefer:
        if not os.path.isdir(folder):
            error(f"{'not a folder' if os.path.exists(folder) else 'no such folder'}: {folder}")
            return EXIT_USAGE
    try:
        bits = HashSettings(args.hash, args.hash_size).bits
    except ValueError as exc:  # e.g. --hash-size 8 with the pdq default
        error(f"{exc}; --hash-size goes with --hash dhash, phash, ahash or whash")
        return EXIT_USAGE
    if args.crops and args.hash != "pdq":
        error(f"--crops works with the pdq fingerprint only, not --hash {args.hash}")
        return EXIT_USAGE
    if args.distance is not None and args.distance > bits:
        error(
            f"--distance {args.distance} is more than the {bits} bits of a"
            f" {args.hash} fingerprint of size {args.hash_size}; use 0 to {bits}"
        )
        return EXIT_USAGE
    for folder in _outside(args.reference, args.dirs):
        error(f"warning: the reference folder {folder} is not in any folder being scanned")
    for folder in _holding_all(args.reference, args.dirs):
        error(
            f"warning: the reference folder {folder} holds every folder being scanned, so"
            " every photo is a reference: none is marked and no group can be shown"
        )
    # Found out now, not after a scan that may take an hour.
    problem = check_arguments(args)
    if problem:
        error(problem)
        return EXIT_USAGE
    # Here, not at the top, as every engine module below: --help and --version
    # answer before any of them (and sqlite3, json, the report) load.
    from photodedup.core.cache import cache_refusal

    refusal = args.cache and cache_refusal(args.cache)
    if refusal:
        error(f"cannot use {args.cache} as the cache: it is {refusal}; it was left alone")
        return EXIT_USAGE
    for output in (args.json if args.json != "-" else None, args.csv):
        problem = output and unwritable(output)
        if problem:
            error(f"cannot write {output}: {problem}")
            return EXIT_USAGE

    # The engine's scan loads numpy and Pillow.
    from photodedup.cli.progress_bar import ProgressBar
    from photodedup.core.scan import scan
    from photodedup.core.select import choices, marks_of, space_order, verdicts

    options = _options(args)
    ignore = None
    if not args.no_ignore_list:
        from photodedup.core.ignore import IgnoreList

        ignore = IgnoreList(args.ignore_list)
        for warning in ignore.warnings:
            error(f"warning: {warning}")
    bar = ProgressBar(sys.stderr) if sys.stderr.isatty() else None
    # The scan's records and groups live until the process ends, so the collector
    # stays off while the scan makes them (its full walks over them were 0.7 s of
    # CPU in a warm scan of 100,000 files, in-process), and they are kept out of its
    # walks from then on, which the reports' many small objects set off (full
    # collections were 0.8 s of the 2.2 s of CPU the reports took at 100,000). The
    # GUI keeps the collector off during its jobs the same way.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with cancel_on_interrupt() as cancel:
            result = scan(options, ignore=ignore, progress=bar, cancel=cancel)
    except Cancelled:
        if bar:
            bar.clear()
        error("interrupted; fingerprints so far are cached")
        return EXIT_INTERRUPTED
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
    if bar:
        bar.clear()
    # The keeper of each group is chosen once, here, and the marks and verdicts
    # worked out from it once: the order, every report and a removal follow them
    # (at 100,000 files each pass costs a few tenths of a second).
    picks = choices(result.groups, args.keep, _prefer(args))
    marked = marks_of(result.groups, picks)
    # Numbered as the app lists them, so "group 3" means the same group in both.
    order = space_order(result.groups, marked)
    result.groups = [result.groups[i] for i in order]
    picks = [picks[i] for i in order]
    judged = verdicts(result.groups, picks=picks, suggested=marked)
    for warning in result.warnings:
        error(f"warning: {warning}")
    try:
        _write_outputs(args, result, options, marked, judged)
    except BrokenPipeError:
        # The reader went away (``| head``): not an error.
        drop_stdout()
    except OSError as exc:  # a full disk, or the folder went away during the scan
        where = exc.filename
        if where is None:
            where = "the standard output"
            drop_stdout()
        error(f"cannot write {where}: {exc.strerror or exc}")
        return EXIT_USAGE
    if args.trash or args.move_to:
        return remove_marked(args, result, options, marked)
    return EXIT_OK


def _write_outputs(
    args: argparse.Namespace,
    result: ScanResult,
    options: ScanOptions,
    marked: set[str],
    judged: list[tuple[Verdict, ...]],
) -> None:
    from photodedup.cli.report import print_summary
    from photodedup.core.export import write_csv, write_json

    keep = {"rule": args.keep, "prefer": _prefer(args), "verdicts": judged}
    if args.json == "-":
        write_json(result, options, sys.stdout, **keep)
    elif args.json:
        write_file(args.json, lambda fp: write_json(result, options, fp, **keep))
    if args.csv:
        write_file(
            args.csv,
            lambda fp: write_csv(result.groups, fp, **keep),
            newline="",
            errors="surrogateescape",
        )
    if not args.json and not args.csv:
        print_summary(result, sys.stdout, marked, judged, bits=options.hash.bits)


def _prefer(args: argparse.Namespace) -> list[str]:
    return [os.path.abspath(d) for d in args.prefer]


def _outside(references: list[str], roots: list[str]) -> list[str]:
    """The reference folders that share no files with any scanned folder."""
    real_roots = [os.path.realpath(r) for r in roots]
    outside = []
    for ref in references:
        real = os.path.realpath(ref)
        if not any(_within(real, root) or _within(root, real) for root in real_roots):
            outside.append(ref)
    return outside


def _holding_all(references: list[str], roots: list[str]) -> list[str]:
    """The reference folders that every scanned folder lies within."""
    real_roots = [os.path.realpath(r) for r in roots]
    return [
        ref
        for ref in references
        if real_roots and all(_within(root, os.path.realpath(ref)) for root in real_roots)
    ]


def _within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _options(args: argparse.Namespace) -> ScanOptions:
    settings = HashSettings(args.hash, args.hash_size)
    distance = args.distance
    if args.preset:
        distance = preset_distance(args.preset, settings.bits, settings.algorithm)
    return ScanOptions(
        walk=walk_options(args, tuple(os.path.abspath(d) for d in args.dirs)),
        hash=settings,
        group=GroupOptions(
            distance=distance,
            rotations=args.rotations,
            crops=args.crops,
            reference_dirs=tuple(os.path.abspath(d) for d in args.reference),
            ignore_blank=not args.include_blank,
        ),
        cache_path=args.cache,
        use_cache=not args.no_cache,
        workers=args.workers,
    )


def keep_rule(text: str) -> KeepRule:
    try:
        return KeepRule.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
