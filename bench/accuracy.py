"""Accuracy on real photographs: photodedup's scan beside the classic baseline, one run.

    python bench/accuracy.py [--cache DIR] [--seed N] [--setting NAME ...]
                             [--hash-cache FILE] [--distances D,D,...]

Builds (or reuses) the corpus of ``real_corpus.py`` outside the repository, scans
it with photodedup's own engine at each setting asked for (default: the default
scan, then rotations, crops and both), and groups the classic baseline (every
pixel decoded, ``imagehash.dhash``, the same greedy rule) exactly and at 10 bits.
Prints pairwise precision and, per kind of copy, the share of copies grouped
with their original, plus the hard negatives (parts of one photo, editions of
one design) that were grouped. See "Accuracy on real photographs" in README.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from dataclasses import replace
from itertools import combinations
from multiprocessing import Pool

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from real_corpus import HARD, PLAIN, Item, build, default_cache

from photodedup.core.group import group_images
from photodedup.core.models import (
    GroupOptions,
    HashSettings,
    ImageRecord,
    ScanOptions,
    WalkOptions,
)
from photodedup.core.scan import regroup, scan

# name -> (changes to the default hash settings, to the default group options);
# "default" is the product as shipped.
SETTINGS: dict[str, tuple[dict, dict]] = {
    "default": ({}, {}),
    "rotations": ({}, {"rotations": True}),
    "crops": ({}, {"crops": True}),
    "rotations+crops": ({}, {"rotations": True, "crops": True}),
    "dhash-classic": ({"algorithm": "dhash"}, {}),
}


def score(items: list[Item], groups: list[list[int]]) -> dict:
    """Pairwise precision, per-kind recall (copy grouped with its original), hard negatives."""
    group_of = {}
    for g, members in enumerate(groups):
        for i in members:
            group_of[i] = g
    original = {it.family: k for k, it in enumerate(items) if it.kind == "original"}
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for k, it in enumerate(items):
        if it.kind in ("original", "edition"):
            continue
        total[it.kind] += 1
        o = original[it.family]
        if k in group_of and group_of.get(o) == group_of[k]:
            found[it.kind] += 1
    pairs = wrong = hard_neg = 0
    joined: set[tuple[str, str]] = set()
    for members in groups:
        for a, b in combinations(members, 2):
            pairs += 1
            fa, fb = items[a].family, items[b].family
            if fa != fb:
                wrong += 1
                joined.add(tuple(sorted((fa, fb))))
                if items[a].negset and items[a].negset == items[b].negset:
                    hard_neg += 1
    families = Counter(it.family for it in items)
    all_pairs = sum(n * (n - 1) // 2 for n in families.values())
    right = pairs - wrong
    return {
        "precision": right / pairs if pairs else 1.0,
        "pair_recall": right / all_pairs,
        "found": found,
        "total": total,
        "wrong": wrong,
        "joined": len(joined),
        "hard_neg": hard_neg,
    }


def _groups_by_index(items, folder, groups) -> list[list[int]]:
    index = {os.path.join(folder, it.path): k for k, it in enumerate(items)}
    return [[index[m.image.path] for m in g.members] for g in groups]


def run_photodedup(folder, items, changes, cache_path, distances=()) -> tuple[dict, float, list]:
    """Score one setting; then, without decoding again, each of ``distances``."""
    hash_changes, group_changes = changes
    options = ScanOptions(
        WalkOptions((folder,), min_size=0),
        hash=HashSettings(**hash_changes),
        group=replace(GroupOptions(), **group_changes),
        cache_path=cache_path,
    )
    started = time.monotonic()
    result = scan(options)
    seconds = time.monotonic() - started
    swept = []
    for d in distances:
        groups = regroup(result, replace(options.group, distance=d))
        swept.append((d, score(items, _groups_by_index(items, folder, groups))))
    return score(items, _groups_by_index(items, folder, result.groups)), seconds, swept


def sweep_table(name: str, swept: list[tuple[int, dict]]) -> str:
    """Plain recall, worst plain kind, precision and wrong pairs per distance."""
    lines = [
        f"| {name}: distance | plain copies | worst plain kind | precision | wrong pairs |"
        " hard-negative pairs |",
        "|---|---|---|---|---|---|",
    ]
    for d, s in swept:
        f, t = s["found"], s["total"]
        worst = min(PLAIN, key=lambda k: f[k] / t[k])
        lines.append(
            f"| {d} | {100 * sum(f[k] for k in PLAIN) / sum(t[k] for k in PLAIN):.1f}%"
            f" | {worst} {100 * f[worst] / t[worst]:.1f}% | {s['precision']:.4f}"
            f" | {s['wrong']} | {s['hard_neg']} |"
        )
    return "\n".join(lines)


def _baseline_hash(path: str) -> int:
    import imagehash
    from PIL import Image

    with Image.open(path) as im:
        bits = imagehash.dhash(im).hash.ravel()
    return int("".join("1" if b else "0" for b in bits), 2)


def run_baseline(folder, items, distance, hashes) -> dict:
    records = [
        ImageRecord(os.path.join(folder, it.path), 1, 0, "JPEG", 100, 100, h, (), str(k))
        for k, (it, h) in enumerate(zip(items, hashes, strict=True))
    ]
    # Quality order by path only: every record has the same size, so originals
    # (under "copies/" < "editions/" < "originals/" order) do not lead; use the
    # manifest order instead by giving originals more pixels.
    records = [
        replace(r, width=200) if it.kind == "original" else r
        for r, it in zip(records, items, strict=True)
    ]
    groups = group_images(records, distance, bits=64, ignore_blank=False)
    return score(items, _groups_by_index(items, folder, groups))


def table(rows: list[tuple[str, dict]]) -> str:
    head = "| kind | " + " | ".join(name for name, _ in rows) + " |"
    lines = [head, "|---" * (len(rows) + 1) + "|"]

    def pct(s: dict, kinds) -> str:
        f = sum(s["found"][k] for k in kinds)
        t = sum(s["total"][k] for k in kinds)
        return f"{100 * f / t:.1f}%" if t else "-"

    for k in (*PLAIN, *HARD):
        lines.append(f"| {k} | " + " | ".join(pct(s, [k]) for _, s in rows) + " |")
    lines.append("| **plain, all** | " + " | ".join(f"**{pct(s, PLAIN)}**" for _, s in rows) + " |")
    lines.append(
        "| worst plain kind | "
        + " | ".join(
            min((pct(s, [k]) for k in PLAIN), key=lambda x: float(x[:-1])) for _, s in rows
        )
        + " |"
    )
    lines.append("| **hard, all** | " + " | ".join(f"**{pct(s, HARD)}**" for _, s in rows) + " |")
    lines.append(
        "| pairwise precision | " + " | ".join(f"{s['precision']:.4f}" for _, s in rows) + " |"
    )
    lines.append(
        "| pairwise recall | " + " | ".join(f"{s['pair_recall']:.4f}" for _, s in rows) + " |"
    )
    lines.append(
        "| wrong pairs (different photos joined) | "
        + " | ".join(f"{s['wrong']} ({s['joined']})" for _, s in rows)
        + " |"
    )
    lines.append(
        "| hard-negative pairs grouped | " + " | ".join(str(s["hard_neg"]) for _, s in rows) + " |"
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", default=default_cache())
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--setting", action="append", choices=list(SETTINGS))
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument(
        "--distances",
        help="comma-separated distances to regroup each setting at (presets are chosen so)",
    )
    parser.add_argument(
        "--hash-cache",
        help="photodedup's fingerprint cache for the runs (default: in --cache); a rerun"
        " reuses it, so only the grouping is measured again",
    )
    args = parser.parse_args()
    folder, items = build(args.cache, args.seed)
    kinds = Counter(it.kind for it in items)
    negsets = len({i.negset for i in items if i.negset})
    print(
        f"corpus: {len(items)} files, {kinds['original']} originals,"
        f" {kinds['edition']} editions, {negsets} hard-negative sets\n"
    )
    rows, sweeps = [], []
    distances = [int(d) for d in args.distances.split(",")] if args.distances else []
    for name in args.setting or [
        "default",
        "rotations",
        "crops",
        "rotations+crops",
        "dhash-classic",
    ]:
        hash_cache = args.hash_cache or os.path.join(args.cache, "bench-cache.sqlite3")
        # The distances are PDQ bits: the 64-bit classic setting is not swept.
        sweep = distances if "algorithm" not in SETTINGS[name][0] else []
        s, seconds, swept = run_photodedup(folder, items, SETTINGS[name], hash_cache, sweep)
        print(f"photodedup {name}: {seconds:.1f} s", flush=True)
        rows.append((f"photodedup {name}", s))
        if swept:
            sweeps.append(sweep_table(name, swept))
    if not args.no_baseline:
        paths = [os.path.join(folder, it.path) for it in items]
        started = time.monotonic()
        with Pool(os.cpu_count()) as pool:
            hashes = pool.map(_baseline_hash, paths, chunksize=32)
        print(f"baseline hashing: {time.monotonic() - started:.1f} s")
        rows.append(("dhash exact", run_baseline(folder, items, 0, hashes)))
        rows.append(("dhash 10 bits", run_baseline(folder, items, 10, hashes)))
    print()
    print(table(rows))
    for sweep in sweeps:
        print()
        print(sweep)


if __name__ == "__main__":
    main()
