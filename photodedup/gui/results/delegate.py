"""Paints one duplicate group as a row of thumbnail tiles (no widget per image).

Tiles wrap onto more lines when a group has more files than fit across; where
each piece sits is ``tile_layout``'s.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QDateTime, QEvent, QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QToolTip,
)

from photodedup.core.results import Group, Member
from photodedup.gui.platform.formatting import (
    display_path,
    format_bytes,
    format_datetime,
    format_resolution,
)
from photodedup.gui.results.model import (
    BestRole,
    BytesRole,
    FlagRole,
    GroupRole,
    KeepRole,
    MarkedRole,
)
from photodedup.gui.results.thumbnails import ThumbnailCache
from photodedup.gui.results.tile_layout import (
    Metrics,
    check_rect,
    facts_line,
    hit_test,
    metrics,
    row_height,
    tile_rect,
    tiles_per_line,
)
from photodedup.gui.widgets.elided_label import elide_name
from photodedup.gui.widgets.flag_badge import badge_text, flag_sentence, kept_gone, paint_badge
from photodedup.gui.widgets.keep_words import reasons_text


class ResultsDelegate(QStyledItemDelegate):
    def __init__(self, thumbnails: ThumbnailCache, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.thumbnails = thumbnails
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        group: Group | None = index.data(GroupRole)
        m = metrics(option.font)
        width = self._view.viewport().width()
        count = len(group.members) if group else 1
        return QSize(width, row_height(count, width, m))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        group: Group | None = index.data(GroupRole)
        if group is None:
            return
        m = metrics(option.font)
        pal = option.palette
        rect = option.rect
        painter.save()
        painter.setClipRect(rect)
        marked = index.data(MarkedRole)
        best_res, best_size = index.data(BestRole)
        choice = index.data(KeepRole)
        flags = index.data(FlagRole) or (None,) * len(group.members)
        current = getattr(self._view, "current_member", lambda _row: None)(index.row())
        self._paint_header(painter, option, index, group, marked, m, flags)
        per_line = tiles_per_line(rect.width(), m)
        for i, member in enumerate(group.members):
            tile = tile_rect(rect, i, per_line, m)
            if tile.top() > rect.bottom():
                break
            why = None
            if choice is not None and i == choice.index and not marked[i]:
                why = reasons_text(choice.deciding_first())
            self._paint_tile(
                painter, option, member, i, tile, m, marked[i], i in best_res, i in best_size, why,
                flags[i],
            )  # fmt: skip
            if i == current:
                pen = QPen(pal.color(QPalette.ColorRole.Highlight), 2)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(tile.adjusted(2, 2, -2, -2), 4, 4)
        painter.setPen(pal.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())
        painter.restore()

    def _paint_header(
        self, painter, option, index, group: Group, marked, m: Metrics, flags
    ) -> None:
        pal = option.palette
        rect = QRect(option.rect.left() + m.pad, option.rect.top(), option.rect.width(), m.header_h)
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        n = len(group.members)
        text = self.tr("Group {number} · {n} photos").format(number=index.row() + 1, n=n)
        gone = kept_gone(marked, flags)
        if any(marked) and not gone:  # with its kept copy gone, nothing goes from it
            freed = format_bytes(index.data(BytesRole))
            text += " · " + self.tr("{size} to free").format(size=freed)
        if all(marked):
            text += " · " + self.tr("⚠ every copy is marked, none would be kept")
        elif gone:
            text += " · " + self.tr("⚠ the copy to keep is missing or changed")
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        width = rect.width() - 2 * m.pad  # cut at the row's end, not by the view's edge
        painter.drawText(
            rect, flags, QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width)
        )
        painter.setFont(option.font)

    def _paint_tile(
        self, painter, option, member: Member, i: int, tile: QRect, m: Metrics,
        marked: bool, best_res: bool, best_size: bool, why: str | None = None,
        flag=None,
    ) -> None:  # fmt: skip
        pal = option.palette
        image = member.image
        if marked:
            tint = QColor(pal.color(QPalette.ColorRole.Highlight))
            tint.setAlpha(48)
            painter.fillRect(tile.adjusted(2, 2, -2, -2), tint)
        box = QRect(tile.left() + m.pad, tile.top() + m.pad, m.box, m.box)
        self._paint_thumbnail(painter, pal, image, box)
        if flag is not None:
            paint_badge(painter, box, flag)

        y = box.bottom() + 1 + m.pad // 2
        text_w = m.box
        line = QRect(box.left(), y, text_w, m.line)
        fm = QFontMetrics(option.font)
        plain = pal.color(QPalette.ColorRole.Text)
        dim = pal.color(QPalette.ColorRole.PlaceholderText)
        accent = pal.color(QPalette.ColorRole.Link)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

        if flag is not None:  # it can be neither removed nor kept: no box to tick
            label = badge_text(flag)
        elif member.in_reference_folder:
            self._paint_lock(painter, check_rect(tile, m), plain)
            label = self.tr("Kept: reference folder")
        else:
            self._paint_check(painter, option, check_rect(tile, m), marked)
            label = self.tr("Remove")
        painter.setPen(plain)
        label_rect = line.adjusted(m.check + m.pad // 2, 0, 0, 0)
        painter.drawText(
            label_rect, left, fm.elidedText(label, Qt.TextElideMode.ElideRight, label_rect.width())
        )

        line.translate(0, m.line)
        name = display_path(os.path.basename(image.path))
        painter.drawText(line, left, elide_name(fm, name, text_w))
        line.translate(0, m.line)
        painter.setPen(dim)
        folder = display_path(os.path.dirname(image.path))
        painter.drawText(line, left, fm.elidedText(folder, Qt.TextElideMode.ElideLeft, text_w))

        line.translate(0, m.line)
        x = line.left()
        for text, best in facts_line(image, best_res, best_size, option.font, text_w):
            font = QFont(option.font)
            font.setBold(best)
            painter.setFont(font)
            painter.setPen(accent if best else plain)
            width = QFontMetrics(font).horizontalAdvance(text)
            painter.drawText(QRect(x, line.top(), max(0, line.right() - x), m.line), left, text)
            x += width
        painter.setFont(option.font)

        line.translate(0, m.line)
        painter.setPen(plain)
        painter.drawText(
            line, left, fm.elidedText(self._date_text(image), Qt.TextElideMode.ElideRight, text_w)
        )
        line.translate(0, m.line)
        painter.setPen(dim)
        # A camera's RAW+JPEG pair says so before the distance, which matters less.
        fmt = image.format + (" · " + self.tr("RAW+JPEG") if member.pair else "")
        if why is not None:
            # The copy the rule keeps says why, in place of how far it is from the first.
            painter.setPen(accent)
            detail = self.tr("Keep: {why}").format(why=why) if why else self.tr("Keep")
        elif i == 0:
            detail = fmt  # the others' distances are measured from this one
        else:
            detail = self.tr("{format} · distance {d}").format(format=fmt, d=member.distance)
        painter.drawText(line, left, fm.elidedText(detail, Qt.TextElideMode.ElideRight, text_w))

    def _paint_thumbnail(self, painter: QPainter, pal: QPalette, image, box: QRect) -> None:
        thumb = self.thumbnails.request(image.path, image.size, image.mtime_ns)
        if thumb is None:
            painter.fillRect(box, pal.color(QPalette.ColorRole.AlternateBase))
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            error = self.thumbnails.error(image.path)
            text = self.tr("No preview") if error else "…"
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            return
        dpr = thumb.devicePixelRatio() or 1.0
        w, h = round(thumb.width() / dpr), round(thumb.height() / dpr)
        target = QRect(
            box.left() + (box.width() - w) // 2, box.top() + (box.height() - h) // 2, w, h
        )
        painter.drawImage(target, thumb)

    def _paint_check(self, painter: QPainter, option, rect: QRect, checked: bool) -> None:
        opt = QStyleOptionButton()
        opt.rect = rect
        opt.palette = option.palette
        opt.state = QStyle.StateFlag.State_Enabled | (
            QStyle.StateFlag.State_On if checked else QStyle.StateFlag.State_Off
        )
        style = option.widget.style() if option.widget else self._view.style()
        style.drawPrimitive(
            QStyle.PrimitiveElement.PE_IndicatorCheckBox, opt, painter, option.widget
        )

    @staticmethod
    def _paint_lock(painter: QPainter, rect: QRect, color: QColor) -> None:
        # A padlock drawn with the text colour: no icon theme is guaranteed to have one.
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = rect.width()
        body = QRect(rect.left() + s // 8, rect.top() + s * 7 // 16, s * 3 // 4, s * 9 // 16)
        painter.setPen(QPen(color, max(1.5, s / 9)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        shackle = QRect(rect.left() + s // 4, rect.top() + s // 16, s // 2, s * 3 // 4)
        painter.drawArc(shackle, 0, 180 * 16)
        painter.setBrush(color)
        painter.drawRoundedRect(body, 1.5, 1.5)
        painter.restore()

    def _date_text(self, image) -> str:
        if image.taken:
            taken = QDateTime.fromString(image.taken, Qt.DateFormat.ISODate)
            if taken.isValid():
                return format_datetime(taken)
            return image.taken
        # No date taken: the file date is all there is, and the day is what matters.
        modified = QDateTime.fromMSecsSinceEpoch(image.mtime_ns // 1_000_000).date()
        return self.tr("modified {date}").format(date=format_datetime(modified))

    def helpEvent(
        self, event: QHelpEvent, view, option: QStyleOptionViewItem, index: QModelIndex
    ) -> bool:
        group: Group | None = index.data(GroupRole)
        if event.type() != QEvent.Type.ToolTip or group is None:
            return super().helpEvent(event, view, option, index)
        hit = hit_test(option.rect, len(group.members), event.pos(), metrics(option.font))
        if hit is None:
            QToolTip.hideText()
            return True
        member = group.members[hit[0]]
        image = member.image
        flags = index.data(FlagRole) or (None,) * len(group.members)
        lines = [
            image.path,
            " · ".join(
                (
                    format_resolution(image.width, image.height),
                    format_bytes(image.size),
                    image.format,
                )
            ),
        ]
        if image.camera:
            lines.append(image.camera)
        if flags[hit[0]] is not None:
            lines.append(flag_sentence(flags[hit[0]]))
        if member.in_reference_folder:
            lines.append(self.tr("In a reference folder: never removed"))
        if member.pair:
            partner = display_path(os.path.basename(member.pair))
            lines.append(
                self.tr("RAW+JPEG pair with {name}: one shot, kept together").format(name=partner)
            )
        if hit[0] > 0:
            lines.append(
                self.tr("Distance {d} compared with {name}").format(
                    d=member.distance, name=display_path(os.path.basename(group.reference.path))
                )
            )
        choice = index.data(KeepRole)
        if choice is not None and choice.index == hit[0] and choice.reasons:
            why = reasons_text(choice.deciding_first())
            lines.append(self.tr("Suggested to keep: {why}").format(why=why))
        QToolTip.showText(event.globalPos(), "\n".join(lines), view)
        return True
