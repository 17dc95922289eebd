"""The compare view shows a whole group, in sync, and edits marks safely."""

from __future__ import annotations

from pathlib import Path

import imagegen
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from photodedup.core.results import Group, Member
from photodedup.gui.compare.view import CompareView


def member(path: Path, size: tuple[int, int], *, reference: bool = False, seed: int = 1) -> Member:
    img = imagegen.photo(seed, size)
    imagegen.save(img, path, taken="2021:06:01 12:00:00", camera="Test Cam")
    record = imagegen.scanned(path, taken="2021-06-01T12:00:00", camera="Test Cam")
    return Member(record, distance=0, in_reference_folder=reference)


@pytest.fixture
def group(tmp_path: Path) -> Group:
    return Group(
        (
            member(tmp_path / "ref" / "big.jpg", (640, 480), reference=True),
            member(tmp_path / "a" / "small.jpg", (320, 240)),
            member(tmp_path / "b" / "mid.jpg", (480, 360)),
        )
    )


def open_view(qtbot, group: Group, marked: set[str]) -> CompareView:
    view = CompareView(group, marked)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    view.activateWindow()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: all(p.pixmap is not None for p in view.panes), timeout=10000)
    return view


def wheel(widget, steps: int) -> None:
    pos = QPointF(widget.width() / 2, widget.height() / 3)
    event = QWheelEvent(
        pos,
        widget.mapToGlobal(pos),
        QPoint(),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def regions(view: CompareView) -> list[tuple[float, float, float, float]]:
    return [tuple(round(v, 3) for v in p.visible_region().getRect()) for p in view.panes]


def test_shows_every_member_with_its_facts(qtbot, group):
    view = CompareView(group, set())
    qtbot.addWidget(view)
    assert [p.message for p in view.panes] == ["Loading…"] * 3  # nothing decoded yet
    view.show()
    qtbot.waitUntil(lambda: all(p.pixmap is not None for p in view.panes), timeout=10000)

    assert [p.nameLabel.text() for p in view.panes] == ["big.jpg", "small.jpg", "mid.jpg"]
    texts = [{w.text() for w in p.findChildren(type(p.nameLabel))} for p in view.panes]
    assert "640\u202f×\u202f480" in texts[0] and "Test Cam" in texts[0]
    badges = [{w.text() for w in p.findChildren(type(view.zoomLabel))} for p in view.panes]
    assert "highest" in badges[0] and "highest" not in badges[1]


def test_toggling_a_mark_emits_and_space_toggles_the_focused_photo(qtbot, group):
    small, mid = group.paths[1], group.paths[2]
    view = open_view(qtbot, group, {small})
    assert view.panes[1].removeBox.isChecked() and not view.panes[2].removeBox.isChecked()

    with qtbot.waitSignal(view.markToggled) as signal:
        view.panes[1].removeBox.click()
    assert signal.args == [small, False]

    view.panes[1].setFocus()
    qtbot.keyClick(view.panes[1], Qt.Key.Key_Right)
    assert view.panes[2].hasFocus()
    with qtbot.waitSignal(view.markToggled) as signal:
        qtbot.keyClick(view.panes[2], Qt.Key.Key_Space)
    assert signal.args == [mid, True]
    assert view.marked_paths() == {mid}


def test_the_reference_folder_file_cannot_be_marked(qtbot, group):
    ref = group.paths[0]
    view = open_view(qtbot, group, {ref})  # even if asked to, it is shown as kept
    box = view.panes[0].removeBox
    assert not box.isEnabled() and not box.isChecked()
    emitted: list = []
    view.markToggled.connect(lambda *a: emitted.append(a))
    view.panes[0].setFocus()
    qtbot.keyClick(view.panes[0], Qt.Key.Key_Space)
    view.panes[0].toggle_mark()
    assert emitted == [] and ref not in view.marked_paths()


def test_zoom_and_pan_keep_every_pane_in_sync(qtbot, group):
    view = open_view(qtbot, group, set())
    assert regions(view)[0] == (0.0, 0.0, 1.0, 1.0)

    wheel(view.panes[1].canvas, 3)
    zoomed = regions(view)
    assert zoomed[0][2] < 0.9  # only part of the photo is shown
    assert zoomed.count(zoomed[0]) == 3

    canvas = view.panes[2].canvas
    start = QPoint(canvas.width() // 2, canvas.height() // 2)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, start + QPoint(40, 30))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=start + QPoint(40, 30))
    panned = regions(view)
    assert panned[0] != zoomed[0] and panned.count(panned[0]) == 3

    view.fit()
    assert regions(view) == [(0.0, 0.0, 1.0, 1.0)] * 3
    assert view.zoomLabel.text().startswith("Fit")


def test_zooming_in_loads_a_sharper_image(qtbot, tmp_path):
    big = member(tmp_path / "huge.jpg", (2400, 1800), seed=3)
    group = Group((big, member(tmp_path / "copy.jpg", (600, 450), seed=3)))
    view = open_view(qtbot, group, set())
    first = view.panes[0].pixmap.width()
    assert first < 2400  # fit needs far fewer pixels than the photo has

    view.actual_size()
    assert view.zoomLabel.text() == "100%"
    qtbot.waitUntil(lambda: view.panes[0].pixmap.width() == 2400, timeout=10000)


def test_a_photo_that_cannot_be_decoded_says_why(qtbot, tmp_path):
    good = member(tmp_path / "good.jpg", (320, 240))
    bad = member(tmp_path / "bad.jpg", (320, 240))
    imagegen.write_truncated_jpeg(bad.image.path)
    view = CompareView(Group((good, bad)), set())
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.panes[1].message.startswith("Cannot show"), timeout=10000)
    qtbot.waitUntil(lambda: view.panes[0].pixmap is not None, timeout=10000)
    assert view.panes[1].pixmap is None


def test_double_click_switches_between_fit_and_pixel_for_pixel(qtbot, group):
    view = open_view(qtbot, group, set())
    canvas = view.panes[1].canvas
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.rect().center())
    assert view.zoomLabel.text() == "100%"
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.rect().center())
    assert view.zoomLabel.text().startswith("Fit")
