"""Starting the app: usage and version print without a display or a window."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from photodedup import __version__


def run_app(*args: str, platform: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    if platform:
        env["QT_QPA_PLATFORM"] = platform
    return subprocess.run(
        [sys.executable, "-m", "photodedup", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


@pytest.mark.parametrize("platform", [None, "offscreen"])  # no display; one that would open
def test_help_and_version_print_without_starting_qt(platform: str | None) -> None:
    helped = run_app("--help", platform=platform)
    assert helped.returncode == 0, helped.stderr
    assert helped.stdout.startswith("usage: photodedup")
    assert "FOLDER" in helped.stdout

    version = run_app("--version", platform=platform)
    assert (version.returncode, version.stdout.strip()) == (0, f"photodedup {__version__}")
    assert "xcb" not in version.stderr


def test_version_and_help_answer_before_qt_and_the_engine_load() -> None:
    # They must answer at once: Qt, the window and numpy take a second or more to load.
    code = (
        "import sys\n"
        "from photodedup.gui.app import main\n"
        "for arg in ('--version', '--help'):\n"
        "    assert main(['photodedup', arg]) == 0\n"
        "print(sorted(m for m in ('PySide6', 'numpy', 'PIL') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
