"""The PyInstaller bundle builds, and both of its programs run without a Python install.

Slow (a minute or two): deselect with ``-m "not bundle"``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import imagegen
import pytest
import rawgen

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.bundle


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("bundle")
    env = {**os.environ, "PYTHON": sys.executable}
    cmd = [str(ROOT / "packaging" / "build_bundle.sh"), "--distpath", str(tmp / "dist")]
    cmd += ["--workpath", str(tmp / "work")]
    build = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    return tmp / "dist" / "photodedup"


def run(program: Path, *args: str, env: dict[str, str] | None = None, timeout: float = 120):
    # Not the test's Python environment: the bundle must bring all it needs.
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    return subprocess.run(
        [str(program), *args],
        env={**clean, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=program.parent.parent,
    )


def test_bundle_holds_both_programs_and_the_resources(bundle: Path):
    assert os.access(bundle / "photodedup", os.X_OK)
    assert os.access(bundle / "photodedup-cli", os.X_OK)
    assert os.access(bundle / "install-linux.sh", os.X_OK)
    resources = bundle / "_internal" / "photodedup" / "resources"
    assert (resources / "translations" / "photodedup_zh_CN.qm").is_file()
    assert (resources / "icons" / "photodedup-256.png").is_file()


def test_bundled_cli_finds_the_resized_copy(bundle: Path, tmp_path: Path):
    photos = tmp_path / "photos"
    beach = imagegen.photo(1, (640, 480))
    original = imagegen.save(beach, photos / "beach.jpg")
    copy = imagegen.save(imagegen.resized(beach, 0.5), photos / "small.jpg")
    heic = imagegen.save(beach, photos / "phone.heic")  # the bundled pillow-heif works
    dng = rawgen.write_dng(photos / "camera.dng", beach)  # and the bundled LibRaw
    nopreview = rawgen.write_dng(photos / "developed.dng", beach, preview=None)
    # Enough other photos for the scan to start worker processes, which a frozen
    # program must be able to do.
    for seed in range(10, 30):
        imagegen.save(imagegen.photo(seed, (320, 240)), photos / f"other{seed}.jpg")

    out = run(
        bundle / "photodedup-cli",
        *("scan", str(photos), "--min-size", "0", "--workers", "2", "--json", "-"),
    )
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["errors"] == []
    groups = [{f["path"] for f in g["files"]} for g in report["groups"]]
    assert {str(original), str(copy), str(heic), dng, nopreview} in groups


def test_bundled_cli_runs_the_compiled_search_and_keeps_it(bundle: Path, tmp_path: Path):
    # 200 photos with --crops: enough that the window search leaves numpy's all-pairs
    # for the numba kernel, which a frozen program must compile and then keep in the
    # user cache dir (found there by the executable's stamp, not a source file).
    photos = tmp_path / "photos"
    beach = imagegen.photo(1, (320, 240))
    original = imagegen.save(beach, photos / "beach.jpg")
    copy = imagegen.save(imagegen.resized(beach, 0.5), photos / "small.jpg")
    for seed in range(10, 210):
        imagegen.save(imagegen.photo(seed, (96, 72)), photos / f"other{seed}.jpg")
    cache = tmp_path / "cache"
    args = ("scan", str(photos), "--min-size", "0", "--no-cache", "--crops", "--json", "-")
    for _ in range(2):  # the second run reads the compiled kernel back
        out = run(bundle / "photodedup-cli", *args, env={"XDG_CACHE_HOME": str(cache)})
        assert out.returncode == 0, out.stderr
        groups = [{f["path"] for f in g["files"]} for g in json.loads(out.stdout)["groups"]]
        assert {str(original), str(copy)} in groups
    assert list((cache / "numba").rglob("hamming_kernel.probe-*.nbi"))


def test_bundled_app_shows_its_window_and_quits(bundle: Path):
    env = {"QT_QPA_PLATFORM": "offscreen", "PHOTODEDUP_QUIT_AFTER_MS": "300"}
    out = run(bundle / "photodedup", env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
