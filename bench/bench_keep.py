"""How long choosing the copy to keep takes: keep rules vs a plain sort key.

The baseline is the single sort key earlier versions used (most pixels, largest
file, oldest, shortest path); photodedup's keep rules go criterion by criterion
with tolerances and reasons. Both run on the same groups in one run.

    python bench/bench_keep.py [--groups 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import time

from photodedup.core.models import ImageRecord
from photodedup.core.results import Group, Member
from photodedup.core.select import premark


def make_groups(n: int, seed: int = 1) -> list[Group]:
    rng = random.Random(seed)
    groups = []
    for g in range(n):
        members = []
        for i in range(rng.choice((2, 2, 3, 4))):
            width = rng.choice((4032, 2016, 1008))
            record = ImageRecord(
                path=f"/home/sam/{rng.choice(('Pictures', 'Backup', 'Phone'))}/{g}/{i}.jpg",
                size=rng.randint(10**5, 10**7),
                mtime_ns=rng.randint(0, 10**18),
                format=rng.choice(("JPEG", "PNG", "HEIF", "WEBP")),
                width=width,
                height=width * 3 // 4,
                hash=0,
                variants=(),
                digest=f"{g}-{i}",
                taken=rng.choice((None, "2021-06-01T12:00:00", "2020-01-01T08:00:00")),
                camera=rng.choice((None, "Pixel 7")),
            )
            members.append(Member(record, i))
        groups.append(Group(tuple(members)))
    return groups


def baseline(groups: list[Group]) -> set[str]:
    marked: set[str] = set()
    for group in groups:
        recs = [m.image for m in group.members]
        best = min(recs, key=lambda r: (-r.pixels, -r.size, r.mtime_ns, len(r.path), r.path))
        marked.update(r.path for r in recs if r is not best)
    return marked


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--groups", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    groups = make_groups(args.groups)
    prefer = ["/home/sam/Pictures", "/home/sam/Phone"]
    print(f"{args.groups} groups, best of {args.repeat}\n")
    print("| marks | seconds | ratio to the sort key |\n|---|---|---|")
    base = min(_time(lambda: baseline(groups)) for _ in range(args.repeat))
    print(f"| sort key (baseline) | {base:.2f} | 1.00 |")
    for rule in ("best", "oldest", "preferred-folders"):
        took = min(_time(lambda r=rule: premark(groups, r, prefer)) for _ in range(args.repeat))
        print(f"| keep rule `{rule}` | {took:.2f} | {took / base:.2f} |")


def _time(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
