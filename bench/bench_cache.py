"""Time the fingerprint cache at library scale: put_many, open, get, has_size.

Run from the repository root: PYTHONPATH=. python bench/bench_cache.py [N]
(default N=100000). Prints wall and CPU seconds per step.
The warm-rescan budget is 100k unchanged files in 5 s for the whole scan, so
opening the cache plus N get() calls should stay well under a second.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time

from photodedup.core.cache import HashCache
from photodedup.core.models import HashSettings, ImageRecord


def records(n: int) -> list[ImageRecord]:
    rnd = random.Random(1)
    return [
        ImageRecord(
            path=f"/photos/{i // 1000:04d}/IMG_{i:06d}.jpg",
            size=rnd.randrange(100_000, 8_000_000),
            mtime_ns=1_700_000_000_000_000_000 + i,
            format="JPEG",
            width=4032,
            height=3024,
            hash=rnd.getrandbits(64),
            variants=tuple(rnd.getrandbits(64) for _ in range(4)),
            digest=f"{rnd.getrandbits(128):032x}",
            taken="2023-07-14T10:22:31",
            camera="Pixel 7",
        )
        for i in range(n)
    ]


def timed(label: str, fn):
    start, cpu = time.perf_counter(), time.process_time()
    out = fn()
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{label:<34} {wall:7.3f} s wall {cpu:7.3f} s cpu")
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    settings = HashSettings("dhash")
    recs = records(n)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "hashes.sqlite3")
        with HashCache(path, settings) as cache:
            # As the scan does: a transaction every few hundred records.
            def put_batches() -> None:
                for i in range(0, n, 500):
                    cache.put_many(recs[i : i + 500])

            timed(f"put_many {n} in batches of 500", put_batches)
        os.remove(path)
        for suffix in ("-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
        with HashCache(path, settings) as cache:
            timed(f"put_many {n} in one call", lambda: cache.put_many(recs))
        print(f"file size {os.path.getsize(path) / 1e6:.1f} MB")

        def warm() -> int:
            with HashCache(path, settings) as cache:
                return sum(cache.get(r.path, r.size, r.mtime_ns) is not None for r in recs)

        cache = timed("open", lambda: HashCache(path, settings))
        hits = timed(
            f"{n} get()",
            lambda: sum(cache.get(r.path, r.size, r.mtime_ns) is not None for r in recs),
        )
        timed(f"{n} has_size()", lambda: sum(cache.has_size(r.size + 1) for r in recs))
        timed(
            "1000 get_moved()",
            lambda: sum(
                cache.get_moved(f"/moved/{r.path}", r.size, 1, r.digest) is not None
                for r in recs[:1000]
            ),
        )
        cache.close()
        timed(f"open + {n} get() + close", warm)
        assert hits == n, hits


if __name__ == "__main__":
    main()
