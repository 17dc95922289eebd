"""The one place the GUI remembers things between runs (a thin QSettings wrapper)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings

from photodedup.core.models import DEFAULT_MIN_SIZE, HASH_ALGORITHMS, HASH_SIZES


@dataclass(frozen=True)
class Folder:
    """A folder to scan; files in a reference folder are never marked for removal."""

    path: str
    reference: bool = False


class Settings:
    """Typed access to the user's choices; every value has a safe default.

    ``path`` points at an ini file (tests, portable use); without it the platform's
    usual place for the organisation and application name set in ``app.main`` is used.
    """

    def __init__(self, path: str | None = None) -> None:
        if path is None:
            self._qs = QSettings()
        else:
            self._qs = QSettings(path, QSettings.Format.IniFormat)

    def sync(self) -> None:
        self._qs.sync()

    # A JSON string rather than QSettings lists: those round-trip differently per backend.
    @property
    def folders(self) -> list[Folder]:
        raw = self._qs.value("scan/folders", "[]")
        try:
            items = json.loads(str(raw))
            return [Folder(str(i["path"]), bool(i.get("reference", False))) for i in items]
        except (ValueError, TypeError, KeyError):
            return []

    @folders.setter
    def folders(self, folders: list[Folder]) -> None:
        data = [{"path": f.path, "reference": f.reference} for f in folders]
        self._qs.setValue("scan/folders", json.dumps(data))

    @property
    def hash_algorithm(self) -> str:
        value = str(self._qs.value("scan/hash_algorithm", "dhash"))
        return value if value in HASH_ALGORITHMS else "dhash"

    @hash_algorithm.setter
    def hash_algorithm(self, value: str) -> None:
        self._qs.setValue("scan/hash_algorithm", value)

    @property
    def hash_size(self) -> int:
        value = self._int("scan/hash_size", 8)
        return value if value in HASH_SIZES else 8

    @hash_size.setter
    def hash_size(self, value: int) -> None:
        self._qs.setValue("scan/hash_size", int(value))

    @property
    def preset(self) -> str:
        return str(self._qs.value("scan/preset", "similar"))

    @preset.setter
    def preset(self, value: str) -> None:
        self._qs.setValue("scan/preset", value)

    @property
    def rotations(self) -> bool:
        return self._bool("scan/rotations", False)

    @rotations.setter
    def rotations(self, value: bool) -> None:
        self._qs.setValue("scan/rotations", bool(value))

    @property
    def min_size(self) -> int:
        return max(0, self._int("scan/min_size", DEFAULT_MIN_SIZE))

    @min_size.setter
    def min_size(self, value: int) -> None:
        self._qs.setValue("scan/min_size", int(value))

    @property
    def excludes(self) -> list[str]:
        return split_patterns(str(self._qs.value("scan/excludes", "")))

    @excludes.setter
    def excludes(self, patterns: list[str]) -> None:
        self._qs.setValue("scan/excludes", "; ".join(patterns))

    @property
    def selection_rule(self) -> str:
        return str(self._qs.value("results/selection_rule", "resolution"))

    @selection_rule.setter
    def selection_rule(self, value: str) -> None:
        self._qs.setValue("results/selection_rule", value)

    @property
    def sort_key(self) -> str:
        return str(self._qs.value("results/sort", "bytes"))

    @sort_key.setter
    def sort_key(self, value: str) -> None:
        self._qs.setValue("results/sort", value)

    @property
    def language(self) -> str | None:
        """A language code like "zh_CN", or None to follow the system."""
        value = str(self._qs.value("ui/language", "") or "")
        return value or None

    @language.setter
    def language(self, value: str | None) -> None:
        self._qs.setValue("ui/language", value or "")

    @property
    def geometry(self) -> QByteArray | None:
        value = self._qs.value("ui/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._qs.setValue("ui/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        value = self._qs.value("ui/window_state")
        return value if isinstance(value, QByteArray) else None

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._qs.setValue("ui/window_state", value)

    def _int(self, key: str, default: int) -> int:
        try:
            return int(self._qs.value(key, default))
        except (TypeError, ValueError):
            return default

    def _bool(self, key: str, default: bool) -> bool:
        value = self._qs.value(key, default)
        if isinstance(value, str):  # ini files give back "true"/"false"
            return value.lower() in {"true", "1", "yes"}
        return bool(value)


def split_patterns(text: str) -> list[str]:
    """Exclude patterns typed as "*.tmp; Thumbs; @eaDir" → a clean list."""
    return [p.strip() for p in text.replace("\n", ";").split(";") if p.strip()]
