"""The "Also match cropped copies" box: PDQ only, remembered, and applied by a new scan."""

from __future__ import annotations

import os

from imagegen import photo, save

from photodedup.gui.scan.settings_panel import SettingsPanel


def test_the_box_is_for_pdq_only_and_is_remembered(qtbot, settings) -> None:
    panel = SettingsPanel()
    qtbot.addWidget(panel)
    panel.load(settings)
    assert panel.crops.isEnabled() and not panel.crops.isChecked()
    panel.crops.setChecked(True)
    assert panel.crops_on()
    panel.algorithm.setCurrentIndex(panel.algorithm.findData("dhash"))
    assert not panel.crops.isEnabled()
    assert not panel.crops_on()  # a dHash scan cannot find cropped copies
    panel.algorithm.setCurrentIndex(panel.algorithm.findData("pdq"))
    panel.save(settings)
    again = SettingsPanel()
    qtbot.addWidget(again)
    again.load(type(settings)(settings._qs.fileName()))
    assert again.crops.isChecked() and again.crops_on()


def test_ticking_the_box_asks_for_a_scan_which_then_finds_the_cut_copy(
    run_scan, qtbot, window, tmp_path
) -> None:
    folder = tmp_path / "cut"
    folder.mkdir()
    original = photo(21, (800, 600))
    save(original, folder / "harbour.jpg")
    save(original.crop((0, 90, 660, 600)), folder / "harbour-cut.jpg")  # top and right cut
    save(photo(22, (800, 600)), folder / "other.jpg")
    window.folders.add_folders([str(folder)])
    run_scan(window)
    assert window.model.groups() == []

    window.panel.crops.setChecked(True)  # the last scan has no crop windows
    qtbot.waitUntil(lambda: window.session.options.group.crops, timeout=5000)
    assert window.statusBar().currentMessage() == "Scan again to apply the new settings."
    assert window.model.groups() == []

    run_scan(window)
    names = [sorted(map(os.path.basename, g.paths)) for g in window.model.groups()]
    assert names == [["harbour-cut.jpg", "harbour.jpg"]]
