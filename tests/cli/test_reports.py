"""``photodedup-cli scan --json --csv``: the reports are the engine's exporters' own, byte
for byte, however the CLI shares the keeper, the marks and the verdicts between them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from imagegen import photo, resized, save, watermarked, write_truncated_jpeg
from rawgen import write_dng

from photodedup.cli import build_parser
from photodedup.cli import scan as scan_command
from photodedup.core.export import write_csv, write_json
from photodedup.core.results import ScanStats
from photodedup.core.scan import scan
from photodedup.core.select import premark, space_order

NON_UTF8 = os.fsdecode(b"caf\xe9 copy.jpg")
DAY_NS = 86_400 * 10**9


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Groups whose copies stay or go for every kind of reason the reports give."""
    root = tmp_path_factory.mktemp("reports")
    a, b, ref = root / "a", root / "b", root / "ref"
    p1, p2, p3, p4, p5 = (photo(seed, (480, 360)) for seed in (61, 62, 63, 64, 65))
    save(p1, a / "beach.jpg", quality=92, taken="2021:06:01 12:00:00", camera="Pixel 7")
    save(resized(p1, 0.5), b / "beach-small.jpg", quality=80)
    save(p1, b / "beach.png")
    save(p2, a / "forest.jpg")
    save(p2, ref / "forest.jpg", quality=70)  # kept: in a reference folder
    original = save(p3, a / "city.jpg")
    shutil.copyfile(original, b / "city (1).jpg")
    st = os.stat(original)
    os.utime(original, ns=(st.st_atime_ns, st.st_mtime_ns - 300 * DAY_NS))
    save(p4, b / "cafe.jpg", orientation=6)
    save(watermarked(p4), b / NON_UTF8)
    # A camera's RAW+JPEG pair of one shot, and a copy of it.
    write_dng(a / "IMG_0003.dng", p5)
    save(p5, a / "IMG_0003.jpg", quality=90, taken="2021:06:01 12:00:00")
    save(p5, b / "IMG_0003 copy.jpg", quality=80)
    save(photo(66, (480, 360)), a / "alone.jpg")
    write_truncated_jpeg(b / "truncated.jpg")
    return root


def run_cli(*args: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "photodedup.cli", "scan", *args],
        capture_output=True,
        text=True,
        errors="surrogateescape",
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr


def reference_reports(scan_args: list[str], stats: dict, tmp_path: Path) -> tuple[bytes, bytes]:
    """The reports as the exporters write them from a scan of their own, each choosing
    the keepers and working out the marks and verdicts itself."""
    args = build_parser().parse_args(["scan", *scan_args])
    options = scan_command._options(args)
    rule, prefer = args.keep, [os.path.abspath(d) for d in args.prefer]
    result = scan(options)
    order = space_order(result.groups, premark(result.groups, rule, prefer))
    result.groups = [result.groups[i] for i in order]
    result.stats = ScanStats(**stats)  # its time differs from the CLI's, and only it
    json_path, csv_path = tmp_path / "ref.json", tmp_path / "ref.csv"
    with open(json_path, "w", encoding="utf-8") as fp:
        write_json(result, options, fp, rule=rule, prefer=prefer)
    with open(csv_path, "w", encoding="utf-8", newline="", errors="surrogateescape") as fp:
        write_csv(result.groups, fp, rule=rule, prefer=prefer)
    return json_path.read_bytes(), csv_path.read_bytes()


@pytest.mark.parametrize("keep", [[], ["--keep", "oldest", "--prefer", "b"]])
def test_json_and_csv_are_the_exporters_own_byte_for_byte(
    library: Path, tmp_path: Path, keep: list[str]
) -> None:
    keep = [os.fspath(library / k) if k == "b" else k for k in keep]
    scan_args = [
        *(str(library / d) for d in ("a", "b", "ref")),
        *("--reference", str(library / "ref")),
        *("--no-cache", "--no-ignore-list", "--workers", "1", *keep),
    ]
    both_json, both_csv = tmp_path / "both.json", tmp_path / "both.csv"
    run_cli(*scan_args, "--json", str(both_json), "--csv", str(both_csv))
    only_json, only_csv = tmp_path / "only.json", tmp_path / "only.csv"
    run_cli(*scan_args, "--json", str(only_json))
    run_cli(*scan_args, "--csv", str(only_csv))

    report = json.loads(both_json.read_text(encoding="utf-8"))
    reasons = {r for g in report["groups"] for f in g["files"] for r in f["keep_reason"].split(",")}
    assert {"reference_folder", "raw_jpeg_pair"} <= reasons
    assert len(report["groups"]) == 5 and report["errors"]

    want_json, want_csv = reference_reports(scan_args, report["stats"], tmp_path)
    assert both_json.read_bytes() == want_json
    assert both_csv.read_bytes() == want_csv == only_csv.read_bytes()
    only = json.loads(only_json.read_text(encoding="utf-8"))
    assert only["groups"] == report["groups"]
