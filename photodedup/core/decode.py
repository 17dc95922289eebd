"""Read an image file into a small, upright picture plus its facts.

Speed comes from never decoding more pixels than needed: JPEG's DCT scaling
(``Image.draft``) decodes at 1/2, 1/4 or 1/8 size, HEIF files offer embedded
thumbnails, and other formats are decoded fully and then box-reduced. Pillow's
decompression-bomb limit stays on. Truncated files are errors, never guessed at:
``ImageFile.LOAD_TRUNCATED_IMAGES`` is left alone.
"""

from __future__ import annotations

import contextlib
import re
import warnings
from dataclasses import dataclass
from datetime import datetime

import pillow_heif
from PIL import Image, UnidentifiedImageError

from photodedup.core import memory, raw
from photodedup.core.formats import SNIFFED_FORMATS
from photodedup.core.os_errors import os_error
from photodedup.core.reasons import Reason, Why

pillow_heif.register_heif_opener()
with contextlib.suppress(ImportError):  # JPEG XL is read when its plugin is installed
    import pillow_jxl  # noqa: F401 - registers the JXL format with Pillow
Image.init()  # Image.open(formats=...) knows only the plugins loaded so far

# Pillow warns, on stderr and without naming the file, about pictures between one
# and two times its pixel limit (which decode fine: panoramas) and about damaged
# EXIF blocks (whose facts we then do without). Neither is the user's business;
# real failures come back as DecodeError with the file's path.
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)
warnings.filterwarnings("ignore", message="(Truncated File Read|Corrupt EXIF data)")

# The formats discovery can hand us; MPO is how Pillow names a JPEG with extra frames.
_FORMATS = tuple(f for f in (*SNIFFED_FORMATS, "MPO") if f in Image.OPEN)

# EXIF orientation → the transpose that shows the stored pixels upright.
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}

_ORIENTATION = 0x0112
_MODEL = 0x0110
_DATETIME = 0x0132
_EXIF_IFD = 0x8769
_DATETIME_ORIGINAL = 0x9003
_GPS_IFD = 0x8825
_GPS_LATITUDE, _GPS_LONGITUDE = 0x0002, 0x0004
_DATE_RE = re.compile(r"(\d{4})[:\-/](\d{2})[:\-/](\d{2})[ T](\d{2}):(\d{2}):(\d{2})")


class DecodeError(Exception):
    """An image that cannot be decoded: ``reason`` says why, ``detail`` adds the
    format and the decoder's own words where they help."""

    def __init__(self, reason: Reason, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else str(reason))
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Decoded:
    """A decoded image, reduced and upright, with facts about the full picture."""

    image: Image.Image  # reduced, EXIF-oriented, mode RGB or L
    width: int  # full size as displayed (after the EXIF orientation)
    height: int
    format: str
    taken: str | None = None  # EXIF DateTimeOriginal as "YYYY-MM-DDTHH:MM:SS"
    camera: str | None = None
    gps: bool = False  # EXIF holds a latitude and longitude


def decode(path: str, *, min_side: int = 64, gray: bool = False, fmt: str | None = None) -> Decoded:
    """Decode ``path`` at the smallest size whose shorter side is still >= ``min_side``.

    With ``gray`` the image comes back in mode L, which lets JPEG skip its
    colour conversion. ``fmt`` is the format discovery sniffed, when known;
    without it a camera RAW file is recognised here. Raises ``DecodeError``
    with a reason code for any file that cannot be read or decoded.
    """
    kind = fmt if raw.is_raw_format(fmt) else _sniff_raw(path) if fmt is None else None
    if kind:
        return decode_raw(path, kind, min_side=min_side, gray=gray)
    fmt = "image"
    try:
        with Image.open(path, formats=_FORMATS) as im:
            fmt = "JPEG" if im.format == "MPO" else (im.format or "image")
            width, height = im.size  # before draft() shrinks it
            if fmt in ("JPEG", "HEIF"):
                # The square request keeps the shorter side >= min_side whatever the
                # orientation.
                im.draft("L" if gray else "RGB", (min_side, min_side))
            with memory.large_decode(memory.decode_bytes(im.size, im.mode)):
                decoded = _decode_open(im, (width, height), fmt, min_side, gray)
                im.close()  # frees the full-size pixels before another large decode starts
            return decoded
    except DecodeError:
        raise
    except Image.DecompressionBombError as exc:
        raise DecodeError(Reason.TOO_LARGE, _too_large(str(exc))) from None
    except UnidentifiedImageError:
        raise DecodeError(Reason.NOT_SUPPORTED) from None
    except OSError as exc:
        raise DecodeError(*_os_reason(exc, fmt)) from None
    except MemoryError:
        raise DecodeError(Reason.OUT_OF_MEMORY) from None
    except Exception as exc:
        # Pillow's plugins raise anything from ValueError to struct.error on bad data.
        detail = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise DecodeError(Reason.CORRUPT, f"{fmt}: {detail}") from None


def decode_raw(path: str, kind: str, *, min_side: int = 64, gray: bool = False) -> Decoded:
    """Decode a camera RAW file from its embedded preview (see ``core.raw``)."""
    import rawpy

    try:
        picture, width, height, preview_exif = raw.open_raw(path, min_side)
        blocks = ([preview_exif] if preview_exif else []) + raw.raw_exif(path)
    except rawpy.LibRawFileUnsupportedError:
        raise DecodeError(Reason.NOT_SUPPORTED, kind) from None
    except (rawpy.LibRawIOError, rawpy.LibRawDataError):
        raise DecodeError(Reason.TRUNCATED, kind) from None
    except rawpy.LibRawError as exc:
        raise DecodeError(Reason.CORRUPT, f"{kind}: {' '.join(str(exc).split())[:120]}") from None
    except OSError as exc:
        raise DecodeError(*_os_reason(exc, kind)) from None
    except MemoryError:
        raise DecodeError(Reason.OUT_OF_MEMORY) from None
    small = _reduce(_normalize(picture, gray), min_side)
    taken = next(filter(None, map(_taken, blocks)), None)
    camera = next(filter(None, map(_camera, blocks)), None)
    gps = any(map(_has_gps, blocks))
    return Decoded(small, width, height, kind, taken, camera, gps)


def _sniff_raw(path: str) -> str | None:
    try:
        return raw.sniff_raw_file(path)
    except OSError:
        return None  # Pillow's open reports it properly


def _decode_open(
    im: Image.Image, size: tuple[int, int], fmt: str, min_side: int, gray: bool
) -> Decoded:
    width, height = size
    im.load()
    # Read after load: some plugins (TIFF) turn the pixels upright themselves
    # while loading and then drop the tag, which must not be applied twice.
    exif = im.getexif()
    orientation = exif.get(_ORIENTATION, 1)
    if orientation not in _UPRIGHT:
        orientation = 1
    if orientation >= 5:
        width, height = height, width
    if memory.decode_bytes(im.size, im.mode) >= memory.LARGE_DECODE_BYTES:
        # Reduced first, converted after: a full-size gray or flattened copy of a
        # large picture would double the memory it takes.
        small = _normalize(_reduce_any(im, min_side), gray)
    else:
        small = _reduce(_normalize(im, gray), min_side)
    if orientation != 1:
        small = small.transpose(_UPRIGHT[orientation])
    elif small is im:
        small = im.copy()  # detached from the file, whatever closing it does
    return Decoded(small, width, height, fmt, _taken(exif), _camera(exif), _has_gps(exif))


def _reduce(im: Image.Image, min_side: int) -> Image.Image:
    factor = min(im.size) // max(1, min_side)
    if factor < 2:
        return im
    return im.reduce(factor)


def _reduce_any(im: Image.Image, min_side: int) -> Image.Image:
    """``_reduce`` for any mode: those ``reduce`` cannot take are converted first."""
    try:
        return _reduce(im, min_side)
    except ValueError:
        return _reduce(_normalize(im, False), min_side)


def _normalize(im: Image.Image, gray: bool) -> Image.Image:
    """``im`` in mode RGB or L (L if asked or already gray), transparency over white."""
    mode = im.mode
    if mode == "P":
        im = im.convert("RGBA" if "transparency" in im.info else "RGB")
        mode = im.mode
    elif mode.startswith("I") or mode == "F":
        im = _to_8bit(im)
        mode = "L"
    elif mode in ("1", "PA", "La", "RGBa"):
        im = im.convert({"1": "L", "La": "LA"}.get(mode, "RGBA"))
        mode = im.mode
    if mode in ("LA", "RGBA"):
        # Transparent pixels are shown over white, as viewers and browsers do.
        background = Image.new(mode, im.size, (255,) * len(mode))
        im = Image.alpha_composite(background, im).convert(mode[:-1])
        mode = im.mode
    target = "L" if gray or mode == "L" else "RGB"
    if mode == target:
        return im
    try:
        return im.convert(target)
    except ValueError:
        pass
    try:
        # Some modes (LAB, HSV) convert only to RGB.
        return im.convert("RGB").convert(target)
    except ValueError:
        raise DecodeError(Reason.UNSUPPORTED_MODE, str(mode)) from None


def _to_8bit(im: Image.Image) -> Image.Image:
    import numpy as np

    pixels = np.asarray(im, dtype=np.float64)
    top = float(pixels.max()) if pixels.size else 0.0
    # 16-bit PNGs and TIFFs arrive as I;16 or I; Pillow's own conversion clips them.
    scale = 255.0 / 65535.0 if top > 255.0 else 1.0
    if im.mode == "F" and top <= 1.0:
        scale = 255.0
    return Image.fromarray(np.clip(pixels * scale, 0, 255).astype(np.uint8), "L")


def _taken(exif: Image.Exif) -> str | None:
    try:
        value = (
            exif.get_ifd(_EXIF_IFD).get(_DATETIME_ORIGINAL)
            or exif.get(_DATETIME_ORIGINAL)  # a bare EXIF IFD, as CR3 keeps it
            or exif.get(_DATETIME)
        )
    except Exception:
        return None  # a broken Exif IFD only costs us the date
    text = _exif_text(value)
    match = _DATE_RE.match(text) if text else None
    if not match:
        return None
    try:
        when = datetime(*(int(g) for g in match.groups()))
    except ValueError:
        return None  # "0000:00:00 00:00:00" and other impossible dates
    return when.isoformat()


def _has_gps(exif: Image.Exif) -> bool:
    try:
        gps = exif.get_ifd(_GPS_IFD)
    except Exception:
        return False  # a broken GPS IFD: no location we could keep
    return _GPS_LATITUDE in gps and _GPS_LONGITUDE in gps


def _camera(exif: Image.Exif) -> str | None:
    text = _exif_text(exif.get(_MODEL))
    if not text:
        return None
    return " ".join(text.split())


def _exif_text(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        return None
    return value.replace("\x00", " ").strip()


def _os_reason(exc: OSError, fmt: str) -> Why:
    if exc.errno is not None:
        return os_error(exc)
    text = str(exc)
    if "truncated" in text or "broken data stream" in text or "premature end" in text.lower():
        return Reason.TRUNCATED, fmt
    if "cannot identify" in text:
        return Reason.NOT_SUPPORTED, ""
    return Reason.CORRUPT, f"{fmt}: {' '.join(text.split())[:120] or 'unreadable'}"


def _too_large(message: str) -> str:
    """How large, as "N megapixels (limit M)", when Pillow's message says."""
    numbers = re.findall(r"\d+", message)
    if len(numbers) >= 2:
        pixels, limit = int(numbers[0]), int(numbers[1])
        return f"{pixels / 1e6:.0f} megapixels (limit {limit / 1e6:.0f})"
    return ""
