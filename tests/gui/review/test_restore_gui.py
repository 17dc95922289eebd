"""Undo in the app: "Restore These Files", File ▸ Removal History, "Move to a Folder…"."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import imagegen
import pytest
from PySide6.QtWidgets import QFileDialog

from photodedup.core.actionlog import BatchStatus, read_history
from photodedup.core.models import ScanOptions, WalkOptions
from photodedup.core.results import Group, Member
from photodedup.gui.review.dialog import ReviewDialog
from photodedup.gui.review.history_dialog import HistoryDialog
from photodedup.gui.session import Session

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads the freedesktop trash")


def make_group(folder: Path, seed: int) -> Group:
    base = imagegen.photo(seed, (320, 240))
    members = []
    for i, scale in enumerate((1.0, 0.5, 0.75)):
        path = imagegen.save(imagegen.resized(base, scale), folder / f"g{seed}_{i}.jpg")
        members.append(Member(imagegen.scanned(path), distance=i))
    return Group(tuple(members))


@pytest.fixture
def group(tmp_path: Path) -> Group:
    return make_group(tmp_path / "Pictures" / "2021", 5)


@pytest.fixture
def session(tmp_path: Path):
    """The app's session, as if it had scanned the Pictures folder."""
    session = Session()
    session.options = ScanOptions(WalkOptions((str(tmp_path / "Pictures"),)))
    yield session
    session.shutdown()


def remove_with_dialog(qtbot, session: Session, group: Group) -> ReviewDialog:
    dialog = ReviewDialog(
        [group], set(group.paths[1:]), session.start_removal, start_restore=session.start_restore
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def wait_idle(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=15000)


def test_restore_these_files_puts_the_removal_back(qtbot, session, group, trash_dir):
    before = {p: Path(p).read_bytes() for p in group.paths[1:]}
    dialog = remove_with_dialog(qtbot, session, group)
    dialog.review.confirmButton.click()
    wait_idle(qtbot, dialog)
    assert not any(os.path.exists(p) for p in before)
    assert dialog.report.restoreButton.isVisible()
    restored: list[str] = []
    dialog.filesRestored.connect(restored.extend)

    dialog.report.restoreButton.click()
    wait_idle(qtbot, dialog)

    assert sorted(restored) == sorted(before)
    assert {p: Path(p).read_bytes() for p in before} == before
    assert os.listdir(trash_dir) == []
    assert dialog.report.resultLabel.text().startswith("Restored 2 files")
    assert not dialog.report.restoreButton.isVisible()
    # The one line of report sits right above the buttons, with no band where
    # the restore note was.
    report = dialog.report
    qtbot.waitUntil(
        lambda: report.closeButton.geometry().top() - report.resultLabel.geometry().bottom() < 40,
        timeout=2000,
    )
    [batch] = read_history().batches
    assert batch.status == BatchStatus.RESTORED


def test_move_to_a_folder_keeps_paths_and_is_restorable(
    qtbot, session, group, tmp_path, monkeypatch
):
    aside = tmp_path / "aside"
    aside.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(aside))
    dialog = remove_with_dialog(qtbot, session, group)

    dialog.review.moveToButton.click()
    wait_idle(qtbot, dialog)

    moved = sorted(p.relative_to(aside).as_posix() for p in aside.rglob("*.jpg"))
    assert moved == ["Pictures/2021/g5_1.jpg", "Pictures/2021/g5_2.jpg"]
    assert "folder you chose" in dialog.report.resultLabel.text()
    dialog.report.restoreButton.click()
    wait_idle(qtbot, dialog)
    assert all(os.path.exists(p) for p in group.paths)
    assert list(aside.rglob("*.jpg")) == []


def test_history_lists_batches_and_restores_one(qtbot, session, group, tmp_path, trash_dir):
    first = remove_with_dialog(qtbot, session, group)
    first.review.confirmButton.click()
    wait_idle(qtbot, first)
    other = make_group(tmp_path / "Phone", 6)
    second = remove_with_dialog(qtbot, session, other)
    second.review.confirmButton.click()
    wait_idle(qtbot, second)

    history = HistoryDialog(session.start_restore)
    qtbot.addWidget(history)
    history.show()

    assert history.batches.topLevelItemCount() == 2
    newest = history.batches.topLevelItem(0)
    assert [newest.text(c) for c in (1, 3, 4)] == ["2", "Trash", "Removed"]
    assert history.files.topLevelItemCount() == 2  # the newest is selected and shown
    assert history.files.topLevelItem(0).text(0) == "g6_1.jpg"
    assert history.files.topLevelItem(0).text(3) == "In the Trash"

    history.batches.setCurrentItem(history.batches.topLevelItem(1))
    assert history.files.topLevelItem(0).text(0) == "g5_1.jpg"
    Path(group.paths[2]).write_bytes(b"a new file with the old name")
    restored: list[str] = []
    history.filesRestored.connect(restored.extend)
    history.restoreButton.click()
    wait_idle(qtbot, history)

    assert restored == [group.paths[1]]
    older = history.batches.topLevelItem(1)
    assert older.text(4) == "Partly restored"
    texts = [history.files.topLevelItem(i).text(3) for i in range(2)]
    assert texts[0] == "Restored"
    assert texts[1].startswith("Not restored: another file now has its name there")
    assert history.statusLabel.text() == "Restored 1 of 2 files."
    assert history.statusLabel.isVisible()
    assert history.restoreButton.isEnabled()  # the rest can be retried later


def test_history_with_nothing_removed_and_a_damaged_line(qtbot, session):
    history = HistoryDialog(session.start_restore)
    qtbot.addWidget(history)
    assert history.statusLabel.text() == "Nothing has been removed yet."
    assert not history.restoreButton.isEnabled()
    log = Path(os.environ["XDG_STATE_HOME"]) / "photodedup" / "log" / "trash.log"
    log.parent.mkdir(parents=True)
    log.write_bytes(b"{broken\n")
    history.reload()
    assert "1 line of the log could not be read" in history.statusLabel.text()


def test_restored_files_reappear_in_the_results(
    run_scan, qtbot, window, library, trash_dir, review
):
    window.folders.add_folders([str(library.originals), str(library.copies)])
    run_scan(window)
    before = sorted(sorted(g.paths) for g in window.model.groups())
    three = next(g for g in window.model.groups() if len(g.members) == 3)
    marked = window.model.marked() & set(three.paths)
    window.model.unmark_all()
    for path in marked:
        window.model.set_marked(path, True)
    seen: list[int] = []

    def remove_then_restore(dialog) -> None:
        dialog.review.confirmButton.click()
        qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=20_000)
        seen.append(window.model.total_groups())
        dialog.report.restoreButton.click()
        qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=20_000)
        dialog.accept()

    review(window, remove_then_restore)

    assert seen == [2]  # gone from the results while in the trash
    assert all(os.path.exists(p) for p in marked)
    # They come back by a regroup, which runs off the GUI thread.
    qtbot.waitUntil(
        lambda: sorted(sorted(g.paths) for g in window.model.groups()) == before, timeout=20_000
    )
