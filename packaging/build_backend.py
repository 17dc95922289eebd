"""setuptools, plus compiling the translations, so every wheel carries its .qm files.

pyproject.toml names this module as the build backend. The .qm files are build
output (not in git); setuptools then ships them as package data of
``photodedup.resources``. Compiling needs Qt's lrelease: when neither PySide6 nor
an lrelease on PATH is at hand, PySide6-Essentials is added to the build's
requirements (only pip's isolated build environment installs those).
"""

from __future__ import annotations

import importlib.util
import io
import sys
import tarfile
from pathlib import Path

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403  (the hooks this backend does not change)

_HERE = Path(__file__).resolve().parent
# An sdist has to carry this backend and its helper, or it could not be built.
_SELF_FILES = ("packaging/build_backend.py", "packaging/i18n.py")


def _i18n():
    spec = importlib.util.spec_from_file_location("photodedup_build_i18n", _HERE / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _needs_qt() -> list[str]:
    i18n = _i18n()
    if not i18n.stale():
        return []
    try:
        i18n.find_tool("lrelease")
    except i18n.ToolMissing:
        return ["PySide6-Essentials>=6.6"]
    return []


def _compile() -> None:
    i18n = _i18n()
    for qm in i18n.compile_all():
        print(f"compiled {qm.relative_to(i18n.ROOT)}", file=sys.stderr)


def get_requires_for_build_wheel(config_settings=None):
    return _setuptools.get_requires_for_build_wheel(config_settings) + _needs_qt()


def get_requires_for_build_editable(config_settings=None):
    return _setuptools.get_requires_for_build_editable(config_settings) + _needs_qt()


def get_requires_for_build_sdist(config_settings=None):
    return _setuptools.get_requires_for_build_sdist(config_settings) + _needs_qt()


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    _compile()
    return _setuptools.build_wheel(wheel_directory, config_settings, metadata_directory)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    _compile()
    return _setuptools.build_editable(wheel_directory, config_settings, metadata_directory)


def build_sdist(sdist_directory, config_settings=None):
    _compile()
    name = _setuptools.build_sdist(sdist_directory, config_settings)
    _append_to_sdist(Path(sdist_directory) / name)
    return name


def _append_to_sdist(path: Path) -> None:
    with tarfile.open(path, "r:gz") as tar:
        members = [(m, tar.extractfile(m).read() if m.isfile() else None) for m in tar]
    top = members[0][0].name.split("/")[0]
    names = {m.name for m, _ in members}
    with tarfile.open(path, "w:gz", format=tarfile.PAX_FORMAT) as tar:
        for member, data in members:
            tar.addfile(member, None if data is None else io.BytesIO(data))
        for rel in _SELF_FILES:
            if f"{top}/{rel}" not in names:
                tar.add(_HERE.parent / rel, arcname=f"{top}/{rel}")
