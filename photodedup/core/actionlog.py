"""The action log: where every removed file went, and what came back.

One JSON object a line, appended and flushed to disk before the next file is
touched, so a crash loses at most the line being written. Every removal belongs
to a *batch* (one press of "Move to Trash", one ``scan --trash``): its lines
share a batch id and each says where its file went, so a batch can be listed
and restored later. A line looks like::

    {"v": 2, "batch": "20261201-231800-3fa2c1", "time": "2026-12-01T23:18:00+00:00",
     "action": "trashed", "path": "/photos/b.jpg", "size": 123456,
     "digest": "<blake2b-256 hex>", "destination": "<trash>/files/b.jpg",
     "trashinfo": "<trash>/info/b.jpg.trashinfo"}

``action`` is "trashed" or "moved" for a removal and "restored" for a file put
back. Lines written before batches existed have no "batch"; consecutive ones
of the same kind are read as one batch. A line that cannot be read is reported
with its number and skipped; the rest of the log stays usable.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, BinaryIO

import platformdirs

LOG_NAME = "trash.log"
VERSION = 2
REMOVALS = frozenset({"trashed", "moved"})


class BatchStatus(StrEnum):
    REMOVED = "removed"  # nothing restored yet
    PARTLY_RESTORED = "partly-restored"
    RESTORED = "restored"


@dataclass(frozen=True)
class LoggedFile:
    """One removed file: where it was, what it was, and where it went."""

    path: str
    size: int
    action: str  # "trashed" or "moved"
    digest: str | None = None  # None in lines older than batches
    destination: str | None = None  # None where the platform trash hides it
    trashinfo: str | None = None


@dataclass
class Batch:
    """The files one removal acted on, in order, and which of them came back."""

    id: str
    time: str
    files: list[LoggedFile] = field(default_factory=list)
    restored: set[str] = field(default_factory=set)  # original paths put back

    @property
    def bytes(self) -> int:
        return sum(f.size for f in self.files)

    @property
    def action(self) -> str:
        """ "trashed", "moved", or "mixed" when some files could only be moved."""
        actions = {f.action for f in self.files}
        return actions.pop() if len(actions) == 1 else "mixed"

    @property
    def status(self) -> BatchStatus:
        back = sum(1 for f in self.files if f.path in self.restored)
        if back == 0:
            return BatchStatus.REMOVED
        if back < len(self.files):
            return BatchStatus.PARTLY_RESTORED
        return BatchStatus.RESTORED


@dataclass(frozen=True)
class DamagedLine:
    """A log line that could not be read: its number (from 1) and why."""

    line: int
    reason: str


@dataclass
class History:
    batches: list[Batch] = field(default_factory=list)  # oldest first
    damaged: list[DamagedLine] = field(default_factory=list)

    def find(self, wanted: str) -> Batch | None:
        """The batch whose id is ``wanted`` or starts with it, when only one does."""
        exact = [b for b in self.batches if b.id == wanted]
        if exact:
            return exact[0]
        found = [b for b in self.batches if wanted and b.id.startswith(wanted)]
        return found[0] if len(found) == 1 else None


def default_log_path() -> str:
    """Where removals are logged: the user log dir (on Linux under XDG_STATE_HOME)."""
    return os.path.join(platformdirs.user_log_dir("photodedup", appauthor=False), LOG_NAME)


def new_batch_id() -> str:
    """A new batch id: sortable by time, and unique without any shared counter."""
    return f"{datetime.now():%Y%m%d-%H%M%S}-{secrets.token_hex(3)}"


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


class LogWriter:
    """Appends entries to the log, each one on disk before ``write`` returns."""

    def __init__(self, path: str | None = None) -> None:
        self.path = path or default_log_path()
        os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
        self._file: BinaryIO = open(self.path, "ab")  # noqa: SIM115 - closed by close()
        if not _ends_line(self.path):
            self._file.write(b"\n")  # a line cut short must not swallow the next one

    def write(self, batch: str, action: str, path: str, size: int, **extra: Any) -> None:
        entry = {
            "v": VERSION,
            "batch": batch,
            "time": now(),
            "action": action,
            "path": path,
            "size": size,
            **extra,
        }
        try:
            # Undecodable name bytes go back out as they were, so the log shows
            # the name the file system holds.
            line = json.dumps(entry, ensure_ascii=False).encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            line = json.dumps(entry).encode("ascii")
        self._file.write(line + b"\n")
        self._file.flush()
        os.fsync(self._file.fileno())

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> LogWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_log(path: str | None = None) -> list[dict[str, Any]]:
    """The readable entries of a log, oldest first; an absent log has none."""
    return [entry for _, entry in _entries(path)[0]]


def read_history(path: str | None = None) -> History:
    """Every batch in the log, oldest first, and the lines that could not be read."""
    entries, damaged = _entries(path)
    history = History(damaged=damaged)
    by_id: dict[str, Batch] = {}
    legacy: Batch | None = None
    for number, entry in entries:
        batch_id = entry.get("batch")
        action = entry.get("action")
        if not isinstance(batch_id, str):
            batch_id, legacy = _legacy_batch(number, entry, legacy)
        batch = by_id.get(batch_id)
        if batch is None:
            if action not in REMOVALS:
                continue  # a restore of a batch this log no longer holds
            batch = by_id[batch_id] = Batch(batch_id, str(entry.get("time", "")))
            history.batches.append(batch)
        if action in REMOVALS:
            batch.files.append(_logged_file(entry))
            batch.restored.discard(entry["path"])
        elif action == "restored":
            batch.restored.add(entry["path"])
    return history


def _legacy_batch(
    number: int, entry: dict[str, Any], previous: Batch | None
) -> tuple[str, Batch | None]:
    """Lines from before batches: a run of the same action counts as one batch."""
    if previous is not None and previous.files and previous.files[-1].action == entry["action"]:
        return previous.id, previous
    batch = Batch(f"line-{number}", str(entry.get("time", "")))
    return batch.id, batch


def _logged_file(entry: dict[str, Any]) -> LoggedFile:
    return LoggedFile(
        path=entry["path"],
        size=int(entry.get("size") or 0),
        action=entry["action"],
        digest=entry.get("digest"),
        destination=entry.get("destination"),
        trashinfo=entry.get("trashinfo"),
    )


def _entries(path: str | None) -> tuple[list[tuple[int, dict[str, Any]]], list[DamagedLine]]:
    entries: list[tuple[int, dict[str, Any]]] = []
    damaged: list[DamagedLine] = []
    try:
        f = open(path or default_log_path(), encoding="utf-8", errors="surrogateescape")  # noqa: SIM115
    except FileNotFoundError:
        return entries, damaged
    with f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except ValueError:
                damaged.append(DamagedLine(number, "not a complete JSON line"))
                continue
            problem = _problem(entry)
            if problem:
                damaged.append(DamagedLine(number, problem))
                continue
            entries.append((number, entry))
    return entries, damaged


def _problem(entry: object) -> str | None:
    if not isinstance(entry, dict):
        return "not a JSON object"
    if not isinstance(entry.get("path"), str) or not isinstance(entry.get("action"), str):
        return "no path or action"
    size = entry.get("size", 0)
    if not isinstance(size, int) or isinstance(size, bool):
        return "size is not a number"
    for key in ("destination", "trashinfo", "digest"):
        if not isinstance(entry.get(key), str | None):
            return f"{key} is not text"
    return None


def _ends_line(path: str) -> bool:
    with open(path, "rb") as f:
        if f.seek(0, os.SEEK_END) == 0:
            return True
        f.seek(-1, os.SEEK_END)
        return f.read(1) == b"\n"


def pending(batch: Batch) -> list[LoggedFile]:
    """The files of ``batch`` not restored yet, in the order they were removed."""
    last: dict[str, LoggedFile] = {}
    for logged in batch.files:
        # The same path removed twice in one batch: only the last removal is pending.
        last.pop(logged.path, None)
        last[logged.path] = logged
    return [f for path, f in last.items() if path not in batch.restored]
