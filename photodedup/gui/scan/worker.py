"""The engine calls behind a scan and a regroup, shaped as jobs for the job runner.

Each function here builds a ``work(progress, cancel)`` callable on the GUI thread
and the runner calls it on a worker thread. The engine drops the ignored pairs;
pre-marking happens inside the work too, so that the GUI thread only displays
the outcome.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from photodedup.core import scan as scan_module
from photodedup.core import select
from photodedup.core.group import count_near_blank
from photodedup.core.ignore import IgnoreList
from photodedup.core.models import ScanOptions
from photodedup.core.progress import Cancelled
from photodedup.core.results import Group, ScanResult

Work = Callable[[Callable[[Any], None], threading.Event], Any]
# Turns the groups and marks into what the results list shows, in the worker thread
# too: for 100,000 photos that is a few hundred milliseconds of Python.
Prepare = Callable[[list[Group], set[str]], Any]


@dataclass
class ScanOutcome:
    """What a scan or regroup hands back: the options it ran with, the raw result
    and the groups ready to show, with the files pre-marked for removal."""

    options: ScanOptions
    result: ScanResult
    groups: list[Group]
    marked: set[str]
    prepared: Any = None  # what ``prepare`` made of the groups and marks, if given
    # Near-blank photos the grouping held to the stricter rule (pdq) or left out.
    near_blank: int = 0


def scan_work(
    options: ScanOptions,
    rule: str,
    ignore: IgnoreList | None = None,
    scan_fn: Callable[..., ScanResult] | None = None,
    prefer: tuple[str, ...] = (),
    prepare: Prepare | None = None,
) -> Work:
    """A full scan: folders to groups without the ignored pairs, then the marks under
    ``rule`` (``prefer``: the preferred folders, best first)."""
    run_scan = scan_fn or scan_module.scan
    ignore = _snapshot(ignore)

    def work(progress: Callable[[Any], None], cancel: threading.Event) -> ScanOutcome:
        result = run_scan(options, ignore=ignore, progress=progress, cancel=cancel)
        result.index_groups()
        return _outcome(options, result, list(result.groups), (rule, prefer), cancel, prepare)

    return work


def regroup_work(
    result: ScanResult,
    options: ScanOptions,
    rule: str,
    ignore: IgnoreList | None = None,
    prefer: tuple[str, ...] = (),
    prepare: Prepare | None = None,
) -> Work:
    """The groups of an earlier scan under new grouping settings, without decoding."""
    ignore = _snapshot(ignore)

    def work(progress: Callable[[Any], None], cancel: threading.Event) -> ScanOutcome:
        groups = scan_module.regroup(
            result, options.group, ignore=ignore, progress=progress, cancel=cancel
        )
        return _outcome(options, result, groups, (rule, prefer), cancel, prepare)

    return work


def _outcome(options, result, groups, keep, cancel, prepare) -> ScanOutcome:
    rule, prefer = keep
    marked = select.premark(groups, rule, prefer)
    prepared = prepare(groups, marked) if prepare is not None else None
    if cancel.is_set():  # the engine may finish its last step before it looks
        raise Cancelled
    return ScanOutcome(options, result, groups, marked, prepared, _near_blank(result, options))


def _near_blank(result: ScanResult, options: ScanOptions) -> int:
    """How many near-blank photos the grouping with ``options`` treats apart.

    The scan counts them (``ScanStats.near_blank``) for the options it ran with;
    a regroup that now leaves them out has them counted again (cheap without pdq).
    """
    if result.hash.checked:
        return result.stats.near_blank
    if not options.group.ignore_blank:
        return 0
    return count_near_blank(result.images, result.hash.bits, checked=False)


def _snapshot(ignore: IgnoreList | None) -> IgnoreList | None:
    # The user may add a pair on the GUI thread while the work reads the list.
    return copy.deepcopy(ignore) if ignore is not None else None
