"""Drive the real main window offscreen over a large library and time what a user feels.

    .venv/bin/python bench/bench_gui.py --library DIR --cache PATH --json OUT

Build a library first with ``bench/make_library.py DIR --files N``. The run:

1. warms ``--cache`` with a CLI scan if it is new, then times a warm CLI scan of the
   same library in a child process and keeps its peak memory;
2. opens the main window (offscreen unless a display is asked for), sets the minimum
   file size to 0, adds the library and presses Scan;
3. marks all but the best, and goes through the phases below while a 10 ms timer
   runs on the GUI thread. A phase's stall is the longest gap between two of its
   ticks minus 10 ms, so 0 means the window never stopped answering:
   ``max_busy_ms`` is the GUI thread's own CPU time in its longest gap, which a
   shared machine's load does not inflate;
   ``scan`` (Scan pressed to results), ``results`` (the groups arriving and the
   first thumbnails), ``scroll`` (End, then PageDown, then the scroll bar dragged to
   the end), ``filter`` and ``sort``, ``regroup`` (the similarity slider moved one
   notch and back), ``review`` (the review dialog opened and scrolled to its end),
   ``remove`` (``--remove`` marked files reported gone in batches of 500 every
   250 ms, as the review does while the trash job runs; the files stay in place);
4. cancels a scan with an empty cache, then closes the window during another, and
   counts the worker processes still alive 2 s after each.

It prints the figures and writes them to ``--json``. With ``--trace-stalls MS`` it also
takes every thread's stack while the GUI thread is more than MS late
(``bench/stall_trace.py``) and writes the longest ones as ``stall_traces``.
Targets at 100,000 files on 2 cores: scan_to_results_s <= 10, every max_stall_ms <= 100,
review_open_s <= 1, reached_bottom true, gui_rss_mb <= 1.5x cli_rss_mb,
workers_alive_after_cancel and workers_alive_after_close 0.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PHASES = ("scan", "results", "scroll", "filter", "sort", "regroup", "review", "remove")


def _private_dirs() -> str:
    """Settings, thumbnails and the trash of this run live in a throwaway home."""
    home = tempfile.mkdtemp(prefix="pd-bench-gui-")
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
    ):
        os.makedirs(os.path.join(home, sub))
        os.environ[var] = os.path.join(home, sub)
    return home


def cli_scan(library: str, cache: str, *extra: str) -> tuple[float, float]:
    """Seconds and peak MB of a CLI scan in a child process (min size 0, as the GUI run)."""
    code = (
        "import resource, sys, time\n"
        "from photodedup import cli\n"
        "t = time.perf_counter()\n"
        "rc = cli.main(['scan', sys.argv[1], '--cache', sys.argv[2], '--min-size', '0',"
        " '--json', '/dev/null', *sys.argv[3:]])\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, library, cache, *extra],
        check=True,
        capture_output=True,
        text=True,
        cwd=REPO,
    ).stdout.split()
    return float(out[-2]), int(out[-1]) / 1024


def rss_mb() -> tuple[float, float]:
    """This process's current and peak resident memory, in MB."""
    fields = {}
    with open("/proc/self/status") as fp:
        for line in fp:
            key, _, value = line.partition(":")
            fields[key] = value
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def descendants(pid: int) -> list[tuple[int, int, str]]:
    """Every live process below ``pid``: its id, its parent's, its command line."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fp:
                stat = fp.read()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if fields[0] == "Z":
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    found: list[tuple[int, int, str]] = []
    todo = [(child, pid) for child in children.get(pid, [])]
    while todo:
        child, parent = todo.pop()
        try:
            with open(f"/proc/{child}/cmdline", "rb") as fp:
                cmd = fp.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        found.append((child, parent, cmd))
        todo.extend((grandchild, child) for grandchild in children.get(child, []))
    return found


def workers(pid: int) -> list[int]:
    """Descendants that do work: not multiprocessing's idle fork server or tracker.

    Workers forked by the fork server share its command line; they are its children.
    """
    helpers = ("multiprocessing.forkserver", "multiprocessing.resource_tracker")
    return [
        p
        for p, parent, cmd in descendants(pid)
        if not (parent == pid and any(h in cmd for h in helpers))
    ]


def run(args: argparse.Namespace) -> dict:
    from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QDialog

    from photodedup.gui.app import create_app
    from photodedup.gui.main_window import MainWindow

    class StallMeter(QObject):
        """A 10 ms timer on the GUI thread; the longest late tick per phase."""

        def __init__(self) -> None:
            super().__init__()
            self.phase = "idle"
            self.worst: dict[str, float] = {}
            self.busy: dict[str, float] = {}
            self.peaks: dict[str, float] = {}  # peak RSS (MB) at the end of each phase
            self._last = time.perf_counter()
            self._last_cpu = time.thread_time()
            self._timer = QTimer(self, interval=10)
            self._timer.setTimerType(Qt.TimerType.PreciseTimer)
            self._timer.timeout.connect(self._tick)
            self._timer.start()

        def _tick(self) -> None:
            now, cpu = time.perf_counter(), time.thread_time()
            gap = (now - self._last) * 1000 - 10
            busy = (cpu - self._last_cpu) * 1000
            self._last, self._last_cpu = now, cpu
            # A gap belongs to the phase it ends in: the work that delayed the tick.
            self.worst[self.phase] = max(self.worst.get(self.phase, 0.0), gap)
            # The GUI thread's own CPU time in that gap: the stall without the time
            # other programs on a shared machine took the core away.
            self.busy[self.phase] = max(self.busy.get(self.phase, 0.0), busy)

        def enter(self, phase: str) -> None:
            self._tick()  # the time before belongs to the phase before
            # The peak memory so far is the peak of the phases before this one.
            self.peaks[self.phase] = round(rss_mb()[1])
            self.phase = phase

    def spin(seconds: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(round(seconds * 1000), loop.quit)
        loop.exec()

    def wait_for(done: Callable[[], bool], timeout: float) -> bool:
        deadline = time.perf_counter() + timeout
        while not done():
            if time.perf_counter() > deadline:
                return False
            spin(0.02)
        return True

    app = create_app(["photodedup-bench"])
    meter = StallMeter()
    tracer = None
    if args.trace_stalls:
        from stall_trace import StallTracer

        tracer = StallTracer(lambda: meter._last, lambda: meter.phase, args.trace_stalls)
        tracer.start()
    window = MainWindow()
    window.resize(1240, 760)
    window.setMinimumSize(0, 0)
    window.show()
    window.panel.min_size.setValue(0)
    window.folders.add_folders([args.library])
    base_options = window.scan_options

    def options_with_cache():
        from dataclasses import replace

        return replace(base_options(), cache_path=args.cache)

    window.scan_options = options_with_cache
    model, view = window.model, window.view
    # The window's commands moved to window.commands; the baseline has them on the window.
    mark_all_but_best = (
        getattr(window, "mark_all_but_best", None) or window.commands.mark_all_but_best
    )
    files_removed = getattr(window, "_files_removed", None) or window.commands.files_removed
    resets = [0]
    model.modelReset.connect(lambda: resets.__setitem__(0, resets[0] + 1))
    out: dict = {"library": args.library, "max_stall_ms": {}}
    spin(0.5)

    # -- scan and results -------------------------------------------------------------
    meter.enter("scan")
    started = time.perf_counter()
    window.start_scan()
    # The moment the scan's thread hands over its outcome, in that thread: what the
    # GUI thread does with it from then on is the "results" phase.
    job = window.session.scan_job()
    done = job._worker.done if hasattr(job, "_worker") else None
    if done is not None:
        done.connect(
            lambda *_: setattr(meter, "phase", "results"), Qt.ConnectionType.DirectConnection
        )
    if not wait_for(lambda: not window.is_scanning() and model.rowCount() > 0, args.timeout):
        raise SystemExit("the scan did not finish")
    spin(0)  # the first paint of the results
    out["scan_to_results_s"] = round(time.perf_counter() - started, 2)
    out["groups"] = model.total_groups()
    mark_all_but_best()
    spin(args.settle)  # the marks may be worked out in a job
    out["marked"] = model.marked_count()
    out["gui_rss_mb_results"] = round(rss_mb()[0])

    # -- scroll -----------------------------------------------------------------------
    meter.enter("scroll")
    view.setFocus()
    last = model.index(model.rowCount() - 1, 0)

    def last_visible() -> bool:
        rect = view.visualRect(last)
        return not rect.isEmpty() and rect.intersects(view.viewport().rect())

    QTest.keyClick(view, Qt.Key.Key_End)
    spin(0.3)
    out["end_shows_last"] = last_visible()
    pages = 0
    while not last_visible() and pages < args.pages:
        QTest.keyClick(view, Qt.Key.Key_PageDown)
        spin(0.05)
        pages += 1
    out["reached_bottom"] = last_visible()
    out["pagedowns_after_end"] = pages
    bar = view.verticalScrollBar()
    QTest.keyClick(view, Qt.Key.Key_Home)
    spin(0.3)
    for step in range(1, 21):  # a drag of the scroll bar to its end
        bar.setValue(bar.maximum() * step // 20)
        spin(0.03)
    spin(0.5)
    out["scrollbar_end_shows_last"] = last_visible() and bar.value() == bar.maximum()
    spin(args.settle)

    # -- filter and sort --------------------------------------------------------------
    meter.enter("filter")
    for text in ("copies/01", "copies/0", ""):
        window.filter_edit.setText(text)
        spin(1.0)
    meter.enter("sort")
    combo = window.sort_combo
    for i in [*range(1, combo.count()), 0]:
        combo.setCurrentIndex(i)
        spin(1.0)

    # -- regroup ----------------------------------------------------------------------
    meter.enter("regroup")
    slider = window.panel.slider
    start_value = slider.value()
    regroup_s = []
    for value in (
        start_value + 1 if start_value < slider.maximum() else start_value - 1,
        start_value,
    ):
        before = resets[0]
        t = time.perf_counter()
        slider.setValue(value)
        wait_for(lambda b=before: resets[0] > b, args.timeout)
        regroup_s.append(round(time.perf_counter() - t, 2))
        spin(1.0)
    out["regroup_s"] = regroup_s
    mark_all_but_best()
    spin(args.settle)

    # -- review -----------------------------------------------------------------------
    meter.enter("review")
    seen: dict = {}

    def poll_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.isVisible():
            # The review is a page of the dialog: the page says when its list is filled
            # (before that its model has no rows, and the count read 0).
            page = getattr(dialog, "review", dialog)
            ready = getattr(page, "is_ready", lambda: True)()
            if "open" not in seen:
                seen["open"] = time.perf_counter()
                seen["dialog"] = dialog
            if ready and "ready" not in seen:
                seen["ready"] = time.perf_counter()
                QTimer.singleShot(0, lambda: seen.setdefault("responsive", time.perf_counter()))
            elif "responsive" in seen and "scrolled" not in seen:
                tree = dialog.review.tree
                tree.setFocus()
                QTest.keyClick(tree, Qt.Key.Key_End)
                seen["scrolled"] = True
                model = tree.model()
                titles = getattr(model, "title_rows", None)
                seen["top_level_rows"] = len(titles()) if titles else model.rowCount()
                QTimer.singleShot(1000, dialog.reject)
                return
        if "scrolled" not in seen:
            QTimer.singleShot(10, poll_dialog)

    t_review = time.perf_counter()
    review = getattr(window, "review", None) or window.commands.review
    QTimer.singleShot(0, review)
    QTimer.singleShot(0, poll_dialog)
    wait_for(lambda: "scrolled" in seen and QApplication.activeModalWidget() is None, 600)
    if "responsive" in seen:
        out["review_shown_s"] = round(seen["open"] - t_review, 2)
        out["review_open_s"] = round(seen["responsive"] - t_review, 2)
        out["review_groups"] = seen["top_level_rows"]
    spin(args.settle)

    # -- removal ----------------------------------------------------------------------
    # What the window does while the trash job removes files at about 2,000 a second
    # and the review reports them, as it does, a batch every 250 ms (the files
    # themselves stay: this measures the GUI's side of a mass removal).
    meter.enter("remove")
    gone = sorted(model.marked())[: args.remove]
    t_remove = time.perf_counter()
    step = 500

    def feed(start: int = 0) -> None:
        files_removed(gone[start : start + step])
        if start + step < len(gone):
            QTimer.singleShot(250, lambda: feed(start + step))

    feed()
    left = max(0, out["marked"] - len(gone))
    wait_for(lambda: window.model.marked_count() <= left, 600)
    out["removed"] = len(gone)
    out["remove_s"] = round(time.perf_counter() - t_remove, 2)
    spin(args.settle)
    meter.enter("idle")
    out["max_stall_ms"] = {p: round(meter.worst.get(p, 0.0)) for p in PHASES}
    out["max_busy_ms"] = {p: round(meter.busy.get(p, 0.0)) for p in PHASES}
    out["peak_rss_mb_after"] = {p: meter.peaks[p] for p in PHASES if p in meter.peaks}
    out["load_average"] = os.getloadavg()[0]
    now, peak = rss_mb()
    out["gui_rss_mb"] = round(now)
    out["gui_peak_rss_mb"] = round(peak)
    if tracer is not None:
        tracer.stop()
        out["stall_traces"] = tracer.report()

    # -- cancel, then close, during a scan -----------------------------------------------
    cold = args.cache + ".close-test"

    def start_cold_scan() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(cold + suffix).unlink(missing_ok=True)
        window.start_scan()
        wait_for(lambda: len(workers(pid)) > 0 or not window.is_scanning(), 60)

    window.scan_options = lambda: __import__("dataclasses").replace(base_options(), cache_path=cold)
    pid = os.getpid()
    start_cold_scan()
    t_cancel = time.perf_counter()
    cancel = getattr(window, "cancel_scan", None) or window.scans.cancel
    cancel()
    wait_for(lambda: not window.is_scanning(), 30)
    out["cancel_s"] = round(time.perf_counter() - t_cancel, 2)
    wait_for(lambda: not workers(pid), max(0.0, 2.0 - (time.perf_counter() - t_cancel)))
    out["workers_alive_after_cancel"] = len(workers(pid))
    start_cold_scan()
    out["workers_during_scan"] = len(workers(pid))
    t_close = time.perf_counter()
    window.close()
    out["close_s"] = round(time.perf_counter() - t_close, 2)
    time.sleep(max(0.0, 2.0 - (time.perf_counter() - t_close)))
    out["workers_alive_after_close"] = len(workers(pid))
    app.processEvents()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--library", required=True, help="folder of photos (make_library.py)")
    parser.add_argument("--cache", required=True, help="fingerprint cache file (kept)")
    parser.add_argument("--json", help="write the figures here")
    parser.add_argument("--timeout", type=float, default=900, help="seconds to wait for a step")
    parser.add_argument("--settle", type=float, default=2.0, help="seconds idle between phases")
    parser.add_argument("--pages", type=int, default=40, help="PageDowns to try after End")
    parser.add_argument("--remove", type=int, default=30_000, help="files to remove at the end")
    parser.add_argument("--skip-cli", action="store_true", help="do not measure the CLI")
    parser.add_argument(
        "--trace-stalls",
        type=float,
        metavar="MS",
        help="take every thread's stack when the GUI thread stalls this long",
    )
    args = parser.parse_args()
    args.library, args.cache = os.path.abspath(args.library), os.path.abspath(args.cache)
    if "DISPLAY" not in os.environ:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _private_dirs()

    out: dict = {}
    if not args.skip_cli:
        if not os.path.exists(args.cache):
            seconds, _ = cli_scan(args.library, args.cache)
            print(f"warmed the cache with a CLI scan in {seconds:.1f} s")
        seconds, peak = cli_scan(args.library, args.cache)
        out["cli_scan_s"], out["cli_rss_mb"] = round(seconds, 2), round(peak)
        # The regroup phase moves the slider one notch looser (from the default),
        # and a looser grouping needs more memory: the CLI at that preset too.
        _, peak = cli_scan(args.library, args.cache, "--preset", "loose")
        out["cli_rss_mb_loose"] = round(peak)
    out.update(run(args))
    if "cli_rss_mb" in out:
        out["gui_vs_cli_rss"] = round(out["gui_peak_rss_mb"] / out["cli_rss_mb"], 2)
        # The GUI's peak against the CLI's at the same settings: until the regroup, the
        # default; with it, the larger of the default and the looser notch.
        peaks = out.get("peak_rss_mb_after", {})
        if "sort" in peaks:
            out["gui_vs_cli_rss_before_regroup"] = round(peaks["sort"] / out["cli_rss_mb"], 2)
        same = max(out["cli_rss_mb"], out["cli_rss_mb_loose"])
        out["gui_vs_cli_rss_same_settings"] = round(out["gui_peak_rss_mb"] / same, 2)
    out["children_peak_rss_mb"] = round(
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    )
    text = json.dumps(out, indent=2)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n")


if __name__ == "__main__":
    main()
