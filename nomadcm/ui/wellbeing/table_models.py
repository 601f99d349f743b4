"""Table models of the Wellbeing page: the days (the chart's numbers), the entries, the apps."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from nomadcm import timezones
from nomadcm.services.wellbeing.record_values import RestInfo, ScreenInfo
from nomadcm.services.wellbeing.wellbeing_report import DayReport
from nomadcm.ui.formatting import fmt_date, fmt_day, fmt_time
from nomadcm.ui.wellbeing import texts
from nomadcm.ui.widgets.table_model import RowsTableModel
from nomadcm.vocabulary import DEVICES

WARN = QColor("#c53030")


class DayTableModel(RowsTableModel[DayReport]):
    """One row per day: screen time by device, total, sleep, rest, longest rest, warnings."""

    DATE, ZONE = 0, 1
    FIRST_DEVICE = 2
    TOTAL = FIRST_DEVICE + len(DEVICES)
    SLEEP, REST, LONGEST, WARNINGS = TOTAL + 1, TOTAL + 2, TOTAL + 3, TOTAL + 4
    COLUMN_COUNT = WARNINGS + 1

    def set_days(self, days: list[DayReport]) -> None:
        self.set_rows(days)

    def day(self, row: int) -> DayReport:
        return self.row_at(row)

    def _header(self, section: int) -> str | None:
        if self.FIRST_DEVICE <= section < self.TOTAL:
            return texts.device_name(DEVICES[section - self.FIRST_DEVICE])
        return {
            self.DATE: self.tr("Day"),
            self.ZONE: self.tr("Zone"),
            self.TOTAL: self.tr("Screens"),
            self.SLEEP: self.tr("Sleep"),
            self.REST: self.tr("Rest"),
            self.LONGEST: self.tr("Longest rest"),
            self.WARNINGS: self.tr("Warnings"),
        }.get(section)

    def _data(self, day: DayReport, col: int, role: int) -> Any:
        codes = {w.code for w in day.warnings}
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.DATE:
                return fmt_day(day.day)
            if col == self.ZONE:
                return day.zone
            if self.FIRST_DEVICE <= col < self.TOTAL:
                minutes = day.screen_minutes.get(DEVICES[col - self.FIRST_DEVICE], 0)
                return texts.hours_minutes(60 * minutes) if minutes else ""
            if col == self.TOTAL:
                return texts.hours_minutes(60 * day.screen_total_minutes)
            if col == self.SLEEP:
                return texts.hours_minutes(60 * day.sleep_minutes) if day.sleep_minutes else ""
            if col == self.REST:
                return texts.hours_minutes(60 * day.rest_minutes) if day.rest_minutes else ""
            if col == self.LONGEST:
                if not day.screen_seconds or not math.isfinite(day.longest_rest_seconds):
                    return ""
                return texts.hours_minutes(day.longest_rest_seconds)
            if col == self.WARNINGS:
                return str(len(day.warnings)) if day.warnings else ""
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.WARNINGS, self.DATE) and day.warnings:
            return "\n".join(texts.warning_text(w) for w in day.warnings)
        if role == Qt.ItemDataRole.ForegroundRole:
            flagged = (
                (col == self.TOTAL and codes & {"screen_day_over", "screen_week_over"})
                or (col == self.SLEEP and "sleep_short" in codes)
                or (col == self.LONGEST and "daily_rest_short" in codes)
                or (col == self.WARNINGS and codes)
            )
            return QBrush(WARN) if flagged else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= self.FIRST_DEVICE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


@dataclass(frozen=True)
class Entry:
    """A row of the entries table: a screen session or a rest period."""

    info: ScreenInfo | RestInfo

    @property
    def is_screen(self) -> bool:
        return isinstance(self.info, ScreenInfo)

    @property
    def start(self) -> datetime:
        return self.info.start


class EntryTableModel(RowsTableModel[Entry]):
    KIND, WHAT, START, END, DURATION, ZONE, DETAIL, SOURCE = range(8)
    COLUMN_COUNT = 8

    def set_entries(self, screens: list[ScreenInfo], rests: list[RestInfo]) -> None:
        self.set_rows(sorted((Entry(i) for i in [*screens, *rests]), key=lambda e: (e.start, e.is_screen)))

    def entry(self, row: int) -> Entry:
        return self.row_at(row)

    def _header(self, section: int) -> str | None:
        return {
            self.KIND: self.tr("Type"),
            self.WHAT: self.tr("What"),
            self.START: self.tr("From"),
            self.END: self.tr("To"),
            self.DURATION: self.tr("Duration"),
            self.ZONE: self.tr("Zone"),
            self.DETAIL: self.tr("Client / quality"),
            self.SOURCE: self.tr("Source"),
        }.get(section)

    def _data(self, entry: Entry, col: int, role: int) -> Any:
        info = entry.info
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.KIND:
                return self.tr("Screen") if entry.is_screen else self.tr("Rest")
            if col == self.WHAT:
                return (
                    texts.device_name(info.device)
                    if isinstance(info, ScreenInfo)
                    else texts.kind_name(info.kind)
                )
            if col in (self.START, self.END):
                instant = info.start if col == self.START else info.end
                local = timezones.wall_at(instant, info.tz)
                return f"{fmt_date(local)} {fmt_time(local)}"
            if col == self.DURATION:
                return texts.hours_minutes((info.end - info.start).total_seconds())
            if col == self.ZONE:
                return info.tz
            if col == self.DETAIL:
                if isinstance(info, ScreenInfo):
                    return info.client_name
                return "★" * info.quality + "☆" * (5 - info.quality) if info.quality is not None else ""
            if col == self.SOURCE:
                return texts.source_name(info.source)
        if role == Qt.ItemDataRole.ToolTipRole:
            if isinstance(info, RestInfo) and info.note:
                return info.note
            if isinstance(info, ScreenInfo) and info.activity:
                return info.activity
        return None


class AppTableModel(RowsTableModel[tuple[str, float]]):
    APP, TIME = 0, 1
    COLUMN_COUNT = 2

    def set_totals(self, rows: list[tuple[str, float]]) -> None:
        self.set_rows(rows)

    def _header(self, section: int) -> str:
        return self.tr("Application") if section == self.APP else self.tr("In the foreground")

    def _data(self, row: tuple[str, float], col: int, role: int) -> Any:
        app, seconds = row
        if role == Qt.ItemDataRole.DisplayRole:
            return app if col == self.APP else texts.hours_minutes(seconds)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.TIME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
