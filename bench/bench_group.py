"""Grouping speed and peak memory on random fingerprints, beside a baseline.

Each case runs in a fresh subprocess so that peak memory does not mix.
Modes per case:
  checked - group.group_images on records of the default (pdq) fingerprint: random
            PDQ hashes, probes and colour thumbnails with planted near-copies (see
            ``checked_records``), at the default distance (-1) or --distances;
            with --baseline REV the same case also runs on that revision, and the
            two groupings must be equal
  index   - hamming_index.self_pairs on random 64-bit hashes (the search alone);
            with --baseline REV also on that revision, with CPU seconds
  group   - group.group_images on 64-bit ImageRecords (search + greedy + groups)
  brute   - numpy blocked all-pairs popcount over the first --brute-rows rows against
            all n, extrapolated to the n*(n-1)/2 pairs (the baseline; says so)
A search the cost model expects to exceed --budget seconds runs a random sample of
its work units and is extrapolated by flip masks done (marked "extrapolated").
Peak memory: the largest sum, sampled every 20 ms, of the proportional set size
(PSS) of the case process and all its workers, for a checked case from the moment
its records exist (their random making takes temporaries a scan never has); the
records' own memory is in it. ru_maxrss of both beside it (the whole process).

Run: python bench/bench_group.py [--sizes 100000 1000000] [--distances 4 10 16]
     python bench/bench_group.py --modes checked --distances -1 --baseline main
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
# A case of --baseline runs this script with the baseline's source first on the path.
sys.path.insert(0, os.environ.get("PHOTODEDUP_BENCH_SOURCE", str(REPO)))

from bench_memory import pss, tree  # noqa: E402

from photodedup.core import group, hamming_index  # noqa: E402
from photodedup.core.models import ImageRecord  # noqa: E402

SEED = 20240601
BUILT = "#records-built"


def hashes(n: int) -> np.ndarray:
    return np.random.default_rng(SEED).integers(0, 2**64, (n, 1), dtype=np.uint64)


def peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (workers), user + system."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run_index(n: int, d: int, workers: int, budget: float) -> dict:
    h = hashes(n)
    plan = hamming_index.make_plan(n, n, 64, d, True)
    predicted = plan.cost / 1e9
    if predicted <= budget or plan.brute:
        t, cpu = time.perf_counter(), cpu_seconds()
        pairs = hamming_index.self_pairs(h, d, workers=workers)
        seconds, cpu = time.perf_counter() - t, cpu_seconds() - cpu
        return {"seconds": seconds, "cpu": cpu, "pairs": len(pairs.a), "extrapolated": False}
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
        pairs = search.run(unit)
        if hasattr(search, "first_chunk_only"):  # numpy's search (a baseline) dedups after
            pairs = search.first_chunk_only(unit[0], pairs)
        found += len(pairs.a)
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


def _flip(rng: np.random.Generator, words: np.ndarray, most: np.ndarray) -> np.ndarray:
    """``words`` (n, w) with up to most[i] random bits of row i flipped (may repeat)."""
    w = words.shape[1]
    out = words.copy()
    k = rng.integers(0, most + 1)
    for j in range(int(k.max(initial=0))):
        rows = np.flatnonzero(k > j)
        bit = rng.integers(0, 64 * w, len(rows))
        out[rows, bit // 64] ^= np.left_shift(np.uint64(1), (bit % 64).astype(np.uint64))
    return out


def checked_records(n: int, seed: int = SEED) -> list[ImageRecord]:
    """n records of the default fingerprint: unrelated photos and planted near-copies.

    About 70% are originals with random PDQ hashes, variants, probes and thumbnails
    (1% of them near-blank: one tone plus a little noise). The rest are copies of a
    random original: PDQ up to 100 bits away (some beyond the default 80), pHash up
    to 12 and dHash up to 10 (some beyond the probe limits), the thumbnail shifted a
    little, and one copy in eight a "night edition" (thumbnail at 45%) that the colour
    check must turn away. So every stage of the confirmation sees real work.
    """
    rng = np.random.default_rng(seed)
    originals = int(n * 0.7)
    copies = n - originals
    source = rng.integers(0, originals, copies)
    pdq = rng.integers(0, 2**64, (originals, 20), dtype=np.uint64)  # hash + 4 variants
    probes = rng.integers(0, 2**64, (originals, 10), dtype=np.uint64)
    thumbs = rng.integers(0, 256, (originals, 192)).astype(np.int16)
    flat = rng.random(originals) < 0.01
    tone = rng.integers(0, 256, (int(flat.sum()), 1))
    thumbs[flat] = np.clip(tone + rng.integers(-2, 3, (len(tone), 192)), 0, 255)
    c_pdq = pdq[source].reshape(copies * 5, 4)
    c_pdq = _flip(rng, c_pdq, np.repeat(rng.integers(0, 101, copies), 5)).reshape(copies, 20)
    c_probes = probes[source].reshape(copies * 10, 1)
    most = np.tile([12, 10], copies * 5)
    c_probes = _flip(rng, c_probes, most).reshape(copies, 10)
    shade = np.where(rng.random(copies) < 0.125, 0.45, rng.uniform(0.95, 1.05, copies))
    c_thumbs = thumbs[source] * shade[:, None] + rng.integers(-3, 4, (copies, 192))
    c_thumbs = np.clip(np.rint(c_thumbs), 0, 255).astype(np.int16)
    pdq = np.concatenate([pdq, c_pdq]).astype(">u8")
    probes = np.concatenate([probes, c_probes])
    quality = rng.integers(20, 101, (n, 1))  # PDQ's quality: some too low to count
    # The halves' probe and hash (4 x 5 words, after the quality byte): a copy's are
    # its original's with up to 10 bits of each probe (some beyond the halves' search,
    # halves.HALF_PROBE) and 60 of each hash flipped.
    halves = rng.integers(0, 2**64, (originals, 20), dtype=np.uint64)
    c_halves = halves[source].reshape(copies * 20, 1)
    c_halves = _flip(rng, c_halves, np.tile([10, 15, 15, 15, 15], copies * 4))
    halves = np.concatenate([halves, c_halves.reshape(copies, 20)]).astype(">u8")
    halves = halves.view(np.uint8).reshape(n, 160)
    thumbs = np.hstack([np.concatenate([thumbs, c_thumbs]), quality]).astype(np.uint8)
    thumbs = np.hstack([thumbs, halves])
    sizes = rng.integers(100_000, 5_000_000, n).tolist()
    widths = rng.choice([4000, 3000, 2000, 1000], n).tolist()
    out = []
    # Python ints a slice at a time: all of them at once would be the peak (800 MB).
    for lo in range(0, n, 10_000):
        raw = pdq[lo : lo + 10_000].tobytes()
        probe_values = probes[lo : lo + 10_000].tolist()
        for k in range(len(probe_values)):
            i = lo + k
            values = [
                int.from_bytes(raw[160 * k + 32 * j : 160 * k + 32 * j + 32]) for j in range(5)
            ]
            out.append(
                ImageRecord(
                    f"/photos/{i // 1000:04d}/{i:07d}.jpg",
                    sizes[i],
                    1_700_000_000_000_000_000 + i,
                    "JPEG",
                    widths[i],
                    3000,
                    values[0],
                    tuple(values[1:]),
                    f"{i:032x}",
                    probes=tuple(probe_values[k]),
                    thumb=thumbs[i].tobytes(),
                )
            )
    return out


def current_mb() -> float:
    import gc

    gc.collect()
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGESIZE") / 2**20


def run_checked(n: int, d: int, workers: int, rotations: bool = False) -> dict:
    images = checked_records(n)
    built = current_mb()
    # The peak that counts starts here: making the random records takes temporaries
    # (about 1.6 GB at a million) that no scan has.
    print(BUILT, flush=True)
    kwargs = {"bits": 256, "ignore_blank": True, "workers": workers, "checked": True}
    kwargs["rotations"] = rotations
    if d < 0:
        from photodedup.core.presets import DEFAULT_PRESET, preset_distance

        d = preset_distance(DEFAULT_PRESET, 256, "pdq")
    t, cpu = time.perf_counter(), cpu_seconds()
    groups = group.group_images(images, d, **kwargs)
    seconds, cpu = time.perf_counter() - t, cpu_seconds() - cpu
    digest = hashlib.sha256()
    for g in groups:
        digest.update(repr([(m.image.path, m.distance) for m in g.members]).encode())
    members = sum(len(g.members) for g in groups)
    return {
        "seconds": seconds,
        "cpu": cpu,
        "groups": len(groups),
        "members": members,
        "d": d,
        "digest": digest.hexdigest()[:16],
        "records_mb": built,
        "extrapolated": False,
    }


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
    elif mode == "checked":
        out = run_checked(n, d, args.workers, args.rotations)
    elif mode == "group":
        out = run_group(n, d, args.workers, args.rotations)
    else:
        out = run_brute(n, d, args.brute_rows)
    own, kids = peak_mb()
    out.setdefault("workers", 1 if mode == "brute" else args.workers)
    out.setdefault("d", d)
    out.update(n=n, mode=mode, peak_mb=own, workers_peak_mb=kids)
    print(json.dumps(out))


def run_case(cmd: list[str], source: Path) -> tuple[dict, float]:
    """Run one case in a fresh process; its result and the peak PSS of its process tree."""
    env = dict(os.environ, PHOTODEDUP_BENCH_SOURCE=str(source))
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env)
    peak, era = 0, 0  # era: a sample begun before the records were made is dropped
    lock = threading.Lock()
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            began = era
            now = sum(pss(p) for p in tree(proc.pid))
            with lock:
                if began == era:
                    peak = max(peak, now)
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    lines = []
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == BUILT:  # a checked case's records are made: count from here
            now = sum(pss(p) for p in tree(proc.pid))
            with lock:
                peak, era = now, era + 1
        else:
            lines.append(line)
    out = "".join(lines)
    proc.wait()
    done.set()
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"case failed: {' '.join(cmd)}")
    return json.loads(out), peak / 2**20


def baseline_tree(rev: str) -> Path:
    """A temporary checkout of ``rev`` to run the same cases on."""
    where = Path(tempfile.mkdtemp(prefix="pd-group-baseline-")) / "src"
    subprocess.run(
        ["git", "-C", str(REPO), "worktree", "add", "--detach", str(where), rev],
        check=True,
        capture_output=True,
    )
    return where


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--distances", type=int, nargs="+", default=[4, 10, 16])
    ap.add_argument("--modes", nargs="+", default=["brute", "index", "group"])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--budget", type=float, default=120.0, help="seconds before sampling")
    ap.add_argument("--brute-rows", type=int, default=2000)
    ap.add_argument("--rotations", action="store_true", help="group with rotation variants")
    ap.add_argument("--baseline", help="also run the cases on this git revision")
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
    sources = [("this", REPO)]
    if args.baseline:
        sources.insert(0, (args.baseline, baseline_tree(args.baseline)))
    print(
        "| n | d | mode | code | workers | seconds (CPU) | pairs/groups | peak PSS MB, all "
        "processes "
        "| ru_maxrss MB (main + worker) | note |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for n in args.sizes:
        for d in args.distances:
            for mode in args.modes:
                if mode == "group" and n * d > 1_000_000 * 10 and args.budget < 1000:
                    continue  # the index row already shows it is out of budget
                digests = set()
                for label, source in sources if mode in ("checked", "index") else sources[-1:]:
                    cmd = [sys.executable, __file__, "--case-n", str(n), "--case-d", str(d)]
                    cmd += ["--case-mode", mode, "--workers", str(args.workers)]
                    cmd += ["--budget", str(args.budget), "--brute-rows", str(args.brute_rows)]
                    cmd += ["--rotations"] if args.rotations else []
                    r, peak = run_case(cmd, source)
                    count = r.get("pairs", r.get("groups"))
                    note = f"extrapolated from {r['extrapolated']}" if r["extrapolated"] else ""
                    if "records_mb" in r:
                        note = f"{r['records_mb']:.0f} MB of it is the ImageRecords"
                    cpu = f" ({r['cpu']:.1f})" if "cpu" in r else ""
                    if "digest" in r:
                        digests.add(r["digest"])
                        note += f"; {r['members']:,} members, groups {r['digest']}"
                    print(
                        f"| {n:,} | {r['d']} | {mode} | {label} | {r['workers']} "
                        f"| {r['seconds']:.1f}{cpu} | {count:,} | {peak:.0f} "
                        f"| {r['peak_mb']:.0f} + {r['workers_peak_mb']:.0f} | {note} |",
                        flush=True,
                    )
                if len(digests) > 1:
                    print(f"| | | | **groupings differ** ({', '.join(sorted(digests))}) |")
    if args.baseline:
        cmd = ["git", "-C", str(REPO), "worktree", "remove", "--force", str(sources[0][1])]
        subprocess.run(cmd, check=False)


if __name__ == "__main__":
    main()
