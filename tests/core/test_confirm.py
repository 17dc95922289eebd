"""The default (pdq) fingerprint and its second check, on generated photographs."""

from __future__ import annotations

import numpy as np
import pdqhash
import pytest
from imagegen import photo, watermarked
from PIL import Image, ImageDraw, ImageEnhance

from photodedup.core import confirm
from photodedup.core.fingerprint import (
    hash_image,
    pdq_image,
    pdq_with_quality,
    probe_hashes,
    thumbnail,
)
from photodedup.core.models import HashSettings

PDQ = HashSettings()


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


TURNS = (
    Image.Transpose.ROTATE_90,
    Image.Transpose.ROTATE_180,
    Image.Transpose.ROTATE_270,
    Image.Transpose.FLIP_LEFT_RIGHT,
)


def pdq_reference(img: Image.Image) -> int:
    """pdqhash's own value, packed most significant bit first."""
    bits, _quality = pdqhash.compute(np.ascontiguousarray(np.asarray(img.convert("RGB"))))
    return int("".join("1" if b else "0" for b in bits), 2)


def test_pdq_is_the_default_and_256_bits() -> None:
    assert PDQ.algorithm == "pdq" and PDQ.bits == 256 and PDQ.checked
    assert not HashSettings("dhash").checked and HashSettings("dhash").bits == 64
    with pytest.raises(ValueError):
        HashSettings("pdq", 8)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_pdq_hash_is_pdqhash_bit_for_bit(seed: int) -> None:
    img = photo(seed, (400, 300))
    value, variants = hash_image(img, PDQ)
    assert value == pdq_reference(img)
    assert len(variants) == 4


@pytest.mark.parametrize("seed", [4, 5])
def test_pdq_variants_are_the_turned_and_mirrored_images(seed: int) -> None:
    img = photo(seed, (400, 300))
    value, variants = pdq_image(img)
    for op, variant in zip(TURNS, variants, strict=True):
        turned = pdq_reference(img.transpose(op))
        # pdqhash turns its own 64 x 64 buffer, so a turned file agrees up to rounding.
        assert hamming(turned, variant) <= 32, op
        assert hamming(turned, value) > 80, op


def test_probes_are_phash_and_dhash_of_the_image_and_each_variant() -> None:
    img = photo(6, (400, 300))
    probes = probe_hashes(img)
    p, pv = hash_image(img, HashSettings("phash", 8))
    d, dv = hash_image(img, HashSettings("dhash", 8))
    assert probes == (p, d, pv[0], dv[0], pv[1], dv[1], pv[2], dv[2], pv[3], dv[3])


def thumb(img: Image.Image) -> bytes:
    """The second check's bytes, as a scan stores them: thumbnail, then PDQ quality."""
    return thumbnail(img) + bytes([pdq_with_quality(img)[2]])


@pytest.fixture
def day() -> Image.Image:
    return photo(7, (400, 300))


def test_copies_pass_the_colour_check(day: Image.Image) -> None:
    copies = [
        day.resize((100, 75)),
        ImageEnhance.Brightness(day).enhance(1.15),
        ImageEnhance.Brightness(day).enhance(0.85),
        ImageEnhance.Contrast(day).enhance(1.15),
        day.convert("L").convert("RGB"),  # grayscale: its colours are not compared
        watermarked(day),
    ]
    for copy in copies:
        assert confirm.colour_agrees(thumb(day), thumb(copy))


def test_night_light_and_colour_editions_fail_it(day: Image.Image) -> None:
    a = np.asarray(day, dtype=np.float32) / 255
    night = Image.fromarray(np.uint8(255 * (a**1.6) * [0.35, 0.4, 0.6]))
    light = Image.fromarray(np.uint8(255 * (0.55 + 0.45 * a)))
    hsv = np.asarray(day.convert("HSV")).copy()
    hsv[..., 0] += 110
    colour = Image.fromarray(hsv, "HSV").convert("RGB")
    for edition in (night, light, colour):
        assert not confirm.colour_agrees(thumb(day), thumb(edition))
    # ... although PDQ, which sees only luminance, finds the night edition close.
    assert hamming(hash_image(day, PDQ)[0], hash_image(night, PDQ)[0]) < 40


def test_turned_thumbnails_are_compared_turned(day: Image.Image) -> None:
    for k, op in enumerate(TURNS, start=1):
        # The reference is the turned file; the candidate's variant k is it turned.
        assert confirm.colour_agrees(thumb(day.transpose(op)), thumb(day), k)
    # Upside down, a sky-over-ground picture does not agree unturned.
    upside = thumb(day.transpose(Image.Transpose.ROTATE_180))
    assert not confirm.colour_agrees(thumb(day), upside, 0)


def test_near_blank_pictures_are_flat_and_held_stricter() -> None:
    fog = Image.new("RGB", (300, 200), (200, 202, 205))
    assert confirm.is_flat(thumb(fog))
    assert not confirm.is_flat(thumb(photo(8)))
    darker_fog = Image.new("RGB", (300, 200), (150, 152, 155))
    assert not confirm.flat_agrees(thumb(fog), thumb(darker_fog))
    # Fog's PDQ hash is noise (quality 0): only the thumbnail can tell.
    assert confirm.flat_agrees(thumb(fog), thumb(fog.resize((150, 100))))
    # Never by the rule for pictures with content, nor with one.
    assert not confirm.colour_agrees(thumb(fog), thumb(fog.resize((150, 100))))
    assert not confirm.flat_agrees(thumb(fog), thumb(photo(8)))


def even_thumbnail(t: bytes) -> bool:
    """Whether a thumbnail's luminance is as even as a near-blank one's."""
    rgb = np.frombuffer(t[:-1], dtype=np.uint8).reshape(-1, 3).astype(np.float64)
    return bool((rgb @ [0.299, 0.587, 0.114]).std() < confirm.FLAT_STD)


def stars(seed: int, size: tuple[int, int] = (400, 300)) -> Image.Image:
    """A night sky: a few hundred small stars on black, so its thumbnail is near-blank."""
    rng = np.random.default_rng(seed)
    sky = Image.new("RGB", size)
    draw = ImageDraw.Draw(sky)
    for x, y, r, v in zip(
        rng.integers(0, size[0], 300),
        rng.integers(0, size[1], 300),
        rng.uniform(0.5, 1.6, 300),
        rng.integers(90, 255, 300),
        strict=True,
    ):
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(int(v), int(v), int(v)))
    return sky


def test_an_even_thumbnail_whose_hash_saw_the_picture_is_not_near_blank() -> None:
    # Star fields: black with a sprinkle of stars, as even as fog at 8 x 8, but PDQ
    # saw the stars. So they are compared as any picture: by their hashes.
    a, b = stars(1), stars(2)
    ta, tb, copy = thumb(a), thumb(b), thumb(a.resize((200, 150)))
    assert even_thumbnail(ta) and even_thumbnail(tb)
    assert min(ta[-1], tb[-1]) >= confirm.PDQ_QUALITY
    assert not confirm.is_flat(ta) and not confirm.is_flat(tb)
    qa, qb = hash_image(a, PDQ)[0], hash_image(b, PDQ)[0]
    qc = hash_image(a.resize((200, 150)), PDQ)[0]
    assert confirm.colour_agrees(ta, copy) and hamming(qa, qc) <= 72
    # The thumbnails agree, the hashes do not.
    assert confirm.colour_agrees(ta, tb) and hamming(qa, qb) > 100


def bricks(size: tuple[int, int] = (400, 300)) -> Image.Image:
    """A fine brick wall: even at 8 x 8, lines everywhere to PDQ."""
    wall = Image.new("RGB", size, (150, 80, 60))
    draw = ImageDraw.Draw(wall)
    for y in range(0, size[1], 12):
        draw.line((0, y, size[0], y), fill=(200, 195, 190), width=2)
        shift = 12 if (y // 12) % 2 else 0
        for x in range(shift, size[0], 24):
            draw.line((x, y, x, y + 12), fill=(200, 195, 190), width=2)
    return wall


def test_a_textured_picture_even_in_the_thumbnail_finds_its_brighter_copy() -> None:
    # Held to the near-blank rule, a 15% brighter copy was too far by the thumbnail
    # (the wall's mean moves by more than FLAT_THUMB); by the ordinary rule it is a copy.
    wall = bricks()
    brighter = ImageEnhance.Brightness(wall).enhance(1.15)
    tw, tb = thumb(wall), thumb(brighter)
    assert even_thumbnail(tw) and tw[-1] >= confirm.PDQ_QUALITY
    assert not confirm.is_flat(tw) and not confirm.flat_agrees(tw, tb)
    assert confirm.colour_agrees(tw, tb)
    assert hamming(hash_image(wall, PDQ)[0], hash_image(brighter, PDQ)[0]) <= 72


def test_a_dark_drawing_is_told_from_its_night_edition() -> None:
    # A light figure on black over a tenth of the frame: its few bright cells are the
    # whole picture, so they are never the cells the check leaves out as a watermark.
    art = Image.new("RGB", (400, 300))
    draw = ImageDraw.Draw(art)
    draw.ellipse((40, 40, 200, 130), fill=(225, 220, 210))
    draw.ellipse((80, 60, 150, 110), fill=(120, 110, 100))
    a = np.asarray(art, dtype=np.float32) / 255
    night = Image.fromarray(np.uint8(255 * (a**1.6) * [0.35, 0.4, 0.6]))
    assert not confirm.colour_agrees(thumb(art), thumb(night))
    assert confirm.colour_agrees(thumb(art), thumb(art.resize((200, 150))))


def test_probe_rows_join_every_slice_in_order(monkeypatch) -> None:
    from photodedup.core import fingerprint_rows
    from photodedup.core.models import ImageRecord

    def record(i: int, probes: tuple[int, ...]) -> ImageRecord:
        return ImageRecord(f"/p/{i}.jpg", 1, 0, "JPEG", 1, 1, i, (), "d", probes=probes)

    records = [record(i, (i, 2**64 - 1 - i)) for i in range(10)]
    monkeypatch.setattr(fingerprint_rows, "_SLICE", 3)  # 10 records: four slices
    rows = fingerprint_rows.probe_rows(records)
    assert rows.tolist() == [[i, 2**64 - 1 - i] for i in range(10)]
    odd = [*records[:4], record(99, (1,))]
    with pytest.raises(ValueError, match="different numbers of probes"):
        fingerprint_rows.probe_rows(odd)
