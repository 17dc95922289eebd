"""The halves' check against its definition, pair by pair, on many random pairs."""

from __future__ import annotations

import numpy as np
import pytest

from photodedup.core import halves
from photodedup.core.models import CHECK_BYTES, THUMB_BYTES


def checks_with_close_halves(rng: np.random.Generator, n: int) -> list[bytes]:
    """Check bytes whose halves are random, or a few bits from record 0's in some halves."""
    base = rng.integers(0, 256, CHECK_BYTES, dtype=np.uint8)
    out = []
    for _ in range(n):
        row = rng.integers(0, 256, CHECK_BYTES, dtype=np.uint8)
        for h in range(4):
            lo = THUMB_BYTES + 40 * h
            if rng.random() < 0.5:  # this half near record 0's: up to 90 bits flipped
                row[lo : lo + 40] = base[lo : lo + 40]
                # Some only in the first two words: close to the limit there too.
                bits = rng.integers(0, rng.choice([128, 320]), rng.integers(0, 90))
                np.bitwise_xor.at(row, lo + bits // 8, (1 << (bits % 8)).astype(np.uint8))
        out.append(row.tobytes())
    out[0] = base.tobytes()
    return out


def by_definition(checks: list[bytes], a: np.ndarray, b: np.ndarray, d: int) -> list[bool]:
    _, words = halves.half_words(checks)
    out = []
    for i, j in zip(a.tolist(), b.tolist(), strict=True):
        dist = [
            sum(int(x ^ y).bit_count() for x, y in zip(words[i, h], words[j, h], strict=True))
            for h in range(4)
        ]
        ok = any(
            dist[h] <= halves.half_limit(d) and dist[halves.OPPOSITE[h]] <= halves.OTHER_HALF
            for h in range(4)
        )
        out.append(ok and halves.has_halves(checks[i]) and halves.has_halves(checks[j]))
    return out


@pytest.mark.parametrize("d", [0, 40, 80, 88])
def test_half_matches_as_defined(d: int) -> None:
    rng = np.random.default_rng(d)
    checks = checks_with_close_halves(rng, 300)
    checks[7] = checks[7][:THUMB_BYTES]  # an older record, without halves
    a = rng.integers(0, 300, 3000)
    b = rng.integers(0, 300, 3000)
    a[:300], b[:300] = 0, np.arange(300)  # every record against the base
    got = halves.half_matches(checks, a, b, d)
    expected = by_definition(checks, a, b, d)
    assert got.tolist() == expected
    assert (sum(expected) > 20) == (d > 0)
