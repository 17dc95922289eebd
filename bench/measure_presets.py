"""Measure perceptual-hash distances of true copies vs different photos.

The grouping presets (photodedup.core.presets.PRESETS) are chosen from this:
for each algorithm and hash size, how far a resized, recompressed, rotated
(EXIF), watermarked or converted copy lands from its original, and how close
two different photos come, with and without the rotation/mirror variants.
Images are decoded and hashed by photodedup's own fingerprint code, as a scan does.

Run: python bench/measure_presets.py [--seeds 120] [--others 300]
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pillow_heif
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import imagegen

from photodedup.core.decode import decode
from photodedup.core.fingerprint import decode_side, hash_image
from photodedup.core.models import HashSettings

pillow_heif.register_heif_opener()

ALGOS = ("dhash", "phash", "ahash", "whash")
SIZES = (8, 16)


def encode(img: Image.Image, fmt: str, quality: int = 90, orientation: int | None = None) -> bytes:
    buf = io.BytesIO()
    stored = img
    kwargs: dict[str, object] = {}
    if orientation:
        stored = img.transpose(imagegen._STORE_FOR_ORIENTATION[orientation])
        kwargs["exif"] = imagegen.make_exif(orientation).tobytes()
    if fmt in {"JPEG", "WEBP", "HEIF"}:
        kwargs["quality"] = quality
    stored.save(buf, fmt, **kwargs)
    return buf.getvalue()


def fingerprints(data: bytes, workdir: Path) -> dict[tuple[str, int], tuple[int, list[int]]]:
    """Each algorithm's (hash, rotation/mirror variants), computed exactly as the scan does."""
    path = workdir / "probe"
    path.write_bytes(data)
    out: dict[tuple[str, int], tuple[int, list[int]]] = {}
    for a in ALGOS:
        for s in SIZES:
            settings = HashSettings(a, s)
            img = decode(str(path), min_side=decode_side(settings), gray=True).image
            value, variants = hash_image(img, settings)
            out[(a, s)] = (value, list(variants))
    return out


def copies(img: Image.Image) -> dict[str, bytes]:
    return {
        "resize-0.5": encode(imagegen.resized(img, 0.5), "JPEG"),
        "resize-0.25": encode(imagegen.resized(img, 0.25), "JPEG"),
        "jpeg-q70": encode(img, "JPEG", 70),
        "jpeg-q50": encode(img, "JPEG", 50),
        "exif-rot90": encode(img, "JPEG", orientation=6),
        "exif-rot180": encode(img, "JPEG", orientation=3),
        "exif-mirror": encode(img, "JPEG", orientation=2),
        "watermark": encode(imagegen.watermarked(img), "JPEG"),
        "png": encode(img, "PNG"),
        "webp": encode(img, "WEBP", 80),
        "heic": encode(img, "HEIF", 70),
        "resize-0.25-q50": encode(imagegen.resized(img, 0.25), "JPEG", 50),
    }


def pct(values: list[int], q: float) -> int:
    return int(np.percentile(values, q, method="lower"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=120, help="originals with copies")
    ap.add_argument("--others", type=int, default=300, help="originals for the different-photo set")
    ap.add_argument("--out", help="write the raw distances as JSON here")
    args = ap.parse_args()
    t0 = time.time()
    keys = [(a, s) for a in ALGOS for s in SIZES]
    copy_d: dict[tuple[str, int], dict[str, list[int]]] = {k: {} for k in keys}
    originals: list[dict[tuple[str, int], int]] = []
    variants: list[dict[tuple[str, int], list[int]]] = []
    workdir = Path(tempfile.mkdtemp())
    for seed in range(args.others):
        img = imagegen.photo(seed)
        base = fingerprints(encode(img, "JPEG"), workdir)
        originals.append({k: v[0] for k, v in base.items()})
        variants.append({k: v[1] for k, v in base.items()})
        if seed < args.seeds:
            for name, data in copies(img).items():
                ch = fingerprints(data, workdir)
                for k in keys:
                    d = bin(base[k][0] ^ ch[k][0]).count("1")
                    copy_d[k].setdefault(name, []).append(d)
    print(
        f"# {args.seeds} originals with copies, {args.others} different photos, "
        f"{time.time() - t0:.0f} s\n"
    )
    print("## copy -> original distance: max (p95) per transformation\n")
    names = list(next(iter(copy_d.values())))
    print("| hash | " + " | ".join(names) + " | max |")
    print("|---" * (len(names) + 2) + "|")
    for k in keys:
        cells = [f"{max(copy_d[k][n])} ({pct(copy_d[k][n], 95)})" for n in names]
        overall = max(max(v) for v in copy_d[k].values())
        print(f"| {k[0]}-{k[1]} | " + " | ".join(cells) + f" | **{overall}** |")
    print(
        "\n## different photos: min / p0.1 / p1 distance over all pairs; "
        "with rotations = min over the 4 variants too\n"
    )
    print("| hash | bits | min | p0.1 | p1 | min (rot) | p0.1 (rot) | p1 (rot) |")
    print("|---|---|---|---|---|---|---|---|")
    dump: dict[str, object] = {}
    pairs = list(itertools.combinations(range(len(originals)), 2))
    for k in keys:
        plain, rot = [], []
        for i, j in pairs:
            a, b = originals[i][k], originals[j][k]
            d = bin(a ^ b).count("1")
            plain.append(d)
            rot.append(min([d] + [bin(a ^ v).count("1") for v in variants[j][k]]))
        bits = k[1] * k[1]
        print(
            f"| {k[0]}-{k[1]} | {bits} | {min(plain)} | {pct(plain, 0.1)} | {pct(plain, 1)} "
            f"| {min(rot)} | {pct(rot, 0.1)} | {pct(rot, 1)} |"
        )
        dump[f"{k[0]}-{k[1]}"] = {"plain": plain, "rot": rot, "copies": copy_d[k]}
    if args.out:
        Path(args.out).write_text(json.dumps(dump))


if __name__ == "__main__":
    main()
