"""The PySide fix is applied exactly when the running PySide loses references, and then
it leaves None and True enough of them to survive any session."""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, Signal

from photodedup.gui.platform import pyside_fixes

CALLS = 20_000


class _Model(QAbstractListModel):
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None


class _Emitter(QObject):
    fired = Signal(object)


def _lost_references() -> tuple[int, int]:
    """How many references to True and to None many emits and None-data calls lose."""
    emitter = _Emitter()
    seen = []
    emitter.fired.connect(seen.append)
    model = _Model()  # kept: an index outlives no model
    index = model.index(0, 0)
    before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(CALLS):
        emitter.fired.emit(None)
        assert index.data(Qt.ItemDataRole.ToolTipRole) is None
    after = sys.getrefcount(True), sys.getrefcount(None)
    assert len(seen) == CALLS
    seen.clear()
    return before[0] - after[0], before[1] - after[1]


def test_the_fix_is_applied_exactly_when_references_are_lost(qapp):
    lost_true, lost_none = _lost_references()
    leaks = max(lost_true, lost_none) >= CALLS // 2  # about one per call when it leaks
    mortal = sys.implementation.name == "cpython" and sys.version_info < (3, 12)
    assert (leaks and mortal) == pyside_fixes.APPLIED
    assert pyside_fixes._leaks() == leaks


def test_none_and_true_keep_enough_references_for_any_session(qapp):
    _lost_references()  # what a long session does, many times over
    if pyside_fixes.APPLIED:
        assert sys.getrefcount(None) > pyside_fixes._HEADROOM // 2
        assert sys.getrefcount(True) > pyside_fixes._HEADROOM // 2
    else:
        # Not needed here: nothing was lost (or the objects are immortal).
        lost_true, lost_none = _lost_references()
        assert max(lost_true, lost_none) < CALLS // 2
