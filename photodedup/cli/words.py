"""The words the CLI prints for the engine's removal and restore codes."""

from __future__ import annotations

from photodedup.core.actionlog import Batch, BatchStatus
from photodedup.core.restore import RestoreOutcome, RestoreStatus

BATCH_STATUS = {
    BatchStatus.REMOVED: "removed",
    BatchStatus.PARTLY_RESTORED: "partly restored",
    BatchStatus.RESTORED: "restored",
}

ACTION = {"trashed": "to the trash", "moved": "moved to a folder", "mixed": "trash and folder"}

_RESTORE = {
    RestoreStatus.RESTORED: "restored",
    RestoreStatus.ALREADY_RESTORED: "already restored",
    RestoreStatus.TARGET_EXISTS: "skipped: another file now exists at the original path",
    RestoreStatus.GONE: "not restored: it is no longer in the trash or the folder "
    "(the trash may have been emptied)",
    RestoreStatus.CHANGED: "not restored: the file in the trash is not the one removed",
    RestoreStatus.NOT_READABLE: "not restored: this system's trash cannot be read back; "
    "put it back from the Finder or the Recycle Bin",
    RestoreStatus.FAILED: "failed",
}


def restore_words(outcome: RestoreOutcome) -> str:
    words = _RESTORE[outcome.status]
    return f"{words}: {outcome.detail}" if outcome.detail else words


def batch_time(batch: Batch) -> str:
    """ "2026-12-01 23:18" from the ISO time of the batch's first line."""
    return batch.time[:16].replace("T", " ") if batch.time else "unknown time"
