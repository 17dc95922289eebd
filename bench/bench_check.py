"""Time checking new photos against a large portable index, beside their decode.

Run from the repository root: PYTHONPATH=. python bench/bench_check.py [QUERIES] [INDEX]
(defaults 1000 and 100000). It writes QUERIES photo-like JPEGs (12 MP unless
--small), an index of INDEX records (random fingerprints, plus the records of
a tenth of the queries under other paths so that some are found), then times
in one run, on the same files and the same cores:

* baseline: fingerprinting the queries alone (``scan.fingerprint``, no cache),
  which is the decode every check must pay;
* ``check(queries, Library(index=...))`` with the cache off, so the queries are
  decoded again;
* the same through ``photodedup-cli check --index`` as a whole process;
* ``check()`` once more with the queries' fingerprints in the cache: all that a
  check costs beyond decoding (reading the index, the search, the verdicts).
  A check does not write a card's fingerprints to the cache, so they are put
  there first the way a scan of the card would.

The fingerprint is the scan's default (pdq: probes, PDQ and colour thumbnail),
so the index rows are random ones of that kind, a hundredth of them near-blank
(a dark sky, fog), and a hundredth of the queries are near-blank pictures too.
The budget is the decode plus at most 2 s for 1,000 queries against 100,000.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import replace

import numpy as np
from PIL import Image, ImageFilter

from photodedup.core.cache import HashCache
from photodedup.core.check import CheckSettings, Library, Verdict, check
from photodedup.core.discover import discover
from photodedup.core.halves import HALF_BYTES
from photodedup.core.index import Index, IndexEntry, write_index
from photodedup.core.models import HashSettings, ImageRecord, ScanOptions, WalkOptions
from photodedup.core.scan import fingerprint


def photo(seed: int, size: tuple[int, int]) -> Image.Image:
    rng = np.random.default_rng(seed)
    coarse = rng.integers(0, 256, (6, 8, 3), dtype=np.uint8)
    img = Image.fromarray(coarse, "RGB").resize(size, Image.Resampling.BICUBIC)
    img = img.filter(ImageFilter.GaussianBlur(2))
    noise = rng.normal(0, 6, (size[1], size[0], 1))
    return Image.fromarray(np.clip(np.asarray(img, np.float32) + noise, 0, 255).astype(np.uint8))


def fog(seed: int, size: tuple[int, int]) -> Image.Image:
    rng = np.random.default_rng(seed)
    tone = 40 + 15 * (seed // 100) % 180  # tones far enough apart to be different skies
    pixels = np.clip(tone + rng.normal(0, 1.5, (size[1], size[0], 3)), 0, 255)
    return Image.fromarray(pixels.astype(np.uint8))


def write_queries(folder: str, n: int, size: tuple[int, int]) -> None:
    base = [photo(seed, size) for seed in range(min(n, 40))]
    for i in range(n):
        if i % 100 == 50:  # a near-blank picture: held to the thumbnail rule
            fog(i, size).save(os.path.join(folder, f"IMG_{i:05d}.JPG"), quality=90)
            continue
        # Few distinct pictures (making 12 MP ones is slow), each written with its
        # own small patch so every file is a different photo to the hash.
        img = base[i % len(base)].copy()
        rng = random.Random(i)
        w, h = size
        for _ in range(6):
            x, y = rng.randrange(w), rng.randrange(h)
            img.paste(tuple(rng.randrange(256) for _ in range(3)), (x, y, x + w // 3, y + h // 3))
        img.save(os.path.join(folder, f"IMG_{i:05d}.JPG"), quality=90)


def random_entries(n: int) -> list[IndexEntry]:
    rnd = random.Random(7)

    def thumb(i: int) -> bytes:
        # The check bytes: the 8 x 8 RGB thumbnail, then PDQ's quality (0-100), then
        # the halves' probes and hashes (core.halves), which a check searches too.
        if i % 100 == 0:  # near-blank: one tone with a little grain, darker than the fogs
            tone = rnd.randrange(30)
            pixels = bytes(max(0, min(255, tone + rnd.randrange(-2, 3))) for _ in range(192))
            return pixels + bytes([rnd.randrange(0, 50)]) + rnd.randbytes(HALF_BYTES)
        return rnd.randbytes(192) + bytes([rnd.randrange(50, 101)]) + rnd.randbytes(HALF_BYTES)

    return [
        IndexEntry(
            ImageRecord(
                path=f"/library/{i // 1000:04d}/IMG_{i:06d}.jpg",
                size=rnd.randrange(1_000_000, 8_000_000),
                mtime_ns=1_700_000_000_000_000_000 + i,
                format="JPEG",
                width=4032,
                height=3024,
                hash=rnd.getrandbits(256),
                variants=tuple(rnd.getrandbits(256) for _ in range(4)),
                digest=f"{rnd.getrandbits(128):032x}",
                probes=tuple(rnd.getrandbits(64) for _ in range(10)),
                thumb=thumb(i),
            ),
            f"{rnd.getrandbits(256):064x}",
        )
        for i in range(n)
    ]


def timed(label: str, fn):
    start = time.perf_counter()
    out = fn()
    wall = time.perf_counter() - start
    print(f"{label:<52} {wall:7.2f} s")
    return out, wall


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("queries", nargs="?", type=int, default=1000)
    parser.add_argument("index", nargs="?", type=int, default=100_000)
    parser.add_argument("--small", action="store_true", help="1600x1200 queries instead of 12 MP")
    args = parser.parse_args()
    size = (1600, 1200) if args.small else (4000, 3000)
    settings = HashSettings()
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, "card")
        os.mkdir(folder)
        _, _ = timed(
            f"writing {args.queries} queries {size[0]}x{size[1]}",
            lambda: write_queries(folder, args.queries, size),
        )
        options = ScanOptions(WalkOptions((folder,)), hash=settings, use_cache=False)
        files = discover([folder]).files

        (records, _, _), floor = timed(
            "baseline: fingerprint the queries alone",
            lambda: fingerprint(files, options, None),
        )
        entries = random_entries(args.index)
        # A tenth of the queries are in the library, under other names.
        known = [
            IndexEntry(replace(r, path=f"/library/copies/{os.path.basename(r.path)}"), "0" * 64)
            for r in records[::10]
        ]
        out = os.path.join(tmp, "library.pdindex")
        timed(
            f"writing an index of {len(entries) + len(known)} records",
            lambda: write_index(Index(out, settings, ["/library"], entries + known)),
        )
        print(f"index file {os.path.getsize(out) / 1e6:.1f} MB")

        report, engine = timed(
            "check() against the index (queries decoded again)",
            lambda: check([folder], Library(index=out), CheckSettings(use_cache=False)),
        )
        found = sum(r.verdict is Verdict.IN_LIBRARY for r in report.results)
        planted = {os.path.basename(e.record.path) for e in known}
        beyond = [
            (os.path.basename(r.path), os.path.basename(r.best.path), r.best.distance)
            for r in report.results
            if r.verdict is Verdict.IN_LIBRARY
            and r.best
            and os.path.basename(r.path) not in planted
        ]
        cache = os.path.join(tmp, "cache.sqlite3")
        with HashCache(cache, settings) as filled:  # as a scan of the card would leave it
            filled.put_many(records)
        _, warm = timed(
            "check() again, queries' fingerprints cached",
            lambda: check([folder], Library(index=out), CheckSettings(cache_path=cache)),
        )
        cli_args = [sys.executable, "-m", "photodedup.cli", "check", folder, "--index", out]
        cli_args += ["--no-cache", "--json", os.devnull]
        _, process = timed(
            "photodedup-cli check --index (whole process)",
            lambda: subprocess.run(cli_args, check=False, capture_output=True),
        )
    print(f"in the library: {found} of {len(report.results)} (planted {len(known)})")
    for query, match, distance in beyond:  # another query's planted copy, e.g. one base picture
        print(f"  beyond the planted: {query} = copy of {match}, {distance} bits")
    print(f"check() over the decode: {engine - floor:+.2f} s ({engine / floor:.2f}x)")
    print(f"check() beyond decoding (cached queries): {warm:.2f} s")
    print(f"CLI process over the decode: {process - floor:+.2f} s ({process / floor:.2f}x)")


if __name__ == "__main__":
    main()
