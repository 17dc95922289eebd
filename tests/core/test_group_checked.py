"""The checked (pdq) rule: grouping equals a brute force of probes + PDQ (or a half) +
colour check."""

from __future__ import annotations

import dataclasses
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from photodedup.core import confirm, crops, halves
from photodedup.core import group as grp
from photodedup.core.group import group_images
from photodedup.core.models import CHECK_BYTES, THUMB_BYTES, ImageRecord
from photodedup.core.proposals import ProposalMemo

VIEWS = 5


def flip(h: int, bits: int, rng: random.Random, most: int) -> int:
    for b in rng.sample(range(bits), rng.randint(0, most)):
        h ^= 1 << b
    return h


def greedy_groups(images, identical, dist):
    """The greedy leader rule over a pair rule ``dist``, the slow, obvious way."""
    order = grp.quality_order(images)
    rank = {i: k for k, i in enumerate(order)}
    index = {img.path: i for i, img in enumerate(images)}
    owner = {i: i for i in range(len(images))}
    for paths in identical:
        present = [index[p] for p in paths if p in index]
        roots = {owner[i] for i in present}
        best = min((i for i in range(len(images)) if owner[i] in roots), key=rank.get, default=None)
        for i in range(len(images)):
            if owner[i] in roots:
                owner[i] = best
    twins = {i: sorted((j for j in owner if owner[j] == i and j != i), key=rank.get) for i in owner}

    taken, groups = set(), []
    for i in order:
        if i in taken or owner[i] != i:
            continue
        taken.add(i)
        rows = [(i, 0)]
        for j in order:
            if j in taken or owner[j] != j:
                continue
            k = dist(images[i], images[j])
            if k is not None:
                taken.add(j)
                rows.append((j, k))
        rows = [(t, k) for j, k in rows for t in (j, *twins[j])]
        head, rest = rows[0], sorted(rows[1:], key=lambda r: (r[1], images[r[0]].path))
        members = [(images[j].path, k) for j, k in (head, *rest)]
        if len(members) > 1:
            groups.append(members)
    return sorted(groups, key=lambda g: g[0][0])


def checked_dist(r: ImageRecord, c: ImageRecord, d: int, rotations: bool) -> int | None:
    """The checked pair rule, one view at a time: the distance shown, or None."""
    if confirm.is_flat(r.thumb) or confirm.is_flat(c.thumb):
        q = (r.hash ^ c.hash).bit_count()
        return min(q, d) if confirm.flat_agrees(r.thumb, c.thumb) else None
    best = None
    half_probe, half_dist = half_rule(r, c)
    for k in range(VIEWS if rotations else 1):
        ph = (r.probes[0] ^ c.probes[2 * k]).bit_count()
        dh = (r.probes[1] ^ c.probes[2 * k + 1]).bit_count()
        probed = ph <= confirm.PROBE_PHASH or dh <= confirm.PROBE_DHASH
        by_half = k == 0 and half_probe <= halves.HALF_PROBE
        if not probed and not by_half:
            continue
        q = (r.hash ^ (c.hash if k == 0 else c.variants[k - 1])).bit_count()
        if k > 0 and q > confirm.turned_limit(d):
            continue
        local = dh <= confirm.LOCAL_DHASH and q <= confirm.local_limit(d)
        whole = probed and (q <= d or local)  # a half's probe proposes for the halves only
        if not whole and not (k == 0 and half_dist <= halves.half_limit(d)):
            continue
        if confirm.colour_agrees(r.thumb, c.thumb, k):
            q = min(q, d)
            best = q if best is None else min(best, q)
    return best


def half_rule(r: ImageRecord, c: ImageRecord) -> tuple[int, int]:
    """(least probe distance of one half, least distance of a half whose opposite
    half is within OTHER_HALF), the obvious way; 999 when either has no halves."""
    if not (halves.has_halves(r.thumb) and halves.has_halves(c.thumb)):
        return 999, 999
    size = crops.SLOT_BYTES
    ra, ca = r.thumb[THUMB_BYTES:], c.thumb[THUMB_BYTES:]
    probe, dist = [], []
    for h in range(len(halves.HALVES)):
        x, y = ra[h * size : (h + 1) * size], ca[h * size : (h + 1) * size]
        probe.append((int.from_bytes(x[:8], "big") ^ int.from_bytes(y[:8], "big")).bit_count())
        dist.append((int.from_bytes(x[8:], "big") ^ int.from_bytes(y[8:], "big")).bit_count())
    opposite = [dist[int(o)] for o in halves.OPPOSITE]
    kept = [q for q, o in zip(dist, opposite, strict=True) if o <= halves.OTHER_HALF]
    return min(probe), min(kept, default=999)


def brute_force(images, d, rotations, identical):
    """The greedy leader rule over the checked pair rule."""
    return greedy_groups(images, identical, lambda r, c: checked_dist(r, c, d, rotations))


@st.composite
def scenes(draw):
    """Up to 40 images round a few centres: close or far probes, hashes and thumbnails."""
    rng = random.Random(draw(st.integers(0, 2**32)))
    centres = []
    for _ in range(draw(st.integers(1, 4))):
        tone = rng.randint(0, 255)
        flat = rng.random() < 0.3
        pixels = [tone if flat else rng.randint(0, 255) for _ in range(8 * 8 * 3)]
        parts = [(rng.getrandbits(64), rng.getrandbits(256)) for _ in halves.HALVES]
        centres.append(
            (rng.getrandbits(256), rng.getrandbits(64), rng.getrandbits(64), pixels, parts)
        )
    imgs = []
    for k in range(draw(st.integers(1, 40))):
        q, p, dh, pixels, parts = rng.choice(centres)
        shade = rng.choice([0, 0, 0, 2, 20, -20, 90])
        thumb = bytes(max(0, min(255, v + shade)) for v in pixels)
        thumb += bytes([rng.choice([10, 49, 50, 100])])  # PDQ quality: noise or signal
        if rng.random() < 0.8:  # the halves; a record of an older version has none
            for hp, hq in parts:  # one half kept, one marked: far apart or close
                hq = flip(hq, 256, rng, rng.choice([40, 100]))
                thumb += flip(hp, 64, rng, 14).to_bytes(8, "big") + hq.to_bytes(32, "big")
        probes = []
        for _ in range(VIEWS):
            probes += [flip(p, 64, rng, 14), flip(dh, 64, rng, 12)]
        imgs.append(
            ImageRecord(
                path=f"/photos/p{k:02d}",
                size=rng.choice([1, 2]),
                mtime_ns=rng.choice([0, 1]),
                format="JPEG",
                width=rng.choice([10, 20]),
                height=10,
                hash=flip(q, 256, rng, 60),
                variants=tuple(flip(q, 256, rng, 60) for _ in range(4)),
                digest="x",
                probes=tuple(probes),
                thumb=thumb,
            )
        )
    paths = [img.path for img in imgs]
    identical = [rng.sample(paths, min(len(paths), 2)) for _ in range(rng.randint(0, 2))]
    return imgs, draw(st.integers(0, 100)), identical


@settings(max_examples=60, deadline=None)
@given(scene=scenes(), rotations=st.booleans())
def test_checked_grouping_matches_brute_force(scene, rotations):
    imgs, d, identical = scene
    groups = group_images(imgs, d, bits=256, rotations=rotations, identical=identical, checked=True)
    got = [[(m.image.path, m.distance) for m in g.members] for g in groups]
    assert got == brute_force(imgs, d, rotations, identical)


def test_nothing_or_one_image_to_group_gives_no_group() -> None:
    # A scan whose files were all unreadable groups an empty list.
    for rotations in (False, True):
        assert group_images([], 72, bits=256, rotations=rotations, checked=True) == []
        one = ImageRecord(
            "/p/a", 1, 0, "JPEG", 10, 10, 1, (2, 3, 4, 5), "x",
            probes=tuple(range(10)), thumb=bytes(k % 256 for k in range(CHECK_BYTES)),
        )  # fmt: skip
        assert group_images([one], 72, bits=256, rotations=rotations, checked=True) == []


@settings(max_examples=30, deadline=None)
@given(scene=scenes(), rotations=st.booleans(), again=st.integers(0, 100))
def test_kept_proposals_group_as_a_fresh_search_at_any_distance(scene, rotations, again):
    imgs, d, identical = scene
    memo = ProposalMemo()
    kwargs = {"bits": 256, "rotations": rotations, "identical": identical, "checked": True}
    group_images(imgs, d, memo=memo, **kwargs)
    before = memo.hits
    groups = group_images(imgs, again, memo=memo, **kwargs)
    got = [[(m.image.path, m.distance) for m in g.members] for g in groups]
    assert got == brute_force(imgs, again, rotations, identical)
    assert memo.hits == before + 1  # the kept proposals were used, not searched again


def test_a_changed_probe_searches_again() -> None:
    rng = random.Random(7)
    base = rng.getrandbits(64)
    imgs = [
        ImageRecord(
            f"/p/{k}", 1, k, "JPEG", 10, 10, rng.getrandbits(256), (), "x",
            probes=(base ^ k, base ^ (k << 1)),
            thumb=bytes(rng.randrange(256) for _ in range(CHECK_BYTES)),
        )
        for k in range(6)
    ]  # fmt: skip
    memo = ProposalMemo()
    group_images(imgs, 72, bits=256, checked=True, memo=memo)
    far = dataclasses.replace(imgs[3], probes=(~base & (2**64 - 1), base))
    changed = [*imgs[:3], far, *imgs[4:]]
    groups = group_images(changed, 72, bits=256, checked=True, memo=memo)
    assert memo.hits == 0
    fresh = group_images(changed, 72, bits=256, checked=True)
    assert [g.paths for g in groups] == [g.paths for g in fresh]
    group_images(changed, 40, bits=256, checked=True, memo=memo)
    assert memo.hits == 1


def test_kept_proposals_of_another_layout_are_searched_again() -> None:
    memo = ProposalMemo()
    imgs = _two_copies()
    first = group_images(imgs, 72, bits=256, checked=True, memo=memo)
    kind, (key, _data) = next(iter(memo._last.items()))
    memo._last[kind] = (key, b"not proposals")
    again = group_images(imgs, 72, bits=256, checked=True, memo=memo)
    assert [g.paths for g in again] == [g.paths for g in first] and first
    assert memo.hits == 0


def _two_copies():
    rng = random.Random(3)
    thumb = bytes(rng.randrange(256) for _ in range(CHECK_BYTES))
    q, p = rng.getrandbits(256), rng.getrandbits(64)
    imgs = [
        ImageRecord(f"/p/{k}", 1, k, "JPEG", 10, 10, q ^ k, (), "x", probes=(p, p), thumb=thumb)
        for k in range(2)
    ]
    return imgs


@settings(max_examples=40, deadline=None)
@given(scene=scenes(), seed=st.integers(0, 2**32), rotations=st.booleans())
def test_proposals_kept_for_other_photos_group_as_a_fresh_search(scene, seed, rotations):
    """Photos removed, changed and added since the kept proposals: the same groups."""
    imgs, d, _ = scene
    rng = random.Random(seed)
    memo = ProposalMemo()
    kwargs = {"bits": 256, "rotations": rotations, "checked": True}
    group_images(imgs, d, memo=memo, **kwargs)
    now = [r for r in imgs if rng.random() < 0.8]  # some removed
    for i in rng.sample(range(len(now)), min(len(now), rng.randint(0, 2))):  # some changed
        probes = list(now[i].probes)
        probes[rng.randrange(2)] ^= 1 << rng.randrange(64)
        now[i] = dataclasses.replace(now[i], probes=tuple(probes))
    now += [
        dataclasses.replace(r, path=r.path + "-new") for r in rng.sample(imgs, min(2, len(imgs)))
    ]
    groups = group_images(now, d, memo=memo, **kwargs)
    got = [[(m.image.path, m.distance) for m in g.members] for g in groups]
    assert got == brute_force(now, d, rotations, [])
    if not rotations and len(now) >= 16:  # at most 4 of 16 nodes new: searched alone
        assert memo.updates == 1
    elif rotations:
        assert memo.updates == 0


def test_photos_removed_since_the_kept_proposals_need_no_search() -> None:
    imgs = _two_copies() + [
        dataclasses.replace(r, path=r.path + "x", probes=(r.probes[0] ^ 0xFF, r.probes[1]))
        for r in _two_copies()
    ]
    memo = ProposalMemo()
    first = group_images(imgs, 72, bits=256, checked=True, memo=memo)
    fewer = group_images(imgs[1:], 72, bits=256, checked=True, memo=memo)
    assert memo.updates == 1 and memo.hits == 0
    assert [g.paths for g in fewer] == [
        g.paths for g in group_images(imgs[1:], 72, bits=256, checked=True)
    ]
    assert first and fewer
