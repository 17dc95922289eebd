"""The multi-index search finds exactly the pairs an all-pairs scan finds."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from photodedup.core import hamming_index as hi


def clustered(rng: np.random.Generator, n: int, words: int, flips: int) -> np.ndarray:
    centres = rng.integers(0, 2**64, (max(1, n // 8), words), dtype=np.uint64)
    h = centres[rng.integers(0, len(centres), n)]
    for _ in range(flips):
        bit = np.uint64(1) << rng.integers(0, 64, (n, words)).astype(np.uint64)
        h ^= bit * rng.integers(0, 2, (n, words), dtype=np.uint64)
    return h


def as_set(p: hi.Pairs) -> set[tuple[int, int, int]]:
    got = list(zip(p.a.tolist(), p.b.tolist(), p.dist.tolist(), strict=True))
    assert len(got) == len(set(got)), "a pair came out twice"
    return set(got)


def forced_plan(m: int, width: int, d: int) -> hi.Plan:
    parts = [(d + 1) // m + (1 if i < (d + 1) % m else 0) for i in range(m)]
    return hi.Plan(tuple((i * width, width, p - 1) for i, p in enumerate(parts)), 0.0)


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(1, 120),
    words=st.sampled_from([1, 4]),
    d=st.integers(0, 24),
    m=st.integers(1, 6),
    width=st.integers(1, 12),
)
def test_mih_matches_all_pairs(seed, n, words, d, m, width):
    m = min(m, d + 1)
    # Chunks stay inside the hash, as make_plan's do: past its last bit a chunk would
    # read the low word again, and a bit counted in two chunks breaks the pigeonhole.
    width = min(width, 64 * words // m)
    rng = np.random.default_rng(seed)
    h = clustered(rng, n, words, flips=3)
    plan = forced_plan(m, width, d)
    want = as_set(hi._brute(h, h, d, True, None))
    got = hi._mih(h, h, d, plan, True, None)
    assert {(min(a, b), max(a, b), k) for a, b, k in as_set(got)} == want
    x = h[::2].copy()
    assert as_set(hi._mih(h, x, d, plan, False, None)) == as_set(hi._brute(h, x, d, False, None))


def test_crowded_bucket_expands_beyond_the_first_rows():
    h = np.zeros((50, 1), dtype=np.uint64)
    h[:, 0] = np.arange(50, dtype=np.uint64) << np.uint64(40)  # same low 40 bits
    got = hi._mih(h, h, 6, forced_plan(1, 16, 6), True, None)
    assert as_set(got) == as_set(hi._brute(h, h, 6, True, None))


def test_public_search_and_plan_choice():
    rng = np.random.default_rng(7)
    h = clustered(rng, 4000, 1, flips=2)
    assert not hi.make_plan(4000, 4000, 64, 4, True).brute
    got = hi.self_pairs(h, 4)
    assert bool(np.all(got.a < got.b))
    assert as_set(got) == as_set(hi._brute(h, h, 4, True, None))


def test_parallel_search_gives_the_same_pairs():
    rng = np.random.default_rng(3)
    h = clustered(rng, 3000, 1, flips=3)
    plan = hi.make_plan(len(h), len(h), 64, 8, True)
    assert not plan.brute
    ticks = []
    got = hi._mih_parallel(h, h, 8, plan, True, ticks.append, 2)
    assert as_set(got) == as_set(hi._mih(h, h, 8, plan, True, None))
    assert sum(ticks) == hi._units(plan, len(h), len(h))


def test_pack_orders_words_high_first_and_rejects_wide_values():
    packed = hi.pack([(1 << 255) | 5], 256)
    assert packed.tolist() == [[1 << 63, 0, 0, 5]]
    assert hi.distances(packed, hi.pack([5], 256)).tolist() == [1]
    with pytest.raises(ValueError, match="64 bits"):
        hi.pack([1 << 64], 64)
