"""Byte counts read the same in the CLI and the GUI: SI units, one decimal."""

from __future__ import annotations

import pytest

from photodedup.core.sizes import format_bytes, format_setting


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "0 B"),
        (999, "999 B"),
        (1000, "1.0 kB"),
        (4_100_000, "4.1 MB"),
        (999_960, "1.0 MB"),  # not "1000.0 kB"
        (1_234_567_890, "1.2 GB"),
        (2 * 10**15, "2.0 PB"),
        (5 * 10**18, "5000.0 PB"),
    ],
)
def test_sizes_are_si_with_one_decimal(n: int, text: str) -> None:
    assert format_bytes(n) == text


def test_the_decimal_point_follows_the_locale() -> None:
    assert format_bytes(4_100_000, ",") == "4,1 MB"


@pytest.mark.parametrize(
    ("n", "text"),
    [(0, "0 B"), (512, "512 B"), (8000, "8 kB"), (2_000_000, "2 MB"), (8500, "8.5 kB")],
)
def test_a_setting_reads_as_its_spin_box_shows_it(n: int, text: str) -> None:
    assert format_setting(n) == text
