"""Which library rows a query matches: near by the scan's rule, or byte-identical.

The search is the scan's own multi-index Hamming search (``hamming_index``).
With the checked (pdq) fingerprint the rule is ``confirm``'s, as in grouping:
the 64-bit probes and the halves' probes propose, the PDQ distance or a half
(``confirm.passes``, the scan's own code) and the colour thumbnails confirm,
and near-blank pictures meet only near-blank ones, by the thumbnail rule. With
the other fingerprints a blank hash (``group.is_blank``) matches nothing but
byte-identical files.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from photodedup.core import confirm, halves, hamming_index
from photodedup.core.distinct import unique_keys
from photodedup.core.group import is_blank
from photodedup.core.index import full_digests
from photodedup.core.library_table import LibraryTable, quadrant_means
from photodedup.core.models import ImageRecord
from photodedup.core.progress import Cancelled, Reporter
from photodedup.core.reasons import Phase


def distance_to(q: ImageRecord, packed: np.ndarray, bits: int, rotations: bool) -> int:
    values = (q.hash, *q.variants) if rotations else (q.hash,)
    mine = hamming_index.pack(list(values), bits)
    return int(hamming_index.distances(mine, packed[None, :]).min())


def near_rows(
    queries: Sequence[ImageRecord],
    table: LibraryTable,
    loose: int,
    bits: int,
    rotations: bool,
    ignore_blank: bool,
    cancel=None,
) -> dict[int, dict[int, int]]:
    """Query number -> {library row: least distance} within ``loose``."""
    keep = np.arange(len(table))
    if ignore_blank and len(table):
        ones = np.bitwise_count(table.hashes).sum(axis=1, dtype=np.int64)
        keep = np.flatnonzero((ones > bits // 16) & (ones < bits - bits // 16))  # see is_blank
    owner, values = [], []
    for qi, q in enumerate(queries):
        if ignore_blank and is_blank(q.hash, bits):
            continue  # a flat picture matches only its byte-identical twins
        candidates = {q.hash, *q.variants} if rotations else {q.hash}
        if ignore_blank:
            candidates = {v for v in candidates if not is_blank(v, bits)} | {q.hash}
        for v in sorted(candidates):
            owner.append(qi)
            values.append(v)
    out: dict[int, dict[int, int]] = defaultdict(dict)
    if not values or not len(keep):
        return out

    # No progress of its own to show: the reporter carries the cancel into the search.
    stop = Reporter(None, Phase.GROUP, cancel=cancel)
    pairs = hamming_index.cross_pairs(
        hamming_index.pack(values, bits), table.hashes[keep], loose, stop
    )
    rows = keep[pairs.b]
    owners = np.asarray(owner, dtype=np.int64)[pairs.a]
    _keep_least(out, zip(owners.tolist(), rows.tolist(), pairs.dist.tolist(), strict=True))
    return out


def checked_rows(
    queries: Sequence[ImageRecord],
    table: LibraryTable,
    near: int,
    loose: int,
    rotations: bool,
    cancel=None,
) -> dict[int, dict[int, int]]:
    """Query number -> {library row: least PDQ distance} within ``loose`` by the checked rule.

    The library row is the reference and the query the candidate, seen turned
    or mirrored too with ``rotations``: the side ``confirm.checked_pairs`` gives
    a candidate. A near-blank pair that passes the thumbnail rule counts at the
    least of its PDQ distance and ``near``, as in grouping.
    """
    out: dict[int, dict[int, int]] = defaultdict(dict)
    if not len(table) or not queries:
        return out
    assert table.probes is not None and table.thumbs is not None
    views = 5 if rotations else 1
    owner, view = [], []
    for qi, q in enumerate(queries):
        for k in range(views):
            if 2 * k + 1 < len(q.probes):
                owner.append(qi)
                view.append(k)
    owner_a, view_a = np.asarray(owner, dtype=np.int64), np.asarray(view, dtype=np.int64)
    stop = Reporter(None, Phase.GROUP, cancel=cancel)
    found_e, found_r, found_h = [], [], []
    for kind, limit in ((0, confirm.PROBE_PHASH), (1, confirm.PROBE_DHASH)):
        values = [queries[qi].probes[2 * k + kind] for qi, k in zip(owner, view, strict=True)]
        pairs = hamming_index.cross_pairs(
            hamming_index.pack(values, 64), table.probes[:, kind : kind + 1], limit, stop
        )
        found_e.append(pairs.a)
        found_r.append(pairs.b)
        found_h.append(np.zeros(len(pairs.a), dtype=np.int64))
    # The scan's checked rule in full (confirm.passes): rows first, then the queries.
    n = len(table)
    # Made one at a time, for the rows a half test reads: 100,000 rows' bytes cost
    # more than the rest of a check beyond decoding.
    checks = _CheckBytes(table, [q.thumb for q in queries])
    if halves.HALF_SEARCH:  # a marked copy's untouched half proposes it, as in a scan
        if table.halves is not None:
            lib_words, lib_usable = halves.rows_probes(table.halves)
        else:  # an index written before the halves: its rows meet by the whole frame
            lib_words = np.zeros((n, len(halves.HALVES)), dtype=np.uint64)
            lib_usable = np.zeros(n, dtype=bool)
        q_words, q_usable = halves.probes_of(checks.queries)
        probes = (np.concatenate([lib_words, q_words]), np.concatenate([lib_usable, q_usable]))
        hr, hq = halves.half_candidates(checks, stop, 1, split=n, probes=probes)
        unturned = np.full(len(queries), -1, dtype=np.int64)
        unturned[owner_a[view_a == 0]] = np.flatnonzero(view_a == 0)
        entry_of = unturned[hq - n]
        has = entry_of >= 0
        found_e.append(entry_of[has])
        found_r.append(hr[has])
        found_h.append(np.ones(int(has.sum()), dtype=np.int64))
    # One key per (entry, row, by half), ordered as those triples (as in a scan).
    key = unique_keys(
        (np.concatenate(found_e) * n + np.concatenate(found_r)) * 2 + np.concatenate(found_h)
    )
    entry, row, by_half = key // 2 // n, key // 2 % n, key % 2 == 1
    qs, ks = owner_a[entry], view_a[entry]
    bits = table.hashes.shape[1] * 64
    hashes = hamming_index.pack(
        [_view_hash(queries[qi], k) for qi, k in zip(owner, view, strict=True)], bits
    )
    dist = hamming_index.distances(hashes[entry], table.hashes[row])
    # The reference's own dHash against the candidate's in this view: a local change.
    dh = hamming_index.pack(
        [queries[qi].probes[2 * k + 1] for qi, k in zip(owner, view, strict=True)], 64
    )[:, 0]
    close_dh = np.bitwise_count(table.probes[row, 1] ^ dh[entry])
    close_dh = close_dh <= confirm.LOCAL_DHASH
    at_near, at_loose = (
        confirm.passes(dist, ks, close_dh, by_half, checks, row, n + qs, d) for d in (near, loose)
    )
    ok = at_near | at_loose
    qs, ks, row, dist, at_near = qs[ok], ks[ok], row[ok], dist[ok], at_near[ok]
    if len(row):
        rows = unique_keys(row)
        local = np.searchsorted(rows, row)
        thumbs = confirm.Thumbs([*table.thumb_bytes(rows), *(q.thumb for q in queries)])
        agree = thumbs.agree(local, len(rows) + qs, ks)
        qs, row, dist, at_near = qs[agree], row[agree], dist[agree], at_near[agree]
    # As in grouping, a pair that passes counts at most at the distance it passed at,
    # and a pair the in-library distance admits counts there, even if a view that
    # only the similar distance admits (a turned one) is closer: otherwise that view
    # would make it "in the library" where a scan at that distance leaves it apart.
    near_dist = np.minimum(dist, near)
    _keep_least(
        out,
        zip(qs[at_near].tolist(), row[at_near].tolist(), near_dist[at_near].tolist(), strict=True),
    )
    _keep_least(out, _flat_rows(queries, table, near, cancel))
    only_loose: dict[int, dict[int, int]] = defaultdict(dict)
    dist = np.minimum(dist, loose)
    _keep_least(only_loose, zip(qs.tolist(), row.tolist(), dist.tolist(), strict=True))
    for qi, rows in only_loose.items():
        for r, d in rows.items():
            out[qi].setdefault(r, d)
    return out


def _keep_least(out: dict[int, dict[int, int]], found) -> None:
    """Record each (query, row, distance), keeping a pair's least distance."""
    for qi, r, d in found:
        best = out[qi].get(r)
        if best is None or d < best:
            out[qi][r] = d


def _view_hash(q: ImageRecord, k: int) -> int:
    return q.hash if k == 0 or k > len(q.variants) else q.variants[k - 1]


def _flat_rows(queries, table: LibraryTable, near: int, cancel):
    """(query, row, distance) of near-blank queries and rows alike by the thumbnail rule."""
    flat_q = np.flatnonzero(confirm.Thumbs([q.thumb for q in queries]).flat)
    if not len(flat_q) or not len(table):
        return
    # The rule bounds the mean |difference| over all channels and cells by FLAT_THUMB,
    # so (triangle inequality) the summed |difference| of the 12 means per quadrant
    # and channel by 12 x FLAT_THUMB: only rows that close can pass, whatever they are.
    means = table.quadrant_means()
    bound = 12 * confirm.FLAT_THUMB + 0.01
    for qi in flat_q.tolist():
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        q = queries[qi]
        mine = quadrant_means(np.frombuffer(q.thumb, dtype=np.uint8)[None, :])
        close = np.flatnonzero(np.abs(means - mine).sum(axis=1) <= bound)
        if not len(close):
            continue
        thumbs = confirm.Thumbs([q.thumb, *table.thumb_bytes(close)])
        a, b = thumbs.flat_pairs()  # which of them are near-blank, and alike, is the rule's
        b = b[a == 0]
        if not len(b):
            continue
        hits = close[b - 1]
        mine_hash = hamming_index.pack([q.hash], table.hashes.shape[1] * 64)
        dist = hamming_index.distances(np.repeat(mine_hash, len(hits), 0), table.hashes[hits])
        # Near-blank hashes are grain (PDQ's quality): the thumbnail rule decides.
        for r, d in zip(hits.tolist(), dist.tolist(), strict=True):
            yield qi, r, min(d, near)


def identical_rows(
    queries: Sequence[ImageRecord], table: LibraryTable, own, cancel
) -> dict[int, set[int]]:
    """Query number -> library rows with the very same bytes.

    Size and quick digest pick the candidates; the whole-file digest decides,
    read from the index when it stores one, else from the library file.
    """
    candidates: dict[int, list[int]] = {}
    for qi, q in enumerate(queries):
        hits = [row for row in table.rows_with(q.size, q.digest) if row != own[qi]]
        if hits:
            candidates[qi] = hits
    if not candidates:
        return {}
    to_read = {queries[qi].path for qi in candidates}
    if table.full is None:
        to_read |= {table.path(row) for hits in candidates.values() for row in hits}
    digests = full_digests(sorted(to_read), cancel)
    if cancel is not None and cancel.is_set():
        raise Cancelled()
    out: dict[int, set[int]] = {}
    for qi, hits in candidates.items():
        mine = digests.get(queries[qi].path)
        if mine is None:
            continue
        same = {row for row in hits if _whole_digest(table, row, digests) == mine}
        if same:
            out[qi] = same
    return out


def _whole_digest(table: LibraryTable, row: int, digests: dict[str, str | None]) -> str | None:
    return table.full[row] if table.full is not None else digests.get(table.path(row))


class _CheckBytes(Sequence[bytes]):
    """The check bytes of an index's rows, then of the queries, made when read."""

    def __init__(self, table: LibraryTable, queries: list[bytes]) -> None:
        self.table, self.queries, self.n = table, queries, len(table)

    def __len__(self) -> int:
        return self.n + len(self.queries)

    def __getitem__(self, i):  # type: ignore[override]  # ints only, as the half test reads
        if i < self.n:
            return self.table.check_bytes(np.array([i]))[0]
        return self.queries[i - self.n]
