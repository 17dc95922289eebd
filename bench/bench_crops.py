"""What matching cropped copies costs the grouping, beside the default grouping, one run.

    python bench/bench_crops.py [--sizes 100000] [--workers 2] [--baseline REV]
    python bench/bench_crops.py --fingerprint DIR [--files 200]

Random records of the default (pdq) fingerprint with crop windows: 80% unrelated
photos (random PDQ hashes, variants, probes, window slots and thumbnails), 10%
plain near-copies of one of them, 10% cropped copies (their whole slot near one
of an original's windows, their thumbnail that window's). Each setting groups the
same records in a fresh process at the default distance: default, rotations,
crops, rotations + crops; the table gives seconds, peak RSS and the ratio to the
default (wall and CPU seconds, the CPU of the case process and its workers).
With --baseline REV each setting also runs on that revision's source, interleaved
in the same run, and each row gives its CPU beside the baseline's. With
--fingerprint, what the windows add to fingerprinting one file instead:
``fingerprint_file`` on the first files of DIR with crops off and on, interleaved
in one process, median milliseconds per file. See "Cropped copies"
in README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

# A case of --baseline runs this script with the baseline's source first on the path.
sys.path.insert(0, os.environ.get("PHOTODEDUP_BENCH_SOURCE", str(Path(__file__).parents[1])))

from bench_group import baseline_tree, cpu_seconds

from photodedup.core import crops, group
from photodedup.core.models import CHECK_BYTES, THUMB_BYTES, ImageRecord
from photodedup.core.presets import DEFAULT_PRESET, preset_distance

REPO = Path(__file__).resolve().parent.parent
SEED = 20240607
SETTINGS = {
    "default": {},
    "rotations": {"rotations": True},
    "crops": {"crops": True},
    "rotations+crops": {"rotations": True, "crops": True},
}


def _flip(rng: np.random.Generator, words: np.ndarray, most: int) -> np.ndarray:
    """``words`` (n, w) uint64 with up to ``most`` random bits of each row flipped."""
    out = words.copy()
    k = rng.integers(0, most + 1, len(words))
    for j in range(most):
        rows = np.flatnonzero(k > j)
        bit = rng.integers(0, 64 * words.shape[1], len(rows))
        out[rows, bit // 64] ^= np.left_shift(np.uint64(1), (bit % 64).astype(np.uint64))
    return out


def records(n: int) -> list[ImageRecord]:
    rng = np.random.default_rng(SEED)
    slots = 1 + len(crops.WINDOWS)
    originals = int(n * 0.8)
    plain = int(n * 0.1)
    cut = n - originals - plain
    pdq = rng.integers(0, 2**64, (n, 20), dtype=np.uint64)  # hash + 4 variants
    probes = rng.integers(0, 2**64, (n, 10), dtype=np.uint64)
    win = rng.integers(0, 2**64, (n, slots, 5), dtype=np.uint64)  # probe + 256 bits per slot
    # Smooth thumbnails (a random colour ramp), as photos have: the window of one
    # then looks like the whole of its crop.
    ramp = np.linspace(0.6, 1.4, 8)[None, None, :, None]
    base = rng.integers(40, 180, (n, 1, 1, 3))
    tilt = rng.random((n, 1, 1, 1)) < 0.5
    thumbs = np.where(tilt, base * ramp, base * ramp.transpose(0, 2, 1, 3))
    thumbs = np.clip(thumbs + rng.integers(-4, 5, (n, 8, 8, 3)), 0, 255)
    thumbs = thumbs.astype(np.uint8).reshape(n, 192)
    src = rng.integers(0, originals, plain + cut)
    copies = np.arange(originals, n)
    # Plain copies: near their original everywhere.
    p, ps = copies[:plain], src[:plain]
    pdq[p] = _flip(rng, pdq[ps].reshape(-1, 4), 60).reshape(-1, 20)
    probes[p] = _flip(rng, probes[ps].reshape(-1, 1), 8).reshape(-1, 10)
    win[p] = _flip(rng, win[ps].reshape(-1, 5), 8).reshape(-1, slots, 5)
    thumbs[p] = thumbs[ps]
    # Cropped copies: their whole slot near one window of their original.
    c, cs = copies[plain:], src[plain:]
    k = rng.integers(1, slots, len(c))
    win[c, 0] = _flip(rng, win[cs, k], 8)
    # Their thumbnail is the part of the original's that the window covers.
    part = crops.window_thumbs(thumbs[cs].reshape(-1, 8, 8, 3), k - 1)
    thumbs[c] = np.frombuffer(b"".join(part), dtype=np.uint8).reshape(-1, 192)
    # The second check's bytes: the thumbnail, PDQ's quality (full, as for a photo
    # with detail, so none is held to the near-blank rule), then the halves' probes
    # and hashes: random, a plain copy's its original's (the same bits would make
    # every record meet every other).
    halves = rng.integers(0, 256, (n, CHECK_BYTES - THUMB_BYTES), dtype=np.uint8)
    halves[p] = halves[ps]
    quality = np.full((n, 1), 100, np.uint8)
    checks = np.concatenate([thumbs, quality, halves], axis=1)
    ints = [int.from_bytes(row.astype(">u8").tobytes(), "big") for row in pdq.reshape(-1, 4)]
    blobs = win.astype(">u8").reshape(n, -1).view(np.uint8)
    sizes = rng.integers(100_000, 5_000_000, n).tolist()
    out = []
    for i in range(n):
        out.append(
            ImageRecord(
                f"/photos/{i // 1000:04d}/{i:07d}.jpg",
                sizes[i],
                i,
                "JPEG",
                4000,
                3000,
                ints[5 * i],
                tuple(ints[5 * i + 1 : 5 * i + 5]),
                f"{i:032x}",
                probes=tuple(probes[i].tolist()),
                thumb=checks[i].tobytes(),
                windows=crops.LAYOUT + blobs[i].tobytes(),
            )
        )
    return out


def case(n: int, name: str, workers: int) -> None:
    images = records(n)
    built = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    d = preset_distance(DEFAULT_PRESET, 256, "pdq")
    started, cpu = time.perf_counter(), cpu_seconds()
    groups = group.group_images(
        images, d, bits=256, checked=True, workers=workers, **SETTINGS[name]
    )
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    members = sum(len(g.members) for g in groups)
    print(json.dumps({"seconds": seconds, "cpu": cpu, "members": members, "peak": own,
                      "kids": kids, "records_mb": built}))  # fmt: skip


def fingerprint_cost(folder: str, files: int) -> None:
    from photodedup.core.discover import discover
    from photodedup.core.fingerprint import fingerprint_file
    from photodedup.core.models import HashSettings

    refs = sorted(discover([folder], min_size=0).files, key=lambda r: r.path)[:files]
    settings = HashSettings()
    times: dict[bool, list[float]] = {False: [], True: []}
    for ref in refs:
        for crops_on in (False, True):
            started = time.perf_counter()
            fingerprint_file(ref, settings, None, crops_on)
            times[crops_on].append(time.perf_counter() - started)
    off, on = (1000 * float(np.median(times[k])) for k in (False, True))
    print(f"# {len(refs)} files of {folder}, load average {os.getloadavg()[0]:.1f}")
    print("| fingerprint_file, one process | ms per file (median) |")
    print("|---|---|")
    print(f"| pdq (default) | {off:.1f} |")
    print(f"| pdq with crop windows | {on:.1f} ({on / off:.2f}x) |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--fingerprint", metavar="DIR", help="time fingerprinting DIR's files")
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--baseline", help="also run the settings on this git revision")
    ap.add_argument("--case", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.fingerprint:
        fingerprint_cost(args.fingerprint, args.files)
        return
    if args.case:
        case(int(args.case[0]), args.case[1], args.workers)
        return
    sources = [("this", REPO)]
    if args.baseline:
        sources.insert(0, (args.baseline, baseline_tree(args.baseline)))
    print(f"# cores: {os.cpu_count()}, load average at start: {os.getloadavg()[0]:.1f}")
    print(
        "| n | setting | code | seconds (CPU) | CPU x default | CPU x baseline "
        "| members grouped | peak RSS MB (main + worker) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for n in args.sizes:
        base: dict[str, float] = {}
        for name in SETTINGS:
            theirs = None
            for label, source in sources:
                cmd = [sys.executable, __file__, "--case", str(n), name]
                cmd += ["--workers", str(args.workers)]
                env = dict(os.environ, PHOTODEDUP_BENCH_SOURCE=str(source))
                out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env)
                r = json.loads(out.stdout)
                base.setdefault(label, r["cpu"])
                theirs = theirs or r["cpu"]
                print(
                    f"| {n:,} | {name} | {label} | {r['seconds']:.1f} ({r['cpu']:.1f}) "
                    f"| {r['cpu'] / base[label]:.1f} | {r['cpu'] / theirs:.2f} "
                    f"| {r['members']:,} | {r['peak']:.0f} + {r['kids']:.0f} |",
                    flush=True,
                )
    if args.baseline:
        cmd = ["git", "-C", str(REPO), "worktree", "remove", "--force", str(sources[0][1])]
        subprocess.run(cmd, check=False)


if __name__ == "__main__":
    main()
