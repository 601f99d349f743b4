"""The Hours & pay page's tables: each client's month (MonthHoursModel) and the month's pieces of work of one
client (PiecesModel: a day's part of a timer session, screen time or hand entry)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from nomadcm import timezones
from nomadcm.services.billing.hours import MonthHours, WorkPiece
from nomadcm.ui.billing.money import fmt_hours, fmt_money
from nomadcm.ui.formatting import fmt_day, fmt_time
from nomadcm.ui.widgets.table_model import RowsTableModel

WARNING_COLOUR = "#c53030"


def kind_text(kind: str) -> str:
    """A contract kind in the user's language."""
    if kind == "hourly":
        return QCoreApplication.translate("Billing", "hourly rate")
    return QCoreApplication.translate("Billing", "monthly retainer")


def source_text(source: str) -> str:
    """Where a piece of work comes from, in the user's language."""
    if source == "hand":
        return QCoreApplication.translate("Billing", "logged by hand")
    if source == "timer":
        return QCoreApplication.translate("Billing", "timer")
    if source == "workplace":
        return QCoreApplication.translate("Billing", "work session")
    return QCoreApplication.translate("Billing", "screen time")


class MonthHoursModel(RowsTableModel[MonthHours]):
    CLIENT, WORKED, PAID, UNPAID, EARNED, RATE, CONTRACT = range(7)
    COLUMN_COUNT = 7

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.threshold_seconds = 3600
        self._headers = (
            self.tr("Client"),
            self.tr("Worked"),
            self.tr("Paid"),
            self.tr("Unpaid"),
            self.tr("Earned"),
            self.tr("Per hour worked"),
            self.tr("Contract"),
        )

    def set_months(self, months: list[MonthHours], threshold_seconds: int) -> None:
        self.threshold_seconds = threshold_seconds
        self.set_rows(months)

    def _header_tip(self, section: int) -> Any:
        if section == self.PAID:
            return self.tr("Hourly: the billable hours. Retainer: the hours it includes (for its days).")
        if section == self.RATE:
            return self.tr("What the month earned divided by the hours worked.")
        return None

    def _data(self, row: MonthHours, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (self.CLIENT, self.CONTRACT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == self.UNPAID
            and row.warns(self.threshold_seconds)
        ):
            return QColor(WARNING_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.CONTRACT:
            return "\n".join(self._contract_line(c) for c in row.contracts) or None
        if role == Qt.ItemDataRole.UserRole:
            return row.client_id
        return None

    def _text(self, row: MonthHours, column: int) -> str:
        if column == self.CLIENT:
            return row.client_name
        if column == self.WORKED:
            return fmt_hours(row.worked_seconds)
        if column == self.PAID:
            return fmt_hours(row.paid_seconds)
        if column == self.UNPAID:
            return fmt_hours(row.unpaid_seconds)
        if column == self.EARNED:
            return fmt_money(row.earned_minor, row.currency)
        if column == self.RATE:
            return fmt_money(row.effective_rate_minor, row.currency)
        if not row.contracts:
            return self.tr("no contract")
        return ", ".join(kind_text(c.kind) for c in row.contracts)

    def _contract_line(self, c: Any) -> str:
        if c.kind == "hourly":
            return self.tr("{rate} an hour").format(rate=fmt_money(c.rate_minor, c.currency))
        return self.tr("{amount} a month for {hours}").format(
            amount=fmt_money(c.retainer_minor, c.currency), hours=fmt_hours((c.included_minutes or 0) * 60)
        )


class PiecesModel(RowsTableModel[WorkPiece]):
    DAY, TIME, DURATION, SOURCE, BILLABLE, NOTE = range(6)
    COLUMN_COUNT = 6

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("Day"),
            self.tr("Time"),
            self.tr("Duration"),
            self.tr("From"),
            self.tr("Billable"),
            self.tr("Note"),
        )

    def _data(self, row: WorkPiece, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.DAY:
                return fmt_day(row.day)
            if column == self.TIME:
                start = timezones.wall_at(row.start, row.zone)
                end = timezones.wall_at(row.end, row.zone)
                return f"{fmt_time(start)}–{fmt_time(end)}"
            if column == self.DURATION:
                return fmt_hours(row.seconds)
            if column == self.SOURCE:
                return source_text(row.source)
            if column == self.BILLABLE:
                return self.tr("yes") if row.billable else self.tr("no")
            return row.note
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.TIME:
                return row.zone
            if column == self.NOTE and row.note:
                return row.note
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.DURATION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
