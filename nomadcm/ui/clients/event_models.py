"""Table models of the Clients page's Events: a client's events, and the calendars they come from."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from nomadcm.services.events.records import CalendarInfo, EventInfo, shown_url
from nomadcm.ui.clients.event_texts import event_tooltip, event_when, kind_colour, kind_label, launch_gap_text
from nomadcm.ui.formatting import fmt_datetime, fmt_int
from nomadcm.ui.widgets.table_model import RowsTableModel

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class EventsModel(RowsTableModel[EventInfo]):
    """A client's events in time order; `gaps` (event id -> launch window hours) marks the launches with no
    post around them."""

    WHEN, KIND, TITLE, SOURCE, WARNING = range(5)
    COLUMN_COUNT = 5

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._gaps: dict[int, int] = {}
        self._headers = (
            self.tr("When (their time)"),
            self.tr("Kind"),
            self.tr("Title"),
            self.tr("From"),
            self.tr("Posts around"),
        )

    def set_events(self, events: list[EventInfo], gaps: dict[int, int]) -> None:
        self._gaps = dict(gaps)
        self.set_rows(events)

    def event_at(self, row: int) -> EventInfo:
        return self.row_at(row)

    def row_of(self, event_id: int) -> int | None:
        return self.find_row(lambda e: e.id == event_id)

    def gap_of(self, event_id: int) -> int | None:
        return self._gaps.get(event_id)

    def _data(self, e: EventInfo, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.WHEN:
                return event_when(e)
            if col == self.KIND:
                return kind_label(e.kind)
            if col == self.TITLE:
                return e.title
            if col == self.SOURCE:
                return e.calendar_name or self.tr("by hand")
            if col == self.WARNING:
                if e.kind != "launch":
                    return ""
                return "⚠" if e.id in self._gaps else "✓"
        if role == Qt.ItemDataRole.DecorationRole and col == self.KIND:
            return kind_colour(e.kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.WARNING and e.id in self._gaps:
                return launch_gap_text(self._gaps[e.id])
            return event_tooltip(e)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.WARNING:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == ID_ROLE:
            return e.id
        return None


class CalendarsModel(RowsTableModel[CalendarInfo]):
    """A client's imported files and subscriptions."""

    NAME, SOURCE, EVENTS, READ, PROBLEM = range(5)
    COLUMN_COUNT = 5

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("Calendar"),
            self.tr("Source"),
            self.tr("Events"),
            self.tr("Last read"),
            self.tr("Problem"),
        )

    def calendar_at(self, row: int) -> CalendarInfo:
        return self.row_at(row)

    def _data(self, c: CalendarInfo, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NAME:
                return c.name
            if col == self.SOURCE:
                return shown_url(c.url) if c.url else self.tr("imported file")
            if col == self.EVENTS:
                return fmt_int(c.events)
            if col == self.READ:
                return fmt_datetime(c.fetched_at.astimezone()) if c.fetched_at else ""
            if col == self.PROBLEM:
                return c.last_error.splitlines()[0] if c.last_error else ""
        if role == Qt.ItemDataRole.ToolTipRole and col == self.PROBLEM and c.last_error:
            return c.last_error
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.EVENTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return c.id
        return None
