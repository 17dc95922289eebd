"""The one place the GUI remembers things between runs (a thin QSettings wrapper)."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from photodedup.core.keep import KeepRule
from photodedup.core.models import DEFAULT_MIN_SIZE, HASH_ALGORITHMS, HASH_SIZES


@dataclass(frozen=True)
class Folder:
    """A folder to scan; files in a reference folder are never marked for removal."""

    path: str
    reference: bool = False


class Setting:
    """One remembered value, declared once: its key, its default, and how it is read.

    A stored value that cannot be read back (another version wrote it, the file was
    edited by hand) gives the default, so a bad settings file never stops the app.
    """

    def __init__(
        self,
        key: str,
        default: Any,
        *,
        choices: Collection[Any] | None = None,
        load: Callable[[Any], Any] | None = None,
        dump: Callable[[Any], Any] | None = None,
    ) -> None:
        self.key, self.default, self.choices = key, default, choices
        self._load = load or _converter(default)
        self._dump = dump

    def __get__(self, settings: Settings | None, owner: type | None = None) -> Any:
        if settings is None:
            return self
        raw = settings._qs.value(self.key)
        if raw is None:
            return copy.copy(self.default)
        try:
            value = self._load(raw)
        except (TypeError, ValueError, KeyError):
            return copy.copy(self.default)
        if self.choices is not None and value not in self.choices:
            return copy.copy(self.default)
        return value

    def __set__(self, settings: Settings, value: Any) -> None:
        settings._qs.setValue(self.key, self._dump(value) if self._dump else value)


def _converter(default: Any) -> Callable[[Any], Any]:
    if isinstance(default, bool):
        return _to_bool
    if isinstance(default, int):
        return int
    return str


def _to_bool(raw: Any) -> bool:
    if isinstance(raw, str):  # ini files give back "true"/"false"
        return raw.lower() in {"true", "1", "yes"}
    return bool(raw)


def _byte_array(raw: Any) -> QByteArray | None:
    return raw if isinstance(raw, QByteArray) else None


def _or_empty(value: str | None) -> str:
    return value or ""


# A JSON string rather than QSettings lists: those round-trip differently per backend.
def _load_folders(raw: Any) -> list[Folder]:
    return [Folder(str(i["path"]), bool(i.get("reference", False))) for i in json.loads(str(raw))]


def _dump_folders(folders: list[Folder]) -> str:
    return json.dumps([{"path": f.path, "reference": f.reference} for f in folders])


def _load_rule_text(raw: Any) -> str:
    text = str(raw)
    return KeepRule.parse(text).text()  # a rule this version cannot read gives the default


def _load_keep_rules(raw: Any) -> list[tuple[str, str]]:
    rules = []
    for item in json.loads(str(raw)):
        name, text = str(item["name"]).strip(), str(item["rule"])
        try:
            rules.append((name, KeepRule.parse(text).criteria_text()))
        except ValueError:
            continue  # one unreadable rule does not cost the others
    return [(n, t) for n, t in rules if n]


def _dump_keep_rules(rules: list[tuple[str, str]]) -> str:
    return json.dumps([{"name": n, "rule": t} for n, t in rules])


class Settings:
    """Typed access to the user's choices; every value has a safe default.

    ``path`` points at an ini file (tests, portable use); without it the platform's
    usual place for the organisation and application name set in ``app.main`` is used.
    """

    folders = Setting("scan/folders", [], load=_load_folders, dump=_dump_folders)
    # A new key: the old one held dHash for everyone, chosen or not, and the checked
    # PDQ fingerprint is the better default for all (bench/README.md).
    hash_algorithm = Setting("scan/fingerprint", "pdq", choices=HASH_ALGORITHMS)
    hash_size = Setting("scan/hash_size", 8, choices=HASH_SIZES)
    preset = Setting("scan/preset", "similar")
    rotations = Setting("scan/rotations", False)
    crops = Setting("scan/crops", False)
    include_blank = Setting("scan/include_blank", False)
    min_size = Setting("scan/min_size", DEFAULT_MIN_SIZE, load=lambda raw: max(0, int(raw)))
    excludes = Setting(
        "scan/excludes", [], load=lambda raw: split_patterns(str(raw)), dump="; ".join
    )
    # The keep rule in use: a preset name or a rule's text (``keep.KeepRule.parse``).
    selection_rule = Setting("results/selection_rule", "best", load=_load_rule_text)
    # The user's own keep rules, by name, in the order the Keep menu shows them.
    keep_rules = Setting("results/keep_rules", [], load=_load_keep_rules, dump=_dump_keep_rules)
    sort_key = Setting("results/sort", "bytes")
    # The check window: the index file chosen last, and whether the check was against it.
    check_index = Setting("check/index_file", "")
    check_against_index = Setting("check/against_index", False)
    # A language code like "zh_CN", or None to follow the system.
    language = Setting(
        "ui/language", None, load=lambda raw: str(raw) or None, dump=lambda v: v or ""
    )
    geometry = Setting("ui/geometry", None, load=_byte_array)
    window_state = Setting("ui/window_state", None, load=_byte_array)

    def __init__(self, path: str | None = None) -> None:
        if path is None:
            self._qs = QSettings()
        else:
            self._qs = QSettings(path, QSettings.Format.IniFormat)

    def sync(self) -> None:
        self._qs.sync()


def split_patterns(text: str) -> list[str]:
    """Exclude patterns typed as "*.tmp; Thumbs; @eaDir" → a clean list."""
    return [p.strip() for p in text.replace("\n", ";").split(";") if p.strip()]
