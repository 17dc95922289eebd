"""A library's fingerprints as columns: what a check compares queries against.

Made either from records (a library walked just now) or straight from an index
file's column blobs (``to_blobs``/``from_blobs``), without building a record
per row: a check against a 100,000-photo index must cost well under a second
beyond decoding its queries.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from photodedup.core.fingerprint_rows import hash_rows, probe_rows, thumb_rows
from photodedup.core.models import CHECK_BYTES, THUMB_BYTES, ImageRecord

HALF_BYTES = CHECK_BYTES - THUMB_BYTES  # core.halves.HALF_BYTES, without its imports


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
    # And the hashes of its halves (core.halves), as (n, HALF_BYTES) uint8, all zero
    # where a row has none (an index written before them): the scan's second check.
    halves: np.ndarray | None = None

    def __post_init__(self) -> None:
        self._by_size = np.argsort(self.sizes, kind="stable")
        self._sorted_sizes = self.sizes[self._by_size]
        self._by_path: dict[str | bytes, int] | None = None
        self._means: np.ndarray | None = None

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

    def check_bytes(self, rows: np.ndarray) -> list[bytes]:
        """The check bytes of ``rows`` as a record holds them: thumbnail, then halves."""
        if self.halves is None:
            return self.thumb_bytes(rows)
        assert self.thumbs is not None
        out = []
        for t, h in zip(self.thumbs[rows], self.halves[rows], strict=True):
            out.append(t.tobytes() + h.tobytes() if h.any() else t.tobytes())
        return out

    def quadrant_means(self) -> np.ndarray:
        """(n, 12) mean of each thumbnail's quadrants per channel, found once, on first need."""
        if self._means is None:
            assert self.thumbs is not None
            self._means = quadrant_means(self.thumbs)
        return self._means

    @classmethod
    def from_records(
        cls,
        records: Sequence[ImageRecord],
        bits: int,
        checked: bool = False,
        full: Sequence[str] | None = None,
    ) -> LibraryTable:
        """From records; ``checked`` keeps their probes and thumbnails, ``full`` their
        whole-file digests (an index's)."""
        n = len(records)
        probes = thumbs = halves = None
        if checked:
            probes = probe_rows(records)[:, :2].reshape(n, 2)
            thumbs = _thumb_array([r.thumb for r in records])
            halves = _half_array([r.thumb for r in records])
        return cls(
            paths=[r.path for r in records],
            sizes=np.fromiter((r.size for r in records), np.int64, n),
            widths=np.fromiter((r.width for r in records), np.int64, n),
            heights=np.fromiter((r.height for r in records), np.int64, n),
            digests=[r.digest for r in records],
            hashes=hash_rows(records, bits),
            full=full,
            probes=probes,
            thumbs=thumbs,
            halves=halves,
        )

    def to_blobs(self) -> dict[str, bytes]:
        """The table as one blob per column, as an index stores it.

        Paths NUL-separated (as bytes), sizes, widths and heights little-endian
        int64, quick and whole-file digests newline-separated, hashes big-endian
        uint64 words; with pdq also the probes, the thumbnails and their quadrant
        means (``quadrant_means``, little-endian float32).
        """
        assert self.full is not None
        blobs = {
            "paths": b"\0".join(os.fsencode(self.path(i)) for i in range(len(self))),
            "sizes": self.sizes.astype("<i8").tobytes(),
            "widths": self.widths.astype("<i8").tobytes(),
            "heights": self.heights.astype("<i8").tobytes(),
            "digests": "\n".join(self.digests).encode(),
            "full": "\n".join(self.full).encode(),
            "hashes": self.hashes.astype(">u8").tobytes(),
        }
        if self.probes is not None and self.thumbs is not None:
            blobs["probes"] = self.probes.astype(">u8").tobytes()
            blobs["thumbs"] = self.thumbs.tobytes()
            blobs["means"] = self.quadrant_means().astype("<f4").tobytes()
        if self.halves is not None:
            blobs["halves"] = self.halves.tobytes()
        return blobs

    @classmethod
    def from_blobs(cls, blobs: dict[str, bytes], bits: int, checked: bool) -> LibraryTable:
        """From ``to_blobs``' columns; raises ValueError (or KeyError) when they do not fit."""
        sizes = np.frombuffer(blobs["sizes"], dtype="<i8").astype(np.int64)
        n = len(sizes)
        words = max(1, -(-bits // 64))

        def rows(name: str, dtype: str, width: int) -> np.ndarray:
            data = np.frombuffer(blobs[name], dtype=dtype)
            if len(data) != n * width:
                raise ValueError(f"the column {name} does not fit")
            return data.reshape(n, width)

        def texts(name: str) -> list[bytes]:
            parts = blobs[name].split(b"\n" if name != "paths" else b"\0") if n else []
            if len(parts) != n:
                raise ValueError(f"the column {name} does not fit")
            return parts

        table = cls(
            paths=texts("paths"),
            sizes=sizes,
            widths=rows("widths", "<i8", 1).reshape(n).astype(np.int64),
            heights=rows("heights", "<i8", 1).reshape(n).astype(np.int64),
            digests=[d.decode() for d in texts("digests")],
            hashes=rows("hashes", ">u8", words).astype(np.uint64),
            full=[d.decode() for d in texts("full")],
        )
        if checked:
            table.probes = rows("probes", ">u8", 2).astype(np.uint64)
            table.thumbs = rows("thumbs", "u1", THUMB_BYTES)
            table._means = rows("means", "<f4", 12).astype(np.float32)
            if "halves" in blobs:  # an index written before the halves has none
                table.halves = rows("halves", "u1", HALF_BYTES)
        return table


def quadrant_means(thumbs: np.ndarray) -> np.ndarray:
    """(n, 12) float32: the mean of each 4 x 4 quadrant of (n, 8 * 8 * 3) thumbnails, by channel."""
    n = len(thumbs)
    cells = thumbs[:, : 8 * 8 * 3].reshape(n, 2, 4, 2, 4, 3)
    return cells.mean(axis=(2, 4), dtype=np.float32).reshape(n, 12)


def _thumb_array(thumbs: Sequence[bytes]) -> np.ndarray:
    if any(t is None or len(t) < THUMB_BYTES for t in thumbs):
        raise ValueError("a row without its thumbnail")
    return thumb_rows(thumbs)


def _half_array(checks: Sequence[bytes]) -> np.ndarray:
    empty = bytes(HALF_BYTES)
    parts = [c[THUMB_BYTES:] if len(c) == CHECK_BYTES else empty for c in checks]
    return np.frombuffer(b"".join(parts), dtype=np.uint8).reshape(len(checks), HALF_BYTES)
