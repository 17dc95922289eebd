"""Ending a process pool promptly: the part ProcessPoolExecutor does not offer."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor


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
