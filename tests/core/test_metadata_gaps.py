"""A group never loses its only date taken, location or camera model without being told."""

from __future__ import annotations

from pathlib import Path

from imagegen import photo, save

from photodedup.core.metadata_gaps import Fact, metadata_gaps, swap_marks
from photodedup.core.models import GroupOptions, ScanOptions, WalkOptions
from photodedup.core.scan import scan
from photodedup.core.select import premark


def test_a_kept_upscale_without_exif_is_flagged_and_the_swap_keeps_the_original(
    tmp_path: Path,
) -> None:
    pic = photo(51, (320, 240))
    save(pic, tmp_path / "Camera" / "IMG_1.jpg", taken="2020:08:01 18:00:00", camera="Pixel 4",
         gps=(46.5, 7.9))  # fmt: skip
    save(pic.resize((640, 480)), tmp_path / "Edits" / "IMG_1-upscaled.png")
    save(photo(52, (320, 240)), tmp_path / "Camera" / "IMG_2.jpg", taken="2020:08:02 10:00:00")
    save(photo(52, (320, 240)), tmp_path / "Edits" / "IMG_2.png")
    options = ScanOptions(
        WalkOptions((str(tmp_path),), min_size=0), group=GroupOptions(), workers=1
    )
    result = scan(options)
    groups = sorted(result.groups, key=lambda g: g.paths)
    assert len(groups) == 2
    marked = premark(groups)
    # The upscale wins on resolution and has none of the original's facts.
    assert str(tmp_path / "Camera" / "IMG_1.jpg") in marked
    gaps = metadata_gaps(groups, marked)
    assert len(gaps) == 1  # IMG_2: the camera JPEG is kept (same size, camera data)
    gap = gaps[0]
    assert gap.missing == (Fact.TAKEN, Fact.GPS, Fact.CAMERA)
    assert gap.donor == str(tmp_path / "Camera" / "IMG_1.jpg")
    assert gap.kept == str(tmp_path / "Edits" / "IMG_1-upscaled.png")
    swapped = swap_marks(groups, marked, gap)
    assert gap.donor not in swapped and gap.kept in swapped
    assert metadata_gaps(groups, swapped) == []


def test_a_reference_copy_is_never_marked_by_the_swap(tmp_path: Path) -> None:
    pic = photo(53, (320, 240))
    save(pic.resize((640, 480)), tmp_path / "ref" / "big.png")
    save(pic, tmp_path / "inbox" / "orig.jpg", taken="2020:08:01 18:00:00")
    options = ScanOptions(
        WalkOptions((str(tmp_path),), min_size=0),
        group=GroupOptions(reference_dirs=(str(tmp_path / "ref"),)),
        workers=1,
    )
    groups = scan(options).groups
    marked = premark(groups)
    (gap,) = metadata_gaps(groups, marked)
    assert gap.missing == (Fact.TAKEN,)
    assert swap_marks(groups, marked, gap) == set()
