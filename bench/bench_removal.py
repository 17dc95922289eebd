"""What removing files a batch at a time costs the window's GUI thread.

The review reports removed files in batches (500 here) while the trash job runs;
for each batch the session drops them from the scan result and the results list
from its groups. The baseline is how ``ScanResult.without`` worked before it kept
an index (every image and every group rebuilt per batch), inlined; both run on
the same made-up library in one run, with CPU time (not wall time) so that the
load of a shared machine does not blur them.

    python bench/bench_removal.py [--files 100000] [--remove 30000] [--batch 500]
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace

from photodedup.core.models import ImageRecord
from photodedup.core.results import Group, Member, ScanResult

SIZES = (2, 3, 4, 3, 2, 3, 3, 4, 2, 3)  # files per group, in turn (as make_library.py)


def library(files: int) -> tuple[ScanResult, list[str]]:
    """About half the files in groups of 2-4, the rest alone; and the copies to mark."""
    groups, images, marked, g = [], [], [], 0
    while len(images) < files // 2:
        members = []
        for j in range(SIZES[g % len(SIZES)]):
            folder = f"/lib/{'copies' if j else 'photos'}/{g // 500:03d}"
            rec = ImageRecord(
                f"{folder}/p{g:06d}_{j}.jpg", 20_000 - j, 0, "JPEG", 320, 240, g, (), ""
            )
            members.append(Member(rec, j))
            images.append(rec)
            if j:
                marked.append(rec.path)
        groups.append(Group(tuple(members)))
        g += 1
    while len(images) < files:
        images.append(
            ImageRecord(f"/lib/alone/{len(images):06d}.jpg", 1, 0, "JPEG", 1, 1, 0, (), "")
        )
    images.sort(key=lambda r: r.path)
    return ScanResult(images=images, groups=groups), sorted(marked)


def baseline_without(result: ScanResult, gone: set[str]) -> ScanResult:
    """``ScanResult.without`` as it was: every image and group looked at."""
    groups = (g.without(gone) for g in result.groups)
    identical = ([p for p in same if p not in gone] for same in result.identical)
    return replace(
        result,
        images=[r for r in result.images if r.path not in gone],
        groups=[g for g in groups if g is not None],
        identical=[same for same in identical if len(same) > 1],
    )


def baseline_records(result: ScanResult, paths: set[str]) -> list[ImageRecord]:
    """The removed files' records as the session took them before: a pass over all."""
    return [r for r in result.images if r.path in paths]


def run(without, records_of, result: ScanResult, gone: list[str], batch: int):
    """Total and worst-batch CPU seconds of removing ``gone`` from ``result``, as the
    session does per batch: keep the records (for a restore), then drop them."""
    total = worst = 0.0
    for start in range(0, len(gone), batch):
        paths = set(gone[start : start + batch])
        t = time.thread_time()
        removed = records_of(result, paths)
        result = without(result, paths)
        spent = time.thread_time() - t
        assert len(removed) == len(paths)
        total, worst = total + spent, max(worst, spent)
    return total, worst, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--remove", type=int, default=30_000)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()
    result, marked = library(args.files)
    gone = marked[: args.remove]
    print(f"{len(result.images):,} files, {len(result.groups):,} groups; removing {len(gone):,}")
    print("| removal | CPU s, all batches | worst batch ms | groups left |")
    print("|---|---|---|---|")
    outcomes = {}
    cases = (
        ("baseline: rebuild per batch", baseline_without, baseline_records),
        ("photodedup: indexed", ScanResult.without, ScanResult.records_of),
    )
    for name, without, records_of in cases:
        total, worst, after = run(without, records_of, result, gone, args.batch)
        outcomes[name] = after
        print(f"| {name} | {total:.2f} | {worst * 1000:.0f} | {len(after.groups):,} |")
    first, second = outcomes.values()
    assert [g.paths for g in first.groups] == [g.paths for g in second.groups]
    assert [r.path for r in first.images] == [r.path for r in second.images]


if __name__ == "__main__":
    main()
