"""End to end: the default fingerprint on turned, mirrored, edited and near-blank copies."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from imagegen import photo, resized, save
from PIL import Image


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "photodedup.cli", *args], capture_output=True, text=True, timeout=180
    )
    assert proc.returncode == 0, proc.stderr
    return proc


def fog(tone: int, seed: int) -> Image.Image:
    """A near-blank picture: one tone with faint grain."""
    rng = np.random.default_rng(seed)
    pixels = np.clip(tone + rng.normal(0, 1.5, (300, 400, 3)), 0, 255).astype(np.uint8)
    return Image.fromarray(pixels)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("matching")
    beach, street = photo(31, (800, 600)), photo(32, (800, 600))
    save(beach, root / "beach.jpg", quality=92)
    save(resized(beach, 0.5), root / "beach-small.jpg")
    # Turned and mirrored pixels, with no EXIF tag to undo it.
    save(beach.transpose(Image.Transpose.ROTATE_90), root / "beach-turned.jpg")
    save(beach.transpose(Image.Transpose.FLIP_LEFT_RIGHT), root / "beach-mirrored.jpg")
    save(street, root / "street.jpg", quality=92)
    save(street, root / "street.webp", quality=80)
    # The night edition of the street: the same shapes, other tones.
    a = np.asarray(street, dtype=np.float32) / 255
    night = Image.fromarray(np.uint8(255 * (a**1.6) * [0.35, 0.4, 0.6]))
    save(night, root / "street-night.jpg", quality=92)
    save(fog(200, 1), root / "fog.png")
    save(fog(200, 1), root / "fog-copy.jpg", quality=90)
    save(fog(120, 2), root / "dusk.png")  # another near-blank picture, darker
    save(Image.new("RGB", (400, 300), "white"), root / "white.png")
    return root


def groups_of(root: Path, *args: str) -> tuple[list[list[str]], dict]:
    out = run_cli("scan", str(root), "--no-cache", "--min-size", "0", "--json", "-", *args)
    report = json.loads(out.stdout)
    groups = sorted(sorted(Path(f["path"]).name for f in g["files"]) for g in report["groups"])
    return groups, report


def test_default_scan_finds_plain_copies_and_keeps_editions_apart(library: Path) -> None:
    groups, report = groups_of(library)
    assert report["settings"]["hash"] == "pdq"
    assert groups == [
        ["beach-small.jpg", "beach.jpg"],
        ["fog-copy.jpg", "fog.png"],
        ["street.jpg", "street.webp"],
    ]
    assert report["stats"]["near_blank"] == 4


def test_rotations_add_the_turned_and_mirrored_copies(library: Path) -> None:
    groups, _ = groups_of(library, "--rotations")
    assert groups == [
        ["beach-mirrored.jpg", "beach-small.jpg", "beach-turned.jpg", "beach.jpg"],
        ["fog-copy.jpg", "fog.png"],
        ["street.jpg", "street.webp"],
    ]


def test_the_summary_says_how_many_were_near_blank(library: Path) -> None:
    out = run_cli("scan", str(library), "--no-cache", "--min-size", "0").stdout
    assert "4 near-blank image(s) matched only by a stricter rule." in out
    out = run_cli("scan", str(library), "--no-cache", "--min-size", "0", "--hash", "dhash").stdout
    assert "near-blank image(s) left out of grouping (--include-blank lets them in)." in out
