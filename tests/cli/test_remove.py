"""``scan --trash`` / ``--move-to``, ``history`` and ``undo``, run as a user runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from imagegen import photo, resized, save

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads the freedesktop trash")


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    # No terminal on stdin, as in a script or over a pipe.
    return subprocess.run(
        [sys.executable, "-m", "photodedup.cli", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=180,
    )


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "Pictures"
    one, two = photo(21, (640, 480)), photo(22, (640, 480))
    save(one, root / "2021" / "beach.jpg", quality=92)
    save(resized(one, 0.5), root / "exports" / "beach-small.jpg")
    save(two, root / "2021" / "city.jpg", quality=92)
    save(resized(two, 0.6), root / "exports" / "city-small.jpg")
    return root


def contents(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_trash_then_undo_round_trip(library: Path, trash_dir: Path) -> None:
    before = contents(library)

    removed = cli("scan", str(library), "--trash", "--yes", "--no-cache")

    assert removed.returncode == 0, removed.stderr
    assert "To move to the trash: 2 file(s)" in removed.stdout
    assert "2 of 2 file(s) removed" in removed.stdout
    assert sorted(contents(library)) == ["2021/beach.jpg", "2021/city.jpg"]
    assert sorted(os.listdir(trash_dir)) == ["beach-small.jpg", "city-small.jpg"]

    history = cli("history")
    assert history.returncode == 0
    [_header, row] = history.stdout.splitlines()
    assert row.split()[3:4] == ["2"] and row.endswith("removed")

    undone = cli("undo", "--yes")

    assert undone.returncode == 0, undone.stderr
    assert "2 of 2 file(s) restored" in undone.stdout
    assert contents(library) == before
    assert os.listdir(trash_dir) == []
    assert cli("history").stdout.splitlines()[1].endswith("restored")
    again = cli("undo", "--yes")
    assert again.returncode == 0 and "Nothing to undo" in again.stdout


def test_trash_without_yes_and_without_a_terminal_refuses(library: Path) -> None:
    before = contents(library)

    proc = cli("scan", str(library), "--trash", "--no-cache")

    assert proc.returncode == 2
    assert "not on a terminal: add --yes" in proc.stderr
    assert "To move to the trash: 2 file(s)" in proc.stdout  # the plan is still shown
    assert contents(library) == before
    assert cli("history").stdout.strip() == "No removals yet."


def test_move_to_keeps_paths_and_undo_brings_them_back(library: Path, tmp_path: Path) -> None:
    before = contents(library)
    aside = tmp_path / "aside"
    aside.mkdir()

    proc = cli("scan", str(library), "--move-to", str(aside), "--yes", "--no-cache")

    assert proc.returncode == 0, proc.stderr
    assert sorted(contents(aside)) == [
        "Pictures/exports/beach-small.jpg",
        "Pictures/exports/city-small.jpg",
    ]
    assert cli("undo", "--yes").returncode == 0
    assert contents(library) == before
    assert contents(aside) == {}


def test_reference_folder_is_never_touched(library: Path) -> None:
    exports = library / "exports"
    proc = cli("scan", str(library), "--reference", str(exports), "--trash", "--yes", "--no-cache")
    assert proc.returncode == 0, proc.stderr
    assert sorted(os.listdir(exports)) == ["beach-small.jpg", "city-small.jpg"]
    assert not (library / "2021" / "beach.jpg").exists()


def test_unknown_batch_and_emptied_trash_are_clear(library: Path, trash_dir: Path) -> None:
    assert cli("scan", str(library), "--trash", "--yes", "--no-cache").returncode == 0

    unknown = cli("undo", "no-such-batch", "--yes")
    assert unknown.returncode == 2
    assert "no removal batch 'no-such-batch'" in unknown.stderr

    os.remove(trash_dir / "beach-small.jpg")  # the user emptied part of the trash
    partial = cli("undo", "--yes")

    assert partial.returncode == 1
    assert "no longer in the trash" in partial.stdout
    assert "1 of 2 file(s) restored" in partial.stdout
    assert (library / "exports" / "city-small.jpg").exists()


def test_a_damaged_log_line_is_reported_and_skipped(library: Path) -> None:
    assert cli("scan", str(library), "--trash", "--yes", "--no-cache").returncode == 0
    log = Path(os.environ["XDG_STATE_HOME"]) / "photodedup" / "log" / "trash.log"
    with open(log, "ab") as f:
        f.write(b"{not json\n")

    history = cli("history")

    assert history.returncode == 0
    assert "action log line 3 skipped" in history.stderr
    assert len(history.stdout.splitlines()) == 2
    assert cli("undo", "--yes").returncode == 0


def test_yes_alone_is_a_usage_error(library: Path) -> None:
    proc = cli("scan", str(library), "--yes")
    assert proc.returncode == 2 and "--yes only goes with --trash" in proc.stderr


def test_help_says_it_only_removes_when_asked() -> None:
    top = cli("--help").stdout
    scan_help = " ".join(cli("scan", "--help").stdout.split())
    assert "only with 'scan --trash'" in " ".join(top.split())
    assert "Nothing is removed unless --trash or --move-to is given" in scan_help
