"""Camera RAW files: DNGs written by the tests, read back through LibRaw."""

from __future__ import annotations

from pathlib import Path

import pytest

# Both come with the project's test dependencies; a work tree set up before they
# were added skips here until "packaging/bootstrap.sh setup" runs again.
pytest.importorskip("rawpy")
pytest.importorskip("tifffile")

from imagegen import photo, resized, save
from rawgen import write_dng

from photodedup.core.decode import DecodeError, decode
from photodedup.core.discover import discover
from photodedup.core.fingerprint import hash_image
from photodedup.core.formats import sniff_raw
from photodedup.core.models import HashSettings, WalkOptions
from photodedup.core.raw import sniff_raw_file
from photodedup.core.scan import ScanOptions, scan
from photodedup.core.select import premark

TAKEN = "2021:06:01 12:00:00"


def options(root: Path) -> ScanOptions:
    return ScanOptions(WalkOptions((str(root),), min_size=0), use_cache=False, workers=1)


@pytest.mark.parametrize("preview", ["jpeg", "rgb", None])
def test_dng_is_recognised_by_content_and_read_with_its_facts(
    tmp_path: Path, preview: str | None
) -> None:
    img = photo(31, (640, 480))
    path = write_dng(tmp_path / "shot.tif", img, preview=preview, camera="Test Camera X1")

    assert sniff_raw_file(path) == "DNG"
    decoded = decode(path, min_side=64)

    assert (decoded.format, decoded.width, decoded.height) == ("DNG", 640, 480)
    assert decoded.taken == "2021-06-01T12:00:00"
    assert decoded.camera == "Test Camera X1"
    reference = decode(str(save(img, tmp_path / "same.png")), min_side=64)
    settings = HashSettings("dhash")
    ours, _ = hash_image(decoded.image.convert("L"), settings)
    theirs, _ = hash_image(reference.image.convert("L"), settings)
    assert (ours ^ theirs).bit_count() <= 6


def test_raw_magic_numbers_and_plain_tiffs() -> None:
    nothing = lambda offset, length: b""  # noqa: E731
    assert sniff_raw(b"FUJIFILMCCD-RAW 0201FF383501", nothing) == "RAF"
    assert sniff_raw(b"\x00\x00\x00\x18ftypcrx \x00\x00\x00\x01", nothing) == "CR3"
    assert sniff_raw(b"IIRO\x08\x00\x00\x00", nothing) == "ORF"
    assert sniff_raw(b"IIU\x00\x18\x00\x00\x00", nothing) == "RW2"
    assert sniff_raw(b"II*\x00\x10\x00\x00\x00CR\x02\x00", nothing) == "CR2"
    assert sniff_raw(b"\xff\xd8\xff\xe0", nothing) is None
    assert sniff_raw(b"II*\x00\x08\x00\x00\x00", nothing) is None  # an IFD we cannot read


def test_discovery_trusts_content_not_names(tmp_path: Path) -> None:
    write_dng(tmp_path / "raw-named.tif", photo(32, (320, 240)))
    save(photo(33, (320, 240)), tmp_path / "tiff-named.dng", "TIFF")
    found = discover([str(tmp_path)], min_size=0)
    assert {Path(f.path).name: f.format for f in found.files} == {
        "raw-named.tif": "DNG",
        "tiff-named.dng": "TIFF",
    }


def test_truncated_dng_is_a_clear_error(tmp_path: Path) -> None:
    path = write_dng(tmp_path / "cut.dng", photo(34, (640, 480)), preview=None)
    data = Path(path).read_bytes()
    Path(path).write_bytes(data[: len(data) // 3])
    with pytest.raises(DecodeError, match="DNG"):
        decode(path)


@pytest.mark.parametrize("preview", ["jpeg", None])
def test_raw_and_its_resized_export_group_together(tmp_path: Path, preview: str | None) -> None:
    img = photo(35, (800, 600))
    raw = write_dng(tmp_path / "raw" / "IMG_0001.dng", img, preview=preview)
    export = save(resized(img, 0.5), tmp_path / "exports" / "holiday.jpg", quality=85)
    save(photo(36, (800, 600)), tmp_path / "exports" / "other.jpg")

    result = scan(options(tmp_path))

    assert not result.errors
    [group] = result.groups
    assert sorted(group.paths) == sorted([raw, str(export)])
    assert all(m.pair == "" for m in group.members)
    assert premark(result.groups) == {str(export)}  # the RAW is the original


def test_a_camera_raw_jpeg_pair_is_not_proposed_as_duplicates(tmp_path: Path) -> None:
    img = photo(37, (800, 600))
    card = tmp_path / "DCIM"
    raw = write_dng(card / "IMG_0002.DNG", img, taken=TAKEN)
    jpeg = str(save(img, card / "IMG_0002.JPG", quality=92, taken=TAKEN))

    alone = scan(options(tmp_path))
    assert alone.groups == []  # one photo in two forms is not a duplicate

    export = str(save(resized(img, 0.4), tmp_path / "web" / "IMG_0002-small.jpg"))
    with_copy = scan(options(tmp_path))

    [group] = with_copy.groups
    assert sorted(group.paths) == sorted([raw, jpeg, export])
    pairs = {m.image.path: m.pair for m in group.members}
    assert pairs == {raw: jpeg, jpeg: raw, export: ""}
    assert abs(group.paths.index(raw) - group.paths.index(jpeg)) == 1  # shown side by side
    assert premark(with_copy.groups) == {export}
    assert group.without({export}) is None  # once the copy is gone, no group is left


def test_same_name_without_the_same_capture_time_is_no_pair(tmp_path: Path) -> None:
    img = photo(38, (800, 600))
    raw = write_dng(tmp_path / "IMG_0003.dng", img, taken=TAKEN)
    jpeg = str(save(img, tmp_path / "IMG_0003.jpg", taken="2022:01:01 10:00:00"))

    [group] = scan(options(tmp_path)).groups

    assert sorted(group.paths) == sorted([raw, jpeg])
    assert all(m.pair == "" for m in group.members)
