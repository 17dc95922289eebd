"""Removing marked copies: real files, the real send2trash, a private trash."""

from __future__ import annotations

import errno
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from imagegen import photo, save, scanned
from send2trash.exceptions import TrashPermissionError

from photodedup.core.models import ImageRecord
from photodedup.core.progress import Cancelled, Progress
from photodedup.core.reasons import Reason
from photodedup.core.results import Group, Member
from photodedup.core.trash import (
    Outcome,
    TrashCancelled,
    default_log_path,
    execute,
    move_to,
    plan_removal,
    read_log,
    trash_error_status,
)

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="checks the freedesktop trash")


@pytest.fixture
def private_trash(private_home: Path) -> Path:
    """This test's freedesktop trash (conftest hands it to send2trash)."""
    return private_home / "data" / "Trash"


def image(path: Path | str, seed: int = 1, *, reference: bool = False) -> Member:
    """Write a small real image and describe it as the scan saw it."""
    save(photo(seed, (160, 120)), path, "JPEG")
    return Member(scanned(path, hash=seed), 0, reference)


def trio(folder: Path) -> Group:
    return Group(tuple(image(folder / f"{n}.jpg") for n in "abc"))


def trashed_names(trash: Path) -> set[str]:
    files = trash / "files"
    return set(os.listdir(files)) if files.exists() else set()


def test_trashes_marked_files_and_leaves_the_rest(tmp_path: Path, private_trash: Path) -> None:
    group = trio(tmp_path)
    a, b, c = group.paths
    plan = plan_removal([group], {b, c})
    assert plan.ok
    assert [(i.path, i.group, i.kept) for i in plan.items] == [(b, 0, (a,)), (c, 0, (a,))]
    assert plan.bytes == os.path.getsize(b) + os.path.getsize(c)

    outcomes = execute(plan)

    assert [(o.path, o.status, o.reason) for o in outcomes] == [
        (b, "trashed", None),
        (c, "trashed", None),
    ]
    assert [o.destination for o in outcomes] == [
        str(private_trash / "files" / "b.jpg"),
        str(private_trash / "files" / "c.jpg"),
    ]
    assert outcomes[0].batch and outcomes[0].batch == outcomes[1].batch
    assert os.path.exists(a)
    assert not os.path.exists(b) and not os.path.exists(c)
    assert trashed_names(private_trash) == {"b.jpg", "c.jpg"}
    info = (private_trash / "info" / "b.jpg.trashinfo").read_text()
    assert f"Path={b}" in info
    logged = read_log()
    assert [(e["action"], e["path"], e["size"]) for e in logged] == [
        ("trashed", b, plan.items[0].size),
        ("trashed", c, plan.items[1].size),
    ]
    assert all(e["time"][:4].isdigit() and "T" in e["time"] for e in logged)


def test_log_lives_under_xdg_state_home(tmp_path: Path) -> None:
    assert default_log_path() == os.path.join(
        os.environ["XDG_STATE_HOME"], "photodedup", "log", "trash.log"
    )
    group = trio(tmp_path)
    execute(plan_removal([group], {group.paths[1]}))
    with open(default_log_path(), "ab") as log:
        log.write(b'{"time": "2026-01-01T00:00:00+00:00", "action": "tra')  # cut short
    execute(plan_removal([group], {group.paths[2]}))
    assert [e["path"] for e in read_log()] == group.paths[1:]


def test_plan_refuses_a_group_with_every_file_marked(tmp_path: Path) -> None:
    first = trio(tmp_path / "one")
    second = trio(tmp_path / "two")
    plan = plan_removal([first, second], {first.paths[0], *second.paths})
    assert not plan.ok
    assert [(p.group, p.reason) for p in plan.problems] == [(1, Reason.ALL_MARKED)]
    with pytest.raises(ValueError, match="problems"):
        execute(plan)
    assert all(os.path.exists(p) for p in first.paths + second.paths)


def test_plan_refuses_reference_files_and_unknown_paths(tmp_path: Path) -> None:
    ref = image(tmp_path / "ref" / "r.jpg", reference=True)
    other = image(tmp_path / "x.jpg")
    stray = str(tmp_path / "stray.jpg")
    plan = plan_removal([Group((ref, other))], {ref.image.path, stray})
    problems = {(p.group, p.reason, p.path) for p in plan.problems}
    assert problems == {
        (0, Reason.IN_REFERENCE_FOLDER, ref.image.path),
        (-1, Reason.NOT_IN_A_GROUP, stray),
    }
    assert plan.items == []
    assert not plan.ok
    assert not plan_removal([Group((ref, other))], set()).ok  # nothing to do


def test_kept_copy_deleted_after_planning_stops_removal(
    tmp_path: Path, private_trash: Path
) -> None:
    a = image(tmp_path / "a.jpg")
    b = image(tmp_path / "b.jpg")
    plan = plan_removal([Group((a, b))], {b.image.path})
    os.remove(a.image.path)  # the user deleted the copy to keep behind our back

    [outcome] = execute(plan)

    assert outcome.status == "skipped"
    assert (outcome.reason, outcome.detail) == (Reason.KEPT_MISSING, a.image.path)
    assert os.path.exists(b.image.path)
    assert trashed_names(private_trash) == set()
    assert read_log() == []


def test_kept_copy_changed_after_planning_stops_removal(tmp_path: Path) -> None:
    a = image(tmp_path / "a.jpg")
    b = image(tmp_path / "b.jpg")
    plan = plan_removal([Group((a, b))], {b.image.path})
    save(photo(7, (50, 50)), a.image.path, "JPEG")  # another picture under the kept name

    [outcome] = execute(plan)

    assert outcome.status == "skipped"
    assert (outcome.reason, outcome.detail) == (Reason.KEPT_MISSING, a.image.path)
    assert os.path.exists(b.image.path)


def test_another_intact_kept_copy_is_enough(tmp_path: Path) -> None:
    group = trio(tmp_path)
    a, b, c = group.paths
    plan = plan_removal([group], {c})
    os.remove(a)
    assert [(o.path, o.status) for o in execute(plan)] == [(c, "trashed")]
    assert os.path.exists(b)


def test_hard_link_is_not_a_copy_to_keep(tmp_path: Path) -> None:
    b = image(tmp_path / "b.jpg")
    os.link(b.image.path, tmp_path / "a.jpg")
    st = os.stat(tmp_path / "a.jpg")
    a = Member(
        ImageRecord(str(tmp_path / "a.jpg"), st.st_size, st.st_mtime_ns, "JPEG", 1, 1, 0, (), ""),
        0,
    )
    [outcome] = execute(plan_removal([Group((a, b))], {b.image.path}))
    assert outcome.status == "skipped"
    assert (outcome.reason, outcome.detail) == (Reason.KEPT_SAME_FILE, a.image.path)
    assert os.path.exists(b.image.path)


def test_kept_copy_replaced_by_a_link_to_the_file_is_not_a_copy(tmp_path: Path) -> None:
    a = image(tmp_path / "a.jpg")
    b = image(tmp_path / "b.jpg")
    plan = plan_removal([Group((a, b))], {b.image.path})
    os.remove(a.image.path)
    os.symlink(b.image.path, a.image.path)

    [outcome] = execute(plan)

    assert outcome.status == "skipped"
    assert os.path.exists(b.image.path)


def test_rewritten_file_is_skipped_and_untouched(tmp_path: Path, private_trash: Path) -> None:
    a = image(tmp_path / "a.jpg")
    b = image(tmp_path / "b.jpg")
    plan = plan_removal([Group((a, b))], {b.image.path})
    save(photo(2, (200, 100)), b.image.path, "JPEG")  # edited since the scan
    content = Path(b.image.path).read_bytes()

    [outcome] = execute(plan)

    assert (outcome.status, outcome.reason) == ("skipped", Reason.CHANGED)
    assert Path(b.image.path).read_bytes() == content
    assert trashed_names(private_trash) == set()


def test_touched_file_is_skipped(tmp_path: Path) -> None:
    a = image(tmp_path / "a.jpg")
    b = image(tmp_path / "b.jpg")
    plan = plan_removal([Group((a, b))], {b.image.path})
    os.utime(b.image.path, ns=(b.image.mtime_ns, b.image.mtime_ns + 1_000_000_000))

    [outcome] = execute(plan)

    assert (outcome.status, outcome.reason) == ("skipped", Reason.CHANGED)
    assert os.path.exists(b.image.path)


def test_vanished_file_is_skipped_and_the_rest_goes_on(tmp_path: Path) -> None:
    group = trio(tmp_path)
    a, b, c = group.paths
    plan = plan_removal([group], {b, c})
    os.remove(b)

    outcomes = execute(plan)

    assert [(o.path, o.status, o.reason) for o in outcomes] == [
        (b, "skipped", Reason.VANISHED),
        (c, "trashed", None),
    ]
    assert os.path.exists(a)


def test_file_replaced_by_a_link_is_skipped(tmp_path: Path) -> None:
    a = image(tmp_path / "a.jpg")
    b = image(tmp_path / "b.jpg")
    plan = plan_removal([Group((a, b))], {b.image.path})
    os.remove(b.image.path)
    os.symlink(a.image.path, b.image.path)

    [outcome] = execute(plan)

    assert (outcome.status, outcome.reason) == ("skipped", Reason.NOT_REGULAR)
    assert os.path.islink(b.image.path)


def test_non_utf8_name_is_trashed_and_logged(tmp_path: Path, private_trash: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9.jpg"  # Latin-1, not valid UTF-8
    a = image(tmp_path / "a.jpg")
    odd = image(os.fsdecode(raw))
    assert "\udce9" in odd.image.path

    [outcome] = execute(plan_removal([Group((a, odd))], {odd.image.path}))

    assert outcome.status == "trashed"
    assert not os.path.exists(raw)
    assert os.listdir(os.fsencode(private_trash / "files")) == [b"caf\xe9.jpg"]
    assert raw in Path(default_log_path()).read_bytes()
    assert [e["path"] for e in read_log()] == [odd.image.path]


def test_cancel_stops_between_files(tmp_path: Path) -> None:
    group = Group(tuple(image(tmp_path / f"{n}.jpg") for n in "abcd"))
    plan = plan_removal([group], set(group.paths[1:]))
    cancel = threading.Event()
    seen: list[Progress] = []

    def progress(p: Progress) -> None:
        seen.append(p)
        if p.done == 1:  # the first file is done: ask to stop
            cancel.set()

    with pytest.raises(TrashCancelled) as caught:
        execute(plan, progress=progress, cancel=cancel)

    assert isinstance(caught.value, Cancelled)
    assert [(o.path, o.status) for o in caught.value.outcomes] == [(group.paths[1], "trashed")]
    assert [(o.path, o.status, o.reason) for o in caught.value.stopped] == [
        (group.paths[2], "skipped", Reason.STOPPED),
        (group.paths[3], "skipped", Reason.STOPPED),
    ]
    assert [os.path.exists(p) for p in group.paths] == [True, False, True, True]
    assert [(p.phase, p.done, p.total, p.current) for p in seen] == [
        ("trash", 0, 3, group.paths[1]),
        ("trash", 1, 3, group.paths[2]),
    ]


def test_progress_reports_each_file_and_the_end(tmp_path: Path) -> None:
    group = trio(tmp_path)
    plan = plan_removal([group], set(group.paths[1:]))
    seen: list[Progress] = []
    logged_before: list[int] = []

    def progress(p: Progress) -> None:
        seen.append(p)
        # Each line must be on disk before the next file is touched.
        logged_before.append(len(read_log()))

    execute(plan, progress=progress)
    assert logged_before == [0, 1, 2]
    assert [(p.done, p.total, p.current) for p in seen] == [
        (0, 2, group.paths[1]),
        (1, 2, group.paths[2]),
        (2, 2, ""),
    ]
    assert seen[-1].bytes_done == seen[-1].bytes_total == plan.bytes


def test_unwritable_log_means_nothing_is_touched(tmp_path: Path) -> None:
    group = trio(tmp_path)
    (tmp_path / "not-a-folder").write_text("x")
    plan = plan_removal([group], set(group.paths[1:]))

    outcomes = execute(plan, log_path=str(tmp_path / "not-a-folder" / "trash.log"))

    assert [o.status for o in outcomes] == ["failed", "failed"]
    assert outcomes[0].reason == Reason.LOG_UNWRITABLE
    assert "not-a-folder" in outcomes[0].detail
    assert all(os.path.exists(p) for p in group.paths)


def test_trash_errors_map_to_outcomes() -> None:
    # The exceptions send2trash raises when a drive has no usable trash.
    assert trash_error_status(TrashPermissionError("/media/stick/.Trash-1000")) == (
        "no-trash",
        Reason.NO_TRASH,
        "/media/stick/.Trash-1000",
    )
    assert trash_error_status(OSError("Couldn't find mount point for /mnt/x/a.jpg"))[0] == (
        "no-trash"
    )
    assert trash_error_status(OSError(errno.EACCES, "Permission denied")) == (
        "failed",
        Reason.OS_ERROR,
        "Permission denied",
    )
    assert trash_error_status(OSError(errno.EROFS, "Read-only file system")) == (
        "failed",
        Reason.READ_ONLY,
        "",
    )
    assert trash_error_status(RuntimeError("boom")) == (
        "failed",
        Reason.ERROR,
        "RuntimeError: boom",
    )


def test_move_to_never_overwrites(tmp_path: Path) -> None:
    group = trio(tmp_path / "photos")
    a, b, c = group.paths
    dest = tmp_path / "elsewhere"
    dest.mkdir()
    (dest / "b.jpg").write_bytes(b"already here")
    (dest / "b (2).jpg").write_bytes(b"this one too")
    content = Path(b).read_bytes()
    plan = plan_removal([group], {b})

    [outcome] = move_to(plan.items, str(dest))

    assert (outcome.path, outcome.status) == (b, "moved")
    assert outcome.destination == str(dest / "b (3).jpg")
    assert (dest / "b (3).jpg").read_bytes() == content
    assert (dest / "b.jpg").read_bytes() == b"already here"
    assert (dest / "b (2).jpg").read_bytes() == b"this one too"
    assert not os.path.exists(b) and os.path.exists(a) and os.path.exists(c)
    [entry] = read_log()
    assert (entry["action"], entry["path"], entry["destination"]) == (
        "moved",
        b,
        str(dest / "b (3).jpg"),
    )


def test_move_to_checks_like_execute(tmp_path: Path) -> None:
    a = image(tmp_path / "a.jpg")
    b = image(tmp_path / "b.jpg")
    c = image(tmp_path / "c.jpg")
    plan = plan_removal([Group((a, b, c))], {b.image.path, c.image.path})
    save(photo(3), b.image.path, "JPEG")
    dest = tmp_path / "elsewhere"
    dest.mkdir()

    outcomes = move_to(plan.items, str(dest))

    assert [o.status for o in outcomes] == ["skipped", "moved"]
    assert os.path.exists(b.image.path)
    assert os.listdir(dest) == ["c.jpg"]
    missing = move_to(plan.items, str(tmp_path / "nowhere"))
    assert [o.status for o in missing] == ["failed", "failed"]
    assert os.path.exists(b.image.path)


@pytest.fixture
def other_drive() -> Iterator[Path]:
    """A folder on another file system than the temp dir, if the machine has one."""
    shm = Path("/dev/shm")
    if not shm.is_dir() or not os.access(shm, os.W_OK):
        pytest.skip("no second file system to move to")
    folder = Path(tempfile.mkdtemp(dir=shm, prefix="photodedup-test-"))
    try:
        if os.stat(folder).st_dev == os.stat(tempfile.gettempdir()).st_dev:
            pytest.skip("/dev/shm is on the same file system as the temp dir")
        yield folder
    finally:
        shutil.rmtree(folder)


def test_move_to_across_file_systems(tmp_path: Path, other_drive: Path) -> None:
    a = image(tmp_path / "a.jpg")
    b = image(tmp_path / "b.jpg")
    content = Path(b.image.path).read_bytes()
    plan = plan_removal([Group((a, b))], {b.image.path})

    [outcome] = move_to(plan.items, str(other_drive))

    assert (outcome.status, outcome.destination) == ("moved", str(other_drive / "b.jpg"))
    assert (other_drive / "b.jpg").read_bytes() == content
    assert os.stat(other_drive / "b.jpg").st_mtime_ns // 1000 == b.image.mtime_ns // 1000
    assert not os.path.exists(b.image.path)


def test_each_outcome_is_told_as_soon_as_its_file_is_done(tmp_path: Path) -> None:
    group = Group(tuple(image(tmp_path / f"{n}.jpg") for n in "abc"))
    plan = plan_removal([group], set(group.paths[1:]))
    os.remove(group.paths[2])  # gone before the run: skipped, and told as well
    told: list[tuple[str, str, bool]] = []

    def on_outcome(o: Outcome) -> None:
        told.append((o.path, o.status, os.path.exists(o.path)))

    outcomes = execute(plan, on_outcome=on_outcome)
    assert told == [(group.paths[1], "trashed", False), (group.paths[2], "skipped", False)]
    assert [(o.path, o.status) for o in outcomes] == [(p, s) for p, s, _ in told]
    assert [e["batch"] for e in read_log()] == [outcomes[0].batch]


# --- content checks: size and time can be put back, the bytes cannot ---------


def _same_stat(path: str, like: ImageRecord) -> None:
    os.utime(path, ns=(like.mtime_ns, like.mtime_ns))
    assert os.stat(path).st_size == like.size


def _other_bytes_of_size(path: str, size: int, seed: int) -> None:
    data = bytearray(Path(path).read_bytes())
    rng = random.Random(seed)
    for i in range(0, len(data), 97):
        data[i] = rng.randrange(256)
    assert len(data) == size
    Path(path).write_bytes(bytes(data))


def test_other_file_with_same_name_size_and_time_is_skipped(
    tmp_path: Path, private_trash: Path
) -> None:
    a = image(tmp_path / "a.jpg")
    b = image(tmp_path / "b.jpg", 2)
    plan = plan_removal([Group((a, b))], {b.image.path})
    _other_bytes_of_size(b.image.path, b.image.size, 5)  # another file put back in its place
    _same_stat(b.image.path, b.image)
    content = Path(b.image.path).read_bytes()

    [outcome] = execute(plan)

    assert (outcome.status, outcome.reason) == ("skipped", Reason.CHANGED)
    assert Path(b.image.path).read_bytes() == content
    assert trashed_names(private_trash) == set()


def test_in_place_edit_of_a_large_file_with_its_time_restored_is_skipped(
    tmp_path: Path, private_trash: Path
) -> None:
    a = image(tmp_path / "a.jpg")
    big = tmp_path / "b.png"
    save(photo(3, (900, 700)), big, "PNG")  # larger than the quick digest's three blocks
    b = Member(scanned(big, hash=3), 0)
    assert b.image.size > 3 * 64 * 1024
    plan = plan_removal([Group((a, b))], {b.image.path})
    with open(big, "r+b") as f:  # an edit at the start, size and time kept
        f.seek(100)
        f.write(b"\xff" * 32)
    _same_stat(str(big), b.image)

    [outcome] = execute(plan)

    assert outcome.status == "skipped"
    assert os.path.exists(big)
    assert trashed_names(private_trash) == set()


def test_kept_copy_overwritten_with_other_bytes_stops_the_groups_removals(
    tmp_path: Path, private_trash: Path
) -> None:
    a = image(tmp_path / "a.jpg")
    b = image(tmp_path / "b.jpg")
    c = image(tmp_path / "c.jpg")
    plan = plan_removal([Group((a, b, c))], {b.image.path, c.image.path})
    _other_bytes_of_size(a.image.path, a.image.size, 9)  # the last real copy is gone
    _same_stat(a.image.path, a.image)

    outcomes = execute(plan)

    assert [o.status for o in outcomes] == ["skipped", "skipped"]
    assert all(o.reason == Reason.KEPT_MISSING for o in outcomes)
    assert os.path.exists(b.image.path) and os.path.exists(c.image.path)
    assert trashed_names(private_trash) == set()


# --- trash edge cases ----------------------------------------------------------


def _leftovers(*trashes: Path) -> list[str]:
    found = []
    for trash in trashes:
        for sub in ("info", "files"):
            if (trash / sub).is_dir():
                found += [f"{trash.name}/{sub}/{n}" for n in os.listdir(trash / sub)]
    return found


def test_name_too_long_for_the_trash_is_no_trash(tmp_path: Path, private_trash: Path) -> None:
    a = image(tmp_path / "a.jpg")
    name = "b" * 246 + ".jpg"  # 250 bytes: "<name>.trashinfo" is 260
    b = image(tmp_path / name)

    [outcome] = execute(plan_removal([Group((a, b))], {b.image.path}))

    assert (outcome.status, outcome.reason) == ("no-trash", Reason.NAME_TOO_LONG_FOR_TRASH)
    assert os.path.exists(b.image.path)
    assert _leftovers(private_trash) == []
    [moved] = move_to(plan_removal([Group((a, b))], {b.image.path}).items, str(tmp_path / "."))
    assert moved.status == "moved"


def test_full_trash_across_drives_leaves_no_orphan_or_partial_copy(
    tmp_path: Path, private_home: Path, tmpfs
) -> None:
    drive = tmpfs(tmp_path / "drive", 8192)
    # The drive's trash folder is itself another file system, so the move into it
    # fails with EXDEV and send2trash falls back to copying into the home trash,
    # which is on a nearly full disk.
    drive_trash = tmpfs(drive / f".Trash-{os.getuid()}", 256)
    home_data = tmpfs(private_home / "data", 200)
    a = Member(scanned(_big_png(drive / "a.png", 1)), 0)
    b = Member(scanned(_big_png(drive / "b.png", 1)), 0)
    assert b.image.size > 250 * 1024
    content = Path(b.image.path).read_bytes()

    [outcome] = execute(plan_removal([Group((a, b))], {b.image.path}))

    assert (outcome.status, outcome.reason) == ("no-trash", Reason.TRASH_FULL)
    assert Path(b.image.path).read_bytes() == content
    assert _leftovers(drive_trash, home_data / "Trash") == []


def test_read_only_trash_folder_is_not_a_read_only_drive(
    tmp_path: Path, private_home: Path, tmpfs
) -> None:
    tmpfs(private_home / "data", 64, read_only=True)  # the home trash cannot be made
    a = image(tmp_path / "a.jpg")
    b = image(tmp_path / "b.jpg")

    [outcome] = execute(plan_removal([Group((a, b))], {b.image.path}))

    assert (outcome.status, outcome.reason) == (
        "no-trash",
        Reason.TRASH_READ_ONLY,
    )
    assert os.path.exists(b.image.path)


def test_read_only_drive_is_said_so(tmp_path: Path, tmpfs) -> None:
    drive = tmpfs(tmp_path / "drive", 1024)
    a = image(drive / "a.jpg")
    b = image(drive / "b.jpg")
    plan = plan_removal([Group((a, b))], {b.image.path})
    remount_read_only(drive)

    [outcome] = execute(plan)

    assert (outcome.status, outcome.reason) == ("failed", Reason.READ_ONLY)
    assert os.path.exists(b.image.path)


def remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


def _big_png(path: Path, seed: int) -> Path:
    import numpy as np
    from PIL import Image

    noise = np.random.default_rng(seed).integers(0, 256, (300, 400, 3), dtype=np.uint8)
    Image.fromarray(noise).save(path, "PNG", compress_level=0)
    return path
