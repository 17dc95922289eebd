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
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from photodedup.core.check_match import checked_rows, distance_to, identical_rows, near_rows
from photodedup.core.index import IndexProblem, IndexReason, read_table
from photodedup.core.library import Collected, LibraryOnlyCache, collect, open_cache
from photodedup.core.library_table import LibraryTable
from photodedup.core.models import GroupOptions, HashSettings, ImageRecord, ScanOptions, WalkOptions
from photodedup.core.presets import preset_distance
from photodedup.core.progress import Progress, ProgressCallback
from photodedup.core.results import ScanError

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
    """How to walk, fingerprint and match: the scan's own parts, and how close counts.

    ``walk.roots`` is not used (the queries and the library say where to look);
    ``group.distance`` is the most that counts as in the library (None: the
    default preset), ``similar_distance`` the most that counts as similar (None:
    the loose preset), both for the fingerprint in use, as the scan's presets.
    ``hash`` None is the index's setting, or the scan's default.
    """

    walk: WalkOptions = field(default_factory=WalkOptions)
    hash: HashSettings | None = None
    group: GroupOptions = field(default_factory=GroupOptions)
    similar_distance: int | None = None
    cache_path: str | None = None
    use_cache: bool = True
    workers: int | None = None
    max_matches: int = 5  # matches listed per query; all of them are counted

    def scan_options(self, roots: Sequence[str], hash: HashSettings) -> ScanOptions:
        return ScanOptions(
            walk=replace(self.walk, roots=tuple(roots)),
            hash=hash,
            cache_path=self.cache_path,
            use_cache=self.use_cache,
            workers=self.workers,
        )

    def distances(self, hash: HashSettings) -> tuple[int, int]:
        """(in-library distance, similar distance) in bits for this fingerprint."""
        near = self.group.distance_for(hash.bits, hash.algorithm)
        loose = self.similar_distance
        if loose is None:
            loose = preset_distance(LOOSE_PRESET, hash.bits, hash.algorithm)
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
    index, table = None, None
    if library.index:
        _phase(progress, CheckPhase.INDEX, 0)
        index, table = read_table(library.index)
        if settings.hash is not None and settings.hash != index.settings:
            raise IndexProblem(library.index, IndexReason.SETTINGS, index.settings.key)
        _phase(progress, CheckPhase.INDEX, 1)
    hash_settings = index.settings if index else (settings.hash or HashSettings())
    near, loose = settings.distances(hash_settings)
    report = CheckReport(settings, hash_settings, library, near, loose)
    options = settings.scan_options(queries, hash_settings)
    lib: Collected | None = None
    with open_cache(options) as cache:
        if cache is not None:
            report.warnings += cache.warnings
        if table is None:
            lib = collect(
                [os.path.abspath(f) for f in library.folders],
                options,
                cache,
                phase=lambda p: f"library-{p}",
                progress=progress,
                cancel=cancel,
            )
            report.library_errors = lib.errors
            report.stats.decoded += lib.decoded
            report.stats.cache_hits += lib.cache_hits
            table = LibraryTable.from_records(
                lib.records, hash_settings.bits, hash_settings.checked
            )
        # A card's photos are read through the cache but not written to it: checked
        # once, they would stay there for good. Only library files are remembered.
        roots = [os.path.abspath(r) for r in library.folders or (index.roots if index else ())]
        asked = collect(
            queries,
            options,
            LibraryOnlyCache(cache, roots) if cache is not None else None,
            named_min_size=0,
            known={r.path: r for r in lib.records} if lib is not None else None,
            phase=lambda p: f"query-{p}",
            progress=progress,
            cancel=cancel,
        )
    report.errors = asked.errors
    report.stats.decoded += asked.decoded
    report.stats.cache_hits += asked.cache_hits
    own = _own_rows(asked, lib, table)
    _phase(progress, CheckPhase.MATCH, 0)
    report.results = judge(asked.records, own, table, settings, near, loose, hash_settings, cancel)
    _phase(progress, CheckPhase.MATCH, 1)
    _count(report, len(table))
    report.stats.seconds = round(time.monotonic() - started, 3)
    return report


def _own_rows(asked: Collected, lib: Collected | None, table: LibraryTable) -> list[int | None]:
    """For each query, its own row in the library, if it is one of the library's files.

    Folders: the same file (device and inode) whatever path reached it. An
    index: the same path, as its files may not be there to look at.
    """
    if lib is None:
        return [table.row_of(q.path) for q in asked.records]
    row_of_file = {}
    refs = {r.path: r for r in lib.refs}
    for row, rec in enumerate(lib.records):  # table rows follow lib.records
        ref = refs.get(rec.path)
        if ref is not None:
            row_of_file[(ref.dev, ref.ino)] = row
    query_refs = {r.path: r for r in asked.refs}
    own = []
    for q in asked.records:
        ref = query_refs.get(q.path)
        own.append(row_of_file.get((ref.dev, ref.ino)) if ref is not None else None)
    return own


def judge(
    queries: Sequence[ImageRecord],
    own: Sequence[int | None],
    table: LibraryTable,
    settings: CheckSettings,
    near: int,
    loose: int,
    hash: HashSettings,
    cancel=None,
) -> list[QueryResult]:
    """The verdict on each query record against ``table``, by the scan's rule for ``hash``.

    ``own[i]`` is query ``i``'s own row when it is a library file (never its
    own match), or None.
    """
    bits, rotations = hash.bits, settings.group.rotations
    if hash.checked:
        near_pairs = checked_rows(queries, table, near, loose, rotations, cancel)
    else:
        near_pairs = near_rows(
            queries, table, loose, bits, rotations, settings.group.ignore_blank, cancel
        )
    same = identical_rows(queries, table, own, cancel)
    results = []
    for qi, q in enumerate(queries):
        found = dict(near_pairs.get(qi, {}))
        for row in same.get(qi, ()):
            found.setdefault(row, distance_to(q, table.hashes[row], bits, settings.group.rotations))
        if own[qi] is not None:
            found.pop(own[qi], None)
        results.append(_verdict(q, found, same.get(qi, set()), table, settings, near, own[qi]))
    return results


def _verdict(q, found, same, table: LibraryTable, settings, near, own) -> QueryResult:
    ranked = sorted(found.items(), key=lambda kv: (kv[0] not in same, kv[1], table.paths[kv[0]]))
    close = [(row, d) for row, d in ranked if row in same or d <= near]
    if own is not None or close:
        verdict, shown = Verdict.IN_LIBRARY, close
    elif ranked:
        verdict, shown = Verdict.SIMILAR, ranked
    else:
        verdict, shown = Verdict.NEW, []
    matches = tuple(
        Match(
            path=table.path(row),
            distance=d,
            identical=row in same,
            width=int(table.widths[row]),
            height=int(table.heights[row]),
            size=int(table.sizes[row]),
        )
        for row, d in shown[: settings.max_matches]
    )
    return QueryResult(q.path, verdict, matches, len(shown), own is not None, q)


def _phase(progress: ProgressCallback | None, phase: CheckPhase, done: int) -> None:
    if progress is not None:
        progress(Progress(phase, done, 1))


def _count(report: CheckReport, library_images: int) -> None:
    s = report.stats
    s.queries = len(report.results)
    s.in_library = sum(r.verdict is Verdict.IN_LIBRARY for r in report.results)
    s.similar = sum(r.verdict is Verdict.SIMILAR for r in report.results)
    s.new = sum(r.verdict is Verdict.NEW for r in report.results)
    s.library_images = library_images
    s.library_errors = len(report.library_errors)
