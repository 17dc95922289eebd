"""Keep PySide6 6.12 on Python 3.11 from freeing None, True and False.

That combination drops a reference to True on every ``Signal.emit()`` and one to
None whenever a Python override returns None where Qt expects a QVariant (as
``QAbstractItemModel.data`` does for every role it does not serve). On Python
3.12+ these objects are immortal and nothing happens; on 3.11 the count reaches
zero after a few hundred calls and the interpreter aborts ("deallocating None").

Importing this module checks whether the running PySide6 has the problem and,
only then, gives the three objects so many references that the lost ones can
never matter. Extra references to these singletons are harmless: CPython never
frees them while the interpreter runs.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, Signal

_HEADROOM = 1 << 40
_PROBES = 16


class _Probe(QAbstractListModel):
    poked = Signal()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None


def _leaks() -> bool:
    probe = _Probe()
    index = probe.index(0, 0)
    before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(_PROBES):
        probe.poked.emit()
        index.data(Qt.ItemDataRole.DisplayRole)
    after = sys.getrefcount(True), sys.getrefcount(None)
    return any(b - a >= _PROBES for a, b in zip(after, before, strict=True))


def _apply() -> bool:
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if not _leaks():
        return False
    for obj in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(obj)).value += _HEADROOM
    return True


APPLIED = _apply()
