"""What a wheel ships is listed in pyproject.toml: keep the list and the tree in step."""

from __future__ import annotations

import configparser
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

from photodedup.gui.platform.resources import ICON_SIZES, app_icon, resource_path

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
APP_ID = "io.github.photodedup.Photodedup"


def setuptools_config() -> dict:
    with open(ROOT / "pyproject.toml", "rb") as fp:
        return tomllib.load(fp)["tool"]["setuptools"]


def test_every_subpackage_is_listed():
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "photodedup").rglob("__init__.py")
    }
    assert found <= set(setuptools_config()["packages"])


def test_resources_package_data_covers_the_resource_files():
    config = setuptools_config()
    assert config["package-dir"]["photodedup.resources"] == "resources"
    data = config["package-data"]
    shipped = set()
    for package, patterns in data.items():
        folder = RESOURCES.joinpath(*package.split(".")[2:])
        for pattern in patterns:
            shipped |= set(folder.glob(pattern))
    # Everything in resources/ but translation sources (.ts) and icon sources.
    wanted = {
        p
        for p in RESOURCES.rglob("*")
        if p.is_file() and p.suffix != ".ts" and p.name != "photodedup-small.svg"
    }
    assert wanted - shipped == set()


def test_resource_path_finds_the_checkout_resources():
    assert Path(resource_path("photodedup.svg")) == RESOURCES / "photodedup.svg"
    for size in ICON_SIZES:
        assert Path(resource_path(f"icons/photodedup-{size}.png")).is_file()


def test_app_icon_has_a_render_for_each_size(qapp):
    icon = app_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= set(ICON_SIZES)


def test_desktop_entry_names_the_app_and_its_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(RESOURCES / f"{APP_ID}.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"].split()[0] == "photodedup"
    assert section["Icon"] == APP_ID
    assert "Graphics" in section["Categories"].split(";")


def test_metainfo_matches_the_desktop_entry():
    root = ET.parse(RESOURCES / f"{APP_ID}.metainfo.xml").getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert {b.text for b in root.iter("binary")} == {"photodedup", "photodedup-cli"}
    assert root.findtext("summary") and root.find("description") is not None
