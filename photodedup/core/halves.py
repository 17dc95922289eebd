"""Hashes of each half of the frame: what finds a copy with a local mark on it.

A watermark, a caption or a logo in one part of a dark picture moves every
whole-frame hash (PDQ by 62-118 of 256 bits on the real-photo corpus), since
each of their frequencies spans the whole frame. A hash of the half it leaves
untouched does not move. So each picture of the checked fingerprint also
carries a 64-bit probe and a 256-bit PDQ-like hash of its top, bottom, left and
right halves (``part_hash.part_hashes``, the crop windows' method), stored after
the thumbnail in its check bytes (``models.CHECK_BYTES``).

The halves' probes propose pairs too (``half_candidates``, four more exact
multi-index searches beside the whole frame's pHash and dHash), which may then
match by a half only. A pair the whole hashes reject (unturned), or that only a
half proposed, matches when one half of each is within
``half_limit`` of the chosen distance and the opposite half, where the mark
may be, within ``OTHER_HALF``: two tiles of one panorama share their sky half,
never the land below it. The colour thumbnails must agree as for any pair, and
the pair counts as at the chosen distance.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PIL import Image

from photodedup.core import hamming_index
from photodedup.core.fingerprint_rows import check_slices
from photodedup.core.models import CHECK_BYTES, THUMB_BYTES
from photodedup.core.part_hash import SLOT_BYTES, part_hashes

# Left, top, right, bottom cut away, as shares of the side: what is left is the
# top, bottom, left and right half.
HALVES = ((0.0, 0.0, 0.0, 0.5), (0.0, 0.5, 0.0, 0.0), (0.0, 0.0, 0.5, 0.0), (0.5, 0.0, 0.0, 0.0))
OPPOSITE = np.array([1, 0, 3, 2])
HALF_BYTES = len(HALVES) * SLOT_BYTES
assert CHECK_BYTES == THUMB_BYTES + HALF_BYTES
# The kept half is held to HALF_SHARE of the chosen distance (50 bits at "similar"),
# the opposite half, where a mark may be, to OTHER_HALF (random hashes are 128 +- 8
# apart). On the real-photo corpus at similar (bench/README.md): the other half
# within 90 found 97.1% of watermarked copies, within 100 98.3% with no more pairs
# of different photos joined than without halves (5); 110 grouped a hard-negative
# pair (parts of one photo), 120 52 of them (measured with the kept half within
# 0.75 of the distance, and pairs a half proposed also let through by the whole).
OTHER_HALF = 100
HALF_SHARE = 0.7
# Never past what "similar" allows: at 80 and 88 ("loose") a kept half within 0.7 of
# the distance grouped 129 and 387 hard-negative pairs, within 50 bits 1 and 259, as
# many as without halves (bench/README.md).
HALF_MAX = 50
# The probe limit of the halves' own search. It only has to propose what the whole
# frame's probes miss, a copy with a mark on one half: on the real-photo corpus the
# kept half's probe of the marked copies they missed was 0-4 bits from their group's
# reference (0 from their original), of two copies cropped by one side 2 and 8, and
# every pair the default grouped was proposed at 8 as at 10 (bench/README.md, "The
# probe searches' radii"). 8 leaves 4 bits above the marked copies. A half's probe, like pHash's,
# sets the bits above its median, 32 of 64 unless values tie, so distances are even:
# 9 would find what 8 does, at more cost.
HALF_PROBE = 8
HALF_SEARCH = True  # without this search (halves only as a second check): 95.8%
_PAIRS = 1 << 16  # pairs checked at a time: bounds the temporaries (a few MB)


def half_hashes(img: Image.Image) -> bytes:
    """Probe and hash of the top, bottom, left and right half of ``img`` (HALF_BYTES)."""
    return part_hashes(img, HALVES)


def half_words(thumbs: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """(n, 4) probes and (n, 4, 4) 256-bit hashes of the halves, as uint64 words.

    A check value without halves (too short) gives all-zero words, which the
    caller must leave out (``has_halves``).
    """
    n = len(thumbs)
    words = np.empty((n, len(HALVES), 5), dtype=np.uint64)
    for lo, part, rows in check_slices(thumbs):
        if rows is not None and rows.shape[1] == CHECK_BYTES:
            raw = rows[:, THUMB_BYTES:].view(">u8")
        else:
            raw = np.frombuffer(b"".join([_halves_of(t) for t in part]), dtype=">u8")
        words[lo : lo + len(part)] = raw.reshape(len(part), len(HALVES), 5)
    return np.ascontiguousarray(words[:, :, 0]), np.ascontiguousarray(words[:, :, 1:])


def has_halves(thumb: bytes) -> bool:
    return len(thumb) == CHECK_BYTES


def _all_have_halves(thumbs: Sequence[bytes]) -> bool:
    return set(map(len, thumbs)) == {CHECK_BYTES}


def _halves_of(thumb: bytes) -> bytes:
    part = thumb[THUMB_BYTES:]
    return part if len(part) == HALF_BYTES else bytes(HALF_BYTES)


def half_distance(hashes: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """For pairs (a[i], b[i]): the least distance of a half whose opposite half is
    within OTHER_HALF; 257 where no half qualifies."""
    dist = np.bitwise_count(hashes[a] ^ hashes[b]).sum(axis=2, dtype=np.int64)  # (m, 4)
    other = dist[:, OPPOSITE]
    dist = np.where(other <= OTHER_HALF, dist, 257)
    return dist.min(axis=1) if len(dist) else np.zeros(0, dtype=np.int64)


def half_limit(d: int) -> int:
    """The distance a kept half may have, for the chosen ``d``; -1 (none) at 0, where
    a match means the same picture, not one with a mark on it."""
    return min(int(d * HALF_SHARE), HALF_MAX) if d > 0 else -1


def probes_of(checks: Sequence[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """The (n, 4) probes of the halves of ``checks``, and which of them have halves."""
    probes, _ = half_words(list(checks))
    return probes, np.array([has_halves(t) for t in checks], dtype=bool)


def rows_probes(halves: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``probes_of`` (n, HALF_BYTES) uint8 rows (an index's column, all zero where a
    row has no halves), without making a bytes object per row."""
    words = halves.view(">u8").astype(np.uint64).reshape(len(halves), len(HALVES), 5)
    return np.ascontiguousarray(words[:, :, 0]), halves.any(axis=1)


def half_candidates(
    checks: Sequence[bytes],
    tick,
    workers: int,
    split: int | None = None,
    probes: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (a, b), a < b, of which some half's probes are within HALF_PROBE bits.

    With ``split`` only pairs with a < ``split`` <= b (a library against queries).
    ``probes`` (``probes_of`` ``checks``, found another way) saves reading them
    from the bytes.
    """
    words, has = probes if probes is not None else probes_of(checks)
    usable = np.flatnonzero(has)
    found_a, found_b = [], []
    for h in range(len(HALVES)):
        base = np.ascontiguousarray(words[usable, h : h + 1])
        if split is None:
            pairs = hamming_index.self_pairs(base, HALF_PROBE, tick, workers)
        else:
            cut = int(np.searchsorted(usable, split))
            pairs = hamming_index.cross_pairs(base[:cut], base[cut:], HALF_PROBE, tick, workers)
            pairs = hamming_index.Pairs(pairs.a, pairs.b + cut, pairs.dist)
        found_a.append(usable[np.minimum(pairs.a, pairs.b)])
        found_b.append(usable[np.maximum(pairs.a, pairs.b)])
    a, b = np.concatenate(found_a), np.concatenate(found_b)
    return a[a != b], b[a != b]


def half_matches(checks: Sequence[bytes], a: np.ndarray, b: np.ndarray, d: int) -> np.ndarray:
    """Whether pairs (a[i], b[i]) meet by a half (the module docstring); thumbnails apart."""
    limit = half_limit(d)
    out = np.zeros(len(a), dtype=bool)
    if not len(a) or limit < 0:
        return out
    asked = np.zeros(len(checks), dtype=bool)
    asked[a] = asked[b] = True
    rows = np.flatnonzero(asked)  # each once, ascending, without sorting the pairs
    where = np.empty(len(checks), dtype=np.int64)
    where[rows] = np.arange(len(rows))
    ia, ib = where[a], where[b]
    picked = [checks[i] for i in rows.tolist()]
    _, hashes = half_words(picked)
    if _all_have_halves(picked):
        usable = np.ones(len(rows), dtype=bool)
    else:
        usable = np.array([has_halves(t) for t in picked], dtype=bool)
    # A half is never closer than its first two words are: on those alone nearly all
    # the pairs a regroup asks about (1.9 million at 100,000 photos, nearly all of
    # different photos) are ruled out, and the rest are measured in full.
    first, second = np.ascontiguousarray(hashes[:, :, 0]), np.ascontiguousarray(hashes[:, :, 1])
    for lo in range(0, len(a), _PAIRS):
        pa, pb = ia[lo : lo + _PAIRS], ib[lo : lo + _PAIRS]
        near = np.bitwise_count(first[pa] ^ first[pb])  # at most 64 + 64: uint8 holds it
        near += np.bitwise_count(second[pa] ^ second[pb])
        maybe = np.flatnonzero((near.min(axis=1) <= limit) & usable[pa] & usable[pb])
        out[lo + maybe] = half_distance(hashes, pa[maybe], pb[maybe]) <= limit
    return out
