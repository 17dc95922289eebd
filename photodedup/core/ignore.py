"""Pairs of photos the user said are not duplicates, remembered between runs.

A pair is two paths. After grouping, a member that the user declared "not a
duplicate" of its group's reference leaves the group; a group left with a single
file is dropped. The list is a small JSON file; a damaged file is set aside and
an empty list used, so a bad file never stops a scan.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import replace

from platformdirs import user_data_dir

from photodedup.core.models import Group

_VERSION = 1


def default_ignore_path() -> str:
    return os.path.join(user_data_dir("photodedup", appauthor=False), "not-duplicates.json")


def _key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


class IgnoreList:
    """A set of unordered path pairs, saved after every change."""

    def __init__(self, path: str | None = None) -> None:
        self.path = path or default_ignore_path()
        self.warnings: list[str] = []
        self._pairs: set[tuple[str, str]] = set()
        self._load()

    def __len__(self) -> int:
        return len(self._pairs)

    def __contains__(self, pair: tuple[str, str]) -> bool:
        return _key(*pair) in self._pairs

    def add(self, a: str, b: str) -> None:
        if a == b:
            return
        self._pairs.add(_key(a, b))
        self._save()

    def add_many(self, pairs: Iterable[tuple[str, str]]) -> None:
        self._pairs.update(_key(a, b) for a, b in pairs if a != b)
        self._save()

    def clear(self) -> None:
        self._pairs.clear()
        self._save()

    def apply(self, groups: Sequence[Group]) -> list[Group]:
        """Groups without the members declared different from their reference."""
        if not self._pairs:
            return list(groups)
        out = []
        for group in groups:
            ref = group.reference.path
            members = tuple(
                m
                for i, m in enumerate(group.members)
                if i == 0 or _key(ref, m.image.path) not in self._pairs
            )
            if len(members) >= 2:
                out.append(
                    group if len(members) == len(group.members) else replace(group, members=members)
                )
        return out

    def _load(self) -> None:
        try:
            with open(self.path, encoding="utf-8") as fp:
                data = json.load(fp)
            self._pairs = {_key(str(a), str(b)) for a, b in data["pairs"]}
        except FileNotFoundError:
            return
        except (OSError, ValueError, KeyError, TypeError) as exc:
            aside = self.path + ".damaged"
            try:
                os.replace(self.path, aside)
                self.warnings.append(f"ignore list was unreadable ({exc}); set aside as {aside}")
            except OSError:
                self.warnings.append(f"ignore list was unreadable ({exc})")

    def _save(self) -> None:
        # ensure_ascii writes the surrogate escapes of non-UTF-8 names as escapes that
        # json.load turns back into the same str.
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        tmp = self.path + ".tmp"
        data = {"version": _VERSION, "pairs": sorted(list(p) for p in self._pairs)}
        with open(tmp, "w", encoding="utf-8") as fp:
            json.dump(data, fp, ensure_ascii=True, indent=0)
        os.replace(tmp, self.path)
