"""Camera RAW files: recognised by content, seen through their embedded preview.

A RAW file holds the sensor data and, nearly always, a JPEG the camera
rendered from it. That preview is what a photographer saw on the camera and
what the camera's own JPEG looks like, so it is what photodedup fingerprints
and shows; only a file without a usable one is developed, at half size, with
LibRaw (through ``rawpy``). The resolution reported is the sensor image's.

Which files are RAW is decided by their content, in ``formats.sniff_raw``.
"""

from __future__ import annotations

import io
import os
import struct
from typing import BinaryIO

from PIL import Image

from photodedup.core.formats import RAW_FORMATS, sniff_raw

_HEAD = 32


def sniff_raw_file(path: str, head: bytes | None = None) -> str | None:
    """The RAW format of the file at ``path`` (see ``formats.sniff_raw``), or None.

    ``head`` is the file's first bytes when the caller read them already; then
    the file is opened again only for a TIFF-shaped one. Raises ``OSError``
    when the file cannot be read.
    """
    opened: list[BinaryIO] = []

    def read_at(offset: int, length: int) -> bytes:
        if not opened:
            opened.append(open(path, "rb"))  # noqa: SIM115 - closed below
        opened[0].seek(offset)
        return opened[0].read(length)

    try:
        return sniff_raw(read_at(0, _HEAD) if head is None else head, read_at)
    finally:
        for f in opened:
            f.close()


# --- pictures ----------------------------------------------------------------

# LibRaw's "flip" → the transpose that shows the picture upright.
_FLIPS = {
    3: Image.Transpose.ROTATE_180,
    5: Image.Transpose.ROTATE_90,
    6: Image.Transpose.ROTATE_270,
}


def open_raw(path: str, min_side: int) -> tuple[Image.Image, int, int, Image.Exif | None]:
    """The upright picture of a RAW file, its sensor size as displayed, and the preview's EXIF.

    The embedded preview when its shorter side reaches ``min_side``, else a
    half-size development. Raises ``rawpy.LibRawError`` subclasses and
    ``OSError`` for files LibRaw cannot read.
    """
    import rawpy

    with rawpy.imread(path) as raw:
        sizes = raw.sizes
        width, height = sizes.width, sizes.height
        flip = sizes.flip
        picture, exif = _preview(raw, min_side)
        if picture is None or min(picture.size) < min(min_side, min(width, height) // 2):
            developed = raw.postprocess(
                half_size=True, use_camera_wb=True, no_auto_bright=True, output_bps=8
            )
            return Image.fromarray(developed), *_displayed(width, height, flip), exif
    if flip in _FLIPS:
        picture = picture.transpose(_FLIPS[flip])
    return picture, *_displayed(width, height, flip), exif


def _displayed(width: int, height: int, flip: int) -> tuple[int, int]:
    return (height, width) if flip in (5, 6) else (width, height)


def _preview(raw: object, min_side: int) -> tuple[Image.Image | None, Image.Exif | None]:
    import rawpy

    try:
        thumb = raw.extract_thumb()  # type: ignore[attr-defined]
    except (rawpy.LibRawNoThumbnailError, rawpy.LibRawUnsupportedThumbnailError):
        return None, None
    except rawpy.LibRawError:
        return None, None  # a damaged preview: the sensor data may still be fine
    if thumb.format == rawpy.ThumbFormat.BITMAP:
        return Image.fromarray(thumb.data).convert("RGB"), None
    try:
        im = Image.open(io.BytesIO(thumb.data), formats=("JPEG", "MPO"))
        # A full-size preview is a 12-50 MP JPEG: decode it scaled (DCT), as any JPEG.
        im.draft("RGB", (min_side, min_side))
        im.load()
    except Exception:
        return None, None
    return im.convert("RGB"), im.getexif()


# --- facts -------------------------------------------------------------------

_TIFF_MAGIC = {
    b"IIRO": b"II*\x00",
    b"IIRS": b"II*\x00",
    b"MMOR": b"MM\x00*",
    b"IIU\x00": b"II*\x00",
}
_HEADER_BYTES = 1 << 20  # where cameras put their EXIF blocks, with room to spare


def raw_exif(path: str) -> list[Image.Exif]:
    """The EXIF blocks a RAW file carries in its own structure, best first."""
    with open(path, "rb") as f:
        data = f.read(_HEADER_BYTES)
    found: list[Image.Exif] = []
    if data[:4] in _TIFF_MAGIC:
        data = _TIFF_MAGIC[data[:4]] + data[4:]
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        found += _load_exif(data)
    elif data[4:12] == b"ftypcrx ":
        # CR3 keeps TIFF-shaped blocks in boxes: CMT1 the main IFD, CMT2 the EXIF IFD.
        for box in (b"CMT2", b"CMT1"):
            at = data.find(box)
            if at >= 4:
                (size,) = struct.unpack(">I", data[at - 4 : at])
                found += _load_exif(data[at + 4 : at - 4 + size])
    return found


def _load_exif(data: bytes) -> list[Image.Exif]:
    exif = Image.Exif()
    try:
        exif.load(data)
    except Exception:
        return []
    return [exif] if len(exif) else []


def is_raw_format(fmt: str | None) -> bool:
    return fmt in RAW_FORMATS


def base_name(path: str) -> str:
    """The name without its extension, case folded: what pairs a RAW with its JPEG."""
    return os.path.splitext(os.path.basename(path))[0].casefold()
