"""The scan settings panel: what its boxes say is what the scan gets."""

from __future__ import annotations

from photodedup.core.models import DEFAULT_MIN_SIZE
from photodedup.core.sizes import format_bytes
from photodedup.gui.scan.settings_panel import SettingsPanel


def test_the_minimum_size_is_in_the_units_every_size_is_shown_in(qtbot, settings):
    panel = SettingsPanel()
    qtbot.addWidget(panel)
    panel.load(settings)
    # The box's "8 kB" is the byte formatter's "8.0 kB": powers of 1000 both.
    assert panel.min_size.text() == "8 kB"
    assert panel.min_size_bytes() == DEFAULT_MIN_SIZE
    assert format_bytes(panel.min_size_bytes()) == "8.0 kB"
    panel.min_size.setValue(20)
    assert panel.min_size_bytes() == 20_000


def test_the_width_box_shows_pdqs_width_and_keeps_the_other_hashes_choice(qtbot, settings):
    panel = SettingsPanel()
    qtbot.addWidget(panel)
    panel.load(settings)
    assert panel.hash_settings().algorithm == "pdq"
    # Greyed out, but saying what PDQ has, not a width it never uses.
    assert not panel.hash_size.isEnabled()
    assert panel.hash_size.currentText() == "256 bits"
    panel.algorithm.setCurrentIndex(panel.algorithm.findData("dhash"))
    assert panel.hash_size.isEnabled()
    assert panel.hash_settings().hash_size == 8
    panel.hash_size.setCurrentIndex(panel.hash_size.findData(16))
    panel.algorithm.setCurrentIndex(panel.algorithm.findData("pdq"))
    panel.algorithm.setCurrentIndex(panel.algorithm.findData("phash"))
    assert panel.hash_settings().hash_size == 16  # the choice made for the other hashes
