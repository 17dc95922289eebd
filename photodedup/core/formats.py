"""Image formats: which ones a file name promises, and which one its first bytes announce.

Images are recognised by their content, not their names, so that a JPEG named
``.heic`` is read as a JPEG and a text file named ``.png`` is reported. Pure
functions on names and bytes; the walk (``discover``) does the reading.
"""

from __future__ import annotations

import struct
from collections.abc import Callable

from photodedup.core.reasons import Content

# Every format sniff_format can return; the decoder opens exactly these.
SNIFFED_FORMATS: tuple[str, ...] = (
    "JPEG",
    "PNG",
    "GIF",
    "BMP",
    "TIFF",
    "WEBP",
    "HEIF",
    "AVIF",
    "JXL",
)

# What a name promises; used only to decide whether a non-image is worth an error.
IMAGE_EXTENSIONS: dict[str, str] = {
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".jpe": "JPEG",
    ".jfif": "JPEG",
    ".png": "PNG",
    ".gif": "GIF",
    ".bmp": "BMP",
    ".dib": "BMP",
    ".tif": "TIFF",
    ".tiff": "TIFF",
    ".webp": "WEBP",
    ".heic": "HEIF",
    ".heif": "HEIF",
    ".hif": "HEIF",
    ".avif": "AVIF",
    ".jxl": "JXL",
    ".dng": "DNG",
    ".cr2": "CR2",
    ".cr3": "CR3",
    ".nef": "NEF",
    ".arw": "ARW",
    ".orf": "ORF",
    ".rw2": "RW2",
    ".raf": "RAF",
    ".pef": "PEF",
}

# Camera RAW formats photodedup reads (through LibRaw, see ``core.raw``).
# Most are TIFF inside (DNG, CR2, NEF, ARW, PEF; ORF and RW2 with a magic number
# of their own); CR3 is an ISO media file and RAF has a header of its own.
# Telling them from a TIFF needs at most the first IFD, never the extension.
RAW_EXTENSIONS = frozenset(
    {
        ".dng", ".cr2", ".cr3", ".crw", ".nef", ".nrw", ".arw", ".srf", ".sr2", ".orf", ".rw2",
        ".pef", ".srw", ".raf", ".3fr", ".erf", ".kdc", ".mef", ".mos", ".mrw", ".x3f", ".iiq",
    }
)  # fmt: skip

_HEIF_BRANDS = frozenset(
    {
        b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"heif",
        b"mif1", b"msf1", b"mif2", b"mif3",
    }
)  # fmt: skip
_AVIF_BRANDS = frozenset((b"avif", b"avis"))
_BMP_HEADER_SIZES = frozenset((12, 16, 40, 52, 56, 64, 108, 124))


def sniff_format(head: bytes) -> str | None:
    """The image format the first bytes of a file announce, or None.

    Returns one of ``SNIFFED_FORMATS``.
    """
    if head[:3] == b"\xff\xd8\xff":
        return "JPEG"
    if head[:8] == b"\x89PNG\r\n\x1a\n":
        return "PNG"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "TIFF"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[4:8] == b"ftyp":
        return _sniff_ftyp(head)
    # JPEG XL: a bare codestream, or the ISO container with its signature box.
    if head[:2] == b"\xff\x0a" or head[:12] == b"\x00\x00\x00\x0cJXL \r\n\x87\n":
        return "JXL"
    # "BM" alone is too weak (text can start so); the DIB header size must fit too.
    if head[:2] == b"BM" and int.from_bytes(head[14:18], "little") in _BMP_HEADER_SIZES:
        return "BMP"
    return None


def _sniff_ftyp(head: bytes) -> str | None:
    box_end = min(len(head), max(16, int.from_bytes(head[:4], "big")))
    major = head[8:12]
    compatible = {head[i : i + 4] for i in range(16, box_end - 3, 4)}
    if major in _AVIF_BRANDS:
        return "AVIF"
    if major in _HEIF_BRANDS:
        # The generic still-image brands also head AVIF files; the list tells them apart.
        if major in (b"mif1", b"msf1", b"mif2", b"mif3") and compatible & _AVIF_BRANDS:
            return "AVIF"
        return "HEIF"
    if compatible & _AVIF_BRANDS:
        return "AVIF"
    if compatible & _HEIF_BRANDS:
        return "HEIF"
    return None


def describe_content(head: bytes) -> tuple[Content, str]:
    """What non-image bytes look like, as a code and its extra (a media brand),
    for an error the front ends put into words."""
    if not head.strip(b"\x00"):
        return Content.ZEROS, ""
    if head.startswith(b"%PDF"):
        return Content.PDF, ""
    if head.startswith(b"PK\x03\x04"):
        return Content.ZIP, ""
    if head[4:8] == b"ftyp":
        return Content.MEDIA, head[8:12].decode("ascii", "replace").strip()
    if head.startswith(b"8BPS"):
        return Content.PHOTOSHOP, ""
    text = head.rstrip(b"\x00")
    # A multi-byte character cut at the end of the sample is still text.
    for cut in range(4):
        try:
            decoded = text[: len(text) - cut].decode("utf-8")
        except UnicodeDecodeError:
            continue
        if decoded and all(c.isprintable() or c in "\t\r\n\f" for c in decoded):
            return Content.TEXT, ""
        break
    return Content.BINARY, ""


def extension(name: str) -> str:
    """ ".jpg" for "a.JPG"; "" for ".hidden" and "README" (as os.path.splitext)."""
    dot = name.rfind(".")
    if dot <= 0 or (name[dot - 1] == "." and not name[:dot].strip(".")):
        return ""
    return name[dot:].lower()


def expected_format(name: str) -> str | None:
    """The format a file's name promises (``"JPEG"`` for ``a.jpg``), or None."""
    return IMAGE_EXTENSIONS.get(extension(name))


# --- camera RAW ----------------------------------------------------------------

RAW_FORMATS: tuple[str, ...] = ("DNG", "CR2", "CR3", "NEF", "ARW", "ORF", "RW2", "RAF", "PEF")

_DNG_VERSION = 50706
_MAKE = 271
_COMPRESSION = 259
_SUB_IFDS = 330
# Camera makers whose TIFF-shaped RAW files carry no mark but the maker's name.
_MAKERS = {b"NIKON": "NEF", b"SONY": "ARW", b"PENTAX": "PEF", b"RICOH": "PEF"}
_RAW_COMPRESSIONS = frozenset({65535, 32767, 32769, 32770, 32773, 34713, 34892})
_TIFF_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8, 13: 4}

ReadAt = Callable[[int, int], bytes]  # (offset, length) -> bytes, short at the end


def sniff_raw(head: bytes, read_at: ReadAt) -> str | None:
    """The RAW format of a file starting with ``head``, or None.

    ``read_at`` reads more of the file; it is called only for TIFF-shaped
    files, to look at their first IFD.
    """
    if head.startswith(b"FUJIFILMCCD-RAW"):
        return "RAF"
    if head[4:12] == b"ftypcrx ":
        return "CR3"
    if head[:4] in (b"IIRO", b"IIRS", b"MMOR"):
        return "ORF"
    if head[:4] == b"IIU\x00":
        return "RW2"
    if head[:4] not in (b"II*\x00", b"MM\x00*"):
        return None
    if head[8:11] == b"CR\x02":
        return "CR2"
    tags = _first_ifd(head[:2] == b"II", read_at)
    if _DNG_VERSION in tags:
        return "DNG"
    make = tags.get(_MAKE, b"").upper()
    for maker, fmt in _MAKERS.items():
        if make.startswith(maker) and (
            _SUB_IFDS in tags or tags.get(_COMPRESSION) in _RAW_COMPRESSIONS
        ):
            return fmt
    return None


def _first_ifd(little: bool, read_at: ReadAt) -> dict[int, object]:
    """Tag → value of the first IFD: numbers as ints, Make as bytes; {} if unreadable."""
    order = "<" if little else ">"
    header = read_at(0, 8)
    if len(header) < 8:
        return {}
    (offset,) = struct.unpack(order + "I", header[4:8])
    raw_count = read_at(offset, 2)
    if len(raw_count) < 2:
        return {}
    (count,) = struct.unpack(order + "H", raw_count)
    table = read_at(offset + 2, 12 * min(count, 512))
    tags: dict[int, object] = {}
    for i in range(len(table) // 12):
        tag, kind, n, value = struct.unpack(order + "HHI4s", table[12 * i : 12 * i + 12])
        if tag == _MAKE and kind == 2:
            data = value[:n] if n <= 4 else read_at(struct.unpack(order + "I", value)[0], n)
            tags[tag] = data.rstrip(b"\x00 ")
        elif kind == 3 and n == 1:
            tags[tag] = struct.unpack(order + "H", value[:2])[0]
        elif kind in _TIFF_TYPE_SIZES:
            tags[tag] = struct.unpack(order + "I", value)[0] if kind == 4 and n == 1 else None
    return tags
