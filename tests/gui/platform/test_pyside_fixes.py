"""Many signals and None-returning model data must not abort the interpreter."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, Signal

from photodedup.gui.platform import pyside_fixes


class _Model(QAbstractListModel):
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None


class _Emitter(QObject):
    fired = Signal(object)


def test_thousands_of_emits_and_none_data_are_survivable(qapp):
    # Without the fix, PySide6 6.12 on Python 3.11 aborts long before 20,000 of each.
    emitter = _Emitter()
    seen = []
    emitter.fired.connect(seen.append)
    model = _Model()
    index = model.index(0, 0)
    for _ in range(20_000):
        emitter.fired.emit(None)
        assert index.data(Qt.ItemDataRole.ToolTipRole) is None
    assert len(seen) == 20_000
    assert isinstance(pyside_fixes.APPLIED, bool)
