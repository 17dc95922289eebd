"""``photodedup-cli``: scan folders for near-duplicate photos from a terminal."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import IO

from photodedup import __version__
from photodedup.core.export import write_csv, write_json
from photodedup.core.group import DEFAULT_PRESET, PRESETS, preset_distance
from photodedup.core.models import (
    DEFAULT_MIN_SIZE,
    HASH_ALGORITHMS,
    HASH_SIZES,
    Cancelled,
    HashSettings,
    Progress,
    ScanResult,
)
from photodedup.core.scan import ScanOptions, scan
from photodedup.core.select import premark

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="photodedup-cli",
        description="Find near-duplicate photos. Nothing is deleted: this only reports.",
    )
    parser.add_argument("--version", action="version", version=f"photodedup {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    s = sub.add_parser("scan", help="scan folders and report groups of look-alike photos")
    s.add_argument("dirs", nargs="+", metavar="DIR", help="folders to scan")
    how = s.add_mutually_exclusive_group()
    how.add_argument(
        "--distance",
        type=_non_negative,
        metavar="N",
        help="largest Hamming distance, in bits, between look-alikes",
    )
    how.add_argument(
        "--preset", choices=list(PRESETS), help=f"named distance (default {DEFAULT_PRESET})"
    )
    s.add_argument(
        "--hash", choices=HASH_ALGORITHMS, default="dhash", help="fingerprint (default dhash)"
    )
    s.add_argument(
        "--hash-size",
        type=int,
        choices=HASH_SIZES,
        default=8,
        help="8 (64 bits, default) or 16 (256 bits)",
    )
    s.add_argument(
        "--rotations", action="store_true", help="also match rotated and mirrored copies"
    )
    s.add_argument(
        "--reference",
        action="append",
        default=[],
        metavar="DIR",
        help="files under DIR are always kept (repeatable)",
    )
    s.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="skip paths matching GLOB (repeatable)",
    )
    s.add_argument(
        "--min-size",
        type=_non_negative,
        default=DEFAULT_MIN_SIZE,
        metavar="BYTES",
        help=f"skip smaller files (default {DEFAULT_MIN_SIZE})",
    )
    s.add_argument("--no-recursive", action="store_true", help="do not descend into subfolders")
    s.add_argument("--follow-symlinks", action="store_true", help="follow symlinked folders")
    s.add_argument(
        "--include-blank",
        action="store_true",
        help="let blank, single-colour images group with each other",
    )
    cache = s.add_mutually_exclusive_group()
    cache.add_argument("--cache", metavar="PATH", help="fingerprint cache file")
    cache.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    s.add_argument("--workers", type=_positive, metavar="N", help="processes (default: every core)")
    s.add_argument("--json", metavar="PATH|-", help="write the results as JSON ('-' for stdout)")
    s.add_argument("--csv", metavar="PATH", help="write one row per grouped file as CSV")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    missing = [d for d in args.dirs + args.reference if not os.path.isdir(d)]
    if missing:
        print(f"photodedup-cli: not a folder: {missing[0]}", file=sys.stderr)
        return EXIT_USAGE
    # Found out now, not after a scan that may take an hour.
    for output in (args.json if args.json != "-" else None, args.csv):
        problem = output and _unwritable(output)
        if problem:
            print(f"photodedup-cli: cannot write {output}: {problem}", file=sys.stderr)
            return EXIT_USAGE
    options = _options(args)
    cancel = threading.Event()
    previous = signal.signal(signal.SIGINT, lambda *_: _interrupt(cancel, previous))
    bar = _ProgressBar(sys.stderr) if sys.stderr.isatty() else None
    try:
        result = scan(options, progress=bar, cancel=cancel)
    except Cancelled:
        if bar:
            bar.clear()
        print("photodedup-cli: interrupted; fingerprints so far are cached", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        signal.signal(signal.SIGINT, previous)
    if bar:
        bar.clear()
    for warning in result.warnings:
        print(f"photodedup-cli: warning: {warning}", file=sys.stderr)
    try:
        _write_outputs(args, result, options)
    except BrokenPipeError:
        # The reader went away (``| head``): not an error, but Python would
        # complain again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError as exc:  # a full disk, or the folder went away during the scan
        where = exc.filename
        if where is None:
            where = "the standard output"
            # Python would fail again flushing what is left at exit.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print(f"photodedup-cli: cannot write {where}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _unwritable(path: str) -> str | None:
    """Why a report cannot be written to ``path``, or None when it looks fine."""
    if os.path.isdir(path):
        return "it is a folder"
    if not os.path.isdir(os.path.dirname(os.path.abspath(path))):
        return "no such folder"
    return None


def _write_outputs(args: argparse.Namespace, result: ScanResult, options: ScanOptions) -> None:
    if args.json == "-":
        write_json(result, options, sys.stdout)
    elif args.json:
        _write_file(args.json, lambda fp: write_json(result, options, fp))
    if args.csv:
        _write_file(
            args.csv, lambda fp: write_csv(result.groups, fp), newline="", errors="surrogateescape"
        )
    if not args.json and not args.csv:
        print_summary(result, sys.stdout)


def _write_file(path: str, write: Callable[[IO[str]], None], **kwargs: str) -> None:
    try:
        with open(path, "w", encoding="utf-8", **kwargs) as fp:
            write(fp)
    except OSError as exc:
        # A failed write or close names no file; the user needs to know which.
        exc.filename = exc.filename or path
        raise


def print_summary(result: ScanResult, out: IO[str]) -> None:
    """The human-readable report: every group, then what could not be read.

    "keep" marks the copy the app would keep by default; the others show their
    distance to the group's reference.
    """
    marked = premark(result.groups)
    for number, group in enumerate(result.groups, 1):
        print(f"Group {number}:", file=out)
        for m in group.members:
            img = m.image
            tag = f"d={m.distance}" if img.path in marked else "keep"
            ref = "  [reference folder]" if m.in_reference_folder else ""
            print(
                f"  {tag:>6}  {img.width}x{img.height}  {human_bytes(img.size):>9}  "
                f"{_printable(img.path)}{ref}",
                file=out,
            )
    if result.errors:
        print(f"\nCould not use {len(result.errors)} file(s):", file=out)
        for err in result.errors:
            print(f"  {_printable(err.path)}: {err.error}", file=out)
    s = result.stats
    dupes = sum(len(g.members) - 1 for g in result.groups)
    freeable = sum(m.image.size for g in result.groups for m in g.members if m.image.path in marked)
    print(
        f"\n{s.images} images in {s.files_seen} files ({s.decoded} decoded, "
        f"{s.cache_hits} from cache) in {s.seconds:.1f} s. {len(result.groups)} groups, "
        f"{dupes} look-alike copies, up to {human_bytes(freeable)} to free.",
        file=out,
    )


def human_bytes(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} TB"


class _ProgressBar:
    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.width = 0

    def __call__(self, p: Progress) -> None:
        if p.phase == "hash" and p.total:
            filled = int(30 * p.done / p.total)
            eta = f" ETA {_clock(p.eta)}" if p.eta is not None else ""
            line = (
                f"[{'#' * filled}{'.' * (30 - filled)}] {p.done}/{p.total} {p.rate:.0f} img/s{eta}"
            )
        elif p.phase == "group":
            line = f"grouping {p.done}/{p.total}"
        else:
            line = f"looking for images: {p.done} files"
        self.width = max(self.width, len(line))
        self.out.write("\r" + line.ljust(self.width))
        self.out.flush()

    def clear(self) -> None:
        if self.width:
            self.out.write("\r" + " " * self.width + "\r")
            self.out.flush()


def _options(args: argparse.Namespace) -> ScanOptions:
    settings = HashSettings(args.hash, args.hash_size)
    distance = args.distance
    if args.preset:
        distance = preset_distance(args.preset, settings.bits)
    return ScanOptions(
        roots=tuple(os.path.abspath(d) for d in args.dirs),
        recursive=not args.no_recursive,
        exclude=tuple(args.exclude),
        min_size=args.min_size,
        follow_symlinks=args.follow_symlinks,
        hash=settings,
        distance=distance,
        rotations=args.rotations,
        reference_dirs=tuple(os.path.abspath(d) for d in args.reference),
        ignore_blank=not args.include_blank,
        cache_path=args.cache,
        use_cache=not args.no_cache,
        workers=args.workers,
    )


def _interrupt(cancel: threading.Event, previous: object) -> None:
    # The first Ctrl-C asks the scan to stop and save; a second one is a hard stop.
    if cancel.is_set():
        raise KeyboardInterrupt
    cancel.set()


def _printable(path: str) -> str:
    return path.encode("utf-8", "backslashreplace").decode("utf-8")


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return (
        f"{seconds // 60}:{seconds % 60:02d}"
        if seconds < 3600
        else time.strftime("%H:%M:%S", time.gmtime(seconds))
    )


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


if __name__ == "__main__":
    sys.exit(main())
