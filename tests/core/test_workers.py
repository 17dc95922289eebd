"""Worker pools under real faults: workers killed with SIGKILL, a shadowing package."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest
from imagegen import photo, save
from PIL import Image
from procs import grandchildren

from photodedup.core.models import ScanOptions, WalkOptions
from photodedup.core.progress import Progress
from photodedup.core.reasons import Reason
from photodedup.core.results import ScanError
from photodedup.core.scan import scan

pytestmark = pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="finds workers in /proc")


def _has_open(pid: int, target: str) -> bool:
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return False
    for fd in fds:
        try:
            if os.readlink(f"/proc/{pid}/fd/{fd}") == target:
                return True
        except OSError:
            continue
    return False


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("lib")
    seeds = [save(photo(s, (320, 240)), root / "seeds" / f"{s}.jpg").read_bytes() for s in range(6)]
    for i in range(120):
        (root / f"img{i:03d}.jpg").write_bytes(seeds[i % 6] + b"\0" * (i + 1))
    return root


def test_a_killed_worker_loses_no_file(library: Path) -> None:
    killed: list[int] = []

    def on_progress(p: Progress) -> None:
        if p.phase == "hash" and p.done >= 10 and not killed:
            victims = sorted(grandchildren())
            assert victims
            os.kill(victims[0], signal.SIGKILL)  # as the out-of-memory killer would
            killed.append(victims[0])

    result = scan(
        ScanOptions(WalkOptions((str(library),)), use_cache=False, workers=2), progress=on_progress
    )

    assert killed
    assert result.errors == []
    assert result.stats.images == 126
    assert sorted(len(g.members) for g in result.groups) == [21] * 6


def test_only_the_file_that_kills_its_worker_is_reported(library: Path, tmp_path: Path) -> None:
    # A file whose decoding takes its process down, every time: a codec crash.
    root = tmp_path / "photos"
    shutil.copytree(library, root)
    killer = root / "huge.png"
    noise = np.random.default_rng(1).integers(0, 256, (2500, 2500, 3), dtype=np.uint8)
    Image.fromarray(noise).save(killer, "PNG", compress_level=1)
    stop = threading.Event()
    kills: list[int] = []

    def crash_whoever_opens_it() -> None:
        while not stop.is_set():
            for pid in grandchildren():
                if _has_open(pid, str(killer)):
                    os.kill(pid, signal.SIGKILL)
                    kills.append(pid)
            stop.wait(0.002)

    watcher = threading.Thread(target=crash_whoever_opens_it, daemon=True)
    watcher.start()
    try:
        result = scan(ScanOptions(WalkOptions((str(root),)), use_cache=False, workers=2))
    finally:
        stop.set()
        watcher.join()

    assert len(kills) >= 2  # in its batch, then alone
    assert result.errors == [ScanError(str(killer), Reason.DECODER_CRASHED)]
    assert result.stats.images == 126
    assert sorted(len(g.members) for g in result.groups) == [21] * 6


def test_workers_import_the_installed_package_not_the_current_folder(
    library: Path, tmp_path: Path
) -> None:
    # Started from a folder holding the user's own script of that name.
    here = tmp_path / "work"
    here.mkdir()
    (here / "photodedup.py").write_text("LIBRARY = '~/Pictures'  # the user's own script\n")
    cli = Path(sys.executable).with_name("photodedup-cli")
    if not cli.exists():
        pytest.skip("photodedup-cli is not installed beside this Python")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONSAFEPATH")}

    done = subprocess.run(
        [str(cli), "scan", str(library), "--no-cache", "--workers", "2", "--json", "-"],
        cwd=here,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["errors"] == []
    assert len(report["groups"]) == 6


def test_an_early_pool_starts_its_workers_once_enough_work_is_seen() -> None:
    from photodedup.core.scan import _make_pool
    from photodedup.core.workers import EarlyPool

    idle = EarlyPool(_make_pool, 2, threshold=3)
    idle.note()
    idle.note()
    assert idle.take() is None  # too little work: no pool made

    early = EarlyPool(_make_pool, 2, threshold=3)
    for _ in range(3):
        early.note()
    pool = early.take()
    try:
        assert pool is not None
        # Started before any real task: the warm-up forked the workers already.
        assert grandchildren()
        assert pool.submit(abs, -4).result(timeout=60) == 4
        assert early.take() is None  # handed over once
    finally:
        pool.shutdown()
