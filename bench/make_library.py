"""Build a library of small photos with look-alike copies, for the GUI benchmark.

    .venv/bin/python bench/make_library.py DIR --files 100000

About 47% of the files are unique photos; the rest fall in groups of 2 to 4: an
original 320x240 photo and copies of it that are a slight crop scaled back,
a re-encode at lower quality, or a smaller resize. At the default matching that
gives about 0.18 groups and 0.35 marked copies per file (18,000 groups and
35,000 marked copies at 100,000 files), like a phone library copied around a
few times. The build is deterministic and resumable: a finished library has a
``.complete`` marker and is reused.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from multiprocessing import get_context
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

import imagegen  # noqa: E402
from PIL import Image  # noqa: E402

SIZE = (320, 240)
GROUP_SHARE = 0.183  # groups per file
# Files per group cycle through these: 2, 3, 4, 3, 2, 3, ... (mean 2.9).
GROUP_SIZES = (2, 3, 4, 3, 2, 3, 3, 4, 2, 3)


def plan(files: int) -> list[int]:
    """How many files each original gets (1 = no copies), summing to ``files``."""
    groups = round(files * GROUP_SHARE)
    sizes = [GROUP_SIZES[i % len(GROUP_SIZES)] for i in range(groups)]
    while sum(sizes) > files:
        sizes.pop()
    return sizes + [1] * (files - sum(sizes))


def _copy(img: Image.Image, kind: int) -> tuple[Image.Image, int]:
    w, h = img.size
    if kind == 0:  # cropped by a few pixels, scaled back
        crop = img.crop((6, 4, w - 6, h - 4)).resize(SIZE, Image.Resampling.LANCZOS)
        return crop, 88
    if kind == 1:  # re-encoded
        return img, 70
    return imagegen.resized(img, 0.75), 85  # a smaller export


def _make(task: tuple[int, int, int, str]) -> int:
    start, stop, _offset, folder = task
    counts = plan_cache[folder]
    made = 0
    for seed in range(start, stop):
        img = imagegen.photo(seed, SIZE)
        sub = os.path.join(folder, f"{seed // 500:04d}")
        os.makedirs(sub, exist_ok=True)
        imagegen.save(img, os.path.join(sub, f"p{seed:06d}.jpg"), quality=92)
        made += 1
        for k in range(counts[seed] - 1):
            copy, quality = _copy(img, k)
            # Copies live in another folder, as on a second drive.
            other = os.path.join(folder, "copies", f"{seed // 500:04d}")
            os.makedirs(other, exist_ok=True)
            imagegen.save(copy, os.path.join(other, f"p{seed:06d}_{k}.jpg"), quality=quality)
            made += 1
    return made


plan_cache: dict[str, list[int]] = {}


def build(folder: Path, files: int) -> Path:
    """Make ``folder`` hold the library of ``files`` photos, unless it already does."""
    marker = folder / ".complete"
    if marker.exists() and marker.read_text().strip() == str(files):
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    counts = plan(files)
    plan_cache[str(folder)] = counts  # read by the forked workers
    step = 250
    tasks = [(i, min(i + step, len(counts)), 0, str(folder)) for i in range(0, len(counts), step)]
    started = time.perf_counter()
    with get_context("fork").Pool() as pool:
        made = sum(pool.imap_unordered(_make, tasks))
    marker.write_text(str(files))
    print(f"built {made} files in {folder} in {time.perf_counter() - started:.0f} s")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--files", type=int, default=20_000)
    args = parser.parse_args()
    build(args.folder, args.files)


if __name__ == "__main__":
    main()
