"""Time the results list's marks at library size, through the model's own calls.

    PYTHONPATH=.:tests QT_QPA_PLATFORM=offscreen python bench/bench_marks.py --files 100000

Made-up groups (no files, no decoding) of 2-4 files, about a third of them marked as
"mark all but the best" would. Each step is timed in wall and CPU seconds (this
process); ``thread`` steps are what a job does in its own thread, ``gui`` steps what
the window's thread does. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from synthetic import synthetic_groups

from photodedup.core import select
from photodedup.core.reasons import Reason


def timed(rows: list[tuple[str, str, float, float]], where: str, name: str, fn: Callable):
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    rows.append((where, name, time.perf_counter() - wall, time.process_time() - cpu))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=100_000)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from photodedup.gui.results.model import ResultsModel

    _app = QApplication([])
    groups = synthetic_groups("/lib", args.files)
    marked = select.premark(groups, "resolution")
    model = ResultsModel()
    rows: list[tuple[str, str, float, float]] = []
    table = timed(rows, "thread", "build the table", lambda: ResultsModel.prepare(groups, marked))
    timed(rows, "gui", "show it (set_table)", lambda: model.set_table(table))
    state = timed(
        rows, "thread", f"work out {len(marked):,} marks", lambda: model.marks_maker()(marked)
    )
    timed(rows, "gui", "take them (replace_marks)", lambda: model.replace_marks(state))
    path = groups[len(groups) // 2].paths[1]
    timed(rows, "gui", "toggle one file x1000", lambda: [model.toggle(path) for _ in range(1000)])
    timed(rows, "gui", "summary", model.summary)
    timed(rows, "gui", "sort by bytes", lambda: model.set_sort("bytes"))
    timed(rows, "gui", "invert a group x1000", lambda: [model.invert_group(5) for _ in range(1000)])
    batches = [[p for g in groups[i : i + 250] for p in g.paths[1:]] for i in range(0, 2500, 250)]
    timed(
        rows, "gui", "10 removals of ~500 files", lambda: [model.remove_paths(b) for b in batches]
    )
    flags = {p: Reason.CHANGED for g in groups[3000:3500] for p in g.paths[1:]}
    timed(rows, "gui", f"flag {len(flags)} files", lambda: model.set_file_flags(flags))
    timed(rows, "gui", "unmark all", model.unmark_all)

    print(f"{args.files:,} files, {len(groups):,} groups, {len(marked):,} marked\n")
    print("| thread | step | wall ms | CPU ms |")
    print("|---|---|---:|---:|")
    for where, name, wall, cpu in rows:
        print(f"| {where} | {name} | {wall * 1000:.1f} | {cpu * 1000:.1f} |")


if __name__ == "__main__":
    main()
