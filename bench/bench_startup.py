"""How long ``--version`` and ``--help`` take, this checkout beside a baseline revision.

Run from the repository root:

    .venv/bin/python bench/bench_startup.py [--baseline REV] [--repeat 15]

Each command runs as ``python -m photodedup.cli ...`` (the CLI) or
``python -m photodedup ...`` (the app), with the source first on PYTHONPATH,
alternating between the baseline (a temporary worktree) and this checkout, and
beside ``python -c pass`` (the interpreter alone). Median and best of --repeat
runs, wall clock. Target: <= 0.2 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
COMMANDS = {
    "photodedup-cli --version": ["-m", "photodedup.cli", "--version"],
    "photodedup-cli --help": ["-m", "photodedup.cli", "--help"],
    "photodedup --version": ["-m", "photodedup", "--version"],
    "photodedup --help": ["-m", "photodedup", "--help"],
}


def timed(args: list[str], source: Path) -> float:
    env = dict(os.environ, PYTHONPATH=str(source))
    env.pop("DISPLAY", None)
    started = time.perf_counter()
    subprocess.run([sys.executable, *args], cwd=source, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default="main")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="pd-startup-")) / "src"
    subprocess.run(
        ["git", "-C", str(REPO), "worktree", "add", "--detach", str(base), args.baseline],
        check=True,
        capture_output=True,
    )
    try:
        runs: dict[tuple[str, str], list[float]] = {}
        for _ in range(args.repeat):
            runs.setdefault(("python -c pass", ""), []).append(timed(["-c", "pass"], REPO))
            for name, cmd in COMMANDS.items():
                for label, source in ((args.baseline, base), ("this", REPO)):
                    runs.setdefault((name, label), []).append(timed(cmd, source))
        print(f"# cores: {os.cpu_count()}, load average at the end: {os.getloadavg()[0]:.1f}")
        print("| command | code | median s | best s |")
        print("|---|---|---|---|")
        for (name, label), times in runs.items():
            print(f"| {name} | {label} | {statistics.median(times):.3f} | {min(times):.3f} |")
    finally:
        subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(base)])


if __name__ == "__main__":
    main()
