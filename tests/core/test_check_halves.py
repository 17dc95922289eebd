"""A check decides a pair by the scan's own rule, halves included (confirm.passes)."""

from __future__ import annotations

import numpy as np
import pytest
from imagegen import photo
from PIL import Image

from photodedup.core.check import CheckSettings, Library, Verdict, check
from photodedup.core.library import update_index
from photodedup.core.models import ScanOptions, WalkOptions
from photodedup.core.scan import scan
from tests.core.test_halves import dark, marked


def tiles() -> tuple[Image.Image, Image.Image]:
    """Two views sharing their sky half: a hard negative the halves must not join."""
    sky = np.asarray(photo(3))[:240]
    lands = (np.asarray(photo(21))[240:], np.asarray(photo(22))[240:])
    a, b = (Image.fromarray(np.vstack([sky, land]), "RGB") for land in lands)
    return a, b


@pytest.fixture
def folders(tmp_path):
    lib, card = tmp_path / "lib", tmp_path / "card"
    lib.mkdir()
    card.mkdir()
    dark(7).save(lib / "night.jpg", quality=95)
    marked(dark(7)).save(card / "night-marked.jpg", quality=95)
    a, b = tiles()
    a.save(lib / "tile-a.jpg", quality=95)
    b.save(card / "tile-b.jpg", quality=95)
    return tmp_path, lib, card


def scanned_pairs(lib, card) -> set[frozenset[str]]:
    report = scan(ScanOptions(WalkOptions((str(lib), str(card))), use_cache=False))
    return {frozenset(m.image.path.rsplit("/", 1)[1] for m in g.members) for g in report.groups}


@pytest.mark.parametrize("by_index", [False, True])
def test_a_check_reports_what_the_scan_groups_and_not_what_it_rejects(folders, by_index):
    root, lib, card = folders
    # The scan joins the marked copy (by its untouched half) and keeps the tiles apart.
    assert scanned_pairs(lib, card) == {frozenset({"night.jpg", "night-marked.jpg"})}
    library = Library(folders=(str(lib),))
    if by_index:
        out = root / "library.pdindex"
        update_index([str(lib)], str(out), ScanOptions(WalkOptions((str(lib),)), use_cache=False))
        library = Library(index=str(out))
    report = check([str(card)], library, CheckSettings(use_cache=False))
    found = {r.path.rsplit("/", 1)[1]: r for r in report.results}
    assert found["night-marked.jpg"].verdict is Verdict.IN_LIBRARY
    assert found["night-marked.jpg"].best.path.endswith("night.jpg")
    assert found["tile-b.jpg"].verdict is not Verdict.IN_LIBRARY
