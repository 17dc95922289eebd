"""Many records' fingerprints as numpy rows, made straight from their packed bytes.

A record keeps its hashes and probes as bytes (``ImageRecord.hash_bytes``,
``probe_bytes``); joining those and reading them as big-endian words costs one
copy, where making each value a Python int and packing it again cost most of the
grouping of a large library.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from operator import attrgetter

import numpy as np

from photodedup.core.models import THUMB_BYTES, ImageRecord

VIEWS = 5  # the hash and its four turned/mirrored variants
_PROBES = attrgetter("probe_bytes")
# A map over 100,000 records inside one C call never lets go of the GIL, and the
# window's thread waits on it while a regroup runs; slices of this many let it in.
_SLICE = 4096


def hash_rows(records: Sequence[ImageRecord], bits: int, views: int = 1) -> np.ndarray:
    """Each record's hash, and with ``views`` = 5 its variants after it, as
    (len(records), views * words) uint64 words, high word first.

    A record with fewer variants stands its own hash in for the missing ones.
    """
    words = max(1, -(-bits // 64))
    size = 8 * words
    whole = views * size
    parts = []
    for r in records:
        raw = r.hash_bytes
        if r.hash_width == size and len(raw) >= whole:
            parts.append(raw[:whole] if len(raw) > whole else raw)
        else:
            parts.append(_repacked(r, size, views))
    return _words(b"".join(parts), len(records), views * words)


def _repacked(r: ImageRecord, size: int, views: int) -> bytes:
    """The slow way, for a record whose hashes were packed at another width."""
    values = [r.hash, *r.variants][:views]
    values += [r.hash] * (views - len(values))
    try:
        return b"".join([v.to_bytes(size, "big") for v in values])
    except OverflowError:
        raise ValueError(f"hash does not fit in {8 * size} bits") from None


def probe_rows(records: Sequence[ImageRecord]) -> np.ndarray:
    """Each record's probes as one row of uint64 (every record has as many)."""
    if not records:
        return np.zeros((0, 0), dtype=np.uint64)
    lengths: set[int] = set()
    parts = []
    for start in range(0, len(records), _SLICE):
        probes = list(map(_PROBES, records[start : start + _SLICE]))
        lengths.update(map(len, probes))
        parts.append(b"".join(probes))
    if len(lengths) > 1:
        raise ValueError("records with different numbers of probes")
    return _words(b"".join(parts), len(records), lengths.pop() // 8)


def _words(raw: bytes, rows: int, width: int) -> np.ndarray:
    return np.frombuffer(raw, dtype=">u8").astype(np.uint64).reshape(rows, width)


def thumb_rows(checks: Sequence[bytes]) -> np.ndarray:
    """The colour thumbnail and PDQ's quality that lead each record's check bytes
    (``models.CHECK_BYTES``), as (len(checks), THUMB_BYTES) uint8 rows; the halves'
    hashes after them are left out."""
    out = np.empty((len(checks), THUMB_BYTES), dtype=np.uint8)
    for lo, part, rows in check_slices(checks):
        if rows is not None and rows.shape[1] >= THUMB_BYTES:
            out[lo : lo + len(part)] = rows[:, :THUMB_BYTES]
        else:
            joined = b"".join([t[:THUMB_BYTES] for t in part])
            out[lo : lo + len(part)] = np.frombuffer(joined, np.uint8).reshape(-1, THUMB_BYTES)
    return out


def check_words(checks: Sequence[bytes]) -> np.ndarray:
    """Each check value whole, zero-padded to the longest rounded up to 8 bytes, as
    (len(checks), words) uint64 rows: a key for telling equal values, not numbers.

    Filled a slice at a time: padding one joined copy of a million values held two
    of them at once (350 MB each), the peak of grouping a million photos.
    """
    width = -(-max(map(len, checks), default=0) // 8) * 8
    out = np.zeros((len(checks), width), dtype=np.uint8)
    for lo, part, rows in check_slices(checks):
        if rows is not None:
            out[lo : lo + len(part), : rows.shape[1]] = rows
        else:  # a record of an older version has no halves (core.halves): shorter
            for k, t in enumerate(part):
                out[lo + k, : len(t)] = np.frombuffer(t, np.uint8)
    return out.view(np.uint64)


def check_slices(
    checks: Sequence[bytes],
) -> Iterator[tuple[int, Sequence[bytes], np.ndarray | None]]:
    """The check values a slice at a time (no copy of every one at once): the start,
    the slice, and the slice as one (len, width) uint8 array when all its values
    have one length, the usual case (no bytes object made per value), else None."""
    for lo in range(0, len(checks), _SLICE):
        part = checks[lo : lo + _SLICE]
        lengths = set(map(len, part))
        rows = None
        if len(lengths) == 1:
            rows = np.frombuffer(b"".join(part), dtype=np.uint8).reshape(len(part), -1)
        yield lo, part, rows
