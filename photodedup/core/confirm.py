"""The checked rule of the default (pdq) fingerprint: propose cheaply, confirm strictly.

A pair of images is a match when
1. their 64-bit pHash are within ``PROBE_PHASH`` bits or their 64-bit dHash within
   ``PROBE_DHASH`` (two exact multi-index searches, cheap even for a million
   images), and
2. their PDQ hashes (256 bits) are within the chosen distance, or, when their
   dHash are within ``LOCAL_DHASH`` (a local change: a watermark, a trim), within
   ``local_limit`` of it, and
3. their 8 x 8 colour thumbnails agree (``colour_agrees``): the same tones up to a
   brightness change of about 30% and, unless one of them is grayscale, the same
   colours, leaving out a few cells that differ most (a watermark) but never much
   of what the picture shows. This is what keeps a day photo from its night
   edition and a design from its colour variant, which no grayscale hash can see.
Near-blank pictures (fog, snow, a plain wall: ``is_flat``) are those whose
thumbnail is nearly even *and* whose PDQ hash saw nothing but grain (PDQ's
quality score below ``PDQ_QUALITY``). They carry too little for either check, so
they are compared with each other only, by a stricter rule on the thumbnail:
every channel of every cell within ``FLAT_THUMB`` on average; the distance
counts as the least of the PDQ distance and the chosen one. A picture even in
the thumbnail whose hash did see lines or points (a star field, a dark drawing,
a brick wall) is compared by the rule above, as any picture: its hash is what
tells it from another star field, and from its night edition.

With rotations, the candidate's turned/mirrored variants count too, each with
its own probes, PDQ (within ``turned_limit``) and turned thumbnail; the distance
is the least that passes.
The limits were measured on real photographs (bench/accuracy.py; "Accuracy on
real photographs" in bench/README.md).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from photodedup.core import halves, hamming_index, probe_search
from photodedup.core.fingerprint_rows import hash_rows, probe_rows, thumb_rows
from photodedup.core.models import ImageRecord
from photodedup.core.proposals import ProposalMemo

PROBE_PHASH = 10
PROBE_DHASH = 10
# A local change (a watermark, a caption, an edge trimmed away) moves many PDQ bits
# on a plain picture, since each of PDQ's frequencies spans the whole frame, but few
# dHash bits, which each compare two neighbouring cells. So a pair whose dHash are
# within LOCAL_DHASH may be up to LOCAL_EXTRA (3/8) farther apart by PDQ than the
# chosen distance, never past LOCAL_MAX, where different photos start to meet
# (random hashes are 128 +- 8 apart). It counts as at the chosen distance.
LOCAL_DHASH = 7
LOCAL_EXTRA = 3 / 8
LOCAL_MAX = 112
# A turned or mirrored view must be closer, by TURNED_SHARE of the distance and
# with no local allowance: round subjects on plain ground (a galaxy, a flower seen
# from above) look alike turned, and each of the four views is one more chance to
# meet a different photo. Turned copies are turned pixels: they stay close anyway.
TURNED_SHARE = 7 / 8
# Luminance is compared as log ratios per cell, weighted by how bright the cell is
# (a black cell says little): a common shift up to LUMA_SHIFT (about +-30%
# brightness) and a spread round it up to LUMA_SPREAD (the same tone curve).
LUMA_SHIFT = 0.35
LUMA_SPREAD = 0.25
# Colour: the summed |Cb| + |Cr| difference as a share of the colour there is,
# when both thumbnails have colour (GRAY_CHROMA: mean |Cb| + |Cr|, 0-255 scale).
CHROMA_SHARE = 0.5
GRAY_CHROMA = 1.0  # a grayscale copy has none at all
# A cell's colour may move this much (|Cb| + |Cr|) without counting: what a strong
# JPEG re-save does to a nearly gray picture, where a share of little is noise.
CHROMA_NOISE = 1.0
FLAT_STD = 3.0  # luminance standard deviation of a near-blank thumbnail
FLAT_THUMB = 3.0  # mean |difference| per channel and cell (0-255) two of them may have
# PDQ's quality score below which its hash is mostly noise (its authors' vPDQ
# drops frames under 50 by default). An even thumbnail is near-blank only below it:
# held to the thumbnail alone, a star cluster met a night edition of a drawing
# (whose own quality was 39), and a brick wall, even at 8 x 8, lost its brighter
# copy (bench/README.md).
PDQ_QUALITY = 50
_SIDE = 8
_DROP_CELLS = 10  # a watermark or caption covers a few cells
_DROP_WEIGHT = 0.2  # ... and at most this share of what the thumbnail shows
# Thumbnails or pairs per batch: bounds the float32 temporaries. At 1 << 15 a batch
# took ~50 MB, which a window holding its results added to its peak at every regroup;
# at 1 << 12 it takes ~6 MB for the same CPU time (bench/README.md, the window).
_ROWS = 1 << 12
_SLACK = 1e-6  # the bounds are floats: let rounding never drop a pair the full test keeps


def _turns() -> np.ndarray:
    """Cell permutations: thumbnail turned like the hash variants (identity first)."""
    cells = np.arange(_SIDE * _SIDE).reshape(_SIDE, _SIDE)
    grids = (cells, np.rot90(cells, 1), np.rot90(cells, 2), np.rot90(cells, 3), cells[:, ::-1])
    return np.stack([g.ravel() for g in grids])


TURNS = _turns()


class Thumbs:
    """Luminance and chroma of many thumbnails, for checking pairs in bulk.

    Only the raw pixels and two flags per thumbnail are kept; luminance and chroma
    are worked out for the rows a batch of pairs needs (as float32 for a million
    photos they would take 750 MB).
    """

    def __init__(self, thumbs: Sequence[bytes]) -> None:
        n = len(thumbs)
        data = thumb_rows(thumbs)
        raw = data[:, :-1].reshape(n, _SIDE * _SIDE, 3)
        self.raw = raw
        self.quality = data[:, -1]
        self.colour = np.empty(n, dtype=bool)
        self.flat = np.empty(n, dtype=bool)
        for lo in range(0, n, _ROWS):
            y, cb, cr = self._ycc(np.arange(lo, min(n, lo + _ROWS)))
            self.colour[lo : lo + _ROWS] = (np.abs(cb) + np.abs(cr)).mean(axis=1) > GRAY_CHROMA
            self.flat[lo : lo + _ROWS] = y.std(axis=1) < FLAT_STD
        self.flat &= self.quality < PDQ_QUALITY

    def _ycc(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        rgb = self.raw[rows].astype(np.float32)
        y = rgb @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
        cb = rgb @ np.array([-0.1687, -0.3313, 0.5], dtype=np.float32)
        cr = rgb @ np.array([0.5, -0.4187, -0.0813], dtype=np.float32)
        return y, cb, cr

    def agree(self, a: np.ndarray, b: np.ndarray, turn: np.ndarray) -> np.ndarray:
        """Whether thumbnail a[i] agrees with thumbnail b[i] turned by turn[i]."""
        out = np.empty(len(a), dtype=bool)
        for lo in range(0, len(a), _ROWS):
            part = slice(lo, lo + _ROWS)
            out[part] = self._agree(a[part], b[part], turn[part])
        return out

    def _agree(self, a: np.ndarray, b: np.ndarray, turn: np.ndarray) -> np.ndarray:
        ya, cba, cra = self._ycc(a)
        yb, cbb, crb = self._ycc(b)
        if turn.any():  # without rotations every view is the picture itself
            cells, rows = TURNS[turn], np.arange(len(b))[:, None]
            yb, cbb, crb = yb[rows, cells], cbb[rows, cells], crb[rows, cells]
        weight = np.sqrt(np.maximum(ya, yb)) + 2.0
        total = weight.sum(axis=1)
        ratio = np.log((ya + 8.0) / (yb + 8.0))
        shift = (weight * ratio).sum(axis=1) / total
        # Shift and spread leave out the cells that differ most, a watermark or a
        # caption, but only a few of them and never much of the picture's content:
        # on a dark drawing the few bright cells are the picture.
        kept = _kept(weight * np.abs(ratio - shift[:, None]), weight)
        total = (weight * kept).sum(axis=1)
        shift = (weight * ratio * kept).sum(axis=1) / total
        spread = (weight * np.abs(ratio - shift[:, None]) * kept).sum(axis=1) / total
        ok = (np.abs(shift) <= LUMA_SHIFT) & (spread <= LUMA_SPREAD)
        both = self.colour[a] & self.colour[b]
        diff = np.maximum(np.abs(cba - cbb) + np.abs(cra - crb) - CHROMA_NOISE, 0.0)
        amount = (np.abs(cba) + np.abs(cra) + np.abs(cbb) + np.abs(crb)) / 2
        kept = _kept(diff, amount + 1.0)
        diff = (diff * kept).sum(axis=1)
        amount = (amount * kept).sum(axis=1)
        ok &= ~both | (diff <= CHROMA_SHARE * amount)
        return ok & ~self.flat[a] & ~self.flat[b]

    def flat_pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """Pairs i < j of near-blank thumbnails within FLAT_THUMB of each other."""
        flat = np.flatnonzero(self.flat)
        pixels = self.raw[flat].reshape(len(flat), 3 * _SIDE * _SIDE).astype(np.int16)
        # The mean |difference| over all cells is at least that of the means of any
        # equal parts (here: each channel of each quadrant), and at least that of the
        # overall means. So pairs are first taken only from a window of overall means,
        # then by the quadrant means, and only those left are compared cell by cell.
        parts = self.raw[flat].reshape(len(flat), 2, _SIDE // 2, 2, _SIDE // 2, 3)
        parts = parts.mean(axis=(2, 4), dtype=np.float64).reshape(len(flat), 12)
        by_mean = np.argsort(parts.mean(axis=1), kind="stable")
        level = parts.mean(axis=1)[by_mean]
        reach = np.searchsorted(level, level + FLAT_THUMB + _SLACK, side="right")
        found_a, found_b = [], []
        for i, j in _window_pairs(reach):
            i, j = by_mean[i], by_mean[j]
            near = np.abs(parts[i] - parts[j]).mean(axis=1) <= FLAT_THUMB + _SLACK
            i, j = i[near], j[near]
            near = np.abs(pixels[i] - pixels[j]).mean(axis=1) <= FLAT_THUMB
            i, j = i[near], j[near]
            found_a.append(flat[np.minimum(i, j)])
            found_b.append(flat[np.maximum(i, j)])
        if not found_a:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(found_a), np.concatenate(found_b)


def _window_pairs(reach: np.ndarray):
    """Pairs (i, j), i < j < reach[i], in batches of about _ROWS pairs."""
    count = reach - np.arange(len(reach)) - 1
    ends = np.cumsum(count)
    lo = 0
    while lo < len(reach):
        hi = max(lo + 1, int(np.searchsorted(ends, ends[lo] - count[lo] + _ROWS)))
        rows = np.arange(lo, hi)
        i = np.repeat(rows, count[lo:hi])
        starts = np.cumsum(count[lo:hi]) - count[lo:hi]
        j = np.arange(len(i)) - np.repeat(starts, count[lo:hi]) + i + 1
        if len(i):
            yield i, j
        lo = hi


def turned_limit(d: int) -> int:
    """The PDQ distance a turned or mirrored view may have, for the chosen ``d``."""
    return int(d * TURNED_SHARE)


def local_limit(d: int) -> int:
    """The PDQ distance a pair with a local change may have, for the chosen ``d``."""
    return min(round(d * (1 + LOCAL_EXTRA)), max(d, LOCAL_MAX))


def pdq_passes(dist: np.ndarray, view: np.ndarray, local: np.ndarray, d: int) -> np.ndarray:
    """Mask of the pairs whose PDQ distance passes the checked rule at ``d``.

    ``view`` > 0 marks a turned or mirrored view; ``local`` a pair whose dHashes
    say only part of the picture changed.
    """
    ok = (dist <= d) | (local & (dist <= local_limit(d)))
    return np.where(view > 0, dist <= turned_limit(d), ok)


def passes(dist, view, local, by_half, checks: Sequence[bytes], a, b, d: int) -> np.ndarray:
    """Mask of the pairs (a[i], b[i]) of ``checks`` that pass the checked rule at ``d``,
    thumbnails apart: by PDQ (``pdq_passes``) or, unturned, by a half (``core.halves``).

    ``by_half`` marks a pair only a half proposed. A scan and a check both decide here.
    """
    ok = pdq_passes(dist, view, local, d)
    # Proposed by a half alone, a pair must match by a half: let through to the
    # whole-frame limits, these joined 3 more pairs of different photos at 72 and 353
    # at 88 (bench/README.md).
    ok[by_half] = False
    again = np.flatnonzero(~ok & (view == 0))  # a local mark: one half may still agree
    ok[again] = halves.half_matches(checks, a[again], b[again], d)
    return ok


def _kept(badness: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """Mask of the cells to keep: all but the worst, up to _DROP_CELLS of them
    holding at most _DROP_WEIGHT of the weight in all."""
    order = np.argsort(-badness, axis=1)
    w = np.take_along_axis(weight, order, 1)
    dropped = np.cumsum(w, axis=1) <= _DROP_WEIGHT * weight.sum(axis=1, keepdims=True)
    dropped[:, _DROP_CELLS:] = False
    kept = np.ones_like(dropped)
    np.put_along_axis(kept, order, ~dropped, 1)
    return kept


def colour_agrees(a: bytes, b: bytes, turn: int = 0) -> bool:
    """Whether two thumbnails show the same tones and colours (b turned by ``turn``)."""
    thumbs = Thumbs([a, b])
    return bool(thumbs.agree(np.array([0]), np.array([1]), np.array([turn]))[0])


def flat_agrees(a: bytes, b: bytes) -> bool:
    """Whether two near-blank pictures are the same by the stricter rule."""
    fa, _ = Thumbs([a, b]).flat_pairs()
    return len(fa) == 1


def is_flat(thumb: bytes) -> bool:
    """A near-blank picture: fog, snow, a plain wall (and its hash saw only grain)."""
    return bool(Thumbs([thumb]).flat[0])


def checked_pairs(
    images: Sequence[ImageRecord],
    leaders: Sequence[int],
    hashes: np.ndarray,
    d: int,
    rotations: bool,
    tick,
    workers: int,
    memo: ProposalMemo | None = None,
) -> hamming_index.Pairs:
    """Pairs (a, b) of nodes, a < b, that match by the checked rule, least distance.

    ``memo`` keeps the probe searches' proposals for the next grouping
    (``core.proposals``, ``core.probe_search``).
    """
    views = 5 if rotations else 1
    probes = probe_rows([images[i] for i in leaders])
    checks = [images[i].thumb for i in leaders]
    limits = (PROBE_PHASH, PROBE_DHASH)
    ref, cand, k = probe_search.proposed(probes, checks, views, limits, tick, workers, memo)
    by_half = k < 0
    k = np.maximum(k, 0)
    variants = _variant_hashes(images, leaders, hashes, views)
    dist = _distances(hashes, ref, variants, cand * views + k)
    near = probes[:, 1 : 2 * views : 2].reshape(len(leaders), views)
    local = np.bitwise_count(near[ref, 0] ^ near[cand, k]) <= LOCAL_DHASH
    ok = passes(dist, k, local, by_half, checks, ref, cand, d)
    thumbs = Thumbs(checks)
    ok[ok] &= thumbs.agree(ref[ok], cand[ok], k[ok])
    ref, cand, dist = ref[ok], cand[ok], np.minimum(dist[ok], d)
    fa, fb = thumbs.flat_pairs()
    flat_dist = np.minimum(hamming_index.distances(hashes[fa], hashes[fb]), d)
    ref, cand = np.concatenate([ref, fa]), np.concatenate([cand, fb])
    dist = np.concatenate([dist, flat_dist])
    order = np.lexsort((dist, cand, ref))
    ref, cand, dist = ref[order], cand[order], dist[order]
    first = np.ones(len(ref), dtype=bool)
    first[1:] = (ref[1:] != ref[:-1]) | (cand[1:] != cand[:-1])
    return hamming_index.Pairs(ref[first], cand[first], dist[first])


def _distances(x: np.ndarray, a: np.ndarray, y: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``hamming_index.distances(x[a], y[b])`` a slice of pairs at a time: the rows of
    two million pairs gathered at once took 120 MB, and twice as long."""
    out = np.empty(len(a), dtype=np.int64)
    for lo in range(0, len(a), 1 << 16):
        part = slice(lo, lo + (1 << 16))
        out[part] = hamming_index.distances(x[a[part]], y[b[part]])
    return out


def _variant_hashes(images, leaders, hashes: np.ndarray, views: int) -> np.ndarray:
    if views == 1:
        return hashes
    rows = hash_rows([images[i] for i in leaders], hashes.shape[1] * 64, views)
    return rows.reshape(len(leaders) * views, hashes.shape[1])
