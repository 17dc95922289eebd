"""Bytes per pixel of each kind of copy against its original, on the real-photo corpus.

    python bench/keep_density.py [--cache DIR] [--seed N]

The keep rule counts bytes per pixel within ``keep_criteria.COMPRESSION_TOLERANCE``
of the densest copy as equal. This prints, for every kind of JPEG copy in the corpus
of ``real_corpus.py`` (built or reused outside the repository), the ratio of the
copy's bytes per pixel to its original's: median, 10th and 90th percentile, and
the share of copies above 1 and above 1 + the tolerance, where by bytes alone
the copy would still beat its original. See "Choosing the copy to keep" in
README.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from collections import defaultdict

from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from real_corpus import build, default_cache

from photodedup.core.keep_criteria import COMPRESSION_TOLERANCE


def density(path: str) -> float:
    with Image.open(path) as im:
        return os.path.getsize(path) / (im.size[0] * im.size[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", default=default_cache())
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    folder, items = build(args.cache, args.seed)
    original = {it.family: it for it in items if it.kind == "original"}
    ratios: dict[str, list[float]] = defaultdict(list)
    for it in items:
        if it.kind in ("original", "edition"):
            continue
        o = original[it.family]
        if not (o.path.endswith(".jpg") and it.path.endswith(".jpg")):
            continue  # bytes per pixel compare only within one codec
        here = density(os.path.join(folder, it.path))
        ratios[it.kind].append(here / density(os.path.join(folder, o.path)))
    above = 1 + COMPRESSION_TOLERANCE
    print(f"| kind | copies | median | 10th-90th percentile | above 1 | above {above:g} |")
    print("|---|---:|---:|---|---:|---:|")
    for kind, values in sorted(ratios.items()):
        values.sort()
        n = len(values)
        p10, p90 = values[n // 10], values[9 * n // 10]
        print(
            f"| {kind} | {n} | {statistics.median(values):.3f} | {p10:.3f}-{p90:.3f}"
            f" | {sum(v > 1 for v in values) / n:.0%} | {sum(v > above for v in values) / n:.0%} |"
        )


if __name__ == "__main__":
    main()
