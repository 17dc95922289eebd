"""Turning the engine's values into the words and numbers a terminal shows."""

from __future__ import annotations

import time


def human_bytes(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} TB"


def printable(path: str) -> str:
    """A path that prints on any terminal: undecodable bytes show as ``\\xNN``."""
    return path.encode("utf-8", "backslashreplace").decode("utf-8")


def clock(seconds: float) -> str:
    """``m:ss`` under an hour, ``hh:mm:ss`` above."""
    seconds = int(seconds)
    return (
        f"{seconds // 60}:{seconds % 60:02d}"
        if seconds < 3600
        else time.strftime("%H:%M:%S", time.gmtime(seconds))
    )
