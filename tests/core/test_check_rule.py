"""The check follows the scan's rule: pdq probes + PDQ + colour check, near-blank apart."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from imagegen import photo, resized, save
from PIL import Image

from photodedup.core.check import CheckSettings, Library, Verdict, check
from photodedup.core.check_match import checked_rows
from photodedup.core.library_table import LibraryTable
from photodedup.core.models import GroupOptions, HashSettings, ImageRecord, ScanOptions, WalkOptions
from photodedup.core.scan import scan

from .test_group_checked import VIEWS, checked_dist, flip


def pair_distance(lib: ImageRecord, q: ImageRecord, near: int, loose: int, rotations: bool):
    """The scan's pair rule with the library file as reference, the slow, obvious way,
    at the in-library and at the similar distance: the distance it counts at, or None."""
    for d in (near, loose):
        found = checked_dist(lib, q, d, rotations)
        if found is not None:
            return found
    return None


@st.composite
def scenes(draw):
    """Up to 40 records round a few centres: close or far probes, hashes and thumbnails."""
    rng = random.Random(draw(st.integers(0, 2**32)))
    centres = []
    for _ in range(draw(st.integers(1, 4))):
        tone = rng.randint(0, 255)
        flat = rng.random() < 0.3
        pixels = [tone if flat else rng.randint(0, 255) for _ in range(8 * 8 * 3)]
        centres.append((rng.getrandbits(256), rng.getrandbits(64), rng.getrandbits(64), pixels))
    records = []
    for k in range(draw(st.integers(2, 40))):
        h, p, dh, pixels = rng.choice(centres)
        shade = rng.choice([0, 0, 0, 1, 2, 20, -20, 90])
        probes = []
        for _ in range(VIEWS):
            probes += [flip(p, 64, rng, 14), flip(dh, 64, rng, 12)]
        records.append(
            ImageRecord(
                path=f"/photos/p{k:02d}",
                size=1,
                mtime_ns=0,
                format="JPEG",
                width=10,
                height=10,
                hash=flip(h, 256, rng, 60),
                variants=tuple(flip(h, 256, rng, 60) for _ in range(4)),
                digest="x",
                probes=tuple(probes),
                thumb=bytes(max(0, min(255, v + shade)) for v in pixels)
                + bytes([rng.choice([0, 40, 60, 100])]),  # PDQ's quality
            )
        )
    near = draw(st.integers(0, 60))
    return records, near, near + draw(st.integers(0, 20))


@settings(max_examples=60, deadline=None)
@given(scene=scenes(), rotations=st.booleans())
def test_checked_matches_equal_a_brute_force_of_the_scan_rule(scene, rotations) -> None:
    records, near, loose = scene
    half = len(records) // 2
    library, queries = records[:half], records[half:]
    table = LibraryTable.from_records(library, 256, checked=True)
    got = checked_rows(queries, table, near, loose, rotations)
    want: dict[int, dict[int, int]] = {}
    for qi, q in enumerate(queries):
        for row, lib in enumerate(library):
            d = pair_distance(lib, q, near, loose, rotations)
            if d is not None:
                want.setdefault(qi, {})[row] = d
    assert {qi: rows for qi, rows in got.items() if rows} == want


def fog(tone: int, seed: int) -> Image.Image:
    rng = np.random.default_rng(seed)
    pixels = np.clip(tone + rng.normal(0, 1.5, (300, 400, 3)), 0, 255).astype(np.uint8)
    return Image.fromarray(pixels)


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library and a card: copies, a night edition, turned pixels and near-blank skies."""
    root = tmp_path_factory.mktemp("rule")
    lib, card = root / "library", root / "card"
    beach, street = photo(31, (800, 600)), photo(32, (800, 600))
    save(beach, lib / "beach.jpg", quality=92)
    save(street, lib / "street.jpg", quality=92)
    save(fog(200, 1), lib / "fog.png")
    save(resized(beach, 0.5), card / "beach-small.jpg")
    save(beach.transpose(Image.Transpose.ROTATE_90), card / "beach-turned.jpg")
    a = np.asarray(street, dtype=np.float32) / 255
    night = Image.fromarray(np.uint8(255 * (a**1.6) * [0.35, 0.4, 0.6]))
    save(night, card / "street-night.jpg", quality=92)
    save(fog(200, 1), card / "fog-copy.jpg", quality=90)
    save(fog(120, 2), card / "dusk.png")
    return root


def verdicts(root: Path, **group) -> dict[str, Verdict]:
    report = check(
        [str(root / "card")],
        Library(folders=(str(root / "library"),)),
        CheckSettings(walk=WalkOptions(min_size=0), group=GroupOptions(**group), use_cache=False),
    )
    assert report.hash == HashSettings()  # the scan's default, pdq
    return {Path(r.path).name: r.verdict for r in report.results}


def test_the_check_tells_copies_from_editions_and_skies_as_the_scan_does(scene: Path) -> None:
    assert verdicts(scene) == {
        "beach-small.jpg": Verdict.IN_LIBRARY,
        "beach-turned.jpg": Verdict.NEW,
        "dusk.png": Verdict.NEW,  # another near-blank picture: it meets only its own copies
        "fog-copy.jpg": Verdict.IN_LIBRARY,
        "street-night.jpg": Verdict.NEW,  # same shapes, other tones: the colour check
    }
    assert verdicts(scene, rotations=True)["beach-turned.jpg"] is Verdict.IN_LIBRARY


def test_what_the_check_finds_in_the_library_the_scan_groups_with_it(
    scene: Path, tmp_path: Path
) -> None:
    both = tmp_path / "both"
    shutil.copytree(scene, both)
    result = scan(ScanOptions(WalkOptions((str(both),), min_size=0), use_cache=False))
    grouped = {Path(p).name for g in result.groups for p in g.paths if "/card/" in p}
    found = {n for n, v in verdicts(both).items() if v is Verdict.IN_LIBRARY}
    assert found == grouped == {"beach-small.jpg", "fog-copy.jpg"}
