"""``photodedup-cli scan`` keeps the camera original, honours --keep, --prefer and the
"not a duplicate" list, as a user runs it."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from imagegen import photo, save

from photodedup.core.ignore import IgnoreList, default_ignore_path
from photodedup.core.models import ScanOptions, WalkOptions
from photodedup.core.scan import scan
from photodedup.core.select import best_index, premark

DAY_NS = 86_400 * 10**9


def run_cli(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "photodedup.cli", "scan", "--workers", "1", *args],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "COLUMNS": "200"},
    )
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture
def opening(tmp_path: Path) -> Path:
    """The library from the issue: conversions of a camera JPEG, and a newer backup."""
    root = tmp_path / "library"
    pic = photo(41, (480, 360))
    save(pic, root / "Camera Roll" / "IMG_0001.jpg", quality=85, taken="2023:04:02 10:11:12",
         camera="Pixel 7")  # fmt: skip
    save(pic, root / "Converted" / "IMG_0001.png")
    save(pic, root / "Converted" / "IMG_0001.webp", quality=100)
    original = save(photo(42, (480, 360)), root / "Camera Roll" / "IMG_0002.jpg")
    (root / "Backup").mkdir()
    shutil.copyfile(original, root / "Backup" / "IMG_0002.jpg")
    st = os.stat(original)
    os.utime(original, ns=(st.st_atime_ns, st.st_mtime_ns - 200 * DAY_NS))
    return root


def kept(report: dict) -> set[str]:
    return {
        os.path.relpath(f["path"], report["settings"]["roots"][0])
        for g in report["groups"]
        for f in g["files"]
        if f["keep"]
    }


def test_defaults_keep_the_camera_originals(opening: Path) -> None:
    report = json.loads(run_cli(str(opening), "--json", "-").stdout)
    assert kept(report) == {"Camera Roll/IMG_0001.jpg", "Camera Roll/IMG_0002.jpg"}
    summary = run_cli(str(opening)).stdout
    line = next(ln for ln in summary.splitlines() if "IMG_0001.jpg" in ln)
    assert line.split()[0] == "keep" and line.endswith("(has camera data)")
    line = next(ln for ln in summary.splitlines() if "Camera Roll/IMG_0002.jpg" in ln)
    assert line.split()[0] == "keep" and line.endswith("(oldest file)")
    assert next(ln for ln in summary.splitlines() if "Backup" in ln).split()[0].startswith("d=")


def test_prefer_and_keep_choose_another_copy(opening: Path) -> None:
    backup = str(opening / "Backup")
    report = json.loads(
        run_cli(
            str(opening), "--keep", "preferred-folders", "--prefer", backup, "--json", "-"
        ).stdout
    )
    assert "Backup/IMG_0002.jpg" in kept(report)
    assert report["settings"]["keep"] == "preferred-folders"
    assert report["settings"]["prefer"] == [backup]
    # With the default rule the preference only breaks ties: age comes first.
    report = json.loads(run_cli(str(opening), "--prefer", backup, "--json", "-").stdout)
    assert "Camera Roll/IMG_0002.jpg" in kept(report)
    report = json.loads(run_cli(str(opening), "--keep", "format:png>webp", "--json", "-").stdout)
    assert "Converted/IMG_0001.png" in kept(report)


def test_a_bad_rule_or_folder_is_a_usage_error(opening: Path) -> None:
    proc = run_cli(str(opening), "--keep", "prettiest", check=False)
    assert proc.returncode == 2 and "unknown keep criterion 'prettiest'" in proc.stderr
    proc = run_cli(str(opening), "--prefer", str(opening / "nowhere"), check=False)
    assert proc.returncode == 2 and "no such folder" in proc.stderr


def test_the_apps_ignore_list_is_honoured_after_a_rename(opening: Path, tmp_path: Path) -> None:
    result = scan(ScanOptions(WalkOptions((str(opening),)), workers=1, use_cache=False))
    group = next(g for g in result.groups if any("IMG_0001" in p for p in g.paths))
    by_name = {os.path.basename(m.image.path): m.image for m in group.members}
    IgnoreList().add(by_name["IMG_0001.jpg"], by_name["IMG_0001.webp"])
    assert os.path.exists(default_ignore_path())
    shutil.move(opening / "Converted" / "IMG_0001.webp", opening / "Camera Roll" / "renamed.webp")

    def groups_of(report: dict) -> list[set[str]]:
        return sorted(
            ({os.path.basename(f["path"]) for f in g["files"]} for g in report["groups"]), key=len
        )

    report = json.loads(run_cli(str(opening), "--json", "-").stdout)
    assert {"IMG_0001.jpg", "renamed.webp"} not in [
        {n for n in g if n in {"IMG_0001.jpg", "renamed.webp"}} for g in groups_of(report)
    ]
    assert {"IMG_0001.jpg", "IMG_0001.png"} in groups_of(report)
    report = json.loads(run_cli(str(opening), "--no-ignore-list", "--json", "-").stdout)
    assert {"IMG_0001.jpg", "IMG_0001.png", "renamed.webp"} in groups_of(report)
    # Another list, by path: the app's decisions are not in it.
    other = tmp_path / "other.json"
    report = json.loads(run_cli(str(opening), "--ignore-list", str(other), "--json", "-").stdout)
    assert {"IMG_0001.jpg", "IMG_0001.png", "renamed.webp"} in groups_of(report)


def test_the_report_keeps_the_copies_a_removal_would_keep(tmp_path: Path) -> None:
    # The CLI chooses each group's keeper once and reorders the groups by bytes to
    # free: the JSON, the CSV and the marks must still name one keeper per group,
    # the one the rule chooses for that group.
    root = tmp_path / "library"
    for n, (side, copies) in enumerate([(160, 2), (480, 3), (240, 4), (320, 2)]):
        pic = photo(60 + n, (side, side * 3 // 4))
        for c in range(copies):
            size = (side * (4 - c) // 4, side * 3 * (4 - c) // 16)
            save(pic.resize(size), root / f"set{n}" / f"{c}-copy.jpg", quality=80 + 5 * c)
    groups = scan(
        ScanOptions(WalkOptions((str(root),), min_size=0), workers=1, use_cache=False)
    ).groups
    assert len(groups) == 4
    by_paths = {frozenset(g.paths): g for g in groups}
    table = tmp_path / "out.csv"
    flags = ("--no-cache", "--min-size", "0")
    report = json.loads(run_cli(str(root), *flags, "--json", "-", "--csv", str(table)).stdout)
    listed = [by_paths[frozenset(f["path"] for f in g["files"])] for g in report["groups"]]
    assert listed != groups  # reordered, so a keeper out of step with its group shows
    marked = premark(groups)
    for group, entry in zip(listed, report["groups"], strict=True):
        best = group.members[best_index(group)].image.path
        assert [f["path"] for f in entry["files"] if f["keep"]] == [best]
        assert {f["path"] for f in entry["files"] if not f["keep"]} == set(group.paths) - {best}
    assert marked == {f["path"] for g in report["groups"] for f in g["files"] if not f["keep"]}
    with table.open(encoding="utf-8", newline="") as fp:
        rows = list(csv.DictReader(fp))
    assert [(r["path"], r["keep"]) for r in rows] == [
        (f["path"], str(f["keep"])) for g in report["groups"] for f in g["files"]
    ]
