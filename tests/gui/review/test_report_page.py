"""The report after a removal lists every file left behind, however many."""

from __future__ import annotations

from PySide6.QtCore import Qt

from photodedup.core.reasons import Reason, Status
from photodedup.core.trash import Outcome
from photodedup.gui.review.report import ReportPage

LEFT = 30_000


def test_thirty_thousand_files_left_are_all_listed_and_the_last_is_reachable(qtbot):
    page = ReportPage()
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    qtbot.waitExposed(page)
    outcomes = [Outcome(f"/lib/{i // 100:03d}/p{i:05d}.jpg", Status.TRASHED) for i in range(10)]
    outcomes += [
        Outcome(f"/lib/{i // 100:03d}/c{i:05d}.jpg", Status.SKIPPED, Reason.CHANGED)
        for i in range(LEFT)
    ]
    page.show_outcomes(outcomes, {o.path: 1000 for o in outcomes})

    table, left = page.skippedTable, page.skipped
    assert table.isVisible() and left.rowCount() == LEFT
    assert f"{LEFT:,} files were left".replace(",", "") in page.skippedLabel.text().replace(",", "")
    table.scrollToBottom()
    qtbot.wait(50)
    last = left.index(LEFT - 1, 0)
    assert table.visualRect(last).intersects(table.viewport().rect())
    assert last.data() == f"c{LEFT - 1:05d}.jpg"
    assert left.index(LEFT - 1, 1).data() == f"/lib/{(LEFT - 1) // 100:03d}"
    assert left.index(LEFT - 1, 3).data() == "Changed since the scan"
    tip = left.index(LEFT - 1, 0).data(Qt.ItemDataRole.ToolTipRole)  # the whole path
    assert tip == f"/lib/{(LEFT - 1) // 100:03d}/c{LEFT - 1:05d}.jpg"

    page.show_outcomes(outcomes[:10], {})  # nothing left: the table goes
    assert table.isHidden() and left.rowCount() == 0
