"""The check window on real files: choose, check, filter, compare, copy the new ones."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from imagegen import photo, resized, save, write_truncated_jpeg
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from photodedup.core.check import CheckSettings, Verdict
from photodedup.core.fingerprint import full_digest
from photodedup.gui.check.model import KindRole, ResultRole
from photodedup.gui.check.window import CheckWindow
from photodedup.gui.jobs import JobRunner
from photodedup.gui.results.thumbnails import ThumbnailCache

SIZE = (800, 600)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("gui-check")
    for seed in range(3):
        save(photo(seed, SIZE), root / "library" / f"photo{seed}.jpg")
    dcim = root / "card" / "DCIM" / "100CANON"
    dcim.mkdir(parents=True)
    shutil.copy2(root / "library" / "photo0.jpg", dcim / "IMG_0001.JPG")
    save(resized(photo(1, SIZE), 0.5), dcim / "IMG_0002.JPG", quality=80)
    save(photo(60, SIZE), dcim / "IMG_0003.JPG")
    write_truncated_jpeg(dcim / "IMG_0004.JPG")
    return root


@pytest.fixture
def files(template: Path, tmp_path: Path) -> Path:
    root = tmp_path / "t"
    shutil.copytree(template, root)
    return root


@pytest.fixture
def window(qtbot, files: Path, tmp_path: Path):
    runner = JobRunner()
    thumbnails = ThumbnailCache(box=48, disk_dir="")
    w = CheckWindow(
        runner,
        thumbnails,
        lambda: [str(files / "library")],
        lambda: CheckSettings(cache_path=str(tmp_path / "cache.sqlite3")),
    )
    qtbot.addWidget(w)
    w.show()
    yield w
    runner.shutdown()
    thumbnails.shutdown()


def rows(w: CheckWindow) -> dict[str, str]:
    out = {}
    for r in range(w.filter.rowCount()):
        index = w.filter.index(r, 0)
        out[Path(index.data()).name] = index.data(KindRole)
    return out


def run_check(qtbot, w: CheckWindow) -> None:
    assert w.checkButton.isEnabled()
    w.checkButton.click()
    qtbot.waitUntil(lambda: w.model.report is not None and not w.is_busy(), timeout=60_000)


def test_check_flow_shows_verdicts_filters_and_copies_only_new_photos(qtbot, window, files):
    w = window
    assert not w.checkButton.isEnabled()  # nothing chosen yet
    assert w.emptyLabel.isVisible()
    w.set_queries([str(files / "card")])
    assert "1 folder" in w.sources.foldersRadio.text()
    run_check(qtbot, w)
    assert rows(w) == {
        "IMG_0001.JPG": "in-library",
        "IMG_0002.JPG": "in-library",
        "IMG_0003.JPG": "new",
        "IMG_0004.JPG": "unreadable",
    }
    assert w.list.isVisible() and not w.emptyLabel.isVisible()
    assert w.filterButtons[Verdict.NEW].text() == "New (1)"
    assert "4 checked" not in w.summaryLabel.text()  # unreadable files are not "checked"
    assert w.summaryLabel.text() == "3 checked: 1 new, 0 similar, 2 already in the library"

    w.filterButtons[Verdict.NEW].click()
    assert rows(w) == {"IMG_0003.JPG": "new"}
    w.filterButtons[Verdict.IN_LIBRARY].click()
    assert set(rows(w)) == {"IMG_0001.JPG", "IMG_0002.JPG"}
    w.allButton.click()
    assert len(rows(w)) == 4

    # The compare view opens a query beside its match.
    asked = []
    w.compareRequested.connect(lambda result, match: asked.append((result, match)))
    first = w.filter.index(0, 0)
    assert Path(first.data(ResultRole).path).name == "IMG_0001.JPG"
    w.list.setCurrentIndex(first)
    assert w.compareButton.isEnabled()
    w.compareButton.click()
    ((result, match),) = asked
    assert Path(result.path).name == "IMG_0001.JPG"
    assert Path(match.path).name == "photo0.jpg" and match.identical

    # Copying: only the new photo, into its card folder, checked and summarised.
    dest = files / "import"
    w.copy_new_to(str(dest))
    qtbot.waitUntil(lambda: w.last_copy is not None and not w.is_busy(), timeout=30_000)
    copied = [p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file()]
    assert copied == ["DCIM/100CANON/IMG_0003.JPG"]
    original = files / "card" / "DCIM" / "100CANON" / "IMG_0003.JPG"
    assert full_digest(str(dest / copied[0])) == full_digest(str(original))
    box = w.findChild(QMessageBox)
    assert box is not None and "Copied 1 new photo" in box.text()
    box.close()
    # Nothing was removed from the card or the library.
    assert len(list((files / "card").rglob("*.JPG"))) == 4
    assert len(list((files / "library").glob("*.jpg"))) == 3


def test_copying_into_a_checked_folder_is_refused(qtbot, window, files):
    w = window
    w.set_queries([str(files / "card")])
    run_check(qtbot, w)
    w.copy_new_to(str(files / "card" / "imported"))
    box = w.findChild(QMessageBox)
    assert box is not None and "inside a folder being checked" in box.text()
    assert not (files / "card" / "imported").exists()


def test_dropped_card_is_checked_against_an_index(qtbot, window, files, tmp_path):
    from photodedup.core.library import update_index
    from photodedup.core.models import ScanOptions, WalkOptions

    out = files / "library.pdindex"
    update_index([str(files / "library")], str(out), ScanOptions(WalkOptions(), use_cache=False))
    shutil.rmtree(files / "library")
    w = window
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(files / "card" / "DCIM"))])
    pos = QPointF(w.width() / 2, w.height() / 2)
    how = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(pos.toPoint(), *how)
    QApplication.sendEvent(w, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(w, QDropEvent(pos, *how))
    assert w.queries == [str(files / "card" / "DCIM")]
    w.set_index(str(out))
    assert w.sources.indexRadio.isChecked()
    run_check(qtbot, w)
    assert rows(w)["IMG_0003.JPG"] == "new"
    assert rows(w)["IMG_0001.JPG"] == "in-library"
    # The match is not on disk any more: nothing to compare with.
    w.list.setCurrentIndex(w.filter.index(0, 0))
    assert not w.compareButton.isEnabled()


def test_a_file_that_is_not_an_index_is_explained(qtbot, window, files):
    w = window
    bogus = files / "notes.pdindex"
    bogus.write_text("not an index")
    w.set_queries([str(files / "card")])
    w.set_index(str(bogus))
    w.checkButton.click()
    qtbot.waitUntil(lambda: w.findChild(QMessageBox) is not None, timeout=30_000)
    assert "not a photodedup index" in w.findChild(QMessageBox).text()
    assert bogus.read_text() == "not an index"
    assert w.model.report is None


def test_cancel_stops_a_check(qtbot, window, files):
    w = window
    for seed in range(40):
        save(photo(100 + seed, SIZE), files / "big-card" / f"IMG_{seed:04d}.JPG")
    w.set_queries([str(files / "big-card")])
    w.checkButton.click()
    assert w.checkButton.text() == "Cancel"
    w.checkButton.click()
    qtbot.waitUntil(lambda: not w.is_busy(), timeout=30_000)
    assert w.checkButton.text() == "Check"
    assert w.model.report is None or w.model.report.stats.queries == 40


def test_the_index_chosen_last_is_chosen_again_next_time(qtbot, files, tmp_path):
    from photodedup.core.library import update_index
    from photodedup.core.models import ScanOptions, WalkOptions
    from photodedup.gui.platform.settings import Settings

    out = files / "library.pdindex"
    update_index([str(files / "library")], str(out), ScanOptions(WalkOptions(), use_cache=False))
    ini = str(tmp_path / "settings.ini")
    runner = JobRunner()

    def open_window() -> CheckWindow:  # as in another run of the app: the file read anew
        w = CheckWindow(
            runner,
            None,
            lambda: [str(files / "library")],
            lambda: CheckSettings(use_cache=False),
            remembered=Settings(ini),
        )
        qtbot.addWidget(w)
        return w

    first = open_window()
    assert first.sources.index_path == "" and first.sources.foldersRadio.isChecked()
    first.set_index(str(out))
    first.close()
    first.remembered.sync()
    second = open_window()
    assert second.sources.index_path == str(out) and second.sources.indexRadio.isChecked()
    assert out.name in second.sources.indexLabel.text()
    second.set_queries([str(files / "card")])
    run_check(qtbot, second)
    assert second.model.report.library.index == str(out)
    assert rows(second)["IMG_0002.JPG"] == "in-library"
    # Back to the folders: remembered too, with the index still at hand.
    second.sources.foldersRadio.setChecked(True)
    second.remembered.sync()
    third = open_window()
    assert third.sources.index_path == str(out) and third.sources.foldersRadio.isChecked()
    # An index file that has gone is not offered again.
    out.unlink()
    assert open_window().sources.index_path == ""
    runner.shutdown()
