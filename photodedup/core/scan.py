"""One scan, end to end: folders → files → fingerprints (cached) → groups → ignore.

This is the function both front ends call. It owns the process pool and the
cache; it knows nothing of threads or signals, only a progress callback and a
cancel event.
"""

from __future__ import annotations

import os
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import nullcontext
from functools import partial
from operator import attrgetter

from photodedup.core import memory
from photodedup.core.cache import HashCache
from photodedup.core.discover import discover
from photodedup.core.eta import EtaEstimator
from photodedup.core.fingerprint import fingerprint_file, full_digest, quick_digest
from photodedup.core.formats import IMAGE_EXTENSIONS, extension
from photodedup.core.group import count_near_blank, group_images
from photodedup.core.ignore import IgnoreList
from photodedup.core.models import FileRef, GroupOptions, HashSettings, ImageRecord, ScanOptions
from photodedup.core.pairs import pair_groups
from photodedup.core.progress import CancelToken, ProgressCallback, Reporter, check
from photodedup.core.proposals import ProposalMemo
from photodedup.core.reasons import Phase, Reason
from photodedup.core.results import Group, ScanError, ScanResult, ScanStats
from photodedup.core.workers import EarlyPool, ignore_interrupts, pool_context, run_batches

# Files per task sent to a worker: enough to amortise the pickling round trip,
# few enough that a cancel is honoured quickly and memory stays flat.
BATCH = 8
# Records written to the cache per transaction; a cancelled scan keeps them.
CACHE_FLUSH = 256
PROGRESS_INTERVAL = 0.1

_recent_locks: list[object] = []  # see _make_pool
_SIZE, _DIGEST = attrgetter("size"), attrgetter("digest")
# Imported once by the fork server, so each worker starts with them: the default
# fingerprint's PDQ and the pHash DCT would otherwise load in every worker on its
# first file (about 0.3 s each on the 2-core machine).
WORKER_PRELOAD = ("photodedup.core.fingerprint", "pdqhash", "scipy.fftpack")


def scan(
    options: ScanOptions,
    *,
    ignore: IgnoreList | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> ScanResult:
    """Scan ``options.walk.roots`` and group the look-alike images.

    Pairs in ``ignore`` (the user said "not a duplicate") are kept apart.
    Raises ``Cancelled`` when ``cancel`` is set; everything fingerprinted so far
    is in the cache by then.
    """
    started = time.monotonic()
    result = ScanResult(hash=options.hash)
    walk = options.walk
    crops = options.group.crops
    cache_cm = (
        HashCache(options.cache_path, options.hash, crops) if options.use_cache else nullcontext()
    )
    early = EarlyPool(_make_pool, _workers(options), 2 * BATCH + 1)
    with cache_cm as cache:
        try:
            found = discover(
                walk.roots,
                recursive=walk.recursive,
                exclude=walk.exclude,
                min_size=walk.min_size,
                follow_symlinks=walk.follow_symlinks,
                cancel=cancel,
                progress=progress,
                known=_counting_unknown(cache, early),
            )
            result.errors.extend(found.errors)
            result.stats.files_seen = found.seen
            result.stats.too_small = found.too_small
            records, errors = _fingerprint_all(
                found.files, options, cache, result.stats, progress, cancel, early
            )
        finally:
            early.close()
        result.images = sorted(records, key=lambda r: r.path)
        result.errors.extend(errors)
        result.errors.sort(key=lambda e: e.path)
        result.stats.images = len(result.images)

        result.identical = find_identical(result.images, cancel=cancel)
        if options.group.ignore_blank or options.hash.checked:
            result.stats.near_blank = count_near_blank(
                result.images, options.hash.bits, options.hash.checked
            )
        # The cache keeps the searches' proposals for the next scan of these photos.
        result.proposals = ProposalMemo(cache)
        result.groups = regroup(
            result, options.group, ignore=ignore, progress=progress, cancel=cancel
        )
    result.proposals = result.proposals.without_store()  # the cache is closed now
    if cache is not None:  # read after closing: a save that failed is known by then
        result.warnings.extend(cache.warnings)
    result.stats.seconds = round(time.monotonic() - started, 3)
    return result


def fingerprint(
    files: Sequence[FileRef],
    options: ScanOptions,
    cache: HashCache | None,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> tuple[list[ImageRecord], list[ScanError], ScanStats]:
    """Fingerprint ``files`` exactly as a scan does: cache first, then every core.

    For callers that walk their own files (the library check, the portable
    index). Records are in ``files`` order for cache hits, then as decoded.
    """
    stats = ScanStats(files_seen=len(files))
    records, errors = _fingerprint_all(files, options, cache, stats, progress, cancel, None)
    stats.images = len(records)
    return records, errors, stats


def regroup(
    result: ScanResult,
    options: GroupOptions,
    *,
    ignore: IgnoreList | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> list[Group]:
    """Group an earlier scan's images again with new grouping options, without decoding.

    Members that ``ignore`` says differ from their group's reference leave it, and
    a camera's RAW+JPEG pair is marked (``core.pairs``).
    """
    groups = group_images(
        result.images,
        options.distance_for(result.hash.bits, result.hash.algorithm),
        bits=result.hash.bits,
        rotations=options.rotations,
        crops=options.crops,
        reference_dirs=options.reference_dirs,
        ignore_blank=options.ignore_blank,
        identical=result.identical,
        cancel=cancel,
        progress=progress,
        checked=result.hash.checked,
        memo=result.proposals,
    )
    return pair_groups(ignore.apply(groups) if ignore is not None else groups)


def find_identical(
    images: Sequence[ImageRecord], *, cancel: CancelToken | None = None
) -> list[list[str]]:
    """Sets of byte-identical files: same size, same quick digest, then same full digest."""
    # Counted in C first: in a large library nearly every key is single.
    keys = list(zip(map(_SIZE, images), map(_DIGEST, images), strict=True))
    shared = {key for key, n in Counter(keys).items() if n > 1}
    if not shared:
        return []
    by_key: dict[tuple[int, str], list[str]] = defaultdict(list)
    for key, rec in zip(keys, images, strict=True):
        if key in shared:
            by_key[key].append(rec.path)
    candidates = list(by_key.values())
    flat = [p for paths in candidates for p in paths]
    # hashlib releases the GIL on large buffers, so threads read and hash in parallel.
    with ThreadPoolExecutor(max_workers=min(8, (os.cpu_count() or 2) * 2)) as pool:
        digests = dict(zip(flat, pool.map(_safe_full_digest, flat), strict=True))
    check(cancel)
    identical: list[list[str]] = []
    for paths in candidates:
        by_digest: dict[str, list[str]] = defaultdict(list)
        for p in paths:
            if digests[p] is not None:
                by_digest[digests[p]].append(p)
        identical.extend(sorted(same) for same in by_digest.values() if len(same) > 1)
    return sorted(identical)


def _safe_full_digest(path: str) -> str | None:
    try:
        return full_digest(path)
    except OSError:
        return None


class _HashReporter(Reporter):
    """Hash-phase progress; the time left counts only the files still to decode."""

    def __init__(self, files: Sequence[FileRef], progress: ProgressCallback | None) -> None:
        super().__init__(
            progress,
            Phase.HASH,
            total=len(files),
            bytes_total=sum(f.size for f in files),
            interval=PROGRESS_INTERVAL,
        )
        self.decoded = 0
        self.to_decode = 0
        self.estimate = EtaEstimator()

    def advance_file(self, size: int, path: str, decoded: bool) -> None:
        self.decoded += decoded
        self.advance(nbytes=size, current=path)

    def time_left(self, elapsed: float) -> float | None:
        if self.decoded and self.to_decode:
            # Counted from the first decoded file, not from the start: the cache hits
            # before it and the pool's start say nothing about the decoding to come.
            return self.estimate.update(self.decoded, self.to_decode, time.monotonic())
        return None


def _fingerprint_all(
    files: Sequence[FileRef],
    options: ScanOptions,
    cache: HashCache | None,
    stats: ScanStats,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
    early: EarlyPool | None,
) -> tuple[list[ImageRecord], list[ScanError]]:
    records: list[ImageRecord] = []
    errors: list[ScanError] = []
    pending_store: list[ImageRecord] = []
    reporter = _HashReporter(files, progress)

    def keep(rec: ImageRecord) -> None:
        records.append(rec)
        pending_store.append(rec)
        if len(pending_store) >= CACHE_FLUSH:
            flush()

    def flush() -> None:
        if cache is not None and pending_store:
            cache.put_many(pending_store)
        pending_store.clear()

    to_decode: list[tuple[FileRef, str | None]] = []
    for ref in files:
        check(cancel)
        hit, digest, moved = _from_cache(ref, cache)
        if hit is not None:
            stats.cache_hits += 1
            records.append(hit)
            if moved:
                pending_store.append(hit)  # a moved file gets a row under its new path
            reporter.advance_file(ref.size, ref.path, decoded=False)
        else:
            to_decode.append((ref, digest))
    reporter.to_decode = len(to_decode)

    try:
        for ref, outcome in _decode_stream(to_decode, options, cancel, early):
            if isinstance(outcome, ImageRecord):
                stats.decoded += 1
                keep(outcome)
            else:
                errors.append(outcome)
            reporter.advance_file(ref.size, ref.path, decoded=True)
        reporter.report(force=True)
    finally:
        # Runs on cancel and Ctrl-C too: what was hashed stays hashed.
        flush()
    return records, errors


def _from_cache(
    ref: FileRef, cache: HashCache | None
) -> tuple[ImageRecord | None, str | None, bool]:
    """The cached record for ``ref`` if any, its quick digest if known, and whether
    the record was found under another path (a moved or renamed file)."""
    if cache is None:
        return None, None, False
    hit = cache.get(ref.path, ref.size, ref.mtime_ns)
    if hit is not None:
        return hit, hit.digest, False
    if not cache.has_size(ref.size):
        return None, None, False
    try:
        digest = quick_digest(ref.path, ref.size)
    except OSError:
        return None, None, False  # the decode step will report what is wrong with it
    moved = cache.get_moved(ref.path, ref.size, ref.mtime_ns, digest)
    return moved, digest, moved is not None


def _workers(options: ScanOptions) -> int:
    return options.workers or os.cpu_count() or 1


def _counting_unknown(cache: HashCache | None, early: EarlyPool):
    """Discovery's ``known`` lookup, telling ``early`` of each image file the cache lacks:
    once there are enough to need the pool, its workers start while the walk goes on."""

    def known(path: str, size: int, mtime_ns: int) -> str | None:
        fmt = cache.known_format(path, size, mtime_ns) if cache is not None else None
        if fmt is None and extension(os.path.basename(path)) in IMAGE_EXTENSIONS:
            early.note()
        return fmt

    return known


def _make_pool(max_workers: int) -> ProcessPoolExecutor:
    ctx = pool_context(WORKER_PRELOAD)
    # A new lock for each pool: one held by a worker that was killed is lost.
    lock = ctx.Lock()
    # Its name vanishes when it is freed, and a worker can still be starting
    # after the scan has ended: it would fail to open the lock and print a
    # traceback. Kept for a few more pools, it outlives any such start.
    _recent_locks.append(lock)
    del _recent_locks[:-8]
    return ProcessPoolExecutor(
        max_workers=max_workers,
        mp_context=ctx,
        initializer=_worker_init,
        initargs=(lock,),
    )


def _decode_stream(
    work: Sequence[tuple[FileRef, str | None]],
    options: ScanOptions,
    cancel: CancelToken | None,
    early: EarlyPool | None = None,
) -> Iterator[tuple[FileRef, ImageRecord | ScanError]]:
    """Fingerprint ``work`` on every core, yielding results as they come."""
    workers = _workers(options)
    if len(work) <= 2 * BATCH or workers == 1:
        for ref, digest in work:
            check(cancel)
            yield ref, fingerprint_file(ref, options.hash, digest, options.group.crops)
        return
    batches = [list(work[i : i + BATCH]) for i in range(0, len(work), BATCH)]
    max_workers = min(workers, len(work) // BATCH + 1)

    def make_pool() -> ProcessPoolExecutor:
        ready = early.take() if early is not None else None
        return ready if ready is not None else _make_pool(max_workers)

    items = run_batches(
        batches,
        partial(_fingerprint_batch, settings=options.hash, crops=options.group.crops),
        make_pool=make_pool,
        in_flight=workers * 3,
        killed=_killed,
        check=lambda: check(cancel),
    )
    for (ref, _digest), outcome in items:
        yield ref, outcome


def _worker_init(large_decode_lock: object) -> None:
    ignore_interrupts()
    memory.set_lock(large_decode_lock)


def _killed(item: tuple[FileRef, str | None]) -> ScanError:
    # It took its worker down even when it ran alone: out of memory or a codec crash.
    return ScanError(item[0].path, Reason.DECODER_CRASHED, "")


def _fingerprint_batch(
    batch: Sequence[tuple[FileRef, str | None]], settings: HashSettings, crops: bool = False
) -> list[ImageRecord | ScanError]:
    return [fingerprint_file(ref, settings, digest, crops) for ref, digest in batch]
