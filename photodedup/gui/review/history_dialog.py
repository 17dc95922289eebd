"""File ▸ Removal history: every removal batch, its files, and a Restore button.

The engine reads the log and restores; this dialog lists what it reads and
runs the restore of the chosen batch off the GUI thread.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from photodedup.core import fdtrash
from photodedup.core.actionlog import Batch, BatchStatus, History, LoggedFile, read_history
from photodedup.core.restore import RestoreOutcome
from photodedup.gui.platform.formatting import (
    display_path,
    format_bytes,
    format_datetime,
    pick,
)
from photodedup.gui.review.report import button_row, icon_note
from photodedup.gui.review.restore_worker import outcome_text, restored_paths
from photodedup.gui.review.trash_worker import RunningJob, StartRestore
from photodedup.gui.widgets.screen_fit import resize_on_screen

_BATCH_ROLE = Qt.ItemDataRole.UserRole


class HistoryDialog(QDialog):
    """Lists the removal batches, newest first, with their files; restores one on request."""

    filesRestored = Signal(list)  # paths put back by a restore run from here

    def __init__(
        self,
        start_restore: StartRestore,
        parent: QWidget | None = None,
        log_path: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Removal History"))
        self._start_restore = start_restore
        self._log_path = log_path
        self._history = History()
        self._outcomes: dict[str, dict[str, RestoreOutcome]] = {}  # batch id → path → outcome
        self._job: RunningJob | None = None
        self._restoring: str | None = None  # the batch being restored

        intro = QLabel(
            self.tr(
                "Every removal photodedup made, newest first. Select one to see where each "
                "file went; Restore puts its files back where they were, never over a file "
                "that is there now."
            )
        )
        intro.setWordWrap(True)
        self.platformBox, self.platformLabel = icon_note(
            self, QStyle.StandardPixmap.SP_MessageBoxInformation
        )
        self.platformLabel.setText(
            self.tr(
                "On this system photodedup cannot read the Trash back: put trashed files "
                "back from the Trash yourself. Files moved to a folder are restored from here."
            )
        )
        self.platformBox.setVisible(not fdtrash.readable())

        self.batches = QTreeWidget()
        columns = [self.tr("Date"), self.tr("Files"), self.tr("Size"), self.tr("Where")]
        self.batches.setHeaderLabels([*columns, self.tr("Status")])
        self.batches.setRootIsDecorated(False)
        self.batches.setUniformRowHeights(True)
        self.batches.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.batches.itemSelectionChanged.connect(self._show_selected)
        self.files = QTreeWidget()
        self.files.setHeaderLabels(
            [self.tr("File"), self.tr("Folder"), self.tr("Size"), self.tr("Now")]
        )
        self.files.setRootIsDecorated(False)
        self.files.setUniformRowHeights(True)
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.files.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        for tree in (self.batches, self.files):
            tree.header().setStretchLastSection(True)
            tree.setAlternatingRowColors(True)
        self.batches.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.batches)
        splitter.addWidget(self.files)
        splitter.setStretchFactor(1, 2)

        self.statusLabel = QLabel()
        self.statusLabel.setWordWrap(True)
        self.restoreButton = QPushButton(self.tr("Restore"))
        self.restoreButton.setToolTip(self.tr("Put this removal's files back where they were"))
        self.restoreButton.clicked.connect(self.restore_selected)
        self.restoreButton.setAutoDefault(False)
        self.closeButton = QPushButton(self.tr("Close"))
        self.closeButton.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.platformBox)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.statusLabel)
        layout.addLayout(button_row([self.restoreButton], [self.closeButton]))
        fm = self.fontMetrics()
        resize_on_screen(self, fm.averageCharWidth() * 130, fm.lineSpacing() * 34)
        self.reload()

    # -- public ---------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        """Read the log again and list its batches; select ``select`` (or the newest)."""
        self._history = read_history(self._log_path)
        self.batches.clear()
        for batch in reversed(self._history.batches):
            self.batches.addTopLevelItem(self._batch_row(batch))
        damaged = len(self._history.damaged)
        notes = []
        if not self._history.batches:
            notes.append(self.tr("Nothing has been removed yet."))
        if damaged:
            notes.append(
                pick(
                    damaged,
                    self.tr("%n line of the log could not be read and is left out.", "", damaged),
                    self.tr("%n lines of the log could not be read and are left out.", "", damaged),
                )
            )
        self.statusLabel.setText(" ".join(notes))
        self.statusLabel.setVisible(bool(notes))
        wanted = select or (self._history.batches[-1].id if self._history.batches else None)
        for i in range(self.batches.topLevelItemCount()):
            item = self.batches.topLevelItem(i)
            if item.data(0, _BATCH_ROLE) == wanted:
                self.batches.setCurrentItem(item)
                break
        self._show_selected()

    def selected_batch(self) -> Batch | None:
        item = self.batches.currentItem()
        return self._history.find(item.data(0, _BATCH_ROLE)) if item else None

    def restore_selected(self) -> None:
        batch = self.selected_batch()
        if batch is None or self._job is not None or batch.status == BatchStatus.RESTORED:
            return
        self.restoreButton.setEnabled(False)
        self.restoreButton.setText(self.tr("Restoring…"))
        self._restoring = batch.id
        self._job = self._start_restore([batch.id])
        self._job.finished.connect(self._on_restored)
        self._job.failed.connect(self._on_failed)

    def is_busy(self) -> bool:
        return self._job is not None

    # -- rows -----------------------------------------------------------------

    def _batch_row(self, batch: Batch) -> QTreeWidgetItem:
        n = len(batch.files)
        where = {
            "trashed": self.tr("Trash"),
            "moved": self.tr("A folder"),
            "mixed": self.tr("Trash and a folder"),
        }[batch.action]
        status = {
            BatchStatus.REMOVED: self.tr("Removed"),
            BatchStatus.PARTLY_RESTORED: self.tr("Partly restored"),
            BatchStatus.RESTORED: self.tr("Restored"),
        }[batch.status]
        row = QTreeWidgetItem([_when(batch.time), str(n), format_bytes(batch.bytes), where, status])
        for col in (1, 2):
            row.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.setData(0, _BATCH_ROLE, batch.id)
        row.setToolTip(0, self.tr("Batch %1").replace("%1", batch.id))
        return row

    def _show_selected(self) -> None:
        batch = self.selected_batch()
        self.files.clear()
        busy = self._job is not None
        self.restoreButton.setEnabled(
            not busy and batch is not None and batch.status != BatchStatus.RESTORED
        )
        if batch is None:
            return
        outcomes = self._outcomes.get(batch.id, {})
        rows = [self._file_row(batch, f, outcomes.get(f.path)) for f in _latest(batch.files)]
        self.files.addTopLevelItems(rows)
        header = self.files.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.files.setColumnWidth(1, self.files.viewport().width() // 3)

    def _file_row(
        self, batch: Batch, f: LoggedFile, outcome: RestoreOutcome | None
    ) -> QTreeWidgetItem:
        folder, name = os.path.split(f.path)
        if outcome is not None:
            now = outcome_text(outcome)
        elif f.path in batch.restored:
            now = self.tr("Restored")
        elif f.action == "moved" and f.destination:
            now = self.tr("In %1").replace("%1", display_path(os.path.dirname(f.destination)))
        else:
            now = self.tr("In the Trash")
        row = QTreeWidgetItem([display_path(name), display_path(folder), format_bytes(f.size), now])
        row.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.setToolTip(0, display_path(f.path))
        row.setToolTip(1, display_path(folder))
        where = display_path(f.destination) if f.destination else self.tr("the system Trash")
        row.setToolTip(3, self.tr("Went to %1").replace("%1", where))
        return row

    # -- restore --------------------------------------------------------------

    def _on_failed(self, message: str) -> None:
        self._job = None
        self.restoreButton.setText(self.tr("Restore"))
        self.reload(select=self._restoring)
        self.statusLabel.setText(self.tr("Could not restore: %1").replace("%1", message))
        self.statusLabel.show()

    def _on_restored(self, outcomes: list[RestoreOutcome]) -> None:
        self._job = None
        self.restoreButton.setText(self.tr("Restore"))
        batch_id, self._restoring = self._restoring, None
        if batch_id is None:
            return
        self._outcomes[batch_id] = {o.path: o for o in outcomes}
        self.reload(select=batch_id)
        back = sum(1 for o in outcomes if o.ok)
        if outcomes:
            text = pick(
                len(outcomes),
                self.tr("Restored %1 of %n file.", "", len(outcomes)),
                self.tr("Restored %1 of %n files.", "", len(outcomes)),
            ).replace("%1", str(back))
            self.statusLabel.setText(text)
            self.statusLabel.show()
        paths = restored_paths(outcomes)
        if paths:
            self.filesRestored.emit(paths)

    def reject(self) -> None:
        if self._job is not None:
            return  # a restore is moving files: it ends by itself, file by file
        super().reject()

    def closeEvent(self, event) -> None:
        if self._job is not None:
            event.ignore()
            return
        super().closeEvent(event)


def _latest(files: list[LoggedFile]) -> list[LoggedFile]:
    # A path removed twice in one batch is listed once, as it was last removed.
    return list({f.path: f for f in files}.values())


def _when(iso: str) -> str:
    when = QDateTime.fromString(iso[:19], Qt.DateFormat.ISODate)
    return format_datetime(when) if when.isValid() else iso
