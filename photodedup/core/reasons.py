"""The engine's vocabulary: phases, outcome statuses and reason codes.

The engine says *what* happened as a code, with a ``detail`` string for the
part only the moment knows (a path, the system's own message); the CLI
(``cli/render.py``) and the GUI (through ``tr()``) each turn codes into words.
Every code is a ``StrEnum``, so it is a plain, readable string in the JSON
log, in exports and in reports.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Phase(StrEnum):
    """What a progress report is about."""

    DISCOVER = "discover"  # walking the folders
    HASH = "hash"  # fingerprinting the files
    GROUP = "group"  # searching for look-alikes
    TRASH = "trash"  # sending files to the trash
    MOVE = "move"  # moving files into a folder
    RESTORE = "restore"  # putting removed files back


class Status(StrEnum):
    """What happened to one file of a removal."""

    TRASHED = "trashed"
    MOVED = "moved"
    SKIPPED = "skipped"  # left alone: see the reason
    NO_TRASH = "no-trash"  # its drive has no usable trash; moving it may work
    FAILED = "failed"


class Reason(StrEnum):
    """Why a file was skipped or failed, or why a removal plan cannot run."""

    # A removal stopped before the file was reached.
    STOPPED = "stopped"  # by the user
    LOG_STOPPED = "log-stopped"  # because the log could not be written (detail: the log)
    # The file is not as scanned.
    VANISHED = "vanished"
    UNREADABLE = "unreadable"  # detail: the system's message
    NOT_REGULAR = "not-regular"
    CHANGED = "changed"
    # No copy stays to vouch for the file.
    NO_KEPT_COPY = "no-kept-copy"
    KEPT_SAME_FILE = "kept-same-file"  # the kept "copy" is this file under another name
    KEPT_MISSING = "kept-missing"  # detail: the kept path
    # The trash or the move itself.
    NO_TRASH = "no-trash"  # detail: where, when known
    NO_RECYCLE_BIN_NETWORK = "no-recycle-bin-network"
    NO_RECYCLE_BIN_DRIVE = "no-recycle-bin-drive"
    READ_ONLY = "read-only"
    TRASH_READ_ONLY = "trash-read-only"  # the trash folder is; the file's drive is not
    TRASH_FULL = "trash-full"  # the trash's drive filled up
    NAME_TOO_LONG_FOR_TRASH = "name-too-long-for-trash"  # its .trashinfo name would be
    STILL_THERE = "still-there"  # the trash said yes, but the file is still there
    MOVE_FAILED = "move-failed"  # detail: the system's message
    NO_SUCH_FOLDER = "no-such-folder"  # detail: the folder
    LOG_UNWRITABLE = "log-unwritable"  # detail: the log and the system's message
    OS_ERROR = "os-error"  # detail: the system's message
    ERROR = "error"  # an unexpected error; detail: its type and message
    # A removal plan.
    ALL_MARKED = "all-marked"  # every file of a group is marked
    IN_REFERENCE_FOLDER = "in-reference-folder"
    NOT_IN_A_GROUP = "not-in-a-group"
    # A file or folder the scan could not use (VANISHED and UNREADABLE too).
    FOLDER_VANISHED = "folder-vanished"
    PATH_TOO_LONG = "path-too-long"
    LINK_LOOP = "link-loop"  # a symbolic link that leads to itself
    LOOP_TO_PARENT = "loop-to-parent"  # a folder link back to a folder above it
    BROKEN_LINK = "broken-link"
    PERMISSION_DENIED = "permission-denied"
    FOLDER_PERMISSION_DENIED = "folder-permission-denied"
    IO_ERROR = "io-error"  # a failing disk or a drive that went away
    FOLDER_UNREADABLE = "folder-unreadable"  # detail: the system's message
    NOT_FILE_OR_FOLDER = "not-file-or-folder"
    EMPTY_FILE = "empty-file"
    NOT_AN_IMAGE = "not-an-image"  # detail: the format the name promises (what it looks like)
    NOT_SUPPORTED = "not-supported"
    TRUNCATED = "truncated"  # detail: the format
    CORRUPT = "corrupt"  # detail: the format and the decoder's words
    TOO_LARGE = "too-large"  # detail: how large, when known
    OUT_OF_MEMORY = "out-of-memory"
    UNSUPPORTED_MODE = "unsupported-mode"  # detail: the colour mode
    DECODER_CRASHED = "decoder-crashed"  # detail: the error's type


Why = tuple[Reason, str]  # a reason code and its detail


class Content(StrEnum):
    """What a file looks like that is not the image its name promises."""

    ZEROS = "zeros"  # all zero bytes
    PDF = "pdf"
    ZIP = "zip"
    MEDIA = "media"  # a video or other ISO media file; its brand follows
    PHOTOSHOP = "photoshop"
    TEXT = "text"
    BINARY = "binary"  # nothing recognised


def not_an_image(expected: str, content: Content, extra: str = "") -> str:
    """``Reason.NOT_AN_IMAGE``'s detail: "PNG (text)", "JPEG (media: mp42)"."""
    return f"{expected} ({content}: {extra})" if extra else f"{expected} ({content})"


def read_not_an_image(detail: str) -> tuple[str, Content, str] | None:
    """The format promised, the content code and its extra, from ``not_an_image``'s
    detail; None for a detail in another form (written by an earlier version)."""
    found = re.fullmatch(r"(.*) \((\w+)(?:: (.*))?\)", detail)
    if found is None or found.group(2) not in Content._value2member_map_:
        return None
    return found.group(1), Content(found.group(2)), found.group(3) or ""
