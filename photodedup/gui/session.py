"""What the window shows and what runs behind it, without any widget.

The session holds the last scan (its options and result), the ignore list, the
marks (one ``core.marks.Marks``, which the results list loads each new set of
groups into and every view shares) and the job runner, and starts every job:
scan, regroup, removal, and the thumbnail pool. The window asks it for work and
shows what its signals bring.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Signal

from photodedup.core.ignore import IgnoreList
from photodedup.core.marks import Marks
from photodedup.core.models import ImageRecord, ScanOptions
from photodedup.core.results import Group, ScanResult
from photodedup.core.select import premark
from photodedup.core.trash import Planned
from photodedup.gui.jobs import Job, JobRunner
from photodedup.gui.review import list_model, restore_worker, trash_worker
from photodedup.gui.scan.worker import Prepare, ScanOutcome, regroup_work, scan_work

SCAN, REGROUP, REMOVAL, RESTORE, MARKS = "scan", "regroup", "removal", "restore", "marks"
PLAN = "plan"  # the review's list of what would go


class Session(QObject):
    scanStarted = Signal()
    scanProgress = Signal(object)  # Progress
    scanFinished = Signal(object)  # ScanOutcome
    scanCancelled = Signal()
    scanFailed = Signal(str)
    regrouped = Signal(object)  # ScanOutcome: the same scan, grouped again
    regroupFailed = Signal(str)
    busyChanged = Signal()  # a job started or ended

    def __init__(
        self,
        ignore: IgnoreList | None = None,
        parent: QObject | None = None,
        *,
        prepare: Prepare | None = None,
    ) -> None:
        """``prepare(groups, marked)`` runs in the scan and regroup jobs' threads;
        its result comes back as the outcome's ``prepared``."""
        super().__init__(parent)
        self._prepare = prepare
        self.ignore = ignore or IgnoreList()
        # The marks of the results shown: the same object for the session's life,
        # so a view given it never holds marks of groups gone.
        self.marks = Marks()
        self.jobs = JobRunner(self)
        self.jobs.busyChanged.connect(self.busyChanged)
        self.result: ScanResult | None = None
        self.options: ScanOptions | None = None  # what ``result`` was scanned and grouped with
        self._keep: tuple[str, tuple[str, ...]] = ("best", ())  # rule, preferred folders
        # Files removed since the scan, so that a restore can show them again.
        self._removed: dict[str, ImageRecord] = {}

    # -- scanning -----------------------------------------------------------------------
    def is_scanning(self) -> bool:
        return self.jobs.is_running(SCAN)

    def scan_job(self) -> Job | None:
        return self.jobs.current(SCAN)

    def start_scan(self, options: ScanOptions, rule: str, prefer: tuple[str, ...] = ()) -> Job:
        """Scan, then mark under the keep ``rule`` (``prefer``: preferred folders, best first)."""
        self.jobs.drop(REGROUP)  # its groups would belong to the scan being replaced
        self._keep = (rule, prefer)
        work = scan_work(options, rule, self.ignore, prefer=prefer, prepare=self._prepare)
        job = self.jobs.start(SCAN, work)
        job.progress.connect(self.scanProgress)
        job.finished.connect(self._scan_finished)
        job.cancelled.connect(self.scanCancelled)
        job.failed.connect(self.scanFailed)
        self.scanStarted.emit()
        return job

    def cancel_scan(self) -> None:
        self.jobs.cancel(SCAN)

    def _scan_finished(self, outcome: ScanOutcome) -> None:
        self.result, self.options = outcome.result, outcome.options
        self._removed.clear()
        self.scanFinished.emit(outcome)

    # -- regrouping ---------------------------------------------------------------------
    def is_regrouping(self) -> bool:
        return self.jobs.is_running(REGROUP)

    def regroup(self, wanted: ScanOptions, rule: str, prefer: tuple[str, ...] = ()) -> Job | None:
        """Group the last scan again with ``wanted``'s grouping settings, off the GUI
        thread; a regroup still running is dropped. None when there is nothing to
        regroup, or when ``wanted`` needs a new scan (another fingerprint)."""
        if self.result is None or self.options is None or self.is_scanning():
            return None
        if wanted.hash != self.options.hash:
            return None  # the old fingerprints would not compare
        options = replace(self.options, group=wanted.group)
        self._keep = (rule, prefer)
        work = regroup_work(
            self.result, options, rule, self.ignore, prefer=prefer, prepare=self._prepare
        )
        job = self.jobs.start(REGROUP, work)
        job.finished.connect(self._regrouped)
        job.failed.connect(self.regroupFailed)
        return job

    def _regrouped(self, outcome: ScanOutcome) -> None:
        if outcome.result is not self.result:
            return  # files left while it ran: a newer regroup is on its way
        self.options = outcome.options
        self.regrouped.emit(outcome)

    # -- the user's decisions -----------------------------------------------------------
    def not_a_duplicate(
        self, reference: ImageRecord, other: ImageRecord, groups: list[Group]
    ) -> list[Group]:
        """Remember that ``other`` differs from ``reference``; ``groups`` without it."""
        self.ignore.add(reference, other)
        return self.ignore.apply(groups)

    def premark(
        self,
        groups: list[Group],
        rule: str,
        prefer: tuple[str, ...] = (),
        unavailable: frozenset[str] = frozenset(),
        then: Callable[[set[str]], Any] | None = None,
    ) -> Job:
        """Mark every copy but the one ``rule`` keeps, off the GUI thread (tens of
        thousands of groups take a second); a newer request replaces it. Files in
        ``unavailable`` (gone or changed since the scan) are neither marked nor kept.
        The job ends with the marks, or with what ``then`` makes of them in its thread."""

        def work(_progress, _cancel):
            marked = premark(groups, rule, prefer, unavailable)
            return then(marked) if then is not None else marked

        return self.jobs.start(MARKS, work)

    def start_removal(self, items: list[Planned], folder: str | None = None) -> Job:
        """Move ``items`` to the trash (or into ``folder``, keeping their paths below
        the scanned folders), reporting each file."""
        roots = self.options.walk.roots if self.options is not None else ()
        work = trash_worker.removal(items, folder=folder, roots=roots)
        return self.jobs.start(REMOVAL, work, interval=0)

    def start_plan(
        self, groups: list[Group], marked: set[str], unavailable: frozenset[str] = frozenset()
    ) -> Job:
        """Work out the review's plan and rows (``list_model.prepare``); a newer plan
        replaces one still being made. The job ends with what ``prepare`` returns."""
        return self.jobs.start(
            PLAN, lambda _progress, _cancel: list_model.prepare(groups, marked, unavailable)
        )

    def start_restore(self, batch_ids: list[str]) -> Job:
        """Put back the files of the removal batches ``batch_ids``; ends with each outcome."""
        return self.jobs.start(RESTORE, restore_worker.restoring(batch_ids), interval=0)

    def files_removed(self, paths: set[str]) -> None:
        """Forget files that left their folder, so that a regroup cannot bring them back."""
        if self.result is None or not paths:
            return
        # A batch costs its own files, not the library's (the result keeps an index).
        self._removed.update((r.path, r) for r in self.result.records_of(paths))
        self.result = self.result.without(paths)
        if self.is_regrouping() and self.options is not None:
            self.regroup(self.options, *self._keep)  # the running one still has them

    def files_restored(self, paths: list[str]) -> Job | None:
        """Files put back reappear in the results (by a regroup) when this scan held
        them and they are as scanned; the regroup job, or None."""
        back = []
        for path in paths:
            record = self._removed.pop(path, None)
            try:
                st = os.stat(path)
            except OSError:
                continue
            # A restore keeps the file's time; a file changed since is a new scan's job.
            if record is not None and (st.st_size, st.st_mtime_ns) == (
                record.size,
                record.mtime_ns,
            ):
                back.append(record)
        if not back or self.result is None or self.options is None:
            return None
        images = sorted(self.result.images + back, key=lambda r: r.path)
        self.result = replace(self.result, images=images)
        return self.regroup(self.options, *self._keep)

    # -- the end ------------------------------------------------------------------------
    def shutdown(self, timeout: float = 2.0) -> bool:
        """Cancel every job and wait up to ``timeout`` seconds for all of them."""
        return self.jobs.shutdown(timeout)
