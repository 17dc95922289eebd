"""Turning the engine's values into the words and numbers a terminal shows."""

from __future__ import annotations

import time

from photodedup.core.reasons import Content, Reason, read_not_an_image
from photodedup.core.sizes import format_bytes


def human_bytes(n: int) -> str:
    """A byte count as the GUI and file managers write it ("4.1 MB")."""
    return format_bytes(n)


def plural(n: int, one: str, many: str | None = None) -> str:
    """``1 group``, ``2 groups``; ``many`` for irregular plurals."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def printable(path: str) -> str:
    """A path that prints on any terminal: undecodable bytes show as ``\\xNN``."""
    return path.encode("utf-8", "backslashreplace").decode("utf-8")


def clock(seconds: float) -> str:
    """``m:ss`` under an hour, ``hh:mm:ss`` above."""
    seconds = int(seconds)
    return (
        f"{seconds // 60}:{seconds % 60:02d}"
        if seconds < 3600
        else time.strftime("%H:%M:%S", time.gmtime(seconds))
    )


# The engine's reason codes in words; "{detail}" takes the detail, and a detail
# a phrase has no place for is added in parentheses.
_WORDS: dict[Reason, str] = {
    Reason.STOPPED: "stopped before this file was reached",
    Reason.LOG_STOPPED: "stopped: the log {detail} could not be written",
    Reason.VANISHED: "file vanished",
    Reason.UNREADABLE: "cannot read: {detail}",
    Reason.NOT_REGULAR: "not a regular file any more",
    Reason.CHANGED: "file changed since the scan",
    Reason.NO_KEPT_COPY: "no other file of its group is kept",
    Reason.KEPT_SAME_FILE: "the copy to keep is the same file under another name: {detail}",
    Reason.KEPT_MISSING: "the copy to keep is missing or changed: {detail}",
    Reason.NO_TRASH: "no trash can be used on this file's drive",
    Reason.NO_RECYCLE_BIN_NETWORK: "network folders have no Recycle Bin",
    Reason.NO_RECYCLE_BIN_DRIVE: "this drive has no Recycle Bin (removable, network or RAM drive)",
    Reason.READ_ONLY: "the drive is read-only",
    Reason.TRASH_READ_ONLY: "the trash folder is on a read-only drive",
    Reason.TRASH_FULL: "the trash's drive is full",
    Reason.NAME_TOO_LONG_FOR_TRASH: "the name is too long for the trash",
    Reason.STILL_THERE: "the file is still there after trashing it",
    Reason.MOVE_FAILED: "could not move it: {detail}",
    Reason.NO_SUCH_FOLDER: "{detail} is not an existing folder",
    Reason.LOG_UNWRITABLE: "cannot write the log {detail}",
    Reason.OS_ERROR: "{detail}",
    Reason.ERROR: "unexpected error: {detail}",
    Reason.ALL_MARKED: "every file of the group is marked; unmark at least one to keep a copy",
    Reason.IN_REFERENCE_FOLDER: "{detail} is in a reference folder and is never removed",
    Reason.NOT_IN_A_GROUP: "{detail} is not in any group",
    Reason.FOLDER_VANISHED: "folder vanished",
    Reason.PATH_TOO_LONG: "path too long",
    Reason.LINK_LOOP: "symbolic link loop",
    Reason.LOOP_TO_PARENT: "symbolic link loop: leads back to a parent folder",
    Reason.BROKEN_LINK: "broken symbolic link",
    Reason.PERMISSION_DENIED: "cannot read: permission denied",
    Reason.FOLDER_PERMISSION_DENIED: "cannot open folder: permission denied",
    Reason.IO_ERROR: "input/output error (failing disk or disconnected drive?)",
    Reason.FOLDER_UNREADABLE: "cannot open folder: {detail}",
    Reason.NOT_FILE_OR_FOLDER: "not a folder or a regular file",
    Reason.EMPTY_FILE: "empty file",
    Reason.NOT_AN_IMAGE: "not an image: content is not {detail}",
    Reason.NOT_SUPPORTED: "not a supported image",
    Reason.TRUNCATED: "corrupt or truncated {detail} data",
    Reason.CORRUPT: "corrupt data: {detail}",
    Reason.TOO_LARGE: "image too large: {detail}",
    Reason.OUT_OF_MEMORY: "not enough memory to decode the image",
    Reason.UNSUPPORTED_MODE: "unsupported colour mode {detail}",
    Reason.DECODER_CRASHED: "the decoder crashed on this file",
}


_CONTENT_WORDS: dict[Content, str] = {
    Content.ZEROS: "all zero bytes",
    Content.PDF: "a PDF document",
    Content.ZIP: "a ZIP archive",
    Content.MEDIA: "a video or other media file ({detail})",
    Content.PHOTOSHOP: "a Photoshop document",
    Content.TEXT: "looks like text",
    Content.BINARY: "unknown binary data",
}


def reason_words(reason: Reason | str | None, detail: str = "") -> str:
    """One line for a reason code and its detail, for a terminal."""
    detail = printable(" ".join(detail.split()))
    parts = read_not_an_image(detail) if reason == Reason.NOT_AN_IMAGE else None
    if parts is not None:
        expected, content, extra = parts
        detail = f"{expected} ({_CONTENT_WORDS[content].replace('{detail}', extra)})"
    template = _WORDS.get(reason) if reason else None  # type: ignore[arg-type]
    if template is None:  # a code from a newer engine: show it as it is
        return ": ".join(p for p in (str(reason or ""), detail) if p)
    if "{detail}" not in template:
        return f"{template} ({detail})" if detail else template
    if not detail:
        template = template.replace(": {detail}", "").replace(" ({detail})", "")
    return template.replace("{detail}", detail)
