"""The results bar's order and filter as the window wires them: the menu's sort
choice shows in the bar, and letters typed over the list go on into the filter."""

from __future__ import annotations


def test_the_menus_sort_choice_orders_the_groups_and_shows_in_the_bar(run_scan, window, library):
    window.folders.add_folders([str(library.originals), str(library.copies)])
    run_scan(window)
    window.menu.sortChosen.emit("path")
    assert window.sort_combo.currentData() == "path"
    refs = [window.model.group_at(r).reference.path for r in range(window.model.rowCount())]
    assert refs == sorted(refs)
    window.menu.sortChosen.emit("files")
    assert window.sort_combo.currentData() == "files"
    assert len(window.model.group_at(0).members) == 3  # photo1 has a third copy


def test_typed_letters_go_on_into_the_filter_which_waits_for_a_pause(
    run_scan, qtbot, window, library
):
    window.folders.add_folders([str(library.originals), str(library.copies)])
    run_scan(window)
    window.sort_filter.type_in_filter("mo")
    window.sort_filter.type_in_filter("re")  # added where the cursor is, not replacing
    assert window.filter_edit.text() == "more"
    assert window.model.rowCount() == 3  # no event loop has run: the filter still waits
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5_000)
    assert any("more" in p for p in window.model.group_at(0).paths)
