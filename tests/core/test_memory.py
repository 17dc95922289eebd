"""The decode memory budget, on real processes: two large pictures never decode side by side."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest
from imagegen import photo, save
from PIL import Image
from procs import grandchildren

from photodedup.core import memory
from photodedup.core.decode import decode
from photodedup.core.models import ScanOptions, WalkOptions
from photodedup.core.scan import scan

pytestmark = pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads memory in /proc")

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def _large_png(path: Path, seed: int) -> Path:
    # 40 megapixels: 160 MB of pixels while decoded, a quick file to write and read.
    width, height = 8000, 5000
    rng = np.random.default_rng(seed)
    small = rng.integers(0, 256, (height // 100, width // 100, 3), dtype=np.uint8)
    Image.fromarray(small).resize((width, height), Image.Resampling.NEAREST).save(
        path, "PNG", compress_level=1
    )
    return path


def test_large_decodes_take_turns_across_workers(tmp_path: Path) -> None:
    root = tmp_path / "photos"
    seed_bytes = save(photo(1, (320, 240)), tmp_path / "seed.jpg").read_bytes()
    root.mkdir()
    # Batches of eight: the two large pictures head the first two, which start together.
    for i in range(18):
        if i in (0, 8):
            _large_png(root / f"{i:02d}-large.png", i)
        else:
            (root / f"{i:02d}.jpg").write_bytes(seed_bytes + b"\0" * (i + 1))
    big = memory.decode_bytes((8000, 5000), "RGB")
    assert big >= memory.LARGE_DECODE_BYTES
    stop = threading.Event()
    both_large: list[tuple[int, int]] = []

    def watch() -> None:
        base: dict[int, int] = {}
        while not stop.is_set():
            sizes = {pid: _rss(pid) for pid in grandchildren()}
            for pid, size in sizes.items():
                base.setdefault(pid, size)
            grown = [size - base[pid] for pid, size in sizes.items()]
            if sum(g > big // 2 for g in grown) >= 2:
                both_large.append(tuple(grown))
            stop.wait(0.005)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        result = scan(ScanOptions(WalkOptions((str(root),)), use_cache=False, workers=2))
    finally:
        stop.set()
        watcher.join()

    assert result.errors == [] and result.stats.images == 18
    assert both_large == []


def test_a_large_picture_is_reduced_before_it_is_converted(tmp_path: Path) -> None:
    # Transparency over white, done at full size, would need three full copies.
    path = tmp_path / "large.png"
    rgba = np.zeros((5000, 8000, 4), dtype=np.uint8)
    rgba[..., 0] = 200
    rgba[:, :4000, 3] = 255  # left half opaque red, right half transparent
    Image.fromarray(rgba, "RGBA").save(path, "PNG", compress_level=1)

    decoded = decode(str(path), min_side=256, gray=True)

    assert (decoded.width, decoded.height) == (8000, 5000)
    assert decoded.image.mode == "L" and min(decoded.image.size) >= 256
    pixels = np.asarray(decoded.image)
    assert abs(int(pixels[:, 10].mean()) - 60) <= 2  # red, in gray
    assert int(pixels[:, -10].mean()) == 255  # transparent: white


def test_decoding_a_large_picture_holds_one_full_copy(tmp_path: Path) -> None:
    path = tmp_path / "large.png"
    rgba = np.zeros((5000, 8000, 4), dtype=np.uint8)
    rgba[..., 1] = 120
    rgba[::2, :, 3] = 255
    Image.fromarray(rgba, "RGBA").save(path, "PNG", compress_level=1)
    del rgba
    # VmHWM, the peak resident size, starts afresh with the new program (ru_maxrss
    # would carry the forking test process's peak over).
    code = (
        "import sys\n"
        "from photodedup.core.decode import decode\n"
        "def peak():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmHWM:'):\n"
        "            return int(line.split()[1])\n"
        "before = peak()\n"
        "decode(sys.argv[1], min_side=256, gray=True)\n"
        "print(before, peak())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    )
    before_kb, peak_kb = map(int, done.stdout.split())
    full = memory.decode_bytes((8000, 5000), "RGBA")
    # The full-size pixels and one reduced copy; converting at full size took four.
    assert (peak_kb - before_kb) * 1024 < 2.5 * full
