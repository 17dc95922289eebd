"""The words the check window shows for the engine's codes (phases, problems, copies)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from photodedup.core.copy_new import CopyReport, DestProblem
from photodedup.core.index import IndexProblem, IndexReason
from photodedup.core.progress import Progress
from photodedup.gui.platform.formatting import display_path, format_bytes, pick

translate = QCoreApplication.translate


def progress_words(p: Progress) -> str:
    phase = str(p.phase)
    counted = f"{p.done:,}/{p.total:,}" if p.total else f"{p.done:,}"
    words = {
        "library-discover": translate("CheckWords", "Looking through the library… %1 files"),
        "library-hash": translate("CheckWords", "Reading the library… %1"),
        "index": translate("CheckWords", "Reading the index…"),
        "query-discover": translate("CheckWords", "Looking for photos to check… %1 files"),
        "query-hash": translate("CheckWords", "Reading the photos to check… %1"),
        "match": translate("CheckWords", "Comparing…"),
        "digest": translate("CheckWords", "Comparing contents…"),
        "copy": translate("CheckWords", "Copying the new photos… %1"),
    }.get(phase, "%1")
    return words.replace("%1", counted)


def index_words(problem: IndexProblem) -> str:
    why = {
        IndexReason.MISSING: translate("CheckWords", "The file does not exist."),
        IndexReason.NOT_AN_INDEX: translate("CheckWords", "This is not a photodedup index."),
        IndexReason.CORRUPT: translate(
            "CheckWords",
            "The index is damaged. Make it again with “photodedup-cli index”. It was not changed.",
        ),
        IndexReason.NEWER: translate("CheckWords", "It was made by a newer version of photodedup."),
        IndexReason.OLDER: translate(
            "CheckWords",
            "It was made by an older version of photodedup. Bring it up to date with"
            " “photodedup-cli index” on its folders; it was not changed.",
        ),
        IndexReason.UNREADABLE: translate("CheckWords", "It cannot be read."),
        IndexReason.UNWRITABLE: translate("CheckWords", "It cannot be written."),
        IndexReason.SETTINGS: translate(
            "CheckWords", "It holds other fingerprints than the ones asked for."
        ),
    }.get(problem.reason, str(problem.reason))
    return f"{display_path(problem.path)}\n\n{why}"


def dest_words(problem: DestProblem, dest: str) -> str:
    why = {
        DestProblem.NOT_A_FOLDER: translate("CheckWords", "It is not a folder."),
        DestProblem.NO_PARENT: translate("CheckWords", "Its folder does not exist."),
        DestProblem.UNWRITABLE: translate("CheckWords", "You cannot write there."),
        DestProblem.INSIDE_QUERY: translate(
            "CheckWords", "It is inside a folder being checked; choose a folder outside it."
        ),
    }[problem]
    return f"{display_path(dest)}\n\n{why}"


def copy_summary(report: CopyReport, dest: str) -> str:
    fresh = [c for c in report.copied if not c.already_there]
    there = len(report.copied) - len(fresh)
    lines = [
        pick(
            len(fresh),
            translate("CheckWords", "Copied %1 new photo (%2) to %3."),
            translate("CheckWords", "Copied %1 new photos (%2) to %3."),
        )
        .replace("%1", str(len(fresh)))
        .replace("%2", format_bytes(report.bytes_copied))
        .replace("%3", display_path(dest))
    ]
    if there:
        lines.append(
            pick(
                there,
                translate("CheckWords", "%1 was there already, with the same content."),
                translate("CheckWords", "%1 were there already, with the same content."),
            ).replace("%1", str(there))
        )
    if report.failed:
        lines.append(
            pick(
                len(report.failed),
                translate("CheckWords", "%1 photo was not copied:"),
                translate("CheckWords", "%1 photos were not copied:"),
            ).replace("%1", str(len(report.failed)))
        )
        reasons = {
            "exists": translate(
                "CheckWords", "another file already has its name (not overwritten)"
            ),
            "mismatch": translate(
                "CheckWords", "the copy did not match the original and was removed"
            ),
            "read": translate("CheckWords", "the original could not be read"),
            "write": translate("CheckWords", "the copy could not be written"),
        }
        for f in report.failed[:10]:
            lines.append(f"• {display_path(f.source)}: {reasons.get(str(f.reason), str(f.reason))}")
        if len(report.failed) > 10:
            lines.append("…")
    lines.append(
        translate("CheckWords", "Every copy was checked against its original and keeps its date.")
    )
    return "\n".join(lines)
