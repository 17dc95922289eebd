"""`pip install .` gives both commands, and the installed app finds its icon and languages."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A throwaway venv with the package installed from a wheel built from this checkout."""
    tmp = tmp_path_factory.mktemp("wheel")
    # Compile here, where PySide6 is importable, so the isolated build need not fetch it.
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "packaging" / "i18n.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    tool.compile_all()
    pip = [sys.executable, "-m", "pip"]
    subprocess.run([*pip, "wheel", str(ROOT), "--no-deps", "-q", "-w", tmp], check=True)
    (wheel,) = tmp.glob("photodedup-*.whl")
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    python = venv / "bin" / "python"
    subprocess.run([*pip, "--python", python, "install", "--no-deps", "-q", wheel], check=True)
    return venv


def run_installed(venv: Path, *args: str) -> str:
    # The dependencies come from the test environment's site-packages, put on the path
    # as a plain folder: its .pth files (the checkout's editable install) are not read,
    # so photodedup itself can only come from the throwaway venv.
    env = {**os.environ, "PYTHONPATH": sysconfig.get_paths()["purelib"]}
    env["QT_QPA_PLATFORM"] = "offscreen"
    out = subprocess.run(
        args, env=env, cwd=venv, capture_output=True, text=True, check=True, timeout=60
    )
    return out.stdout


def test_wheel_installs_both_commands(installed: Path):
    from photodedup import __version__

    assert (installed / "bin" / "photodedup").is_file()
    out = run_installed(installed, str(installed / "bin" / "photodedup-cli"), "--version")
    assert out.strip() == f"photodedup {__version__}"


def test_installed_app_finds_its_icon_and_translations(installed: Path):
    code = (
        "import photodedup\n"
        "import photodedup.gui.platform.i18n as i, photodedup.gui.platform.resources as r\n"
        "print(photodedup.__file__)\n"
        "print(r.resource_path('photodedup.svg'))\n"
        "print(r.resource_path('translations/photodedup_zh_CN.qm'))\n"
        "print(sorted(i.available_languages()))\n"
    )
    package, svg, qm, languages = run_installed(
        installed, str(installed / "bin" / "python"), "-c", code
    ).splitlines()
    site = Path(package).parent.parent
    assert site.is_relative_to(installed)
    assert Path(svg).is_file() and Path(svg).is_relative_to(site)
    assert Path(qm).is_file() and Path(qm).is_relative_to(site)
    assert languages == "['en', 'zh_CN']"


def test_wheel_carries_every_icon_size(installed: Path):
    (wheel,) = installed.parent.glob("photodedup-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert f"photodedup/resources/icons/photodedup-{size}.png" in names
    assert "photodedup/resources/io.github.photodedup.Photodedup.desktop" in names
