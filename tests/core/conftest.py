"""Fixtures the engine tests share."""

from __future__ import annotations

import os
import subprocess
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


@pytest.fixture
def tmpfs(tmp_path: Path):
    """Mount small tmpfs file systems (a full disk, a read-only drive); needs root.

    ``tmpfs(folder, size_kb, read_only=False)`` mounts one on ``folder``; all
    are unmounted at the end, innermost first.
    """
    mounted: list[Path] = []

    def mount(folder: Path, size_kb: int, *, read_only: bool = False) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        options = f"size={size_kb}k,mode=0755" + (",ro" if read_only else "")
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
            capture_output=True,
        )
        if done.returncode != 0:
            pytest.skip("mounting a tmpfs needs root")
        mounted.append(folder)
        return folder

    yield mount
    for folder in reversed(mounted):
        subprocess.run(["umount", "-l", str(folder)], check=False)
