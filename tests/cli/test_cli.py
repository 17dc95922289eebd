"""End to end: ``photodedup-cli scan`` on a generated library, as a user runs it."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from imagegen import photo, resized, save, watermarked, write_garbage, write_truncated_jpeg

NON_UTF8 = os.fsdecode(b"caf\xe9 copy.jpg")


def run_cli(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "photodedup.cli", *args],
        capture_output=True,
        text=True,
        errors="surrogateescape",
        timeout=180,
    )
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two folders of photos and their look-alikes, plus files that cannot be used."""
    root = tmp_path_factory.mktemp("library")
    a, b = root / "a", root / "b"
    p1, p2, p3, p4, p5 = (photo(seed, (800, 600)) for seed in (11, 12, 13, 14, 15))
    save(p1, a / "beach.jpg", quality=92, taken="2021:06:01 12:00:00", camera="Pixel 7")
    save(resized(p1, 0.5), b / "beach-small.jpg", quality=80)
    save(p2, a / "forest.jpg")
    save(p2, b / "forest.png")
    save(p3, a / "city.jpg")
    shutil.copyfile(a / "city.jpg", b / "city (1).jpg")
    save(p4, a / "alone.jpg")
    save(p5, b / "cafe.jpg", orientation=6)
    save(watermarked(p5), b / NON_UTF8)
    write_truncated_jpeg(b / "truncated.jpg")
    (b / "empty.jpg").write_bytes(b"")
    (b / "notes.png").write_text("this is not a picture\n" * 1000)
    write_garbage(b / "corrupt.jpg", head=b"\xff\xd8\xff\xe0")
    return root


def groups_by_name(report: dict) -> set[frozenset[str]]:
    return {frozenset(Path(f["path"]).name for f in g["files"]) for g in report["groups"]}


def test_scan_reports_exact_groups_and_errors(library: Path, tmp_path: Path) -> None:
    proc = run_cli(
        "scan",
        str(library / "a"),
        str(library / "b"),
        "--json",
        "-",
        "--cache",
        str(tmp_path / "c.db"),
    )
    report = json.loads(proc.stdout)
    assert report["version"] == 1
    assert groups_by_name(report) == {
        frozenset({"beach.jpg", "beach-small.jpg"}),
        frozenset({"forest.jpg", "forest.png"}),
        frozenset({"city.jpg", "city (1).jpg"}),
        frozenset({"cafe.jpg", NON_UTF8}),
    }
    errors = {Path(e["path"]).name: (e["reason"], e["detail"]) for e in report["errors"]}
    assert set(errors) == {"truncated.jpg", "empty.jpg", "notes.png", "corrupt.jpg"}
    assert errors["empty.jpg"] == ("empty-file", "")
    assert errors["notes.png"] == ("not-an-image", "PNG (text)")
    assert all("\n" not in detail for _, detail in errors.values())
    assert report["stats"]["images"] == 9
    assert report["stats"]["decoded"] == 9
    for group in report["groups"]:
        assert group["reference"] == group["files"][0]["path"]
        assert Path(group["reference"]).is_absolute()
        for f in group["files"]:
            assert set(f) >= {
                "path",
                "size",
                "width",
                "height",
                "format",
                "mtime",
                "distance",
                "taken",
            }
    files = {Path(f["path"]).name: f for g in report["groups"] for f in g["files"]}
    assert files["city (1).jpg"]["distance"] == 0
    assert files["beach.jpg"]["taken"] == "2021-06-01T12:00:00"
    assert (files["cafe.jpg"]["width"], files["cafe.jpg"]["height"]) == (800, 600)
    assert files["forest.png"]["format"] == "PNG"
    # The non-UTF-8 name survives the JSON round trip byte for byte.
    odd = next(f["path"] for f in files.values() if f["path"].endswith(NON_UTF8))
    assert os.path.exists(os.fsencode(odd))


def test_rescan_decodes_nothing_and_recognises_a_moved_file(library: Path, tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    shutil.copytree(library / "a", lib)
    cache = str(tmp_path / "c.db")
    first = json.loads(run_cli("scan", str(lib), "--json", "-", "--cache", cache).stdout)
    assert first["stats"]["decoded"] == 4
    (lib / "moved").mkdir()
    os.rename(lib / "forest.jpg", lib / "moved" / "renamed forest.jpg")
    again = json.loads(run_cli("scan", str(lib), "--json", "-", "--cache", cache).stdout)
    assert again["stats"]["decoded"] == 0
    assert again["stats"]["cache_hits"] == 4
    assert again["groups"] == [g for g in again["groups"] if len(g["files"]) > 1]


def test_reference_folder_and_preset_and_csv(library: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    proc = run_cli(
        "scan",
        str(library / "a"),
        str(library / "b"),
        "--reference",
        str(library / "a"),
        "--preset",
        "exact",
        "--csv",
        str(out),
        "--no-cache",
    )
    assert proc.stdout == ""
    with open(out, newline="", encoding="utf-8", errors="surrogateescape") as fp:
        rows = list(csv.DictReader(fp))
    names = {Path(r["path"]).name for r in rows}
    # At distance 0 the watermarked copy, 4 bits away, is no longer a look-alike.
    assert "city.jpg" in names and "city (1).jpg" in names
    assert "cafe.jpg" not in names and NON_UTF8 not in names
    ref = {Path(r["path"]).name: r["reference_folder"] for r in rows}
    assert ref["city.jpg"] == "True" and ref["city (1).jpg"] == "False"


def test_human_summary(library: Path) -> None:
    proc = run_cli("scan", str(library / "a"), str(library / "b"), "--no-cache")
    assert "4 groups" in proc.stdout
    assert "truncated.jpg" in proc.stdout
    assert "caf\\udce9 copy.jpg" in proc.stdout or "caf\\xe9" in proc.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["scan"],
        ["scan", "/no/such/folder"],
        ["scan", ".", "--hash", "md5"],
        ["scan", ".", "--distance", "-3"],
        ["scan", ".", "--distance", "4", "--preset", "exact"],
    ],
)
def test_bad_usage_exits_2(args: list[str]) -> None:
    proc = run_cli(*args, check=False)
    assert proc.returncode == 2
    assert proc.stderr.strip()


@pytest.mark.parametrize("kind", ["--json", "--csv"])
def test_an_output_path_that_cannot_be_written_is_a_one_line_error(
    kind: str, library: Path, tmp_path: Path
) -> None:
    for target in (tmp_path / "no such folder" / "out", tmp_path):
        proc = run_cli("scan", str(library / "a"), kind, str(target), "--no-cache", check=False)
        assert proc.returncode == 2
        assert "Traceback" not in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1
        assert str(target) in proc.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs a device that is always full")
def test_a_full_disk_while_writing_the_report_is_a_one_line_error(library: Path) -> None:
    proc = run_cli("scan", str(library / "a"), "--json", "/dev/full", "--no-cache", check=False)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "/dev/full" in proc.stderr


def test_version() -> None:
    from photodedup import __version__

    assert __version__ in run_cli("--version").stdout


def test_ctrl_c_exits_130_and_keeps_the_cache(tmp_path: Path) -> None:
    lib = tmp_path / "many"
    lib.mkdir()
    seeds = [save(photo(s, (320, 240)), tmp_path / f"seed{s}.jpg") for s in range(10)]
    for i in range(1500):
        # A distinct file each: same picture, one more trailing byte after the JPEG end.
        data = seeds[i % 10].read_bytes() + b"\0" * (i // 10 + 1)
        (lib / f"img{i:04d}.jpg").write_bytes(data)
    cache = tmp_path / "c.db"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "photodedup.cli",
            "scan",
            str(lib),
            "--workers",
            "1",
            "--cache",
            str(cache),
            "--json",
            str(tmp_path / "out.json"),
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not cache.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert not (tmp_path / "out.json").exists()
    report = json.loads(run_cli("scan", str(lib), "--json", "-", "--cache", str(cache)).stdout)
    assert 0 < report["stats"]["cache_hits"] < 1500
    assert report["stats"]["decoded"] == 1500 - report["stats"]["cache_hits"]


def test_version_answers_before_the_commands_load() -> None:
    code = (
        "import sys\n"
        "from photodedup.cli import main\n"
        "assert main(['--version']) == 0\n"
        "print(sorted(m for m in sys.modules if m.startswith('photodedup.core')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    from photodedup import __version__

    assert out.stdout.splitlines() == [f"photodedup {__version__}", "[]"]


def test_startup_leaves_the_image_libraries_unloaded() -> None:
    # --help, --version and usage errors should answer at once; numpy, Pillow,
    # pillow-heif, the cache's sqlite3 and the report are loaded by the command
    # that needs them.
    code = (
        "import sys\n"
        "from photodedup.cli import build_parser\n"
        "build_parser().parse_args(['scan', '.'])\n"
        "lazy = ('numpy', 'PIL', 'pillow_heif', 'sqlite3', 'photodedup.cli.report')\n"
        "print(sorted(m for m in lazy if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


# --- never overwrite what is not ours -----------------------------------------


def test_a_photo_or_another_programs_database_given_as_the_cache_is_refused(
    library: Path, tmp_path: Path
) -> None:
    photo_path = tmp_path / "MyPhoto.jpg"
    shutil.copyfile(library / "a" / "beach.jpg", photo_path)
    other = tmp_path / "contacts.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    for target in (photo_path, other):
        before = target.read_bytes()
        proc = run_cli("scan", str(library / "a"), "--cache", str(target), check=False)
        assert proc.returncode == 2
        assert "not a photodedup cache" in proc.stderr and "Traceback" not in proc.stderr
        assert target.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["MyPhoto.jpg", "contacts.sqlite"]


@pytest.mark.parametrize("kind", ["--json", "--csv"])
def test_a_report_never_overwrites_a_file_that_is_not_a_report(
    kind: str, library: Path, tmp_path: Path
) -> None:
    target = tmp_path / "IMG.jpg"
    shutil.copyfile(library / "a" / "beach.jpg", target)
    before = target.read_bytes()

    proc = run_cli("scan", str(library / "a"), kind, str(target), "--no-cache", check=False)

    assert proc.returncode == 2
    assert "not a photodedup report" in proc.stderr
    assert target.read_bytes() == before


def test_an_earlier_report_an_empty_file_and_devices_may_be_written(
    library: Path, tmp_path: Path
) -> None:
    report, table, empty = tmp_path / "r.json", tmp_path / "r.csv", tmp_path / "new.csv"
    run_cli("scan", str(library / "a"), "--json", str(report), "--csv", str(table), "--no-cache")
    empty.write_bytes(b"")
    for args in (
        ("--json", str(report)),
        ("--csv", str(table)),
        ("--csv", str(report)),  # one report kind over the other
        ("--csv", str(empty)),
        ("--json", os.devnull),
    ):
        run_cli("scan", str(library / "a"), *args, "--no-cache")
    assert table.read_text().startswith("group,")
    assert report.read_text().startswith("group,")
    assert empty.read_text().startswith("group,")


# --- a new user's first runs ------------------------------------------------------


def test_a_distance_above_the_fingerprints_bits_is_refused(library: Path) -> None:
    args = ("scan", str(library / "a"), "--hash", "dhash", "--distance", "99", "--no-cache")
    proc = run_cli(*args, check=False)
    assert proc.returncode == 2
    assert "64 bits" in proc.stderr and "Traceback" not in proc.stderr
    wide = run_cli(*args, "--hash-size", "16")
    assert wide.returncode == 0


def test_a_hash_size_the_pdq_default_does_not_have_is_a_usage_error(library: Path) -> None:
    proc = run_cli("scan", str(library / "a"), "--hash-size", "8", "--no-cache", check=False)
    assert proc.returncode == 2
    assert "256 bits" in proc.stderr and "--hash dhash" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_missing_folder_and_a_file_given_as_folder_are_told_apart(
    library: Path, tmp_path: Path
) -> None:
    proc = run_cli("scan", str(tmp_path / "nowhere"), check=False)
    assert proc.returncode == 2
    assert f"no such folder: {tmp_path / 'nowhere'}" in proc.stderr
    proc = run_cli("scan", str(library / "a" / "beach.jpg"), check=False)
    assert proc.returncode == 2
    assert "not a folder:" in proc.stderr


def test_a_reference_folder_outside_the_scan_is_warned_about(library: Path, tmp_path: Path) -> None:
    proc = run_cli(
        "scan", str(library / "a"), "--reference", str(library / "b"), "--no-cache", "--json", "-"
    )
    assert "warning: the reference folder" in proc.stderr and str(library / "b") in proc.stderr
    inside = run_cli("scan", str(library), "--reference", str(library / "b"), "--no-cache")
    assert "reference folder" not in inside.stderr


def test_a_reference_folder_holding_the_whole_scan_is_warned_about(library: Path) -> None:
    # Every photo is then a reference: no group is shown, which must not look like "no copies".
    proc = run_cli(
        "scan", str(library / "a"), str(library / "b"), "--reference", str(library), "--no-cache"
    )
    assert "0 groups" in proc.stdout
    assert f"warning: the reference folder {library} holds every folder being scanned" in (
        proc.stderr
    )
    part = run_cli("scan", str(library / "a"), "--reference", str(library / "a"), "--no-cache")
    assert "holds every folder" in part.stderr  # the same folder, given twice over
    some = run_cli(
        "scan", str(library / "a"), str(library / "b"), "--reference", str(library / "a"),
        "--no-cache",
    )  # fmt: skip
    assert "warning" not in some.stderr


def test_the_summary_explains_distances_and_counts_in_good_english(library: Path) -> None:
    out = run_cli("scan", str(library / "a"), str(library / "b"), "--no-cache").stdout
    assert "d=N: how many of the 256 bits" in out
    assert "Could not use 4 files:" in out
    assert "4 groups, 4 look-alike copies" in out
    single = run_cli("scan", str(library / "b"), "--no-cache").stdout
    assert "1 group, 1 look-alike copy," in single


def test_csv_dates_are_iso_and_groups_are_numbered_as_the_app_lists_them(
    library: Path, tmp_path: Path
) -> None:
    table = tmp_path / "out.csv"
    run_cli("scan", str(library / "a"), str(library / "b"), "--csv", str(table), "--no-cache")
    rows = list(csv.DictReader(table.open(encoding="utf-8", errors="surrogateescape")))
    for row in rows:
        when = datetime.fromisoformat(row["mtime"])
        assert when.tzinfo is not None
        assert abs(when.timestamp() - os.stat(os.fsencode(row["path"])).st_mtime) < 1
    # The app lists groups with the most bytes to free first.
    freed: dict[int, int] = {}
    for row in rows:
        if row["keep"] == "False":
            freed[int(row["group"])] = freed.get(int(row["group"]), 0) + int(row["size"])
    numbers = sorted(freed)
    assert numbers == list(range(1, len(numbers) + 1))
    assert [freed[n] for n in numbers] == sorted(freed.values(), reverse=True)


def test_the_summary_says_how_many_photos_were_too_small(tmp_path: Path) -> None:
    """Photos under --min-size are not opened; the user is told how many, not left to guess."""
    save(photo(71, (640, 480)), tmp_path / "big.jpg", quality=92)
    save(photo(72, (40, 30)), tmp_path / "tiny.jpg", quality=60)
    save(photo(72, (40, 30)), tmp_path / "tiny-copy.jpg", quality=60)
    (tmp_path / "notes.txt").write_text("not a photo")
    assert (tmp_path / "tiny.jpg").stat().st_size < 8000 < (tmp_path / "big.jpg").stat().st_size
    out = run_cli("scan", str(tmp_path), "--no-cache").stdout
    assert "2 image files under the minimum size skipped (--min-size 0 includes them)." in out
    report = json.loads(run_cli("scan", str(tmp_path), "--no-cache", "--json", "-").stdout)
    assert report["stats"]["too_small"] == 2
    out = run_cli("scan", str(tmp_path), "--no-cache", "--min-size", "0").stdout
    assert "minimum size" not in out
