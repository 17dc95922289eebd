"""Discovery: which files are images, each listed once, and every problem reported."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import imagegen
import pytest
from PIL import Image

from photodedup.core import discover as discover_module
from photodedup.core.discover import discover
from photodedup.core.formats import describe_content, sniff_format
from photodedup.core.os_errors import os_error
from photodedup.core.progress import Cancelled, Progress
from photodedup.core.reasons import Content, Reason


def photo_file(path: Path, seed: int = 1, fmt: str | None = None) -> Path:
    return imagegen.save(imagegen.photo(seed, (320, 240)), path, fmt)


def paths(found) -> list[str]:
    return [f.path for f in found.files]


def errors(found) -> dict[str, Reason | tuple[Reason, str]]:
    """Each error's reason, with its detail when it has one."""
    return {e.path: (e.reason, e.detail) if e.detail else e.reason for e in found.errors}


@pytest.mark.parametrize(
    ("ext", "fmt"),
    [
        ("jpg", "JPEG"),
        ("png", "PNG"),
        ("gif", "GIF"),
        ("bmp", "BMP"),
        ("tif", "TIFF"),
        ("webp", "WEBP"),
        ("heic", "HEIF"),
        ("avif", "AVIF"),
    ],
)
def test_sniff_format_recognises_each_supported_format(tmp_path: Path, ext: str, fmt: str) -> None:
    path = photo_file(tmp_path / f"a.{ext}")
    assert sniff_format(path.read_bytes()[:32]) == fmt


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00mif1avif", "AVIF"),
        (b"\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00mif1heic", "HEIF"),
        (b"\x00\x00\x00\x18ftypheix\x00\x00\x00\x00mif1heix", "HEIF"),
        (b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2", None),  # an MP4 video
        (b"BMP files are bitmaps, this is text about them", None),
        (b"%PDF-1.7\n", None),
        (b"", None),
    ],
)
def test_sniff_format_edge_cases(head: bytes, expected: str | None) -> None:
    assert sniff_format(head) == expected


def test_describe_content_names_what_the_bytes_look_like() -> None:
    assert describe_content(b"hello, this is a note\n") == (Content.TEXT, "")
    assert describe_content(b"%PDF-1.4 ...") == (Content.PDF, "")
    assert describe_content(b"\x00" * 32) == (Content.ZEROS, "")
    assert describe_content(bytes(range(200, 232))) == (Content.BINARY, "")
    assert describe_content(b"\x00\x00\x00\x18ftypmp42\x00\x00") == (Content.MEDIA, "mp42")


def test_finds_images_by_content_and_sorts_them(tmp_path: Path) -> None:
    photo_file(tmp_path / "b.jpg")
    photo_file(tmp_path / "sub" / "a.png", seed=2)
    photo_file(tmp_path / "disguised.heic", fmt="JPEG", seed=3)  # a JPEG named .heic
    photo_file(tmp_path / "export.dat", fmt="PNG", seed=4)  # image content, odd name
    (tmp_path / "notes.txt").write_text("not a picture\n" * 1000)

    found = discover([str(tmp_path)])

    assert paths(found) == sorted(paths(found))
    by_name = {Path(f.path).name: f.format for f in found.files}
    assert by_name == {
        "b.jpg": "JPEG",
        "a.png": "PNG",
        "disguised.heic": "JPEG",
        "export.dat": "PNG",
    }
    assert found.errors == []
    assert found.seen == 5  # the text file was looked at, silently


def test_file_refs_carry_stat_facts(tmp_path: Path) -> None:
    path = photo_file(tmp_path / "a.jpg")
    [ref] = discover([str(tmp_path)]).files
    st = path.stat()
    assert (ref.path, ref.size, ref.mtime_ns, ref.dev, ref.ino) == (
        str(path),
        st.st_size,
        st.st_mtime_ns,
        st.st_dev,
        st.st_ino,
    )


def test_mislabelled_text_file_is_an_error_with_a_reason(tmp_path: Path) -> None:
    fake = tmp_path / "holiday.png"
    fake.write_text("This is not a picture at all.\n" * 400)
    found = discover([str(tmp_path)])
    assert found.files == []
    assert errors(found) == {str(fake): (Reason.NOT_AN_IMAGE, "PNG (text)")}


def test_empty_image_file_is_an_error_and_other_empty_files_are_not(tmp_path: Path) -> None:
    (tmp_path / "empty.jpg").write_bytes(b"")
    (tmp_path / "empty.log").write_bytes(b"")
    found = discover([str(tmp_path)])
    assert errors(found) == {str(tmp_path / "empty.jpg"): Reason.EMPTY_FILE}
    assert found.seen == 2


def test_min_size_skips_small_files_before_opening(tmp_path: Path) -> None:
    small = imagegen.save(Image.new("RGB", (16, 16), "red"), tmp_path / "icon.png")
    big = photo_file(tmp_path / "big.jpg")
    assert small.stat().st_size < 8 * 1024 < big.stat().st_size
    assert paths(discover([str(tmp_path)])) == [str(big)]
    assert paths(discover([str(tmp_path)], min_size=1)) == [str(big), str(small)]


def test_not_recursive_stays_in_the_chosen_folders(tmp_path: Path) -> None:
    top = photo_file(tmp_path / "top.jpg")
    photo_file(tmp_path / "sub" / "deep.jpg")
    assert paths(discover([str(tmp_path)], recursive=False)) == [str(top)]
    assert len(discover([str(tmp_path)]).files) == 2


def test_overlapping_roots_list_each_file_once(tmp_path: Path) -> None:
    photo_file(tmp_path / "top.jpg")
    photo_file(tmp_path / "sub" / "deep.jpg", seed=2)
    for roots in ([tmp_path, tmp_path / "sub"], [tmp_path / "sub", tmp_path, tmp_path]):
        found = discover([str(r) for r in roots])
        assert paths(found) == [str(tmp_path / "sub" / "deep.jpg"), str(tmp_path / "top.jpg")]


def test_hard_links_are_one_file_under_the_first_path(tmp_path: Path) -> None:
    original = photo_file(tmp_path / "b.jpg")
    os.link(original, tmp_path / "a.jpg")
    os.link(original, tmp_path / "c.jpg")
    found = discover([str(tmp_path)])
    assert paths(found) == [str(tmp_path / "a.jpg")]
    assert found.seen == 3


def test_file_symlink_gives_way_to_the_real_path(tmp_path: Path) -> None:
    real = photo_file(tmp_path / "z_real.jpg")
    (tmp_path / "a_link.jpg").symlink_to(real)
    assert paths(discover([str(tmp_path)])) == [str(real)]


def test_file_symlink_to_a_file_outside_the_roots_is_followed(tmp_path: Path) -> None:
    outside = photo_file(tmp_path / "elsewhere" / "target.jpg")
    inside = tmp_path / "library"
    inside.mkdir()
    (inside / "link.jpg").symlink_to(outside)
    [ref] = discover([str(inside)]).files
    assert ref.path == str(inside / "link.jpg")
    assert ref.ino == outside.stat().st_ino


def test_broken_and_looping_file_symlinks_are_errors(tmp_path: Path) -> None:
    (tmp_path / "broken.jpg").symlink_to(tmp_path / "missing.jpg")
    (tmp_path / "loop1.jpg").symlink_to(tmp_path / "loop2.jpg")
    (tmp_path / "loop2.jpg").symlink_to(tmp_path / "loop1.jpg")
    good = photo_file(tmp_path / "good.jpg")
    found = discover([str(tmp_path)])
    assert paths(found) == [str(good)]
    assert errors(found) == {
        str(tmp_path / "broken.jpg"): Reason.BROKEN_LINK,
        str(tmp_path / "loop1.jpg"): Reason.LINK_LOOP,
        str(tmp_path / "loop2.jpg"): Reason.LINK_LOOP,
    }


def test_folder_symlinks_are_followed_only_when_asked(tmp_path: Path) -> None:
    photo_file(tmp_path / "elsewhere" / "x.jpg")
    library = tmp_path / "library"
    photo_file(library / "y.jpg", seed=2)
    (library / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    assert paths(discover([str(library)])) == [str(library / "y.jpg")]
    followed = discover([str(library)], follow_symlinks=True)
    assert paths(followed) == [str(library / "linked" / "x.jpg"), str(library / "y.jpg")]


def test_followed_folder_symlink_loop_ends_with_an_error(tmp_path: Path) -> None:
    photo_file(tmp_path / "a" / "x.jpg")
    (tmp_path / "a" / "up").symlink_to(tmp_path, target_is_directory=True)
    found = discover([str(tmp_path)], follow_symlinks=True)
    assert paths(found) == [str(tmp_path / "a" / "x.jpg")]
    assert errors(found) == {str(tmp_path / "a" / "up"): Reason.LOOP_TO_PARENT}


def test_exclude_globs_match_path_or_name_and_prune_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keep = photo_file(tmp_path / "keep.jpg")
    photo_file(tmp_path / "skip.tmp", fmt="JPEG")
    photo_file(tmp_path / ".thumbnails" / "inner" / "t.jpg")
    photo_file(tmp_path / "Trash" / "old.jpg")
    opened: list[str] = []
    real_scandir = os.scandir

    def recording_scandir(path):
        opened.append(os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(discover_module.os, "scandir", recording_scandir)
    found = discover([str(tmp_path)], exclude=["*/.thumbnails/*", "*.tmp", "Trash"])
    assert paths(found) == [str(keep)]
    assert opened == [str(tmp_path)]  # neither excluded folder was entered


def test_non_utf8_names_are_found_and_round_trip(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.jpg")
    photo_file(tmp_path / "ok.jpg")
    shutil.copy(tmp_path / "ok.jpg", tmp_path / name)
    (tmp_path / os.fsdecode(b"not\xff.png")).write_text("text\n" * 3000)
    found = discover([str(tmp_path)])
    assert str(tmp_path / name) in paths(found)
    assert os.fsencode(str(tmp_path / name)).endswith(b"caf\xe9.jpg")
    [error] = found.errors
    assert (error.reason, error.detail) == (Reason.NOT_AN_IMAGE, "PNG (text)")
    # What a front end does with such a name must not raise.
    for text in [*paths(found), error.path]:
        text.encode("utf-8", "surrogateescape")
        repr(text)


def test_path_too_long_is_an_error_and_the_walk_goes_on(tmp_path: Path) -> None:
    good = photo_file(tmp_path / "good.jpg")
    deep = tmp_path / "deep"
    deep.mkdir()
    # Build past PATH_MAX relative to open folders: no single call sees the whole path.
    fd = os.open(deep, os.O_RDONLY)
    try:
        for _ in range(25):
            os.mkdir("d" * 200, dir_fd=fd)
            child = os.open("d" * 200, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = child
    finally:
        os.close(fd)
    found = discover([str(tmp_path)])
    assert paths(found) == [str(good)]
    assert found.errors
    assert {e.reason for e in found.errors} == {Reason.PATH_TOO_LONG}


@pytest.mark.usefixtures("permissions_enforced")
def test_unreadable_folder_and_file_are_errors(tmp_path: Path) -> None:
    good = photo_file(tmp_path / "good.jpg")
    locked = tmp_path / "locked"
    photo_file(locked / "inside.jpg")
    secret = photo_file(tmp_path / "secret.jpg", seed=2)
    locked.chmod(0)
    secret.chmod(0)
    try:
        found = discover([str(tmp_path)])
    finally:
        locked.chmod(0o755)
        secret.chmod(0o644)
    assert paths(found) == [str(good)]
    assert errors(found) == {
        str(locked): Reason.FOLDER_PERMISSION_DENIED,
        str(secret): Reason.PERMISSION_DENIED,
    }


def test_file_vanishing_during_the_walk_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keep = photo_file(tmp_path / "keep.jpg")
    doomed = photo_file(tmp_path / "doomed.jpg", seed=2)
    real_scandir = os.scandir

    class ListThenDelete:
        """Lists the folder, then deletes a file, as another program might."""

        def __init__(self, path):
            self.inner = real_scandir(path)

        def __enter__(self):
            entries = list(self.inner)
            doomed.unlink()
            return iter(entries)

        def __exit__(self, *exc):
            self.inner.close()

    monkeypatch.setattr(discover_module.os, "scandir", ListThenDelete)
    found = discover([str(tmp_path)])
    assert paths(found) == [str(keep)]
    assert errors(found) == {str(doomed): Reason.VANISHED}


def test_missing_root_is_an_error(tmp_path: Path) -> None:
    found = discover([str(tmp_path / "gone")])
    assert errors(found) == {str(tmp_path / "gone"): Reason.FOLDER_VANISHED}


def test_a_tiff_named_like_a_raw_file_is_read_as_the_tiff_it_is(tmp_path: Path) -> None:
    photo_file(tmp_path / "IMG_0001.dng", fmt="TIFF")  # camera RAW tests: tests/core/test_raw.py
    found = discover([str(tmp_path)])
    assert [f.format for f in found.files] == ["TIFF"] and found.errors == []


def test_progress_reports_discover_phase_and_cancel_stops_the_walk(tmp_path: Path) -> None:
    photo_file(tmp_path / "a.jpg")
    reports: list[Progress] = []
    discover([str(tmp_path)], progress=reports.append)
    assert reports
    assert {r.phase for r in reports} == {"discover"}
    assert all(r.total == 0 for r in reports)
    assert reports[0].current == str(tmp_path)
    assert reports[-1].done == 1

    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        discover([str(tmp_path)], cancel=cancel)


def test_os_errors_become_reason_codes_with_a_one_line_detail() -> None:
    assert os_error(PermissionError(13, "Permission denied")) == (Reason.PERMISSION_DENIED, "")
    assert os_error(PermissionError(13, "x"), folder=True) == (
        Reason.FOLDER_PERMISSION_DENIED,
        "",
    )
    assert os_error(OSError(5, "Input/output\nerror")) == (Reason.IO_ERROR, "")
    assert os_error(OSError(99, "weird\nthing")) == (Reason.UNREADABLE, "weird thing")
    assert os_error(OSError(99, "x"), folder=True)[0] == Reason.FOLDER_UNREADABLE


def test_known_formats_spare_opening_the_file(tmp_path: Path) -> None:
    path = photo_file(tmp_path / "a.jpg")
    st = path.stat()
    asked: list[tuple[str, int, int]] = []

    def known(p: str, size: int, mtime_ns: int) -> str | None:
        asked.append((p, size, mtime_ns))
        return "PNG"  # deliberately not what the bytes say: proves the file was not read

    [ref] = discover([str(tmp_path)], known=known).files
    assert asked == [(str(path), st.st_size, st.st_mtime_ns)]
    assert ref.format == "PNG"
    [ref] = discover([str(tmp_path)], known=lambda *_: None).files
    assert ref.format == "JPEG"
