"""Time-left estimates that wait for evidence and do not jump about.

The first files of a scan say little about the rest: the pool is still
starting, the cache answers some files at once, and one slow file skews a
short average. No estimate is given until enough files have been decoded over
enough time; after that the rate is smoothed, so the estimate moves steadily.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MIN_DONE = 20  # files decoded before any estimate
MIN_SECONDS = 3.0  # ... over at least this long
SMOOTHING_S = 20.0  # the rate follows changes over about this long


@dataclass
class EtaEstimator:
    """Feed it ``update(done, total, now)``; ``eta`` is seconds left, or None."""

    started: float | None = None
    _start_done: int = 0
    _rate: float | None = None
    _last: tuple[float, int] | None = None
    eta: float | None = field(default=None, init=False)

    def update(self, done: int, total: int, now: float) -> float | None:
        if self.started is None:
            self.started, self._start_done = now, done
            self._last = (now, done)
            return None
        assert self._last is not None
        last_time, last_done = self._last
        if now - last_time > 0 and done > last_done:
            rate = (done - last_done) / (now - last_time)
            if self._rate is None:
                self._rate = (done - self._start_done) / max(now - self.started, 1e-6)
            else:
                weight = min(1.0, (now - last_time) / SMOOTHING_S)
                self._rate += weight * (rate - self._rate)
            self._last = (now, done)
        if done < MIN_DONE or now - self.started < MIN_SECONDS or not self._rate:
            self.eta = None
        else:
            self.eta = max(0.0, (total - done) / self._rate)
        return self.eta
