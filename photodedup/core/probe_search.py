"""The checked rule's probe searches: which pairs of nodes are worth checking at all.

A pair is proposed when the whole frame's pHash of the two are within the pHash
limit or their dHash within the dHash limit (with rotations: the reference's
against each view of the candidate), or, unturned, some half's probe of both
within ``halves.HALF_PROBE`` (view -1: by a half only). Whether a pair is
proposed depends on its two rows of probes alone (``key_rows``), so a memo
(``core.proposals``) can keep the proposals for the next grouping: the same
rows take them as they are, and, without rotations, other rows search only
their new nodes against all (``_update``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from photodedup.core import halves, hamming_index, proposals
from photodedup.core.distinct import unique_keys
from photodedup.core.proposals import Kept, ProposalMemo

# Past this share of new nodes a whole search costs about what an update does.
_MOST_NEW = 0.5


def proposed(
    probes: np.ndarray,
    checks: Sequence[bytes],
    views: int,
    limits: tuple[int, int],
    tick,
    workers: int,
    memo: ProposalMemo | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(reference, candidate, view) triples, ordered, reference < candidate.

    ``probes`` are the nodes' (pHash, dHash) of each view, ``limits`` the pHash
    and dHash limits.
    """
    half = halves.probes_of(checks) if halves.HALF_SEARCH else None
    if memo is None:
        return _search(probes, checks, half, views, limits, tick, workers)
    rows = key_rows(probes, half, views)
    kind = f"checked/{views}"
    digest = hashlib.blake2b(proposals.LAYOUT, digest_size=16)
    digest.update(repr((limits, halves.HALF_PROBE, halves.HALF_SEARCH, rows.shape)).encode())
    digest.update(rows.tobytes())
    key = digest.digest()
    kept = memo.get(kind, key)
    if kept is not None:
        return kept.a, kept.b, kept.k
    found = None
    if views == 1:
        old = memo.latest(kind)
        if old is not None and old.rows.shape[1:] == rows.shape[1:]:
            found = _update(old, rows, probes, half, limits, tick, workers)
            memo.updates += found is not None
    if found is None:
        found = _search(probes, checks, half, views, limits, tick, workers)
    memo.put(kind, key, proposals.pack(Kept(*found, rows)))
    return found


def key_rows(probes: np.ndarray, half, views: int) -> np.ndarray:
    """What a node's proposals depend on, one row per node: its probes of each view,
    and its halves' probes and whether it has halves."""
    columns = [probes[:, : 2 * views]]
    if half is not None:
        columns += [half[0], half[1].astype(np.uint64)[:, None]]
    return np.ascontiguousarray(np.hstack(columns), dtype=np.uint64)


def _search(probes, checks, half, views: int, limits, tick, workers):
    found_a, found_b, found_k = [], [], []
    for kind, limit in ((0, limits[0]), (1, limits[1])):
        base = probes[:, kind : kind + 1]
        if views == 1:
            pairs = hamming_index.self_pairs(base, limit, tick, workers)
            found_a.append(np.minimum(pairs.a, pairs.b))  # the earlier node is the reference
            found_b.append(np.maximum(pairs.a, pairs.b))
            found_k.append(np.zeros(len(pairs.a), dtype=np.int64))
            continue
        entries = probes[:, kind : 2 * views : 2].reshape(-1, 1)
        pairs = hamming_index.cross_pairs(base, entries, limit, tick, workers)
        found_a.append(pairs.a)
        found_b.append(pairs.b // views)
        found_k.append(pairs.b % views)
    if half is not None:  # a marked copy's untouched half proposes it (core.halves)
        ha, hb = halves.half_candidates(checks, tick, workers, probes=half)
        found_a.append(ha)
        found_b.append(hb)
        found_k.append(np.full(len(ha), -1, dtype=np.int64))  # -1: by a half only
    return _ordered(found_a, found_b, found_k, len(probes), views)


def _ordered(found_a, found_b, found_k, n: int, views: int):
    a = np.concatenate(found_a)
    b = np.concatenate(found_b)
    k = np.concatenate(found_k)
    # The reference is the earlier node and its own (unturned) probes are the query:
    # (a, b, k) says a matches b seen in view k. A self-join finds each pair once,
    # so it is listed with the earlier node first above; a cross search finds it
    # from either side, and only the side where a is the reference is the rule.
    keep = a < b
    # One int64 key per (a, b, k), ordered as the triples: sorting a 1-D array
    # takes the place of the rows' lexsort (1.5 s of a warm 100,000-photo rescan),
    # which held the GIL throughout, as np.unique's hash table does (``unique_keys``).
    kinds = views + 1
    key = unique_keys((a[keep] * n + b[keep]) * kinds + (k[keep] + 1))
    return key // kinds // n, key // kinds % n, key % kinds - 1


def _update(old: Kept, rows: np.ndarray, probes, half, limits, tick, workers):
    """The proposals for ``rows`` from those kept for ``old.rows`` (unturned only): each
    node whose row was there before stands for one such old node, and keeps its
    proposals with the others that do; only the rest are searched, against all.
    None when most nodes are new."""
    n_old, n = len(old.rows), len(rows)
    old_mix, new_mix = _mix(old.rows), _mix(rows)
    # The j-th node with a given row stands for the j-th old node with it, if any,
    # found by a 64-bit mix of the rows and then compared in full: a node whose mix
    # meets another row's is searched.
    old_at, new_at = np.argsort(old_mix, kind="stable"), np.argsort(new_mix, kind="stable")
    old_key, new_key = _ranked(old_mix[old_at]), _ranked(new_mix[new_at])
    pos = np.searchsorted(old_key["mix"], new_key["mix"])  # the first with its mix
    pos = np.minimum(pos + new_key["rank"], max(n_old - 1, 0))
    same = np.zeros(n, dtype=bool)
    if n_old:
        same = (old_key["mix"][pos] == new_key["mix"]) & (old_key["rank"][pos] == new_key["rank"])
        same[same] = (old.rows[old_at[pos[same]]] == rows[new_at[same]]).all(axis=1)
    fresh = np.sort(new_at[~same])
    if len(fresh) > _MOST_NEW * n:
        return None
    now = np.full(n_old, -1, dtype=np.int64)
    now[old_at[pos[same]]] = new_at[same]
    a, b = now[old.a], now[old.b]
    kept = (a >= 0) & (b >= 0)
    a, b, k = a[kept], b[kept], old.k[kept]
    found_a, found_b, found_k = [np.minimum(a, b)], [np.maximum(a, b)], [k]
    if len(fresh):
        for kind, limit in ((0, limits[0]), (1, limits[1])):
            col = probes[:, kind : kind + 1]
            pairs = hamming_index.cross_pairs(col[fresh], col, limit, tick, workers)
            _add(found_a, found_b, found_k, fresh[pairs.a], pairs.b, 0)
        if half is not None:
            words, has = half
            usable = np.flatnonzero(has)
            asking = fresh[has[fresh]]
            for h in range(words.shape[1]):
                col = np.ascontiguousarray(words[:, h : h + 1])
                pairs = hamming_index.cross_pairs(
                    col[asking], col[usable], halves.HALF_PROBE, tick, workers
                )
                _add(found_a, found_b, found_k, asking[pairs.a], usable[pairs.b], -1)
    return _ordered(found_a, found_b, found_k, n, 1)


def _mix(rows: np.ndarray) -> np.ndarray:
    """A 64-bit mix of each row's words (a multiplicative hash, as group's)."""
    mix = np.zeros(len(rows), dtype=np.uint64)
    for j in range(rows.shape[1]):
        mix *= np.uint64(0x9E3779B97F4A7C15)  # wraps
        mix ^= rows[:, j]
        mix ^= mix >> np.uint64(29)
    return mix


def _ranked(sorted_mix: np.ndarray) -> np.ndarray:
    """Each sorted mix with its rank among equal ones."""
    out = np.empty(len(sorted_mix), dtype=[("mix", np.uint64), ("rank", np.int64)])
    out["mix"] = sorted_mix
    out["rank"] = np.arange(len(sorted_mix)) - np.searchsorted(sorted_mix, sorted_mix)
    return out


def _add(found_a, found_b, found_k, u: np.ndarray, v: np.ndarray, view: int) -> None:
    other = u != v
    u, v = u[other], v[other]
    found_a.append(np.minimum(u, v))
    found_b.append(np.maximum(u, v))
    found_k.append(np.full(len(u), view, dtype=np.int64))
