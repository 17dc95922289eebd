"""Which language the GUI speaks: English (the source strings) or a shipped translation.

Translations are compiled ``photodedup_<code>.qm`` files in the resources'
``translations`` folder; Qt's own strings (standard buttons, file dialogs) come
from Qt's ``qtbase_<code>.qm`` when Qt ships one.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from photodedup.gui.platform.resources import resource_path

SOURCE_LANGUAGE = "en"
# Names as their speakers write them; QLocale's own names vary between Qt versions.
_NATIVE_NAMES = {"en": "English", "zh_CN": "简体中文"}

_log = logging.getLogger(__name__)
# Installed translators must stay referenced, or Python frees them under Qt.
_installed: list[QTranslator] = []


def available_languages() -> dict[str, str]:
    """Language code -> native name, for English and every translation that is installed."""
    languages = {SOURCE_LANGUAGE: _NATIVE_NAMES[SOURCE_LANGUAGE]}
    for qm in sorted(Path(resource_path("translations")).glob("photodedup_*.qm")):
        code = qm.stem.removeprefix("photodedup_")
        languages[code] = _NATIVE_NAMES.get(code) or QLocale(code).nativeLanguageName()
    return languages


def system_language() -> str:
    """The available language that best fits the user's system preferences."""
    available = available_languages()
    for preferred in QLocale.system().uiLanguages():
        wanted = QLocale(preferred)
        for code in available:
            candidate = QLocale(code)
            # Language and script must agree: zh-Hant-TW does not pick zh_CN, though the
            # bare "zh" that such systems list after it does, as Qt itself would.
            if candidate.language() == wanted.language() and candidate.script() == wanted.script():
                return code
    return SOURCE_LANGUAGE


def install_translators(app: QCoreApplication, language: str | None) -> str:
    """Make ``app`` speak ``language`` (None or "" = the system's); returns the code used.

    Replaces translators installed by an earlier call, so the language can be changed
    while running (widgets then retranslate on their LanguageChange event). A language
    without an installed translation falls back to English.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()

    code = language or system_language()
    if code == SOURCE_LANGUAGE:
        return code
    ours = QTranslator(app)
    if not ours.load(f"photodedup_{code}", resource_path("translations")):
        _log.warning("no translation for %r, using English", code)
        return SOURCE_LANGUAGE
    app.installTranslator(ours)
    _installed.append(ours)

    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{code}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    return code
