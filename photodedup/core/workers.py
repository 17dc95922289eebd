"""Process pools: starting them safely, surviving a dead worker, ending them promptly.

A worker can die under us: the out-of-memory killer picks it, or a codec
crashes on one file. ``ProcessPoolExecutor`` then fails every task in flight
and refuses new ones. ``run_batches`` rebuilds the pool, runs the files of the
failed batches again one at a time, and blames only a file that kills a worker
when it runs alone.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

_env_lock = threading.Lock()


def end_pool(pool: ProcessPoolExecutor, *, early: bool) -> None:
    """Shut ``pool`` down without waiting; when ``early``, end its workers now.

    Left alone after a cancel, workers finish every task already queued to them:
    seconds of busy cores, and a process that cannot exit until then. Our workers
    only read files and compute, so ending them loses nothing.
    """
    # There is no public way to reach the workers before Python 3.14, and
    # shutdown() forgets them, so take them first.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    if early:
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(1.0)


class EarlyPool:
    """A pool made in a background thread once enough work is in sight.

    Starting the fork server and the workers (each loading numpy, Pillow and the
    codecs) costs most of a second. Made while the caller is still finding its
    work, the workers are ready when the first batch is. ``note()`` counts work
    seen so far; ``take()`` hands the pool over (or None if it was never started),
    and ``close()`` ends one that was never taken.
    """

    def __init__(
        self, make_pool: Callable[[int], ProcessPoolExecutor], workers: int, threshold: int
    ) -> None:
        self._make_pool = make_pool
        self._workers = workers
        self._threshold = threshold
        self._count = 0
        self._thread: threading.Thread | None = None
        self._pool: ProcessPoolExecutor | None = None

    def note(self) -> None:
        self._count += 1
        if self._count == self._threshold and self._workers > 1:
            self._thread = threading.Thread(target=self._start, name="early-pool", daemon=True)
            self._thread.start()

    def _start(self) -> None:
        try:
            pool = self._make_pool(self._workers)
            # Workers start on demand: one trivial task each starts them all now.
            for _ in range(self._workers):
                pool.submit(_ready)
        except Exception:  # the caller then makes its own pool the usual way, and hears why
            return
        self._pool = pool

    def take(self) -> ProcessPoolExecutor | None:
        if self._thread is not None:
            self._thread.join()
        pool, self._pool = self._pool, None
        return pool

    def close(self) -> None:
        pool = self.take()
        if pool is not None:
            end_pool(pool, early=True)


def _ready() -> None:
    """The warm-up task: returning proves the worker is up."""


def pool_context(preload: Sequence[str] = ()) -> multiprocessing.context.BaseContext:
    """The start method for worker pools, with workers that import only the installed code.

    Forking a process that runs Qt threads is unsafe; forkserver forks from a
    clean helper instead. Frozen bundles and non-Linux systems use spawn, which
    hands the workers this process's own ``sys.path``.
    """
    if not sys.platform.startswith("linux") or getattr(sys, "frozen", False):
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(list(preload))
    _start_forkserver()
    return ctx


def _start_forkserver() -> None:
    # The fork server is started as "python -c ...", which puts the current
    # folder first on sys.path, and Python 3.11 ignores the sys.path it is
    # given: a photodedup/ folder or photodedup.py where the user started us
    # would be imported by every worker. PYTHONSAFEPATH keeps it off.
    from multiprocessing import forkserver

    with _env_lock:
        saved = os.environ.get("PYTHONSAFEPATH")
        os.environ["PYTHONSAFEPATH"] = "1"
        try:
            forkserver.ensure_running()
        finally:
            if saved is None:
                del os.environ["PYTHONSAFEPATH"]
            else:
                os.environ["PYTHONSAFEPATH"] = saved


def ignore_interrupts() -> None:
    """Worker initializer: Ctrl-C belongs to the front end, which turns it into a cancel;
    a worker dying of KeyboardInterrupt would break the pool instead."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_batches(
    batches: Iterable[list[T]],
    work: Callable[[list[T]], list[R]],
    *,
    make_pool: Callable[[], ProcessPoolExecutor],
    in_flight: int,
    killed: Callable[[T], R],
    check: Callable[[], None] = lambda: None,
) -> Iterator[tuple[T, R]]:
    """``work`` on each batch in a pool, yielding (item, result) as batches finish.

    When a worker dies, the pool is made again and the items of every batch
    that was in flight run again alone, one at a time; an item whose lone run
    kills a worker too yields ``killed(item)``. ``check`` runs between waits
    and may raise (a cancel); the pool is ended either way.
    """
    queue: Iterator[list[T]] = iter(batches)
    suspects: deque[T] = deque()
    running: dict[Future[list[R]], list[T]] = {}
    alone: Future[list[R]] | None = None  # a suspect running by itself, nothing beside it
    pool = make_pool()
    fresh = True  # no task submitted to this pool yet
    try:
        while True:
            broken = False
            if alone is None and suspects and not running:
                item = suspects.popleft()
                alone = _submit(pool, work, [item], running)
                if alone is None:
                    suspects.appendleft(item)
                    broken = True
                fresh = fresh and broken
            while alone is None and not suspects and not broken and len(running) < in_flight:
                batch = next(queue, None)
                if batch is None:
                    break
                if _submit(pool, work, batch, running) is None:
                    suspects.extend(batch)
                    broken = True
                fresh = fresh and broken
            if broken and fresh:
                raise RuntimeError("the worker processes cannot be started")
            if not running and not broken:
                if suspects:
                    continue
                return
            if not broken:
                done, _ = wait(running, timeout=0.1, return_when=FIRST_COMPLETED)
                check()
                for fut in done:
                    batch = running.pop(fut)
                    was_alone, alone = fut is alone, (None if fut is alone else alone)
                    try:
                        results = fut.result()
                    except Exception:  # a dead worker (or a result that cannot travel)
                        if was_alone:
                            yield batch[0], killed(batch[0])
                        else:
                            suspects.extend(batch)
                        broken = True
                        continue
                    yield from zip(batch, results, strict=True)
            if broken:
                # Every other task in flight fails with the pool; keep what finished.
                for fut, batch in list(running.items()):
                    try:
                        results = fut.result()
                    except Exception:
                        suspects.extend(batch)
                        continue
                    yield from zip(batch, results, strict=True)
                running.clear()
                alone = None
                end_pool(pool, early=True)
                pool = make_pool()
                fresh = True
    finally:
        # Do not wait for batches in flight: a cancel must return within a second.
        end_pool(pool, early=bool(running))


def _submit(
    pool: ProcessPoolExecutor,
    work: Callable[[list[T]], list[R]],
    batch: list[T],
    running: dict[Future[list[R]], list[T]],
) -> Future[list[R]] | None:
    """Submit ``batch``; None when the pool is already broken."""
    try:
        fut = pool.submit(work, batch)
    except RuntimeError:  # BrokenProcessPool, or shut down
        return None
    running[fut] = batch
    return fut
