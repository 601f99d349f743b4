"""Guards against a Qt binding that mishandles what our models return.

PySide6 6.12.0 released a reference to None each time a Python model's data() returned None through C++
(every view does this thousands of times a second). On Python 3.11 None is not immortal, so the app aborted
with "none_dealloc" after some scrolling. pyproject.toml excludes that release; this test catches the next one.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt


class _Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()) -> int:  # type: ignore[no-untyped-def]  # noqa: B008
        return 0 if parent.isValid() else 1

    def columnCount(self, parent=QModelIndex()) -> int:  # type: ignore[no-untyped-def]  # noqa: B008
        return 0 if parent.isValid() else 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        return None


def test_returning_none_from_a_model_keeps_references_balanced(qapp):
    model = _Model()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)  # calls go Python -> C++ -> Python, as in a view
    index = proxy.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(300):
        proxy.data(index)
        proxy.headerData(0, Qt.Orientation.Horizontal)
    assert sys.getrefcount(None) >= before - 10  # a broken binding loses 600 here
