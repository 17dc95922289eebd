"""The compiled inner loop of the multi-index Hamming search (``hamming_index``).

One unit of work is one chunk's table and a run of flip masks: for every query
(in the order of its chunk key, so the table is read nearly in sequence) and
every mask, walk the bucket of the query's key xor the mask, and verify each row
in it by popcount over the uint64 words, stopping past d. A pair is kept only
from the first chunk whose distance is within that chunk's radius, so each pair
comes out once however many chunks find it.

numba, not numpy: numpy verifies candidates in batches, and each batch gathers
its rows and makes temporaries for the xor, the popcount and the compare, about
10 ns a candidate; here a candidate is a few loads and a popcount (1.75 ns).
Imported only when a search first runs: importing numba and loading this module's
compiled code from numba's cache take about 0.45 s and 110 MB. ``nogil`` lets the
search's threads run units on every core.
"""

from __future__ import annotations

import numba
import numpy as np
from numba import types
from numba.extending import intrinsic


def _jit(fn):
    # The compiled code is kept in numba's on-disk cache: compiling takes 3.5-4 s, on
    # the first search after an install or a change here. Where no cache directory
    # can be written (numba finds none, e.g. a read-only home), compile in memory
    # each run instead of failing.
    try:
        return numba.njit(nogil=True, cache=True)(fn)
    except RuntimeError:
        return numba.njit(nogil=True)(fn)


@intrinsic
def _popcount(typingctx, x):
    """LLVM's ctpop of a uint64, as an int64: one popcnt where the CPU has it."""

    def codegen(context, builder, signature, args):
        return builder.ctpop(args[0])

    return types.int64(types.uint64), codegen


@_jit
def _grow(a, n):
    out = np.empty(2 * len(a), a.dtype)
    out[:n] = a[:n]
    return out


@_jit
def bucket_order(keys, start):
    """The rows in the order of their keys, by counting sort over ``start`` (the bucket
    starts of ``keys``): stable, and O(n), where numpy's argsort of int64 keys sorts."""
    pos = start[:-1].copy()
    order = np.empty(len(keys), np.int64)
    for j in range(len(keys)):
        k = keys[j]
        order[pos[k]] = j
        pos[k] += 1
    return order


@_jit
def _earlier_chunk(q, x, chunk_bits, radii):
    """Whether the pair of rows q, x is within the radius of one of the chunks given."""
    for c in range(len(radii)):
        dist = 0
        for w in range(len(q)):
            dist += _popcount((q[w] ^ x[w]) & chunk_bits[c, w])
        if dist <= radii[c]:
            return True
    return False


@_jit
def probe(qs, qrow, kqs, xs, xrow, start, masks, tops, d, same, chunk_bits, radii):
    """Every pair within ``d`` that this chunk finds through ``masks``, first-chunk only.

    qs: (nq, words) query hashes sorted by this chunk's key; qrow, kqs: their rows
    and keys. xs: (nx, words) index hashes sorted by key; xrow: their rows; start:
    bucket starts (2**width + 1). tops: each mask's highest bit (-1 for mask 0).
    same: a self-join, where qs is xs: mask 0 pairs a row with the rows after it in
    its bucket, and a mask with top bit t is probed only from keys with bit t clear,
    so each unordered pair is met once. chunk_bits, radii: the earlier chunks' bits
    as masks over the words, and their radii (a pair one of them qualifies for is
    theirs).
    Returns (query rows, index rows, distances).
    """
    words = qs.shape[1]
    cap = 1024
    out_a = np.empty(cap, np.int64)
    out_b = np.empty(cap, np.int64)
    out_d = np.empty(cap, np.int64)
    n = 0
    # Each query's buckets are looked up first, then walked: the lookups do not wait
    # on one another or on a branch, so their cache misses overlap (the table of a
    # million rows is larger than the caches).
    los = np.empty(len(masks), np.int64)
    his = np.empty(len(masks), np.int64)
    for p in range(len(qs)):
        key = kqs[p]
        for m in range(len(masks)):
            mask = masks[m]
            if same and mask == 0:
                los[m], his[m] = p + 1, start[key + 1]
                continue
            t = key ^ mask
            lo, hi = start[t], start[t + 1]
            if same and (key >> tops[m]) & 1:
                hi = lo
            los[m], his[m] = lo, hi
        for m in range(len(masks)):
            lo, hi = los[m], his[m]
            for s in range(lo, hi):
                dist = 0
                for w in range(words):
                    dist += _popcount(qs[p, w] ^ xs[s, w])
                    if dist > d:
                        break
                if dist > d:
                    continue
                if _earlier_chunk(qs[p], xs[s], chunk_bits, radii):
                    continue
                if n == len(out_a):
                    out_a, out_b, out_d = _grow(out_a, n), _grow(out_b, n), _grow(out_d, n)
                out_a[n], out_b[n], out_d[n] = qrow[p], xrow[s], dist
                n += 1
    return out_a[:n].copy(), out_b[:n].copy(), out_d[:n].copy()
