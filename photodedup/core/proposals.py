"""The pairs a grouping's probe searches proposed, kept for the next grouping of those photos.

The checked rule's searches (``confirm``: the whole frame's pHash and dHash, the
halves' probes) are most of a grouping's time, and whether they propose a pair
depends only on the two photos' probes, never on the chosen distance, the colour
check or the keep rule. So the proposals are kept with the probes they were
searched over (``Kept.rows``, one row per node, in node order) under a digest of
those rows:
- the same rows again (a notch of the similarity slider, a rescan of an unchanged
  library) take the kept proposals as they are;
- other rows (photos added, changed or removed) take the kept proposals of every
  pair of nodes whose rows were there before, and only the new rows are searched,
  against all (``confirm``).

A memo remembers the last entry of each kind in memory, and, given a ``Store``
(the fingerprint cache), the last few between runs. Entries travel as bytes
(``pack``); numpy is loaded only to read or write them.
"""

from __future__ import annotations

import struct
import threading
from dataclasses import dataclass
from typing import Any, Protocol

# The entry layout of ``pack``; a change of it, or of what the searches propose,
# must change this so that no kept entry is read the wrong way.
LAYOUT = b"proposals-2"
_HEADER = struct.Struct("<qqq")  # pairs, rows, words per row


@dataclass(frozen=True)
class Kept:
    """Proposed pairs (a[i], b[i]) in view k[i] (-1: by a half only), of nodes whose
    probes are ``rows``: int64 arrays, and an (n, words) uint64 array."""

    a: Any
    b: Any
    k: Any
    rows: Any


class Store(Protocol):
    """Where entries outlive the run."""

    def load_proposals(self, kind: str, key: bytes) -> bytes | None: ...

    def latest_proposals(self, kind: str) -> bytes | None: ...

    def save_proposals(self, kind: str, key: bytes, data: bytes) -> None: ...


class ProposalMemo:
    """The last proposals of each kind of search, by the digest of what they were
    searched over. Safe to share between threads."""

    def __init__(self, store: Store | None = None) -> None:
        self.store = store
        self._last: dict[str, tuple[bytes, bytes]] = {}
        self._lock = threading.Lock()
        self.hits = 0  # groupings that took kept proposals as they were
        self.updates = 0  # groupings that searched only their new photos

    def get(self, kind: str, key: bytes) -> Kept | None:
        """The proposals kept for exactly these rows (``key``), or None."""
        with self._lock:
            last = self._last.get(kind)
        found = unpack(last[1]) if last is not None and last[0] == key else None
        if found is None and self.store is not None:
            data = self.store.load_proposals(kind, key)
            found = unpack(data) if data is not None else None
            if found is not None:
                with self._lock:
                    self._last[kind] = (key, data)
        if found is not None:
            self.hits += 1
        return found

    def latest(self, kind: str) -> Kept | None:
        """The last proposals kept of this kind, for other rows: in memory, else stored."""
        with self._lock:
            last = self._last.get(kind)
        found = unpack(last[1]) if last is not None else None
        if found is None and self.store is not None:
            data = self.store.latest_proposals(kind)
            found = unpack(data) if data is not None else None
        return found

    def put(self, kind: str, key: bytes, data: bytes) -> None:
        with self._lock:
            self._last[kind] = (key, data)
        if self.store is not None:
            self.store.save_proposals(kind, key, data)

    def without_store(self) -> ProposalMemo:
        """A memo with this one's entries in memory only (for after the store closes)."""
        memo = ProposalMemo()
        with self._lock:
            memo._last = dict(self._last)
        memo.hits, memo.updates = self.hits, self.updates
        return memo


def pack(kept: Kept) -> bytes:
    """An entry as bytes (nodes below 2**31, views -1..127)."""
    import numpy as np

    rows = np.ascontiguousarray(kept.rows, dtype="<u8")
    return b"".join(
        (
            _HEADER.pack(len(kept.a), rows.shape[0], rows.shape[1]),
            np.asarray(kept.a, dtype="<i4").tobytes(),
            np.asarray(kept.b, dtype="<i4").tobytes(),
            np.asarray(kept.k, dtype="i1").tobytes(),
            rows.tobytes(),
        )
    )


def unpack(data: bytes) -> Kept | None:
    """``pack``'s entry again; None if ``data`` is not of its layout."""
    import numpy as np

    if len(data) < _HEADER.size:
        return None
    n, rows, words = _HEADER.unpack_from(data)
    if min(n, rows, words) < 0 or len(data) != _HEADER.size + 9 * n + 8 * rows * words:
        return None
    lo = _HEADER.size
    a = np.frombuffer(data, "<i4", n, lo).astype(np.int64)
    b = np.frombuffer(data, "<i4", n, lo + 4 * n).astype(np.int64)
    k = np.frombuffer(data, "i1", n, lo + 8 * n).astype(np.int64)
    table = np.frombuffer(data, "<u8", rows * words, lo + 9 * n).astype(np.uint64)
    return Kept(a, b, k, table.reshape(rows, words))
