"""Named grouping distances ("exact" … "loose") and the bits each stands for.

Kept apart from the grouping code so that a front end can list and resolve
presets without loading numpy.
"""

from __future__ import annotations

PRESETS: dict[str, str] = {
    "exact": "Exact",
    "very-similar": "Very similar",
    "similar": "Similar",
    "loose": "Loosely similar",
}
DEFAULT_PRESET = "similar"

# Distances in bits for 64-bit (hash size 8) and 256-bit (16) hashes, measured with
# bench/measure_presets.py on 150 photos x 12 kinds of copy and 79 800 pairs of
# different photos, default dhash (see "Grouping" in bench/README.md). "similar"
# is the widest distance at which no two different photos met (~98.7% of copies
# at 64 bits); "very-similar" keeps ~95% and no false pair even with rotations on;
# "loose" takes ~99.9% of copies and lets a few look-alikes in for review.
_PRESET_BITS: dict[str, dict[int, int]] = {
    "exact": {64: 0, 256: 0},
    "very-similar": {64: 3, 256: 12},
    "similar": {64: 5, 256: 20},
    "loose": {64: 10, 256: 40},
}


def preset_distance(name: str, bits: int) -> int:
    """The Hamming distance in bits a preset stands for, for hashes of ``bits`` bits."""
    if name not in _PRESET_BITS:
        raise ValueError(f"unknown preset {name!r}; choose from {', '.join(PRESETS)}")
    table = _PRESET_BITS[name]
    if bits in table:
        return table[bits]
    return round(table[64] * bits / 64)
