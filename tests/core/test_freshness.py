"""Files moved, edited or replaced after a scan are found by the freshness check."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from imagegen import photo, save, scanned

from photodedup.core.freshness import HAS_CHANGE_TIME, check_files
from photodedup.core.progress import Cancelled
from photodedup.core.reasons import Reason
from photodedup.core.results import Group, Member
from photodedup.core.trash import plan_removal


def _library(tmp_path: Path, n: int = 3) -> list[Path]:
    return [save(photo(seed, (200, 150)), tmp_path / f"p{seed}.jpg") for seed in range(n)]


needs_change_time = pytest.mark.skipif(
    not HAS_CHANGE_TIME, reason="without a change time only size and time are compared"
)


def _since() -> int:
    # The scan "began" a while ago, as in the app: the files predate it.
    return time.time_ns()


def test_untouched_files_are_fresh_without_reading_them(tmp_path: Path) -> None:
    records = [scanned(p) for p in _library(tmp_path)]
    time.sleep(1.1)  # past the clock slack: the files are older than the scan
    found = check_files(records, _since())
    assert found.flags == {}
    assert set(found.fresh) == {r.path for r in records}
    assert found.digested == 0


def test_moved_away_file_is_vanished(tmp_path: Path) -> None:
    paths = _library(tmp_path)
    records = [scanned(p) for p in paths]
    since = _since()
    (tmp_path / "elsewhere").mkdir()
    shutil.move(paths[1], tmp_path / "elsewhere" / paths[1].name)
    found = check_files(records, since)
    assert found.flags == {str(paths[1]): Reason.VANISHED}


def test_overwritten_file_is_changed(tmp_path: Path) -> None:
    paths = _library(tmp_path)
    records = [scanned(p) for p in paths]
    since = _since()
    save(photo(77, (300, 200)), paths[0])
    found = check_files(records, since)
    assert found.flags == {str(paths[0]): Reason.CHANGED}


@needs_change_time
def test_edit_with_size_and_time_put_back_is_changed(tmp_path: Path) -> None:
    paths = _library(tmp_path)
    record = scanned(paths[0])
    since = _since()
    st = os.stat(paths[0])
    data = bytearray(paths[0].read_bytes())
    data[len(data) // 2] ^= 0xFF
    paths[0].write_bytes(bytes(data))
    os.utime(paths[0], ns=(st.st_atime_ns, st.st_mtime_ns))
    found = check_files([record], since)
    assert found.flags == {str(paths[0]): Reason.CHANGED}
    assert found.digested == 1


@needs_change_time
def test_other_file_put_in_its_place_with_its_size_and_time_is_changed(tmp_path: Path) -> None:
    paths = _library(tmp_path, 1)
    record = scanned(paths[0])
    since = _since()
    st = os.stat(paths[0])
    other = bytearray(paths[0].read_bytes())
    other[-3] ^= 0x55
    swap = tmp_path / "swap.jpg"
    swap.write_bytes(bytes(other))
    os.utime(swap, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.replace(swap, paths[0])
    assert check_files([record], since).flags == {str(paths[0]): Reason.CHANGED}


@needs_change_time
def test_file_moved_away_and_back_is_fresh_and_remembered(tmp_path: Path) -> None:
    paths = _library(tmp_path, 2)
    records = [scanned(p) for p in paths]
    since = _since()
    os.rename(paths[0], tmp_path / "aside.jpg")
    first = check_files(records, since)
    assert first.flags == {str(paths[0]): Reason.VANISHED}
    os.rename(tmp_path / "aside.jpg", paths[0])
    again = check_files(records, since, first.fresh)
    assert again.flags == {}
    assert again.digested == 1  # touched since the scan: its bytes were compared
    third = check_files(records, since, again.fresh)
    assert third.flags == {} and third.digested == 0  # the stamp vouches for it now


def test_folder_in_its_place_is_vanished(tmp_path: Path) -> None:
    paths = _library(tmp_path, 1)
    record = scanned(paths[0])
    since = _since()
    paths[0].unlink()
    paths[0].mkdir()
    assert check_files([record], since).flags == {str(paths[0]): Reason.VANISHED}


def test_cancel_stops_the_check(tmp_path: Path) -> None:
    records = [scanned(p) for p in _library(tmp_path, 1)]
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        check_files(records, _since(), cancel=cancel)


def test_plan_never_counts_an_unavailable_copy_as_kept(tmp_path: Path) -> None:
    a, b, c = (scanned(p) for p in _library(tmp_path))
    group = Group((Member(a, 0), Member(b, 1), Member(c, 2)))
    # a is kept, but gone: b and c may not go on its word.
    plan = plan_removal([group], {b.path, c.path}, unavailable={a.path})
    assert [(p.reason, p.path) for p in plan.problems] == [(Reason.KEPT_MISSING, a.path)]
    # With c kept instead, b may go, and a counts for nothing.
    plan = plan_removal([group], {b.path}, unavailable={a.path})
    assert plan.ok and [i.path for i in plan.items] == [b.path]
    assert plan.items[0].kept == (c.path,)
    # A marked file found changed is never planned.
    plan = plan_removal([group], {b.path, c.path}, unavailable={c.path})
    assert [i.path for i in plan.items] == [b.path] and plan.ok
