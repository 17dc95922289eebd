"""Scan results as JSON or CSV, the same for the command line and the app.

Paths keep undecodable bytes as surrogate escapes: JSON writes them as ``\\udcXX``
escapes (``json.loads`` then ``os.fsencode`` gives the original bytes back), and
CSV writes the original bytes.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import IO, TYPE_CHECKING, Any

from photodedup import __version__
from photodedup.core.models import Group, ScanResult

if TYPE_CHECKING:
    from photodedup.core.scan import ScanOptions

FORMAT_VERSION = 1
CSV_FIELDS = (
    "group",
    "reference",
    "path",
    "size",
    "width",
    "height",
    "format",
    "mtime",
    "distance",
    "taken",
    "camera",
    "reference_folder",
)


def settings_to_dict(options: ScanOptions) -> dict[str, Any]:
    return {
        "roots": list(options.roots),
        "recursive": options.recursive,
        "exclude": list(options.exclude),
        "min_size": options.min_size,
        "hash": options.hash.algorithm,
        "hash_size": options.hash.hash_size,
        "distance": options.effective_distance,
        "rotations": options.rotations,
        "reference": list(options.reference_dirs),
        "ignore_blank": options.ignore_blank,
    }


def group_to_dict(group: Group) -> dict[str, Any]:
    return {
        "reference": group.reference.path,
        "files": [
            {
                "path": m.image.path,
                "size": m.image.size,
                "width": m.image.width,
                "height": m.image.height,
                "format": m.image.format,
                "mtime": m.image.mtime,
                "distance": m.distance,
                "taken": m.image.taken,
                "camera": m.image.camera,
                "reference_folder": m.in_reference_folder,
            }
            for m in group.members
        ],
    }


def result_to_dict(
    result: ScanResult, options: ScanOptions, groups: Sequence[Group] | None = None
) -> dict[str, Any]:
    """The documented ``--json`` shape; ``groups`` overrides the result's (after edits)."""
    return {
        "version": FORMAT_VERSION,
        "generator": f"photodedup {__version__}",
        "settings": settings_to_dict(options),
        "groups": [group_to_dict(g) for g in (result.groups if groups is None else groups)],
        "errors": [{"path": e.path, "error": e.error} for e in result.errors],
        "warnings": list(result.warnings),
        "stats": asdict(result.stats),
    }


def write_json(
    result: ScanResult,
    options: ScanOptions,
    fp: IO[str],
    groups: Sequence[Group] | None = None,
) -> None:
    json.dump(result_to_dict(result, options, groups), fp, indent=2)
    fp.write("\n")


def write_csv(groups: Sequence[Group], fp: IO[str]) -> None:
    """One row per file. Open ``fp`` with ``newline=""`` and ``errors="surrogateescape"``."""
    writer = csv.writer(fp)
    writer.writerow(CSV_FIELDS)
    for number, group in enumerate(groups, 1):
        for row in group_to_dict(group)["files"]:
            writer.writerow([number, group.reference.path, *(row[k] for k in CSV_FIELDS[2:])])
