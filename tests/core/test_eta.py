"""Time-left estimates: none until there is evidence, then steady."""

from __future__ import annotations

import itertools

from photodedup.core.eta import MIN_DONE, MIN_SECONDS, EtaEstimator


def feed(estimator: EtaEstimator, events: list[tuple[float, int]], total: int) -> list:
    return [estimator.update(done, total, t) for t, done in events]


def test_no_estimate_until_enough_files_over_enough_time() -> None:
    est = EtaEstimator()
    # The pool starts slowly: 8 files after 2 s, then a steady 100 files a second.
    events = [(2.0, 8)] + [(2.0 + k * 0.1, 8 + 10 * k) for k in range(1, 60)]
    etas = feed(est, events, 3000)
    first = next(i for i, e in enumerate(etas) if e is not None)
    t, done = events[first]
    assert done >= MIN_DONE and t - events[0][0] >= MIN_SECONDS
    # The first estimate is already about right: 2.9k files at 100 a second.
    truth = (3000 - done) / 100
    assert abs(etas[first] - truth) < 0.25 * truth


def test_a_slow_patch_moves_the_estimate_smoothly() -> None:
    est = EtaEstimator()
    events = [(k * 0.1, 10 * k) for k in range(0, 100)]  # 100 files a second for 10 s
    t, done = events[-1]
    for k in range(1, 21):  # then 2 s of a slow, huge file: nothing finishes
        events.append((t + k * 0.1, done))
    for k in range(1, 21):  # and a burst as it ends
        events.append((t + 2 + k * 0.1, done + 10 * k))
    etas = [e for e in feed(est, events, 5000) if e is not None]
    steps = [abs(b - a) / a for a, b in itertools.pairwise(etas) if a]
    assert max(steps) < 0.15  # no report moves the estimate by more than 15%


def test_a_finished_job_has_nothing_left() -> None:
    est = EtaEstimator()
    etas = feed(est, [(k * 0.5, 10 * k) for k in range(0, 12)], 110)
    assert etas[-1] == 0.0
