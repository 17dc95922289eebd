"""A library's fingerprints brought up to date, for the check and the portable index.

The same walk, cache and workers as a scan (``discover``, ``HashCache``,
``scan.fingerprint``), stopping before grouping: an unchanged file costs a
dict lookup, never a decode. ``known`` records (an index's rows) count as
cached too, so updating an index on a machine without the app's cache
decodes only what is new.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field

from photodedup.core.cache import HashCache
from photodedup.core.discover import discover
from photodedup.core.group import in_folder
from photodedup.core.index import (
    Index,
    IndexEntry,
    IndexProblem,
    IndexReason,
    IndexUpdate,
    full_digests,
    merge,
    read_index,
    same_file,
    write_index,
)
from photodedup.core.models import CHECK_BYTES, FileRef, ImageRecord, ScanOptions
from photodedup.core.progress import Cancelled, Progress, ProgressCallback
from photodedup.core.reasons import Reason
from photodedup.core.results import ScanError
from photodedup.core.scan import fingerprint


@dataclass
class Collected:
    """Records of the images found under some roots, with what went wrong."""

    refs: list[FileRef] = field(default_factory=list)
    records: list[ImageRecord] = field(default_factory=list)
    errors: list[ScanError] = field(default_factory=list)
    decoded: int = 0
    cache_hits: int = 0


def collect(
    roots: Sequence[str],
    options: ScanOptions,
    cache: HashCache | None,
    *,
    named_min_size: int | None = None,
    known: Mapping[str, ImageRecord] | None = None,
    phase: Callable[[str], str] = str,
    progress: ProgressCallback | None = None,
    cancel=None,
) -> Collected:
    """Walk ``roots`` and fingerprint every image in them, cache first.

    Files named directly among ``roots`` are taken down to ``named_min_size``
    bytes when given (someone who names a small file wants it checked).
    ``phase`` renames the progress phases, so a caller running several walks
    can tell them apart.
    """
    files = [r for r in roots if os.path.isfile(r)] if named_min_size is not None else []
    folders = [r for r in roots if r not in files]
    relay = _relay(progress, phase)
    walk = dict(
        recursive=options.walk.recursive,
        exclude=options.walk.exclude,
        follow_symlinks=options.walk.follow_symlinks,
        cancel=cancel,
        progress=relay,
        known=cache.known_format if cache is not None else None,
    )
    found = discover(folders, min_size=options.walk.min_size, **walk) if folders else None
    named = discover(files, min_size=named_min_size or 0, **walk) if files else None
    refs: dict[str, FileRef] = {}
    errors: list[ScanError] = []
    for part in (found, named):
        if part is not None:
            refs.update((r.path, r) for r in part.files)
            errors += part.errors
    out = Collected(refs=sorted(refs.values(), key=lambda r: r.path), errors=errors)
    todo: list[FileRef] = []
    for ref in out.refs:
        hit = known.get(ref.path) if known else None
        if hit is not None and hit.size == ref.size and hit.mtime_ns == ref.mtime_ns:
            out.records.append(hit)
            out.cache_hits += 1
        else:
            todo.append(ref)
    records, more_errors, stats = fingerprint(todo, options, cache, progress=relay, cancel=cancel)
    out.records += records
    out.records.sort(key=lambda r: r.path)
    out.errors = sorted(out.errors + more_errors, key=lambda e: e.path)
    out.decoded = stats.decoded
    out.cache_hits += stats.cache_hits
    return out


class LibraryOnlyCache:
    """A cache that reads as ``cache`` does but keeps only records under ``roots``.

    For a check's queries: a memory card checked once must not leave its
    fingerprints in the library's cache for good (that cache is loaded whole at
    every scan). A query that is a library file is stored as usual.
    """

    def __init__(self, cache: HashCache, roots: Sequence[str]) -> None:
        self._cache = cache
        self._roots = list(roots)
        self.get = cache.get
        self.get_moved = cache.get_moved
        self.has_size = cache.has_size
        self.known_format = cache.known_format

    @property
    def warnings(self) -> list[str]:
        return self._cache.warnings

    def put_many(self, records: Iterable[ImageRecord]) -> None:
        if self._roots:
            self._cache.put_many([r for r in records if in_folder(r.path, self._roots)])


def open_cache(options: ScanOptions) -> HashCache | nullcontext[None]:
    """The fingerprint cache a scan with ``options`` would use, as a context manager."""
    if not options.use_cache:
        return nullcontext()
    return HashCache(options.cache_path, options.hash)


def update_index(
    roots: Sequence[str],
    out: str,
    options: ScanOptions,
    *,
    progress: ProgressCallback | None = None,
    cancel=None,
) -> IndexUpdate:
    """Write (or bring up to date) the portable index ``out`` of the images under ``roots``.

    ``options.hash`` must match an existing index's setting (``IndexProblem``
    otherwise, and the file is left alone).
    """
    started = time.monotonic()
    roots = [os.path.abspath(r) for r in roots]
    old: Index | None = read_index(out) if os.path.lexists(out) else None
    if old is not None and old.settings != options.hash:
        raise IndexProblem(out, IndexReason.SETTINGS, old.settings.key)
    warnings: list[str] = []
    if old is not None:
        # An index of an older format may lack what the rule needs (pdq: probes and
        # thumbnail): such rows are read again, or dropped when their folder is not
        # named now, rather than kept to be misread.
        # So are rows made by another revision of the method (other probes).
        complete = [e for e in old.entries if old.current and _complete(e.record, options)]
        lost = sum(1 for e in old.entries if not in_folder(e.record.path, roots)) - sum(
            1 for e in complete if not in_folder(e.record.path, roots)
        )
        if lost:
            warnings.append(
                f"{lost} photos under folders not named now were indexed by an older version"
                " and were dropped; name their folders to index them again"
            )
        old.entries = complete
    known = {e.record.path: e for e in old.entries} if old is not None else {}
    with open_cache(options) as cache:
        warnings += cache.warnings if cache is not None else []
        found = collect(
            roots,
            options,
            cache,
            known={p: e.record for p, e in known.items()},
            progress=progress,
            cancel=cancel,
        )
    # The whole-file digest is read only for files new or changed since the last update.
    entries: list[IndexEntry] = []
    stale = [
        r.path
        for r in found.records
        if r.path not in known or not same_file(known[r.path].record, r)
    ]
    _report(progress, "digest", 0, len(stale))
    digests = full_digests(stale, cancel)
    if cancel is not None and cancel.is_set():
        raise Cancelled()
    errors = list(found.errors)
    for r in found.records:
        if r.path in digests:
            digest = digests[r.path]
            if digest is None:
                errors.append(ScanError(r.path, Reason.VANISHED))
                continue
        else:
            digest = known[r.path].full_digest
        entries.append(IndexEntry(r, digest))
    index, added, changed, removed, unchanged = merge(
        old, out, options.hash, roots, entries, lambda p: in_folder(p, roots)
    )
    write_index(index)
    return IndexUpdate(
        index=index,
        added=added,
        changed=changed,
        removed=removed,
        unchanged=unchanged,
        decoded=found.decoded,
        errors=sorted(errors, key=lambda e: e.path),
        warnings=warnings,
        seconds=round(time.monotonic() - started, 3),
    )


def _complete(record: ImageRecord, options: ScanOptions) -> bool:
    # Check bytes of another length were stored by an older version: decode again.
    return not options.hash.checked or bool(record.probes and len(record.thumb) == CHECK_BYTES)


def _relay(progress: ProgressCallback | None, phase: Callable[[str], str]):
    if progress is None:
        return None

    def relay(p: Progress) -> None:
        progress(
            Progress(
                phase(p.phase),
                p.done,
                p.total,
                p.bytes_done,
                p.bytes_total,
                current=p.current,
                rate=p.rate,
                eta=p.eta,
            )
        )

    return relay


def _report(progress: ProgressCallback | None, phase: str, done: int, total: int) -> None:
    if progress is not None:
        progress(Progress(phase, done, total))
