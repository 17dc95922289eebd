"""Half-frame hashes: a marked copy of a dark photo is found, parts sharing a half are not."""

from __future__ import annotations

import numpy as np
from imagegen import photo
from PIL import Image, ImageDraw

from photodedup.core import confirm, halves
from photodedup.core.fingerprint import fingerprint_file
from photodedup.core.group import group_images
from photodedup.core.models import CHECK_BYTES, THUMB_BYTES, FileRef, HashSettings, ImageRecord

D = 72  # the default ("similar") distance


def dark(seed: int) -> Image.Image:
    """A generated photo at a fifth of its brightness: a night shot."""
    pixels = np.asarray(photo(seed, (640, 480)), dtype=np.float32) * 0.2
    return Image.fromarray(pixels.astype(np.uint8), "RGB")


def marked(img: Image.Image) -> Image.Image:
    """A half-transparent white box with text, low on the left (as the bench corpus)."""
    out = img.copy()
    draw = ImageDraw.Draw(out, "RGBA")
    w, h = out.size
    s = h // 14
    x, y = w // 8, h * 3 // 4
    draw.rectangle((x, y, x + 6 * s, y + s), fill=(255, 255, 255, 110))
    draw.text(
        (x + s // 4, y + s // 4), "(c) 2024 photo", fill=(0, 0, 0, 200), font_size=int(s * 0.6)
    )
    return out


def record(tmp_path, name: str, img: Image.Image) -> ImageRecord:
    path = tmp_path / name
    img.save(path, quality=95)
    ref = FileRef(str(path), path.stat().st_size, 0, 0, 0, "JPEG")
    rec = fingerprint_file(ref, HashSettings())
    assert isinstance(rec, ImageRecord)
    return rec


def test_the_check_bytes_end_with_the_four_halves(tmp_path) -> None:
    rec = record(tmp_path, "a.jpg", photo(1))
    assert len(rec.thumb) == CHECK_BYTES and halves.has_halves(rec.thumb)
    assert rec.thumb[THUMB_BYTES:] == halves.half_hashes(Image.open(tmp_path / "a.jpg"))
    assert not halves.has_halves(rec.thumb[:THUMB_BYTES])  # an older version's


def test_a_watermarked_copy_of_a_dark_photo_is_found_by_its_untouched_half(tmp_path) -> None:
    original = record(tmp_path, "night.jpg", dark(6))
    copy = record(tmp_path, "night-marked.jpg", marked(dark(6)))
    # The whole-frame rule turns it down: PDQ past the distance, dHash past the
    # local allowance (the box moves both on a dark picture) ...
    assert (original.hash ^ copy.hash).bit_count() > D
    assert (original.probes[1] ^ copy.probes[1]).bit_count() > confirm.LOCAL_DHASH
    # ... but the top half is untouched and the bottom one not past OTHER_HALF.
    assert halves.half_matches([original.thumb, copy.thumb], np.array([0]), np.array([1]), D)[0]
    groups = group_images([original, copy], D, bits=256, checked=True)
    assert [sorted(g.paths) for g in groups] == [sorted([original.path, copy.path])]
    # At "exact" a shared half is no match: exact means the same picture.
    assert group_images([original, copy], 0, bits=256, checked=True) == []


def test_two_parts_of_one_view_sharing_their_sky_are_not_joined(tmp_path) -> None:
    sky = np.asarray(photo(3))[:240]
    tiles = [
        record(tmp_path, f"tile{k}.jpg", Image.fromarray(np.vstack([sky, land]), "RGB"))
        for k, land in enumerate((np.asarray(photo(21))[240:], np.asarray(photo(22))[240:]))
    ]
    checks = [t.thumb for t in tiles]
    _, words = halves.half_words(checks)
    top, bottom, left, right = np.bitwise_count(words[0] ^ words[1]).sum(axis=1).tolist()
    assert top <= halves.half_limit(D) < halves.OTHER_HALF < bottom  # the sky agrees ...
    assert min(left, right) > halves.half_limit(D)  # ... and no side half does
    assert not halves.half_matches(checks, np.array([0]), np.array([1]), D)[0]
    assert group_images(tiles, D, bits=256, checked=True) == []


def test_records_without_halves_meet_by_the_whole_frame_only() -> None:
    thumb = bytes(THUMB_BYTES)
    a, b = halves.half_candidates([thumb, thumb], None, 1)
    assert len(a) == len(b) == 0
    assert not halves.half_matches([thumb, thumb], np.array([0]), np.array([1]), D).any()


def test_the_halves_search_proposes_pairs_up_to_its_probe_limit() -> None:
    def check(probes: list[int]) -> bytes:
        return bytes(THUMB_BYTES) + b"".join(p.to_bytes(8, "big") + bytes(32) for p in probes)

    base = (1 << 32) - 1  # 32 ones, as a half's probe has
    apart = [base ^ ((1 << k) - 1) << 16 for k in (halves.HALF_PROBE, halves.HALF_PROBE + 1)]
    for far, probe in zip((False, True), apart, strict=True):
        # Only one half close: the others are as far apart as two probes can be.
        a = check([base, base, base, base])
        b = check([probe, ~base & (2**64 - 1), ~base & (2**64 - 1), ~base & (2**64 - 1)])
        found, _ = halves.half_candidates([a, b], None, 1)
        assert len(found) == (0 if far else 1)
