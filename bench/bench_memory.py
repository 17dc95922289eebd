"""Peak memory of a scan with a few huge PNGs among many photos, against a baseline.

Run from the repository root:

    .venv/bin/python bench/bench_memory.py [--files N] [--huge K] [--baseline REV]

It builds (or reuses, in --workdir) a library of N small 320x240 JPEGs and K PNGs
of 15000x10000 (150 megapixels), then scans it twice with an empty cache and
every core, in the same run: once with this checkout and once with REV (checked
out in a temporary worktree), each in its own process. While each scan runs,
the proportional set size (PSS: shared pages split between the processes that
share them) of the scan and all its worker processes is summed every 20 ms;
the table gives the peak of that sum, the peak of the largest single process,
and the time. Target: the peak over all processes stays under 1 GB.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

HUGE = (15000, 10000)
SCAN = (
    "import sys\n"
    "from photodedup.core.models import ScanOptions, WalkOptions\n"
    "from photodedup.core.scan import scan\n"
    "r = scan(ScanOptions(WalkOptions((sys.argv[1],)), use_cache=False))\n"
    "print(r.stats.images, len(r.errors), len(r.groups))\n"
)


def build(folder: Path, files: int, huge: int) -> None:
    import imagegen
    from PIL import Image

    marker = folder / f".built-{files}-{huge}"
    if marker.exists():
        return
    folder.mkdir(parents=True, exist_ok=True)
    seeds = [imagegen.jpeg_bytes(imagegen.photo(s, (320, 240))) for s in range(50)]
    small = folder / "small"
    for i in range(files):
        sub = small / f"{i // 1000:03d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        (sub / f"IMG_{i:06d}.jpg").write_bytes(seeds[i % 50] + b"\0" * (i % 997 + 1))
    for k in range(huge):
        base = imagegen.photo(1000 + k, (1500, 1000))
        big = base.resize(HUGE, Image.Resampling.BILINEAR)
        big.save(folder / f"PANORAMA_{k}.png", "PNG", compress_level=1)
        del big
    marker.write_text("")


def tree(pid: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(parents.get(p, []))
    return found


def pss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def measure(source: Path, library: Path) -> tuple[float, int, int, str]:
    env = dict(os.environ, PYTHONPATH=str(source))
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-c", SCAN, str(library)],
        cwd=source,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    peak_total = peak_one = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_total, peak_one
        while not done.is_set():
            sizes = [pss(p) for p in tree(proc.pid)]
            peak_total = max(peak_total, sum(sizes))
            peak_one = max(peak_one, max(sizes, default=0))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    done.set()
    sampler.join()
    return time.monotonic() - started, peak_total, peak_one, out.strip()


def measure_revision(revision: str, library: Path) -> tuple[float, int, int, str]:
    """``measure`` with ``revision`` checked out in a temporary worktree."""
    base = Path(tempfile.mkdtemp(prefix="pd-baseline-"))
    subprocess.run(
        ["git", "-C", str(REPO), "worktree", "add", "--detach", str(base), revision],
        check=True,
        capture_output=True,
    )
    try:
        return measure(base, library)
    finally:
        subprocess.run(
            ["git", "-C", str(REPO), "worktree", "remove", "--force", str(base)], check=False
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--huge", type=int, default=3)
    parser.add_argument(
        "--baseline",
        default="main",
        help="git revision to compare with ('none': this checkout only)",
    )
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "pd-mem")
    args = parser.parse_args()
    library = args.workdir / "library"
    build(library, args.files, args.huge)
    rows = []
    if args.baseline != "none":
        rows.append((f"baseline ({args.baseline})", measure_revision(args.baseline, library)))
    rows.append(("this checkout", measure(REPO, library)))
    mb = 1024 * 1024
    print(f"{args.files} JPEGs of 320x240 and {args.huge} PNGs of 150 MP, empty cache\n")
    print("| scan | seconds | peak PSS, all processes | peak PSS, one process | images, errors |")
    print("|---|---|---|---|---|")
    for name, (seconds, total, one, out) in rows:
        images, errors, _groups = out.split()
        print(
            f"| {name} | {seconds:.1f} | {total / mb:.0f} MB | {one / mb:.0f} MB |"
            f" {images}, {errors} |"
        )
    if len(rows) == 2:
        (_, (t0, p0, _, _)), (_, (t1, p1, _, _)) = rows
        print(f"\npeak all processes: this / baseline = {p1 / p0:.2f}; time: {t1 / t0:.2f}")


if __name__ == "__main__":
    main()
