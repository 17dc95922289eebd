"""Cropped copies: hashes of sub-windows of each picture, met by other pictures' whole hash.

No whole-image hash survives a real crop: PDQ's own documentation says it is not
built for it, and on real photographs moving one edge by 4% of the width already
costs about 60 of its 256 bits (bench/README.md). So each picture also carries the
hashes of ``WINDOWS``: itself cut by 7.5-17.5% from one side, two opposite or two
adjacent sides, or all four, the shapes a copy cut by up to 20% takes. A copy
cut from picture A is then near one of A's windows, and matches it by the steps
of the checked rule (``confirm``) and one more: the 64-bit probes are within
``CROP_PROBE``, the 256-bit hashes within the chosen distance, the copy's colour
thumbnail agrees with the part of A's thumbnail the window covers, the copy
has the window's shape (``CROP_ASPECT``), and A's whole is far from every window
of the copy (``CROP_GAP``: a crop is held one way only).

The windows are stored on the side of the picture that was cut *from*, and met
by the whole hash of the other: a search of n whole hashes against n x W window
hashes, so the cost grows with W and never with W squared (matching windows
against windows would also let two neighbouring parts of one photo meet through
their shared middle). Windows keep at least 67.5% of a side, so two parts of one
photo that overlap by half cannot line up with any window of each other.

The window hashes are PDQ-like but our own (``window_hashes``): one numpy pass
gives all of them from a 128-pixel working image, where pdqhash would take a few
milliseconds per window; the whole picture is hashed the same way (slot 0), so
both sides of a comparison come from one method.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Sequence

import numpy as np
from PIL import Image

from photodedup.core import confirm, hamming_index, proposals
from photodedup.core.fingerprint_rows import thumb_rows
from photodedup.core.models import ImageRecord
from photodedup.core.part_hash import SLOT_BYTES, Cut, part_hashes
from photodedup.core.proposals import Kept, ProposalMemo

_TWO_DEPTHS = (0.0875, 0.1625)
_NO_ROWS = np.zeros((0, 0), dtype=np.uint64)  # a crops entry is taken for the same probes only


def _windows() -> tuple[Cut, ...]:
    """One side at three depths; two or four sides at two depths each.

    The depths split 5-20% evenly (three: 7.5, 12.5, 17.5%; two: 8.75 and 16.25%),
    so no cut in that range is more than 2.5% (one side) or 3.75% from a window:
    about as far as the hashes bear (bench/README.md, "Cropped copies").
    """
    out: list[Cut] = []
    for side in range(4):
        for depth in (0.075, 0.125, 0.175):
            cut = [0.0] * 4
            cut[side] = depth
            out.append((cut[0], cut[1], cut[2], cut[3]))
    pairs = ((0, 2), (1, 3), (0, 1), (1, 2), (2, 3), (3, 0))  # opposite, then corners
    for a, b in pairs:
        for da, db in itertools.product(_TWO_DEPTHS, repeat=2):
            cut = [0.0] * 4
            cut[a], cut[b] = da, db
            out.append((cut[0], cut[1], cut[2], cut[3]))
    for cut4 in itertools.product(_TWO_DEPTHS, repeat=4):
        out.append(cut4)
    return tuple(out)


WINDOWS = _windows()
# First bytes of every windows value: which layout (windows, hash method) made it.
# A new layout gets a new tag, so the cache never reads old windows as new ones.
LAYOUT = b"CW2\x00"
# The shape of a cropped copy is the shape of its window: width over height within
# e^0.2 (about 22%) of it, where the nearest window of a real crop is a few percent
# off at most (up to 20% for uneven four-sided cuts). This keeps out what the hashes
# alone let in: a middle half of a smooth wallpaper near the 67.5% window of the
# whole (bench/README.md, "Cropped copies").
CROP_ASPECT = 0.2
# The probe limit of the window search: pHash's own. At 8 bits the corpus groups in
# 8 s instead of 14 but finds 63% of four-sided cuts instead of 71% (bench/README.md).
CROP_PROBE = confirm.PROBE_PHASH
# A crop is contained in its original, never the other way round: the copy's whole
# meets a window of the original, while the original's whole stays far from every
# window of the copy. Two views that only overlap (a stereo pair, neighbouring parts
# of a panorama) and round subjects on black (galaxies) meet both ways about as
# closely, so the way in must be more than CROP_GAP bits nearer than the way back
# (bench/README.md, "Cropped copies").
CROP_GAP = 20
_THUMB = 8  # the side of the colour thumbnail (fingerprint.THUMB_SIDE)


_SLOTS = ((0.0, 0.0, 0.0, 0.0), *WINDOWS)


def window_hashes(img: Image.Image) -> bytes:
    """The probe and 256-bit hash of ``img`` whole (slot 0), then of each of ``WINDOWS``."""
    return LAYOUT + part_hashes(img, _SLOTS)


def slots(record: ImageRecord) -> tuple[list[int], list[int]]:
    """(probes, hashes) of a record's slots as ints: the whole first, then each window."""
    data = record.windows[len(LAYOUT) :]
    probes, hashes = [], []
    for k in range(0, len(data), SLOT_BYTES):
        probes.append(int.from_bytes(data[k : k + 8], "big"))
        hashes.append(int.from_bytes(data[k + 8 : k + SLOT_BYTES], "big"))
    return probes, hashes


def has_windows(record: ImageRecord) -> bool:
    """Whether the record carries windows of this version's layout."""
    data = record.windows
    return data.startswith(LAYOUT) and len(data) == len(LAYOUT) + (1 + len(WINDOWS)) * SLOT_BYTES


def _shape_ratios() -> np.ndarray:
    """Each window's width over height, as a share of its picture's."""
    cuts = np.array(WINDOWS)
    return (1 - cuts[:, 0] - cuts[:, 2]) / (1 - cuts[:, 1] - cuts[:, 3])


_SHAPES = _shape_ratios()


def _aspect(record: ImageRecord) -> float:
    return max(1, record.width) / max(1, record.height)


def shape_agrees(whole: ImageRecord, cropped_from: ImageRecord, window: int) -> bool:
    """Whether ``whole`` has the shape of window ``window`` of ``cropped_from``."""
    ratio = _aspect(whole) / (_aspect(cropped_from) * _SHAPES[window])
    return bool(abs(np.log(ratio)) <= CROP_ASPECT)


def _resample_matrices() -> np.ndarray:
    """(windows, 2, 8, 8): how each cell of a window's thumbnail takes the thumbnail's
    cells, for its rows and its columns (area weights)."""
    out = np.zeros((len(WINDOWS), 2, _THUMB, _THUMB), dtype=np.float32)
    cells = np.arange(_THUMB)
    for k, (lft, t, r, b) in enumerate(WINDOWS):
        for axis, (lo, hi) in enumerate(((t, 1 - b), (lft, 1 - r))):
            edges = (lo + (hi - lo) * np.arange(_THUMB + 1) / _THUMB) * _THUMB
            overlap = np.minimum(edges[1:, None], cells + 1) - np.maximum(edges[:-1, None], cells)
            out[k, axis] = np.clip(overlap, 0, None) / (hi - lo)
    return out


_RESAMPLE = _resample_matrices()


def window_thumbs(thumbs: np.ndarray, window: np.ndarray) -> list[bytes]:
    """The part of each (8, 8, 3) thumbnail that window[i] covers, as a thumbnail of its own.

    Drawn from the stored 8 x 8 thumbnail by area weights: near enough to the
    window's own thumbnail for the colour check, at no storage.
    """
    rows, cols = _RESAMPLE[window, 0], _RESAMPLE[window, 1]
    n = len(thumbs)
    # Rows, then columns, as two batched products (one three-way einsum is far slower).
    tall = rows @ thumbs.astype(np.float32).reshape(n, _THUMB, _THUMB * 3)
    tall = tall.reshape(n, _THUMB, _THUMB, 3).transpose(0, 1, 3, 2)  # (n, j, c, k)
    out = (tall @ cols.transpose(0, 2, 1)[:, None]).transpose(0, 1, 3, 2)  # (n, j, l, c)
    pixels = np.clip(np.rint(out), 0, 255).astype(np.uint8)
    return [p.tobytes() for p in pixels]


def crop_pairs(
    images: Sequence[ImageRecord],
    leaders: Sequence[int],
    d: int,
    tick,
    workers: int,
    memo: ProposalMemo | None = None,
) -> hamming_index.Pairs:
    """Pairs (a, b) of nodes, a < b, where one is a cropped copy of the other, least distance.

    A pair counts when the whole hash of one meets a window of the other (either
    way round) by the three steps in the module docstring, and has that window's
    shape (``shape_agrees``). Near-blank pictures and records without windows
    take no part. ``memo`` keeps what the probe search found for the next
    grouping of the same nodes (``core.proposals``; the same probes only).
    """
    n_win = len(WINDOWS)
    usable = [node for node, i in enumerate(leaders) if has_windows(images[i]) and images[i].thumb]
    empty = np.zeros(0, dtype=np.int64)
    if len(usable) < 2:
        return hamming_index.Pairs(empty, empty.copy(), empty.copy())
    flat = confirm.Thumbs([images[leaders[n]].thumb for n in usable]).flat
    usable = [n for n, is_flat in zip(usable, flat.tolist(), strict=True) if not is_flat]
    if len(usable) < 2:
        return hamming_index.Pairs(empty, empty.copy(), empty.copy())
    node_of = np.asarray(usable, dtype=np.int64)
    head = len(LAYOUT)
    joined = b"".join(images[leaders[n]].windows for n in usable)
    data = np.frombuffer(joined, dtype=np.uint8).reshape(len(usable), -1)[:, head:]
    data = data.reshape(len(usable), 1 + n_win, SLOT_BYTES)
    probes = _words(data[:, :, :8])  # (nodes, slots, 1)
    hashes = _words(data[:, :, 8:])  # (nodes, slots, 4)
    whole_probe = np.ascontiguousarray(probes[:, 0])
    window_probe = np.ascontiguousarray(probes[:, 1:].reshape(-1, 1))
    q, hit = _window_search(node_of, whole_probe, window_probe, tick, workers, memo)
    owner, win = hit // n_win, hit % n_win
    aspect = np.log([_aspect(images[leaders[n]]) for n in usable])
    shape = np.abs(aspect[q] - aspect[owner] - np.log(_SHAPES[win]))
    keep = (q != owner) & (shape <= CROP_ASPECT)
    q, owner, win = q[keep], owner[keep], win[keep]
    dist = hamming_index.distances(hashes[q, 0], hashes[owner, 1 + win])
    ok = dist <= d
    q, owner, win, dist = q[ok], owner[ok], win[ok], dist[ok]
    ok = dist + CROP_GAP < _nearest_window(hashes, owner, q)
    q, owner, win, dist = q[ok], owner[ok], win[ok], dist[ok]
    if len(q):
        thumbs = [images[leaders[n]].thumb for n in usable]
        data = thumb_rows(thumbs)
        pixels = data[:, :-1].reshape(len(usable), _THUMB, _THUMB, 3)
        # Each window's thumbnail once, however many pictures meet it; it keeps its
        # photo's PDQ quality byte (models.THUMB_BYTES).
        parts, which = np.unique(owner * n_win + win, return_inverse=True)
        cuts = window_thumbs(pixels[parts // n_win], parts % n_win)
        quality = data[parts // n_win, -1].tolist()
        cut = [t + bytes([v]) for t, v in zip(cuts, quality, strict=True)]
        check = confirm.Thumbs(thumbs + cut)
        turn = np.zeros(len(q), dtype=np.int64)
        agree = check.agree(q, len(usable) + which.reshape(-1), turn)
        q, owner, dist = q[agree], owner[agree], dist[agree]
    a, b = node_of[q], node_of[owner]
    ref, cand = np.minimum(a, b), np.maximum(a, b)
    return least(hamming_index.Pairs(ref, cand, dist))


def _window_search(node_of, whole_probe, window_probe, tick, workers, memo):
    """(query, window) of each window probe within CROP_PROBE of a whole probe."""
    key = b""
    if memo is not None:
        digest = hashlib.blake2b(proposals.LAYOUT, digest_size=16)
        digest.update(repr((CROP_PROBE, len(WINDOWS), len(node_of))).encode())
        for part in (node_of, whole_probe, window_probe):
            digest.update(np.ascontiguousarray(part).tobytes())
        key = digest.digest()
        kept = memo.get("crops", key)
        if kept is not None:
            return kept.a, kept.b
    found = hamming_index.cross_pairs(whole_probe, window_probe, CROP_PROBE, tick, workers)
    if memo is not None:
        none = np.zeros(len(found.a), dtype=np.int64)
        memo.put("crops", key, proposals.pack(Kept(found.a, found.b, none, _NO_ROWS)))
    return found.a, found.b


def _nearest_window(hashes: np.ndarray, whole: np.ndarray, of: np.ndarray) -> np.ndarray:
    """The least distance from the whole hash of node whole[i] to any window of of[i]."""
    out = np.empty(len(whole), dtype=np.int64)
    step = 1 << 14  # pairs per batch: (step, windows, 4) words at a time
    for lo in range(0, len(whole), step):
        a, b = whole[lo : lo + step], of[lo : lo + step]
        far = np.bitwise_count(hashes[a, None, 0] ^ hashes[b, 1:]).sum(axis=-1, dtype=np.int64)
        out[lo : lo + step] = far.min(axis=1)
    return out


def _words(data: np.ndarray) -> np.ndarray:
    """Big-endian bytes (..., 8k) as (..., k) uint64 words, high word first."""
    shape = data.shape
    words = np.ascontiguousarray(data).reshape(-1, shape[-1]).view(">u8")
    return words.astype(np.uint64).reshape(*shape[:-1], shape[-1] // 8)


def least(pairs: hamming_index.Pairs, *more: hamming_index.Pairs) -> hamming_index.Pairs:
    """The pairs of all arguments together, each (a, b) once at its least distance."""
    a = np.concatenate([pairs.a, *(p.a for p in more)])
    b = np.concatenate([pairs.b, *(p.b for p in more)])
    dist = np.concatenate([pairs.dist, *(p.dist for p in more)])
    order = np.lexsort((dist, b, a))
    a, b, dist = a[order], b[order], dist[order]
    first = np.ones(len(a), dtype=bool)
    first[1:] = (a[1:] != a[:-1]) | (b[1:] != b[:-1])
    return hamming_index.Pairs(a[first], b[first], dist[first])
