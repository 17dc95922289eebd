"""End to end: --crops groups copies cut from any sides with their original, and only them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from imagegen import photo, save
from PIL import Image


def cut(img: Image.Image, left: float, top: float, right: float, bottom: float) -> Image.Image:
    w, h = img.size
    return img.crop(
        (round(w * left), round(h * top), round(w * (1 - right)), round(h * (1 - bottom)))
    )


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("crops")
    beach, street, hill = photo(41, (800, 600)), photo(42, (800, 600)), photo(43, (800, 600))
    save(beach, root / "beach.jpg", quality=92)
    save(cut(beach, 0.15, 0, 0, 0), root / "beach-left-cut.jpg")
    save(cut(beach, 0, 0.1, 0.18, 0), root / "beach-corner-cut.jpg")
    save(cut(beach, 0.06, 0.12, 0.18, 0.09), root / "beach-all-cut.jpg")
    save(street, root / "street.jpg", quality=92)
    save(cut(street, 0.1, 0.1, 0.1, 0.1).resize((400, 300)), root / "street-centre-small.jpg")
    # Two halves of one wide picture and their overlapping middle: different photos.
    wide = photo(44, (1600, 600))
    save(wide.crop((0, 0, 800, 600)), root / "wide-left.jpg")
    save(wide.crop((800, 0, 1600, 600)), root / "wide-right.jpg")
    save(wide.crop((400, 0, 1200, 600)), root / "wide-middle.jpg")
    save(hill, root / "hill.jpg")
    save(cut(hill, 0.45, 0, 0, 0), root / "hill-part.jpg")  # cut far beyond 20%
    return root


def scan(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = ["scan", str(root), "--no-cache", "--min-size", "0", *args]
    return subprocess.run(
        [sys.executable, "-m", "photodedup.cli", *command],
        capture_output=True,
        text=True,
        timeout=180,
    )


def groups_of(root: Path, *args: str) -> tuple[list[list[str]], dict]:
    proc = scan(root, "--json", "-", *args)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    groups = sorted(sorted(Path(f["path"]).name for f in g["files"]) for g in report["groups"])
    return groups, report


def test_without_crops_no_cropped_copy_is_found(library: Path) -> None:
    groups, report = groups_of(library)
    assert groups == []
    assert report["settings"]["crops"] is False


def test_crops_group_each_cut_copy_with_its_original_and_nothing_else(library: Path) -> None:
    groups, report = groups_of(library, "--crops")
    assert report["settings"]["crops"] is True
    assert groups == [
        ["beach-all-cut.jpg", "beach-corner-cut.jpg", "beach-left-cut.jpg", "beach.jpg"],
        ["street-centre-small.jpg", "street.jpg"],
    ]


def test_crops_need_the_pdq_fingerprint(library: Path) -> None:
    proc = scan(library, "--crops", "--hash", "dhash")
    assert proc.returncode == 2
    assert "--crops works with the pdq fingerprint only" in proc.stderr
