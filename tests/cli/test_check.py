"""End to end: ``photodedup-cli check`` and ``index`` on generated libraries and cards."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from imagegen import photo, resized, save, write_truncated_jpeg

from photodedup.core.fingerprint import full_digest
from photodedup.core.presets import preset_distance

SIZE = (800, 600)


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "photodedup.cli", *map(str, args)],
        capture_output=True,
        text=True,
        errors="surrogateescape",
        timeout=180,
    )


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("import")
    lib = root / "library"
    for seed in range(4):
        save(photo(seed, SIZE), lib / "2023" / f"photo{seed}.jpg", quality=92)
    card = root / "card"
    dcim = card / "DCIM" / "100CANON"
    dcim.mkdir(parents=True)
    shutil.copy2(lib / "2023" / "photo0.jpg", dcim / "IMG_0001.JPG")
    save(resized(photo(1, SIZE), 0.5), dcim / "IMG_0002.JPG", quality=80)
    save(photo(50, SIZE), dcim / "IMG_0003.JPG")
    save(photo(51, SIZE), card / "DCIM" / "101CANON" / "IMG_0100.JPG")
    write_truncated_jpeg(dcim / "IMG_0004.JPG")
    # The new photos' times, which the copies must keep.
    for new in (dcim / "IMG_0003.JPG", card / "DCIM" / "101CANON" / "IMG_0100.JPG"):
        os.utime(new, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    return root


@pytest.fixture
def where(template: Path, tmp_path: Path) -> dict[str, Path]:
    root = tmp_path / "t"
    shutil.copytree(template, root)
    return {
        "root": root,
        "lib": root / "library",
        "card": root / "card",
        "dcim": root / "card" / "DCIM" / "100CANON",
        "cache": root / "cache.sqlite3",
    }


def verdicts(report: dict) -> dict[str, str]:
    return {Path(r["path"]).name: r["verdict"] for r in report["results"]}


EXPECTED = {
    "IMG_0001.JPG": "in-library",
    "IMG_0002.JPG": "in-library",
    "IMG_0003.JPG": "new",
    "IMG_0100.JPG": "new",
}


def test_check_prints_a_line_per_photo_and_exits_1_when_some_are_new(where) -> None:
    proc = run_cli("check", where["card"], "--library", where["lib"], "--cache", where["cache"])
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    by_name = {Path(line.split()[1]).name: line for line in lines if not line.startswith("error")}
    assert by_name["IMG_0001.JPG"].startswith("in-library")
    assert "photo0.jpg (identical)" in by_name["IMG_0001.JPG"]
    assert "photo1.jpg" in by_name["IMG_0002.JPG"]
    assert by_name["IMG_0003.JPG"].split() == ["new", str(where["dcim"] / "IMG_0003.JPG")]
    (err,) = [line for line in lines if line.startswith("error")]
    assert "IMG_0004.JPG" in err
    assert "4 checked against 4 library photos: 2 in the library, 0 similar, 2 new" in proc.stderr


def test_exit_0_when_every_photo_is_in_the_library(where) -> None:
    files = [where["dcim"] / "IMG_0001.JPG", where["dcim"] / "IMG_0002.JPG"]
    proc = run_cli("check", *files, "--library", where["lib"], "--cache", where["cache"])
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_json_has_the_documented_shape(where) -> None:
    proc = run_cli(
        "check", where["card"], "--library", where["lib"], "--cache", where["cache"], "--json", "-"
    )
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert report["version"] == 1
    assert report["settings"]["library"] == [str(where["lib"])]
    assert verdicts(report) == EXPECTED
    copy = next(r for r in report["results"] if r["path"].endswith("IMG_0001.JPG"))
    assert copy["matches"][0] == {
        "path": str(where["lib"] / "2023" / "photo0.jpg"),
        "distance": 0,
        "identical": True,
        "width": 800,
        "height": 600,
        "size": os.path.getsize(where["lib"] / "2023" / "photo0.jpg"),
    }
    assert [Path(e["path"]).name for e in report["errors"]] == ["IMG_0004.JPG"]
    assert report["errors"][0]["reason"] and isinstance(report["errors"][0]["detail"], str)
    assert report["stats"]["new"] == 2


def test_copy_new_copies_exactly_the_new_files_and_never_overwrites(where) -> None:
    dest = where["root"] / "import"
    # A different file already where one new photo would go: it must survive.
    taken = dest / "DCIM" / "101CANON" / "IMG_0100.JPG"
    save(photo(99, SIZE), taken)
    before = taken.read_bytes()
    proc = run_cli(
        "check",
        where["card"],
        "--library",
        where["lib"],
        "--cache",
        where["cache"],
        "--copy-new",
        dest,
    )
    assert proc.returncode == 1, proc.stderr
    copied = sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file())
    assert copied == ["DCIM/100CANON/IMG_0003.JPG", "DCIM/101CANON/IMG_0100.JPG"]
    assert taken.read_bytes() == before  # never overwritten
    new = dest / "DCIM" / "100CANON" / "IMG_0003.JPG"
    original = where["dcim"] / "IMG_0003.JPG"
    assert full_digest(str(new)) == full_digest(str(original))
    assert new.stat().st_mtime_ns == original.stat().st_mtime_ns
    assert f"copied      {original} -> {new}" in proc.stdout
    assert "not copied  " in proc.stdout and "IMG_0100.JPG" in proc.stdout
    assert "Copied 1 new file" in proc.stderr and "1 not copied" in proc.stderr
    # Again: the copy that is there already counts as done, nothing is rewritten.
    stamp = new.stat().st_mtime_ns, new.stat().st_ino
    again = run_cli(
        "check",
        where["card"],
        "--library",
        where["lib"],
        "--cache",
        where["cache"],
        "--copy-new",
        dest,
    )
    assert "present" in again.stdout and "already there" in again.stderr
    assert (new.stat().st_mtime_ns, new.stat().st_ino) == stamp
    assert not list(dest.rglob("*.photodedup-partial"))


def test_index_then_check_index_agrees_with_the_folders_once_they_are_gone(where) -> None:
    out = where["root"] / "library.pdindex"
    made = run_cli("index", where["lib"], "--out", out, "--cache", where["cache"])
    assert made.returncode == 0, made.stderr
    assert "4 photos (4 added" in made.stdout
    again = run_cli("index", where["lib"], "--out", out, "--no-cache")
    assert "0 added, 0 changed, 0 removed, 4 unchanged; 0 decoded" in again.stdout
    folders = run_cli(
        "check", where["card"], "--library", where["lib"], "--cache", where["cache"], "--json", "-"
    )
    shutil.rmtree(where["lib"])
    indexed = run_cli("check", where["card"], "--index", out, "--no-cache", "--json", "-")
    assert indexed.returncode == 1, indexed.stderr
    assert verdicts(json.loads(indexed.stdout)) == verdicts(json.loads(folders.stdout)) == EXPECTED


def test_check_and_index_use_the_scans_fingerprint_and_presets(where) -> None:
    out = where["root"] / "library.pdindex"
    made = run_cli("index", where["lib"], "--out", out, "--no-cache")
    assert made.returncode == 0 and "note:" not in made.stdout
    classic = run_cli(
        "index", where["lib"], "--out", where["root"] / "d.pdindex", "--hash", "dhash"
    )
    assert "note" not in classic.stdout  # asked for
    again = run_cli("index", where["lib"], "--out", where["root"] / "d.pdindex", "--no-cache")
    assert "note: this index holds dhash-8 fingerprints" in again.stdout
    for library in (("--library", where["lib"]), ("--index", out)):
        proc = run_cli("check", where["card"], *library, "--no-cache", "--json", "-")
        settings = json.loads(proc.stdout)["settings"]
        assert (settings["hash"], settings["hash_size"]) == ("pdq", 16)
        assert (settings["distance"], settings["similar_distance"]) == (
            preset_distance("similar", 256, "pdq"),
            preset_distance("loose", 256, "pdq"),
        )
        very = run_cli("check", where["card"], *library, "--preset", "very-similar", "--json", "-")
        assert json.loads(very.stdout)["settings"]["distance"] == preset_distance(
            "very-similar", 256, "pdq"
        )
    wrong = run_cli("check", where["card"], "--library", where["lib"], "--hash-size", "8")
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr


def make_older(index: Path) -> None:
    """Turn an index into what the first index format would have held."""
    import sqlite3

    conn = sqlite3.connect(index)
    conn.execute("UPDATE records SET probes = NULL, thumb = NULL")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_an_index_of_the_older_format_is_refused_by_check_and_updated_by_index(where) -> None:
    out = where["root"] / "library.pdindex"
    assert run_cli("index", where["lib"], "--out", out, "--no-cache").returncode == 0
    make_older(out)
    before = out.read_bytes()
    proc = run_cli("check", where["card"], "--index", out, "--no-cache")
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
    assert "made by an older photodedup" in proc.stderr
    assert f"photodedup-cli index {where['lib']} --out {out}" in proc.stderr
    assert out.read_bytes() == before
    # The command it names brings the index up to date, in place.
    updated = run_cli("index", where["lib"], "--out", out, "--no-cache")
    assert updated.returncode == 0, updated.stderr
    assert "4 decoded" in updated.stdout  # the rows lacked what the rule needs
    indexed = run_cli("check", where["card"], "--index", out, "--no-cache", "--json", "-")
    assert verdicts(json.loads(indexed.stdout)) == EXPECTED


@pytest.mark.parametrize("damage", ["foreign", "text", "truncated"])
def test_an_index_that_is_not_ours_or_is_damaged_is_refused_untouched(where, damage) -> None:
    out = where["root"] / "library.pdindex"
    if damage == "text":
        out.write_text("my shopping list\n")
    else:
        assert run_cli("index", where["lib"], "--out", out, "--no-cache").returncode == 0
        data = out.read_bytes()
        if damage == "truncated":
            out.write_bytes(data[: len(data) // 2])
        else:
            import sqlite3

            out.unlink()
            conn = sqlite3.connect(out)
            conn.execute("CREATE TABLE notes (x)")
            conn.commit()
            conn.close()
    before = out.read_bytes()
    dest = where["root"] / "import"
    proc = run_cli("check", where["card"], "--index", out, "--copy-new", dest)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
    assert "not a photodedup index" in proc.stderr or "damaged" in proc.stderr
    assert not dest.exists()
    rebuild = run_cli("index", where["lib"], "--out", out, "--no-cache")
    assert rebuild.returncode == 2 and out.read_bytes() == before


def test_bad_usage_exits_2_before_anything_is_copied(where) -> None:
    dest = where["root"] / "import"
    missing = run_cli(
        "check", where["card"], "--library", where["root"] / "nope", "--copy-new", dest
    )
    assert missing.returncode == 2 and "not a folder" in missing.stderr
    inside = run_cli(
        "check",
        where["card"],
        "--library",
        where["lib"],
        "--copy-new",
        where["card"] / "DCIM" / "new",
    )
    assert inside.returncode == 2 and "inside a folder being checked" in inside.stderr
    blocker = where["root"] / "a-file"
    blocker.write_text("x")
    not_dir = run_cli("check", where["card"], "--library", where["lib"], "--copy-new", blocker)
    assert not_dir.returncode == 2 and "not a folder" in not_dir.stderr
    nowhere = run_cli(
        "check", where["card"], "--library", where["lib"], "--copy-new", blocker / "sub" / "dest"
    )
    assert nowhere.returncode == 2
    both = run_cli("check", where["card"], "--library", where["lib"], "--index", "x.pdindex")
    assert both.returncode == 2
    neither = run_cli("check", where["card"])
    assert neither.returncode == 2
    assert not dest.exists() and not (where["card"] / "DCIM" / "new").exists()


def test_an_unreadable_query_is_an_error_entry_and_the_check_goes_on(where) -> None:
    gone = where["root"] / "no-such-photo.jpg"
    proc = run_cli(
        "check",
        gone,
        where["dcim"] / "IMG_0001.JPG",
        "--library",
        where["lib"],
        "--cache",
        where["cache"],
        "--json",
        "-",
    )
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert [e["path"] for e in report["errors"]] == [str(gone)]
    assert verdicts(report) == {"IMG_0001.JPG": "in-library"}


def test_check_help_names_every_option() -> None:
    proc = run_cli("check", "--help")
    for option in ("--library", "--index", "--preset", "--distance", "--json", "--csv"):
        assert option in proc.stdout
    assert "--copy-new" in proc.stdout
    assert "--out" in run_cli("index", "--help").stdout
