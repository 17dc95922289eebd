"""The pairs a grouping's probe searches proposed, kept for the next grouping of the same images.

The checked rule's searches (``confirm``: the whole frame's pHash and dHash, the
halves' probes) are most of a grouping's time, and what they propose depends
only on the probes, never on the chosen distance, the colour check or the keep
rule. So the proposals are kept under a digest of every probe they were searched
over, in node order: moving the similarity slider, or scanning an unchanged
library again, groups from the kept proposals; any changed, added or removed
photo changes the digest, and the searches run again. A kept entry is bytes
(``pack``), so this module needs no numpy.

A memo remembers the last entry of each kind in memory, and, given a ``Store``
(the fingerprint cache), the last few between runs.
"""

from __future__ import annotations

import struct
import threading
from typing import Protocol

# The pair layout of ``pack``; a change of it, or of what the searches propose,
# must change this so that no kept entry is read the wrong way.
LAYOUT = b"proposals-1"
_HEADER = struct.Struct("<q")


class Store(Protocol):
    """Where entries outlive the run: ``load`` returns the data kept for (kind, key)."""

    def load_proposals(self, kind: str, key: bytes) -> bytes | None: ...

    def save_proposals(self, kind: str, key: bytes, data: bytes) -> None: ...


class ProposalMemo:
    """The last proposals of each kind of search, by the digest of what they were
    searched over. Safe to share between threads."""

    def __init__(self, store: Store | None = None) -> None:
        self.store = store
        self._last: dict[str, tuple[bytes, bytes]] = {}
        self._lock = threading.Lock()
        self.hits = 0  # how many groupings were spared their searches

    def get(self, kind: str, key: bytes):
        """The kept proposals for (kind, key) as ``unpack`` gives them, or None."""
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
        memo.hits = self.hits
        return memo


def pack(a, b, k) -> bytes:
    """Pairs (a, b) in view k (numpy int arrays, nodes below 2**31, views -1..127)."""
    import numpy as np

    n = len(a)
    return b"".join(
        (
            _HEADER.pack(n),
            np.asarray(a, dtype="<i4").tobytes(),
            np.asarray(b, dtype="<i4").tobytes(),
            np.asarray(k, dtype="i1").tobytes(),
        )
    )


def unpack(data: bytes):
    """``pack``'s arrays again, as int64; None if ``data`` is not of its layout."""
    import numpy as np

    if len(data) < _HEADER.size:
        return None
    (n,) = _HEADER.unpack_from(data)
    if n < 0 or len(data) != _HEADER.size + 9 * n:
        return None
    lo = _HEADER.size
    a = np.frombuffer(data, "<i4", n, lo).astype(np.int64)
    b = np.frombuffer(data, "<i4", n, lo + 4 * n).astype(np.int64)
    k = np.frombuffer(data, "i1", n, lo + 8 * n).astype(np.int64)
    return a, b, k
