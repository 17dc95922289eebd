"""Photographic-looking test images, their look-alike copies, and broken files.

Every test that needs images builds them here with Pillow, so no binary fixture
lives in the repository. ``photo(seed)`` gives smooth gradients, shapes, blur and
sensor-like noise: unlike flat synthetic patterns, two seeds give clearly
different perceptual hashes, and a resized or recompressed copy stays close.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from photodedup.core.fingerprint import quick_digest
from photodedup.core.models import ImageRecord

# What a viewer does to display an EXIF orientation, and so what to store so
# that the displayed picture is the original.
_STORE_FOR_ORIENTATION = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


def photo(seed: int, size: tuple[int, int] = (640, 480)) -> Image.Image:
    """A deterministic photo-like RGB image."""
    rng = np.random.default_rng(seed)
    w, h = size
    coarse = rng.integers(0, 256, (4, 5, 3), dtype=np.uint8)
    img = Image.fromarray(coarse, "RGB").resize(size, Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(img)
    for _ in range(10):
        x0, x1 = sorted(rng.integers(-w // 4, w + w // 4, 2))
        y0, y1 = sorted(rng.integers(-h // 4, h + h // 4, 2))
        color = tuple(int(c) for c in rng.integers(0, 256, 3))
        if rng.random() < 0.5:
            draw.ellipse((x0, y0, x1 + 8, y1 + 8), fill=color)
        else:
            draw.rectangle((x0, y0, x1 + 8, y1 + 8), fill=color)
    img = img.filter(ImageFilter.GaussianBlur(radius=max(1.0, w / 160)))
    arr = np.asarray(img, dtype=np.int16)
    noise = rng.normal(0, 5, (h, w, 1)).astype(np.int16)
    return Image.fromarray(np.clip(arr + noise, 0, 255).astype(np.uint8), "RGB")


def make_exif(
    orientation: int | None = None,
    taken: str | None = None,
    camera: str | None = None,
    gps: tuple[float, float] | None = None,
) -> Image.Exif:
    """EXIF with an orientation, a DateTimeOriginal ("2021:06:01 12:00:00"), a model
    and a location (latitude, longitude in degrees)."""
    exif = Image.Exif()
    if gps is not None:
        where = exif.get_ifd(0x8825)
        for ref_tag, tag, value, signs in ((1, 2, gps[0], "NS"), (3, 4, gps[1], "EW")):
            where[ref_tag] = signs[value < 0]
            degrees = abs(value)
            minutes = (degrees % 1) * 60
            where[tag] = (float(int(degrees)), float(int(minutes)), round((minutes % 1) * 60, 2))
    if orientation is not None:
        exif[0x0112] = orientation
    if camera is not None:
        exif[0x0110] = camera
    if taken is not None:
        exif.get_ifd(0x8769)[0x9003] = taken
    return exif


def save(
    img: Image.Image,
    path: str | os.PathLike[str],
    fmt: str | None = None,
    *,
    quality: int = 90,
    orientation: int | None = None,
    taken: str | None = None,
    camera: str | None = None,
    gps: tuple[float, float] | None = None,
) -> Path:
    """Save ``img`` so that it *displays* as ``img``, with optional EXIF facts.

    With an ``orientation``, the stored pixels are turned the other way and the
    tag says how to turn them back, as a phone camera does.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fmt = fmt or _format_for(path)
    stored = img
    if orientation and orientation != 1:
        stored = img.transpose(_STORE_FOR_ORIENTATION[orientation])
    kwargs: dict[str, object] = {}
    if fmt in {"JPEG", "WEBP", "HEIF", "AVIF"}:
        kwargs["quality"] = quality
    if fmt in {"JPEG", "WEBP", "PNG", "TIFF", "HEIF", "AVIF"} and (
        orientation or taken or camera or gps
    ):
        kwargs["exif"] = make_exif(orientation, taken, camera, gps).tobytes()
    if fmt == "HEIF":
        import pillow_heif

        pillow_heif.register_heif_opener()
    if fmt in {"GIF", "BMP"}:
        stored = stored.convert("RGB") if fmt == "BMP" else stored.convert("P")
    stored.save(path, fmt, **kwargs)
    return path


def _format_for(path: Path) -> str:
    ext = path.suffix.lower()
    return {
        ".jpg": "JPEG",
        ".jpeg": "JPEG",
        ".png": "PNG",
        ".gif": "GIF",
        ".bmp": "BMP",
        ".tif": "TIFF",
        ".tiff": "TIFF",
        ".webp": "WEBP",
        ".heic": "HEIF",
        ".heif": "HEIF",
        ".avif": "AVIF",
    }[ext]


def resized(img: Image.Image, scale: float) -> Image.Image:
    w, h = img.size
    return img.resize(
        (max(1, round(w * scale)), max(1, round(h * scale))), Image.Resampling.LANCZOS
    )


def watermarked(img: Image.Image, text: str = "(c) photodedup") -> Image.Image:
    out = img.copy()
    draw = ImageDraw.Draw(out)
    w, h = out.size
    draw.rectangle((w - w // 4, h - h // 12, w - 4, h - 4), fill=(255, 255, 255))
    draw.text((w - w // 4 + 4, h - h // 12 + 2), text, fill=(0, 0, 0))
    return out


def jpeg_bytes(img: Image.Image, quality: int = 90) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def write_truncated_jpeg(path: str | os.PathLike[str], seed: int = 99) -> Path:
    """A JPEG cut off in the middle of its entropy-coded data."""
    data = jpeg_bytes(photo(seed))
    path = Path(path)
    path.write_bytes(data[: len(data) // 3])
    return path


def write_garbage(path: str | os.PathLike[str], size: int = 20_000, head: bytes = b"") -> Path:
    """Random bytes, optionally behind a real magic number (a corrupt image)."""
    rng = np.random.default_rng(size)
    path = Path(path)
    path.write_bytes(head + rng.integers(0, 256, size, dtype=np.uint8).tobytes())
    return path


def scanned(
    path: str | os.PathLike[str],
    *,
    hash: int = 0,
    digest: str | None = None,
    taken: str | None = None,
    camera: str | None = None,
) -> ImageRecord:
    """The record a scan would make of the real file at ``path`` (its stat, size and
    quick digest, unless ``digest`` is given)."""
    st = os.stat(path)
    if digest is None:
        digest = quick_digest(os.fspath(path), st.st_size)
    with Image.open(path) as im:
        width, height = im.size
        fmt = im.format or "JPEG"
    return ImageRecord(
        path=os.fsdecode(path),
        size=st.st_size,
        mtime_ns=st.st_mtime_ns,
        format=fmt,
        width=width,
        height=height,
        hash=hash,
        variants=(0, 0, 0, 0),
        digest=digest,
        taken=taken,
        camera=camera,
    )
