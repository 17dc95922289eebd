"""Image formats: which ones a file name promises, and which one its first bytes announce.

Images are recognised by their content, not their names, so that a JPEG named
``.heic`` is read as a JPEG and a text file named ``.png`` is reported. Pure
functions on names and bytes; the walk (``discover``) does the reading.
"""

from __future__ import annotations

# Every format sniff_format can return; the decoder opens exactly these.
SNIFFED_FORMATS: tuple[str, ...] = ("JPEG", "PNG", "GIF", "BMP", "TIFF", "WEBP", "HEIF", "AVIF")

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
}

# Camera raw files start like TIFF, but Pillow cannot develop them (at best it
# shows an embedded preview), so they are left alone rather than half-read.
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


def describe_content(head: bytes) -> str:
    """A few words on what non-image bytes look like, for an error message."""
    if not head.strip(b"\x00"):
        return "all zero bytes"
    if head.startswith(b"%PDF"):
        return "a PDF document"
    if head.startswith(b"PK\x03\x04"):
        return "a ZIP archive"
    if head[4:8] == b"ftyp":
        brand = head[8:12].decode("ascii", "replace").strip()
        return f"a video or other media file ({brand})"
    if head.startswith(b"8BPS"):
        return "a Photoshop document"
    text = head.rstrip(b"\x00")
    # A multi-byte character cut at the end of the sample is still text.
    for cut in range(4):
        try:
            decoded = text[: len(text) - cut].decode("utf-8")
        except UnicodeDecodeError:
            continue
        if decoded and all(c.isprintable() or c in "\t\r\n\f" for c in decoded):
            return "looks like text"
        break
    return "unknown binary data"


def extension(name: str) -> str:
    """ ".jpg" for "a.JPG"; "" for ".hidden" and "README" (as os.path.splitext)."""
    dot = name.rfind(".")
    if dot <= 0 or (name[dot - 1] == "." and not name[:dot].strip(".")):
        return ""
    return name[dot:].lower()


def expected_format(name: str) -> str | None:
    """The format a file's name promises (``"JPEG"`` for ``a.jpg``), or None."""
    return IMAGE_EXTENSIONS.get(extension(name))
