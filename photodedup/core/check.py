"""Is this photo already in my library? New photos checked against a library.

Each query file gets one verdict:

* ``in-library``: a byte-identical copy exists, or one within the matching
  distance (the default preset unless told otherwise), so it looks the same;
* ``similar``: nothing that close, but something within the loose preset;
  worth a look before importing;
* ``new``: nothing like it.

The library is either folders (walked and fingerprinted through the cache, so
unchanged files are never decoded again) or a portable index file, which
answers alone, with the library's folders absent. The fingerprints, presets,
blank rule and Hamming search are the scan's own, so a check agrees with what
a scan of library plus queries would group.

A query that lies inside the library is one of its files: it is reported as
such (``inside_library``), in the library, and never as its own match.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np

from photodedup.core import hamming_index
from photodedup.core.group import DEFAULT_PRESET, is_blank, preset_distance
from photodedup.core.index import IndexProblem, IndexReason, full_digests, read_index
from photodedup.core.library import Collected, collect, open_cache
from photodedup.core.models import (
    DEFAULT_MIN_SIZE,
    Cancelled,
    HashSettings,
    ImageRecord,
    Progress,
    ProgressCallback,
    ScanError,
)
from photodedup.core.scan import ScanOptions

LOOSE_PRESET = "loose"


class Verdict(StrEnum):
    IN_LIBRARY = "in-library"
    SIMILAR = "similar"
    NEW = "new"


class CheckPhase(StrEnum):
    """Progress phases of a check, in the order they come."""

    LIBRARY_DISCOVER = "library-discover"
    LIBRARY_HASH = "library-hash"
    INDEX = "index"  # reading an index file
    QUERY_DISCOVER = "query-discover"
    QUERY_HASH = "query-hash"
    MATCH = "match"


@dataclass(frozen=True)
class Library:
    """What to check against: folders, or one index file."""

    folders: tuple[str, ...] = ()
    index: str | None = None

    def __post_init__(self) -> None:
        if bool(self.folders) == bool(self.index):
            raise ValueError("a library is either folders or an index file")


@dataclass(frozen=True)
class CheckSettings:
    """How to fingerprint and how close counts; ``None`` distances follow the presets."""

    hash: HashSettings | None = None  # None: the index's setting, or the default
    distance: int | None = None  # in the library at most this far; None: default preset
    similar_distance: int | None = None  # "similar" up to this; None: the loose preset
    rotations: bool = False
    ignore_blank: bool = True
    recursive: bool = True
    exclude: tuple[str, ...] = ()
    min_size: int = DEFAULT_MIN_SIZE
    follow_symlinks: bool = False
    cache_path: str | None = None
    use_cache: bool = True
    workers: int | None = None
    max_matches: int = 5  # matches listed per query; all of them are counted

    def scan_options(self, roots: Sequence[str], hash: HashSettings) -> ScanOptions:
        return ScanOptions(
            roots=tuple(roots),
            recursive=self.recursive,
            exclude=self.exclude,
            min_size=self.min_size,
            follow_symlinks=self.follow_symlinks,
            hash=hash,
            cache_path=self.cache_path,
            use_cache=self.use_cache,
            workers=self.workers,
        )

    def distances(self, bits: int) -> tuple[int, int]:
        """(in-library distance, similar distance) in bits for hashes of ``bits`` bits."""
        near = self.distance if self.distance is not None else preset_distance(DEFAULT_PRESET, bits)
        loose = self.similar_distance
        if loose is None:
            loose = preset_distance(LOOSE_PRESET, bits)
        return near, max(near, loose)


@dataclass(frozen=True)
class Match:
    """A library image that looks like the query."""

    path: str
    distance: int
    identical: bool  # byte for byte the same file
    width: int = 0
    height: int = 0
    size: int = 0


@dataclass(frozen=True)
class QueryResult:
    """The verdict on one query file."""

    path: str
    verdict: Verdict
    matches: tuple[Match, ...] = ()  # best first: identical, then nearest
    match_count: int = 0  # all matches, when more than ``max_matches`` were found
    inside_library: bool = False
    record: ImageRecord | None = None

    @property
    def best(self) -> Match | None:
        return self.matches[0] if self.matches else None

    @property
    def larger_than_library(self) -> bool:
        """In the library only as smaller copies: the query has more pixels than each."""
        if self.verdict is not Verdict.IN_LIBRARY or self.record is None or not self.matches:
            return False
        if any(m.identical for m in self.matches):
            return False
        return all(m.width * m.height < self.record.pixels for m in self.matches)


@dataclass
class CheckStats:
    queries: int = 0
    in_library: int = 0
    similar: int = 0
    new: int = 0
    library_images: int = 0
    library_errors: int = 0
    decoded: int = 0
    cache_hits: int = 0
    seconds: float = 0.0


@dataclass
class CheckReport:
    settings: CheckSettings
    hash: HashSettings
    library: Library
    distance: int
    similar_distance: int
    results: list[QueryResult] = field(default_factory=list)
    errors: list[ScanError] = field(default_factory=list)  # query files that could not be read
    library_errors: list[ScanError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    stats: CheckStats = field(default_factory=CheckStats)


@dataclass
class _LibrarySide:
    records: list[ImageRecord]
    full: dict[int, str]  # known whole-file digests, by record number (index only)
    self_of: dict[tuple[int, int] | str, int]  # a query's own record, by file id or path


def check(
    queries: Sequence[str],
    library: Library,
    settings: CheckSettings = CheckSettings(),
    *,
    progress: ProgressCallback | None = None,
    cancel=None,
) -> CheckReport:
    """Give each image file under ``queries`` (files or folders) its verdict.

    Raises ``IndexProblem`` for an index file that cannot be used and
    ``Cancelled`` when ``cancel`` is set. Unreadable queries are ``errors``.
    """
    started = time.monotonic()
    queries = [os.path.abspath(q) for q in queries]
    index = read_index(library.index) if library.index else None
    if index is not None and settings.hash is not None and settings.hash != index.settings:
        raise IndexProblem(library.index or "", IndexReason.SETTINGS, index.settings.key)
    hash_settings = index.settings if index else (settings.hash or HashSettings())
    near, loose = settings.distances(hash_settings.bits)
    report = CheckReport(settings, hash_settings, library, near, loose)
    options = settings.scan_options(queries, hash_settings)
    with open_cache(options) as cache:
        if cache is not None:
            report.warnings += cache.warnings
        if index is not None:
            side = _LibrarySide(
                [e.record for e in index.entries],
                {i: e.full_digest for i, e in enumerate(index.entries)},
                {e.record.path: i for i, e in enumerate(index.entries)},
            )
        else:
            found = collect(
                [os.path.abspath(f) for f in library.folders],
                options,
                cache,
                phase=lambda p: f"library-{p}",
                progress=progress,
                cancel=cancel,
            )
            report.library_errors = found.errors
            report.stats.decoded += found.decoded
            report.stats.cache_hits += found.cache_hits
            side = _folder_side(found)
        asked = collect(
            queries,
            options,
            cache,
            named_min_size=0,
            known={r.path: r for r in side.records} if index is None else None,
            phase=lambda p: f"query-{p}",
            progress=progress,
            cancel=cancel,
        )
    report.errors = asked.errors
    report.stats.decoded += asked.decoded
    report.stats.cache_hits += asked.cache_hits
    report.results = _judge(
        asked, side, settings, near, loose, hash_settings.bits, progress, cancel
    )
    _count(report, side)
    report.stats.seconds = round(time.monotonic() - started, 3)
    return report


def _folder_side(found: Collected) -> _LibrarySide:
    refs = {r.path: r for r in found.refs}
    self_of: dict[tuple[int, int] | str, int] = {}
    for i, rec in enumerate(found.records):
        ref = refs.get(rec.path)
        if ref is not None:
            self_of[(ref.dev, ref.ino)] = i
    return _LibrarySide(found.records, {}, self_of)


def _judge(
    asked: Collected,
    side: _LibrarySide,
    settings: CheckSettings,
    near: int,
    loose: int,
    bits: int,
    progress: ProgressCallback | None,
    cancel,
) -> list[QueryResult]:
    if progress is not None:
        progress(Progress(CheckPhase.MATCH, 0, 1))
    refs = {r.path: r for r in asked.refs}
    own: list[int | None] = []
    for q in asked.records:
        # Folders: the same file (device and inode) whatever path reached it. An
        # index: the same path, as its files may not be there to look at.
        ref = refs.get(q.path)
        key = (ref.dev, ref.ino) if ref is not None else None
        own.append(side.self_of.get(key) if key in side.self_of else side.self_of.get(q.path))
    near_pairs = _hash_matches(asked.records, side.records, settings, loose, bits, cancel)
    same = _identical(asked.records, side, own, cancel)
    results = []
    for qi, q in enumerate(asked.records):
        found = dict(near_pairs.get(qi, {}))
        for li in same.get(qi, ()):
            found.setdefault(li, _distance(q, side.records[li], settings.rotations))
        if own[qi] is not None:
            found.pop(own[qi], None)
        inside = own[qi] is not None
        results.append(_verdict(q, found, same.get(qi, set()), side, settings, near, inside))
    if progress is not None:
        progress(Progress(CheckPhase.MATCH, 1, 1))
    return results


def _verdict(q, found, same, side, settings, near, inside) -> QueryResult:
    ranked = sorted(
        found.items(), key=lambda kv: (kv[0] not in same, kv[1], side.records[kv[0]].path)
    )
    close = [(li, d) for li, d in ranked if li in same or d <= near]
    if inside or close:
        verdict, shown = Verdict.IN_LIBRARY, close
    elif ranked:
        verdict, shown = Verdict.SIMILAR, ranked
    else:
        verdict, shown = Verdict.NEW, []
    matches = tuple(
        Match(
            path=side.records[li].path,
            distance=d,
            identical=li in same,
            width=side.records[li].width,
            height=side.records[li].height,
            size=side.records[li].size,
        )
        for li, d in shown[: settings.max_matches]
    )
    return QueryResult(q.path, verdict, matches, len(shown), inside, q)


def _distance(q: ImageRecord, lib: ImageRecord, rotations: bool) -> int:
    values = (q.hash, *q.variants) if rotations else (q.hash,)
    return min((v ^ lib.hash).bit_count() for v in values)


def _hash_matches(queries, library, settings, loose, bits, cancel) -> dict[int, dict[int, int]]:
    """Query number -> {library record number: least distance} within ``loose``."""
    keep_lib = [
        i for i, r in enumerate(library) if not (settings.ignore_blank and is_blank(r.hash, bits))
    ]
    owner, values = [], []
    for qi, q in enumerate(queries):
        if settings.ignore_blank and is_blank(q.hash, bits):
            continue  # a flat picture matches only its byte-identical twins
        candidates = {q.hash, *q.variants} if settings.rotations else {q.hash}
        if settings.ignore_blank:
            candidates = {v for v in candidates if not is_blank(v, bits)} | {q.hash}
        for v in sorted(candidates):
            owner.append(qi)
            values.append(v)
    out: dict[int, dict[int, int]] = defaultdict(dict)
    if not values or not keep_lib:
        return out
    q = hamming_index.pack(values, bits)
    x = hamming_index.pack([library[i].hash for i in keep_lib], bits)

    def tick(_units: int) -> None:
        if cancel is not None and cancel.is_set():
            raise Cancelled()

    pairs = hamming_index.cross_pairs(q, x, loose, tick)
    lib_ids = np.asarray(keep_lib, dtype=np.int64)[pairs.b]
    owners = np.asarray(owner, dtype=np.int64)[pairs.a]
    for qi, li, d in zip(owners.tolist(), lib_ids.tolist(), pairs.dist.tolist(), strict=True):
        best = out[qi].get(li)
        if best is None or d < best:
            out[qi][li] = d
    return out


def _identical(
    queries: Sequence[ImageRecord], side: _LibrarySide, own: list[int | None], cancel
) -> dict[int, set[int]]:
    """Query number -> library record numbers with the very same bytes.

    Size and quick digest pick the candidates; the whole-file digest decides.
    """
    by_key: dict[tuple[int, str], list[int]] = defaultdict(list)
    for li, r in enumerate(side.records):
        by_key[(r.size, r.digest)].append(li)
    candidates: dict[int, list[int]] = {}
    for qi, q in enumerate(queries):
        hits = [li for li in by_key.get((q.size, q.digest), ()) if li != own[qi]]
        if hits:
            candidates[qi] = hits
    if not candidates:
        return {}
    to_read = {queries[qi].path for qi in candidates}
    to_read |= {
        side.records[li].path for hits in candidates.values() for li in hits if li not in side.full
    }
    digests = full_digests(sorted(to_read), cancel)
    if cancel is not None and cancel.is_set():
        raise Cancelled()
    out: dict[int, set[int]] = {}
    for qi, hits in candidates.items():
        mine = digests.get(queries[qi].path)
        if mine is None:
            continue
        same = {li for li in hits if side.full.get(li, digests.get(side.records[li].path)) == mine}
        if same:
            out[qi] = same
    return out


def _count(report: CheckReport, side: _LibrarySide) -> None:
    s = report.stats
    s.queries = len(report.results)
    s.in_library = sum(r.verdict is Verdict.IN_LIBRARY for r in report.results)
    s.similar = sum(r.verdict is Verdict.SIMILAR for r in report.results)
    s.new = sum(r.verdict is Verdict.NEW for r in report.results)
    s.library_images = len(side.records)
    s.library_errors = len(report.library_errors)
