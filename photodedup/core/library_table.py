"""A library's fingerprints as columns: what a check compares queries against.

Made either from records (a library walked just now) or straight from an
index file's rows, without building a record per row: a check against a
100,000-photo index must cost well under a second beyond decoding its queries.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from photodedup.core import confirm, hamming_index
from photodedup.core.models import ImageRecord

_SLICE = 16_384
THUMB_BYTES = 8 * 8 * 3  # fingerprint.THUMB_SIDE² RGB pixels (not imported: it loads Pillow)


@dataclass
class LibraryTable:
    """Row ``i`` is one library image. Paths stay bytes when read from an index."""

    paths: Sequence[str] | Sequence[bytes]
    sizes: np.ndarray  # int64
    widths: np.ndarray  # int64
    heights: np.ndarray  # int64
    digests: Sequence[str]  # quick digests
    hashes: np.ndarray  # (n, words) uint64, as ``hamming_index.pack``
    full: Sequence[str] | None = None  # whole-file digests, when stored (an index)
    # With the checked (pdq) fingerprint: each row's own 64-bit pHash and dHash, the
    # probes that propose candidates, as (n, 2) uint64; and its colour thumbnail as
    # (n, THUMB_BYTES) uint8, the second check. None for the other fingerprints.
    probes: np.ndarray | None = None
    thumbs: np.ndarray | None = None

    def __post_init__(self) -> None:
        self._by_size = np.argsort(self.sizes, kind="stable")
        self._sorted_sizes = self.sizes[self._by_size]
        self._by_path: dict[str | bytes, int] | None = None
        self._flat: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.sizes)

    def path(self, row: int) -> str:
        p = self.paths[row]
        return os.fsdecode(p) if isinstance(p, bytes) else p

    def rows_with(self, size: int, digest: str) -> list[int]:
        """Rows of the same byte size and quick digest: candidates for identical."""
        lo, hi = np.searchsorted(self._sorted_sizes, [size, size + 1])
        return [int(r) for r in self._by_size[lo:hi] if self.digests[r] == digest]

    def row_of(self, path: str) -> int | None:
        """The row stored under exactly ``path``, if any."""
        if self._by_path is None:
            self._by_path = {p: i for i, p in enumerate(self.paths)}
        key: str | bytes = path
        if self.paths and isinstance(self.paths[0], bytes):
            key = os.fsencode(path)
        return self._by_path.get(key)

    def thumb_bytes(self, rows: np.ndarray) -> list[bytes]:
        """The colour thumbnails of ``rows``, one bytes each (``confirm.Thumbs`` takes those)."""
        assert self.thumbs is not None
        return [t.tobytes() for t in self.thumbs[rows]]

    def flat_rows(self) -> np.ndarray:
        """Rows of near-blank pictures (``confirm``'s rule), found once, on first need."""
        if self._flat is None:
            found = [np.zeros(0, dtype=np.int64)]
            # In slices: the rule's float copies of 100,000 thumbnails would take 100 MB.
            for lo in range(0, len(self), _SLICE):
                rows = np.arange(lo, min(lo + _SLICE, len(self)))
                found.append(lo + np.flatnonzero(confirm.Thumbs(self.thumb_bytes(rows)).flat))
            self._flat = np.concatenate(found)
        return self._flat

    @classmethod
    def from_records(
        cls, records: Sequence[ImageRecord], bits: int, checked: bool = False
    ) -> LibraryTable:
        n = len(records)
        probes = thumbs = None
        if checked:
            probes = np.array([r.probes[:2] for r in records], dtype=np.uint64).reshape(n, 2)
            thumbs = _thumb_array([r.thumb for r in records])
        return cls(
            paths=[r.path for r in records],
            sizes=np.fromiter((r.size for r in records), np.int64, n),
            widths=np.fromiter((r.width for r in records), np.int64, n),
            heights=np.fromiter((r.height for r in records), np.int64, n),
            digests=[r.digest for r in records],
            hashes=hamming_index.pack([r.hash for r in records], bits),
            probes=probes,
            thumbs=thumbs,
        )

    @classmethod
    def from_columns(
        cls,
        paths: Sequence[bytes],
        sizes: Sequence[int],
        widths: Sequence[int],
        heights: Sequence[int],
        hash_hex: Sequence[str],
        digests: Sequence[str],
        full: Sequence[str],
        bits: int,
        probes_hex: Sequence[str] | None = None,
        thumbs: Sequence[bytes] | None = None,
    ) -> LibraryTable:
        """From an index's columns; raises ValueError on a hash that does not parse.

        ``probes_hex`` and ``thumbs`` are the checked fingerprint's stored columns
        (the probes as the cache writes them: hex values joined by commas).
        """
        probes = _parse_probes(probes_hex) if probes_hex is not None else None
        return cls(
            paths=paths,
            sizes=np.asarray(sizes, dtype=np.int64),
            widths=np.asarray(widths, dtype=np.int64),
            heights=np.asarray(heights, dtype=np.int64),
            digests=digests,
            hashes=_parse_hex(hash_hex, bits),
            full=full,
            probes=probes,
            thumbs=_thumb_array(thumbs) if thumbs is not None else None,
        )


def _parse_hex(values: Sequence[str], bits: int) -> np.ndarray:
    # One join and one fromhex for all rows: int(h, 16) per row costs 10x more.
    words = max(1, -(-bits // 64))
    width = words * 16
    text = "".join([v.rjust(width, "0") for v in values])
    if len(text) != width * len(values):
        raise ValueError(f"a hash wider than {bits} bits")
    raw = bytes.fromhex(text)
    return np.frombuffer(raw, dtype=">u8").astype(np.uint64).reshape(len(values), words)


def _parse_probes(values: Sequence[str]) -> np.ndarray:
    """The first two probes (the picture's own pHash and dHash) of each row."""
    first = []
    for v in values:
        parts = v.split(",", 2)
        if len(parts) < 2:
            raise ValueError("a row without its probes")
        first += parts[:2]
    return _parse_hex(first, 64).reshape(len(values), 2)


def _thumb_array(thumbs: Sequence[bytes]) -> np.ndarray:
    if any(t is None or len(t) != THUMB_BYTES for t in thumbs):
        raise ValueError("a row without its thumbnail")
    return np.frombuffer(b"".join(thumbs), dtype=np.uint8).reshape(len(thumbs), THUMB_BYTES)
