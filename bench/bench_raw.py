"""Time fingerprint-sized decodes of camera RAW files, beside their alternatives.

Run from the repository root: PYTHONPATH=.:tests python bench/bench_raw.py [FILES]
(default 8). It writes FILES DNGs of a 12 MP sensor (4000x3000) whose embedded
preview is a full-size 4000x3000 JPEG, as most cameras embed, then times in one
run, on the same files:

* photodedup's ``decode`` at the fingerprint size (the preview, JPEG-scaled);
* baseline A: the preview decoded at full size, then reduced;
* baseline B: LibRaw's half-size development (what a file without a preview costs).

It prints a Markdown table with the time per file and the ratios.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

import rawpy
from imagegen import photo
from PIL import Image
from rawgen import write_dng

from photodedup.core.decode import decode
from photodedup.core.fingerprint import decode_side
from photodedup.core.models import HashSettings


def preview_full(path: str, side: int) -> Image.Image:
    with rawpy.imread(path) as raw:
        thumb = raw.extract_thumb()
    im = Image.open(io.BytesIO(thumb.data))
    im.load()
    return im.convert("L").reduce(max(1, min(im.size) // side))


def developed(path: str, side: int) -> Image.Image:
    with rawpy.imread(path) as raw:
        rgb = raw.postprocess(half_size=True, use_camera_wb=True, no_auto_bright=True, output_bps=8)
    im = Image.fromarray(rgb).convert("L")
    return im.reduce(max(1, min(im.size) // side))


def timed(fn, paths: list[str]) -> float:
    start = time.perf_counter()
    for p in paths:
        fn(p)
    return (time.perf_counter() - start) / len(paths)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="?", type=int, default=8)
    args = parser.parse_args()
    side = decode_side(HashSettings())
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for n in range(args.files):
            path = Path(tmp) / f"IMG_{n:04d}.dng"
            write_dng(path, photo(900 + n, (4000, 3000)), preview="jpeg", preview_scale=1.0)
            paths.append(str(path))
        ours = timed(lambda p: decode(p, min_side=side, gray=True, fmt="DNG"), paths)
        full = timed(lambda p: preview_full(p, side), paths)
        dev = timed(lambda p: developed(p, side), paths)
    print(f"{args.files} DNGs, 12 MP sensor, 12 MP JPEG preview, fingerprint side {side} px\n")
    print("| decode | ms per file | vs photodedup |")
    print("|---|---|---|")
    print(f"| photodedup `decode` (preview, JPEG-scaled) | {ours * 1000:.0f} | 1.0x |")
    print(f"| preview at full size, then reduced | {full * 1000:.0f} | {full / ours:.1f}x |")
    print(f"| LibRaw half-size development | {dev * 1000:.0f} | {dev / ours:.1f}x |")


if __name__ == "__main__":
    sys.exit(main())
