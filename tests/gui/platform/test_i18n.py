"""The GUI speaks Simplified Chinese when asked, and every string has a translation."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from photodedup.core.ignore import IgnoreList
from photodedup.core.reasons import Reason
from photodedup.gui.main_window import MainWindow
from photodedup.gui.platform import i18n
from photodedup.gui.platform.reasons import reason_text

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "resources" / "translations" / "photodedup_zh_CN.ts"
CJK = re.compile(r"[\u4e00-\u9fff]")
# Placeholders a translation must keep: Python's {name}, Qt's %1 and %n.
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\d|%n")


def _tool_module():
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "packaging" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message.findtext("source") or "", message))
    return out


def _find(source: str) -> tuple[str, str]:
    """(context, translation) of ``source``, wherever in the GUI it is."""
    for context, text, message in _messages(TS):
        if context and text == source:
            return context, message.findtext("translation") or ""
    raise AssertionError(f"{source!r} is not in {TS.name}")


@pytest.fixture(scope="module", autouse=True)
def compiled() -> None:
    """The .qm built from the current .ts, as the set-up script would."""
    _tool_module().compile_all()


@pytest.fixture
def chinese(qapp):
    assert i18n.install_translators(qapp, "zh_CN") == "zh_CN"
    yield qapp
    i18n.install_translators(qapp, "en")


def test_chinese_is_offered_by_its_native_name():
    assert i18n.available_languages() == {"en": "English", "zh_CN": "简体中文"}


def test_main_window_actions_come_out_in_chinese(chinese, qtbot, settings, tmp_path):
    _, expected = _find("&Add folder…")
    assert CJK.search(expected)
    window = MainWindow(
        settings,
        ignore=IgnoreList(str(tmp_path / "ignore.json")),
        thumbnail_dir=str(tmp_path / "thumbs"),
    )
    qtbot.addWidget(window)
    texts = [a.text() for a in window.findChildren(QAction)]
    assert expected in texts
    assert "&Add folder…" not in texts


def test_switching_back_to_english_removes_the_translation(qapp):
    context, expected = _find("&Add folder…")
    assert i18n.install_translators(qapp, "zh_CN") == "zh_CN"
    assert QCoreApplication.translate(context, "&Add folder…") == expected
    assert i18n.install_translators(qapp, "en") == "en"
    assert QCoreApplication.translate(context, "&Add folder…") == "&Add folder…"


def test_unknown_language_falls_back_to_english(qapp):
    context, _ = _find("&Add folder…")
    assert i18n.install_translators(qapp, "xx_YY") == "en"
    assert QCoreApplication.translate(context, "&Add folder…") == "&Add folder…"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("zh_CN.UTF-8", "zh_CN"), ("zh_SG.UTF-8", "zh_CN"), ("de_DE.UTF-8", "en")],
)
def test_system_locale_picks_the_language(lang, expected):
    # Qt reads the system locale once per process, so ask a fresh one.
    env = {**os.environ, "LANG": lang, "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}
    code = "from photodedup.gui.platform import i18n; print(i18n.system_language())"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == expected


def test_every_entry_is_translated_and_keeps_its_placeholders():
    messages = _messages(TS)
    assert len(messages) > 50
    tool = _tool_module()
    assert tool.unfinished(TS) == []
    for context, source, message in messages:
        if not context:
            continue  # a misread call: see the test below
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text]
        for form in forms:
            assert sorted(PLACEHOLDER.findall(form)) == sorted(PLACEHOLDER.findall(source)), (
                f"{context}: {source!r} -> {form!r}"
            )


def test_every_string_is_found_with_its_context():
    # lupdate only understands self.tr(...) and QCoreApplication.translate(...) spelled
    # out; through an alias (tr = QCoreApplication.translate) it takes the context for
    # the text, and the real text is never translated.
    misread = [m.findtext("comment") for context, _, m in _messages(TS) if not context]
    assert misread == [], "call QCoreApplication.translate(...) directly, not via an alias"


def test_the_translation_file_has_every_string_in_the_gui(tmp_path):
    # lupdate over a copy: a string added to the GUI without a translation shows up
    # as a new unfinished entry.
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    tool = _tool_module()
    sources = [str(p) for p in sorted((ROOT / "photodedup" / "gui").rglob("*.py"))]
    subprocess.run(
        [tool.find_tool("lupdate"), *sources, "-ts", str(copy), "-no-obsolete", "-silent"],
        check=True,
        capture_output=True,
    )
    assert tool.unfinished(copy) == [], "run packaging/i18n.py update, then translate"


def test_what_a_mislabelled_file_looks_like_is_said_in_chinese(chinese):
    text = reason_text(Reason.NOT_AN_IMAGE, "PNG (text)")
    assert "PNG" in text and CJK.search(text), text
    assert "text" not in text  # no English word from the engine
