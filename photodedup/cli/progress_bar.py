"""A one-line progress bar on stderr, redrawn in place."""

from __future__ import annotations

from typing import IO

from photodedup.cli.render import clock
from photodedup.core.models import Progress
from photodedup.core.reasons import Phase


class ProgressBar:
    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.width = 0

    def __call__(self, p: Progress) -> None:
        if p.phase == Phase.HASH and p.total:
            filled = int(30 * p.done / p.total)
            eta = f" ETA {clock(p.eta)}" if p.eta is not None else ""
            line = (
                f"[{'#' * filled}{'.' * (30 - filled)}] {p.done}/{p.total} {p.rate:.0f} img/s{eta}"
            )
        elif p.phase == Phase.GROUP:
            line = f"grouping {p.done}/{p.total}"
        else:
            line = f"looking for images: {p.done} files"
        self.width = max(self.width, len(line))
        self.out.write("\r" + line.ljust(self.width))
        self.out.flush()

    def clear(self) -> None:
        if self.width:
            self.out.write("\r" + " " * self.width + "\r")
            self.out.flush()
