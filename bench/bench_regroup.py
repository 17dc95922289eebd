"""The regroup path alone (grouping at the default setting, then the marks), beside a baseline.

Run from the repository root:

    .venv/bin/python bench/bench_regroup.py --library DIR --cache PATH [--baseline REV]
        [--repeat 3] [--min-size 0]

The records are those of a real library, read through the engine from a filled
cache (a warm ``scan``: nothing is decoded; each revision reads its own copy of
the cache, so the original is never touched). Then, in one long-lived process per
revision (this checkout, and REV in a temporary worktree), alternately, best of
--repeat, each timing:

    groups = scan.regroup(result, GroupOptions())     # what the GUI's regroup job runs
    marked = select.premark(groups)                   # ... and its marks, as the CLI's

in wall-clock and CPU seconds (every thread of the process), split into phases:
``searches`` (the multi-index searches of ``hamming_index``, the halves' among
them), ``checks`` (the rest of ``confirm.checked_pairs``: PDQ distances, the
halves' and the thumbnails' checks), ``rest`` (the rest of the regroup: nodes,
the leader walk, the groups, the ignore list and RAW+JPEG pairs) and ``premark``.
Both revisions must give the same groups, and the same keepers, reasons and marks
unless the keep rule changed between them (two digests, made outside the timing).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PHASES = ("searches", "checks", "rest", "premark")


class _Clock:
    """Wall and CPU seconds spent inside the outermost call of wrapped functions."""

    def __init__(self) -> None:
        self.wall = 0.0
        self.cpu = 0.0
        self._depth = 0

    def wrap(self, fn):
        def timed(*args, **kwargs):
            if self._depth:
                return fn(*args, **kwargs)
            self._depth += 1
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.wall += time.perf_counter() - wall
                self.cpu += time.process_time() - cpu
                self._depth -= 1

        return timed


def serve(library: str, cache: str, min_size: int) -> None:
    """The child: load the records once, then time a regroup for every "run" line."""
    from photodedup.core import confirm, hamming_index, select
    from photodedup.core import scan as scan_module
    from photodedup.core.models import GroupOptions, ScanOptions, WalkOptions

    started = time.perf_counter()
    options = ScanOptions(WalkOptions(roots=(library,), min_size=min_size), cache_path=cache)
    result = scan_module.scan(options)
    if result.stats.decoded:
        raise SystemExit(f"{result.stats.decoded} files decoded: the cache is not warm")
    loaded = {"records": len(result.images), "load_s": time.perf_counter() - started}
    print(json.dumps(loaded), flush=True)

    searches, checks = _Clock(), _Clock()
    for name in ("self_pairs", "cross_pairs"):
        setattr(hamming_index, name, searches.wrap(getattr(hamming_index, name)))
    confirm.checked_pairs = checks.wrap(confirm.checked_pairs)
    for line in sys.stdin:
        if line.strip() != "run":
            break
        gc.collect()
        for clock in (searches, checks):
            clock.wall = clock.cpu = 0.0
        wall, cpu = time.perf_counter(), time.process_time()
        groups = scan_module.regroup(result, GroupOptions())
        mid_wall, mid_cpu = time.perf_counter(), time.process_time()
        marked = select.premark(groups)
        end_wall, end_cpu = time.perf_counter(), time.process_time()
        out = {
            "wall": end_wall - wall,
            "cpu": end_cpu - cpu,
            "searches": (searches.wall, searches.cpu),
            "checks": (checks.wall - searches.wall, checks.cpu - searches.cpu),
            "rest": (mid_wall - wall - checks.wall, mid_cpu - cpu - checks.cpu),
            "premark": (end_wall - mid_wall, end_cpu - mid_cpu),
            "groups": len(groups),
            "marked": len(marked),
            "digests": _digest(groups, marked, select.choices(groups)),
        }
        print(json.dumps(out), flush=True)


def _digest(groups, marked, picks) -> tuple[str, str]:
    """A digest of the groups (members, distances, flags, pairs), and one of each
    group's keeper, its reasons, what ruled each other copy out, and the marks."""
    found, kept = hashlib.sha256(), hashlib.sha256()
    for group, pick in zip(groups, picks, strict=True):
        for m in group.members:
            found.update(
                f"{m.image.path}\0{m.distance}\0{m.in_reference_folder}\0{m.pair}\n".encode()
            )
        lost = ",".join(str(r) for r in pick.ruled_out_by)
        kept.update(f"{pick.index} {','.join(pick.reasons)} {lost}\n".encode())
    for path in sorted(marked):
        kept.update(f"{path}\n".encode())
    return found.hexdigest()[:16], kept.hexdigest()[:16]


class _Child:
    def __init__(self, source: Path, library: str, cache: Path, min_size: int) -> None:
        cmd = [sys.executable, str(REPO / "bench" / "bench_regroup.py"), "--serve"]
        cmd += ["--library", library, "--cache", str(cache), "--min-size", str(min_size)]
        env = dict(os.environ, PYTHONPATH=str(source))
        self.proc = subprocess.Popen(
            cmd, cwd=source, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        self.loaded = self._read()

    def run(self) -> dict:
        assert self.proc.stdin is not None
        self.proc.stdin.write("run\n")
        self.proc.stdin.flush()
        return self._read()

    def _read(self) -> dict:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise SystemExit(f"the child failed (exit code {self.proc.wait()})")
        return json.loads(line)

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--library", required=True, help="the photos' folder")
    parser.add_argument("--cache", required=True, help="a cache filled by a scan of it")
    parser.add_argument("--baseline", default="main", help="git revision to compare with")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--min-size", type=int, default=0, help="as the scan that filled it")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.library, args.cache, args.min_size)
        return
    work = Path(tempfile.mkdtemp(prefix="pd-regroup-"))
    base = work / "baseline-src"
    subprocess.run(
        ["git", "-C", str(REPO), "worktree", "add", "--detach", str(base), args.baseline],
        check=True,
        capture_output=True,
    )
    children: dict[str, _Child] = {}
    try:
        for label, source in (("baseline", base), ("this", REPO)):
            copy = work / f"cache-{label}.sqlite3"
            shutil.copyfile(args.cache, copy)  # a revision may upgrade its schema in place
            children[label] = _Child(source, args.library, copy, args.min_size)
            print(f"# {label}: {children[label].loaded}", flush=True)
        runs: dict[str, list[dict]] = {label: [] for label in children}
        for _ in range(args.repeat):
            for label, child in children.items():
                runs[label].append(child.run())
        _report(args, runs)
    finally:
        for child in children.values():
            child.close()
        subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(base)])
        shutil.rmtree(work, ignore_errors=True)


def _report(args: argparse.Namespace, runs: dict[str, list[dict]]) -> None:
    best = {
        label: {
            "wall": min(r["wall"] for r in rs),
            "cpu": min(r["cpu"] for r in rs),
            **{p: tuple(min(r[p][k] for r in rs) for k in (0, 1)) for p in PHASES},
        }
        for label, rs in runs.items()
    }
    print(f"# cores: {os.cpu_count()}, load average at the end: {os.getloadavg()[0]:.1f}")
    print(f"# best of {args.repeat}; wall s (CPU s); each phase's best on its own")
    print("| code | groups | marked | regroup + premark | " + " | ".join(PHASES) + " |")
    print("|---|---|---|---|" + "---|" * len(PHASES))
    for label, b in best.items():
        last = runs[label][-1]
        rev = args.baseline if label == "baseline" else "this"
        cells = [f"{b[p][0]:.2f} ({b[p][1]:.2f})" for p in PHASES]
        print(
            f"| {rev} | {last['groups']:,} | {last['marked']:,} "
            f"| {b['wall']:.2f} ({b['cpu']:.2f}) | " + " | ".join(cells) + " |"
        )
    base, this = best["baseline"], best["this"]
    ratios = [f"{_ratio(this[p][1], base[p][1])}" for p in PHASES]
    print(
        f"| this / baseline | | | {_ratio(this['wall'], base['wall'])} "
        f"({_ratio(this['cpu'], base['cpu'])}) | " + " | ".join(ratios) + " (CPU) |"
    )
    for k, what in enumerate(("groups", "keepers, reasons and marks")):
        digests = {r["digests"][k] for rs in runs.values() for r in rs}
        verdict = "the same" if len(digests) == 1 else "**differ**"
        print(f"# {what}: {verdict} ({', '.join(sorted(digests))})")


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "-"


if __name__ == "__main__":
    main()
