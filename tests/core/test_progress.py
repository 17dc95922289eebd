"""One reporter and one cancel protocol for every phase of the engine."""

from __future__ import annotations

import random
import threading

import pytest

from photodedup.core.group import group_images
from photodedup.core.models import ImageRecord
from photodedup.core.progress import Cancelled, Progress, Reporter, check
from photodedup.core.reasons import Phase


def test_reports_are_throttled_but_a_forced_one_always_goes() -> None:
    seen: list[Progress] = []
    reporter = Reporter(seen.append, Phase.HASH, total=1000, bytes_total=10_000, interval=60)
    for _ in range(1000):
        reporter.advance(nbytes=10, current="/a")
    assert len(seen) == 1  # the first, then nothing for a minute
    reporter.report(force=True)
    last = seen[-1]
    assert (last.phase, last.done, last.total, last.bytes_done) == (Phase.HASH, 1000, 1000, 10_000)
    assert last.rate > 0 and last.eta is None


def test_a_phase_may_grow_its_total_and_never_counts_past_it() -> None:
    seen: list[Progress] = []
    reporter = Reporter(seen.append, Phase.GROUP, total=1, interval=0)
    reporter.expect(4)
    reporter.advance(3)
    reporter.advance(9)
    assert [(p.done, p.total) for p in seen] == [(3, 5), (5, 5)]


def test_cancel_is_heard_on_every_advance() -> None:
    cancel = threading.Event()
    reporter = Reporter(None, Phase.TRASH, cancel=cancel)
    reporter.advance()
    cancel.set()
    with pytest.raises(Cancelled):
        reporter.advance()
    with pytest.raises(Cancelled):
        check(cancel)
    check(None)


def test_the_search_reports_its_own_total() -> None:
    rng = random.Random(7)
    images = [
        ImageRecord(f"/p/{i}.jpg", 1000 + i, 0, "JPEG", 10, 10, rng.getrandbits(64), (), "")
        for i in range(3000)
    ]
    seen: list[Progress] = []
    group_images(images, 6, progress=seen.append, workers=1)
    assert {p.phase for p in seen} == {Phase.GROUP}
    assert seen[-1].done == seen[-1].total > 2  # the search's parts, and the end
    assert all(p.done <= p.total for p in seen)
    assert [p.done for p in seen] == sorted(p.done for p in seen)
