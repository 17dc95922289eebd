"""How long a warm scan in a thread keeps the main thread from running Python.

    .venv/bin/python bench/bench_gil.py --library DIR --cache PATH [--repeat 3]

The main thread sleeps 2 ms at a time, as a GUI thread waits for its next event,
and records how late it gets the GIL back while ``scan()`` runs in another thread
on a warm cache (``bench/make_library.py`` builds such a library). Baseline: the
cycle collector as Python runs it; photodedup: as the GUI's job runner runs its
jobs (automatic collection off while a job runs, its results frozen after). The
two alternate in one process; the longest collection of each run comes from
``gc.callbacks``.
"""

from __future__ import annotations

import argparse
import gc
import threading
import time
from dataclasses import replace

from photodedup.core import scan
from photodedup.core.models import ScanOptions, WalkOptions
from photodedup.gui.platform.memory import collector


def one_run(options: ScanOptions, quiet: bool) -> tuple[float, float, int, float]:
    """Longest and 99th-percentile wait (ms), waits over 50 ms, longest collection (ms)."""
    gc.unfreeze()
    gc.collect()
    starts: dict[int, float] = {}
    longest = [0.0]

    def watch(phase: str, info: dict) -> None:
        if phase == "start":
            starts[info["generation"]] = time.perf_counter()
        else:
            spent = time.perf_counter() - starts.pop(info["generation"], time.perf_counter())
            longest[0] = max(longest[0], spent)

    gc.callbacks.append(watch)
    done = threading.Event()

    def work() -> None:
        if quiet:
            collector.job_started()
        try:
            scan.scan(options)
        finally:
            if quiet:
                collector.job_ended()
            done.set()

    thread = threading.Thread(target=work)
    waits: list[float] = []
    last = time.perf_counter()
    thread.start()
    while not done.is_set():
        time.sleep(0.002)
        now = time.perf_counter()
        waits.append(now - last - 0.002)
        last = now
    thread.join()
    gc.callbacks.remove(watch)
    waits.sort()
    p99 = waits[int(len(waits) * 0.99)] if waits else 0.0
    ms = 1000
    return waits[-1] * ms, p99 * ms, sum(w > 0.05 for w in waits), longest[0] * ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--library", required=True)
    parser.add_argument("--cache", required=True)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    options = ScanOptions(walk=WalkOptions(roots=(args.library,), min_size=0))
    options = replace(options, cache_path=args.cache)
    scan.scan(options)  # the cache's file in the page cache for both
    rows: dict[str, list[tuple[float, float, int, float]]] = {"baseline": [], "photodedup": []}
    for _ in range(args.repeat):
        for name, quiet in (("baseline", False), ("photodedup", True)):
            rows[name].append(one_run(options, quiet))
    print("| collector | longest wait ms | 99th pct ms | waits > 50 ms | longest collection ms |")
    print("|---|---|---|---|---|")
    for name, runs in rows.items():
        for longest, p99, over, collection in runs:
            print(f"| {name} | {longest:.0f} | {p99:.1f} | {over} | {collection:.0f} |")


if __name__ == "__main__":
    main()
