"""Time a scan against the decode floor, the classic method, and a warm rescan.

Run from the repository root:

    .venv/bin/python bench/bench_scan.py [--files N] [--warm-files N] [--workdir DIR]

It builds (or reuses, in --workdir) a library of N 4000x3000 q90 photo-like
JPEGs plus resized and re-encoded copies of every fourth one, and a second
library of --warm-files small 320x240 JPEGs. Then, in the same run:

(a) floor:   Pillow draft-mode (1/8) decode alone, a process per core;
(b) classic: full decode + imagehash.dhash in one process, on a subset,
             extrapolated to the whole library;
(c) cold:    photodedup scan with an empty cache, every core, each run in a
             fresh process (timed from the call to scan() to its return, so the
             fork server's and the workers' start are in it, the interpreter's
             and the imports' are not); with --baseline REV also the same scan
             of that revision (a temporary worktree), interleaved;
(d) warm:    a cold scan of the small library, then a rescan of it unchanged
             (skipped with --warm-files 0; bench_warm.py times the whole process).

Targets: cold <= 1.3x floor, classic >= 8x cold, warm rescan of 100k <= 5 s.
Each timing is the best of --repeat runs, since other programs share the cores.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from multiprocessing import get_context
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

import imagegen  # noqa: E402
import imagehash  # noqa: E402
from PIL import Image  # noqa: E402

from photodedup.core.discover import discover  # noqa: E402
from photodedup.core.models import ScanOptions, WalkOptions  # noqa: E402
from photodedup.core.scan import scan  # noqa: E402

BIG = (4000, 3000)
SMALL = (320, 240)


# --- building the libraries ---------------------------------------------------------


def _make_big(args: tuple[int, str]) -> int:
    seed, folder = args
    img = imagegen.photo(seed, BIG)
    imagegen.save(img, os.path.join(folder, f"IMG_{seed:05d}.jpg"), quality=90)
    made = 1
    if seed % 4 == 0:
        half = imagegen.resized(img, 0.5)
        imagegen.save(half, os.path.join(folder, "copies", f"IMG_{seed:05d}_half.jpg"), quality=85)
        imagegen.save(img, os.path.join(folder, "copies", f"IMG_{seed:05d}_q70.jpg"), quality=70)
        made += 2
    return made


def _make_small(args: tuple[int, int, str]) -> int:
    start, stop, folder = args
    for seed in range(start, stop):
        sub = os.path.join(folder, f"{seed // 1000:03d}")
        imagegen.save(imagegen.photo(seed, SMALL), os.path.join(sub, f"s{seed:06d}.jpg"))
    return stop - start


def build(folder: Path, tasks: Sequence, worker: Callable, label: str) -> None:
    """Run ``worker`` over ``tasks`` in a process pool unless ``folder`` is complete."""
    marker = folder / ".complete"
    if marker.exists():
        print(f"reusing {label} in {folder}")
        return
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "copies").mkdir(parents=True)
    started = time.perf_counter()
    with get_context("fork").Pool() as pool:
        made = sum(pool.imap_unordered(worker, tasks))
    marker.write_text("")
    print(f"built {label}: {made} files in {time.perf_counter() - started:.0f} s")


def image_files(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.rglob("*.jpg"))


# --- the measured methods -----------------------------------------------------------


def _draft_decode(path: str) -> tuple[int, int]:
    with Image.open(path) as im:
        im.draft("RGB", (im.width // 8, im.height // 8))
        im.load()
        return im.size


def floor(files: Sequence[str], workers: int) -> float:
    with get_context("forkserver").Pool(workers) as pool:
        pool.map(_draft_decode, files[:workers])  # start the workers outside the timing
        started = time.perf_counter()
        pool.map(_draft_decode, files, chunksize=4)
        return time.perf_counter() - started


def classic(files: Sequence[str]) -> float:
    started = time.perf_counter()
    for path in files:
        with Image.open(path) as im:
            imagehash.dhash(im)
    return time.perf_counter() - started


COLD = (
    "import sys, time\n"
    "from photodedup.core.models import ScanOptions, WalkOptions\n"
    "from photodedup.core.scan import scan\n"
    "started = time.perf_counter()\n"
    "r = scan(ScanOptions(WalkOptions((sys.argv[1],)), cache_path=sys.argv[2]))\n"
    "print(time.perf_counter() - started, r.stats.images, r.stats.decoded, len(r.errors))\n"
)


def cold_scan(source: Path, folder: Path, cache_path: Path) -> tuple[float, int, int]:
    """A cold scan in a fresh process of the code in ``source``."""
    cache_path.unlink(missing_ok=True)
    env = dict(os.environ, PYTHONPATH=str(source))
    out = subprocess.run(
        [sys.executable, "-c", COLD, str(folder), str(cache_path)],
        cwd=source,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return float(out[0]), int(out[1]), int(out[2])


def photodedup_scan(folder: Path, cache_path: str) -> tuple[float, int, int]:
    options = ScanOptions(WalkOptions((str(folder),)), cache_path=cache_path)
    started = time.perf_counter()
    result = scan(options)
    seconds = time.perf_counter() - started
    if result.errors:
        print(f"  ! {len(result.errors)} errors, first: {result.errors[0]}")
    return seconds, result.stats.images, result.stats.decoded


def best(runs: int, fn: Callable[[], float]) -> float:
    return min(fn() for _ in range(runs))


# --- report -------------------------------------------------------------------------


def row(label: str, seconds: float, count: int, note: str = "") -> None:
    rate = count / seconds if seconds else float("inf")
    print(f"  {label:<44} {seconds:8.2f} s {rate:9.1f} img/s  {note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=200, help="4000x3000 originals")
    parser.add_argument("--warm-files", type=int, default=10_000, help="small files")
    parser.add_argument("--workdir", help="keep the libraries here and reuse them")
    parser.add_argument("--classic-files", type=int, default=24, help="subset for (b)")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    parser.add_argument("--baseline", help="git revision whose cold scan runs beside")
    args = parser.parse_args()

    workdir = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="pd-bench-"))
    workers = os.cpu_count() or 1
    big = workdir / f"big-{args.files}"
    warm = workdir / f"small-{args.warm_files}"
    build(big, [(s, str(big)) for s in range(args.files)], _make_big, "photo library")
    step = 500
    chunks = [
        (i, min(i + step, args.warm_files), str(warm)) for i in range(0, args.warm_files, step)
    ]
    build(warm, chunks, _make_small, "small-file library")
    files = image_files(big)
    n = len(files)
    print(f"\n{n} JPEGs of {BIG[0]}x{BIG[1]} (originals + copies), {workers} cores")

    caches = workdir / "caches"
    caches.mkdir(exist_ok=True)

    sources = [("this", REPO)]
    if args.baseline:
        base = workdir / "baseline-src"
        if base.exists():
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(base)])
        cmd = ["git", "-C", str(REPO), "worktree", "add", "--detach", str(base), args.baseline]
        subprocess.run(cmd, check=True, capture_output=True)
        sources.insert(0, (args.baseline, base))

    classic_files = files[: args.classic_files]
    # Interleaved, best of each: the load from other programs comes and goes.
    t_floor = float("inf")
    t_cold = {label: float("inf") for label, _ in sources}
    for _ in range(args.repeat):
        t_floor = min(t_floor, floor(files, workers))
        for label, source in sources:
            seconds, images, decoded = cold_scan(source, big, caches / "cold.sqlite3")
            assert images == n and decoded == n, (images, decoded, n)
            t_cold[label] = min(t_cold[label], seconds)
    t_classic_subset = classic(classic_files)
    t_classic = t_classic_subset * n / len(classic_files)
    row("(a) floor: draft 1/8 decode, all cores", t_floor, n)
    note = f"(measured on {len(classic_files)} files: {t_classic_subset:.2f} s, extrapolated)"
    row("(b) classic: full decode + dhash, 1 process", t_classic, n, note)
    for label, _source in sources:
        row(f"(c) photodedup cold scan ({label}), all cores", t_cold[label], n)
    for label, _source in sources:
        print(f"  cold / floor ({label}) = {t_cold[label] / t_floor:5.2f}   (target <= 1.3)")
    print(f"  classic / cold = {t_classic / t_cold['this']:5.1f}   (target >= 8)")
    print(f"  load average at the end: {os.getloadavg()[0]:.1f}")
    if args.baseline:
        subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(base)])

    if not args.warm_files:
        return
    small_files = args.warm_files
    print(f"\n{small_files} small JPEGs of {SMALL[0]}x{SMALL[1]}")
    warm_cache = caches / f"warm-{small_files}.sqlite3"
    warm_cache.unlink(missing_ok=True)
    t_warm_cold, images, _ = photodedup_scan(warm, str(warm_cache))
    assert images == small_files, images
    t_warm = best(args.repeat, lambda: photodedup_scan(warm, str(warm_cache))[0])
    t_discover = best(args.repeat, lambda: _timed(lambda: discover([str(warm)])))
    row("(d) cold scan, empty cache", t_warm_cold, small_files)
    row("(d) warm rescan, unchanged", t_warm, small_files)
    row("    of which discovery alone", t_discover, small_files)
    scaled = t_warm * 100_000 / small_files
    print(f"  warm rescan scaled to 100k files: {scaled:.1f} s   (target <= 5)")
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)


def _timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
