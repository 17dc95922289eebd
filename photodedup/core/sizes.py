"""One way to write a byte count, for the CLI and the GUI alike.

SI units (powers of 1000: kB, MB, GB, TB), as the file managers of macOS, GNOME
and KDE's default show them, so that a size here matches the one the user sees
beside the file. Windows Explorer divides by 1024 and writes "KB"; mixing the
two is what made one file show two sizes.
"""

from __future__ import annotations

_UNITS = ("kB", "MB", "GB", "TB", "PB")


def format_bytes(n: int, decimal_point: str = ".") -> str:
    """``n`` bytes as "512 B", "4.1 MB" or "1.2 GB", with one decimal above bytes."""
    if abs(n) < 1000:
        return f"{n} B"
    value = float(n)
    for unit in _UNITS:
        value /= 1000
        # 999.96 kB would print as "1000.0 kB": carry it to the next unit.
        if abs(value) < 999.95 or unit == _UNITS[-1]:
            return f"{value:.1f}".replace(".", decimal_point) + f" {unit}"
    raise AssertionError("unreachable")


def format_setting(n: int, decimal_point: str = ".") -> str:
    """A size the user set in whole units ("8 kB", as the spin box shows it), else
    as :func:`format_bytes` writes it; "8.0 kB" beside a box reading 8 looks like
    a different number."""
    value, unit = n, "B"
    for next_unit in _UNITS:
        if value < 1000 or value % 1000:
            break
        value, unit = value // 1000, next_unit
    if unit == "B" and n >= 1000:
        return format_bytes(n, decimal_point)
    return f"{value} {unit}"
