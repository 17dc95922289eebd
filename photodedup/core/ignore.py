"""Pairs of photos the user said are not duplicates, remembered between runs.

A decision is keyed by what the two files are, not where they are: each side is
the file's quick content digest (size plus sampled blocks, the one the cache
uses to recognise a moved file), so it survives renames, moves and rescans, and
it covers byte-identical copies of the same two pictures too. A side falls back
to the path only when there is no digest, or when the two files have the same
content (then only the paths tell them apart).

Applied to groups, a member declared different from a member kept before it
leaves its group; a group left with a single file is dropped. The list is a
small JSON file written atomically; a damaged file is set aside and an empty
list used, so a bad file never stops a scan. Lists from earlier versions, keyed
by path, are migrated on load: pairs whose files still exist get their digests.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from platformdirs import user_data_dir

from photodedup.core.fingerprint import quick_digest
from photodedup.core.models import ImageRecord
from photodedup.core.results import Group, Member

_VERSION = 2
FILE_NAME = "ignore-list.json"
LEGACY_FILE_NAME = "not-duplicates.json"  # version 1: pairs of paths


def default_ignore_path() -> str:
    """The app's own list, which the command line uses too unless told otherwise."""
    return os.path.join(user_data_dir("photodedup", appauthor=False), FILE_NAME)


@dataclass(frozen=True)
class IgnoredPair:
    """One decision: two keys ("d:" digest or "p:" path, sorted), the paths the files
    had when it was made (for showing it), and when it was made (seconds, UTC)."""

    keys: tuple[str, str]
    paths: tuple[str, str]
    added: float = 0.0


def content_key(record: ImageRecord) -> str:
    return f"d:{record.digest}" if record.digest else f"p:{record.path}"


def _pair_keys(a: ImageRecord, b: ImageRecord) -> tuple[str, str] | None:
    if a.path == b.path:
        return None
    ka, kb = content_key(a), content_key(b)
    if ka == kb:  # the same bytes under two names: only the paths differ
        ka, kb = f"p:{a.path}", f"p:{b.path}"
    return (ka, kb) if ka <= kb else (kb, ka)


class IgnoreList:
    """The not-a-duplicate decisions, saved after every change."""

    def __init__(self, path: str | None = None) -> None:
        self.path = path or default_ignore_path()
        self.warnings: list[str] = []
        self._pairs: dict[tuple[str, str], IgnoredPair] = {}
        self._load()

    def __len__(self) -> int:
        return len(self._pairs)

    def __contains__(self, pair: tuple[ImageRecord, ImageRecord]) -> bool:
        return self._matches(*pair)

    def entries(self) -> list[IgnoredPair]:
        """Every decision, newest first."""
        return sorted(self._pairs.values(), key=lambda p: (-p.added, p.paths))

    def add(self, a: ImageRecord, b: ImageRecord) -> None:
        self.add_many([(a, b)])

    def add_many(self, pairs: Iterable[tuple[ImageRecord, ImageRecord]]) -> None:
        now = time.time()
        for a, b in pairs:
            keys = _pair_keys(a, b)
            if keys is not None:
                paths = (a.path, b.path) if content_key(a) <= content_key(b) else (b.path, a.path)
                self._pairs[keys] = IgnoredPair(keys, paths, now)
        self._save()

    def remove(self, entry: IgnoredPair) -> None:
        """Undo one decision: the two files may group again from the next scan."""
        if self._pairs.pop(entry.keys, None) is not None:
            self._save()

    def clear(self) -> None:
        self._pairs.clear()
        self._save()

    def apply(self, groups: Sequence[Group]) -> list[Group]:
        """Groups without the members declared different from one kept before them."""
        if not self._pairs:
            return list(groups)
        out = []
        for group in groups:
            kept: list[Member] = []
            for m in group.members:
                if not any(self._matches(k.image, m.image) for k in kept):
                    kept.append(m)
            dropped = {m.image.path for m in group.members} - {m.image.path for m in kept}
            smaller = group.without(dropped)
            if smaller is not None:
                out.append(smaller)
        return out

    def _matches(self, a: ImageRecord, b: ImageRecord) -> bool:
        for ka in (content_key(a), f"p:{a.path}"):
            for kb in (content_key(b), f"p:{b.path}"):
                if ((ka, kb) if ka <= kb else (kb, ka)) in self._pairs:
                    return True
        return False

    # -- the file ------------------------------------------------------------

    def _load(self) -> None:
        source = self.path
        if not os.path.exists(source) and self.path == default_ignore_path():
            legacy = os.path.join(os.path.dirname(self.path), LEGACY_FILE_NAME)
            if os.path.exists(legacy):
                source = legacy
        try:
            with open(source, encoding="utf-8") as fp:
                data = json.load(fp)
            legacy_pairs = data["pairs"] if data.get("version", 1) == 1 else None
            if legacy_pairs is None:
                self._pairs = {}
                for item in data["pairs"]:
                    entry = IgnoredPair(
                        tuple(sorted(item["keys"])), tuple(item["paths"]), float(item["added"])
                    )
                    if len(entry.keys) == 2 and len(entry.paths) == 2:
                        self._pairs[entry.keys] = entry
            else:
                self._pairs = _migrate(legacy_pairs)
        except FileNotFoundError:
            return
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            self._pairs = {}
            aside = source + ".damaged"
            try:
                os.replace(source, aside)
                self.warnings.append(f"ignore list was unreadable ({exc}); set aside as {aside}")
            except OSError:
                self.warnings.append(f"ignore list was unreadable ({exc})")
            return
        if legacy_pairs is not None and self._pairs:
            try:
                if source == self.path:  # keep the earlier version's own file beside it
                    shutil.copyfile(source, source + ".v1")
                self._save()
            except OSError as exc:
                self.warnings.append(f"could not save the migrated ignore list ({exc})")

    def _save(self) -> None:
        # ensure_ascii writes the surrogate escapes of non-UTF-8 names as escapes that
        # json.load turns back into the same str.
        os.makedirs(os.path.dirname(os.path.abspath(self.path)), exist_ok=True)
        tmp = self.path + ".tmp"
        data = {
            "version": _VERSION,
            "pairs": [
                {"keys": list(p.keys), "paths": list(p.paths), "added": p.added}
                for p in sorted(self._pairs.values(), key=lambda p: p.keys)
            ],
        }
        with open(tmp, "w", encoding="utf-8") as fp:
            json.dump(data, fp, ensure_ascii=True, indent=1)
        os.replace(tmp, self.path)


def _migrate(path_pairs: Iterable[Sequence[str]]) -> dict[tuple[str, str], IgnoredPair]:
    """Version 1 pairs of paths, keyed by content where both files are still there."""
    out: dict[tuple[str, str], IgnoredPair] = {}
    for a, b in path_pairs:
        a, b = str(a), str(b)
        ka, kb = _digest_key(a), _digest_key(b)
        if ka is None or kb is None or ka == kb:
            ka, kb = f"p:{a}", f"p:{b}"
        if ka == kb:
            continue
        keys = (ka, kb) if ka <= kb else (kb, ka)
        out[keys] = IgnoredPair(keys, (a, b) if ka <= kb else (b, a))
    return out


def _digest_key(path: str) -> str | None:
    try:
        return "d:" + quick_digest(path, os.stat(path).st_size)
    except OSError:
        return None
