"""Keep rules in the app: the editor round-trips through the settings, the Keep menu and the
toolbar offer them, the folder order is the preference, and the kept copy says why."""

from __future__ import annotations

import shutil
from pathlib import Path

import imagegen
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from photodedup.core.keep import Criterion, KeepReason, KeepRule
from photodedup.gui.compare.view import CompareView
from photodedup.gui.main_window import MainWindow
from photodedup.gui.platform.settings import Folder, Settings
from photodedup.gui.results.keep_editor import KeepRuleEditor
from photodedup.gui.results.model import KeepRole


def ticked(editor: KeepRuleEditor) -> list[str]:
    items = [editor.criteria.item(i) for i in range(editor.criteria.count())]
    return [
        i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked
    ]


def test_the_editor_round_trips_through_the_settings(qtbot, tmp_path: Path) -> None:
    settings = Settings(str(tmp_path / "s.ini"))
    editor = KeepRuleEditor(settings.keep_rules)
    qtbot.addWidget(editor)
    editor.new_rule()
    editor.name_edit.setText("Phone first")
    editor._renamed("Phone first")
    # Folder priority to the top, then format; drop everything else but resolution.
    rows = {editor.criteria.item(i).data(Qt.ItemDataRole.UserRole): i for i in range(10)}
    editor.criteria.setCurrentRow(rows["folder"])
    for _ in range(rows["folder"]):
        editor.up_button.click()
    for i in range(editor.criteria.count()):
        item = editor.criteria.item(i)
        keep = item.data(Qt.ItemDataRole.UserRole) in {"folder", "format", "resolution"}
        item.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
    editor.formats_edit.setText("HEIC > JPEG > PNG")
    editor.accept()
    assert editor.result() == KeepRuleEditor.DialogCode.Accepted
    settings.keep_rules = editor.rules()
    settings.sync()

    again = Settings(str(tmp_path / "s.ini"))
    assert again.keep_rules == [("Phone first", "folder,resolution,format:heif>jpeg>png")]
    rule = KeepRule.parse(again.keep_rules[0][1])
    assert rule.criteria == (Criterion.FOLDER, Criterion.RESOLUTION, Criterion.FORMAT)
    reopened = KeepRuleEditor(again.keep_rules)
    qtbot.addWidget(reopened)
    assert reopened.name_edit.text() == "Phone first"
    assert ticked(reopened) == ["folder", "resolution", "format"]
    assert reopened.formats_edit.text() == "HEIC > JPEG > PNG"


def test_the_editor_refuses_an_empty_or_duplicate_rule(qtbot) -> None:
    editor = KeepRuleEditor([("Mine", "oldest")])
    qtbot.addWidget(editor)
    editor.new_rule()
    editor.name_edit.setText("Mine")
    editor.accept()
    assert editor.result() != KeepRuleEditor.DialogCode.Accepted
    assert editor.problem.text() == "Another rule has this name."
    editor.name_edit.setText("Other")
    for i in range(editor.criteria.count()):
        editor.criteria.item(i).setCheckState(Qt.CheckState.Unchecked)
    editor.accept()
    assert editor.problem.text() == "Tick at least one criterion."
    editor.delete_rule()
    assert [n for n, _ in editor.rules()] == ["Mine"]


def test_saved_rules_are_in_the_keep_menu_and_the_toolbar(qtbot, tmp_path: Path) -> None:
    settings = Settings(str(tmp_path / "s.ini"))
    settings.keep_rules = [("Smallest HEIC", "format:heic,smallest")]
    settings.selection_rule = "format:heic,smallest"
    win = MainWindow(settings)
    qtbot.addWidget(win)
    labels = [a.text() for a in win.menu.keep_menu.actions() if a.isCheckable()]
    assert labels == [
        "Best copy",
        "Oldest",
        "Smallest file",
        "In preferred folders",
        "Newest",
        "Largest file",
        "Smallest HEIC",
    ]
    assert win.rule_combo.currentText() == "Smallest HEIC"
    checked = [a.text() for a in win.menu.keep_menu.actions() if a.isChecked()]
    assert checked == ["Smallest HEIC"]
    oldest = next(a for a in win.menu.keep_menu.actions() if a.text() == "Oldest")
    oldest.trigger()
    assert win.rule_combo.currentData() == "oldest" and settings.selection_rule == "oldest"


def test_folder_order_is_the_preference_and_the_kept_copy_says_why(
    qtbot, window, run_scan, tmp_path: Path
) -> None:
    src = imagegen.save(imagegen.photo(5, (480, 360)), tmp_path / "lib" / "Phone" / "IMG.jpg")
    (tmp_path / "lib" / "Drive").mkdir()
    shutil.copy2(src, tmp_path / "lib" / "Drive" / "IMG.jpg")
    phone, drive = str(tmp_path / "lib" / "Phone"), str(tmp_path / "lib" / "Drive")
    window.folders.set_folders([Folder(phone), Folder(drive)])
    run_scan(window)
    assert window.model.total_groups() == 1

    def kept() -> tuple[str, tuple]:
        index = window.model.index(0)
        choice = index.data(KeepRole)
        group = window.model.group_at(0)
        return Path(group.members[choice.index].image.path).parent.name, choice.reasons

    assert kept() == ("Phone", (KeepReason.PREFERRED_FOLDER,))
    assert window.model.marked() == {str(Path(drive) / "IMG.jpg")}
    # Move the drive up: after the regroup its copy is the one kept.
    window.folders.tree.setCurrentItem(window.folders.tree.topLevelItem(1))
    window.folders.up_button.click()
    assert [f.path for f in window.folders.folders()] == [drive, phone]
    qtbot.waitUntil(lambda: kept()[0] == "Drive", timeout=3000)
    assert window.model.marked() == {str(Path(phone) / "IMG.jpg")}
    assert window.keep_rule()[1] == (drive, phone)

    dialog = CompareView(
        window.model.group_at(0), window.model.marked(), window, choice=window.model.choice(0)
    )
    qtbot.addWidget(dialog)
    texts = {w.text() for pane in dialog.panes for w in pane.findChildren(QLabel)}
    assert "keep: in a preferred folder" in texts and "remove" in texts
    assert not any("reference" in t for t in texts)
