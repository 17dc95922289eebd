"""What the half-frame hashes cost, beside the same code without them, one run.

    python bench/bench_halves.py [--cache DIR] [--hash-cache FILE] [--files 300] [--repeat 5]

On the real-photo corpus of ``real_corpus.py``: ``fingerprint_file`` on its first
files with the halves computed and with them left out (the check bytes as they
were before), interleaved, median milliseconds per file; then grouping the whole
corpus at the default from cached fingerprints with the halves' search and second
check on and off (the rule as it was before), interleaved, median wall and CPU
seconds. See "Accuracy on real photographs" in README.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from real_corpus import build, default_cache

from photodedup.core import fingerprint, halves
from photodedup.core.models import FileRef, GroupOptions, HashSettings, ScanOptions, WalkOptions
from photodedup.core.scan import regroup, scan

_HALF_HASHES = fingerprint.half_hashes
_HALF_MATCHES = halves.half_matches


def halves_on(on: bool) -> None:
    fingerprint.half_hashes = _HALF_HASHES if on else (lambda img: b"")
    halves.HALF_SEARCH = on
    halves.half_matches = _HALF_MATCHES if on else (lambda c, a, b, d: np.zeros(len(a), bool))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", default=default_cache())
    ap.add_argument("--hash-cache")
    ap.add_argument("--files", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    folder, items = build(args.cache, 1)
    paths = [os.path.join(folder, it.path) for it in items[: args.files]]
    refs = [FileRef(p, os.path.getsize(p), 0, 0, 0, "") for p in paths]
    times: dict[bool, list[float]] = {True: [], False: []}
    for ref in refs:
        for on in (False, True):
            halves_on(on)
            t = time.process_time()
            fingerprint.fingerprint_file(ref, HashSettings(), digest="x")
            times[on].append(time.process_time() - t)
    print(f"fingerprint, {len(refs)} files, median CPU ms per file:")
    for on in (False, True):
        print(f"  halves {'on ' if on else 'off'}: {1000 * statistics.median(times[on]):.2f}")
    ratio = statistics.median(times[True]) / statistics.median(times[False])
    print(f"  ratio: {ratio:.3f}")
    halves_on(True)
    cache = args.hash_cache or os.path.join(args.cache, "bench-cache.sqlite3")
    opts = ScanOptions(WalkOptions((folder,), min_size=0), cache_path=cache)
    result = scan(opts)
    wall: dict[bool, list[float]] = {True: [], False: []}
    cpu: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(args.repeat):
        for on in (False, True):
            halves_on(on)
            w, c = time.monotonic(), time.process_time()
            regroup(result, replace(GroupOptions()))
            wall[on].append(time.monotonic() - w)
            cpu[on].append(time.process_time() - c)
    print(f"grouping {len(result.images)} files at the default, median of {args.repeat}:")
    for on in (False, True):
        print(
            f"  halves {'on ' if on else 'off'}: {statistics.median(wall[on]):.2f} s"
            f" ({statistics.median(cpu[on]):.2f} s CPU)"
        )
    print(f"  ratio (CPU): {statistics.median(cpu[True]) / statistics.median(cpu[False]):.2f}")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
