"""Restoring removal batches: a real freedesktop trash under a private XDG_DATA_HOME."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from imagegen import photo, save, scanned

from photodedup.core.actionlog import BatchStatus, default_log_path, read_history
from photodedup.core.restore import RestoreStatus, restore
from photodedup.core.results import Group, Member
from photodedup.core.trash import execute, move_to, plan_removal

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads the freedesktop trash")


def group_of(folder: Path, names: str = "abc", size: tuple[int, int] = (160, 120)) -> Group:
    members = []
    for n, name in enumerate(names):
        path = folder / f"{name}.jpg"
        save(photo(n + 1, size), path, "JPEG")
        members.append(Member(scanned(path, hash=1), 0))
    return Group(tuple(members))


def remove(group: Group, marked: set[str]) -> None:
    outcomes = execute(plan_removal([group], marked))
    assert {o.status for o in outcomes} == {"trashed"}


def last_batch():
    return read_history().batches[-1]


def test_trashed_batch_comes_back_byte_identical(tmp_path: Path, trash_dir: Path) -> None:
    group = group_of(tmp_path)
    _a, b, c = group.paths
    before = {p: Path(p).read_bytes() for p in (b, c)}
    mtime = os.stat(b).st_mtime_ns
    remove(group, {b, c})

    batch = last_batch()
    assert [f.path for f in batch.files] == [b, c]
    assert [f.destination for f in batch.files] == [
        str(trash_dir / "b.jpg"),
        str(trash_dir / "c.jpg"),
    ]
    assert all(f.trashinfo and os.path.exists(f.trashinfo) for f in batch.files)
    assert batch.status == BatchStatus.REMOVED and batch.bytes == sum(map(len, before.values()))

    outcomes = restore(batch)

    assert [(o.path, o.status) for o in outcomes] == [
        (b, RestoreStatus.RESTORED),
        (c, RestoreStatus.RESTORED),
    ]
    assert {p: Path(p).read_bytes() for p in (b, c)} == before
    assert os.stat(b).st_mtime_ns == mtime
    assert os.listdir(trash_dir) == []
    assert os.listdir(trash_dir.parent / "info") == []
    assert last_batch().status == BatchStatus.RESTORED


def test_second_restore_changes_nothing(tmp_path: Path) -> None:
    group = group_of(tmp_path)
    remove(group, {group.paths[1]})
    batch = last_batch()
    restore(batch)
    log_before = Path(default_log_path()).read_bytes()

    again = restore(batch)  # the stale batch object, as a GUI might still hold it

    assert [o.status for o in again] == [RestoreStatus.ALREADY_RESTORED]
    assert Path(default_log_path()).read_bytes() == log_before
    assert restore(last_batch()) == again


def test_existing_target_is_never_overwritten(tmp_path: Path, trash_dir: Path) -> None:
    group = group_of(tmp_path)
    _a, b, c = group.paths
    remove(group, {b, c})
    Path(b).write_bytes(b"a new file the user made since")

    outcomes = restore(last_batch())

    assert [(o.path, o.status) for o in outcomes] == [
        (b, RestoreStatus.TARGET_EXISTS),
        (c, RestoreStatus.RESTORED),
    ]
    assert Path(b).read_bytes() == b"a new file the user made since"
    assert (trash_dir / "b.jpg").exists()  # still in the trash, restorable later
    assert last_batch().status == BatchStatus.PARTLY_RESTORED


def test_same_name_from_two_folders_lands_and_returns_right(
    tmp_path: Path, trash_dir: Path
) -> None:
    one, two = group_of(tmp_path / "one", "ab"), group_of(tmp_path / "two", "ab", (170, 120))
    b1, b2 = one.paths[1], two.paths[1]
    contents = {b1: Path(b1).read_bytes(), b2: Path(b2).read_bytes()}
    outcomes = execute(plan_removal([one, two], {b1, b2}))
    assert sorted(os.listdir(trash_dir)) == ["b 1.jpg", "b.jpg"]
    assert [o.destination for o in outcomes] == [
        str(trash_dir / "b.jpg"),
        str(trash_dir / "b 1.jpg"),
    ]

    restore(last_batch())

    assert {p: Path(p).read_bytes() for p in (b1, b2)} == contents


def test_moved_to_folder_batch_keeps_paths_and_is_restored(tmp_path: Path) -> None:
    root = tmp_path / "Pictures"
    group = group_of(root / "2021")
    _a, b, _c = group.paths
    before = Path(b).read_bytes()
    dest = tmp_path / "set-aside"
    dest.mkdir()
    plan = plan_removal([group], {b})

    [outcome] = move_to(plan.items, str(dest), roots=[str(root)])

    assert outcome.destination == str(dest / "Pictures" / "2021" / "b.jpg")
    assert not os.path.exists(b)
    batch = last_batch()
    assert batch.action == "moved" and batch.files[0].digest

    [back] = restore(batch)

    assert back.status == RestoreStatus.RESTORED
    assert Path(b).read_bytes() == before
    assert not (dest / "Pictures" / "2021" / "b.jpg").exists()


def test_emptied_trash_and_changed_entry_are_reported_per_file(
    tmp_path: Path, trash_dir: Path
) -> None:
    group = group_of(tmp_path)
    _a, b, c = group.paths
    remove(group, {b, c})
    os.remove(trash_dir / "b.jpg")
    (trash_dir / "c.jpg").write_bytes(b"something else under that name")

    outcomes = restore(last_batch())

    assert [(o.path, o.status) for o in outcomes] == [
        (b, RestoreStatus.GONE),
        (c, RestoreStatus.CHANGED),
    ]
    assert not os.path.exists(b) and not os.path.exists(c)


def test_a_damaged_line_is_reported_and_the_rest_still_restores(tmp_path: Path) -> None:
    group = group_of(tmp_path)
    _a, b, c = group.paths
    remove(group, {b})
    with open(default_log_path(), "ab") as log:
        log.write(b'{"v": 2, "batch": "x", "action": "trash\n[1, 2]\n')
    remove(group, {c})

    history = read_history()

    assert [d.line for d in history.damaged] == [2, 3]
    assert [[f.path for f in batch.files] for batch in history.batches] == [[b], [c]]
    assert [o.status for o in restore(history.batches[0])] == [RestoreStatus.RESTORED]


def test_a_log_from_before_batches_is_found_in_the_trash(tmp_path: Path) -> None:
    group = group_of(tmp_path)
    b = group.paths[1]
    remove(group, {b})
    # What the log said before it recorded batches and destinations.
    size = os.path.getsize(os.path.join(os.environ["XDG_DATA_HOME"], "Trash", "files", "b.jpg"))
    Path(default_log_path()).write_text(
        f'{{"time": "2026-01-01T00:00:00+00:00", "action": "trashed", "path": "{b}", '
        f'"size": {size}, "destination": null}}\n'
    )

    [batch] = read_history().batches
    [outcome] = restore(batch)

    assert outcome.status == RestoreStatus.RESTORED and os.path.exists(b)


def test_a_file_under_both_names_after_a_crash_is_finished(tmp_path: Path, trash_dir: Path) -> None:
    group = group_of(tmp_path)
    b = group.paths[1]
    remove(group, {b})
    os.link(trash_dir / "b.jpg", b)  # a restore killed between linking and unlinking

    [outcome] = restore(last_batch())

    assert outcome.status == RestoreStatus.RESTORED
    assert os.listdir(trash_dir) == [] and os.path.exists(b)


_SLOW_RESTORE = """
import sys, time
from photodedup.core.actionlog import read_history
from photodedup.core.restore import restore

def slowly(progress):
    time.sleep(0.05)

restore(read_history().batches[-1], progress=slowly)
"""


def test_killing_a_restore_midway_loses_nothing(tmp_path: Path, trash_dir: Path) -> None:
    names = "abcdefghijklmnopqrstuvwxyz"
    group = group_of(tmp_path, names, (64, 48))
    _keep, *rest = group.paths
    contents = {p: Path(p).read_bytes() for p in rest}
    remove(group, set(rest))
    log_size = os.path.getsize(default_log_path())

    child = subprocess.Popen([sys.executable, "-c", textwrap.dedent(_SLOW_RESTORE)], env=os.environ)
    deadline = time.monotonic() + 30
    while os.path.getsize(default_log_path()) < log_size + 300 and time.monotonic() < deadline:
        time.sleep(0.01)
    child.send_signal(signal.SIGKILL)
    child.wait()

    back = [p for p in rest if os.path.exists(p)]
    assert 0 < len(back) < len(rest), "the kill should land mid-way"
    for path in rest:
        in_trash = trash_dir / os.path.basename(path)
        assert Path(path if os.path.exists(path) else in_trash).read_bytes() == contents[path]

    outcomes = restore(last_batch())

    assert {o.status for o in outcomes} <= {RestoreStatus.RESTORED, RestoreStatus.ALREADY_RESTORED}
    assert {p: Path(p).read_bytes() for p in rest} == contents
    assert os.listdir(trash_dir) == []
