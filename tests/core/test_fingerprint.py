"""Fingerprints: imagehash-compatible hashes, turned variants, digests, and accuracy."""

from __future__ import annotations

import hashlib
import itertools
import os
from pathlib import Path

import imagegen
import imagehash
import pytest
from PIL import Image

from photodedup.core.decode import decode
from photodedup.core.discover import discover
from photodedup.core.fingerprint import (
    QUICK_BLOCK,
    decode_side,
    fingerprint_file,
    full_digest,
    hash_image,
    quick_digest,
)
from photodedup.core.models import FileRef, HashSettings, ImageRecord
from photodedup.core.reasons import Reason
from photodedup.core.results import ScanError

DHASH = HashSettings("dhash")
ALL_SETTINGS = [HashSettings(a, n) for a in ("dhash", "phash", "ahash", "whash") for n in (8, 16)]
TURNS = (Image.Transpose.ROTATE_90, Image.Transpose.ROTATE_180, Image.Transpose.ROTATE_270)
VARIANT_OPS = (*TURNS, Image.Transpose.FLIP_LEFT_RIGHT)


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def ref_for(path: Path | str, fmt: str = "JPEG") -> FileRef:
    st = os.stat(path)
    return FileRef(str(path), st.st_size, st.st_mtime_ns, st.st_dev, st.st_ino, fmt)


def record(path: Path | str, settings: HashSettings = DHASH) -> ImageRecord:
    result = fingerprint_file(ref_for(path), settings)
    assert isinstance(result, ImageRecord), result
    return result


def as_int(value: imagehash.ImageHash) -> int:
    return int(str(value), 16)


@pytest.fixture(scope="module")
def gray() -> Image.Image:
    return imagegen.photo(11, (320, 240)).convert("L")


@pytest.mark.parametrize("settings", ALL_SETTINGS, ids=lambda s: s.key)
def test_main_hash_is_imagehash_bit_for_bit(gray: Image.Image, settings: HashSettings) -> None:
    n = settings.hash_size
    expected = {
        "dhash": lambda: imagehash.dhash(gray, n),
        "phash": lambda: imagehash.phash(gray, n),
        "ahash": lambda: imagehash.average_hash(gray, n),
        # A fixed working scale, so that copies of any resolution are hashed alike.
        "whash": lambda: imagehash.whash(gray, n, image_scale=8 * n),
    }[settings.algorithm]()
    value, variants = hash_image(gray, settings)
    assert value == as_int(expected)
    assert len(variants) == 4
    assert all(0 <= v < 2**settings.bits for v in variants)


@pytest.mark.parametrize("settings", ALL_SETTINGS, ids=lambda s: s.key)
def test_variants_are_the_hashes_of_the_turned_image(
    gray: Image.Image, settings: HashSettings
) -> None:
    value, variants = hash_image(gray, settings)
    slack = settings.bits // 16  # rounding differs between turning before or after resizing
    for op, variant in zip(VARIANT_OPS, variants, strict=True):
        turned, _ = hash_image(gray.transpose(op), settings)
        assert hamming(turned, variant) <= slack, op
        assert hamming(turned, value) > slack, op  # the variant is not just the hash again


def test_rgb_input_is_hashed_as_its_grayscale(gray: Image.Image) -> None:
    rgb = imagegen.photo(11, (320, 240))
    assert hash_image(rgb, DHASH) == hash_image(rgb.convert("L"), DHASH)


def test_variants_match_physically_turned_files(tmp_path: Path) -> None:
    img = imagegen.photo(5)
    original = record(imagegen.save(img, tmp_path / "original.jpg"))
    for op, variant in zip(VARIANT_OPS, original.variants, strict=True):
        turned = record(imagegen.save(img.transpose(op), tmp_path / f"{op.name}.jpg"))
        assert hamming(turned.hash, variant) <= 3, op.name
        assert hamming(turned.hash, original.hash) > 10, op.name


def test_quick_digest_samples_start_middle_and_end(tmp_path: Path) -> None:
    size = 10 * QUICK_BLOCK
    data = bytearray(os.urandom(size))
    path = tmp_path / "big.bin"
    path.write_bytes(data)
    base = quick_digest(str(path), size)
    assert base == quick_digest(str(path), size)
    assert base != quick_digest(str(path), size - 1)  # the size is part of it

    def with_byte_flipped(offset: int) -> str:
        changed = bytearray(data)
        changed[offset] ^= 0xFF
        path.write_bytes(changed)
        return quick_digest(str(path), size)

    for sampled in (0, size // 2, size - 1):
        assert with_byte_flipped(sampled) != base
    assert with_byte_flipped(2 * QUICK_BLOCK) == base  # between samples: by design


def test_quick_digest_reads_small_files_whole(tmp_path: Path) -> None:
    data = os.urandom(3 * QUICK_BLOCK)
    path = tmp_path / "small.bin"
    path.write_bytes(data)
    base = quick_digest(str(path), len(data))
    path.write_bytes(data[:100_000] + bytes([data[100_000] ^ 1]) + data[100_001:])
    assert quick_digest(str(path), len(data)) != base


def test_full_digest_covers_every_byte(tmp_path: Path) -> None:
    data = os.urandom(2 * 1024 * 1024 + 123)
    path = tmp_path / "file.bin"
    path.write_bytes(data)
    assert full_digest(str(path)) == hashlib.blake2b(data, digest_size=32).hexdigest()
    path.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    assert full_digest(str(path)) != hashlib.blake2b(data, digest_size=32).hexdigest()


def test_fingerprint_file_fills_the_record(tmp_path: Path) -> None:
    path = imagegen.save(
        imagegen.photo(2),
        tmp_path / "a.jpg",
        orientation=6,
        taken="2020:02:29 08:00:00",
        camera="X",
    )
    ref = ref_for(path)
    result = fingerprint_file(ref, DHASH)
    assert isinstance(result, ImageRecord)
    assert (result.path, result.size, result.mtime_ns) == (ref.path, ref.size, ref.mtime_ns)
    assert (result.format, result.width, result.height) == ("JPEG", 640, 480)
    assert (result.taken, result.camera) == ("2020-02-29T08:00:00", "X")
    assert result.digest == quick_digest(ref.path, ref.size)
    assert fingerprint_file(ref, DHASH, digest="given").digest == "given"


def test_fingerprint_format_is_discoverys(tmp_path: Path) -> None:
    path = imagegen.save(imagegen.photo(2), tmp_path / "really_a_jpeg.heic", "JPEG")
    [ref] = discover([str(tmp_path)]).files
    result = fingerprint_file(ref, DHASH)
    assert isinstance(result, ImageRecord)
    assert result.path == str(path)
    assert result.format == "JPEG"


def test_decode_side_keeps_jpeg_photos_at_one_eighth() -> None:
    for settings in ALL_SETTINGS:
        side = decode_side(settings)
        assert side >= 64
        assert 3000 // side >= 8 or settings.key == "whash-16"


def _bad_files(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    text = tmp_path / "text.png"
    text.write_text("not an image\n" * 1000)
    return {
        "truncated": imagegen.write_truncated_jpeg(tmp_path / "cut.jpg"),
        "garbage": imagegen.write_garbage(tmp_path / "garbage.jpg", head=b"\xff\xd8\xff\xe0"),
        "noise": imagegen.write_garbage(tmp_path / "noise.webp"),
        "empty": empty,
        "text": text,
        "missing": tmp_path / "missing.jpg",
    }


def test_fingerprint_file_turns_bad_input_into_scan_errors(tmp_path: Path) -> None:
    expected = {
        "truncated": (Reason.TRUNCATED, "JPEG"),
        "missing": (Reason.VANISHED, ""),
        "text": (Reason.NOT_SUPPORTED, ""),
        "empty": (Reason.NOT_SUPPORTED, ""),
    }
    for kind, path in _bad_files(tmp_path).items():
        result = fingerprint_file(FileRef(str(path), 20_000, 0, 0, 0, "JPEG"), DHASH)
        assert isinstance(result, ScanError), kind
        assert result.path == str(path)
        assert result.reason and "\n" not in result.detail
        if kind in expected:
            assert (result.reason, result.detail) == expected[kind], kind


@pytest.mark.usefixtures("permissions_enforced")
def test_unreadable_file_is_a_scan_error(tmp_path: Path) -> None:
    path = imagegen.save(imagegen.photo(1), tmp_path / "secret.jpg")
    ref = ref_for(path)
    path.chmod(0)
    try:
        result = fingerprint_file(ref, DHASH)
    finally:
        path.chmod(0o644)
    assert result == ScanError(str(path), Reason.PERMISSION_DENIED)


# --- accuracy on photo-like images ---------------------------------------------------

COPY_SEEDS = range(6)


def _copies(img: Image.Image, folder: Path) -> dict[str, Path]:
    small = imagegen.resized
    return {
        "resized 0.25": imagegen.save(small(img, 0.25), folder / "r25.jpg"),
        "resized 0.5": imagegen.save(small(img, 0.5), folder / "r50.jpg"),
        "quality 60": imagegen.save(img, folder / "q60.jpg", quality=60),
        "orientation 6": imagegen.save(img, folder / "o6.jpg", orientation=6),
        "orientation 3": imagegen.save(img, folder / "o3.jpg", orientation=3),
        "orientation 8": imagegen.save(img, folder / "o8.jpg", orientation=8),
        "watermarked": imagegen.save(imagegen.watermarked(img), folder / "wm.jpg"),
        "png": imagegen.save(img, folder / "copy.png"),
        "webp": imagegen.save(img, folder / "copy.webp"),
        "heic": imagegen.save(img, folder / "copy.heic"),
    }


@pytest.mark.parametrize("seed", COPY_SEEDS)
def test_copies_stay_within_10_bits(tmp_path: Path, seed: int) -> None:
    img = imagegen.photo(seed)
    original = record(imagegen.save(img, tmp_path / "original.jpg"))
    for kind, path in _copies(img, tmp_path).items():
        copy = record(path)
        assert hamming(copy.hash, original.hash) <= 10, kind


def test_different_photos_are_more_than_10_bits_apart(tmp_path: Path) -> None:
    hashes = [record(imagegen.save(imagegen.photo(seed), tmp_path / f"{seed}.jpg")).hash
              for seed in range(30)]  # fmt: skip
    closest = min(hamming(a, b) for a, b in itertools.combinations(hashes, 2))
    assert closest > 10


@pytest.mark.slow
def test_reduced_decode_hashes_like_the_full_image(tmp_path: Path) -> None:
    distances = []
    for seed in range(4):
        path = imagegen.save(imagegen.photo(seed, (4000, 3000)), tmp_path / f"{seed}.jpg")
        with Image.open(path) as full:
            full_hash, _ = hash_image(full.convert("L"), DHASH)
        reduced = decode(str(path), min_side=decode_side(DHASH), gray=True)
        assert max(reduced.image.size) <= 500  # decoded at 1/8
        distances.append(hamming(hash_image(reduced.image, DHASH)[0], full_hash))
    assert sum(d <= 2 for d in distances) >= 3, distances
    assert max(distances) <= 4, distances
