"""Near-blank photos in the window: how many were held apart, and the switch to let them in."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from imagegen import photo, resized, save
from PIL import Image

from photodedup.gui.platform.settings import Settings


def fog(tone: int, seed: int) -> Image.Image:
    """A near-blank picture: one tone with faint grain."""
    rng = np.random.default_rng(seed)
    pixels = np.clip(tone + rng.normal(0, 1.5, (300, 400, 3)), 0, 255).astype(np.uint8)
    return Image.fromarray(pixels)


@pytest.fixture
def skies(tmp_path: Path) -> Path:
    root = tmp_path / "skies"
    beach = photo(31, (800, 600))
    save(beach, root / "beach.jpg", quality=92)
    save(resized(beach, 0.5), root / "beach-small.jpg")
    save(fog(200, 1), root / "fog.png")
    save(fog(200, 1), root / "fog-copy.jpg", quality=90)
    save(fog(120, 2), root / "dusk.png")
    # Plain pictures: the only ones even a classic hash sees as blank (all bits alike).
    save(Image.new("RGB", (400, 300), "white"), root / "white.png")
    save(Image.new("RGB", (200, 150), "white"), root / "white-small.png")
    save(Image.new("RGB", (400, 300), (128, 128, 128)), root / "grey.png")
    return root


def names(window) -> list[list[str]]:
    return sorted(sorted(Path(p).name for p in g.paths) for g in window.model.groups())


def test_the_status_says_how_many_near_blank_photos_were_compared_apart(
    run_scan, qtbot, window, skies
):
    window.folders.add_folders([str(skies)])
    assert not window.panel.include_blank.isEnabled()  # pdq: always by its own rule
    assert "stricter rule" in window.panel.include_blank.toolTip()
    run_scan(window)
    assert names(window) == [
        ["beach-small.jpg", "beach.jpg"],
        ["fog-copy.jpg", "fog.png"],
        ["white-small.png", "white.png"],
    ]
    assert window.status.text().endswith(
        " · 6 near-blank photos were compared only with each other"
    )


def test_the_near_blank_switch_regroups_through_the_engine(run_scan, qtbot, window, skies):
    window.folders.add_folders([str(skies)])
    window.panel.algorithm.setCurrentIndex(window.panel.algorithm.findData("dhash"))
    assert window.panel.include_blank.isEnabled() and not window.panel.include_blank.isChecked()
    run_scan(window)
    assert window.session.options.group.ignore_blank
    assert names(window) == [["beach-small.jpg", "beach.jpg"]]
    assert window.status.text().endswith(" · 3 near-blank photos were left out")

    window.panel.include_blank.setChecked(True)  # a regroup, no new scan
    qtbot.waitUntil(lambda: not window.session.options.group.ignore_blank, timeout=10_000)
    qtbot.waitUntil(lambda: not window.session.is_regrouping(), timeout=10_000)
    assert names(window) == [
        ["beach-small.jpg", "beach.jpg"],
        ["grey.png", "white-small.png", "white.png"],
    ]
    assert "near-blank" not in window.status.text()
    assert window.settings.include_blank

    window.panel.include_blank.setChecked(False)
    qtbot.waitUntil(lambda: window.session.options.group.ignore_blank, timeout=10_000)
    qtbot.waitUntil(lambda: not window.session.is_regrouping(), timeout=10_000)
    assert names(window) == [["beach-small.jpg", "beach.jpg"]]
    assert window.status.text().endswith(" · 3 near-blank photos were left out")


def test_the_switch_is_remembered(tmp_path: Path, qtbot) -> None:
    from photodedup.gui.scan.settings_panel import SettingsPanel

    ini = str(tmp_path / "settings.ini")
    panel = SettingsPanel()
    qtbot.addWidget(panel)
    settings = Settings(ini)
    settings.hash_algorithm = "phash"
    panel.load(settings)
    assert panel.include_blank.isEnabled() and not panel.include_blank.isChecked()
    panel.include_blank.setChecked(True)
    panel.save(settings)
    settings.sync()
    again = SettingsPanel()
    qtbot.addWidget(again)
    again.load(Settings(ini))
    assert again.include_blank.isChecked()


def test_the_status_says_how_many_photos_were_smaller_than_the_minimum(
    run_scan, qtbot, window, tmp_path
):
    root = tmp_path / "mixed"
    beach = photo(31, (800, 600))
    save(beach, root / "beach.jpg", quality=92)
    save(resized(beach, 0.5), root / "beach-small.jpg")
    save(photo(33, (40, 30)), root / "icon.jpg", quality=60)
    assert (root / "icon.jpg").stat().st_size < 8000 < (root / "beach-small.jpg").stat().st_size
    window.folders.add_folders([str(root)])
    window.panel.min_size.setValue(8)
    run_scan(window)
    assert names(window) == [["beach-small.jpg", "beach.jpg"]]
    assert window.status.text().endswith(" · 1 photo smaller than 8 kB was skipped")
    window.panel.min_size.setValue(0)
    run_scan(window)
    assert "skipped" not in window.status.text()
