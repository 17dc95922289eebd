"""Decoding: reduced size, upright, facts from EXIF, and one-line errors for bad files."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import imagegen
import numpy as np
import pytest
from PIL import Image, ImageFile, JpegImagePlugin

from photodedup.core.decode import DecodeError, decode
from photodedup.core.fingerprint import hash_image
from photodedup.core.models import HashSettings
from photodedup.core.reasons import Reason

SETTINGS = HashSettings("dhash")


def distance(a: Image.Image, b: Image.Image) -> int:
    return (hash_image(a, SETTINGS)[0] ^ hash_image(b, SETTINGS)[0]).bit_count()


@pytest.fixture(scope="module")
def original() -> Image.Image:
    return imagegen.photo(7, (320, 240))


def test_jpeg_is_decoded_at_dct_scale_never_in_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = imagegen.save(imagegen.photo(3, (2000, 1500)), tmp_path / "big.jpg")
    decoded_sizes: list[tuple[int, int]] = []
    real_load = JpegImagePlugin.JpegImageFile.load

    def recording_load(self):
        decoded_sizes.append(self.size)
        return real_load(self)

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "load", recording_load)
    result = decode(str(path), min_side=64)
    assert set(decoded_sizes) == {(250, 188)}  # 1/8: the smallest scale still >= 64
    assert (result.width, result.height) == (2000, 1500)
    assert 64 <= min(result.image.size) < 128
    assert result.format == "JPEG"

    decoded_sizes.clear()
    gui = decode(str(path), min_side=256)
    assert set(decoded_sizes) == {(500, 375)}  # 1/4 keeps the shorter side >= 256
    assert min(gui.image.size) >= 256
    assert gui.image.mode == "RGB"


def test_gray_asks_for_mode_l(tmp_path: Path, original: Image.Image) -> None:
    for ext in ("jpg", "png", "heic"):
        path = imagegen.save(original, tmp_path / f"a.{ext}")
        assert decode(str(path), gray=True).image.mode == "L"
        assert decode(str(path)).image.mode == "RGB"


@pytest.mark.parametrize("ext", ["jpg", "png", "webp", "heic", "avif", "tif"])
@pytest.mark.parametrize("orientation", [6, 3, 8])
def test_exif_orientation_is_applied(
    tmp_path: Path, original: Image.Image, ext: str, orientation: int
) -> None:
    path = imagegen.save(original, tmp_path / f"turned.{ext}", orientation=orientation)
    result = decode(str(path))
    assert (result.width, result.height) == (320, 240)
    assert result.image.width > result.image.height
    assert distance(result.image, original) <= 6
    # Unturned it would look like another picture: the check above means something.
    assert distance(result.image.transpose(Image.Transpose.ROTATE_180), original) > 10


@pytest.mark.parametrize("ext", ["heic", "avif", "webp", "png", "tif", "gif", "bmp"])
def test_each_format_decodes_to_the_same_picture(
    tmp_path: Path, original: Image.Image, ext: str
) -> None:
    path = imagegen.save(original, tmp_path / f"a.{ext}")
    result = decode(str(path))
    assert (result.width, result.height) == (320, 240)
    assert result.image.mode == "RGB"
    assert distance(result.image, original) <= 6


def test_heif_uses_an_embedded_thumbnail_when_big_enough(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pillow_heif.as_plugin import HeifImageFile

    path = tmp_path / "with_thumb.heic"
    imagegen.photo(2, (1280, 960)).save(path, "HEIF", quality=90, thumbnails=[320])
    decoded_sizes: list[tuple[int, int]] = []
    real_load = HeifImageFile.load

    def recording_load(self):
        decoded_sizes.append(self.size)
        return real_load(self)

    monkeypatch.setattr(HeifImageFile, "load", recording_load)
    small = decode(str(path), min_side=64)
    assert set(decoded_sizes) == {(320, 240)}  # the thumbnail, not the full image
    assert (small.width, small.height) == (1280, 960)

    decoded_sizes.clear()
    large = decode(str(path), min_side=400)
    assert set(decoded_sizes) == {(1280, 960)}  # the thumbnail is too small for that
    assert min(large.image.size) >= 400
    assert distance(small.image, large.image) <= 6


def test_exif_taken_and_camera(tmp_path: Path, original: Image.Image) -> None:
    path = imagegen.save(
        original, tmp_path / "a.jpg", taken="2021:06:01 12:34:56", camera=" Pixel 7\x00\x00 "
    )
    result = decode(str(path))
    assert result.taken == "2021-06-01T12:34:56"
    assert result.camera == "Pixel 7"


def test_exif_location_is_noticed(tmp_path: Path, original: Image.Image) -> None:
    with_gps = imagegen.save(original, tmp_path / "gps.jpg", gps=(48.8584, 2.2945))
    assert decode(str(with_gps)).gps is True
    without = imagegen.save(original, tmp_path / "none.jpg", taken="2021:06:01 12:34:56")
    assert decode(str(without)).gps is False


def test_taken_falls_back_to_datetime_and_ignores_bad_dates(
    tmp_path: Path, original: Image.Image
) -> None:
    exif = Image.Exif()
    exif[0x0132] = "2019:12:31 23:59:58"
    path = tmp_path / "fallback.jpg"
    original.save(path, exif=exif.tobytes())
    assert decode(str(path)).taken == "2019-12-31T23:59:58"

    for bad in ("0000:00:00 00:00:00", "2021:13:45 99:00:00", "yesterday", ""):
        path = imagegen.save(original, tmp_path / "bad.jpg", taken=bad, camera="   ")
        result = decode(str(path))
        assert result.taken is None, bad
        assert result.camera is None


def test_no_exif_gives_no_facts(tmp_path: Path, original: Image.Image) -> None:
    result = decode(str(imagegen.save(original, tmp_path / "plain.png")))
    assert (result.taken, result.camera) == (None, None)


def test_animated_gif_and_webp_use_the_first_frame(tmp_path: Path) -> None:
    first, second = imagegen.photo(1, (160, 120)), imagegen.photo(2, (160, 120))
    for ext in ("gif", "webp"):
        path = tmp_path / f"anim.{ext}"
        first.save(path, save_all=True, append_images=[second], duration=100, loop=0)
        result = decode(str(path))
        assert distance(result.image, first) < distance(result.image, second), ext


@pytest.mark.parametrize("mode", ["P", "LA", "RGBA", "I;16", "CMYK", "1", "L"])
def test_other_modes_become_rgb_or_l(tmp_path: Path, original: Image.Image, mode: str) -> None:
    img = original.convert("L").convert(mode) if mode in ("LA", "1", "L") else original
    if mode == "I;16":
        wide = np.asarray(original.convert("L"), dtype="<u2") * 257
        img = Image.frombytes("I;16", original.size, wide.tobytes())
    elif mode in ("P", "RGBA", "CMYK"):
        img = original.convert(mode)
    path = tmp_path / ("a.jpg" if mode == "CMYK" else "a.png")
    img.save(path)
    result = decode(str(path))
    assert result.image.mode in ("RGB", "L")
    if mode != "1":
        assert distance(result.image, original) <= 6, mode


def test_transparency_is_shown_over_white(tmp_path: Path) -> None:
    clear = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    clear.paste((255, 0, 0, 255), (0, 0, 100, 100))
    path = tmp_path / "half.png"
    clear.save(path)
    pixels = decode(str(path)).image.load()
    assert pixels[10, 10] == (255, 0, 0)
    assert pixels[190, 90] == (255, 255, 255)


def test_decompression_bomb_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = imagegen.save(imagegen.photo(1, (320, 240)), tmp_path / "a.png")
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 320 * 240 // 3)
    with pytest.raises(DecodeError) as caught:
        decode(str(path))
    assert caught.value.reason == Reason.TOO_LARGE
    assert caught.value.detail.endswith(")") and "megapixels" in caught.value.detail


def test_truncated_jpeg_is_an_error_and_not_guessed_at(tmp_path: Path) -> None:
    path = imagegen.write_truncated_jpeg(tmp_path / "cut.jpg")
    with pytest.raises(DecodeError) as caught:
        decode(str(path))
    assert (caught.value.reason, caught.value.detail) == (Reason.TRUNCATED, "JPEG")
    assert not ImageFile.LOAD_TRUNCATED_IMAGES


@pytest.mark.parametrize(
    ("head", "name"),
    [(b"\xff\xd8\xff\xe0", "bad.jpg"), (b"\x89PNG\r\n\x1a\n", "bad.png"), (b"", "noise.jpg")],
)
def test_garbage_is_an_error_with_one_line(tmp_path: Path, head: bytes, name: str) -> None:
    path = imagegen.write_garbage(tmp_path / name, head=head)
    with pytest.raises(DecodeError) as caught:
        decode(str(path))
    assert caught.value.reason in (Reason.CORRUPT, Reason.TRUNCATED, Reason.NOT_SUPPORTED)
    detail = caught.value.detail
    assert "\n" not in detail and len(detail) < 200


def test_text_file_is_not_a_supported_image(tmp_path: Path) -> None:
    path = tmp_path / "note.jpg"
    path.write_text("hello\n" * 100)
    with pytest.raises(DecodeError) as caught:
        decode(str(path))
    assert caught.value.reason == Reason.NOT_SUPPORTED


def test_missing_file_vanished(tmp_path: Path) -> None:
    with pytest.raises(DecodeError) as caught:
        decode(str(tmp_path / "gone.jpg"))
    assert caught.value.reason == Reason.VANISHED


@pytest.mark.usefixtures("permissions_enforced")
def test_unreadable_file_is_permission_denied(tmp_path: Path, original: Image.Image) -> None:
    path = imagegen.save(original, tmp_path / "secret.jpg")
    path.chmod(0)
    try:
        with pytest.raises(DecodeError) as caught:
            decode(str(path))
        assert caught.value.reason == Reason.PERMISSION_DENIED
    finally:
        path.chmod(0o644)


def test_non_utf8_path_decodes(tmp_path: Path, original: Image.Image) -> None:
    data = io.BytesIO()
    original.save(data, "JPEG")
    path = tmp_path / os.fsdecode(b"caf\xe9.jpg")
    path.write_bytes(data.getvalue())
    assert decode(str(path)).width == 320


def test_lab_images_decode_in_color_and_gray(tmp_path: Path, original: Image.Image) -> None:
    # Pillow converts these to RGB only; gray must go through RGB.
    path = tmp_path / "lab.tif"
    original.convert("LAB").save(path)
    for gray in (False, True):
        result = decode(str(path), gray=gray)
        assert result.image.mode == ("L" if gray else "RGB")
        assert distance(result.image, original) <= 6


@pytest.mark.parametrize("ext", ["jpg", "png", "heic"])
def test_decoded_image_is_detached_from_the_file(
    tmp_path: Path, original: Image.Image, ext: str
) -> None:
    path = imagegen.save(original, tmp_path / f"a.{ext}")
    result = decode(str(path), min_side=240, gray=True)  # no reduction needed
    assert not isinstance(result.image, ImageFile.ImageFile)
    path.unlink()
    assert result.image.resize((9, 8)).size == (9, 8)


def test_pillow_size_warning_stays_off_stderr(tmp_path: Path) -> None:
    # Between one and two times Pillow's pixel limit it only warns, without a file
    # name; such pictures decode fine, so a scan must not spray the warning. Run in
    # a fresh interpreter: the test runner installs warning filters of its own.
    path = imagegen.save(imagegen.photo(3, (40, 40)), tmp_path / "pano.png")
    script = (
        "import sys; from PIL import Image; from photodedup.core.decode import decode; "
        "Image.MAX_IMAGE_PIXELS = 1000; d = decode(sys.argv[1]); print(d.width, d.height)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["40", "40"]
    assert "DecompressionBombWarning" not in done.stderr
    assert done.stderr == ""
