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

# Distances in bits per algorithm and hash width. "pdq" (the default) was measured
# on real photographs with bench/accuracy.py ("Accuracy on real photographs" in
# bench/README.md), every distance from 0 to 100: "similar" is the last before
# different photos start to meet (at 80 two galaxies on black sky and a stereo
# pair join, and from 88 whole families of them); "very-similar" gives up the
# hardest copies (watermarks, trims) for a margin; "loose" takes a few more copies
# at a precision still about 0.985, for review. The other hashes use the dHash
# table, measured with bench/measure_presets.py ("Grouping" in bench/README.md).
_PRESET_BITS: dict[str, dict[str, dict[int, int]]] = {
    "pdq": {
        "exact": {256: 0},
        "very-similar": {256: 48},
        "similar": {256: 72},
        "loose": {256: 88},
    },
    "dhash": {
        "exact": {64: 0, 256: 0},
        "very-similar": {64: 3, 256: 12},
        "similar": {64: 5, 256: 20},
        "loose": {64: 10, 256: 40},
    },
}


def preset_distance(name: str, bits: int, algorithm: str = "dhash") -> int:
    """The Hamming distance in bits a preset stands for, for this algorithm and width."""
    if name not in PRESETS:
        raise ValueError(f"unknown preset {name!r}; choose from {', '.join(PRESETS)}")
    table = _PRESET_BITS.get(algorithm, _PRESET_BITS["dhash"])[name]
    if bits in table:
        return table[bits]
    return round(table[min(table)] * bits / min(table))
