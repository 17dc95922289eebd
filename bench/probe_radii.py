"""The probe searches' radii on real photographs: what each grouped copy needs, and the groups
at other radii.

    python bench/probe_radii.py [--cache DIR] [--hash-cache FILE] [--radii P,D,H ...]
                                [--distances D,D,...] [--library DIR --library-cache FILE]

The checked (pdq) rule proposes candidate pairs by six exact searches: the whole
frame's pHash and dHash (``confirm.PROBE_PHASH``, ``PROBE_DHASH``) and the four
halves' probes (``halves.HALF_PROBE``). Scans the corpus of ``real_corpus.py``
at the default setting (``--hash-cache``: reuse accuracy.py's fingerprints), then
takes every (reference, member) pair of one photo in the default's groups (what
puts each copy found with its original; the reference may be another copy) and
prints how many of them each search alone proposes at each radius, and the
distances of those only a half proposes. Then regroups at each distance and each
``--radii`` (pHash, dHash, halves; -1 leaves a search out), the shipped radii
first, and scores it as ``accuracy.py`` does. With ``--library`` it also times
grouping that scanned library (its cache: a copy, the scan may write it) at each
radii, interleaved. See "The probe searches' radii" in README.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import Counter
from dataclasses import replace

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from accuracy import _groups_by_index, score
from real_corpus import HARD, PLAIN, build, default_cache

from photodedup.core import confirm, halves, hamming_index
from photodedup.core.fingerprint_rows import hash_rows, probe_rows
from photodedup.core.hamming_index import distances
from photodedup.core.models import GroupOptions, HashSettings, ScanOptions, WalkOptions
from photodedup.core.scan import regroup, scan


def kept_pairs(items, groups: list[list[int]]) -> list[tuple[int, int]]:
    """(reference, member) of each group the default made, both of one photo: what
    puts each copy found with its original (the reference may be another copy, with
    more pixels)."""
    return [(g[0], k) for g in groups for k in g[1:] if items[k].family == items[g[0]].family]


def pair_table(items, records, pairs: list[tuple[int, int]], d: int) -> list[dict]:
    """Each pair: its kind, probe distances and which checks it passes."""
    rows = []
    a = np.array([p[0] for p in pairs])
    b = np.array([p[1] for p in pairs])
    probes = probe_rows(records)
    hashes = hash_rows(records, 256)
    checks = [r.thumb for r in records]
    half_probes, has = halves.probes_of(checks)
    ph = np.bitwise_count(probes[a, 0] ^ probes[b, 0])
    dh = np.bitwise_count(probes[a, 1] ^ probes[b, 1])
    hp = np.bitwise_count(half_probes[a] ^ half_probes[b])  # (m, 4)
    dist = distances(hashes[a], hashes[b])
    zero = np.zeros(len(a), dtype=np.int64)
    by_pdq = confirm.pdq_passes(dist, zero, dh <= confirm.LOCAL_DHASH, d)
    by_half = halves.half_matches(checks, a, b, d)
    agree = confirm.Thumbs(checks).agree(a, b, zero)
    for i, (o, k) in enumerate(pairs):
        rows.append(
            {
                "kind": items[k].kind if items[k].kind != "original" else items[o].kind,
                "ph": int(ph[i]),
                "dh": int(dh[i]),
                "hp": hp[i].tolist(),
                "halves": bool(has[o] and has[k]),
                "pdq": bool(by_pdq[i] and agree[i]),
                "half": bool(by_half[i] and agree[i]),
            }
        )
    return rows


def proposed(row: dict, p: int, dh: int, h: int) -> bool:
    """Whether the checks accept the pair and some search at these radii proposes it."""
    whole = row["ph"] <= p or row["dh"] <= dh
    by_half = row["halves"] and min(row["hp"]) <= h
    return (row["pdq"] and whole) or (row["half"] and (whole or by_half))


def report(rows: list[dict]) -> None:
    accepted = [r for r in rows if r["pdq"] or r["half"]]
    print(f"pairs of one photo the default groups: {len(rows)}, {len(accepted)} accepted")
    print("| radius | pHash alone | dHash alone | a half alone | all six at it miss |")
    print("|---|---|---|---|---|")
    for rad in range(0, 13):
        ph = sum(r["ph"] <= rad for r in accepted)
        dh = sum(r["dh"] <= rad for r in accepted)
        hh = sum(r["halves"] and min(r["hp"]) <= rad for r in accepted)
        lost = sum(not proposed(r, rad, rad, rad) for r in accepted)
        print(f"| {rad} | {ph} | {dh} | {hh} | {lost} |")
    whole = [r for r in accepted if not proposed(r, 10, 10, -1)]
    print(f"\naccepted pairs only a half proposes at 10, 10, 10: {len(whole)}")
    for r in sorted(whole, key=lambda r: min(r["hp"])):
        print(f"  {r['kind']}: pHash {r['ph']} dHash {r['dh']} halves {r['hp']}")
    kinds = Counter(r["kind"] for r in accepted if r["ph"] > 6 and r["dh"] > 6)
    print(f"accepted pairs with pHash and dHash both over 6: {dict(kinds)}")
    worst = sorted(accepted, key=lambda r: min(r["ph"], r["dh"]))[-12:]
    print("the accepted pairs farthest by both whole-frame probes:")
    for r in worst:
        print(f"  {r['kind']}: pHash {r['ph']} dHash {r['dh']} halves {r['hp']}")


def set_radii(radii: str) -> tuple[int, int, int]:
    p, dh, h = (int(x) for x in radii.split(","))
    confirm.PROBE_PHASH, confirm.PROBE_DHASH, halves.HALF_PROBE = p, dh, h
    return p, dh, h


def time_library(folder: str, cache: str, radii: list[str], repeat: int) -> None:
    """Group a scanned library at each radii, interleaved: median wall and CPU seconds
    of the whole grouping, and of the six searches alone (``checked_pairs`` less the
    checks is not separable, so the searches are timed by themselves)."""
    result = scan(ScanOptions(WalkOptions((folder,), min_size=0), cache_path=cache))
    print(f"\nlibrary: {len(result.images)} records ({result.stats.decoded} decoded)")
    records = result.images
    probes = probe_rows(records)
    checks = [r.thumb for r in records]
    half = halves.probes_of(checks)
    times: dict[str, list[tuple[float, float, float, float, int, int]]] = {r: [] for r in radii}
    for _ in range(repeat):
        for rad in radii:
            p, dh, _ = set_radii(rad)
            wall, cpu = time.perf_counter(), time.process_time()
            found = 0
            for kind, limit in ((0, p), (1, dh)):
                found += len(hamming_index.self_pairs(probes[:, kind : kind + 1], limit, None, 2).a)
            found += len(halves.half_candidates(checks, None, 2, probes=half)[0])
            s_wall, s_cpu = time.perf_counter() - wall, time.process_time() - cpu
            wall, cpu = time.perf_counter(), time.process_time()
            groups = regroup(result, GroupOptions())
            times[rad].append(
                (
                    s_wall,
                    s_cpu,
                    time.perf_counter() - wall,
                    time.process_time() - cpu,
                    len(groups),
                    found,
                )
            )
    print(
        "| radii (pHash, dHash, halves) | searches wall | CPU | grouping wall | CPU | groups"
        " | pairs proposed |"
    )
    print("|---|---|---|---|---|---|---|")
    for rad, t in times.items():
        med = [statistics.median(x[i] for x in t) for i in range(4)]
        print(
            f"| {rad} | {med[0]:.2f} s | {med[1]:.2f} s | {med[2]:.2f} s | {med[3]:.2f} s"
            f" | {t[0][4]} | {t[0][5]} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", default=default_cache())
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hash-cache")
    parser.add_argument("--radii", action="append", default=[], help="P,D,H (pHash, dHash, halves)")
    parser.add_argument("--library", help="also time grouping this scanned library")
    parser.add_argument("--library-cache", help="its fingerprint cache (a copy: it is written)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--distances", default="72", help="comma-separated PDQ distances")
    args = parser.parse_args()
    folder, items = build(args.cache, args.seed)
    options = ScanOptions(
        WalkOptions((folder,), min_size=0),
        hash=HashSettings(),
        group=GroupOptions(),
        cache_path=args.hash_cache or os.path.join(args.cache, "bench-cache.sqlite3"),
    )
    result = scan(options)
    by_path = {r.path: r for r in result.images}
    records = [by_path[os.path.join(folder, it.path)] for it in items]
    d = options.group.distance_for(result.hash.bits, result.hash.algorithm)
    default = _groups_by_index(items, folder, result.groups)
    report(pair_table(items, records, kept_pairs(items, default), d))
    print(
        "\n| distance | radii (pHash, dHash, halves) | plain copies | worst plain kind"
        " | hard copies | precision | wrong pairs | hard-negative pairs |"
    )
    print("|---|---|---|---|---|---|---|---|")
    saved = confirm.PROBE_PHASH, confirm.PROBE_DHASH, halves.HALF_PROBE
    radii = [",".join(map(str, saved)), *args.radii]  # as shipped first
    for distance in [int(x) for x in args.distances.split(",")]:
        for rad in radii:
            p, dh, h = set_radii(rad)
            groups = regroup(result, replace(options.group, distance=distance))
            s = score(items, _groups_by_index(items, folder, groups))
            f, t = s["found"], s["total"]
            worst = min(PLAIN, key=lambda k: f[k] / t[k])
            plain = sum(f[k] for k in PLAIN)
            hard = sum(f[k] for k in HARD)
            print(
                f"| {distance} | {p}, {dh}, {h} | {plain} of {sum(t[k] for k in PLAIN)}"
                f" | {worst} {f[worst]} | {hard} | {s['precision']:.4f} | {s['wrong']}"
                f" | {s['hard_neg']} |"
            )
    confirm.PROBE_PHASH, confirm.PROBE_DHASH, halves.HALF_PROBE = saved
    if args.library:
        time_library(args.library, args.library_cache, radii, args.repeat)


if __name__ == "__main__":
    main()
