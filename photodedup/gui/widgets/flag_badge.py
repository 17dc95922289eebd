"""How a file found gone or changed since the scan looks: a badge and its words.

The freshness check (``core.freshness``) hands a reason code per file; the
results list and the compare view show the same short badge on the photo and
the same sentence in its tool tip.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QLabel

from photodedup.core.reasons import Reason

# Red enough to read on a light or a dark theme; the text on it is white.
BADGE_COLOR = QColor(196, 43, 28)


def badge_text(reason: Reason | None) -> str:
    """One word for the badge: "Missing", "Changed" or "Unreadable"."""
    if reason == Reason.VANISHED:
        return QCoreApplication.translate("FlagBadge", "Missing")
    if reason == Reason.UNREADABLE:
        return QCoreApplication.translate("FlagBadge", "Unreadable")
    return QCoreApplication.translate("FlagBadge", "Changed")


def flag_sentence(reason: Reason | None) -> str:
    """What happened to the file and what it means, for a tool tip."""
    if reason == Reason.VANISHED:
        return QCoreApplication.translate(
            "FlagBadge",
            "Moved or deleted since the scan: it can be neither removed nor kept from here. "
            "Scan again to bring the results up to date.",
        )
    if reason == Reason.UNREADABLE:
        return QCoreApplication.translate(
            "FlagBadge",
            "Can no longer be read: it can be neither removed nor kept from here.",
        )
    return QCoreApplication.translate(
        "FlagBadge",
        "Changed since the scan: it may no longer look like the others, so it can be "
        "neither removed nor kept from here. Scan again to compare it anew.",
    )


def kept_gone(marked: Sequence[bool], flags: Sequence[Reason | None]) -> bool:
    """Whether a group has files marked while every copy that would stay is flagged,
    so nothing can go from it until another copy is kept."""
    stays = [flag for flag, on in zip(flags, marked, strict=True) if not on]
    return 0 < len(stays) < len(marked) and all(flag is not None for flag in stays)


def badge_style() -> str:
    """A style sheet for a QLabel showing the badge."""
    return (
        f"background: {BADGE_COLOR.name()}; color: white; font-weight: bold;"
        " border-radius: 3px; padding: 1px 5px;"
    )


def paint_badge(painter: QPainter, box: QRect, reason: Reason | None) -> None:
    """Dim the thumbnail in ``box`` and write the badge across its top."""
    painter.save()
    veil = QColor(255, 255, 255, 150)
    painter.fillRect(box, veil)
    font = painter.font()
    font.setBold(True)
    painter.setFont(font)
    fm = QFontMetrics(font)
    text = badge_text(reason)
    pad = max(3, fm.height() // 4)
    width = min(box.width(), fm.horizontalAdvance(text) + 2 * pad)
    rect = QRect(box.left(), box.top(), width, fm.height() + pad)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(BADGE_COLOR)
    painter.drawRoundedRect(rect, 3, 3)
    painter.setPen(QColor("white"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


def flag_label(reason: Reason | None) -> QLabel:
    """The badge as a label, its sentence as the tool tip."""
    label = QLabel(badge_text(reason))
    label.setStyleSheet(badge_style())
    label.setToolTip(flag_sentence(reason))
    return label
