"""The human-readable scan report printed when no JSON or CSV file is asked for."""

from __future__ import annotations

from typing import IO

from photodedup.cli.render import human_bytes, printable
from photodedup.core.models import ScanResult
from photodedup.core.select import premark


def print_summary(result: ScanResult, out: IO[str]) -> None:
    """Every group, then what could not be read, then the totals.

    "keep" marks the copy the app would keep by default; the others show their
    distance to the group's reference.
    """
    marked = premark(result.groups)
    for number, group in enumerate(result.groups, 1):
        print(f"Group {number}:", file=out)
        for m in group.members:
            img = m.image
            tag = f"d={m.distance}" if img.path in marked else "keep"
            ref = "  [reference folder]" if m.in_reference_folder else ""
            print(
                f"  {tag:>6}  {img.width}x{img.height}  {human_bytes(img.size):>9}  "
                f"{printable(img.path)}{ref}",
                file=out,
            )
    if result.errors:
        print(f"\nCould not use {len(result.errors)} file(s):", file=out)
        for err in result.errors:
            print(f"  {printable(err.path)}: {err.error}", file=out)
    s = result.stats
    dupes = sum(len(g.members) - 1 for g in result.groups)
    freeable = sum(m.image.size for g in result.groups for m in g.members if m.image.path in marked)
    print(
        f"\n{s.images} images in {s.files_seen} files ({s.decoded} decoded, "
        f"{s.cache_hits} from cache) in {s.seconds:.1f} s. {len(result.groups)} groups, "
        f"{dupes} look-alike copies, up to {human_bytes(freeable)} to free.",
        file=out,
    )
