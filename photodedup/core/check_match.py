"""Which library rows a query matches: near by Hamming distance, or byte-identical.

The search is the scan's own multi-index Hamming search (``hamming_index``),
and a blank hash (``group.is_blank``) matches nothing but byte-identical files,
as in grouping.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from photodedup.core import hamming_index
from photodedup.core.group import is_blank
from photodedup.core.index import full_digests
from photodedup.core.library_table import LibraryTable
from photodedup.core.models import Cancelled, ImageRecord
from photodedup.core.progress import Reporter
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
    for qi, row, d in zip(owners.tolist(), rows.tolist(), pairs.dist.tolist(), strict=True):
        best = out[qi].get(row)
        if best is None or d < best:
            out[qi][row] = d
    return out


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
