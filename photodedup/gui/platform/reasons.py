"""The engine's reason codes in the user's words, for every part of the window.

The engine hands codes (``core.reasons.Reason``) and a detail string; this is
the one place the GUI turns them into sentences, through Qt's translations.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from photodedup.core.reasons import Reason
from photodedup.gui.platform.formatting import display_path


def _tr(text: str) -> str:
    return QCoreApplication.translate("Reasons", text)


def reason_text(reason: Reason | str | None, detail: str = "") -> str:
    """A sentence for ``reason``; ``%1`` in it takes ``detail``, and a detail
    the sentence has no place for follows in parentheses."""
    words = _words()
    detail = display_path(" ".join(detail.split()))
    text = words.get(reason) if reason else None  # type: ignore[arg-type]
    if text is None:  # the system's own message, or a code this version does not know
        text = detail or str(reason or "")
        return text[:1].upper() + text[1:]
    if "%1" in text:
        return text.replace("%1", detail)
    return f"{text} ({detail})" if detail else text


def _words() -> dict[Reason, str]:
    # Built on each call: translations follow the language loaded at the time.
    return {
        Reason.STOPPED: _tr("You stopped before this file was reached"),
        Reason.LOG_STOPPED: _tr("Stopped: the log %1 could not be written"),
        Reason.VANISHED: _tr("No longer there"),
        Reason.UNREADABLE: _tr("Cannot read the file: %1"),
        Reason.NOT_REGULAR: _tr("No longer a regular file"),
        Reason.CHANGED: _tr("Changed since the scan"),
        Reason.NO_KEPT_COPY: _tr("No other file of its group is kept"),
        Reason.KEPT_SAME_FILE: _tr("The copy to keep is this same file under another name: %1"),
        Reason.KEPT_MISSING: _tr("The copy to keep is missing or changed: %1"),
        Reason.NO_TRASH: _tr("No Trash can be used on this file's drive"),
        Reason.NO_RECYCLE_BIN_NETWORK: _tr("Network folders have no Recycle Bin"),
        Reason.NO_RECYCLE_BIN_DRIVE: _tr(
            "This drive has no Recycle Bin (removable, network or RAM drive)"
        ),
        Reason.READ_ONLY: _tr("The drive is read-only"),
        Reason.STILL_THERE: _tr("The file is still there after moving it to the Trash"),
        Reason.MOVE_FAILED: _tr("Could not move it: %1"),
        Reason.NO_SUCH_FOLDER: _tr("%1 is not an existing folder"),
        Reason.LOG_UNWRITABLE: _tr("Cannot write the log %1"),
        Reason.ERROR: _tr("Unexpected error: %1"),
        Reason.FOLDER_VANISHED: _tr("The folder is no longer there"),
        Reason.PATH_TOO_LONG: _tr("The path is too long"),
        Reason.LINK_LOOP: _tr("Symbolic link loop"),
        Reason.LOOP_TO_PARENT: _tr("Symbolic link loop: it leads back to a parent folder"),
        Reason.BROKEN_LINK: _tr("Broken symbolic link"),
        Reason.PERMISSION_DENIED: _tr("Cannot read the file: permission denied"),
        Reason.FOLDER_PERMISSION_DENIED: _tr("Cannot open the folder: permission denied"),
        Reason.IO_ERROR: _tr("Input/output error (a failing disk or a disconnected drive?)"),
        Reason.FOLDER_UNREADABLE: _tr("Cannot open the folder: %1"),
        Reason.NOT_FILE_OR_FOLDER: _tr("Not a folder or a regular file"),
        Reason.EMPTY_FILE: _tr("Empty file"),
        Reason.NOT_AN_IMAGE: _tr("Not an image: the content is not %1"),
        Reason.NOT_SUPPORTED: _tr("Not a supported image"),
        Reason.TRUNCATED: _tr("Corrupt or truncated %1 data"),
        Reason.CORRUPT: _tr("Corrupt data: %1"),
        Reason.TOO_LARGE: _tr("Image too large"),
        Reason.OUT_OF_MEMORY: _tr("Not enough memory to decode the image"),
        Reason.UNSUPPORTED_MODE: _tr("Unsupported colour mode %1"),
        Reason.DECODER_CRASHED: _tr("The decoder crashed on this file (%1)"),
    }
