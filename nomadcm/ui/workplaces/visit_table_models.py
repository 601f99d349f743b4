"""Table models of what happens at places: a place's speed tests and "worked here" sessions, and a stay's
checklist of places to try (Visited and Tested ticked in the table). The places table is in `table_models`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from nomadcm import timezones
from nomadcm.services.workplaces.place_checklist import ChecklistEntry
from nomadcm.services.workplaces.places import SpeedTestInfo, WorkSessionInfo
from nomadcm.ui.formatting import fmt_datetime, fmt_time
from nomadcm.ui.hours_text import display_hours
from nomadcm.ui.widgets.table_model import AnyIndex, RowsTableModel
from nomadcm.ui.workplaces.table_models import ID_ROLE, RIGHT, fmt_mbps, kind_label


class SpeedTestsModel(RowsTableModel[SpeedTestInfo]):
    WHEN, DOWN, UP, PING, TOOL = range(5)
    COLUMN_COUNT = 5

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._zone = "UTC"
        self._headers = (
            self.tr("When"),
            self.tr("Down (Mbit/s)"),
            self.tr("Up (Mbit/s)"),
            self.tr("Ping (ms)"),
            self.tr("Measured with"),
        )

    def set_tests(self, tests: list[SpeedTestInfo], zone: str | None) -> None:
        self.beginResetModel()
        self._rows = sorted(tests, key=lambda t: t.measured_at, reverse=True)  # newest first
        self._zone = zone or "UTC"
        self.endResetModel()

    def test_at(self, row: int) -> SpeedTestInfo:
        return self.row_at(row)

    def _data(self, t: SpeedTestInfo, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.WHEN:
                return fmt_datetime(timezones.wall_at(t.measured_at, self._zone))
            if col == self.DOWN:
                return fmt_mbps(t.down_mbps)
            if col == self.UP:
                return fmt_mbps(t.up_mbps)
            if col == self.PING:
                return "" if t.ping_ms is None else fmt_mbps(t.ping_ms)
            if col == self.TOOL:
                return tool_label(t.tool)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.DOWN, self.UP, self.PING):
            return RIGHT
        if role == ID_ROLE:
            return t.id
        return None


def tool_label(tool: str) -> str:
    return {
        "speedtest": "Speedtest",
        "fast.com": "fast.com",
        "nperf": "nPerf",
        "other": QCoreApplication.translate("Workplaces", "Other"),
    }.get(tool, tool)


class ChecklistModel(RowsTableModel[ChecklistEntry]):
    """A stay's places to try; Visited and Tested are tick boxes, Note is editable."""

    VISITED, TESTED, NAME, KIND, DOWN, HOURS, NOTE = range(7)
    COLUMN_COUNT = 7

    def __init__(self, on_change: Callable[[int, dict[str, Any]], bool], parent: Any = None) -> None:
        super().__init__(parent)
        self._on_change = on_change
        self._headers = (
            self.tr("Visited"),
            self.tr("Tested"),
            self.tr("Place"),
            self.tr("Kind"),
            self.tr("Down (Mbit/s)"),
            self.tr("Opening hours"),
            self.tr("Note"),
        )

    def set_entries(self, entries: list[ChecklistEntry]) -> None:
        self.set_rows(entries)

    def entries(self) -> list[ChecklistEntry]:
        return self.rows()

    def entry_at(self, row: int) -> ChecklistEntry:
        return self.row_at(row)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        if index.column() in (self.VISITED, self.TESTED):
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == self.NOTE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def _data(self, e: ChecklistEntry, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole:
            if col == self.VISITED:
                return Qt.CheckState.Checked if e.visited else Qt.CheckState.Unchecked
            if col == self.TESTED:
                return Qt.CheckState.Checked if e.tested else Qt.CheckState.Unchecked
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == self.NAME:
                return e.place.name
            if col == self.KIND:
                return kind_label(e.place.kind)
            if col == self.DOWN:
                return fmt_mbps(e.place.down_mbps)
            if col == self.HOURS:  # in words on screen; the value as stored when edited or copied
                if role == Qt.ItemDataRole.DisplayRole and not e.place.hours_error:
                    return display_hours(e.place.opening_hours)
                return e.place.opening_hours
            if col == self.NOTE:
                return e.note
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.DOWN:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and col == self.NAME and e.place.address:
            return e.place.address
        if role == ID_ROLE:
            return e.id
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        e = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col in (self.VISITED, self.TESTED):
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            fields: dict[str, Any] = {"visited" if col == self.VISITED else "tested": checked}
        elif role == Qt.ItemDataRole.EditRole and col == self.NOTE:
            fields = {"note": str(value).strip()}
        else:
            return False
        if not self._on_change(e.id, fields):
            return False
        if fields.get("tested"):
            fields["visited"] = True  # the service ticks it too: tested means visited
        self.replace_row(index.row(), replace(e, **fields))
        return True


class WorkSessionsModel(RowsTableModel[WorkSessionInfo]):
    """A place's "worked here" sessions, newest first, in the zone each was logged in."""

    START, END, DURATION, ACTIVITY = range(4)
    COLUMN_COUNT = 4

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("From"), self.tr("To"), self.tr("Duration"), self.tr("Activity"))

    def set_sessions(self, sessions: list[WorkSessionInfo]) -> None:
        self.set_rows(sessions)

    def _data(self, w: WorkSessionInfo, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.START:
                return f"{fmt_datetime(timezones.wall_at(w.start, w.tz))} {timezones.abbreviation(w.start, w.tz)}"
            if col == self.END:
                return fmt_time(timezones.wall_at(w.end, w.tz))
            if col == self.DURATION:
                minutes = int(w.duration.total_seconds() // 60)
                return self.tr("{h} h {m:02d}").format(h=minutes // 60, m=minutes % 60)
            if col == self.ACTIVITY:
                return w.activity
        if role == ID_ROLE:
            return w.id
        return None
