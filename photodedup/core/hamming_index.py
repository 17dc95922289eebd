"""All pairs of fixed-width bit strings within a Hamming distance, without all-pairs.

Multi-index hashing (Norouzi, Punjani and Fleet): cut the hashes into m disjoint
chunks of b bits. If two hashes differ in at most d bits, then by pigeonhole
some chunk c differs in at most r_c bits whenever sum(r_c + 1) > d (with
d = m*r + q that is r for the first q+1 chunks and r-1 for the rest). So for
each chunk and each flip mask of at most r_c bits we look up, through a
counting-sort table, the hashes whose chunk equals the query's chunk xor the
mask, and verify those candidates with a full popcount, in compiled loops
(``hamming_kernel``). A pair found through several chunks is kept only from the
first chunk where it qualifies, so each pair comes out once. The chunk width and
count are chosen from a cost model (probes vs candidates); a single one-bit chunk
is the kernel comparing all pairs, and numpy's blocked all-pairs is left for
inputs so small that a call into the kernel costs more.

Hashes are numpy arrays of shape (n, words) of uint64, most significant word
first (``pack``).
"""

from __future__ import annotations

import itertools
import math
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from photodedup.core.progress import Reporter

# Cost model, in nanoseconds on the 2-core bench machine: per bucket probe and per
# candidate verified by the kernel (a 256-bit candidate costs 1.75x, most leave after
# one or two words), per row and chunk (keys, counting sort, the copy in key order),
# per table entry, per unit of work (a call from Python), and per pair and word of the
# numpy all-pairs scan. Measured on forced plans over random hashes (n 1e5 to 1e6, 64
# and 256 bits, d 4 to 80): a least-squares fit of 17 gave 1.75 ns a candidate and
# 8 a probe, each plan within 20%; since the bucket lookups go before the walks a
# probe costs 4-7 ns in a self-join, and more where the table is large and the
# queries sparse in it (few queries per bucket, so no neighbour has just read the
# same lines): 13-21 ns for 50,000 window probes against 2.6 million (the crop
# search), hence _SPARSE_NS. The row cost is 60 ns in a profile of the tables alone,
# rounded up for each unit's pass over every query. Checked: 256 bits at d=40 for
# 100,000 took 1.0 s on the plan chosen (modelled 0.85), 12.2 s on 8 chunks of 16.
_PROBE_NS, _CANDIDATE_NS, _ROW_NS, _TABLE_NS, _UNIT_NS = 4.0, 1.75, 100.0, 3.0, 6e4
_SPARSE_NS, _CACHE_BYTES = 17.0, 16 << 20
_PAIR_NS = 4.0
_MAX_CHUNK_BITS = 24  # 2**24 table entries: 16M x 8 bytes is the most we allow
# Below this much modelled work (0.15 s) a second thread is not worth its overhead.
# The model is fitted on random hashes; real photos' probes crowd their buckets, so
# their searches take longer than it says.
_PARALLEL_NS = 1.5e8
_PACK_ROWS = 1 << 14  # values packed per slice

Tick = Callable[[int], None]  # called with units of work done; raises Cancelled


class Pairs(NamedTuple):
    """Pairs (a[k], b[k]) at Hamming distance dist[k]."""

    a: np.ndarray
    b: np.ndarray
    dist: np.ndarray


@dataclass(frozen=True)
class Plan:
    """How to search: chunks as (lowest bit, width, radius), or all-pairs if empty."""

    chunks: tuple[tuple[int, int, int], ...]
    cost: float

    @property
    def brute(self) -> bool:
        return not self.chunks


def pack(values: Sequence[int], bits: int) -> np.ndarray:
    """Python ints of ``bits`` bits as an (n, words) uint64 array, high word first.

    64-bit values go straight into numpy; wider ones as bytes, a few thousand at a
    time, so ten million values never exist as bytes objects at once.
    """
    words = max(1, -(-bits // 64))
    try:
        if words == 1:
            out = np.fromiter(values, dtype=np.uint64, count=len(values))
        else:
            parts = []
            for lo in range(0, len(values), _PACK_ROWS):
                # One C call per value, then one buffer: ~10x a shift-and-mask per word.
                raw = b"".join([v.to_bytes(8 * words, "big") for v in values[lo : lo + _PACK_ROWS]])
                parts.append(np.frombuffer(raw, dtype=">u8").astype(np.uint64))
            out = np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint64)
    except OverflowError:  # negative, or wider than the words
        raise ValueError(f"hash does not fit in {64 * words} bits") from None
    return out.reshape(len(values), words)


def distances(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Row-wise Hamming distances of two (n, words) arrays."""
    return np.bitwise_count(a ^ b).sum(axis=-1, dtype=np.int64)


def self_pairs(h: np.ndarray, d: int, progress: Reporter | None = None, workers: int = 1) -> Pairs:
    """Every unordered pair i < j of rows of ``h`` within distance ``d``, once.

    ``progress`` hears the search's amount of work and each part done, and its
    cancel stops the search. ``workers`` > 1 lets a long search use that many
    threads.
    """
    found = _search(h, h, d, True, progress, workers)
    return Pairs(np.minimum(found.a, found.b), np.maximum(found.a, found.b), found.dist)


def cross_pairs(
    q: np.ndarray, x: np.ndarray, d: int, progress: Reporter | None = None, workers: int = 1
) -> Pairs:
    """Every pair (query row, index row) within distance ``d``."""
    return _search(q, x, d, False, progress, workers)


def _search(q, x, d: int, self_join: bool, progress: Reporter | None, workers: int) -> Pairs:
    if d < 0 or not len(q) or not len(x):
        return _concat([])
    plan = make_plan(len(q), len(x), q.shape[1] * 64, d, self_join)
    tick: Tick | None = None
    if progress is not None:
        progress.expect(_units(plan, len(q), len(x)))
        tick = progress.advance
    if plan.brute:
        return _brute(q, x, d, self_join, tick)
    if workers > 1 and plan.cost > _PARALLEL_NS:
        return _mih_parallel(q, x, d, plan, self_join, tick, workers)
    return _mih(q, x, d, plan, self_join, tick)


def _units(plan: Plan, nq: int, nx: int) -> int:
    if plan.brute:
        return max(1, -(-nq // _brute_rows(nx)))
    return sum(len(_masks(b, r)) for _lo, b, r in plan.chunks)


def make_plan(nq: int, nx: int, bits: int, d: int, self_join: bool) -> Plan:
    """The cheapest search by the cost model: MIH chunking or all-pairs."""
    words = -(-bits // 64)
    pairs = nq * nx / (2 if self_join else 1)
    best = Plan((), pairs * _PAIR_NS * words)
    for m in range(1, min(d + 1, bits) + 1):
        parts = [(d + 1) // m + (1 if i < (d + 1) % m else 0) for i in range(m)]
        for b in range(1, min(_MAX_CHUNK_BITS, bits // m) + 1):
            probes = cands = 0.0
            units = 0
            sparse = 2**b / (nq + 2**b) * min(1.0, nx * words * 8 / _CACHE_BYTES)
            for p in parts:
                v = _volume(b, p - 1)
                units += b + 1 if p > 1 else 1
                probes += nq * v / (2 if self_join else 1)
                cands += nq * v * nx / 2**b / (2 if self_join else 1)
            cost = (
                probes * (_PROBE_NS + _SPARSE_NS * sparse)
                + cands * _CANDIDATE_NS * (1 + (words - 1) / 4)
                + m * (nq + (0 if self_join else nx)) * _ROW_NS
                + m * 2**b * _TABLE_NS
                + units * _UNIT_NS
            )
            if cost < best.cost:
                chunks = tuple((i * b, b, p - 1) for i, p in enumerate(parts))
                best = Plan(chunks, cost)
    return best


def _volume(b: int, r: int) -> int:
    return sum(math.comb(b, k) for k in range(r + 1))


def _masks(b: int, r: int) -> list[int]:
    """Flip masks of at most r of b bits, in runs sharing their highest bit (0 first)."""
    out = [0]
    for top in range(b):
        for k in range(r):
            for rest in itertools.combinations(range(top), k):
                out.append((1 << top) | sum(1 << i for i in rest))
    return out


def chunk_keys(h: np.ndarray, lo: int, width: int) -> np.ndarray:
    """Bits lo..lo+width-1 (counted from the least significant) of each row, as int64."""
    words = h.shape[1]
    out = np.zeros(len(h), dtype=np.uint64)
    got = 0
    while got < width:
        pos = lo + got
        w, off = words - 1 - pos // 64, pos % 64
        take = min(width - got, 64 - off)
        part = (h[:, w] >> np.uint64(off)) & np.uint64((1 << take) - 1)
        out |= part << np.uint64(got)
        got += take
    return out.astype(np.int64)


class _Chunk:
    """One chunk: the index rows sorted by key with counting-sort bucket starts, and
    the queries in key order with their keys (in a self-join the same arrays)."""

    def __init__(
        self, q: np.ndarray, x: np.ndarray, lo: int, width: int, same: bool, kernel
    ) -> None:
        kq = chunk_keys(q, lo, width)
        kx = kq if same else chunk_keys(x, lo, width)
        self.start = _starts(kx, width)
        # The kernel reads whole buckets, and the queries in key order read the
        # table nearly in sequence: rows copied in that order, not gathered.
        self.xrow = kernel.bucket_order(kx, self.start)
        self.xs = np.ascontiguousarray(x[self.xrow], dtype=np.uint64)
        if same:
            self.qrow, self.qs = self.xrow, self.xs
        else:
            self.qrow = kernel.bucket_order(kq, _starts(kq, width))
            self.qs = np.ascontiguousarray(q[self.qrow], dtype=np.uint64)
        self.kqs = kq[self.qrow]


def _starts(keys: np.ndarray, width: int) -> np.ndarray:
    """Where each key's bucket starts in key order (2**width + 1 entries)."""
    start = np.zeros((1 << width) + 1, dtype=np.int64)
    np.cumsum(np.bincount(keys, minlength=1 << width), out=start[1:])
    return start


class _Search:
    """The MIH search split into units of work (chunk, flip masks) that can run anywhere."""

    def __init__(self, q: np.ndarray, x: np.ndarray, d: int, plan: Plan, self_join: bool) -> None:
        from photodedup.core import hamming_kernel  # numba: only once a search runs

        self.kernel = hamming_kernel
        self.q, self.x, self.d, self.plan, self.self_join = q, x, d, plan, self_join
        self._chunks: dict[int, _Chunk] = {}
        self.radii = np.array([r for _lo, _b, r in plan.chunks], dtype=np.int64)
        # Each chunk's bits as masks over the words: the kernel's first-chunk rule
        # measures an earlier chunk's distance from the rows themselves.
        words = q.shape[1]
        self.chunk_bits = np.zeros((len(plan.chunks), words), dtype=np.uint64)
        for c, (lo, b, _r) in enumerate(plan.chunks):
            for pos in range(lo, lo + b):
                self.chunk_bits[c, words - 1 - pos // 64] |= np.uint64(1 << (pos % 64))

    def chunk(self, c: int) -> _Chunk:
        if c not in self._chunks:
            lo, b, _r = self.plan.chunks[c]
            self._chunks[c] = _Chunk(self.q, self.x, lo, b, self.self_join, self.kernel)
        return self._chunks[c]

    def units(self) -> list[tuple[int, tuple[int, ...]]]:
        """(chunk, masks) units; in a self-join the masks of a unit share their top bit."""
        out = []
        for c, (_lo, b, r) in enumerate(self.plan.chunks):
            for _top, group in itertools.groupby(_masks(b, r), key=int.bit_length):
                out.append((c, tuple(group)))
        return out

    def run(self, unit: tuple[int, tuple[int, ...]]) -> Pairs:
        """The pairs this unit finds that no earlier chunk qualifies for."""
        c, masks = unit
        ch = self.chunk(c)
        found = self.kernel.probe(
            ch.qs,
            ch.qrow,
            ch.kqs,
            ch.xs,
            ch.xrow,
            ch.start,
            np.array(masks, dtype=np.int64),
            np.array([m.bit_length() - 1 for m in masks], dtype=np.int64),
            int(self.d),  # one signature, so one compiled kernel
            bool(self.self_join),
            self.chunk_bits,
            self.radii[:c],
        )
        return Pairs(*found)


def _mih(q: np.ndarray, x: np.ndarray, d: int, plan: Plan, self_join: bool, tick) -> Pairs:
    search = _Search(q, x, d, plan, self_join)
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for unit in search.units():
        if tick:
            tick(len(unit[1]))
        found.append(search.run(unit))
    return _concat(found)


def _mih_parallel(q, x, d: int, plan: Plan, self_join: bool, tick, workers: int) -> Pairs:
    """The same search with units spread over threads.

    The kernel lets go of the interpreter lock, so threads use the cores, and unlike
    processes they share the chunk tables and the hashes: at a million 64-bit
    hashes two spawned workers added about 600 MB and a second of start-up.
    """
    search = _Search(q, x, d, plan, self_join)
    for c in range(len(plan.chunks)):
        search.chunk(c)  # built once, before the threads share them
    units = sorted(search.units(), key=lambda u: -len(u[1]))  # big first balances the tail
    stop = threading.Event()

    def run(unit: tuple[int, tuple[int, ...]]) -> Pairs | None:
        if stop.is_set():
            return None
        return search.run(unit)

    found = []
    pool = ThreadPoolExecutor(workers, thread_name_prefix="hamming")
    try:
        futures = {pool.submit(run, u): u for u in units}
        for fut in as_completed(futures):
            if tick:
                tick(len(futures[fut][1]))  # raises Cancelled when the user cancels
            found.append(fut.result())
    finally:
        # On a cancel the units running finish in the background (a second at most);
        # the rest never start.
        stop.set()
        pool.shutdown(wait=False, cancel_futures=True)
    return _concat(found)


def _brute_rows(nx: int) -> int:
    return max(1, (1 << 22) // max(1, nx))


def _brute(q: np.ndarray, x: np.ndarray, d: int, self_join: bool, tick) -> Pairs:
    """Blocked all-pairs popcount: the baseline, and the fastest way for small inputs."""
    found = []
    step = _brute_rows(len(x))
    q_cols = [np.ascontiguousarray(q[:, w]) for w in range(q.shape[1])]
    x_cols = [np.ascontiguousarray(x[:, w]) for w in range(x.shape[1])]
    for i0 in range(0, len(q), step):
        if tick:
            tick(1)
        j0 = i0 if self_join else 0  # a self-join needs only the columns from the diagonal on
        rows = slice(i0, i0 + step)
        dist = np.bitwise_count(q_cols[0][rows, None] ^ x_cols[0][None, j0:])
        if len(q_cols) > 1:
            dist = dist.astype(np.int64)
            for qc, xc in zip(q_cols[1:], x_cols[1:], strict=True):
                dist += np.bitwise_count(qc[rows, None] ^ xc[None, j0:])
        ok = dist <= d
        if self_join:
            k = len(ok)
            ok[:, :k] &= np.triu(np.ones((k, k), dtype=bool), 1)
        qi, xi = np.nonzero(ok)
        found.append((qi + i0, xi + j0, dist[qi, xi]))
    return _concat(found)


def _concat(parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> Pairs:
    if not parts:
        e = np.zeros(0, dtype=np.int64)
        return Pairs(e, e.copy(), e.copy())
    a, b, dist = (np.concatenate(p).astype(np.int64) for p in zip(*parts, strict=True))
    return Pairs(a, b, dist)
