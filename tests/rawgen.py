"""Camera RAW test files: real DNGs written with tifffile, read back by LibRaw.

``write_dng`` turns a picture into the sensor data a camera would record (a
linear RGGB Bayer mosaic) and stores it the way DNG does, optionally with the
camera's JPEG preview in the first IFD, a capture time and a camera model.
"""

from __future__ import annotations

import io
import os

import numpy as np
import tifffile
from PIL import Image

# XYZ → linear sRGB (D65): with it as the colour matrix, the "camera" sees sRGB.
_XYZ_TO_SRGB = (32406, -15372, -4986, -9689, 18758, 415, 557, -2040, 10570)
_WHITE = 4095  # 12-bit sensor


def bayer(img: Image.Image) -> np.ndarray:
    """The RGGB mosaic of ``img``'s linear light, 12-bit."""
    linear = (np.asarray(img.convert("RGB"), dtype=np.float64) / 255) ** 2.222 * _WHITE
    h, w = linear.shape[0] // 2 * 2, linear.shape[1] // 2 * 2
    mosaic = np.empty((h, w), np.uint16)
    mosaic[0::2, 0::2] = linear[0:h:2, 0:w:2, 0]
    mosaic[0::2, 1::2] = linear[0:h:2, 1:w:2, 1]
    mosaic[1::2, 0::2] = linear[1:h:2, 0:w:2, 1]
    mosaic[1::2, 1::2] = linear[1:h:2, 1:w:2, 2]
    return mosaic


def write_dng(
    path: str | os.PathLike[str],
    img: Image.Image,
    *,
    preview: str | None = "jpeg",  # "jpeg", "rgb" or None
    preview_scale: float = 0.5,
    taken: str | None = "2021:06:01 12:00:00",
    camera: str = "Test Camera X1",
) -> str:
    """Write ``img`` as a DNG at ``path``; returns the path."""
    tags = [
        (50706, "B", 4, (1, 4, 0, 0), True),  # DNGVersion
        (50707, "B", 4, (1, 1, 0, 0), True),  # DNGBackwardVersion
        (50708, "s", 0, camera, True),  # UniqueCameraModel
        (271, "s", 0, "Test Maker", True),
        (272, "s", 0, camera, True),
        (50721, "2i", 9, tuple(v for x in _XYZ_TO_SRGB for v in (x, 10000)), True),
        (50778, "H", 1, 21, True),  # CalibrationIlluminant1: D65
        (50728, "2I", 3, (1, 1, 1, 1, 1, 1), True),  # AsShotNeutral
        (50717, "I", 1, _WHITE, True),  # WhiteLevel
    ]
    if taken:
        tags.append((306, "s", 0, taken, True))
    cfa = [(33421, "H", 2, (2, 2), True), (33422, "B", 4, (0, 1, 1, 2), True)]
    mosaic = bayer(img)
    path = os.fspath(path)
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    if preview is None:
        tifffile.imwrite(path, mosaic, photometric=32803, extratags=tags + cfa)
        return path
    small = img.convert("RGB").resize(
        (max(1, round(img.width * preview_scale)), max(1, round(img.height * preview_scale)))
    )
    with tifffile.TiffWriter(path) as tw:
        if preview == "jpeg":
            _allow_precompressed_jpeg()
            buf = io.BytesIO()
            small.save(buf, "JPEG", quality=92)
            tw.write(
                iter([buf.getvalue()]),
                shape=(small.height, small.width, 3),
                dtype=np.uint8,
                photometric="ycbcr",
                compression="jpeg",
                rowsperstrip=small.height,
                subfiletype=1,
                subifds=1,
                extratags=tags,
            )
        else:
            tw.write(np.asarray(small), photometric="rgb", subfiletype=1, subifds=1, extratags=tags)
        tw.write(mosaic, photometric=32803, subfiletype=0, extratags=cfa)
    return path


def _allow_precompressed_jpeg() -> None:
    # tifffile wants a JPEG encoder even for strips that are JPEG already, which
    # it writes as given; without imagecodecs, name one that is never called.
    from tifffile import _imagecodecs

    if not hasattr(_imagecodecs, "jpeg_encode"):

        def jpeg_encode(*args: object, **kwargs: object) -> bytes:
            raise AssertionError("only pre-compressed JPEG strips are written")

        _imagecodecs.jpeg_encode = jpeg_encode  # type: ignore[attr-defined]
