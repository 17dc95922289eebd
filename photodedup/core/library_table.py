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

from photodedup.core import hamming_index
from photodedup.core.models import ImageRecord


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

    def __post_init__(self) -> None:
        self._by_size = np.argsort(self.sizes, kind="stable")
        self._sorted_sizes = self.sizes[self._by_size]
        self._by_path: dict[str | bytes, int] | None = None

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

    @classmethod
    def from_records(cls, records: Sequence[ImageRecord], bits: int) -> LibraryTable:
        n = len(records)
        return cls(
            paths=[r.path for r in records],
            sizes=np.fromiter((r.size for r in records), np.int64, n),
            widths=np.fromiter((r.width for r in records), np.int64, n),
            heights=np.fromiter((r.height for r in records), np.int64, n),
            digests=[r.digest for r in records],
            hashes=hamming_index.pack([r.hash for r in records], bits),
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
    ) -> LibraryTable:
        """From an index's columns; raises ValueError on a hash that does not parse."""
        return cls(
            paths=paths,
            sizes=np.asarray(sizes, dtype=np.int64),
            widths=np.asarray(widths, dtype=np.int64),
            heights=np.asarray(heights, dtype=np.int64),
            digests=digests,
            hashes=_parse_hex(hash_hex, bits),
            full=full,
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
