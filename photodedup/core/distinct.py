"""The distinct values of an array, without the interpreter lock held throughout."""

from __future__ import annotations

import numpy as np


def unique_keys(keys: np.ndarray) -> np.ndarray:
    """The distinct values of a 1-D integer array, sorted, as ``np.unique`` gives them.

    numpy 2.3+ finds them with a hash table that holds the GIL throughout (0.2-0.4 s
    for a regroup's pairs at 100,000 photos, with the window's thread waiting);
    its sort lets go of it.
    """
    keys = np.sort(keys)
    if len(keys) < 2:
        return keys
    fresh = np.empty(len(keys), dtype=bool)
    fresh[0] = True
    np.not_equal(keys[1:], keys[:-1], out=fresh[1:])
    return keys[fresh]
