import numpy as np

from photodedup.core.distinct import unique_keys


def test_unique_keys_are_numpys_unique() -> None:
    rng = np.random.default_rng(3)
    for n, high in ((0, 5), (1, 5), (1000, 50), (20_000, 2**40)):
        keys = rng.integers(0, high, n, dtype=np.int64)
        assert np.array_equal(unique_keys(keys), np.unique(keys))
