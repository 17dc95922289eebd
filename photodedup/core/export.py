"""Scan results as JSON or CSV, the same for the command line and the app.

Every file carries ``keep`` (whether it stays: the rule's suggestion, or the
user's marks when a front end passes them) and ``keep_reason``, reason codes
from ``keep.KeepReason`` joined by commas. The schema is in the README.

Paths keep undecodable bytes as surrogate escapes: JSON writes them as ``\\udcXX``
escapes (``json.loads`` then ``os.fsencode`` gives the original bytes back), and
CSV writes the original bytes.
"""

from __future__ import annotations

import csv
import json
import os
import re
import stat
from collections.abc import Collection, Sequence
from dataclasses import asdict
from datetime import datetime
from typing import IO, Any

from photodedup import __version__
from photodedup.core import select
from photodedup.core.keep import Choice, resolve
from photodedup.core.models import ScanOptions
from photodedup.core.results import Group, Member, ScanResult
from photodedup.core.select import Rule, Verdict

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
    "keep",
    "keep_reason",
)


def settings_to_dict(options: ScanOptions) -> dict[str, Any]:
    walk, group = options.walk, options.group
    return {
        "roots": list(walk.roots),
        "recursive": walk.recursive,
        "exclude": list(walk.exclude),
        "min_size": walk.min_size,
        "hash": options.hash.algorithm,
        "hash_size": options.hash.hash_size,
        "distance": options.effective_distance,
        "rotations": group.rotations,
        "crops": group.crops,
        "reference": list(group.reference_dirs),
        "ignore_blank": group.ignore_blank,
    }


def group_to_dict(group: Group, verdict: Sequence[Verdict] | None = None) -> dict[str, Any]:
    """One group; ``verdict`` (one per member, from ``select.verdicts``) adds the keep keys."""
    files = [_file_facts(m) for m in group.members]
    if verdict is not None:
        for row, v in zip(files, verdict, strict=True):
            row["keep"] = v.keep
            row["keep_reason"] = ",".join(v.reasons)
    return {"reference": group.members[0].image.path, "files": files}


def _file_facts(m: Member) -> dict[str, Any]:
    img = m.image  # read once: a report of 100,000 files makes tens of thousands of rows
    return {
        "path": img.path,
        "size": img.size,
        "width": img.width,
        "height": img.height,
        "format": img.format,
        "mtime": img.mtime,
        "distance": m.distance,
        "taken": img.taken,
        "camera": img.camera,
        "reference_folder": m.in_reference_folder,
    }


def result_to_dict(
    result: ScanResult,
    options: ScanOptions,
    groups: Sequence[Group] | None = None,
    *,
    marked: Collection[str] | None = None,
    rule: Rule = None,
    prefer: Sequence[str] = (),
    picks: Sequence[Choice] | None = None,
    verdicts: Sequence[Sequence[Verdict]] | None = None,
) -> dict[str, Any]:
    """The documented ``--json`` shape; ``groups`` overrides the result's (after edits),
    ``marked`` the rule's marks (the user's), ``rule`` and ``prefer`` the default keeper;
    ``picks``, that keeper in each group when the caller has chosen it (``select.choices``);
    ``verdicts``, each group's (``select.verdicts``) when the caller has them, so that a
    JSON and a CSV report of one scan work them out once (then ``marked`` and ``picks``
    are not read)."""
    groups = result.groups if groups is None else groups
    if verdicts is None:
        verdicts = select.verdicts(groups, marked, rule, prefer, picks=picks)
    settings = settings_to_dict(options)
    settings["keep"] = _rule_text(rule)
    settings["prefer"] = list(prefer)
    return {
        "version": FORMAT_VERSION,
        "generator": f"photodedup {__version__}",
        "settings": settings,
        "groups": [group_to_dict(g, v) for g, v in zip(groups, verdicts, strict=True)],
        "errors": [{"path": e.path, "reason": e.reason, "detail": e.detail} for e in result.errors],
        "warnings": list(result.warnings),
        "stats": asdict(result.stats),
    }


def write_json(
    result: ScanResult,
    options: ScanOptions,
    fp: IO[str],
    groups: Sequence[Group] | None = None,
    **keep: Any,
) -> None:
    """``result_to_dict`` as indented JSON; ``keep`` takes its ``marked``, ``rule``,
    ``prefer``, ``picks`` and ``verdicts``."""
    report = result_to_dict(result, options, groups, **keep)
    # A key per line and a group (or error) per line: as easy to read and grep as
    # indented JSON, but json's C encoder does the work. With ``indent`` every value
    # goes through its pure-Python one: 2-5 s of a warm 100,000-photo rescan.
    fp.write("{\n")
    for n, (key, value) in enumerate(report.items()):
        fp.write(f"  {json.dumps(key)}: ")
        if isinstance(value, list) and value:
            fp.write("[\n" + ",\n".join("    " + json.dumps(v) for v in value) + "\n  ]")
        else:
            fp.write(json.dumps(value))
        fp.write(",\n" if n < len(report) - 1 else "\n")
    fp.write("}\n")


def write_csv(
    groups: Sequence[Group],
    fp: IO[str],
    *,
    marked: Collection[str] | None = None,
    rule: Rule = None,
    prefer: Sequence[str] = (),
    picks: Sequence[Choice] | None = None,
    verdicts: Sequence[Sequence[Verdict]] | None = None,
) -> None:
    """One row per file. Open ``fp`` with ``newline=""`` and ``errors="surrogateescape"``;
    ``picks`` and ``verdicts`` as for ``result_to_dict``."""
    writer = csv.writer(fp)
    writer.writerow(CSV_FIELDS)
    all_verdicts = verdicts
    if all_verdicts is None:
        all_verdicts = select.verdicts(groups, marked, rule, prefer, picks=picks)
    when = _Dates()
    for number, (group, verdict) in enumerate(zip(groups, all_verdicts, strict=True), 1):
        reference = group.members[0].image.path
        # Rows made straight from the members, in CSV_FIELDS' order (no dict per file).
        writer.writerows(
            [
                number,
                reference,
                (img := m.image).path,
                img.size,
                img.width,
                img.height,
                img.format,
                when.iso(img.mtime),  # a spreadsheet shows it as a date
                m.distance,
                img.taken,
                img.camera,
                m.in_reference_folder,
                v.keep,
                ",".join(v.reasons),
            ]
            for m, v in zip(group.members, verdict, strict=True)
        )


def _iso_time(seconds: float) -> str:
    """Local time with its offset, to the second: ``2024-05-01T12:00:00+02:00``."""
    return datetime.fromtimestamp(seconds).astimezone().isoformat(timespec="seconds")


class _Dates:
    """``_iso_time``, each whole second worked out once: files copied or synced
    together share their seconds, and the time zone lookup is most of a CSV row's cost."""

    def __init__(self) -> None:
        self._seen: dict[int, str] = {}

    def iso(self, seconds: float) -> str:
        whole = int(seconds)
        # Within a second, and far from the microsecond rounding that could carry
        # into the next one, a time prints as its whole second does (zone changes
        # fall on whole seconds).
        if not 0 <= seconds - whole < 0.999:
            return _iso_time(seconds)
        text = self._seen.get(whole)
        if text is None:
            text = self._seen[whole] = _iso_time(whole)
        return text


def _rule_text(rule: Rule) -> str:
    return resolve(rule).text()


_JSON_REPORT = re.compile(rb'\A\s*\{\s*"version"\s*:\s*\d+\s*,')


def is_report(path: str) -> bool:
    """Whether ``path`` holds a photodedup report (JSON or CSV) that may be replaced."""
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError:
        return False
    if _JSON_REPORT.match(head):
        return True
    # Every version's CSV starts with these columns; later ones add more.
    return head.startswith(b"group,reference,path,")


def overwrite_refusal(path: str) -> str | None:
    """Why a report must not be written over ``path``, or None when it may be.

    Nothing there, an empty file, a device or a pipe may be written to; an
    existing file that is not a photodedup report is someone's data.
    """
    try:
        st = os.stat(path)
    except OSError:
        return None
    if stat.S_ISREG(st.st_mode) and st.st_size > 0 and not is_report(path):
        return "exists and is not a photodedup report"
    return None
