"""The keep rule against a plain elimination written out here, on many random groups."""

from __future__ import annotations

import random

import pytest

from photodedup.core.keep import (
    PRESETS,
    Candidate,
    Choice,
    Criterion,
    KeepReason,
    KeepRule,
    _steps,
    chooser,
)
from photodedup.core.keep_criteria import least_compressed, most_pixels
from photodedup.core.models import ImageRecord

FORMATS = ("JPEG", "JPEG", "PNG", "HEIF", "DNG", "WEBP")
FOLDERS = ("/home/sam/Pictures", "/home/sam/Backup", "/media/card/DCIM", "/home/sam/Phone")


def record(rng: random.Random, g: int, i: int) -> ImageRecord:
    """A copy that often ties with the others on one fact or several."""
    width = rng.choice((4000, 4000, 3990, 2000, 320))
    return ImageRecord(
        path=f"{rng.choice(FOLDERS)}/{rng.choice(('', 'old/'))}{g}_{i}.jpg",
        size=rng.choice((50_000, 50_000, 120_000, rng.randint(10**4, 10**7))),
        mtime_ns=rng.choice((0, 10**9, 3 * 10**9, rng.randint(0, 10**18))),
        format=rng.choice(FORMATS),
        width=width,
        height=width * 3 // 4,
        hash=0,
        variants=(),
        digest=f"{g}-{i}",
        taken=rng.choice((None, "2021-06-01T12:00:00", "2020-01-01T08:00:00", "bad date")),
        camera=rng.choice((None, None, "Pixel 7")),
    )


def plain_choice(candidates: list[Candidate], rule: KeepRule, prefer: tuple[str, ...]) -> Choice:
    """Elimination as keep's docstring says it: each criterion keeps the best of those
    left, unless it would keep none or all; copies in a reference folder first."""
    lost: list[KeepReason | None] = [None] * len(candidates)
    reasons: list[KeepReason] = []
    alive = list(range(len(candidates)))
    steps = [(KeepReason.REFERENCE_FOLDER, lambda rs: [r in protected for r in rs])]
    protected = {c.image for c in candidates if c.in_reference_folder}
    steps += list(_steps(rule, prefer))
    for reason, keep in steps:
        flags = keep([candidates[i].image for i in alive])
        survivors = [i for i, ok in zip(alive, flags, strict=True) if ok]
        if len(alive) > 1 and 0 < len(survivors) < len(alive):
            for i in set(alive) - set(survivors):
                lost[i] = reason
            reasons += [reason] if reason not in reasons else []
            alive = survivors
    return Choice(alive[0], tuple(reasons), tuple(lost))


def rules(rng: random.Random) -> list[KeepRule]:
    out = list(PRESETS.values())
    for _ in range(20):
        criteria = rng.sample(list(Criterion), rng.randint(1, 5))
        formats = tuple(rng.sample(("RAW", "HEIF", "JPEG", "PNG", "WEBP"), 3))
        out.append(KeepRule(tuple(criteria), formats))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_the_rule_keeps_what_plain_elimination_keeps(seed: int) -> None:
    rng = random.Random(seed)
    prefer = ("/home/sam/Phone", "/media/card")
    for rule in rules(rng):
        pick = chooser(rule, prefer)
        for g in range(150):
            cands = [
                Candidate(record(rng, g, i), rng.random() < 0.1) for i in range(rng.randint(1, 5))
            ]
            assert pick(cands) == plain_choice(cands, rule, prefer)


def test_resolution_and_compression_filters_by_their_definitions() -> None:
    rng = random.Random(7)
    for g in range(2000):
        recs = [record(rng, g, i) for i in range(rng.randint(1, 5))]
        most = max(r.width * r.height for r in recs)
        assert most_pixels(recs) == [r.width * r.height >= most * 0.99 for r in recs]
        density = {r.path: r.size / max(1, r.width * r.height) for r in recs}
        best: dict[str, float] = {}
        for r in recs:
            best[r.format] = max(best.get(r.format, 0.0), density[r.path])
        assert least_compressed(recs) == [density[r.path] >= 0.9 * best[r.format] for r in recs]
