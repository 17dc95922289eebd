"""The whole ``photodedup-cli scan`` process on a warm cache, beside a baseline revision.

Run from the repository root:

    .venv/bin/python bench/bench_warm.py [--files 100000] [--baseline REV] [--workdir DIR]

The library is --files real JPEG files (40 small photos, each file made unique by
a few trailing bytes, so writing 100 000 takes seconds). Decoding them all cold
would take most of an hour on the shared machine, so the cache is filled
directly with records of the default fingerprint, re-pathed to the real files
(their size and time, so the scan finds them unchanged): random PDQ hashes,
probes and thumbnails with planted near-copies, as in ``bench_group.py``. Then,
in one run, alternately for this checkout and for REV (a temporary worktree):

    python -m photodedup.cli scan LIBRARY --cache CACHE --no-ignore-list --json OUT

timed from start to exit (the interpreter, imports, discovery, the cache, the
grouping, the report), best of --repeat, in wall-clock seconds and in CPU seconds
(user + system of the process and its threads: what the scan costs whatever else
runs on the machine). Both must find every file in the cache
(none decoded) and the same groups. Target: <= 5 s for 100 000 files.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
# The cache of each revision is filled by that revision's own code (its schema).
sys.path.insert(0, os.environ.get("PHOTODEDUP_BENCH_SOURCE", str(REPO)))

import bench_group  # noqa: E402
import imagegen  # noqa: E402

from photodedup.core.cache import HashCache  # noqa: E402
from photodedup.core.models import HashSettings  # noqa: E402


def build(folder: Path, files: int) -> list[Path]:
    marker = folder / f".built-{files}"
    paths = [folder / f"{i // 1000:03d}" / f"IMG_{i:06d}.jpg" for i in range(files)]
    if marker.exists():
        return paths
    seeds = [imagegen.jpeg_bytes(imagegen.photo(s, (320, 240))) for s in range(40)]
    for i, path in enumerate(paths):
        if i % 1000 == 0:
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(seeds[i % 40] + i.to_bytes(4, "big"))
    marker.write_text("")
    return paths


def fill(cache_path: Path, paths: list[Path]) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{cache_path}{suffix}").unlink(missing_ok=True)
    records = bench_group.checked_records(len(paths))
    with HashCache(str(cache_path), HashSettings()) as cache:
        batch = []
        for path, rec in zip(paths, records, strict=True):
            st = path.stat()
            batch.append(
                dataclasses.replace(
                    rec,
                    path=str(path),
                    size=st.st_size,
                    mtime_ns=st.st_mtime_ns,
                    width=320,
                    height=240,
                )
            )
            if len(batch) == 10_000:
                cache.put_many(batch)
                batch = []
        cache.put_many(batch)


def fill_for(source: Path, cache_path: Path, library: Path, files: int) -> None:
    """Fill ``cache_path`` in a process that runs ``source``'s photodedup."""
    env = dict(os.environ, PHOTODEDUP_BENCH_SOURCE=str(source))
    cmd = [sys.executable, __file__, "--files", str(files), "--fill", str(cache_path)]
    subprocess.run([*cmd, "--library", str(library)], env=env, check=True)


def children_cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def run(source: Path, library: Path, cache: Path, out: Path) -> tuple[float, float, dict]:
    env = dict(os.environ, PYTHONPATH=str(source))
    cmd = [sys.executable, "-m", "photodedup.cli", "scan", str(library), "--cache", str(cache)]
    cmd += ["--no-ignore-list", "--json", str(out)]
    started, cpu = time.perf_counter(), children_cpu()
    subprocess.run(cmd, cwd=source, env=env, check=True, stdout=subprocess.DEVNULL)
    seconds, cpu = time.perf_counter() - started, children_cpu() - cpu
    return seconds, cpu, json.loads(out.read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--baseline", default="main", help="git revision to compare with")
    parser.add_argument("--workdir", help="keep the library here and reuse it")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--fill", help=argparse.SUPPRESS)
    parser.add_argument("--library", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fill:
        fill(Path(args.fill), build(Path(args.library), args.files))
        return
    work = Path(args.workdir or tempfile.mkdtemp(prefix="pd-warm-"))
    library = work / f"library-{args.files}"
    started = time.perf_counter()
    build(library, args.files)
    base = work / "baseline-src"
    if base.exists():
        subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(base)])
    subprocess.run(
        ["git", "-C", str(REPO), "worktree", "add", "--detach", str(base), args.baseline],
        check=True,
        capture_output=True,
    )
    sources = {"baseline": base, "this": REPO}
    caches = {label: work / f"cache-{label}.sqlite3" for label in sources}
    try:
        for label, source in sources.items():
            fill_for(source, caches[label], library, args.files)
        print(f"# {args.files} files and their caches in {time.perf_counter() - started:.0f} s")
        best = {"baseline": float("inf"), "this": float("inf")}
        best_cpu = dict(best)
        found = {}
        for _ in range(args.repeat):
            for label, source in sources.items():
                out = work / f"{label}.json"
                seconds, cpu, report = run(source, library, caches[label], out)
                best[label] = min(best[label], seconds)
                best_cpu[label] = min(best_cpu[label], cpu)
                stats = report["stats"]
                assert stats["decoded"] == 0 and stats["cache_hits"] == args.files, stats
                groups = report["groups"]
                found[label] = [[(m["path"], m["distance"]) for m in g["files"]] for g in groups]
        print(f"# cores: {os.cpu_count()}, load average at the end: {os.getloadavg()[0]:.1f}")
        print("| warm rescan, whole process | files | groups | seconds | CPU seconds |")
        print("|---|---|---|---|---|")
        for label in best:
            rev = args.baseline if label == "baseline" else "this"
            print(
                f"| {rev} | {args.files:,} | {len(found[label]):,} | {best[label]:.2f} "
                f"| {best_cpu[label]:.2f} |"
            )
        same = "same groups" if found["baseline"] == found["this"] else "**groups differ**"
        print(f"this / baseline = {best['this'] / best['baseline']:.2f} ({same})")
    finally:
        subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(base)])


if __name__ == "__main__":
    main()
