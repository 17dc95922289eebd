"""Grouping speed and peak memory on random 64-bit hashes, beside an all-pairs baseline.

Each case runs in a fresh subprocess so that peak RSS (ru_maxrss) does not mix.
Modes per case:
  index  - hamming_index.self_pairs on the packed hashes (the search alone)
  group  - group.group_images on ImageRecords (search + greedy + groups)
  brute  - numpy blocked all-pairs popcount over the first --brute-rows rows against
           all n, extrapolated to the n*(n-1)/2 pairs (the baseline; says so)
A search the cost model expects to exceed --budget seconds runs a random sample of
its work units and is extrapolated by flip masks done (marked "extrapolated").

Run: python bench/bench_group.py [--sizes 100000 1000000] [--distances 4 10 16]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from photodedup.core import group, hamming_index
from photodedup.core.models import ImageRecord

SEED = 20240601


def hashes(n: int) -> np.ndarray:
    return np.random.default_rng(SEED).integers(0, 2**64, (n, 1), dtype=np.uint64)


def peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids


def run_index(n: int, d: int, workers: int, budget: float) -> dict:
    h = hashes(n)
    plan = hamming_index.make_plan(n, n, 64, d, True)
    predicted = plan.cost / 1e9
    if predicted <= budget or plan.brute:
        t = time.perf_counter()
        pairs = hamming_index.self_pairs(h, d, workers=workers)
        return {"seconds": time.perf_counter() - t, "pairs": len(pairs.a), "extrapolated": False}
    # Too long to run whole here: time a random sample of the work units.
    search = hamming_index._Search(h, h, d, plan, True)
    units = search.units()
    total = sum(len(m) for _c, m in units)
    random.Random(SEED).shuffle(units)
    t = time.perf_counter()
    for c in range(len(plan.chunks)):
        search.chunk(c)
    done = found = 0
    for unit in units:
        found += len(search.first_chunk_only(unit[0], search.run(unit)).a)
        done += len(unit[1])
        if time.perf_counter() - t > budget / 2:
            break
    return {
        "seconds": (time.perf_counter() - t) * total / done,
        "workers": 1,  # the sample runs in this process
        "pairs": round(found * total / done),
        "extrapolated": f"{done}/{total} masks",
    }


def run_group(n: int, d: int, workers: int, rotations: bool) -> dict:
    h = hashes(n)[:, 0].tolist()
    rng = np.random.default_rng(SEED + 1)
    sizes = rng.integers(100_000, 5_000_000, n).tolist()
    turned = [()] * n
    if rotations:  # unrelated random variants: what rotation matching costs, not gains
        turned = [tuple(row) for row in rng.integers(0, 2**64, (n, 4), dtype=np.uint64).tolist()]
    images = [
        ImageRecord(f"/photos/{i:07d}.jpg", sizes[i], i, "JPEG", 4000, 3000, v, turned[i], "")
        for i, v in enumerate(h)
    ]
    built = peak_mb()[0]
    t = time.perf_counter()
    groups = group.group_images(images, d, ignore_blank=False, workers=workers, rotations=rotations)
    seconds = time.perf_counter() - t
    return {"seconds": seconds, "groups": len(groups), "records_mb": built, "extrapolated": False}


def run_brute(n: int, d: int, rows: int) -> dict:
    h = hashes(n)
    rows = min(rows, n)
    t = time.perf_counter()
    found = hamming_index._brute(h[:rows], h, d, False, None)
    seconds = time.perf_counter() - t
    pairs_done = rows * n
    return {
        "seconds": seconds * (n * (n - 1) / 2) / pairs_done,
        "pairs": round((len(found.a) - rows) / 2 * n / rows),
        "extrapolated": f"{rows} rows x {n}",
    }


def case(args: argparse.Namespace) -> None:
    n, d, mode = args.case_n, args.case_d, args.case_mode
    if mode == "index":
        out = run_index(n, d, args.workers, args.budget)
    elif mode == "group":
        out = run_group(n, d, args.workers, args.rotations)
    else:
        out = run_brute(n, d, args.brute_rows)
    own, kids = peak_mb()
    out.setdefault("workers", 1 if mode == "brute" else args.workers)
    out.update(n=n, d=d, mode=mode, peak_mb=own, workers_peak_mb=kids)
    print(json.dumps(out))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--distances", type=int, nargs="+", default=[4, 10, 16])
    ap.add_argument("--modes", nargs="+", default=["brute", "index", "group"])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--budget", type=float, default=120.0, help="seconds before sampling")
    ap.add_argument("--brute-rows", type=int, default=2000)
    ap.add_argument("--rotations", action="store_true", help="group with rotation variants")
    ap.add_argument("--case-n", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--case-d", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--case-mode", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.case_mode:
        case(args)
        return
    print(
        f"# cores: {os.cpu_count()}, load average at start: {os.getloadavg()[0]:.1f}"
        + (", rotations on" if args.rotations else "")
    )
    print(
        "| n | d | mode | workers | seconds | pairs/groups | peak RSS MB (main + worker) | note |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for n in args.sizes:
        for d in args.distances:
            for mode in args.modes:
                if mode == "group" and n * d > 1_000_000 * 10 and args.budget < 1000:
                    continue  # the index row already shows it is out of budget
                cmd = [sys.executable, __file__, "--case-n", str(n), "--case-d", str(d)]
                cmd += ["--case-mode", mode, "--workers", str(args.workers)]
                cmd += ["--budget", str(args.budget), "--brute-rows", str(args.brute_rows)]
                cmd += ["--rotations"] if args.rotations else []
                r = json.loads(
                    subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
                )
                count = r.get("pairs", r.get("groups"))
                note = f"extrapolated from {r['extrapolated']}" if r["extrapolated"] else ""
                if "records_mb" in r:
                    note = f"{r['records_mb']:.0f} MB of it is the ImageRecords"
                workers = r["workers"]
                print(
                    f"| {n:,} | {d} | {mode} | {workers} | {r['seconds']:.1f} | {count:,} "
                    f"| {r['peak_mb']:.0f} + {r['workers_peak_mb']:.0f} | {note} |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
