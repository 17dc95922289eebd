"""The engine's reason codes in the user's words, for every part of the window.

The engine hands codes (``core.reasons.Reason``) and a detail string; this is
the one place the GUI turns them into sentences, through Qt's translations.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from photodedup.core.reasons import Content, Reason, read_not_an_image
from photodedup.gui.platform.formatting import display_path


def reason_text(reason: Reason | str | None, detail: str = "") -> str:
    """A sentence for ``reason``; ``%1`` in it takes ``detail``, and a detail
    the sentence has no place for follows in parentheses."""
    words = _words()
    detail = display_path(" ".join(detail.split()))
    parts = read_not_an_image(detail) if reason == Reason.NOT_AN_IMAGE else None
    if parts is not None:
        expected, content, extra = parts
        text = QCoreApplication.translate("Reasons", "Not an image: the content is not %1 (%2)")
        return text.replace("%1", expected).replace("%2", _content_words(content, extra))
    text = words.get(reason) if reason else None  # type: ignore[arg-type]
    if text is None:  # the system's own message, or a code this version does not know
        text = detail or str(reason or "")
        return text[:1].upper() + text[1:]
    if "%1" in text:
        return text.replace("%1", detail)
    return f"{text} ({detail})" if detail else text


def _words() -> dict[Reason, str]:
    # Built on each call: translations follow the language loaded at the time.
    # Each call is spelled out in full so that the translation tools find it.
    return {
        Reason.STOPPED: QCoreApplication.translate(
            "Reasons", "You stopped before this file was reached"
        ),
        Reason.LOG_STOPPED: QCoreApplication.translate(
            "Reasons", "Stopped: the log %1 could not be written"
        ),
        Reason.VANISHED: QCoreApplication.translate("Reasons", "No longer there"),
        Reason.UNREADABLE: QCoreApplication.translate("Reasons", "Cannot read the file: %1"),
        Reason.NOT_REGULAR: QCoreApplication.translate("Reasons", "No longer a regular file"),
        Reason.CHANGED: QCoreApplication.translate("Reasons", "Changed since the scan"),
        Reason.NO_KEPT_COPY: QCoreApplication.translate(
            "Reasons", "No other file of its group is kept"
        ),
        Reason.KEPT_SAME_FILE: QCoreApplication.translate(
            "Reasons", "The copy to keep is this same file under another name: %1"
        ),
        Reason.KEPT_MISSING: QCoreApplication.translate(
            "Reasons", "The copy to keep is missing or changed: %1"
        ),
        Reason.NO_TRASH: QCoreApplication.translate(
            "Reasons", "No Trash can be used on this file's drive"
        ),
        Reason.NO_RECYCLE_BIN_NETWORK: QCoreApplication.translate(
            "Reasons", "Network folders have no Recycle Bin"
        ),
        Reason.NO_RECYCLE_BIN_DRIVE: QCoreApplication.translate(
            "Reasons", "This drive has no Recycle Bin (removable, network or RAM drive)"
        ),
        Reason.READ_ONLY: QCoreApplication.translate("Reasons", "The drive is read-only"),
        Reason.TRASH_READ_ONLY: QCoreApplication.translate(
            "Reasons", "The Trash folder is on a read-only drive"
        ),
        Reason.TRASH_FULL: QCoreApplication.translate("Reasons", "The Trash's drive is full"),
        Reason.NAME_TOO_LONG_FOR_TRASH: QCoreApplication.translate(
            "Reasons", "The name is too long for the Trash"
        ),
        Reason.STILL_THERE: QCoreApplication.translate(
            "Reasons", "The file is still there after moving it to the Trash"
        ),
        Reason.MOVE_FAILED: QCoreApplication.translate("Reasons", "Could not move it: %1"),
        Reason.NO_SUCH_FOLDER: QCoreApplication.translate(
            "Reasons", "%1 is not an existing folder"
        ),
        Reason.LOG_UNWRITABLE: QCoreApplication.translate("Reasons", "Cannot write the log %1"),
        Reason.ERROR: QCoreApplication.translate("Reasons", "Unexpected error: %1"),
        Reason.FOLDER_VANISHED: QCoreApplication.translate(
            "Reasons", "The folder is no longer there"
        ),
        Reason.PATH_TOO_LONG: QCoreApplication.translate("Reasons", "The path is too long"),
        Reason.LINK_LOOP: QCoreApplication.translate("Reasons", "Symbolic link loop"),
        Reason.LOOP_TO_PARENT: QCoreApplication.translate(
            "Reasons", "Symbolic link loop: it leads back to a parent folder"
        ),
        Reason.BROKEN_LINK: QCoreApplication.translate("Reasons", "Broken symbolic link"),
        Reason.PERMISSION_DENIED: QCoreApplication.translate(
            "Reasons", "Cannot read the file: permission denied"
        ),
        Reason.FOLDER_PERMISSION_DENIED: QCoreApplication.translate(
            "Reasons", "Cannot open the folder: permission denied"
        ),
        Reason.IO_ERROR: QCoreApplication.translate(
            "Reasons", "Input/output error (a failing disk or a disconnected drive?)"
        ),
        Reason.FOLDER_UNREADABLE: QCoreApplication.translate(
            "Reasons", "Cannot open the folder: %1"
        ),
        Reason.NOT_FILE_OR_FOLDER: QCoreApplication.translate(
            "Reasons", "Not a folder or a regular file"
        ),
        Reason.EMPTY_FILE: QCoreApplication.translate("Reasons", "Empty file"),
        Reason.NOT_AN_IMAGE: QCoreApplication.translate(
            "Reasons", "Not an image: the content is not %1"
        ),
        Reason.NOT_SUPPORTED: QCoreApplication.translate("Reasons", "Not a supported image"),
        Reason.TRUNCATED: QCoreApplication.translate("Reasons", "Corrupt or truncated %1 data"),
        Reason.CORRUPT: QCoreApplication.translate("Reasons", "Corrupt data: %1"),
        Reason.TOO_LARGE: QCoreApplication.translate("Reasons", "Image too large"),
        Reason.OUT_OF_MEMORY: QCoreApplication.translate(
            "Reasons", "Not enough memory to decode the image"
        ),
        Reason.UNSUPPORTED_MODE: QCoreApplication.translate(
            "Reasons", "Unsupported colour mode %1"
        ),
        Reason.DECODER_CRASHED: QCoreApplication.translate(
            "Reasons", "The decoder crashed on this file"
        ),
    }


def _content_words(content: Content, extra: str) -> str:
    """What a file that is not an image looks like, in words; ``%1`` takes ``extra``."""
    words = {
        Content.ZEROS: QCoreApplication.translate("Reasons", "all zero bytes"),
        Content.PDF: QCoreApplication.translate("Reasons", "a PDF document"),
        Content.ZIP: QCoreApplication.translate("Reasons", "a ZIP archive"),
        Content.MEDIA: QCoreApplication.translate("Reasons", "a video or other media file (%1)"),
        Content.PHOTOSHOP: QCoreApplication.translate("Reasons", "a Photoshop document"),
        Content.TEXT: QCoreApplication.translate("Reasons", "looks like text"),
        Content.BINARY: QCoreApplication.translate("Reasons", "unknown binary data"),
    }
    return words[content].replace("%1", extra)
