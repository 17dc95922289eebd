"""The grouping rule: members within the distance of their reference, greedy, best first."""

from __future__ import annotations

import random
import threading

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from photodedup.core import group as grp
from photodedup.core.group import group_images
from photodedup.core.models import ImageRecord
from photodedup.core.presets import DEFAULT_PRESET, PRESETS, preset_distance
from photodedup.core.progress import Cancelled

ROOT = "/photos"


def rec(name, h, *, variants=(), px=100, size=1000, mtime=0, root=ROOT):
    return ImageRecord(
        path=f"{root}/{name}",
        size=size,
        mtime_ns=mtime,
        format="JPEG",
        width=px,
        height=px,
        hash=h,
        variants=tuple(variants),
        digest="x",
    )


def shape(groups):
    return [[(m.image.path, m.distance, m.in_reference_folder) for m in g.members] for g in groups]


def names(groups):
    return [[p.rsplit("/", 1)[1] for p in g.paths] for g in groups]


# A hash with half its bits set: far from blank at any width.
BASE = int("10" * 32, 2)


def flip(h, *bits):
    for b in bits:
        h ^= 1 << b
    return h


def brute_force(images, d, bits, rotations=False, identical=(), ignore_blank=True, refs=()):
    """The greedy leader rule written the slow, obvious way."""
    order = grp.quality_order(images)
    rank = {i: k for k, i in enumerate(order)}
    index = {img.path: i for i, img in enumerate(images)}
    owner = {i: i for i in range(len(images))}
    for paths in identical:  # union of overlapping sets, best image represents
        present = [index[p] for p in paths if p in index]
        roots = {owner[i] for i in present}
        best = min((i for i in range(len(images)) if owner[i] in roots), key=rank.get, default=None)
        for i in range(len(images)):
            if owner[i] in roots:
                owner[i] = best
    twins = {i: sorted((j for j in owner if owner[j] == i and j != i), key=rank.get) for i in owner}

    def blank(h):
        return ignore_blank and grp.is_blank(h, bits)

    def dist(r, c):
        entries = {c.hash}
        if rotations:
            entries |= {v for v in c.variants if not blank(v)}
        return min((r.hash ^ e).bit_count() for e in entries)

    taken, groups = set(), []
    for i in order:
        if i in taken or owner[i] != i:
            continue
        taken.add(i)
        rows = [(i, 0)]
        if not blank(images[i].hash):
            for j in order:
                if j in taken or owner[j] != j or blank(images[j].hash):
                    continue
                k = dist(images[i], images[j])
                if k <= d:
                    taken.add(j)
                    rows.append((j, k))
        rows = [(t, k) for j, k in rows for t in (j, *twins[j])]
        head, rest = rows[0], sorted(rows[1:], key=lambda r: (r[1], images[r[0]].path))
        members = [
            (images[j].path, k, grp.in_folder(images[j].path, refs)) for j, k in (head, *rest)
        ]
        if len(members) > 1 and not all(m[2] for m in members):
            groups.append(members)
    return sorted(groups, key=lambda g: g[0][0])


def test_presets_are_ordered_and_exact_is_zero():
    assert list(PRESETS) == ["exact", "very-similar", "similar", "loose"]
    assert DEFAULT_PRESET == "similar"
    for bits in (64, 256):
        ds = [preset_distance(p, bits) for p in PRESETS]
        assert ds[0] == 0 and ds == sorted(ds) and len(set(ds)) == 4
    assert preset_distance("similar", 256) > preset_distance("similar", 64)
    with pytest.raises(ValueError, match="unknown preset"):
        preset_distance("nearly", 64)


def test_no_chaining_beyond_the_distance():
    a = rec("a", BASE, px=300)
    b = rec("b", flip(BASE, 0, 1, 2), px=200)
    c = rec("c", flip(BASE, 0, 1, 2, 3, 4, 5), px=100)  # 3 from b, 6 from a
    groups = group_images([c, b, a], 4)
    assert shape(groups) == [[(a.path, 0, False), (b.path, 3, False)]]


def test_reference_is_the_best_image_and_members_sorted_by_distance_then_path():
    big = rec("z-big", BASE, px=400)
    near2 = rec("b", flip(BASE, 1, 2), px=100)
    near1 = rec("c", flip(BASE, 7))
    same = rec("a", BASE, px=50)
    groups = group_images([near2, same, near1, big], 5)
    assert names(groups) == [["z-big", "a", "c", "b"]]
    assert [m.distance for m in groups[0].members] == [0, 0, 1, 2]


def test_quality_ties_break_by_size_then_oldest_then_path():
    imgs = [
        rec("d", BASE, size=10, mtime=5),
        rec("c", BASE, size=10, mtime=1),
        rec("b", BASE, size=10, mtime=1),
        rec("e", BASE, size=20, mtime=9),
    ]
    assert [imgs[i].path[-1] for i in grp.quality_order(imgs)] == ["e", "b", "c", "d"]
    assert names(group_images(imgs, 0)) == [["e", "b", "c", "d"]]


def test_singletons_dropped_and_groups_sorted_by_reference_path():
    far = int("1100" * 16, 2)
    imgs = [
        rec("y1", far),
        rec("y2", flip(far, 3)),
        rec("x1", BASE),
        rec("x2", BASE),
        rec("lone", BASE ^ ((1 << 64) - 1) >> 1),
    ]
    assert names(group_images(imgs, 2)) == [["x1", "x2"], ["y1", "y2"]]


def test_exact_distance_zero_groups_only_equal_hashes():
    imgs = [rec("a", BASE), rec("b", BASE), rec("c", flip(BASE, 9))]
    assert names(group_images(imgs, 0)) == [["a", "b"]]


def test_identical_files_stay_together_whatever_their_pixels():
    a = rec("a", BASE, px=300)
    b = rec("b", flip(BASE, 1), px=200)
    twin = rec("twin-of-b", int("0110" * 16, 2), px=10)  # hash far off: a bad decode
    loner = rec("loner", int("1110" * 16, 2))
    loner_twin = rec("loner-twin", 0)
    groups = group_images(
        [a, b, twin, loner, loner_twin],
        3,
        identical=[[b.path, twin.path], [loner.path, loner_twin.path, "/gone/file"]],
    )
    assert shape(groups) == [
        [(a.path, 0, False), (b.path, 1, False), (twin.path, 1, False)],
        [(loner.path, 0, False), (loner_twin.path, 0, False)],
    ]


def test_blank_images_group_with_nothing_but_their_byte_twins():
    ones = (1 << 64) - 1
    imgs = [
        rec("flat1", 0),
        rec("flat2", 0),
        rec("white", ones),
        rec("nearly-flat", 1 << 5 | 1 << 9),
        rec("flat-copy", 0, px=10),
    ]
    assert group_images(imgs, 10) == []
    groups = group_images(imgs, 10, identical=[["/photos/flat1", "/photos/flat-copy"]])
    assert names(groups) == [["flat1", "flat-copy"]]
    assert names(group_images(imgs, 0, ignore_blank=False)) == [["flat1", "flat-copy", "flat2"]]


def test_blank_is_a_sixteenth_of_the_bits():
    assert grp.is_blank(0, 64) and grp.is_blank((1 << 64) - 1, 64)
    assert grp.is_blank(0b1111, 64) and not grp.is_blank(0b11111, 64)
    assert grp.is_blank((1 << 256) - 1 - 0xFFFF, 256) and not grp.is_blank(BASE, 64)


def test_reference_folders_match_whole_components(tmp_path):
    keep = str(tmp_path / "a" / "b")
    inside = rec("x", BASE, root=keep)
    sibling = rec("y", flip(BASE, 1), root=str(tmp_path / "a" / "bc"))
    deep = rec("z", flip(BASE, 2, 3), root=keep + "/sub", px=10)
    groups = group_images([inside, sibling, deep], 3, reference_dirs=[keep + "/"])
    assert [m.in_reference_folder for m in groups[0].members] == [True, False, True]
    assert group_images([inside, deep], 3, reference_dirs=[keep]) == []
    assert grp.in_folder(keep, [keep]) and not grp.in_folder(str(tmp_path / "a"), [keep])


def test_reference_folders_reached_through_a_symbolic_link_still_count(tmp_path):
    # ~/Pictures is often a link to another drive: given one way as a folder to
    # scan and the other way as a reference folder, its files must stay protected.
    (tmp_path / "real").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "link").symlink_to("real")
    best = rec("best", BASE, px=200, root=str(tmp_path / "other"))
    for scanned_as, reference in (("real", "link"), ("link", "real")):
        copy = rec("copy", flip(BASE, 1), root=str(tmp_path / scanned_as))
        groups = group_images([best, copy], 3, reference_dirs=[str(tmp_path / reference)])
        assert shape(groups) == [[(best.path, 0, False), (copy.path, 1, True)]]
        assert grp.in_folder(copy.path, [str(tmp_path / reference)])
    assert not grp.in_folder(best.path, [str(tmp_path / "link")])


def test_rotations_use_the_candidates_variants():
    a = rec("a", BASE, px=200)
    turned_hash = int("1100" * 16, 2)
    turned = rec("turned", turned_hash, variants=(flip(BASE, 3), 0, 0, 0))
    assert group_images([a, turned], 4) == []
    groups = group_images([a, turned], 4, rotations=True)
    assert shape(groups) == [[(a.path, 0, False), (turned.path, 1, False)]]
    # A blank variant is never used: it would match every near-blank picture.
    low = rec("low", (1 << 20) - 1)
    assert group_images([low, rec("v", BASE, variants=(0,))], 20, rotations=True) == []


def test_256_bit_hashes():
    base = int("1001" * 64, 2)
    imgs = [
        rec("a", base, px=200),
        rec("b", flip(base, 0, 100, 255)),
        rec("c", flip(base, *range(30))),
    ]
    groups = group_images(imgs, preset_distance("similar", 256), bits=256)
    assert shape(groups) == [[(imgs[0].path, 0, False), (imgs[1].path, 3, False)]]
    assert shape(groups) == brute_force(imgs, preset_distance("similar", 256), 256)


def test_progress_reaches_the_total_and_cancel_raises():
    imgs = [rec(f"i{k}", flip(BASE, k % 60, (k * 7) % 64)) for k in range(300)]
    seen = []
    group_images(imgs, 6, progress=seen.append)
    assert seen and all(p.phase == "group" for p in seen)
    assert seen[-1].done == seen[-1].total
    stop = threading.Event()
    stop.set()
    with pytest.raises(Cancelled):
        group_images(imgs, 6, cancel=stop)


def test_bad_distance_and_too_wide_hash_are_errors():
    with pytest.raises(ValueError):
        group_images([rec("a", BASE)], -1)
    with pytest.raises(ValueError, match="bits"):
        group_images([rec("a", BASE << 8), rec("b", BASE << 8)], 3)


@st.composite
def scenes(draw):
    """Up to 60 images whose hashes cluster round a few centres, some blank, with ties."""
    bits = draw(st.sampled_from([16, 24, 32, 48, 64]))
    n = draw(st.integers(1, 60))
    rng = random.Random(draw(st.integers(0, 2**32)))
    centres = [rng.getrandbits(bits) for _ in range(draw(st.integers(1, 5)))]

    def near():
        return flip(rng.choice(centres), *rng.sample(range(bits), rng.randint(0, bits // 8)))

    imgs = []
    for k in range(n):
        h = near() if rng.random() > 0.1 else rng.choice([0, 2**bits - 1])
        variants = tuple(near() for _ in range(4))
        px, size, mtime = rng.choice([10, 20, 30]), rng.choice([1, 2]), rng.choice([0, 1])
        imgs.append(rec(f"p{k:02d}", h, variants=variants, px=px, size=size, mtime=mtime))
    paths = [img.path for img in imgs]
    identical = [rng.sample(paths, min(n, rng.randint(2, 4))) for _ in range(rng.randint(0, 3))]
    return imgs, bits, draw(st.integers(0, bits // 3)), identical


@settings(max_examples=100, deadline=None)
@given(scene=scenes(), rotations=st.booleans(), ignore_blank=st.booleans())
def test_greedy_rule_matches_brute_force(scene, rotations, ignore_blank):
    imgs, bits, d, identical = scene
    groups = group_images(
        imgs, d, bits=bits, rotations=rotations, identical=identical, ignore_blank=ignore_blank
    )
    seen = set()
    twin_paths = {p for s in identical for p in s}
    for g in groups:
        ref = g.reference
        for m in g.members:
            assert m.image.path not in seen, "an image is in two groups"
            seen.add(m.image.path)
            entries = [m.image.hash, *(m.image.variants if rotations else ())]
            if m.image.path not in twin_paths:
                assert min((ref.hash ^ e).bit_count() for e in entries) <= d
                assert m.distance <= d
    want = brute_force(imgs, d, bits, rotations, identical, ignore_blank)
    assert shape(groups) == want


def test_same_rows_finds_exactly_the_equal_rows():
    # Rows are matched through a 64-bit mix, then compared in full: equal rows
    # must share a key and unequal ones never, as np.unique over whole rows says.
    rng = np.random.default_rng(5)
    words = rng.integers(0, 3, (3000, 2)).astype(np.uint64)
    thumbs = rng.integers(0, 2, (3000, 20)).astype(np.uint8)
    first, key = grp._same_rows([words, thumbs], 3000)
    rows = np.hstack([words, thumbs.astype(np.uint64)])
    _, want_first, want_key = np.unique(rows, axis=0, return_index=True, return_inverse=True)
    assert sorted(first.tolist()) == sorted(want_first.tolist())
    # The same partition: key k's rows are exactly those of one np.unique key.
    pairs = set(zip(key.tolist(), want_key.reshape(-1).tolist(), strict=True))
    assert len(pairs) == len(first) == len(want_first)
    # And each key's first row is the earliest row that has it.
    assert all(first[k] <= i and key[first[k]] == k for i, k in enumerate(key.tolist()))
