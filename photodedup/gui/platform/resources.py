"""Where photodedup's icon and translations are, however the app was installed.

The files live in the top-level ``resources/`` folder of a source checkout. An
installed wheel carries them as the ``photodedup.resources`` package, and a
PyInstaller bundle unpacks them to ``photodedup/resources`` under ``sys._MEIPASS``.
"""

from __future__ import annotations

import functools
import logging
import sys
from pathlib import Path

from PySide6.QtGui import QIcon

# A file every copy of the resources has, to tell a real resources folder from
# an unrelated one that happens to be in the same place.
_MARKER = "photodedup.svg"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def resource_path(name: str) -> str:
    """Absolute path of ``name`` (a file or folder, e.g. "translations") in the resources."""
    return str(_resources_dir() / name)


@functools.cache
def _resources_dir() -> Path:
    package = Path(__file__).resolve().parents[2]
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "photodedup" / "resources")
    candidates += [package / "resources", package.parent / "resources"]
    for candidate in candidates:
        if (candidate / _MARKER).is_file():
            return candidate
    # Still answer with a path, so a missing icon shows as a missing icon and the
    # app runs on; the candidates are listed to make a packaging bug easy to find.
    tried = ", ".join(str(c) for c in candidates)
    logging.getLogger(__name__).warning("resources not found (looked in %s)", tried)
    return candidates[-1]


def app_icon() -> QIcon:
    """The application icon, with a pixel-fitted render for every common size."""
    # PNGs only: added to an SVG-based QIcon they would be ignored at small sizes,
    # where the full drawing turns to mush.
    icon = QIcon()
    for size in ICON_SIZES:
        png = Path(resource_path(f"icons/photodedup-{size}.png"))
        if png.is_file():
            icon.addFile(str(png))
    return icon if not icon.isNull() else QIcon(resource_path(_MARKER))
