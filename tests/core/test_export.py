"""JSON and CSV exports: the v1 keys, and which copy stays and why."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import time
from pathlib import Path

import pytest
from imagegen import photo, save

from photodedup.core.export import CSV_FIELDS, _Dates, _iso_time, write_csv, write_json
from photodedup.core.models import ScanOptions, WalkOptions
from photodedup.core.scan import scan

V1_FILE_KEYS = {
    "path",
    "size",
    "width",
    "height",
    "format",
    "mtime",
    "distance",
    "taken",
    "camera",
    "reference_folder",
}


@pytest.fixture
def opening_library(tmp_path: Path) -> Path:
    """A camera JPEG with its PNG conversion, and an older camera file with its backup."""
    pic = photo(21, (480, 360))
    save(pic, tmp_path / "Camera Roll" / "IMG_1.jpg", quality=85, taken="2022:07:01 09:00:00",
         camera="iPhone 12")  # fmt: skip
    save(pic, tmp_path / "Converted" / "IMG_1.png")
    original = save(photo(22, (480, 360)), tmp_path / "Camera Roll" / "IMG_2.jpg")
    (tmp_path / "Backup").mkdir()
    shutil.copyfile(original, tmp_path / "Backup" / "IMG_2.jpg")
    st = os.stat(original)
    os.utime(original, ns=(st.st_atime_ns, st.st_mtime_ns - 86_400 * 10**9 * 300))
    return tmp_path


def by_name(report: dict) -> dict[str, dict]:
    return {
        str(Path(f["path"]).relative_to(Path(f["path"]).parents[1])): f
        for g in report["groups"]
        for f in g["files"]
    }


def test_json_says_which_copy_stays_and_why(opening_library: Path) -> None:
    options = ScanOptions(WalkOptions((str(opening_library),)), workers=1)
    result = scan(options)
    out = io.StringIO()
    write_json(result, options, out)
    report = json.loads(out.getvalue())
    assert report["version"] == 1 and report["settings"]["keep"] == "best"
    files = by_name(report)
    assert all(V1_FILE_KEYS | {"keep", "keep_reason"} == set(f) for f in files.values())
    assert files["Camera Roll/IMG_1.jpg"]["keep"] is True
    assert files["Camera Roll/IMG_1.jpg"]["keep_reason"] == "camera_data"
    assert files["Converted/IMG_1.png"]["keep"] is False
    assert files["Converted/IMG_1.png"]["keep_reason"] == "camera_data"
    assert files["Camera Roll/IMG_2.jpg"]["keep"] is True
    assert files["Camera Roll/IMG_2.jpg"]["keep_reason"] == "oldest_file"
    assert files["Backup/IMG_2.jpg"]["keep"] is False

    # The user's own marks win, and say so.
    backup = files["Backup/IMG_2.jpg"]["path"]
    out = io.StringIO()
    write_json(result, options, out, marked={backup, files["Camera Roll/IMG_2.jpg"]["path"]})
    files = by_name(json.loads(out.getvalue()))
    assert (
        files["Camera Roll/IMG_2.jpg"] | {"keep": False, "keep_reason": "user"}
        == files["Camera Roll/IMG_2.jpg"]
    )
    assert files["Converted/IMG_1.png"]["keep"] is True  # not in the user's marks
    assert files["Converted/IMG_1.png"]["keep_reason"] == "user"


def test_csv_has_the_keep_columns_and_honours_the_rule(opening_library: Path) -> None:
    options = ScanOptions(WalkOptions((str(opening_library),)), workers=1)
    result = scan(options)
    out = io.StringIO(newline="")
    write_csv(
        result.groups, out, rule="preferred-folders", prefer=[str(opening_library / "Backup")]
    )
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == CSV_FIELDS
    kept = {Path(r["path"]).parent.name + "/" + Path(r["path"]).name: r for r in rows}
    assert kept["Backup/IMG_2.jpg"]["keep"] == "True"
    assert kept["Backup/IMG_2.jpg"]["keep_reason"] == "preferred_folder"
    assert kept["Camera Roll/IMG_2.jpg"]["keep"] == "False"


@pytest.mark.parametrize("zone", ["UTC", "Europe/Berlin", "America/St_Johns"])
def test_csv_dates_worked_out_per_second_equal_each_worked_out_alone(
    zone: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        dates = _Dates()
        # Around both of 2024's clock changes in Europe, a second's edges, and before 1970.
        for start in (1711846800, 1729990800, 1700000000, -86_400):
            for offset in (-3601, -1, 0, 1, 3599, 3600):
                for fraction in (0.0, 0.25, 0.9989, 0.999, 0.9999996):
                    seconds = start + offset + fraction
                    assert dates.iso(seconds) == _iso_time(seconds), seconds
                    assert dates.iso(seconds) == _iso_time(seconds), seconds  # from the memo
    finally:
        monkeypatch.undo()
        time.tzset()
