"""Build the real-photo accuracy corpus: originals from Debian packages, copies of every kind.

Nothing of it is in the repository: this module fetches the photos with the
ordinary clients (``apt-get download`` + ``dpkg -x``; scikit-image's wheel with
``pip download``, read as a zip, never installed) into a cache folder, picks the
originals, cuts parts of the big panoramas, and writes each original with every
kind of copy next to a ``manifest.json``. Everything is seeded, so two runs
build the same corpus.

Kinds of copy (see ``PLAIN`` and ``HARD``) follow what people really have; hard
negatives are images that must never be grouped with each other although they
share a lot: neighbouring or overlapping parts of one photo (cut here, and the
tiles of the Stellarium landscapes), and light, dark or colour editions of one
design (made here from the originals).
"""

from __future__ import annotations

import glob
import io
import json
import os
import random
import subprocess
import sys
import zipfile
from dataclasses import asdict, dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageOps

Image.MAX_IMAGE_PIXELS = None

DEBS = ("lomiri-wallpapers-16.04", "lomiri-wallpapers-20.04", "sway-backgrounds", "stellarium-data")
PLAIN = (
    "resize-50",
    "resize-25",
    "jpeg-q60",
    "jpeg-q35",
    "png",
    "webp",
    "exif-rotated",
    "brightness",
    "contrast",
    "grayscale",
    "watermark",
    "blur",
    "trim",
)
HARD = ("turned", "mirrored", "crop-1-side", "crop-2-sides", "crop-4-sides", "squash", "stretch")
MAX_SIDE = 1600  # originals are capped here: enough detail, and the run stays short
SKIMAGE = (
    "astronaut.png",
    "brick.png",
    "camera.png",
    "chelsea.png",
    "coffee.png",
    "coins.png",
    "grass.png",
    "gravel.png",
    "hubble_deep_field.jpg",
    "ihc.png",
    "logo.png",
    "moon.png",
    "motorcycle_left.png",
    "motorcycle_right.png",
    "retina.jpg",
    "rocket.jpg",
    "page.png",
    "text.png",
)


@dataclass
class Item:
    path: str  # relative to the corpus folder
    family: str  # the original this is a copy of (itself for an original)
    kind: str  # "original", a kind of copy, or "edition"
    negset: str = ""  # images sharing a negset and not a family must never meet


def default_cache() -> str:
    return os.path.join(os.path.expanduser("~"), ".cache", "photodedup-bench")


def fetch_sources(cache: str) -> str:
    """Download and unpack the packages once; returns the folder they unpack into."""
    root = os.path.join(cache, "extract")
    stamp = os.path.join(root, ".complete")
    if os.path.exists(stamp):
        return root
    debs = os.path.join(cache, "debs")
    os.makedirs(debs, exist_ok=True)
    if len(glob.glob(os.path.join(debs, "*.deb"))) < len(DEBS):
        subprocess.run(["apt-get", "download", *DEBS], cwd=debs, check=True)
    for deb in glob.glob(os.path.join(debs, "*.deb")):
        subprocess.run(["dpkg", "-x", deb, root], check=True)
    wheels = os.path.join(cache, "wheels")
    if not glob.glob(os.path.join(wheels, "scikit_image-*.whl")):
        pip = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", wheels]
        subprocess.run([*pip, "scikit-image"], check=True)
    with zipfile.ZipFile(glob.glob(os.path.join(wheels, "scikit_image-*.whl"))[0]) as whl:
        out = os.path.join(root, "skimage")
        os.makedirs(out, exist_ok=True)
        for name in SKIMAGE:
            with open(os.path.join(out, name), "wb") as f:
                f.write(whl.read(f"skimage/data/{name}"))
    open(stamp, "w").close()
    return root


def _load(path: str) -> Image.Image:
    im = Image.open(path)
    im = ImageOps.exif_transpose(im)
    if im.mode in ("RGBA", "LA", "P", "PA"):
        im = im.convert("RGBA")
        bg = Image.new("RGBA", im.size, (255, 255, 255, 255))
        im = Image.alpha_composite(bg, im)
    im = im.convert("RGB")
    if max(im.size) > MAX_SIDE:
        im.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    return im


def _sources(root: str, rng: random.Random) -> list[tuple[str, str, str]]:
    """(name, source path, negset) of every original taken whole."""
    share = os.path.join(root, "usr", "share")
    st = os.path.join(share, "stellarium")
    out = []
    for p in sorted(glob.glob(os.path.join(share, "backgrounds", "*.jpg"))):
        out.append(("bg-" + os.path.basename(p).split("_by_")[0], p, ""))
    out.append(
        (
            "sway",
            os.path.join(share, "backgrounds", "sway", "Sway_Wallpaper_Blue_2048x1536.png"),
            "",
        )
    )
    for name in SKIMAGE:
        negset = "motorcycle" if name.startswith("motorcycle") else ""
        out.append(("sk-" + name.split(".")[0], os.path.join(root, "skimage", name), negset))
    # Landscape tiles are neighbouring parts of one panorama: hard negatives of each other.
    for land in ("guereins", "hurricane", "ocean", "garching"):
        for p in sorted(glob.glob(os.path.join(st, "landscapes", land, f"{land}*.png"))):
            if os.path.getsize(p) > 40_000:
                out.append((f"land-{os.path.basename(p)[:-4]}", p, f"land-{land}"))
    out.append(("land-trees", os.path.join(st, "landscapes", "trees", "trees_512.png"), ""))
    big = lambda pattern: [p for p in sorted(glob.glob(pattern)) if os.path.getsize(p) > 60_000]  # noqa: E731
    nebulae = big(os.path.join(st, "nebulae", "default", "*.png"))
    out += [(f"neb-{os.path.basename(p)[:-4]}", p, "") for p in rng.sample(nebulae, 60)]
    art = big(os.path.join(st, "skycultures", "*", "*.png")) + big(
        os.path.join(st, "skycultures", "*", "*.jpg")
    )
    out += [(f"art-{os.path.basename(p)[:-4]}", p, "") for p in rng.sample(art, 60)]
    textures = [
        p for p in big(os.path.join(st, "textures", "*.png")) if "neb" not in os.path.basename(p)
    ]
    out += [(f"tex-{os.path.basename(p)[:-4]}", p, "") for p in rng.sample(textures, 20)]
    return out


PANORAMAS = (
    "landscapes/grossmugl/grossmugl_leeberg_crop11.25_2048.png",
    "landscapes/mars/mars.png",
    "landscapes/moon/apollo17.png",
    "textures/moon_4k.jpg",
    "textures/milkyway.png",
)


def _parts(im: Image.Image) -> list[tuple[str, Image.Image]]:
    """Two disjoint halves and a middle window overlapping each by half."""
    w, h = im.size
    if w >= h:
        boxes = {
            "left": (0, 0, w // 2, h),
            "right": (w // 2, 0, w, h),
            "middle": (w // 4, 0, 3 * w // 4, h),
        }
    else:
        boxes = {
            "top": (0, 0, w, h // 2),
            "bottom": (0, h // 2, w, h),
            "middle": (0, h // 4, w, 3 * h // 4),
        }
    return [(k, im.crop(b)) for k, b in boxes.items()]


def _save(im: Image.Image, path: str, **kw) -> None:
    fmt = {"jpg": "JPEG", "png": "PNG", "webp": "WEBP"}[path.rsplit(".", 1)[1]]
    if fmt == "JPEG" and "quality" not in kw:
        kw["quality"] = 92
    im.save(path, fmt, **kw)


def _crop(im: Image.Image, sides: int, rng: random.Random, lo: float, hi: float) -> Image.Image:
    w, h = im.size
    cut = [0.0, 0.0, 0.0, 0.0]  # left, top, right, bottom
    # Two sides make a corner: one side of each axis.
    corner = sides == 2
    chosen = [rng.choice((0, 2)), rng.choice((1, 3))] if corner else rng.sample(range(4), sides)
    for s in chosen:
        cut[s] = rng.uniform(lo, hi)
    box = (int(w * cut[0]), int(h * cut[1]), w - int(w * cut[2]), h - int(h * cut[3]))
    return im.crop(box)


def _watermark(im: Image.Image, rng: random.Random) -> Image.Image:
    out = im.copy()
    draw = ImageDraw.Draw(out, "RGBA")
    w, h = out.size
    s = max(12, h // 14)
    x, y = rng.randint(0, w // 3), rng.randint(h // 2, h - s - 1)
    draw.rectangle((x, y, x + 6 * s, y + s), fill=(255, 255, 255, 110))
    draw.text((x + s // 4, y + s // 4), "© 2024 photo", fill=(0, 0, 0, 200), font_size=int(s * 0.6))
    return out


def make_copy(
    im: Image.Image, kind: str, rng: random.Random, base: str
) -> tuple[str, Image.Image | bytes]:
    """The file name and the picture (or the encoded bytes) of one copy of ``im``."""
    w, h = im.size
    if kind == "resize-50":
        return base + ".jpg", im.resize((w // 2, h // 2), Image.Resampling.LANCZOS)
    if kind == "resize-25":
        return base + ".jpg", im.resize((max(1, w // 4), max(1, h // 4)), Image.Resampling.LANCZOS)
    if kind in ("jpeg-q60", "jpeg-q35"):
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=int(kind[-2:]))
        return base + ".jpg", buf.getvalue()
    if kind == "png":
        return base + ".png", im
    if kind == "webp":
        buf = io.BytesIO()
        im.save(buf, "WEBP", quality=80)
        return base + ".webp", buf.getvalue()
    if kind == "exif-rotated":
        # Pixels stored turned, with the tag that shows them upright again.
        orientation, turn = rng.choice(
            (
                (6, Image.Transpose.ROTATE_90),
                (3, Image.Transpose.ROTATE_180),
                (8, Image.Transpose.ROTATE_270),
            )
        )
        exif = Image.Exif()
        exif[0x0112] = orientation
        buf = io.BytesIO()
        im.transpose(turn).save(buf, "JPEG", quality=90, exif=exif)
        return base + ".jpg", buf.getvalue()
    if kind == "brightness":
        return base + ".jpg", ImageEnhance.Brightness(im).enhance(rng.choice((0.85, 1.15)))
    if kind == "contrast":
        return base + ".jpg", ImageEnhance.Contrast(im).enhance(rng.choice((0.85, 1.15)))
    if kind == "grayscale":
        return base + ".jpg", im.convert("L")
    if kind == "watermark":
        return base + ".jpg", _watermark(im, rng)
    if kind == "blur":
        return base + ".jpg", im.filter(ImageFilter.GaussianBlur(max(1.0, min(w, h) / 300)))
    if kind == "trim":
        return base + ".jpg", _crop(im, rng.randint(1, 4), rng, 0.02, 0.04)
    if kind == "turned":
        turn = rng.choice(
            (Image.Transpose.ROTATE_90, Image.Transpose.ROTATE_180, Image.Transpose.ROTATE_270)
        )
        return base + ".jpg", im.transpose(turn)
    if kind == "mirrored":
        return base + ".jpg", im.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    if kind.startswith("crop-"):
        return base + ".jpg", _crop(im, int(kind[5]), rng, 0.05, 0.20)
    if kind == "squash":
        return base + ".jpg", im.resize((w, max(1, int(h * 0.9))), Image.Resampling.LANCZOS)
    if kind == "stretch":
        return base + ".jpg", im.resize((int(w * 1.1), h), Image.Resampling.LANCZOS)
    raise ValueError(kind)


def editions(im: Image.Image) -> list[tuple[str, Image.Image]]:
    """Light, dark and colour editions of one design: same shapes, other tones.

    A design without colour has no colour edition: turning its hue leaves every
    pixel as it was, so that "edition" would be the design itself.
    """
    a = np.asarray(im, dtype=np.float32) / 255.0
    dark = (a**1.6) * np.array([0.35, 0.4, 0.6], dtype=np.float32)  # a blue night edition
    light = 0.55 + 0.45 * a  # washed towards white
    hsv = np.asarray(im.convert("HSV")).copy()
    hsv[..., 0] = (hsv[..., 0].astype(np.int16) + 110) % 256
    to_img = lambda x: Image.fromarray(np.clip(x * 255 + 0.5, 0, 255).astype(np.uint8))  # noqa: E731
    colour = Image.fromarray(hsv, "HSV").convert("RGB")
    out = [("dark", to_img(dark)), ("light", to_img(light))]
    return [*out, ("colour", colour)] if not same_picture(im, colour) else out


def same_picture(a: Image.Image, b: Image.Image) -> bool:
    """Whether two pictures differ by less than one level in 255 on average."""
    x = np.asarray(a.convert("RGB"), dtype=np.int16)
    y = np.asarray(b.convert("RGB").resize(a.size), dtype=np.int16)
    return float(np.abs(x - y).mean()) < 1.0


def _drop_same_editions(out: str, items: list[Item]) -> list[Item]:
    """Remove, from a corpus built before ``editions`` skipped them, colour editions
    that are their design itself (files and manifest rows)."""
    keep = []
    for it in items:
        if it.kind == "edition" and it.family.endswith("-colour"):
            design = os.path.join(out, "originals", it.family[: -len("-colour")] + ".jpg")
            path = os.path.join(out, it.path)
            with Image.open(design) as a, Image.open(path) as b:
                if same_picture(a, b):
                    os.remove(path)
                    continue
        keep.append(it)
    if len(keep) < len(items):
        with open(os.path.join(out, "manifest.json"), "w") as f:
            json.dump([asdict(i) for i in keep], f, indent=0)
    return keep


def build(cache: str, seed: int = 1) -> tuple[str, list[Item]]:
    """Build (or reuse) the corpus; returns its folder and its items."""
    out = os.path.join(cache, f"corpus-{seed}")
    manifest = os.path.join(out, "manifest.json")
    if os.path.exists(manifest):
        with open(manifest) as f:
            return out, _drop_same_editions(out, [Item(**d) for d in json.load(f)])
    root = fetch_sources(cache)
    rng = random.Random(seed)
    originals: list[tuple[str, Image.Image, str]] = []
    for name, path, negset in _sources(root, rng):
        originals.append((name, _load(path), negset))
    st = os.path.join(root, "usr", "share", "stellarium")
    for rel in PANORAMAS:
        pano = Image.open(os.path.join(st, rel))
        pano = _load_image(pano)
        name = "pano-" + os.path.basename(rel).split(".")[0].split("_")[0]
        originals += [(f"{name}-{part}", im, name) for part, im in _parts(pano)]
    cut = ("bg-Kleiber", "bg-Painting-Colors", "bg-Bridge", "bg-Fossa")
    for name in cut:
        k = next(k for k, o in enumerate(originals) if o[0] == name)
        im = originals[k][1]
        originals[k] = (name, im, name)  # the whole photo and its parts never meet
        originals += [(f"{name}-{part}", p, name) for part, p in _parts(im)]
    items: list[Item] = []
    for sub in ("originals", "copies", "editions"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    design_rng = random.Random(seed + 1)
    designs = set(
        design_rng.sample(
            [o[0] for o in originals if o[0].startswith(("bg-", "sk-", "art-")) and not o[2]], 25
        )
    )
    for name, im, negset in originals:
        rel = os.path.join("originals", name + ".jpg")
        _save(im, os.path.join(out, rel))
        ns = negset
        if name in designs:
            ns = negset or f"design-{name}"
            for ed, eim in editions(im):
                erel = os.path.join("editions", f"{name}-{ed}.jpg")
                _save(eim, os.path.join(out, erel))
                items.append(Item(erel, f"{name}-{ed}", "edition", ns))
        items.append(Item(rel, name, "original", ns))
        for kind in PLAIN + HARD:
            fname, pic = make_copy(im, kind, rng, os.path.join(out, "copies", f"{name}--{kind}"))
            if isinstance(pic, bytes):
                with open(fname, "wb") as f:
                    f.write(pic)
            else:
                _save(pic, fname)
            items.append(Item(os.path.relpath(fname, out), name, kind, ns))
        # A negset shared by parts also covers their copies (set above via ns).
    with open(manifest, "w") as f:
        json.dump([asdict(i) for i in items], f, indent=0)
    return out, items


def _load_image(im: Image.Image) -> Image.Image:
    if im.mode in ("RGBA", "LA", "P", "PA"):
        im = im.convert("RGBA")
        im = Image.alpha_composite(Image.new("RGBA", im.size, (255, 255, 255, 255)), im)
    im = im.convert("RGB")
    if max(im.size) > 2 * MAX_SIDE:
        im.thumbnail((2 * MAX_SIDE, 2 * MAX_SIDE), Image.Resampling.LANCZOS)
    return im


if __name__ == "__main__":
    folder, items = build(sys.argv[1] if len(sys.argv) > 1 else default_cache())
    print(folder, len(items), "files")
