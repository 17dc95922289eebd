"""The human-readable scan report printed when no JSON or CSV file is asked for."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import IO

from photodedup.cli.render import human_bytes, plural, printable, reason_words
from photodedup.core.keep import KeepReason
from photodedup.core.results import ScanResult
from photodedup.core.select import Verdict

# Why a copy is kept, in the words the summary prints after it.
REASON_WORDS = {
    KeepReason.REFERENCE_FOLDER: "in a reference folder",
    KeepReason.RESOLUTION: "highest resolution",
    KeepReason.CAMERA_DATA: "has camera data",
    KeepReason.CAMERA_FORMAT: "camera's own format",
    KeepReason.CAMERA_RAW: "camera's own RAW file",
    KeepReason.LESS_COMPRESSED: "less compressed",
    KeepReason.PREFERRED_FORMAT: "preferred format",
    KeepReason.LARGEST: "largest file",
    KeepReason.SMALLEST: "smallest file",
    KeepReason.EARLIEST_TAKEN: "taken first",
    KeepReason.OLDEST_FILE: "oldest file",
    KeepReason.NEWEST: "newest",
    KeepReason.PREFERRED_FOLDER: "in a preferred folder",
    KeepReason.SHORTER_PATH: "shorter path",
    KeepReason.FIRST_BY_NAME: "first by name",
    KeepReason.USER: "your choice",
    KeepReason.KEPT_IN_ANOTHER_GROUP: "kept in another group",
    KeepReason.RAW_JPEG_PAIR: "the other half of a RAW+JPEG shot",
    KeepReason.CHANGED: "gone or changed since the scan",
}


def print_summary(
    result: ScanResult,
    out: IO[str],
    marked: Collection[str],
    all_verdicts: Sequence[Sequence[Verdict]],
    bits: int = 64,
) -> None:
    """Every group, then what could not be read, then the totals.

    "keep" marks the copy the keep rule keeps, with why; the others show their
    distance to the photo the group was compared with. ``marked`` and
    ``all_verdicts`` are the rule's marks and each group's verdicts
    (``select.marks_of``, ``select.verdicts``), worked out once for every report.
    """
    if result.groups:
        print(
            f"d=N: how many of the {bits} bits of the fingerprint differ from the"
            " photo the group was compared with (0: they look the same); 'keep' marks"
            " the copy the app would keep.\n",
            file=out,
        )
    for number, (group, verdict) in enumerate(zip(result.groups, all_verdicts, strict=True), 1):
        print(f"Group {number}:", file=out)
        for m, v in zip(group.members, verdict, strict=True):
            img = m.image
            tag = "keep" if v.keep else f"d={m.distance}"
            why = ", ".join(REASON_WORDS[r] for r in v.reasons) if v.keep else ""
            ref = "  [reference folder]" if m.in_reference_folder else ""
            print(
                f"  {tag:>6}  {img.width}x{img.height}  {human_bytes(img.size):>9}  "
                f"{printable(img.path)}{ref}{f'  ({why})' if why else ''}",
                file=out,
            )
    if result.errors:
        print(f"\nCould not use {plural(len(result.errors), 'file')}:", file=out)
        for err in result.errors:
            print(f"  {printable(err.path)}: {reason_words(err.reason, err.detail)}", file=out)
    s = result.stats
    dupes = sum(len(g.members) - 1 for g in result.groups)
    freeable = sum(m.image.size for g in result.groups for m in g.members if m.image.path in marked)
    print(
        f"\n{plural(s.images, 'image')} in {plural(s.files_seen, 'file')} ({s.decoded} decoded,"
        f" {s.cache_hits} from cache) in {s.seconds:.1f} s."
        f" {plural(len(result.groups), 'group')},"
        f" {plural(dupes, 'look-alike copy', 'look-alike copies')},"
        f" up to {human_bytes(freeable)} to free.",
        file=out,
    )
    if s.too_small:
        print(
            f"{plural(s.too_small, 'image file')} under the minimum size skipped"
            " (--min-size 0 includes them).",
            file=out,
        )
    if s.near_blank:
        # Dark skies, fog, snow: the hash says too little about them, so say what
        # happened to them rather than leave them out silently.
        how = (
            "left out of grouping (--include-blank lets them in)"
            if result.hash.algorithm != "pdq"
            else "matched only by a stricter rule"
        )
        print(f"{s.near_blank} near-blank image(s) {how}.", file=out)
