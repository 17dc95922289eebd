"""``photodedup-cli check QUERY… --library DIR…|--index FILE``: which photos are new.

One line per query file (verdict, file, best match), a summary on stderr, and
an exit status a script can test: 0 when every query is in the library, 1 when
some are new, only similar or unreadable. ``--copy-new`` copies just the new
ones into an import folder.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from typing import IO, TYPE_CHECKING, Any

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
from photodedup.cli.progress_bar import PhaseProgress
from photodedup.cli.render import human_bytes, plural, printable, reason_words
from photodedup.core.models import DEFAULT_MIN_SIZE, HASH_ALGORITHMS, HASH_SIZES
from photodedup.core.presets import DEFAULT_PRESET, PRESETS
from photodedup.core.progress import Cancelled

if TYPE_CHECKING:
    from photodedup.core.check import CheckReport, CheckSettings, QueryResult
    from photodedup.core.copy_new import CopyReport

EXIT_SOME_NEW = 1

_DEST_PROBLEMS = {
    "not-a-folder": "it is not a folder",
    "no-parent": "no such folder",
    "unwritable": "permission denied",
    "inside-query": "it is inside a folder being checked",
}
_COPY_REASONS = {
    "exists": "another file already has that name there (not overwritten)",
    "mismatch": "the copy read back differs from the original (removed)",
    "read": "cannot read the original",
    "write": "cannot write the copy",
}


def add_parser(sub: Any) -> argparse.ArgumentParser:
    c = sub.add_parser(
        "check",
        help="tell which photos (a card, a folder, files) are already in a library",
        description=(
            "Check photos against a library before importing them. Each file is"
            " 'in-library' (a byte-identical or near-identical copy exists), 'similar'"
            " (something loosely alike exists) or 'new'. Exit status: 0 when every"
            " file is in the library, 1 when some are new, similar or unreadable,"
            " 2 on bad usage."
        ),
    )
    c.add_argument("queries", nargs="+", metavar="QUERY", help="photos or folders to check")
    lib = c.add_mutually_exclusive_group(required=True)
    lib.add_argument(
        "--library",
        action="extend",
        nargs="+",
        metavar="DIR",
        help="library folders (their fingerprints are cached, so a second check is fast)",
    )
    lib.add_argument(
        "--index", metavar="FILE", help="a portable index made by 'photodedup-cli index'"
    )
    how = c.add_mutually_exclusive_group()
    how.add_argument(
        "--distance",
        type=non_negative,
        metavar="N",
        help="largest Hamming distance, in bits, that counts as in the library",
    )
    how.add_argument(
        "--preset",
        choices=list(PRESETS),
        help=f"named distance that counts as in the library (default {DEFAULT_PRESET})",
    )
    c.add_argument(
        "--hash",
        choices=HASH_ALGORITHMS,
        help="fingerprint, as for scan (default pdq; with --index, the index's own)",
    )
    c.add_argument(
        "--hash-size",
        type=int,
        choices=HASH_SIZES,
        help="8 (64 bits) or 16 (256 bits), for the hashes other than pdq",
    )
    c.add_argument("--rotations", action="store_true", help="also match turned and mirrored copies")
    add_walk_arguments(
        c,
        f"skip smaller files in folders (default {DEFAULT_MIN_SIZE}); named files never",
    )
    c.add_argument(
        "--include-blank", action="store_true", help="let blank, single-colour images match"
    )
    cache = c.add_mutually_exclusive_group()
    cache.add_argument("--cache", metavar="PATH", help="fingerprint cache file")
    cache.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    c.add_argument("--workers", type=positive, metavar="N", help="processes (default: every core)")
    c.add_argument("--json", metavar="PATH|-", help="write the verdicts as JSON ('-' for stdout)")
    c.add_argument("--csv", metavar="PATH", help="write one row per query file as CSV")
    c.add_argument(
        "--copy-new",
        metavar="DEST",
        help="copy the new files into DEST, keeping their folders; never overwrites",
    )
    return c


def run(args: argparse.Namespace) -> int:
    problem = _usage_problem(args)
    if problem:
        error(problem)
        return EXIT_USAGE

    # Here, not at the top: the engine loads numpy and Pillow.
    from photodedup.core.check import Library, check
    from photodedup.core.index import IndexProblem

    library = Library(
        folders=tuple(os.path.abspath(d) for d in args.library or ()), index=args.index
    )
    settings = _settings(args)
    bar = PhaseProgress(sys.stderr) if sys.stderr.isatty() else None
    try:
        with cancel_on_interrupt() as cancel:
            report = check(args.queries, library, settings, progress=bar, cancel=cancel)
            copied = None
            if args.copy_new:
                copied = _copy(report, args, bar, cancel)
    except IndexProblem as exc:
        if bar:
            bar.clear()
        error(index_problem(exc))
        return EXIT_USAGE
    except Cancelled:
        if bar:
            bar.clear()
        error("interrupted; fingerprints so far are cached")
        return EXIT_INTERRUPTED
    if bar:
        bar.clear()
    for warning in report.warnings:
        error(f"warning: {warning}")
    try:
        _write_outputs(args, report, copied)
    except BrokenPipeError:
        drop_stdout()
    except OSError as exc:
        where = exc.filename
        if where is None:
            where = "the standard output"
            drop_stdout()
        error(f"cannot write {where}: {exc.strerror or exc}")
        return EXIT_USAGE
    _summary(report, copied, sys.stderr)
    all_in = all(r.verdict == "in-library" for r in report.results) and not report.errors
    return EXIT_OK if all_in else EXIT_SOME_NEW


def _usage_problem(args: argparse.Namespace) -> str | None:
    """Everything that makes the command unusable, found before any work."""
    why = hash_problem(args)
    if why:
        return why
    for folder in args.library or ():
        if not os.path.isdir(folder):
            return f"not a folder: {printable(folder)}"
    if args.index:
        from photodedup.core.index import IndexProblem, check_index_file

        try:
            found = check_index_file(args.index, for_check=True)
        except IndexProblem as exc:
            return index_problem(exc)
        if (args.hash and args.hash != found.algorithm) or (
            args.hash_size and args.hash_size != found.hash_size
        ):
            return (
                f"{printable(args.index)} holds {found.key} fingerprints;"
                " leave out --hash and --hash-size, or make an index with them"
            )
    for output in (args.json if args.json != "-" else None, args.csv):
        why = output and unwritable(output)
        if why:
            return f"cannot write {printable(output)}: {why}"
    if args.copy_new:
        from photodedup.core.copy_new import dest_problem

        queries = [os.path.abspath(q) for q in args.queries]
        why = dest_problem(args.copy_new, queries)
        if why:
            return f"cannot copy into {printable(args.copy_new)}: {_DEST_PROBLEMS[why]}"
    return None


def hash_problem(args: argparse.Namespace) -> str | None:
    """Why --hash and --hash-size do not go together, or None."""
    if args.hash_size and (args.hash or "pdq") == "pdq" and args.hash_size != 16:
        return "pdq fingerprints have 256 bits; --hash-size goes with --hash dhash, phash…"
    return None


def hash_settings(args: argparse.Namespace) -> Any:
    """The fingerprint asked for, or None when neither --hash nor --hash-size was given."""
    from photodedup.core.models import HashSettings

    if not (args.hash or args.hash_size):
        return None
    return HashSettings(args.hash or "pdq", args.hash_size or 0)


def index_problem(exc: Any) -> str:
    """One line for an ``IndexProblem``."""
    if exc.reason == "older-version":
        folders = " ".join(shlex.quote(f) for f in exc.detail.split("\n") if f) or "DIR…"
        return (
            f"{printable(exc.path)}: made by an older photodedup; bring it up to date with"
            f" 'photodedup-cli index {printable(folders)} --out {printable(shlex.quote(exc.path))}'"
        )
    words = {
        "missing": "no such file",
        "not-an-index": "not a photodedup index",
        "corrupt": "the index is damaged; make it again with 'photodedup-cli index'",
        "newer-version": "made by a newer photodedup",
        "unreadable": "cannot read it",
        "unwritable": "cannot write it",
        "settings-mismatch": "it holds other fingerprints",
    }
    text = words.get(str(exc.reason), str(exc.reason))
    if exc.detail and exc.reason != "not-an-index":
        text += f" ({exc.detail})"
    return f"{printable(exc.path)}: {text}"


def _settings(args: argparse.Namespace) -> CheckSettings:
    from photodedup.core.check import CheckSettings
    from photodedup.core.models import GroupOptions, HashSettings
    from photodedup.core.presets import preset_distance

    asked = hash_settings(args)
    if args.index and asked is None:
        from photodedup.core.index import check_index_file

        used = check_index_file(args.index)
    else:
        used = asked or HashSettings()  # the scan's default
    distance = args.distance
    if args.preset:
        distance = preset_distance(args.preset, used.bits, used.algorithm)
    return CheckSettings(
        walk=walk_options(args),
        hash=asked,
        group=GroupOptions(
            distance=distance, rotations=args.rotations, ignore_blank=not args.include_blank
        ),
        cache_path=args.cache,
        use_cache=not args.no_cache,
        workers=args.workers,
    )


def _copy(report: CheckReport, args: argparse.Namespace, bar, cancel) -> CopyReport:
    from photodedup.core.copy_new import copy_new

    new = [r.path for r in report.results if r.verdict == "new"]
    queries = [os.path.abspath(q) for q in args.queries]
    return copy_new(new, queries, args.copy_new, progress=bar, cancel=cancel)


def _write_outputs(args: argparse.Namespace, report: CheckReport, copied) -> None:
    from photodedup.core.check_export import write_csv, write_json

    if args.json == "-":
        write_json(report, sys.stdout, copied)
    else:
        print_lines(report, copied, sys.stdout)
        if args.json:
            write_file(args.json, lambda fp: write_json(report, fp, copied))
    if args.csv:
        write_file(args.csv, lambda fp: write_csv(report, fp), newline="", errors="surrogateescape")


def print_lines(report: CheckReport, copied, out: IO[str]) -> None:
    """One line per query file, then one per unreadable file and per copy."""
    for r in report.results:
        print(f"{r.verdict:<10}  {printable(r.path)}{_best(r)}", file=out)
    for e in report.errors:
        print(f"{'error':<10}  {printable(e.path)}: {reason_words(e.reason, e.detail)}", file=out)
    if copied is not None:
        for c in copied.copied:
            verb = "present" if c.already_there else "copied"
            print(f"{verb:<10}  {printable(c.source)} -> {printable(c.dest)}", file=out)
        for f in copied.failed:
            reason = _COPY_REASONS.get(str(f.reason), str(f.reason))
            detail = f" ({f.detail})" if f.detail else ""
            print(f"{'not copied':<10}  {printable(f.source)}: {reason}{detail}", file=out)


def _best(r: QueryResult) -> str:
    if r.inside_library and not r.matches:
        return "  (it is a library file)"
    best = r.best
    if best is None:
        return ""
    if best.identical:
        how = "identical"
    elif r.verdict == "in-library":
        how = f"looks the same, distance {best.distance}"
    else:
        how = f"looks alike, distance {best.distance}"
    more = f", {r.match_count - 1} more" if r.match_count > 1 else ""
    note = ""
    if r.inside_library:
        note = "; it is a library file"
    elif r.larger_than_library and r.record is not None:
        note = (
            f"; only smaller in the library: {best.width}x{best.height}"
            f" vs {r.record.width}x{r.record.height}"
        )
    return f"  = {printable(best.path)} ({how}{more}{note})"


def _summary(report: CheckReport, copied, out: IO[str]) -> None:
    s = report.stats
    parts = [f"{s.in_library} in the library", f"{s.similar} similar", f"{s.new} new"]
    if report.errors:
        parts.append(f"{len(report.errors)} unreadable")
    where = (
        f"{s.library_images} indexed photos"
        if report.library.index
        else f"{s.library_images} library photos"
    )
    line = f"{s.queries} checked against {where}: {', '.join(parts)} ({s.seconds:.1f} s)."
    if report.library_errors:
        line += f" {len(report.library_errors)} library files could not be read."
    if copied is not None:
        fresh = [c for c in copied.copied if not c.already_there]
        there = len(copied.copied) - len(fresh)
        line += f" Copied {plural(len(fresh), 'new file')} ({human_bytes(copied.bytes_copied)})"
        if there:
            line += f"; {there} already there"
        if copied.failed:
            line += f"; {len(copied.failed)} not copied"
        line += "."
    if not report.results and not report.errors:
        line = "no photos found to check."
    print(line, file=out)
