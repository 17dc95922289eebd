"""Look-alike groups: every member within the chosen distance of its group's reference.

The rule is a deterministic greedy leader: walk the images best first (most
pixels, then largest file, then oldest, then path); an image not yet in a group
becomes a reference and takes every image not yet in a group within ``distance``
bits of it. So no chain A~B~C joins A and C when they are farther apart than the
distance. Groups of one are dropped. The pairs within the distance come from the
multi-index search in ``hamming_index``, never from comparing all pairs.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence

import numpy as np

from photodedup.core import confirm, hamming_index
from photodedup.core import crops as crop_rule
from photodedup.core.fingerprint_rows import VIEWS, check_words, hash_rows, probe_rows
from photodedup.core.models import ImageRecord
from photodedup.core.progress import CancelToken, ProgressCallback, Reporter
from photodedup.core.proposals import ProposalMemo
from photodedup.core.reasons import Phase
from photodedup.core.results import Group, Member

# Rotation/mirror matching is off by default: each image then has five hashes, so
# unrelated photos met up to 3x as often at the same distance and grouping took 8-15x
# as long (bench/README.md), for a rare case: a copy turned without an EXIF tag
# (EXIF-rotated files are decoded upright and already match).


def count_near_blank(images: Sequence[ImageRecord], bits: int, checked: bool) -> int:
    """How many images the blank rule holds apart: left out, or (checked) held stricter."""
    if checked:
        thumbs = [im.thumb for im in images if im.thumb]
        return int(confirm.Thumbs(thumbs).flat.sum()) if thumbs else 0
    return sum(1 for im in images if is_blank(im.hash, bits))


def is_blank(value: int, bits: int) -> bool:
    """A hash with almost no bits set, or almost all: a flat or plain-gradient picture.

    Such hashes carry too little of the picture to say two images look alike
    (ImageHash gives a single-colour image all zeros). "Almost" is 1/16 of the bits.
    """
    ones = value.bit_count()
    return ones <= bits // 16 or ones >= bits - bits // 16


def in_folder(path: str, folders: Sequence[str]) -> bool:
    """Whether ``path`` lies inside one of ``folders``, comparing whole path components.

    Folders are also compared with symbolic links resolved, so a folder reached
    through a link counts as the folder it leads to.
    """
    return _FolderTest(folders)(path)


class _FolderTest:
    """``in_folder`` for many paths, resolving each of their folders once."""

    def __init__(self, folders: Sequence[str]) -> None:
        self.folders = [_parts(f) for f in folders]
        self.folders += [_parts(os.path.realpath(f)) for f in folders]
        self.real_dirs: dict[str, tuple[str, ...]] = {}

    def __call__(self, path: str) -> bool:
        if self._inside(_parts(path)):
            return True
        head, name = os.path.split(os.path.abspath(path))
        real = self.real_dirs.get(head)
        if real is None:
            real = self.real_dirs[head] = _parts(os.path.realpath(head))
        return self._inside((*real, os.path.normcase(name)))

    def _inside(self, parts: tuple[str, ...]) -> bool:
        return any(parts[: len(f)] == f for f in self.folders)


def _parts(path: str) -> tuple[str, ...]:
    norm = os.path.normcase(os.path.abspath(path))
    drive, rest = os.path.splitdrive(norm)
    return (drive, *[p for p in rest.split(os.sep) if p])


def quality_order(images: Sequence[ImageRecord]) -> list[int]:
    """Indices of ``images`` best first: pixels desc, size desc, mtime asc, path asc."""
    n = len(images)
    pixels = np.fromiter((im.width * im.height for im in images), np.int64, n)
    size = np.fromiter((im.size for im in images), np.int64, n)
    mtime = np.fromiter((im.mtime_ns for im in images), np.int64, n)
    order = np.lexsort((mtime, -size, -pixels))
    key = np.stack([pixels, size, mtime], axis=1)[order]
    ties = np.flatnonzero((key[1:] == key[:-1]).all(axis=1))
    out = order.tolist()
    # Ties on all three are rare (copies made in one go): settle them by path.
    for run in np.split(ties, np.flatnonzero(np.diff(ties) != 1) + 1) if len(ties) else ():
        lo, hi = int(run[0]), int(run[-1]) + 2
        out[lo:hi] = sorted(out[lo:hi], key=lambda i: images[i].path)
    return out


def group_images(
    images: Sequence[ImageRecord],
    distance: int,
    *,
    bits: int = 64,
    rotations: bool = False,
    crops: bool = False,
    reference_dirs: Sequence[str] = (),
    ignore_blank: bool = True,
    identical: Sequence[Sequence[str]] = (),
    cancel: CancelToken | None = None,
    progress: ProgressCallback | None = None,
    workers: int | None = None,
    checked: bool = False,
    memo: ProposalMemo | None = None,
) -> list[Group]:
    """Group look-alike images by the greedy leader rule (see the module docstring).

    With ``checked`` (the pdq fingerprint) a pair matches by ``confirm``'s rule and
    the distance is between PDQ hashes; near-blank images are then held to its
    stricter limits instead of being left out.

    ``identical`` lists sets of byte-identical paths: each set stays together at
    distance 0 whatever its pixels, and goes through the search as one image.
    With ``rotations`` the distance to a candidate is the least over its hash and
    its turned/mirrored variants. With ``crops`` (checked only) a cropped copy
    also matches, by ``crops.crop_pairs``, at the least distance of the two rules.
    With ``ignore_blank`` blank hashes (``is_blank``) group with nothing but their
    byte-identical twins. Groups whose members all lie in ``reference_dirs`` are
    dropped. ``workers`` caps the threads a long search may use (default: up to 2,
    the cores it is measured on). ``memo`` keeps the checked rule's proposals for
    the next grouping of the same images (``core.proposals``).
    """
    if distance < 0:
        raise ValueError("distance must be 0 or more")
    # One unit for the end; the search adds its own amount of work.
    ticker = Reporter(progress, Phase.GROUP, total=1, cancel=cancel, interval=0)
    order = quality_order(images)
    rank = np.empty(len(images), dtype=np.int64)
    rank[order] = np.arange(len(images))
    twins = _twins(images, identical, rank)
    if twins:
        twin_of = {t for ts in twins.values() for t in ts}
        order = [i for i in order if i not in twin_of]
    crops_on = crops and checked
    leaders, more, hashes = _nodes(
        images, order, bits, rotations, ignore_blank and not checked, checked, crops_on
    )
    if checked:
        workers = min(2, os.cpu_count() or 1) if workers is None else workers
        pairs = confirm.checked_pairs(
            images, leaders, hashes, distance, rotations, ticker, workers, memo
        )
        if crops_on:
            pairs = crop_rule.least(
                pairs, crop_rule.crop_pairs(images, leaders, distance, ticker, workers, memo)
            )
    else:
        pairs = _pairs(
            images, leaders, hashes, distance, bits, rotations, ignore_blank, ticker, workers
        )
    members = _greedy(len(leaders), pairs, ticker)
    ticker.check()

    def images_of(node: int) -> list[int]:
        return [leaders[node], *more[node]] if node in more else [leaders[node]]

    groups: list[list[tuple[int, int]]] = []
    used: set[int] = set(members)  # nodes already in a group, as reference or member
    for ref, taken in members.items():
        used.update(node for node, _ in taken)
        group = [(i, 0) for i in images_of(ref)]
        group += [(i, dist) for node, dist in taken for i in images_of(node)]
        groups.append(group)
    # A node alone in the search may still hold several images with one fingerprint.
    groups += [[(i, 0) for i in images_of(n)] for n in sorted(more) if n not in used]
    grouped = {i for group in groups for i, _ in group}
    groups += [[(rep, 0)] for rep in twins if rep not in grouped]
    ticker.advance(1)
    return _finish(images, groups, twins, reference_dirs)


def _twins(images, identical, rank) -> dict[int, list[int]]:
    """Representative (best) index -> its byte-identical twins, best first."""
    if not identical:
        return {}
    index = {img.path: i for i, img in enumerate(images)}
    parent: dict[int, int] = {}

    def find(i: int) -> int:
        while parent.get(i, i) != i:
            i = parent[i]
        return i

    for paths in identical:  # sets sharing a path are the same content: merge them
        present = [index[p] for p in paths if p in index]
        for i in present[1:]:
            a, b = find(present[0]), find(i)
            if a != b:
                parent[max(a, b, key=lambda k: rank[k])] = min(a, b, key=lambda k: rank[k])
    sets: dict[int, list[int]] = {}
    for i in list(parent):
        sets.setdefault(find(i), []).append(i)
    out = {}
    for root, items in sets.items():
        items = sorted(set(items) | {root}, key=lambda k: rank[k])
        out[items[0]] = items[1:]
    return out


def _nodes(images, pool: list[int], bits: int, rotations, ignore_blank, checked=False, crops=False):
    """Images with one fingerprint (hash, and variants when they count) as one node.

    Returns, for the nodes numbered best first, the best image of each (``pool`` is
    in quality order), the other images of the nodes that have more, best first,
    and the packed hash of each node.
    """
    h = hash_rows([images[i] for i in pool], bits)
    pool_arr = np.asarray(pool, dtype=np.int64)
    if ignore_blank:
        ones = np.bitwise_count(h).sum(axis=1, dtype=np.int64)
        keep = (ones > bits // 16) & (ones < bits - bits // 16)  # see is_blank
        h, pool_arr = h[keep], pool_arr[keep]
    columns = [h]
    if rotations:
        turned = hash_rows([images[i] for i in pool_arr.tolist()], bits, VIEWS)
        columns.append(turned[:, h.shape[1] :])
    if checked and len(pool_arr):  # the probes and the thumbnail are part of the fingerprint
        sel = pool_arr.tolist()
        columns.append(probe_rows([images[i] for i in sel]))
        checks = [images[i].thumb for i in sel]
        columns.append(check_words(checks))
        # A record of an older version has no halves (core.halves): its length tells.
        columns.append(np.fromiter(map(len, checks), np.uint64, len(sel))[:, None])
    if crops and len(pool_arr):  # and so are the crop windows, by a digest (2 KB each)
        digests = b"".join(
            hashlib.blake2b(images[i].windows, digest_size=8).digest() for i in pool_arr.tolist()
        )
        columns.append(np.frombuffer(digests, dtype=">u8").astype(np.uint64)[:, None])
    first, inverse = _same_rows(columns, len(pool_arr))
    by_first = np.argsort(first)  # node numbers follow the best image of each
    node_of = np.empty(len(first), dtype=np.int64)
    node_of[by_first] = np.arange(len(first))
    leaders = first[by_first]
    node = node_of[inverse]
    extra = np.flatnonzero(leaders[node] != np.arange(len(node)))
    # Nearly every node is one image: a list each made 100,000 lists at 100,000 photos.
    more: dict[int, list[int]] = {}
    for p, n in zip(pool_arr[extra].tolist(), node[extra].tolist(), strict=True):
        more.setdefault(n, []).append(p)
    return pool_arr[leaders].tolist(), more, h[leaders]


def _same_rows(columns: Sequence[np.ndarray], n: int) -> tuple[np.ndarray, np.ndarray]:
    """Rows equal in every column: ``first[k]``, the first row of key k; ``inverse[i]``, row
    i's key.

    Rows are sorted by a 64-bit mix of their columns, not by the columns themselves
    (a sort of 200-word rows took most of the grouping of 100 000 images); only rows
    whose mix is shared, nearly all of them really equal, are compared in full.
    """
    mix = np.zeros(n, dtype=np.uint64)
    for col in columns:
        words = col if col.dtype == np.uint64 else _as_words(col)
        for j in range(words.shape[1]):
            mix *= np.uint64(0x9E3779B97F4A7C15)  # wraps: a multiplicative hash
            mix ^= words[:, j]
            mix ^= mix >> np.uint64(29)
    _, key = np.unique(mix, return_inverse=True)
    key = key.reshape(-1)
    shared = np.flatnonzero(np.bincount(key)[key] > 1)
    if len(shared):
        full = np.hstack([_as_words(c[shared]) for c in columns])
        _, exact = np.unique(full, axis=0, return_inverse=True)
        key[shared] = n + exact.reshape(-1)  # apart from every unshared row's key
        _, key = np.unique(key, return_inverse=True)
        key = key.reshape(-1)
    order = np.argsort(key, kind="stable")
    starts = np.flatnonzero(np.diff(key[order], prepend=-1))
    return order[starts], key


def _as_words(col: np.ndarray) -> np.ndarray:
    """Rows of any integer columns as uint64 words (bytes zero-padded to whole words)."""
    if col.dtype == np.uint64:
        return col
    raw = np.ascontiguousarray(col.astype(np.uint8) if col.dtype != np.uint8 else col)
    pad = -raw.shape[1] % 8
    if pad:
        raw = np.hstack([raw, np.zeros((len(raw), pad), dtype=np.uint8)])
    return raw.view(np.uint64)


def _pairs(
    images, leaders, hashes, d, bits, rotations, ignore_blank, ticker, workers
) -> hamming_index.Pairs:
    """Pairs (a, b) of nodes, a before b in quality order, with b within d of a."""
    workers = min(2, os.cpu_count() or 1) if workers is None else workers
    if not rotations:
        # Nodes are numbered best first, so the smaller index is the reference.
        return hamming_index.self_pairs(hashes, d, ticker, workers)
    owner, entries = [], []
    for node, i in enumerate(leaders):
        values = {images[i].hash, *images[i].variants}
        if ignore_blank:  # a blank turned version would match only near-blank images
            values = {v for v in values if not is_blank(v, bits)} | {images[i].hash}
        owner += [node] * len(values)
        entries += sorted(values)
    found = hamming_index.cross_pairs(hashes, hamming_index.pack(entries, bits), d, ticker, workers)
    a, b, dist = found.a, np.asarray(owner, dtype=np.int64)[found.b], found.dist
    keep = a < b
    a, b, dist = a[keep], b[keep], dist[keep]
    # Least distance over the candidate's variants: sort by pair then distance.
    order = np.lexsort((dist, b, a))
    a, b, dist = a[order], b[order], dist[order]
    first = np.ones(len(a), dtype=bool)
    first[1:] = (a[1:] != a[:-1]) | (b[1:] != b[:-1])
    return hamming_index.Pairs(a[first], b[first], dist[first])


def _greedy(
    n: int, pairs: hamming_index.Pairs, ticker: Reporter
) -> dict[int, list[tuple[int, int]]]:
    """Reference node -> [(member node, distance)], walking nodes best first.

    Pairs (a, b) have a < b, and nodes are numbered best first, so walking the
    pairs sorted by a visits each would-be reference in quality order.
    """
    order = np.lexsort((pairs.b, pairs.a))
    taken = bytearray(n)
    out: dict[int, list[tuple[int, int]]] = {}
    current, skip = -1, False
    rows = zip(
        pairs.a[order].tolist(), pairs.b[order].tolist(), pairs.dist[order].tolist(), strict=True
    )
    for k, (a, b, dist) in enumerate(rows):
        if not k & 0xFFFF:
            ticker.check()
        if a != current:
            current, skip = a, bool(taken[a])  # already a member: not a reference
            taken[a] = 1
        if not skip and not taken[b]:
            taken[b] = 1
            out.setdefault(a, []).append((b, dist))
    return out


def _finish(images, groups, twins, reference_dirs) -> list[Group]:
    result = []
    in_reference = _FolderTest(reference_dirs)
    for group in groups:
        rows = [(t, dist) for i, dist in group for t in (i, *twins.get(i, ()))] if twins else group
        ref, rest = rows[0], sorted(rows[1:], key=lambda r: (r[1], images[r[0]].path))
        if reference_dirs:
            members = tuple(
                Member(images[i], dist, in_reference(images[i].path)) for i, dist in (ref, *rest)
            )
        else:  # no folder to test: what 18,000 groups' members at 100,000 photos save
            members = tuple([Member(images[i], dist) for i, dist in (ref, *rest)])
        if len(members) > 1 and not all(m.in_reference_folder for m in members):
            result.append(Group(members))
    result.sort(key=lambda g: g.reference.path)
    return result
