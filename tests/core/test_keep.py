"""Keep rules over real files: each criterion, ties, the presets, and the reasons given."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from imagegen import photo, resized, save, scanned
from PIL import ImageDraw
from rawgen import write_dng

from photodedup.core.decode import decode
from photodedup.core.keep import (
    BEST,
    PRESETS,
    Candidate,
    Criterion,
    KeepReason,
    KeepRule,
    choose,
    parse_formats,
)

DAY_NS = 86_400 * 10**9
TAKEN = "2021:06:01 12:00:00"


def age(path: Path, days: float) -> None:
    st = os.stat(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - int(days * DAY_NS)))


def cand(path: Path, *, reference: bool = False) -> Candidate:
    """The file as a scan describes it, its EXIF facts read by the real decoder."""
    facts = decode(str(path))
    record = scanned(path, taken=facts.taken, camera=facts.camera)
    return Candidate(replace(record, format=facts.format), reference)


def kept_name(cands: list[Candidate], rule: KeepRule | str | None = None, **kw) -> str:
    return Path(cands[choose(cands, rule, **kw).index].image.path).name


def in_both_orders(cands: list[Candidate], rule: KeepRule | str | None = None, **kw) -> str:
    first = kept_name(cands, rule, **kw)
    assert kept_name(cands[::-1], rule, **kw) == first
    return first


@pytest.fixture
def camera_jpeg_and_conversions(tmp_path: Path) -> list[Candidate]:
    """The opening library: a camera JPEG and the larger lossless and WebP copies made of it."""
    pic = photo(1, (640, 480))
    original = save(pic, tmp_path / "Camera Roll" / "IMG_0001.jpg", quality=85, taken=TAKEN,
                    camera="Pixel 7")  # fmt: skip
    save(pic, tmp_path / "Converted" / "IMG_0001.png")
    save(pic, tmp_path / "Converted" / "IMG_0001.webp", quality=100)
    age(original, 30)  # the conversions are newer, as they would be
    cands = [cand(p) for p in sorted(tmp_path.rglob("IMG_0001.*"))]
    assert max(c.image.size for c in cands) > next(
        c.image.size for c in cands if c.image.format == "JPEG"
    )
    return cands


def test_best_keeps_the_camera_jpeg_over_larger_conversions(camera_jpeg_and_conversions):
    cands = camera_jpeg_and_conversions
    assert in_both_orders(cands) == "IMG_0001.jpg"
    choice = choose(cands)
    assert choice.reasons == (KeepReason.CAMERA_DATA,)
    assert [r for r in choice.ruled_out_by if r] == [KeepReason.CAMERA_DATA] * 2


def test_without_exif_the_camera_format_still_wins(tmp_path: Path) -> None:
    pic = photo(2, (640, 480))
    save(pic, tmp_path / "a.jpg", quality=85)
    save(pic, tmp_path / "a.png")
    save(pic, tmp_path / "a.bmp")
    cands = [cand(tmp_path / n) for n in ("a.png", "a.bmp", "a.jpg")]
    assert in_both_orders(cands) == "a.jpg"
    assert choose(cands).reasons == (KeepReason.CAMERA_FORMAT,)


def test_a_raw_beats_the_jpeg_developed_from_it_and_says_so(tmp_path: Path) -> None:
    pic = photo(3, (640, 480))
    # "A..." sorts before "IMG...": by name alone the JPEG would be kept.
    jpeg = save(pic, tmp_path / "A_export.jpg", quality=92, taken=TAKEN, camera="Test Camera X1")
    raw = Path(write_dng(tmp_path / "IMG_0001.dng", pic))
    os.utime(jpeg, ns=(os.stat(raw).st_atime_ns, os.stat(raw).st_mtime_ns))
    cands = []
    for path in (jpeg, raw):
        facts = decode(str(path))
        record = replace(scanned(jpeg), path=str(path), size=path.stat().st_size)
        record = replace(record, format=facts.format, width=facts.width, height=facts.height,
                         taken=facts.taken, camera=facts.camera)  # fmt: skip
        cands.append(Candidate(record))
    assert {c.image.format for c in cands} == {"JPEG", "DNG"}
    assert in_both_orders(cands) == "IMG_0001.dng"
    assert choose(cands).reasons == (KeepReason.CAMERA_RAW,)


def test_the_deciding_reason_comes_first(tmp_path: Path) -> None:
    pic = photo(4, (640, 480))
    save(resized(pic, 0.5), tmp_path / "small.jpg", quality=85)
    save(pic, tmp_path / "big.jpg", quality=85, taken=TAKEN, camera="Pixel 7")
    save(pic, tmp_path / "big.png")
    choice = choose([cand(tmp_path / n) for n in ("small.jpg", "big.png", "big.jpg")])
    assert choice.reasons == (KeepReason.RESOLUTION, KeepReason.CAMERA_DATA)
    assert choice.deciding_first() == (KeepReason.CAMERA_DATA, KeepReason.RESOLUTION)


def test_byte_identical_older_camera_file_beats_newer_backup(tmp_path: Path) -> None:
    original = save(photo(3), tmp_path / "Pictures" / "Camera Roll" / "IMG_0002.jpg", taken=TAKEN)
    backup = tmp_path / "Backup" / "IMG_0002.jpg"
    backup.parent.mkdir()
    shutil.copyfile(original, backup)  # a plain copy: a new modification time
    age(original, 400)
    cands = [cand(backup), cand(original)]
    assert in_both_orders(cands) == "IMG_0002.jpg"
    choice = choose(cands)
    assert cands[choice.index].image.path == str(original)  # the longer path, but older
    assert choice.reasons == (KeepReason.OLDEST_FILE,)


def test_resolution_first_and_one_percent_counts_as_equal(tmp_path: Path) -> None:
    pic = photo(4, (800, 600))
    save(pic, tmp_path / "big.png")
    save(resized(pic, 0.5), tmp_path / "small.jpg", taken=TAKEN)
    assert in_both_orders([cand(tmp_path / "big.png"), cand(tmp_path / "small.jpg")]) == "big.png"
    # 796x597 is within 1% of 800x600: camera data decides instead.
    save(pic.resize((796, 597)), tmp_path / "cropped.jpg", taken=TAKEN)
    pair = [cand(tmp_path / "big.png"), cand(tmp_path / "cropped.jpg")]
    assert in_both_orders(pair) == "cropped.jpg"


def test_less_compressed_wins_only_within_a_format(tmp_path: Path) -> None:
    pic = photo(5, (240, 180))
    save(pic, tmp_path / "q95.jpg", quality=95)
    save(pic, tmp_path / "q40.jpg", quality=40)
    cands = [cand(tmp_path / "q40.jpg"), cand(tmp_path / "q95.jpg")]
    assert in_both_orders(cands) == "q95.jpg"
    assert choose(cands).reasons == (KeepReason.LESS_COMPRESSED,)
    # A heavy HEIF beside a light JPEG: bytes per pixel do not compare across codecs,
    # so the JPEG is not ruled out by them and the next criterion (age) decides.
    save(pic, tmp_path / "x.heic", quality=95)
    age(tmp_path / "q40.jpg", 10)
    pair = [cand(tmp_path / "x.heic"), cand(tmp_path / "q40.jpg")]
    assert in_both_orders(pair) == "q40.jpg"
    assert choose(pair).reasons == (KeepReason.OLDEST_FILE,)


def test_earliest_taken_beats_file_time_when_all_have_one(tmp_path: Path) -> None:
    pic = photo(6)
    save(pic, tmp_path / "synced.jpg", taken="2019:05:01 10:00:00")
    save(pic, tmp_path / "edited.jpg", taken="2020:01:01 10:00:00")
    age(tmp_path / "edited.jpg", 100)
    cands = [cand(tmp_path / "edited.jpg"), cand(tmp_path / "synced.jpg")]
    assert in_both_orders(cands) == "synced.jpg"
    assert choose(cands).reasons == (KeepReason.EARLIEST_TAKEN,)
    assert in_both_orders(cands, "newest") == "edited.jpg"


def test_file_time_decides_when_a_copy_lacks_the_date(tmp_path: Path) -> None:
    pic = photo(7)
    save(pic, tmp_path / "with.jpg", taken="2000:01:01 00:00:00")
    save(pic, tmp_path / "without.jpg")
    age(tmp_path / "without.jpg", 100)
    cands = [cand(tmp_path / "with.jpg"), cand(tmp_path / "without.jpg")]
    assert in_both_orders(cands, "oldest") == "without.jpg"
    assert in_both_orders(cands, "taken,path") == "with.jpg"  # shorter path, taken skipped


def test_mtimes_two_seconds_apart_are_equal(tmp_path: Path) -> None:
    # A copy on a FAT card keeps the time to 2 s; it is not "older" by that.
    save(photo(8), tmp_path / "long-name.jpg")
    shutil.copy2(tmp_path / "long-name.jpg", tmp_path / "b.jpg")
    st = os.stat(tmp_path / "b.jpg")
    os.utime(tmp_path / "long-name.jpg", ns=(st.st_atime_ns, st.st_mtime_ns - 10**9))
    cands = [cand(tmp_path / "long-name.jpg"), cand(tmp_path / "b.jpg")]
    assert in_both_orders(cands) == "b.jpg"
    assert choose(cands).reasons == (KeepReason.SHORTER_PATH,)


def test_folder_priority_then_shorter_path_then_name(tmp_path: Path) -> None:
    src = save(photo(9), tmp_path / "x.jpg")
    for folder in ("Phone", "Drive2", "Drive1", "Drive10"):
        (tmp_path / folder).mkdir()
        shutil.copy2(src, tmp_path / folder / "IMG.jpg")

    def kept_folder(folders: list[str], prefer: list[str] = ()) -> tuple[str, tuple]:
        cands = [cand(tmp_path / f / "IMG.jpg") for f in folders]
        full = [str(tmp_path / p) for p in prefer]
        choice = choose(cands, prefer=full)
        assert choose(cands[::-1], prefer=full).reasons == choice.reasons
        return Path(cands[choice.index].image.path).parent.name, choice.reasons

    assert kept_folder(["Phone", "Drive2", "Drive1"], ["Drive1", "Phone"]) == (
        "Drive1",
        (KeepReason.PREFERRED_FOLDER,),
    )
    assert kept_folder(["Phone", "Drive2", "Drive1"]) == ("Phone", (KeepReason.SHORTER_PATH,))
    assert kept_folder(["Drive2", "Drive1"]) == ("Drive1", (KeepReason.FIRST_BY_NAME,))
    # "Drive1" must not take in "Drive10".
    assert kept_folder(["Drive10", "Phone"], ["Drive1", "Phone"])[0] == "Phone"


def test_preset_in_preferred_folders_beats_resolution(tmp_path: Path) -> None:
    pic = photo(10, (800, 600))
    save(pic, tmp_path / "Inbox" / "big.jpg")
    save(resized(pic, 0.5), tmp_path / "Albums" / "small.jpg")
    cands = [cand(tmp_path / "Inbox" / "big.jpg"), cand(tmp_path / "Albums" / "small.jpg")]
    prefer = [str(tmp_path / "Albums")]
    assert in_both_orders(cands, prefer=prefer) == "big.jpg"
    assert in_both_orders(cands, "preferred-folders", prefer=prefer) == "small.jpg"


def test_smallest_and_largest_file(tmp_path: Path) -> None:
    pic = photo(11)
    save(pic, tmp_path / "light.jpg", quality=50)
    save(pic, tmp_path / "heavy.jpg", quality=98)
    cands = [cand(tmp_path / "light.jpg"), cand(tmp_path / "heavy.jpg")]
    assert in_both_orders(cands, "smallest") == "light.jpg"
    assert in_both_orders(cands, "largest") == "heavy.jpg"
    assert choose(cands, "smallest").reasons == (KeepReason.SMALLEST,)


def test_format_order_is_the_users(tmp_path: Path) -> None:
    pic = photo(12, (240, 180))
    for name in ("a.heic", "a.jpg", "a.png"):
        save(pic, tmp_path / name)
    cands = [cand(tmp_path / n) for n in ("a.png", "a.jpg", "a.heic")]
    assert in_both_orders(cands, "format") == "a.heic"  # the default order
    rule = KeepRule.parse("format:png>jpeg")
    assert in_both_orders(cands, rule) == "a.png"
    assert choose(cands, rule).reasons == (KeepReason.PREFERRED_FORMAT,)
    assert in_both_orders(cands, "format:jpg>heic") == "a.jpg"


def test_reference_folder_copy_is_kept_even_if_worse(tmp_path: Path) -> None:
    pic = photo(13, (800, 600))
    save(resized(pic, 0.5), tmp_path / "ref" / "small.jpg")
    save(pic, tmp_path / "inbox" / "big.jpg", taken=TAKEN)
    cands = [
        cand(tmp_path / "inbox" / "big.jpg"),
        cand(tmp_path / "ref" / "small.jpg", reference=True),
    ]
    choice = choose(cands)
    assert choice.index == 1
    assert choice.reasons == (KeepReason.REFERENCE_FOLDER,)
    assert choice.ruled_out_by == (KeepReason.REFERENCE_FOLDER, None)


def test_rule_text_round_trips_and_bad_rules_are_refused() -> None:
    assert KeepRule.parse("best") is BEST
    assert KeepRule.parse("resolution") is BEST  # what earlier versions saved
    assert BEST.text() == "best"
    custom = KeepRule.parse("folder, format:HEIC>jpg>png ,smallest")
    assert custom.criteria == (Criterion.FOLDER, Criterion.FORMAT, Criterion.SMALLEST)
    assert custom.formats == ("HEIF", "JPEG", "PNG")
    assert KeepRule.parse(custom.text()) == custom
    assert all(KeepRule.parse(name) == rule for name, rule in PRESETS.items())
    for bad, message in (
        ("prettiest", "unknown keep criterion"),
        ("", "at least one criterion"),
        ("mtime,mtime", "each criterion once"),
        ("mtime:3", "only 'format' takes a value"),
        ("format:", "needs at least one format"),
    ):
        with pytest.raises(ValueError, match=message):
            KeepRule.parse(bad)
    assert parse_formats("raw > heic") == ("RAW", "HEIF")


def test_one_member_and_empty_groups(tmp_path: Path) -> None:
    save(photo(14), tmp_path / "a.jpg")
    assert choose([cand(tmp_path / "a.jpg")]).reasons == ()
    with pytest.raises(ValueError, match="empty group"):
        choose([])


def test_an_edit_at_the_same_size_does_not_win_by_its_bytes(tmp_path: Path) -> None:
    # A mark or a brightness change saved at the original's size adds a few percent of
    # bytes; the older original stays.
    pic = photo(5, (480, 360))
    save(pic, tmp_path / "IMG_0001.jpg", quality=90)
    marked = pic.copy()
    ImageDraw.Draw(marked).text((300, 330), "(c) Sam's photos 2024", fill=(255, 255, 255))
    save(marked, tmp_path / "IMG_0001 (marked).jpg", quality=90)
    age(tmp_path / "IMG_0001.jpg", 3)
    original, edit = cand(tmp_path / "IMG_0001.jpg"), cand(tmp_path / "IMG_0001 (marked).jpg")
    ratio = (edit.image.size / edit.image.pixels) / (original.image.size / original.image.pixels)
    assert 1 < ratio < 1.1  # the edit has more bytes per pixel, but within the tolerance
    assert in_both_orders([original, edit]) == "IMG_0001.jpg"
    assert choose([original, edit]).reasons[-1] == KeepReason.OLDEST_FILE
