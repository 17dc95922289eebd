"""The layering the folders promise, checked on every import statement of the package.

core/ is the engine: no Qt, no front end. In gui/, platform/ is the base, widgets/
build on it, and each feature folder (scan/, results/, compare/, review/, ...) uses
only those and the engine; the modules at the top of gui/ wire the features together.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "photodedup"
GUI_BASE = ("platform", "widgets")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module ``path`` imports, anywhere in the file (functions and
    TYPE_CHECKING blocks too); ``from pkg import name`` counts as ``pkg.name``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package[: len(package) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def area(name: str) -> str | None:
    """The gui folder a module belongs to, or None for the top of gui/."""
    parts = name.split(".")
    return parts[2] if len(parts) > 3 and parts[1] == "gui" else None


def allowed(importer: str, imported: str) -> bool:
    if not imported.startswith("photodedup.gui.") and imported != "photodedup.gui":
        return True
    if imported == "photodedup.gui":
        return True
    mine, theirs = area(importer), area(imported)
    if theirs is None and len(imported.split(".")) == 3:
        # a folder itself (photodedup.gui.scan) or a top-level module (main_window)
        theirs = imported.split(".")[2]
        if (PACKAGE / "gui" / f"{theirs}.py").is_file():
            return mine is None  # only the top of gui/ uses the top of gui/
    if mine is None:
        return True
    if mine == "platform":
        return theirs == "platform"
    if mine == "widgets":
        return theirs in GUI_BASE
    return theirs in GUI_BASE or theirs == mine


def test_the_engine_imports_no_qt_and_no_front_end():
    bad = {
        (module_name(p), m)
        for p in modules()
        if module_name(p).startswith("photodedup.core")
        for m in imports(p)
        if m.split(".")[0] in ("PySide6", "shiboken6")
        or m.startswith(("photodedup.gui", "photodedup.cli"))
    }
    assert bad == set()


def test_the_cli_imports_no_gui():
    bad = {
        (module_name(p), m)
        for p in modules()
        if module_name(p).startswith("photodedup.cli")
        for m in imports(p)
        if m.split(".")[0] in ("PySide6", "shiboken6") or m.startswith("photodedup.gui")
    }
    assert bad == set()


def test_gui_areas_import_only_their_base_and_themselves():
    bad = {
        (module_name(p), m)
        for p in modules()
        if module_name(p).startswith("photodedup.gui.")
        for m in imports(p)
        if not allowed(module_name(p), m)
    }
    assert bad == set()


@pytest.mark.parametrize(
    ("importer", "imported", "ok"),
    [
        ("photodedup.gui.results.view", "photodedup.gui.results.model", True),
        ("photodedup.gui.results.view", "photodedup.gui.widgets.file_menu", True),
        ("photodedup.gui.results.view", "photodedup.gui.platform.settings", True),
        ("photodedup.gui.results.view", "photodedup.gui.compare.view", False),
        ("photodedup.gui.results.view", "photodedup.gui.main_window", False),
        ("photodedup.gui.widgets.file_menu", "photodedup.gui.scan.worker", False),
        ("photodedup.gui.platform.i18n", "photodedup.gui.widgets.elided_label", False),
        ("photodedup.gui.main_window", "photodedup.gui.compare.view", True),
    ],
)
def test_the_rule_itself(importer, imported, ok):
    assert allowed(importer, imported) is ok


def test_relative_imports_are_resolved(tmp_path, monkeypatch):
    folder = tmp_path / "photodedup" / "gui" / "results"
    folder.mkdir(parents=True)
    source = folder / "view.py"
    source.write_text("from ..compare import view\nfrom . import model\n")
    monkeypatch.setitem(globals(), "PACKAGE", tmp_path / "photodedup")
    found = imports(source)
    assert "photodedup.gui.compare.view" in found and "photodedup.gui.results.model" in found
