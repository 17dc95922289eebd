"""The compiled search finds exactly the pairs of an all-pairs popcount, once each."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import numpy as np
import pytest

from photodedup.core import hamming_index as hi


def all_pairs(q: np.ndarray, x: np.ndarray, d: int, self_join: bool) -> set[tuple[int, int, int]]:
    """The rule itself: every (query, index row, distance) within d, by plain numpy."""
    dist = np.bitwise_count(q[:, None, :] ^ x[None, :, :]).sum(axis=-1)
    ok = dist <= d
    if self_join:
        ok &= np.triu(np.ones(ok.shape, dtype=bool), 1)
    a, b = np.nonzero(ok)
    return set(zip(a.tolist(), b.tolist(), dist[a, b].tolist(), strict=True))


def as_set(p: hi.Pairs) -> set[tuple[int, int, int]]:
    got = list(zip(p.a.tolist(), p.b.tolist(), p.dist.tolist(), strict=True))
    assert len(got) == len(set(got)), "a pair came out twice"
    return set(got)


def unordered(p: hi.Pairs) -> set[tuple[int, int, int]]:
    """A self-join's pairs as (lower row, higher row, distance), as self_pairs gives them."""
    return {(min(a, b), max(a, b), k) for a, b, k in as_set(p)}


def planted(rng: np.random.Generator, n: int, words: int, near: int, most: int) -> np.ndarray:
    """n random rows, the last ``near`` of them copies of earlier rows with up to
    ``most`` bits flipped (some exactly 0, some past any small d)."""
    h = rng.integers(0, 2**64, (n, words), dtype=np.uint64)
    src = rng.integers(0, n - near, near)
    for k, s in enumerate(src):
        row = h[s].copy()
        for bit in rng.choice(64 * words, int(rng.integers(0, most + 1)), replace=False):
            row[bit // 64] ^= np.uint64(1) << np.uint64(bit % 64)
        h[n - near + k] = row
    return h


@pytest.mark.parametrize(("words", "d"), [(1, 0), (1, 4), (1, 10), (4, 0), (4, 24), (4, 72)])
def test_self_and_cross_joins_equal_all_pairs(words, d):
    rng = np.random.default_rng(100 * words + d)
    h = planted(rng, 1500, words, 300, d + 4)
    plan = hi.make_plan(len(h), len(h), 64 * words, d, True)
    assert not plan.brute  # the kernel's path, not numpy's all-pairs
    want = all_pairs(h, h, d, True)
    assert any(k == d for _a, _b, k in want)  # a pair right at the limit
    assert as_set(hi.self_pairs(h, d)) == want
    assert unordered(hi._mih_parallel(h, h, d, plan, True, None, 2)) == want
    q, x = h[::3].copy(), h[1::2].copy()
    plan = hi.make_plan(len(q), len(x), 64 * words, d, False)
    assert not plan.brute
    assert as_set(hi.cross_pairs(q, x, d)) == all_pairs(q, x, d, False)


def test_a_crowded_bucket_and_many_pairs():
    # 600 rows, all in one bucket of every chunk and 300 of them equal: 44,850
    # pairs at d=0, far past the kernel's first output arrays.
    h = np.zeros((600, 4), dtype=np.uint64)
    h[300:, 0] = np.arange(1, 301, dtype=np.uint64) << np.uint64(48)  # only the top word
    plan = hi.Plan(((0, 12, 0), (12, 12, 0), (24, 12, 0)), 0.0)
    got = unordered(hi._mih(h, h, 2, plan, True, None))
    assert got == all_pairs(h, h, 2, True)
    assert len(got) > 44_850
    assert as_set(hi._mih(h[:50], h, 0, plan, False, None)) == all_pairs(h[:50], h, 0, False)


def test_one_bit_chunk_compares_all_pairs():
    rng = np.random.default_rng(9)
    h = planted(rng, 300, 4, 60, 90)
    plan = hi.Plan(((0, 1, 80),), 0.0)
    assert unordered(hi._mih(h, h, 80, plan, True, None)) == all_pairs(h, h, 80, True)


def test_empty_inputs():
    none, one = np.zeros((0, 4), dtype=np.uint64), np.ones((1, 4), dtype=np.uint64)
    for got in (hi.self_pairs(none, 8), hi.cross_pairs(none, one, 8), hi.cross_pairs(one, none, 8)):
        assert len(got.a) == len(got.b) == len(got.dist) == 0
    plan = hi.Plan(((0, 8, 2), (8, 8, 1)), 0.0)
    assert as_set(hi._mih(none, one, 4, plan, False, None)) == set()
    assert as_set(hi._mih(one, none, 4, plan, False, None)) == set()
    assert as_set(hi._mih(one, one, 4, plan, True, None)) == set()


def test_a_strided_view_searches_like_its_copy():
    rng = np.random.default_rng(4)
    wide = planted(rng, 2000, 4, 400, 8)
    column = wide[:, 2:3]  # as check_match passes one probe column of a table
    want = as_set(hi.self_pairs(column.copy(), 6))
    assert want and as_set(hi.self_pairs(column, 6)) == want


def test_numba_is_imported_only_when_a_search_runs():
    code = (
        "import sys, numpy as np\n"
        "import photodedup.cli, photodedup.core.group, photodedup.core.hamming_index as hi\n"
        "assert 'numba' not in sys.modules\n"
        "hi.self_pairs(np.arange(4000, dtype=np.uint64).reshape(-1, 1), 3)\n"
        "assert 'numba' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_kernel_loads_where_numba_can_keep_no_cache():
    # A source file numba cannot find (as in a frozen app that ships none, without a
    # user cache dir): no cache locator, so the kernel compiles in memory instead.
    from numba.core.caching import NullCache

    from photodedup.core import hamming_kernel

    source = Path(hamming_kernel.__file__).read_text(encoding="utf-8")
    module = types.ModuleType("hamming_kernel_nowhere")
    module.__file__ = "/nowhere/hamming_kernel.py"
    sys.modules[module.__name__] = module
    try:
        exec(compile(source, module.__file__, "exec"), module.__dict__)
    finally:
        del sys.modules[module.__name__]
    assert isinstance(module.probe._cache, NullCache)
    assert not isinstance(hamming_kernel.probe._cache, NullCache)
