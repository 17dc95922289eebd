"""Cropped copies: window hashes on real pixels, and grouping equal to a brute force."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from imagegen import photo
from PIL import Image

from photodedup.core import confirm, crops
from photodedup.core.fingerprint import pdq_with_quality, thumbnail
from photodedup.core.group import group_images
from photodedup.core.models import ImageRecord
from photodedup.core.proposals import ProposalMemo

from .test_group_checked import VIEWS, checked_dist, flip, greedy_groups


def cut(img: Image.Image, left: float, top: float, right: float, bottom: float) -> Image.Image:
    w, h = img.size
    return img.crop(
        (round(w * left), round(h * top), round(w * (1 - right)), round(h * (1 - bottom)))
    )


def best_window(original: Image.Image, copy: Image.Image) -> tuple[int, int]:
    """(probe, hash) distances from the copy's whole slot to the original's nearest window."""
    op, oh = crops.slots(_record(original))
    cp, ch = crops.slots(_record(copy))
    return min(
        ((cp[0] ^ op[k]).bit_count(), (ch[0] ^ oh[k]).bit_count()) for k in range(1, len(op))
    )


def _record(img: Image.Image, path: str = "/p") -> ImageRecord:
    return ImageRecord(
        path,
        1,
        0,
        "JPEG",
        *img.size,
        0,
        (),
        "",
        thumb=thumbnail(img) + bytes([pdq_with_quality(img)[2]]),
        windows=crops.window_hashes(img),
    )


def test_the_layout_is_one_whole_slot_and_one_per_window() -> None:
    windows = crops.window_hashes(photo(1, (320, 240)))
    assert windows.startswith(crops.LAYOUT)
    assert len(windows) == len(crops.LAYOUT) + (1 + len(crops.WINDOWS)) * crops.SLOT_BYTES
    assert crops.has_windows(_record(photo(1, (320, 240))))
    # Every window keeps at least 67.5% of each side: parts of one photo that
    # overlap by half cannot line up with one.
    assert all(min(1 - lft - r, 1 - t - b) > 0.674 for lft, t, r, b in crops.WINDOWS)


@pytest.mark.parametrize(
    "box",
    [(0.15, 0, 0, 0), (0, 0.1, 0.18, 0), (0.08, 0.17, 0.12, 0.06), (0.1, 0.1, 0.1, 0.1)],
    ids=["one side", "corner", "four sides unequal", "four sides equal"],
)
def test_a_cropped_copy_meets_a_window_of_its_original(box) -> None:
    original = photo(7, (800, 600))
    probe, distance = best_window(original, cut(original, *box).resize((500, 380)))
    assert probe <= confirm.PROBE_PHASH
    assert distance <= 80


def test_unrelated_photos_and_half_a_photo_meet_no_window() -> None:
    original = photo(7, (800, 600))
    for other in (photo(8, (800, 600)), cut(original, 0.5, 0, 0, 0)):
        probe, distance = best_window(original, other)
        assert distance > 80 or probe > confirm.PROBE_PHASH


def test_a_crop_has_its_windows_shape_and_a_middle_half_has_not() -> None:
    whole = ImageRecord("/o", 1, 0, "JPEG", 1600, 1200, 0, (), "")
    left_cut = ImageRecord("/c", 1, 0, "JPEG", 1360, 1200, 0, (), "")  # 15% off the left
    middle = ImageRecord("/m", 1, 0, "JPEG", 800, 1200, 0, (), "")  # 25% off left and right
    assert crops.shape_agrees(left_cut, whole, crops.WINDOWS.index((0.125, 0.0, 0.0, 0.0)))
    deepest = crops.WINDOWS.index((0.1625, 0.0, 0.1625, 0.0))
    assert not crops.shape_agrees(middle, whole, deepest)


def _crop_pairs(imgs: list[Image.Image]) -> list[tuple[int, int]]:
    records = [_record(img, f"/p{k}") for k, img in enumerate(imgs)]
    found = crops.crop_pairs(records, list(range(len(records))), 72, None, 1)
    return list(zip(found.a.tolist(), found.b.tolist(), strict=True))


@pytest.mark.parametrize("shift", [0.05, 0.07])
def test_two_overlapping_views_are_no_crop_of_each_other(shift, monkeypatch) -> None:
    # A stereo pair, or two frames of one pan: each is near a one-side window of the
    # other, but neither holds the other, so each is about as near the other's window.
    original = photo(7, (1000, 600))
    views = [cut(original, 0, 0, shift, 0), cut(original, shift, 0, 0, 0)]
    assert _crop_pairs(views) == []
    monkeypatch.setattr(crops, "CROP_GAP", -1000)  # without the way back they meet
    assert _crop_pairs(views) == [(0, 1)]


@pytest.mark.parametrize("box", [(0.12, 0, 0, 0), (0.08, 0.1, 0.05, 0.06)])
def test_a_crop_is_held_by_its_original_one_way_only(box) -> None:
    original = photo(7, (1000, 600))
    copy = cut(original, *box).resize((500, 300))
    assert _crop_pairs([original, copy]) == [(0, 1)]


def test_a_window_thumbnail_is_the_part_of_the_thumbnail_it_covers() -> None:
    thumbs = np.zeros((1, 8, 8, 3), dtype=np.uint8)
    thumbs[0, :, 4:] = 200  # the right half bright
    left_cut = crops.WINDOWS.index((0.125, 0.0, 0.0, 0.0))
    got = np.frombuffer(crops.window_thumbs(thumbs, np.array([left_cut]))[0], np.uint8)
    got = got.reshape(8, 8, 3)[0, :, 0]
    # The window starts one cell in: its 7 cells spread over 8 of 7/8 each, and
    # its fourth cell (3.625 to 4.5) is 0.5 / 0.875 bright.
    assert got.tolist() == [0, 0, 0, 114, 200, 200, 200, 200]


def brute_force(images, d, rotations, identical):
    """The greedy leader over the checked rule or the crop rule, the slow, obvious way."""

    def crop_dist(whole: ImageRecord, cropped_from: ImageRecord) -> int | None:
        if not (crops.has_windows(whole) and crops.has_windows(cropped_from)):
            return None
        wp, wh = crops.slots(whole)
        op, oh = crops.slots(cropped_from)
        # The way back: the original's whole to the copy's nearest window.
        back = min((oh[0] ^ wh[k]).bit_count() for k in range(1, len(wh)))
        best = None
        thumb = np.frombuffer(cropped_from.thumb[:-1], np.uint8).reshape(1, 8, 8, 3)
        for k in range(1, len(op)):
            if (wp[0] ^ op[k]).bit_count() > confirm.PROBE_PHASH:
                continue
            q = (wh[0] ^ oh[k]).bit_count()
            part = crops.window_thumbs(thumb, np.array([k - 1]))[0] + cropped_from.thumb[-1:]
            shaped = crops.shape_agrees(whole, cropped_from, k - 1)
            contained = q + crops.CROP_GAP < back
            if q <= d and shaped and contained and confirm.colour_agrees(whole.thumb, part):
                best = q if best is None else min(best, q)
        return best

    def dist(r: ImageRecord, c: ImageRecord) -> int | None:
        whole = checked_dist(r, c, d, rotations)
        if confirm.is_flat(r.thumb) or confirm.is_flat(c.thumb):
            return whole
        found = [q for q in (whole, crop_dist(r, c), crop_dist(c, r)) if q is not None]
        return min(found, default=None)

    return greedy_groups(images, identical, dist)


def _slot(probe: int, value: int) -> bytes:
    return probe.to_bytes(8, "big") + value.to_bytes(32, "big")


def make_scene(rng: random.Random):
    """Up to 30 images round a few centres, whose windows are near other centres' wholes."""
    centres = []
    for _ in range(rng.randint(1, 4)):
        tone = rng.randint(0, 255)
        kind = rng.random()
        if kind < 0.2:  # near-blank
            pixels = [tone] * (8 * 8 * 3)
        elif kind < 0.6:  # smooth: its windows' thumbnails agree with the whole
            pixels = [max(0, min(255, tone + c // 3 + rng.randint(-6, 6))) for c in range(192)]
        else:
            pixels = [rng.randint(0, 255) for _ in range(192)]
        whole = (rng.getrandbits(64), rng.getrandbits(256))
        centres.append(
            (rng.getrandbits(256), rng.getrandbits(64), rng.getrandbits(64), pixels, whole)
        )
    imgs = []
    for k in range(rng.randint(1, 30)):
        q, p, dh, pixels, whole = rng.choice(centres)
        shade = rng.choice([0, 0, 0, 2, 20, -20, 90])
        thumb = bytes(max(0, min(255, v + shade)) for v in pixels)
        thumb += bytes([rng.choice([10, 50, 100])])  # PDQ quality: noise or signal
        probes = []
        for _ in range(VIEWS):
            probes += [flip(p, 64, rng, 14), flip(dh, 64, rng, 12)]
        slots = [_slot(flip(whole[0], 64, rng, 12), flip(whole[1], 256, rng, 50))]
        for _ in crops.WINDOWS:
            if rng.random() < 0.05:  # a window near some centre's whole: a crop of it
                other = rng.choice(centres)[4]
                slots.append(_slot(flip(other[0], 64, rng, 12), flip(other[1], 256, rng, 50)))
            else:
                slots.append(_slot(rng.getrandbits(64), rng.getrandbits(256)))
        imgs.append(
            ImageRecord(
                path=f"/photos/p{k:02d}",
                size=rng.choice([1, 2]),
                mtime_ns=rng.choice([0, 1]),
                format="JPEG",
                width=rng.choice([10, 12, 20]),
                height=10,
                hash=flip(q, 256, rng, 60),
                variants=tuple(flip(q, 256, rng, 60) for _ in range(4)),
                digest="x",
                probes=tuple(probes),
                thumb=thumb,
                # Some from old caches: none, or another layout.
                windows=rng.choice([crops.LAYOUT, crops.LAYOUT, b"old!"]) + b"".join(slots)
                if rng.random() < 0.9
                else b"",
            )
        )
    paths = [img.path for img in imgs]
    identical = [rng.sample(paths, min(len(paths), 2)) for _ in range(rng.randint(0, 2))]
    return imgs, identical


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32), d=st.integers(0, 70), rotations=st.booleans())
def test_grouping_with_crops_matches_brute_force(seed, d, rotations):
    imgs, identical = make_scene(random.Random(seed))
    groups = group_images(
        imgs, d, bits=256, rotations=rotations, crops=True, identical=identical, checked=True
    )
    got = [[(m.image.path, m.distance) for m in g.members] for g in groups]
    assert got == brute_force(imgs, d, rotations, identical)


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**32), d=st.integers(0, 70), rotations=st.booleans())
def test_kept_window_proposals_group_as_a_fresh_search(seed, d, rotations):
    imgs, identical = make_scene(random.Random(seed))
    memo = ProposalMemo()
    kwargs = {"bits": 256, "rotations": rotations, "crops": True, "checked": True}
    group_images(imgs, 70 - d, identical=identical, memo=memo, **kwargs)
    kinds = set(memo._last)
    groups = group_images(imgs, d, identical=identical, memo=memo, **kwargs)
    got = [[(m.image.path, m.distance) for m in g.members] for g in groups]
    assert got == brute_force(imgs, d, rotations, identical)
    assert memo.hits == len(kinds)  # every search kept is taken again


def test_the_crop_rule_fires_in_such_scenes() -> None:
    # Else the property above would hold for a crop rule that never matches.
    grew = kept = 0
    for seed in range(40):
        imgs, _ = make_scene(random.Random(seed))
        memo = ProposalMemo()
        with_crops = group_images(imgs, 70, bits=256, crops=True, checked=True, memo=memo)
        without = group_images(imgs, 70, bits=256, checked=True)
        grew += sum(len(g.members) for g in with_crops) > sum(len(g.members) for g in without)
        kept += "crops" in memo._last  # and so the window search's kept findings are tested
    assert grew >= 3 and kept >= 20


def test_the_way_back_refuses_pairs_in_such_scenes(monkeypatch) -> None:
    # Else the property above would hold for a crop rule without the way back.
    def members(seed: int) -> int:
        imgs, _ = make_scene(random.Random(seed))
        groups = group_images(imgs, 70, bits=256, crops=True, checked=True)
        return sum(len(g.members) for g in groups)

    strict = [members(seed) for seed in range(40)]
    monkeypatch.setattr(crops, "CROP_GAP", -1000)
    loose = [members(seed) for seed in range(40)]
    assert sum(a < b for a, b in zip(strict, loose, strict=True)) >= 3
