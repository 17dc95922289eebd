"""Fingerprints of one image file: perceptual hashes and content digests.

The perceptual hashes are ImageHash's (dhash, phash, average hash, wavelet
hash) computed on the reduced grayscale image that ``decode`` returns, so a
hash costs a small resize instead of a pass over millions of pixels. For the
main hash the result is bit for bit what ``imagehash`` gives for the same
image; the wavelet hash uses a fixed working scale (8 × hash size) instead of
ImageHash's "largest power of two that fits", so that a resized copy of a photo
is hashed at the same scale as its original.

The turned and mirrored variants come from the same resized pixel grid turned
with numpy: resizing and turning commute, so this matches hashing a physically
turned file up to rounding, for the price of one extra small resize at most.

The default "pdq" fingerprint is Meta's PDQ hash (``pdqhash``, 256 bits, its
own dihedral variants) plus what the grouping needs around it: the 64-bit pHash
and dHash of the image and its variants, which propose candidate pairs cheaply,
an 8 x 8 colour thumbnail, which tells a photo from its night or colour edition,
and PDQ's quality score, which says whether the hash of a near-blank picture saw
anything but noise. Why this combination: "Accuracy on real photographs" in bench/README.md.
"""

from __future__ import annotations

import hashlib

import numpy as np
from PIL import Image

from photodedup.core.crops import window_hashes
from photodedup.core.decode import DecodeError, decode
from photodedup.core.halves import half_hashes
from photodedup.core.models import FileRef, HashSettings, ImageRecord
from photodedup.core.os_errors import os_error
from photodedup.core.reasons import Reason
from photodedup.core.results import ScanError

QUICK_BLOCK = 64 * 1024
FULL_CHUNK = 1024 * 1024
THUMB_SIDE = 8
_PDQ_VARIANTS = (1, 2, 3, 5)  # of pdqhash's dihedral order: turned 90, 180, 270, mirrored
_PROBE_SETTINGS = (HashSettings("phash", 8), HashSettings("dhash", 8))
# The checked fingerprint's probes are taken from the decoded image box-reduced
# (``Image.reduce``) to a shorter side of at least three times pHash's 32 x 32
# grid. A LANCZOS resize costs in proportion to the pixels it reads: from a
# 4000 x 3000 JPEG decoded at 1/8 (500 x 375) this takes the probes from about
# 3 ms to 0.6, with the same accuracy on the real-photo corpus (bench/README.md,
# "Cold scan"). PDQ itself is still taken from the decoded image: from one
# reduced to a shorter side of 128 it costs 0.7 ms instead of 2.6-4.9, but found
# 94.1% of turned copies instead of 97.5%.
PROBE_SIDE = 96

Grid = np.ndarray


def decode_side(settings: HashSettings) -> int:
    """The shorter side to decode at for ``settings``.

    Well above every hash grid (at most 128 pixels): resizing from there gives
    (nearly) the hash of the full-size image, where box-reducing to a few times
    the grid drifts by several bits. JPEG photos still decode at 1/8 scale.
    """
    return max(256, 2 * _grid_side(settings))


def hash_image(img: Image.Image, settings: HashSettings) -> tuple[int, tuple[int, ...]]:
    """The hash of ``img`` and of it turned 90, 180, 270 degrees and mirrored.

    Turns are counter-clockwise (Pillow's ``Transpose.ROTATE_90``); the mirror
    flips left and right. Bits are packed most significant first in the order of
    ``imagehash.ImageHash.hash.flatten()``.
    """
    if settings.algorithm == "pdq":
        return pdq_image(img)
    gray = img if img.mode == "L" else img.convert("L")
    n = settings.hash_size
    algorithm = settings.algorithm
    if algorithm == "dhash":
        wide = _grid(gray, (n + 1, n))
        # A turned image is resized to (n+1) x n; before turning that is n x (n+1).
        tall = _grid(gray, (n, n + 1))
        grids = (wide, np.rot90(tall, 1), np.rot90(wide, 2), np.rot90(tall, 3), wide[:, ::-1])
        bits = [g[:, 1:] > g[:, :-1] for g in grids]
    else:
        side = _grid_side(settings)
        grid = _grid(gray, (side, side))
        grids = (grid, np.rot90(grid, 1), np.rot90(grid, 2), np.rot90(grid, 3), grid[:, ::-1])
        bit_function = {"ahash": _ahash_bits, "phash": _phash_bits, "whash": _whash_bits}
        bits = [bit_function[algorithm](g, n) for g in grids]
    packed = [_pack(b) for b in bits]
    return packed[0], tuple(packed[1:])


def pdq_image(img: Image.Image) -> tuple[int, tuple[int, ...]]:
    """The PDQ hash of ``img`` and of it turned 90, 180, 270 degrees and mirrored."""
    value, variants, _quality = pdq_with_quality(img)
    return value, variants


def pdq_with_quality(img: Image.Image) -> tuple[int, tuple[int, ...], int]:
    """``pdq_image`` and PDQ's quality score (0-100: how much of a picture the hash saw)."""
    import pdqhash  # loaded by the workers only: the front ends start faster without it

    rgb = np.ascontiguousarray(np.asarray(img if img.mode == "RGB" else img.convert("RGB")))
    hashes, quality = pdqhash.compute_dihedral(rgb)
    packed = [_pack(np.asarray(h, dtype=bool)) for h in hashes]
    return packed[0], tuple(packed[k] for k in _PDQ_VARIANTS), max(0, min(100, int(quality)))


def probe_hashes(img: Image.Image) -> tuple[int, ...]:
    """(pHash, dHash) of ``img``, then of each turned/mirrored variant, 64 bits each."""
    gray = img if img.mode == "L" else img.convert("L")
    p, pv = hash_image(gray, _PROBE_SETTINGS[0])
    d, dv = hash_image(gray, _PROBE_SETTINGS[1])
    out = [p, d]
    for a, b in zip(pv, dv, strict=True):
        out += [a, b]
    return tuple(out)


def thumbnail(img: Image.Image) -> bytes:
    """The THUMB_SIDE x THUMB_SIDE RGB thumbnail (box-averaged) of ``img``, as bytes."""
    rgb = img if img.mode == "RGB" else img.convert("RGB")
    return rgb.resize((THUMB_SIDE, THUMB_SIDE), Image.Resampling.BOX).tobytes()


def reduced(img: Image.Image, side: int) -> Image.Image:
    """``img`` box-reduced by the largest whole factor that keeps its shorter side >= ``side``."""
    factor = min(img.size) // side
    return img.reduce(factor) if factor >= 2 else img


def _grid_side(settings: HashSettings) -> int:
    n = settings.hash_size
    if settings.algorithm == "pdq":
        return 64  # PDQ downsamples to 64 x 64 itself
    return {"dhash": n + 1, "ahash": n, "phash": 4 * n, "whash": 8 * n}[settings.algorithm]


def _grid(gray: Image.Image, size: tuple[int, int]) -> Grid:
    # LANCZOS because that is what imagehash resizes with.
    return np.asarray(gray.resize(size, Image.Resampling.LANCZOS))


def _ahash_bits(grid: Grid, n: int) -> Grid:
    return grid > np.mean(grid)


def _phash_bits(grid: Grid, n: int) -> Grid:
    import scipy.fftpack

    dct = scipy.fftpack.dct(scipy.fftpack.dct(grid, axis=0), axis=1)
    low = dct[:n, :n]
    return low > np.median(low)


def _whash_bits(grid: Grid, n: int) -> Grid:
    import pywt

    pixels = grid / 255.0
    max_level = int(np.log2(grid.shape[0]))
    # As imagehash: drop the lowest Haar frequency (overall brightness) first.
    coeffs = list(pywt.wavedec2(pixels, "haar", level=max_level))
    coeffs[0] *= 0
    pixels = pywt.waverec2(coeffs, "haar")
    low = pywt.wavedec2(pixels, "haar", level=max_level - int(np.log2(n)))[0]
    return low > np.median(low)


def _pack(bits: Grid) -> int:
    return int.from_bytes(np.packbits(bits.ravel()).tobytes(), "big")


def quick_digest(path: str, size: int) -> str:
    """A digest of the size and three 64 KiB blocks (start, middle, end), as hex.

    Files up to three blocks long are digested whole. Enough to recognise a
    moved file without decoding it; not proof of identical content.
    """
    digest = hashlib.blake2b(size.to_bytes(8, "little"), digest_size=16)
    with open(path, "rb", buffering=0) as f:
        if size <= 3 * QUICK_BLOCK:
            digest.update(f.read(size))
        else:
            for offset in (0, (size - QUICK_BLOCK) // 2, size - QUICK_BLOCK):
                f.seek(offset)
                digest.update(f.read(QUICK_BLOCK))
    return digest.hexdigest()


def full_digest(path: str) -> str:
    """A digest of the whole content, read in 1 MiB chunks, as hex."""
    digest = hashlib.blake2b(digest_size=32)
    buffer = bytearray(FULL_CHUNK)
    view = memoryview(buffer)
    with open(path, "rb", buffering=0) as f:
        while count := f.readinto(buffer):
            digest.update(view[:count])
    return digest.hexdigest()


def fingerprint_file(
    ref: FileRef, settings: HashSettings, digest: str | None = None, crops: bool = False
) -> ImageRecord | ScanError:
    """Decode and fingerprint one file; any problem with the file becomes a ``ScanError``.

    ``digest`` is the quick digest when the caller has it already. ``crops`` adds
    the crop windows (checked settings only). Safe to run in worker processes:
    it takes and returns plain, picklable values.
    """
    try:
        checked = settings.checked
        decoded = decode(ref.path, min_side=decode_side(settings), gray=not checked, fmt=ref.format)
        probes: tuple[int, ...] = ()
        thumb = windows = b""
        if checked:
            image = decoded.image
            gray = image if image.mode == "L" else image.convert("L")  # once, for all below
            value, variants, quality = pdq_with_quality(image)
            probes = probe_hashes(reduced(gray, PROBE_SIDE))
            # models.CHECK_BYTES: thumbnail, quality, the halves' hashes
            thumb = thumbnail(image) + bytes([quality]) + half_hashes(gray)
            if crops:
                windows = window_hashes(gray)
        else:
            value, variants = hash_image(decoded.image, settings)
        if digest is None:
            digest = quick_digest(ref.path, ref.size)
    except DecodeError as exc:
        return ScanError(ref.path, exc.reason, exc.detail)
    except OSError as exc:
        return ScanError(ref.path, *os_error(exc))
    except MemoryError:
        return ScanError(ref.path, Reason.OUT_OF_MEMORY)
    except Exception as exc:
        # A worker must hand back a reason, never die on one strange file.
        detail = " ".join(str(exc).split())[:120] or type(exc).__name__
        return ScanError(ref.path, Reason.ERROR, detail)
    return ImageRecord(
        path=ref.path,
        size=ref.size,
        mtime_ns=ref.mtime_ns,
        format=ref.format or decoded.format,
        width=decoded.width,
        height=decoded.height,
        hash=value,
        variants=variants,
        digest=digest,
        taken=decoded.taken,
        camera=decoded.camera,
        gps=decoded.gps,
        probes=probes,
        thumb=thumb,
        windows=windows,
    )
