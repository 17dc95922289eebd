"""The main window end to end: folders in, a real scan, results, marks, keys."""

from __future__ import annotations

import os
import random
import sys
import time
from multiprocessing import forkserver, resource_tracker
from pathlib import Path

import imagegen
import pytest
from procs import descendants
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QMenu

from photodedup.core import select
from photodedup.core.models import HashSettings, ImageRecord
from photodedup.core.results import ScanResult
from photodedup.gui.main_window import MainWindow
from photodedup.gui.platform.settings import Folder
from photodedup.gui.review.dialog import ReviewDialog
from photodedup.gui.session import MARKS


def result_sets(win: MainWindow) -> list[set[str]]:
    return [set(g.paths) for g in win.model.groups()]


def drop(win: MainWindow, paths: list[Path]) -> tuple[bool, bool]:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(win.width() / 2, win.height() / 2)
    actions = Qt.DropAction.CopyAction | Qt.DropAction.LinkAction
    enter = QDragEnterEvent(
        pos.toPoint(), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(win, enter)
    event = QDropEvent(
        pos, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(win, event)
    return enter.isAccepted(), event.isAccepted()


def test_dropping_folders_and_files_adds_their_folders_once(window, tmp_path):
    a, b, c = (tmp_path / n for n in "abc")
    for folder in (a, b, c):
        folder.mkdir()
    photo = imagegen.save(imagegen.photo(1, (64, 48)), c / "x.jpg")

    assert drop(window, [a, b, photo]) == (True, True)
    assert [f.path for f in window.folders.folders()] == [str(a), str(b), str(c)]

    drop(window, [b, a])  # already listed: nothing new
    assert len(window.folders.folders()) == 3


def test_dropping_non_local_urls_is_refused(window):
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.org/photo.jpg")])
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
    assert window.folders.folders() == []


def test_scan_finds_the_copies_and_premarks_all_but_the_best(run_scan, qtbot, window, library):
    window.folders.add_folders([str(library.originals), str(library.copies)])
    run_scan(window)

    assert sorted(result_sets(window), key=sorted) == sorted(library.groups, key=sorted)
    assert window.stack.currentWidget() is window.view
    marked = window.model.marked()
    for group in window.model.groups():
        best = group.members[select.best_index(group, "resolution")].image
        assert best.path not in marked
        assert {p for p in group.paths if p != best.path} <= marked
        assert best.width == 480  # the full-size original, never the half-size copy
    assert "3 groups" in window.status.text()


def test_marks_a_job_worked_out_before_files_left_are_worked_out_again_in_a_job(
    run_scan, qtbot, window, library
):
    window.folders.add_folders([str(library.originals), str(library.copies)])
    run_scan(window)
    marks = window.session.marks
    assert marks is window.model.marks
    window.model.unmark_all()
    stale = marks.prepare(set())  # what a job started now would hand back
    group = window.model.groups()[0]
    window.commands.files_removed([group.paths[-1]])  # a file leaves meanwhile
    window.commands.marks_ready(stale)
    assert window.session.jobs.is_running(MARKS)  # refused, and asked again off the thread
    qtbot.waitUntil(lambda: not window.session.jobs.is_running(MARKS), timeout=10_000)
    rule, prefer = window.model.keep_rule()
    assert window.model.marked() == select.premark(window.model.groups(), rule, prefer)
    assert window.model.marked()


def test_reference_folder_files_are_never_marked(run_scan, qtbot, window, library):
    # The copies folder is the reference: even its small copies must stay.
    window.folders.set_folders(
        [Folder(str(library.originals)), Folder(str(library.copies), reference=True)]
    )
    run_scan(window)

    groups = window.model.groups()
    assert groups
    marked = window.model.marked()
    copies = str(library.copies) + os.sep
    for group in groups:
        assert any(m.in_reference_folder for m in group.members)
        for m in group.members:
            if m.image.path.startswith(copies):
                assert m.in_reference_folder
                assert m.image.path not in marked
                assert not window.model.set_marked(m.image.path, True)
    assert marked, "the originals outside the reference folder are marked"


def test_cancel_right_after_the_first_progress_returns_to_idle(qtbot, window, tmp_path):
    folder = tmp_path / "many"
    for seed in range(150):
        imagegen.save(imagegen.photo(seed, (96, 72)), folder / f"p{seed:03}.jpg")
    window.folders.add_folders([str(folder)])
    window.start_scan()
    with qtbot.waitSignal(window.session.scanProgress, timeout=20_000):
        pass
    window.cancel_scan()
    qtbot.waitUntil(lambda: not window.is_scanning(), timeout=30_000)
    assert window.scan_button.isEnabled()
    assert window.scan_button.text() == "Scan"
    assert window.stack.currentWidget() is window.empty
    assert window.model.rowCount() == 0


def gui_thread_busy_times(qtbot) -> tuple[QTimer, list[float]]:
    """A timer ticking every 10 ms, and the CPU time the GUI thread spent between two
    ticks: what the GUI thread itself computed. Unlike the wall clock it does not
    count the time other programs on a busy machine take from it, so a test using
    it fails only when the window does too much work on its own thread."""
    busy: list[float] = []
    last = [time.thread_time()]

    def tick() -> None:
        now = time.thread_time()
        busy.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    return timer, busy


def test_gui_thread_never_stalls_during_a_scan(run_scan, make_library, qtbot, window, tmp_path):
    lib = make_library(tmp_path / "lib")
    for seed in range(20, 80):
        imagegen.save(imagegen.photo(seed, (320, 240)), lib.originals / "extra" / f"e{seed}.jpg")
    window.folders.add_folders([str(lib.originals), str(lib.copies)])
    timer, busy = gui_thread_busy_times(qtbot)
    run_scan(window)
    timer.stop()
    assert window.model.total_groups() == 3
    assert len(busy) > 5
    assert max(busy) < 0.1, f"the GUI thread computed for {max(busy) * 1000:.0f} ms at once"


def many_images(n: int) -> list[ImageRecord]:
    """``n`` fingerprinted photos, one in a hundred with a slightly different copy:
    enough that grouping them takes far longer than the GUI thread may ever be busy."""
    rng = random.Random(7)
    images = []
    for i in range(n):
        h = rng.getrandbits(64)
        images.append(ImageRecord(f"/big/{i}.jpg", 9000 + i, 0, "JPEG", 90, 90, h, (h,) * 5, ""))
        if i % 100 == 0:
            copy = ImageRecord(f"/big/{i}-s.jpg", 4000 + i, 0, "JPEG", 45, 45, h ^ 3, (h,) * 5, "")
            images.append(copy)
    return images


def test_gui_thread_never_stalls_while_regrouping(run_scan, qtbot, window, library):
    # The made-up photos below carry 64-bit dHash fingerprints.
    window.panel.algorithm.setCurrentIndex(window.panel.algorithm.findData("dhash"))
    window.folders.add_folders([str(library.originals), str(library.copies)])
    run_scan(window)
    # The window's last scan, as if it had read 100,000 photos: grouping them takes
    # seconds, which on the GUI thread would freeze the window.
    session = window.session
    session.result = ScanResult(images=many_images(100_000), hash=HashSettings("dhash"))
    timer, busy = gui_thread_busy_times(qtbot)
    ticks_while_grouping: list[bool] = []
    timer.timeout.connect(lambda: ticks_while_grouping.append(session.is_regrouping()))
    slider = window.panel.slider
    for value in (slider.minimum(), slider.maximum(), slider.minimum() + 1):
        slider.setValue(value)  # each notch asks for a regroup; only the last one counts
        qtbot.wait(60)
    qtbot.waitUntil(session.is_regrouping, timeout=5_000)
    assert window.status.text() == "Grouping again…"
    qtbot.waitUntil(
        lambda: (
            session.options.group.distance == window.panel.distance()
            and not session.is_regrouping()
        ),
        timeout=60_000,
    )
    timer.stop()
    assert window.model.total_groups() == 1_000
    # The GUI's timer went on firing while the regroup ran: a regroup on the GUI
    # thread would let it fire only once it was over.
    assert sum(ticks_while_grouping) > 3
    assert max(busy) < 0.1, f"the GUI thread computed for {max(busy) * 1000:.0f} ms at once"


def test_keyboard_moves_between_files_and_groups_and_space_toggles(
    run_scan, qtbot, window, library
):
    window.folders.add_folders([str(library.originals), str(library.copies)])
    run_scan(window)
    view = window.view
    view.setFocus()
    assert view.currentIndex().row() == 0
    first = window.model.group_at(0)

    qtbot.keyClick(view, Qt.Key.Key_Right)
    row, member = view.current_file()
    assert (row, member) == (0, first.members[1])
    was = window.model.is_marked(member.image.path)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert window.model.is_marked(member.image.path) is not was
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert window.model.is_marked(member.image.path) is was

    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.current_file()[0] == 1
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_Left)  # past the first file: into the previous group
    assert view.current_file()[0] == 0
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.current_file()[0] == 0


def test_clicking_the_check_box_toggles_the_mark(run_scan, qtbot, window, library):
    from photodedup.gui.results.tile_layout import check_rect, metrics, tile_rect, tiles_per_line

    window.folders.add_folders([str(library.originals), str(library.copies)])
    run_scan(window)
    view = window.view
    rect = view.visualRect(window.model.index(0))
    m = metrics(view.font())
    box = check_rect(tile_rect(rect, 1, tiles_per_line(rect.width(), m), m), m)
    path = window.model.group_at(0).members[1].image.path
    was = window.model.is_marked(path)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    assert window.model.is_marked(path) is not was
    assert view.current_file()[1].image.path == path


def test_changing_similarity_regroups_without_rescanning(
    run_scan, qtbot, window, library, monkeypatch
):
    window.folders.add_folders([str(library.originals), str(library.copies)])
    run_scan(window)
    monkeypatch.setattr(window, "start_scan", lambda: (_ for _ in ()).throw(AssertionError))
    window.panel.slider.setValue(0)  # Exact
    qtbot.waitUntil(lambda: window.session.options.group.distance == 0, timeout=3000)
    for group in window.model.groups():
        assert all(m.distance == 0 for m in group.members)
    window.panel.slider.setValue(window.panel.slider.maximum())
    qtbot.waitUntil(
        lambda: window.session.options.group.distance == window.panel.distance(), timeout=3000
    )
    assert len(window.model.groups()) >= 3


def test_not_a_duplicate_takes_the_file_out_and_is_remembered(run_scan, qtbot, window, library):
    window.folders.add_folders([str(library.originals), str(library.copies)])
    run_scan(window)
    row = next(
        r for r in range(window.model.rowCount()) if len(window.model.group_at(r).members) == 3
    )
    group = window.model.group_at(row)
    odd_image = group.members[2].image
    odd = odd_image.path
    window.commands.not_a_duplicate(row, odd)
    assert all(odd not in g.paths for g in window.model.groups())
    assert (group.reference, odd_image) in window.ignore
    assert (odd_image, group.reference) in window.ignore
    run_scan(window)  # a new scan applies the remembered pair too
    assert all(odd not in g.paths for g in window.model.groups())
    assert window.model.total_groups() == 3


def test_export_writes_json_and_csv(run_scan, qtbot, window, library, tmp_path):
    import csv
    import json

    window.folders.add_folders([str(library.originals), str(library.copies)])
    run_scan(window)
    window.commands.export_to(str(tmp_path / "r.json"), json_format=True)
    data = json.loads((tmp_path / "r.json").read_text())
    exported = {frozenset(f["path"] for f in g["files"]) for g in data["groups"]}
    assert exported == {frozenset(g) for g in library.groups}
    assert len(data["groups"]) == len(library.groups) == 3
    window.commands.export_to(str(tmp_path / "r.csv"), json_format=False)
    rows = list(csv.DictReader((tmp_path / "r.csv").open(newline="")))
    assert {r["path"] for r in rows} == set().union(*library.groups)
    assert len(rows) == sum(len(g) for g in library.groups)  # each file once


def test_export_says_what_the_user_left_marked(run_scan, qtbot, window, library, tmp_path):
    import csv
    import json

    window.folders.add_folders([str(library.originals), str(library.copies)])
    run_scan(window)
    window.commands.mark_all_but_best()
    model = window.model
    # The user turns one group round: the rule's keeper goes, a copy stays.
    group = model.groups()[0]
    kept = [m.image.path for m in group.members if not model.is_marked(m.image.path)]
    gone = [m.image.path for m in group.members if model.is_marked(m.image.path)]
    assert kept and gone
    model.set_marked(kept[0], True)
    model.set_marked(gone[0], False)
    marked = model.marked()
    assert kept[0] in marked and gone[0] not in marked

    window.commands.export_to(str(tmp_path / "r.json"), json_format=True)
    files = [f for g in json.loads((tmp_path / "r.json").read_text())["groups"] for f in g["files"]]
    window.commands.export_to(str(tmp_path / "r.csv"), json_format=False)
    rows = list(csv.DictReader((tmp_path / "r.csv").open(newline="")))
    for listed in (files, rows):
        keep = {f["path"]: f["keep"] in (True, "true", "True", "1") for f in listed}
        assert keep == {f["path"]: f["path"] not in marked for f in listed}
        reasons = {f["path"]: f["keep_reason"] for f in listed}
        assert reasons[kept[0]] == reasons[gone[0]] == "user"


def test_export_keeps_what_the_list_keeps_when_the_best_copy_changed(
    run_scan, qtbot, window, library, tmp_path
):
    import json

    from photodedup.core.reasons import Reason

    window.folders.add_folders([str(library.originals), str(library.copies)])
    run_scan(window)
    model = window.model
    group = model.groups()[0]
    best = group.members[select.best_index(group)].image.path
    model.set_file_flags({best: Reason.CHANGED})  # as the freshness watch flags it
    window.commands.mark_all_but_best()
    number = next(i for i in range(model.rowCount()) if model.group_at(i) is group)
    listed = model.choice(model.group_number(number))
    keeper = group.members[listed.index].image.path
    assert keeper != best and not model.is_marked(keeper)

    window.commands.export_to(str(tmp_path / "r.json"), json_format=True)
    data = json.loads((tmp_path / "r.json").read_text())
    files = {f["path"]: f for g in data["groups"] for f in g["files"]}
    assert files[best]["keep"] is True
    assert files[best]["keep_reason"] == "changed"
    # The copy the list keeps is the rule's choice among the rest, not the user's mark.
    assert files[keeper]["keep"] is True
    assert files[keeper]["keep_reason"] == ",".join(listed.reasons)


def test_delete_key_opens_the_review_dialog_with_the_marked_files(
    run_scan, qtbot, window, library, review
):
    window.folders.add_folders([str(library.originals), str(library.copies)])
    run_scan(window)
    marked = window.model.marked()
    window.view.setFocus()
    dialog = review(
        window,
        lambda dialog: dialog.reject(),
        lambda: qtbot.keyClick(window.view, Qt.Key.Key_Delete),
    )
    assert isinstance(dialog, ReviewDialog)
    assert window.model.marked() == marked  # closed without removing: nothing changes
    assert all(os.path.exists(p) for p in marked)


def test_removed_files_leave_the_results(run_scan, qtbot, window, library):
    window.folders.add_folders([str(library.originals), str(library.copies)])
    run_scan(window)
    two = next(g for g in window.model.groups() if len(g.members) == 2)
    three = next(g for g in window.model.groups() if len(g.members) == 3)
    window.commands.files_removed([two.members[1].image.path, three.members[2].image.path])
    paths = result_sets(window)
    assert set(two.paths) not in paths and all(two.members[0].image.path not in p for p in paths)
    assert set(three.paths[:2]) in paths
    assert window.model.total_groups() == 2
    # A regroup works from the scan's images: the removed files must not come back.
    window.panel.slider.setValue(window.panel.slider.maximum())
    qtbot.waitUntil(
        lambda: window.session.options.group.distance == window.panel.distance(), timeout=3000
    )
    gone = {two.members[1].image.path, three.members[2].image.path}
    assert not any(gone & p for p in result_sets(window))


def test_settings_are_remembered(qtbot, settings, tmp_path, library):
    from photodedup.core.ignore import IgnoreList

    first = MainWindow(settings, ignore=IgnoreList(str(tmp_path / "i.json")))
    qtbot.addWidget(first)
    first.folders.set_folders([Folder(str(library.originals)), Folder(str(library.copies), True)])
    first.panel.slider.setValue(1)
    first.panel.algorithm.setCurrentIndex(first.panel.algorithm.findData("phash"))
    first.panel.hash_size.setCurrentIndex(first.panel.hash_size.findData(16))
    first.panel.rotations.setChecked(True)
    first.panel.min_size.setValue(20)
    first.panel.excludes.setText("*.tmp; @eaDir")
    first.rule_combo.setCurrentIndex(first.rule_combo.findData("oldest"))
    first.close()

    second = MainWindow(
        type(settings)(settings._qs.fileName()), ignore=IgnoreList(str(tmp_path / "i.json"))
    )
    qtbot.addWidget(second)
    assert second.folders.folders() == [
        Folder(str(library.originals)),
        Folder(str(library.copies), True),
    ]
    assert second.panel.slider.value() == 1
    assert second.panel.hash_settings().algorithm == "phash"
    assert second.panel.hash_settings().hash_size == 16
    assert second.panel.rotations.isChecked()
    assert second.panel.min_size_bytes() == 20 * 1000
    assert second.panel.exclude_patterns() == ["*.tmp", "@eaDir"]
    assert second.rule_combo.currentData() == "oldest"


def test_enter_and_double_click_open_the_compare_view(run_scan, qtbot, window, library):
    from photodedup.gui.compare.view import CompareView
    from photodedup.gui.results.tile_layout import metrics, tile_rect, tiles_per_line

    window.folders.add_folders([str(library.originals), str(library.copies)])
    run_scan(window)
    opened = []

    def close_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        opened.append(dialog)
        if isinstance(dialog, QDialog):
            dialog.reject()

    QTimer.singleShot(200, close_dialog)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert isinstance(opened[-1], CompareView)
    assert set(opened[-1].group.paths) == set(window.model.group_at(0).paths)

    rect = window.view.visualRect(window.model.index(0))
    m = metrics(window.view.font())
    thumb = tile_rect(rect, 0, tiles_per_line(rect.width(), m), m).center()
    QTimer.singleShot(200, close_dialog)
    qtbot.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=thumb)
    assert len(opened) == 2 and isinstance(opened[-1], CompareView)


def test_marking_a_folder_as_reference_after_the_scan_regroups(run_scan, qtbot, window, library):
    window.folders.add_folders([str(library.originals), str(library.copies)])
    run_scan(window)
    copies = str(library.copies) + os.sep
    assert any(p.startswith(copies) for p in window.model.marked())
    window.folders.tree.topLevelItem(1).setCheckState(1, Qt.CheckState.Checked)
    qtbot.waitUntil(
        lambda: window.session.options.group.reference_dirs == (str(library.copies),), timeout=3000
    )
    assert not any(p.startswith(copies) for p in window.model.marked())
    assert window.model.marked(), "the originals are now the copies to remove"


def test_files_trashed_in_the_review_leave_the_results(
    run_scan, qtbot, window, library, trash_dir, review
):
    window.folders.add_folders([str(library.originals), str(library.copies)])
    run_scan(window)
    # Keep only the marks of the three-photo group: the other groups must stay listed.
    three = next(g for g in window.model.groups() if len(g.members) == 3)
    marked = window.model.marked() & set(three.paths)
    window.model.unmark_all()
    for path in marked:
        window.model.set_marked(path, True)
    done = []

    def confirm(dialog) -> None:
        dialog.review.confirmButton.click()
        qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=20_000)
        done.append(dialog.removed_paths())
        dialog.accept()

    review(window, confirm)
    assert done == [marked]
    assert not any(os.path.exists(p) for p in marked)
    assert len(list(trash_dir.iterdir())) == len(marked)
    assert window.model.total_groups() == 2
    assert all(not (set(g.paths) & marked) for g in window.model.groups())


def worker_processes() -> set[int]:
    """This process's descendants but the long-lived multiprocessing helpers."""
    helpers = {
        getattr(getattr(forkserver, "_forkserver", None), "_forkserver_pid", None),
        getattr(getattr(resource_tracker, "_resource_tracker", None), "_pid", None),
    }
    return descendants() - helpers


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
@pytest.mark.parametrize("how", ["close", "cancel"])
def test_closing_or_cancelling_ends_every_worker(qtbot, window, tmp_path, how):
    folder = tmp_path / "many"
    for seed in range(120):
        imagegen.save(imagegen.photo(seed, (640, 480)), folder / f"p{seed:03}.jpg")
    window.folders.add_folders([str(folder)])
    before = worker_processes()
    window.start_scan()
    qtbot.waitUntil(lambda: bool(worker_processes() - before), timeout=20_000)
    assert window.is_scanning(), "the scan ended before its workers could be seen"
    if how == "close":
        window.close()
        assert window.session.jobs.active() == 0  # every thread has ended
        assert not window.is_scanning()
        assert [f.path for f in window.settings.folders] == [str(folder)]
    else:
        window.cancel_scan()
    # The bound is generous on purpose: a busy machine must not fail it, a worker
    # left behind (one that would finish the whole scan, or never end) must.
    qtbot.waitUntil(lambda: not (worker_processes() - before), timeout=30_000)
    assert not (worker_processes() - before)
    qtbot.waitUntil(lambda: not window.is_scanning(), timeout=30_000)


def test_one_action_per_command_and_none_that_touch_results_during_a_scan(
    run_scan, qtbot, window, library
):
    a = window.actions
    menu_actions = {act for menu in window.menu.findChildren(QMenu) for act in menu.actions()}
    assert {a.add_folder, a.scan, a.mark, a.unmark, a.invert, a.review} <= menu_actions
    assert window.scan_button.action is a.scan
    assert window.review_button.action is a.review
    assert window.results_bar.mark_button.action is a.mark
    assert window.folders.add_button.action is a.add_folder
    assert window.empty.add_button.action is a.add_folder
    window.folders.add_folders([str(library.originals), str(library.copies)])
    run_scan(window)
    assert all(x.isEnabled() for x in (a.mark, a.unmark, a.invert, a.review, a.export))

    window.start_scan()
    assert window.is_scanning()
    assert not any(x.isEnabled() for x in (a.mark, a.unmark, a.invert, a.review, a.export))
    assert not window.review_button.isVisible()
    assert not window.folders.add_button.isEnabled()  # a new folder would miss this scan
    assert a.scan.isEnabled() and window.scan_button.text() == "Cancel scan"
    a.scan.trigger()  # the same action cancels
    assert not a.scan.isEnabled() and not window.scan_button.isEnabled()
    qtbot.waitUntil(lambda: not window.is_scanning(), timeout=20_000)
    assert a.scan.isEnabled() and window.scan_button.text() == "Scan"
    assert a.mark.isEnabled() and window.results_bar.mark_button.isEnabled()


def test_sorting_and_filtering_keep_the_current_file(run_scan, qtbot, window, library):
    window.folders.add_folders([str(library.originals), str(library.copies)])
    run_scan(window)
    resets = []
    window.model.modelReset.connect(lambda: resets.append(True))
    row = window.model.rowCount() - 1  # the last group, on its second file
    window.view.set_current(row, 1)
    group = window.model.group_at(row)
    for key in ("files", "path", "bytes"):
        window.sort_combo.setCurrentIndex(window.sort_combo.findData(key))
        current = window.view.current_file()
        assert current is not None and current[1] == group.members[1], key
        assert window.model.group_at(current[0]) == group
    # A filter that keeps the group keeps the place; one that hides it starts at the top.
    folder = os.path.basename(os.path.dirname(group.members[1].image.path))
    window.model.set_filter(folder)
    assert window.view.current_file()[1] == group.members[1]
    window.model.set_filter("no folder is called this")
    assert window.model.rowCount() == 0 and window.view.current_file() is None
    window.model.set_filter("")
    assert window.model.rowCount() == 3
    assert resets == [], "a sort or a filter must not reset the model"
