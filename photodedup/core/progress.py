"""One way for every engine function to report progress and to hear a cancel.

An engine function takes ``progress`` (a callback that receives ``Progress``
values) and ``cancel`` (anything with ``is_set()``, such as a
``threading.Event``); both may be None. It wraps them in a ``Reporter`` for its
phase, which counts the work done, adds the rate and an estimate of the time
left, reports at most every ``interval`` seconds, and raises ``Cancelled``
when asked to stop. Front ends only ever see ``Progress`` values.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from photodedup.core.reasons import Phase


@dataclass(frozen=True)
class Progress:
    """A progress report: what phase, how far, and what is being read now."""

    phase: Phase | str  # a Phase, or a name a caller of several phases gives its own
    done: int
    total: int
    bytes_done: int = 0
    bytes_total: int = 0
    current: str = ""
    rate: float = 0.0  # files per second in this phase
    eta: float | None = None  # seconds left, when it can be estimated


ProgressCallback = Callable[[Progress], None]


class Cancelled(Exception):
    """Raised by engine functions when their cancel event is set."""


class CancelToken(Protocol):
    """The part of ``threading.Event`` the engine uses."""

    def is_set(self) -> bool: ...


def check(cancel: CancelToken | None) -> None:
    """Raise ``Cancelled`` when ``cancel`` is set."""
    if cancel is not None and cancel.is_set():
        raise Cancelled()


class Reporter:
    """Progress of one phase: ``done`` of ``total`` units (and bytes), throttled.

    ``total`` may grow while the phase runs (``expect``): a search knows its own
    amount of work only once it has planned it.
    """

    def __init__(
        self,
        progress: ProgressCallback | None,
        phase: Phase,
        *,
        total: int = 0,
        bytes_total: int = 0,
        cancel: CancelToken | None = None,
        interval: float = 0.1,
    ) -> None:
        self.progress = progress
        self.phase = phase
        self.total = total
        self.bytes_total = bytes_total
        self.cancel = cancel
        self.interval = interval
        self.done = 0
        self.bytes_done = 0
        self.started = time.monotonic()
        self._last = float("-inf")

    def check(self) -> None:
        """Raise ``Cancelled`` when the cancel token is set."""
        check(self.cancel)

    def expect(self, units: int) -> None:
        """Count ``units`` more units of work in the total."""
        self.total += units

    def count(self, units: int = 1, *, nbytes: int = 0) -> None:
        """``units`` more done (and ``nbytes``), without reporting."""
        self.done = min(self.done + units, self.total) if self.total else self.done + units
        self.bytes_done += nbytes

    def advance(self, units: int = 1, *, nbytes: int = 0, current: str = "") -> None:
        """Check the cancel, count ``units`` (and ``nbytes``), report if it is time."""
        self.check()
        self.count(units, nbytes=nbytes)
        self.report(current)

    def report(self, current: str = "", *, force: bool = False) -> None:
        """Report where the phase is now: at once with ``force``, else when the
        interval has passed since the last report."""
        if self.progress is None:
            return
        now = time.monotonic()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        elapsed = max(now - self.started, 1e-6)
        self.progress(
            Progress(
                self.phase,
                self.done,
                self.total,
                self.bytes_done,
                self.bytes_total,
                current=current,
                rate=self.done / elapsed,
                eta=self.time_left(elapsed),
            )
        )

    def time_left(self, elapsed: float) -> float | None:
        """Seconds left, when they can be estimated; a phase may know better."""
        return None
