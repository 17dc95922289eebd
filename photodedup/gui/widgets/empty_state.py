"""What a first-time user sees: what to do next, in one sentence and one button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from photodedup.gui.platform.formatting import pick
from photodedup.gui.widgets.action_button import ActionButton


class EmptyState(QWidget):
    def __init__(self, add_folder: QAction, scan: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = QLabel(self)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        side = self.fontMetrics().height() * 6
        self.icon.setPixmap(QApplication.windowIcon().pixmap(side, side))
        self.title = QLabel(self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.hint = QLabel(self)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.add_button = ActionButton(add_folder, self)
        self.scan_button = ActionButton(scan, self)

        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.icon)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addSpacing(self.fontMetrics().height())
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.scan_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self._layout = layout
        self.show_start(has_folders=False)

    def add_below(self, widget: QWidget) -> None:
        """Show ``widget`` under the buttons, centred (another way to start)."""
        spacing = self.fontMetrics().height() * 2
        self._layout.insertSpacing(self._layout.count() - 1, spacing)
        self._layout.insertWidget(
            self._layout.count() - 1, widget, 0, Qt.AlignmentFlag.AlignHCenter
        )

    def show_start(self, has_folders: bool) -> None:
        self.title.setText(self.tr("Find duplicate photos"))
        if has_folders:
            self.hint.setText(
                self.tr("Press Scan to look for look-alike photos in your folders.")
                + "\n"
                + self.tr("Nothing is deleted until you review the marked copies.")
            )
        else:
            self.hint.setText(
                self.tr("Drop folders here or click Add folder…")
                + "\n"
                + self.tr("Then press Scan. Nothing is deleted until you review the marked copies.")
            )
        self.add_button.setVisible(not has_folders)
        self.scan_button.setVisible(has_folders)

    def show_all_done(self) -> None:
        self.title.setText(self.tr("All done"))
        self.hint.setText(self.tr("No duplicate groups are left. Scan again to look for more."))
        self.add_button.setVisible(False)
        self.scan_button.setVisible(True)

    def show_nothing_found(self, photos: int, problems: int = 0) -> None:
        """After a scan without groups: why, and what to try next."""
        self.add_button.setVisible(False)
        self.scan_button.setVisible(False)
        if photos == 0 and problems:
            self.title.setText(self.tr("No photos could be read"))
            hint = pick(
                problems,
                self.tr("{n} file could not be read. The list below says why."),
                self.tr("{n} files could not be read. The list below says why."),
            ).format(n=problems)
        elif photos == 0:
            self.title.setText(self.tr("No photos found"))
            hint = self.tr(
                "There are no photos in these folders, or all are smaller than the minimum size."
            )
        elif photos == 1:
            self.title.setText(self.tr("No duplicates found"))
            hint = self.tr("Only 1 photo was found, so there was nothing to compare it with.")
        else:
            self.title.setText(self.tr("No duplicates found"))
            hint = self.tr("{n} photos were compared. Try a looser similarity to find more.")
            hint = hint.format(n=photos)
        self.hint.setText(hint)
