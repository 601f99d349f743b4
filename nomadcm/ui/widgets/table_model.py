"""What every read-only table of the app does the same way: a list of rows, a fixed count of columns,
horizontal headers, and a reset when the rows are replaced.

    class ClientsModel(RowsTableModel[ClientInfo]):
        NAME, ZONE = range(2)
        COLUMN_COUNT = 2

        def __init__(self, parent=None):
            super().__init__(parent)
            self._headers = (self.tr("Client"), self.tr("Audience zone"))

        def _data(self, row: ClientInfo, column: int, role: int) -> Any:
            ...

Header titles are translated by the subclass (its own `self.tr(...)`, or an override of `_header`), so each
string keeps the subclass's name as its translation context: this base translates nothing itself.

Tooltips hold user data (a post's text, a place's address, a note): every `ToolTipRole` string a subclass
returns is passed through `plain_text.plain_tooltip` here, so Qt shows it as the characters it is, never as
markup (a subclass returns the plain text and never escapes it itself).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from nomadcm.ui.plain_text import plain_tooltip

AnyIndex = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")
# Made once: `flags()` runs for every cell painted, and each `|` of two Qt flags is a Python enum operation.
_ENABLED_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class RowsTableModel(QAbstractTableModel, Generic[Row]):
    """A flat table over `self._rows`; a subclass sets `COLUMN_COUNT`, `_headers` and implements `_data`."""

    COLUMN_COUNT: ClassVar[int] = 0

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._headers: Sequence[str] = ()  # one title per column, translated by the subclass

    # ------------------------------------------------------------------ rows

    def set_rows(self, rows: Iterable[Row]) -> None:
        """Replaces every row (a model reset: views drop their selection and scroll back)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rows(self) -> list[Row]:
        """A copy of the rows, in table order."""
        return list(self._rows)

    def find_row(self, match: Callable[[Row], bool]) -> int | None:
        """The first row for which `match` is true, or None."""
        return next((i for i, r in enumerate(self._rows) if match(r)), None)

    def replace_row(self, row: int, value: Row) -> None:
        """Puts `value` in place of one row and tells the views that the whole row changed."""
        self._rows[row] = value
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMN_COUNT - 1))

    def column_changed(self, column: int, roles: Sequence[int] = ()) -> None:
        """Every cell of one column changed (a clock moved on...): the views repaint it."""
        if self._rows:
            top, bottom = self.index(0, column), self.index(len(self._rows) - 1, column)
            self.dataChanged.emit(top, bottom, list(roles))

    # ------------------------------------------------------------------ for subclasses

    def _data(self, row: Row, column: int, role: int) -> Any:
        """What a cell shows for `role` (None: nothing)."""
        return None

    def _header(self, section: int) -> Any:
        return self._headers[section] if section < len(self._headers) else None

    def _header_tip(self, section: int) -> Any:
        return None

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tip(section)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ENABLED_SELECTABLE

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        value = self._data(self._rows[index.row()], index.column(), role)
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str):
            return plain_tooltip(value)
        return value
