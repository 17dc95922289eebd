"""One line of progress on stderr, redrawn in place: the scan's bar, the check's phases."""

from __future__ import annotations

from typing import IO, Any, ClassVar

from photodedup.cli.render import clock
from photodedup.core.progress import Progress
from photodedup.core.reasons import Phase


class StatusLine:
    """A line redrawn in place; ``clear`` leaves the terminal as it found it."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.width = 0

    def show(self, line: str) -> None:
        self.width = max(self.width, len(line))
        self.out.write("\r" + line.ljust(self.width))
        self.out.flush()

    def clear(self) -> None:
        if self.width:
            self.out.write("\r" + " " * self.width + "\r")
            self.out.flush()


class ProgressBar(StatusLine):
    """The scan's phases; the fingerprinting as a bar with its rate and time left."""

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
        self.show(line)


class PhaseProgress(StatusLine):
    """The check's and the index's phases, each as words and a count."""

    _WORDS: ClassVar[dict[str, str]] = {
        "library-discover": "looking through the library",
        "library-hash": "reading the library",
        "index": "reading the index",
        "query-discover": "looking for photos to check",
        "query-hash": "reading the photos to check",
        "match": "comparing",
        "copy": "copying the new photos",
    }

    def __call__(self, p: Any) -> None:
        words = self._WORDS.get(str(p.phase), str(p.phase))
        count = f" {p.done}/{p.total}" if p.total else f" {p.done} files"
        self.show(f"{words}:{count}")
