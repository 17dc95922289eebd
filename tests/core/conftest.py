"""Fixtures the engine tests share."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture
def permissions_enforced(tmp_path: Path) -> None:
    """Skip the test where a mode-000 file can still be read (root with its capabilities)."""
    probe = tmp_path / "probe"
    probe.write_bytes(b"x")
    probe.chmod(0)
    try:
        with open(probe, "rb"):
            pytest.skip("this user reads files whatever their permissions")
    except PermissionError:
        pass
    finally:
        probe.chmod(0o600)
        os.unlink(probe)
