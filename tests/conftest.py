"""Fixtures every test level shares: a private trash and cache, and image builders."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

# The test helpers (imagegen, rawgen) import by bare name. Putting tests/ first
# on the path makes tests/packaging shadow the real "packaging" module, which
# plugins such as pillow-jxl import lazily: load the real one first.
import packaging.version  # noqa: F401
import pytest

sys.path.insert(0, str(Path(__file__).parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# send2trash reads XDG_DATA_HOME and HOME once, when it is first imported, which
# can happen while tests are collected. Point them at a throwaway home before any
# test module loads, so no test can ever reach the user's real trash.
_SESSION_HOME = Path(tempfile.mkdtemp(prefix="photodedup-tests-"))
os.environ["HOME"] = str(_SESSION_HOME)
os.environ["XDG_DATA_HOME"] = str(_SESSION_HOME / "data")


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the trash, cache, config and log at a temp dir so no test touches the user's."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var, sub in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
    ):
        (home / sub).mkdir()
        monkeypatch.setenv(var, str(home / sub))
    _point_send2trash_at(home / "data", monkeypatch)
    return home


def _point_send2trash_at(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The real send2trash runs; only the home trash location it computed at
    # import time is replaced by this test's one.
    from send2trash import plat_other

    monkeypatch.setattr(plat_other, "XDG_DATA_HOME", os.fsencode(data))
    monkeypatch.setattr(plat_other, "HOMETRASH_B", os.fsencode(data / "Trash"))
    monkeypatch.setattr(plat_other, "HOMETRASH", str(data / "Trash"))


@pytest.fixture
def trash_dir(private_home: Path) -> Path:
    """Where send2trash puts files during a test (the freedesktop home trash)."""
    return private_home / "data" / "Trash" / "files"
