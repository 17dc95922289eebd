"""The whole pipeline on generated libraries: accuracy, cache use, progress and cancel."""

from __future__ import annotations

import dataclasses
import os
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from imagegen import photo, resized, save, watermarked
from procs import grandchildren, running

from photodedup.core.cache import HashCache
from photodedup.core.ignore import IgnoreList
from photodedup.core.models import GroupOptions, HashSettings, ScanOptions, WalkOptions
from photodedup.core.presets import preset_distance
from photodedup.core.progress import Cancelled, Progress
from photodedup.core.scan import BATCH, regroup, scan

ORIGINALS = range(100, 106)
LOOSE = preset_distance("loose", 256, "pdq")
STRANGERS = range(200, 212)


@pytest.fixture(scope="module")
def copies_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Originals with every kind of copy a real library holds, and unrelated photos."""
    root = tmp_path_factory.mktemp("copies")
    for seed in ORIGINALS:
        img = photo(seed, (800, 600))
        d = root / f"set{seed}"
        save(img, d / "original.jpg", quality=95)
        save(resized(img, 0.3), root / "exports" / f"{seed}-small.jpg", quality=80)
        save(img, root / "recompressed" / f"{seed}.jpg", quality=55)
        save(img, root / "phone" / f"{seed}-rotated.jpg", orientation=6)
        save(img, root / "phone" / f"{seed}-upside.jpg", orientation=3)
        save(watermarked(img), root / "web" / f"{seed}-wm.jpg")
        save(img, root / "converted" / f"{seed}.png")
        save(resized(img, 0.5), root / "converted" / f"{seed}.webp", quality=80)
        save(img, root / "converted" / f"{seed}.heic", quality=70)
    for seed in STRANGERS:
        save(photo(seed, (800, 600)), root / "others" / f"other{seed}.jpg")
    return root


def seed_of(path: str) -> str:
    p = Path(path)
    return p.parent.name[3:] if p.name == "original.jpg" else p.name.split("-")[0].split(".")[0]


def test_every_kind_of_copy_groups_with_its_original_and_strangers_do_not(
    copies_library: Path,
) -> None:
    options = ScanOptions(WalkOptions((str(copies_library),), min_size=0), use_cache=False)
    result = scan(options)
    assert not result.errors
    assert result.stats.images == len(ORIGINALS) * 9 + len(STRANGERS)
    groups = [{seed_of(m.image.path) for m in g.members} for g in result.groups]
    assert all(len(seeds) == 1 for seeds in groups), groups
    assert sorted(len(g.members) for g in result.groups) == [9] * len(ORIGINALS)
    for group in result.groups:
        assert all(m.distance <= options.effective_distance for m in group.members)


def test_exif_rotation_gives_displayed_size(copies_library: Path) -> None:
    result = scan(ScanOptions(WalkOptions((str(copies_library / "phone"),)), use_cache=False))
    assert {(r.width, r.height) for r in result.images} == {(800, 600)}


def test_rescan_uses_the_cache_and_regroup_needs_no_decode(
    copies_library: Path, tmp_path: Path
) -> None:
    opts = ScanOptions(
        WalkOptions((str(copies_library),), min_size=0), cache_path=str(tmp_path / "c.db")
    )
    first = scan(opts)
    assert first.stats.decoded == first.stats.images
    second = scan(opts)
    assert second.stats.decoded == 0
    assert second.stats.cache_hits == first.stats.images
    assert [g.paths for g in second.groups] == [g.paths for g in first.groups]
    exact = regroup(second, GroupOptions(distance=0))
    assert sum(len(g.members) for g in exact) < sum(len(g.members) for g in second.groups)
    assert all(m.distance == 0 for g in exact for m in g.members)


def test_a_rescan_groups_from_the_kept_proposals_without_searching(
    copies_library: Path, tmp_path: Path
) -> None:
    opts = ScanOptions(
        WalkOptions((str(copies_library),), min_size=0), cache_path=str(tmp_path / "c.db")
    )
    first = scan(opts)
    assert first.proposals.hits == 0
    second = scan(opts)
    assert second.proposals.hits == 1  # read from the cache file
    assert [g.paths for g in second.groups] == [g.paths for g in first.groups]
    looser = regroup(second, GroupOptions(distance=LOOSE))
    assert second.proposals.hits == 2  # a notch of the slider: no search either
    fresh = scan(dataclasses.replace(opts, use_cache=False, group=GroupOptions(distance=LOOSE)))
    assert fresh.proposals.hits == 0
    assert [g.paths for g in looser] == [g.paths for g in fresh.groups]
    # One photo fewer: the kept proposals of the others, from the cache, no search.
    gone = sorted(copies_library.rglob("*.webp"))[0]
    smaller = tmp_path / "lib"
    shutil.copytree(copies_library, smaller)
    (smaller / gone.relative_to(copies_library)).unlink()
    third_opts = dataclasses.replace(opts, walk=WalkOptions((str(smaller),), min_size=0))
    third = scan(third_opts)
    assert third.stats.images == first.stats.images - 1
    assert (third.proposals.hits, third.proposals.updates) == (0, 1)
    assert [g.paths for g in third.groups] == [
        g.paths for g in scan(dataclasses.replace(third_opts, use_cache=False)).groups
    ]


def test_a_moved_file_is_remembered_under_its_new_path(
    copies_library: Path, tmp_path: Path
) -> None:
    lib = tmp_path / "lib"
    shutil.copytree(copies_library / "others", lib)
    opts = ScanOptions(WalkOptions((str(lib),)), cache_path=str(tmp_path / "c.db"))
    scan(opts)
    moved = lib / "renamed.jpg"
    os.rename(lib / "other200.jpg", moved)
    assert scan(opts).stats.decoded == 0
    st = moved.stat()
    with HashCache(opts.cache_path, opts.hash) as cache:
        assert cache.get(str(moved), st.st_size, st.st_mtime_ns) is not None


def test_other_hash_settings_are_cached_separately(copies_library: Path, tmp_path: Path) -> None:
    opts = ScanOptions(
        WalkOptions((str(copies_library / "others"),)), cache_path=str(tmp_path / "c.db")
    )
    scan(opts)
    other = scan(dataclasses.replace(opts, hash=HashSettings("phash", 16)))
    assert other.stats.decoded == len(STRANGERS)
    assert other.groups == []


def test_progress_reports_every_phase_and_ends_complete(copies_library: Path) -> None:
    reports: list[Progress] = []
    scan(
        ScanOptions(WalkOptions((str(copies_library),), min_size=0), use_cache=False),
        progress=reports.append,
    )
    phases = [r.phase for r in reports]
    assert "hash" in phases
    last_hash = [r for r in reports if r.phase == "hash"][-1]
    assert last_hash.done == last_hash.total == len(ORIGINALS) * 9 + len(STRANGERS)
    assert last_hash.bytes_done == last_hash.bytes_total > 0


@pytest.fixture(scope="module")
def big_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("big")
    seeds = [save(photo(s, (640, 480)), root / "seeds" / f"{s}.jpg").read_bytes() for s in range(8)]
    for i in range(600):
        # Distinct files of the same few pictures: trailing bytes after the JPEG end.
        (root / f"img{i:04d}.jpg").write_bytes(seeds[i % 8] + b"\0" * (i + 1))
    return root


def test_cancel_stops_within_the_work_in_flight_and_keeps_what_was_hashed(
    big_library: Path, tmp_path: Path
) -> None:
    cancel = threading.Event()
    done_at_cancel: list[int] = []

    def on_progress(p: Progress) -> None:
        if p.phase == "hash" and p.done >= 40 and not cancel.is_set():
            done_at_cancel.append(p.done)
            cancel.set()

    workers = 2
    opts = ScanOptions(
        WalkOptions((str(big_library),)), cache_path=str(tmp_path / "c.db"), workers=workers
    )
    with pytest.raises(Cancelled):
        scan(opts, progress=on_progress, cancel=cancel)
    [done] = done_at_cancel
    again = scan(opts)
    # Batches already handed to the pool may still land; nothing after them is started.
    in_flight = workers * 3 * BATCH
    assert done <= again.stats.cache_hits <= done + in_flight
    assert again.stats.cache_hits < again.stats.images == 608


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="lists processes through /proc")
def test_cancel_leaves_no_worker_decoding(big_library: Path) -> None:
    # Left alone, workers would finish every batch already queued: seconds of full
    # cores after a cancel, and a command line that cannot exit until they are done.
    cancel = threading.Event()
    workers: set[int] = set()

    def on_progress(p: Progress) -> None:
        if p.phase == "hash" and p.done >= 40 and not cancel.is_set():
            workers.update(grandchildren(os.getpid()))
            cancel.set()

    opts = ScanOptions(WalkOptions((str(big_library),)), use_cache=False, workers=2)
    with pytest.raises(Cancelled):
        scan(opts, progress=on_progress, cancel=cancel)
    assert workers
    assert [p for p in workers if running(p)] == []


def test_pairs_the_user_called_different_stay_apart_in_scan_and_regroup(
    copies_library: Path, tmp_path: Path
) -> None:
    original = str(copies_library / "set100" / "original.jpg")
    copy = str(copies_library / "recompressed" / "100.jpg")
    opts = ScanOptions(
        WalkOptions((str(copies_library / "set100"), str(copies_library / "recompressed"))),
        use_cache=False,
    )
    plain = scan(opts)
    assert [sorted(g.paths) for g in plain.groups] == [sorted([original, copy])]
    ignore = IgnoreList(str(tmp_path / "ignore.json"))
    ignore.add(*(r for r in plain.images if r.path in (copy, original)))
    assert scan(opts, ignore=ignore).groups == []
    assert regroup(plain, opts.group, ignore=ignore) == []
    assert regroup(plain, opts.group) == plain.groups


# --- the cache's faults reach the scan's warnings ------------------------------


def test_a_full_disk_under_the_cache_is_reported(tmp_path: Path, tmpfs, big_library: Path) -> None:
    disk = tmpfs(tmp_path / "disk", 96)  # room for the file, not for 608 records
    opts = ScanOptions(WalkOptions((str(big_library),)), cache_path=str(disk / "c.db"), workers=2)

    result = scan(opts)

    assert result.stats.images == 608 and result.errors == []
    [warning] = result.warnings
    assert "fingerprints to the cache" in warning and "of 608" in warning
    assert "full" in warning


def test_a_locked_cache_is_waited_for_once_then_reported(tmp_path: Path, big_library: Path) -> None:
    db = tmp_path / "c.db"
    scan(ScanOptions(WalkOptions((str(big_library / "seeds"),)), cache_path=str(db)))
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holding the write lock
    try:
        result = scan(ScanOptions(WalkOptions((str(big_library),)), cache_path=str(db), workers=2))
    finally:
        other.execute("ROLLBACK")
        other.close()

    assert result.stats.images == 608 and result.errors == []
    [warning] = result.warnings
    assert "could not save 600 of 600" in warning and "in use by another program" in warning
