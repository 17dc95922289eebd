"""A check's verdicts as JSON or CSV, the same for the command line and the app.

Paths keep undecodable bytes as surrogate escapes, as in ``export``.
"""

from __future__ import annotations

import csv
import json
from typing import IO, Any

from photodedup import __version__
from photodedup.core.check import CheckReport, QueryResult
from photodedup.core.copy_new import CopyReport
from photodedup.core.results import ScanError

FORMAT_VERSION = 1
CSV_FIELDS = (
    "path",
    "verdict",
    "inside_library",
    "width",
    "height",
    "size",
    "match",
    "distance",
    "identical",
    "match_width",
    "match_height",
    "match_size",
    "matches",
)


def settings_to_dict(report: CheckReport) -> dict[str, Any]:
    s = report.settings
    return {
        "library": list(report.library.folders),
        "index": report.library.index,
        "hash": report.hash.algorithm,
        "hash_size": report.hash.hash_size,
        "distance": report.distance,
        "similar_distance": report.similar_distance,
        "rotations": s.group.rotations,
        "ignore_blank": s.group.ignore_blank,
        "recursive": s.walk.recursive,
        "exclude": list(s.walk.exclude),
        "min_size": s.walk.min_size,
    }


def result_to_dict(r: QueryResult) -> dict[str, Any]:
    out: dict[str, Any] = {
        "path": r.path,
        "verdict": str(r.verdict),
        "matches": [
            {
                "path": m.path,
                "distance": m.distance,
                "identical": m.identical,
                "width": m.width,
                "height": m.height,
                "size": m.size,
            }
            for m in r.matches
        ],
        "match_count": r.match_count,
        "inside_library": r.inside_library,
        "larger_than_library": r.larger_than_library,
    }
    if r.record is not None:
        out.update(size=r.record.size, width=r.record.width, height=r.record.height)
    return out


def report_to_dict(report: CheckReport, copied: CopyReport | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "version": FORMAT_VERSION,
        "app": f"photodedup {__version__}",
        "settings": settings_to_dict(report),
        "results": [result_to_dict(r) for r in report.results],
        "errors": [_error(e) for e in report.errors],
        "library_errors": [_error(e) for e in report.library_errors],
        "warnings": list(report.warnings),
        "stats": vars(report.stats).copy(),
    }
    if copied is not None:
        out["copied"] = [
            {"path": c.source, "to": c.dest, "size": c.size, "already_there": c.already_there}
            for c in copied.copied
        ]
        out["not_copied"] = [
            {"path": f.source, "to": f.dest, "reason": str(f.reason), "detail": f.detail}
            for f in copied.failed
        ]
    return out


def write_json(report: CheckReport, fp: IO[str], copied: CopyReport | None = None) -> None:
    json.dump(report_to_dict(report, copied), fp, indent=2, ensure_ascii=True)
    fp.write("\n")


def write_csv(report: CheckReport, fp: IO[str]) -> None:
    """One row per query file: its verdict and its best match."""
    writer = csv.DictWriter(fp, fieldnames=CSV_FIELDS)
    writer.writeheader()
    for r in report.results:
        best = r.best
        rec = r.record
        writer.writerow(
            {
                "path": r.path,
                "verdict": str(r.verdict),
                "inside_library": int(r.inside_library),
                "width": rec.width if rec else "",
                "height": rec.height if rec else "",
                "size": rec.size if rec else "",
                "match": best.path if best else "",
                "distance": best.distance if best else "",
                "identical": int(best.identical) if best else "",
                "match_width": best.width if best else "",
                "match_height": best.height if best else "",
                "match_size": best.size if best else "",
                "matches": r.match_count,
            }
        )


def _error(e: ScanError) -> dict[str, str]:
    return {"path": e.path, "reason": e.reason, "detail": e.detail}
