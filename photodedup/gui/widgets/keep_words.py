"""The words for the engine's keep rules: criteria, presets and the reasons a copy is kept.

The engine hands out codes (``keep.Criterion``, ``keep.KeepReason``, preset names);
every screen that shows them takes its words from here, so a reason reads the
same on a tile, in the compare view and in the review.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from photodedup.core.keep import Criterion, KeepReason

_CONTEXT = "KeepWords"
_LIST_SEPARATOR = QT_TRANSLATE_NOOP("KeepWords", ", ")

_REASONS = {
    KeepReason.REFERENCE_FOLDER: QT_TRANSLATE_NOOP("KeepWords", "in a reference folder"),
    KeepReason.RESOLUTION: QT_TRANSLATE_NOOP("KeepWords", "highest resolution"),
    KeepReason.CAMERA_DATA: QT_TRANSLATE_NOOP("KeepWords", "has camera data"),
    KeepReason.CAMERA_FORMAT: QT_TRANSLATE_NOOP("KeepWords", "camera's own format"),
    KeepReason.CAMERA_RAW: QT_TRANSLATE_NOOP("KeepWords", "camera's own RAW file"),
    KeepReason.LESS_COMPRESSED: QT_TRANSLATE_NOOP("KeepWords", "less compressed"),
    KeepReason.PREFERRED_FORMAT: QT_TRANSLATE_NOOP("KeepWords", "preferred format"),
    KeepReason.LARGEST: QT_TRANSLATE_NOOP("KeepWords", "largest file"),
    KeepReason.SMALLEST: QT_TRANSLATE_NOOP("KeepWords", "smallest file"),
    KeepReason.EARLIEST_TAKEN: QT_TRANSLATE_NOOP("KeepWords", "taken first"),
    KeepReason.OLDEST_FILE: QT_TRANSLATE_NOOP("KeepWords", "oldest file"),
    KeepReason.NEWEST: QT_TRANSLATE_NOOP("KeepWords", "newest"),
    KeepReason.PREFERRED_FOLDER: QT_TRANSLATE_NOOP("KeepWords", "in a preferred folder"),
    KeepReason.SHORTER_PATH: QT_TRANSLATE_NOOP("KeepWords", "shorter path"),
    KeepReason.FIRST_BY_NAME: QT_TRANSLATE_NOOP("KeepWords", "first by name"),
    KeepReason.USER: QT_TRANSLATE_NOOP("KeepWords", "your choice"),
    KeepReason.KEPT_IN_ANOTHER_GROUP: QT_TRANSLATE_NOOP("KeepWords", "kept in another group"),
    KeepReason.RAW_JPEG_PAIR: QT_TRANSLATE_NOOP("KeepWords", "the other half of a RAW+JPEG shot"),
    KeepReason.CHANGED: QT_TRANSLATE_NOOP("KeepWords", "gone or changed since the scan"),
}

_CRITERIA = {
    Criterion.RESOLUTION: QT_TRANSLATE_NOOP("KeepWords", "Highest resolution"),
    Criterion.CAMERA: QT_TRANSLATE_NOOP("KeepWords", "Camera original (camera data, format)"),
    Criterion.FORMAT: QT_TRANSLATE_NOOP("KeepWords", "Preferred format"),
    Criterion.LARGEST: QT_TRANSLATE_NOOP("KeepWords", "Largest file"),
    Criterion.SMALLEST: QT_TRANSLATE_NOOP("KeepWords", "Smallest file"),
    Criterion.TAKEN: QT_TRANSLATE_NOOP("KeepWords", "Earliest date taken"),
    Criterion.MTIME: QT_TRANSLATE_NOOP("KeepWords", "Oldest modification time"),
    Criterion.NEWEST: QT_TRANSLATE_NOOP("KeepWords", "Newest"),
    Criterion.FOLDER: QT_TRANSLATE_NOOP("KeepWords", "Folders higher in the list"),
    Criterion.PATH: QT_TRANSLATE_NOOP("KeepWords", "Shorter path"),
}

PRESET_LABELS = {
    "best": QT_TRANSLATE_NOOP("KeepWords", "Best copy"),
    "oldest": QT_TRANSLATE_NOOP("KeepWords", "Oldest"),
    "smallest": QT_TRANSLATE_NOOP("KeepWords", "Smallest file"),
    "preferred-folders": QT_TRANSLATE_NOOP("KeepWords", "In preferred folders"),
    "newest": QT_TRANSLATE_NOOP("KeepWords", "Newest"),
    "largest": QT_TRANSLATE_NOOP("KeepWords", "Largest file"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def reason_text(reason: KeepReason) -> str:
    return _tr(_REASONS[reason])


def reasons_text(reasons: Iterable[KeepReason]) -> str:
    """Reasons as one phrase, "has camera data, oldest file"."""
    return _tr(_LIST_SEPARATOR).join(reason_text(r) for r in reasons)


def criterion_text(criterion: Criterion) -> str:
    return _tr(_CRITERIA[criterion])


def preset_label(name: str) -> str:
    return _tr(PRESET_LABELS[name])
