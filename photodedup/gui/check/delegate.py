"""Paints one checked photo: its thumbnail, a verdict badge, and its best match.

Every size derives from the font. Thumbnails come from the thumbnail cache the
window hands in (``request(path, size, mtime_ns)`` now or later), so only rows
on screen are ever decoded.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from photodedup.core.check import Match, QueryResult, Verdict
from photodedup.gui.check.model import ErrorRole, KindRole, ResultRole
from photodedup.gui.platform.formatting import display_path, format_bytes, format_resolution
from photodedup.gui.platform.reasons import reason_text

# Badge colours: green is what to import, grey what is already there.
_BADGE_COLORS = {
    Verdict.NEW.value: "#2e7d32",
    Verdict.SIMILAR.value: "#b26a00",
    Verdict.IN_LIBRARY.value: "#607d8b",
    "unreadable": "#c62828",
}


def thumb_box(font: QFont) -> int:
    """The square, in pixels, a thumbnail of a row is fitted into."""
    return QFontMetrics(font).height() * 4


class CheckDelegate(QStyledItemDelegate):
    def __init__(self, thumbnails, parent=None) -> None:
        super().__init__(parent)
        self.thumbnails = thumbnails

    def badge_text(self, kind: str) -> str:
        return {
            Verdict.NEW.value: self.tr("New"),
            Verdict.SIMILAR.value: self.tr("Similar"),
            Verdict.IN_LIBRARY.value: self.tr("In library"),
            "unreadable": self.tr("Unreadable"),
        }[kind]

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        line = QFontMetrics(option.font).height()
        return QSize(line * 30, thumb_box(option.font) + line)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
            )
        fm = QFontMetrics(option.font)
        line = fm.height()
        pad = line // 2
        box = thumb_box(option.font)
        rect = option.rect.adjusted(pad, pad // 2, -pad, -pad // 2)
        result: QueryResult | None = index.data(ResultRole)
        error = index.data(ErrorRole)
        kind: str = index.data(KindRole)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        text_color = pal.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = QColor(text_color)
        muted.setAlpha(170)

        thumb_rect = QRect(rect.left(), rect.top() + (rect.height() - box) // 2, box, box)
        rec = result.record if result is not None else None
        self._thumbnail(painter, pal, thumb_rect, error.path if error else result.path, rec)

        match = result.best if result is not None else None
        right = rect.right()
        if match is not None:
            match_rect = QRect(right - box + 1, thumb_rect.top(), box, box)
            self._thumbnail(painter, pal, match_rect, match.path, None, match)
            right = match_rect.left() - pad

        x = thumb_rect.right() + pad
        top = rect.top() + (rect.height() - 3 * line) // 2
        badge = self.badge_text(kind)
        bold = QFont(option.font)
        bold.setBold(True)
        bfm = QFontMetrics(bold)
        badge_w = bfm.horizontalAdvance(badge) + line
        badge_rect = QRect(x, top, badge_w, line)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(_BADGE_COLORS[kind]))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.drawRoundedRect(badge_rect, line / 2, line / 2)
        painter.setFont(bold)
        painter.setPen(QColor("white"))
        painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)

        path = error.path if error is not None else result.path
        folder, name = os.path.split(display_path(path))
        name_x = badge_rect.right() + pad
        painter.setPen(text_color)
        painter.drawText(
            QRect(name_x, top, max(0, right - name_x), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            bfm.elidedText(name, Qt.TextElideMode.ElideMiddle, max(0, right - name_x)),
        )
        painter.setFont(option.font)
        width = max(0, right - x)
        facts = folder
        if rec is not None:
            facts = (
                f"{format_resolution(rec.width, rec.height)} · {format_bytes(rec.size)} · {folder}"
            )
        painter.setPen(muted)
        painter.drawText(
            QRect(x, top + line, width, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(facts, Qt.TextElideMode.ElideMiddle, width),
        )
        painter.setPen(text_color)
        painter.drawText(
            QRect(x, top + 2 * line, width, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(self.match_line(result, error), Qt.TextElideMode.ElideMiddle, width),
        )
        painter.restore()

    def match_line(self, result: QueryResult | None, error) -> str:
        """The third line of a row: what the library holds, or why the file is unreadable."""
        if error is not None:
            return reason_text(error.reason, error.detail)
        assert result is not None
        best = result.best
        if result.inside_library and best is None:
            return self.tr("This file is itself in the library")
        if best is None:
            return self.tr("Nothing like it in the library")
        where = display_path(best.path)
        if result.inside_library:
            if best.identical:
                text = self.tr("A library file; %1 is identical to it")
            else:
                text = self.tr("A library file; %1 looks the same")
        elif best.identical:
            text = self.tr("Identical to %1")
        elif result.verdict is Verdict.IN_LIBRARY:
            text = self.tr("Looks the same as %1")
        else:
            text = self.tr("Looks a bit like %1")
        text = text.replace("%1", where)
        if result.larger_than_library:
            text += " " + self.tr("(the library copy is smaller: %1)").replace(
                "%1", format_resolution(best.width, best.height)
            )
        return text

    def _thumbnail(
        self,
        painter: QPainter,
        pal: QPalette,
        box: QRect,
        path: str,
        rec,
        match: Match | None = None,
    ) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(pal.color(QPalette.ColorRole.AlternateBase))
        painter.drawRect(box)
        image = None
        if self.thumbnails is not None:
            size = rec.size if rec is not None else (match.size if match is not None else 0)
            mtime = rec.mtime_ns if rec is not None else 0
            image = self.thumbnails.request(path, size, mtime)
        if image is None:
            return
        dpr = image.devicePixelRatio() or 1.0
        w, h = round(image.width() / dpr), round(image.height() / dpr)
        target = QRect(
            box.left() + (box.width() - w) // 2, box.top() + (box.height() - h) // 2, w, h
        )
        painter.drawImage(target, image)
