"""The contract editor and the hand-entry dialog of the Hours & pay page.

Both call `submit(values)` to write (the page runs it through its operation runner); a UserError it raises is
shown in the dialog, which stays open. Amounts are typed as text ("45", "45,50") and read into minor units by
nomadcm/currencies.py: no float on the way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from nomadcm import currencies, timezones
from nomadcm.errors import UserError
from nomadcm.services.billing.contracts import ContractInfo, ContractTerms
from nomadcm.services.billing.service import BillingClient
from nomadcm.services.billing.work_entries import WorkEntryInfo
from nomadcm.services.container import Services
from nomadcm.services.wellbeing import days
from nomadcm.ui.billing.money import amount_for_editing, fmt_hours, fmt_money
from nomadcm.ui.billing.table_models import kind_text
from nomadcm.ui.formatting import fmt_date, pydate
from nomadcm.ui.plain_text import plain_label
from nomadcm.ui.widgets.date_inputs import DateInput
from nomadcm.ui.widgets.submit_dialog import SubmitDialog
from nomadcm.ui.widgets.zoned_datetime import ZonedDateTimeEdit


@dataclass(frozen=True)
class ContractValues:
    terms: ContractTerms
    start: date
    end: date | None
    language: str


class ContractDialog(SubmitDialog):
    """Sets a client's contract from a date (the rules are services/billing/contracts.py's)."""

    def __init__(
        self,
        client: BillingClient,
        contracts: list[ContractInfo],
        submit: Callable[[ContractValues], None],
        parent: QWidget | None = None,
        *,
        start: date | None = None,
    ) -> None:
        super().__init__(submit, parent)
        self.client = client
        self.setWindowTitle(self.tr("Contract of {client}").format(client=client.name))
        self.setMinimumWidth(460)
        latest = contracts[-1] if contracts else None
        self.kind = QComboBox()
        self.kind.addItem(kind_text("hourly"), "hourly")
        self.kind.addItem(kind_text("retainer"), "retainer")
        self.currency = QComboBox()
        self.currency.addItems(list(currencies.CODES))
        self.currency.setEditable(True)
        self.rate = QLineEdit()
        self.rate.setPlaceholderText(self.tr("e.g. 45 or 45,50"))
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("e.g. 800"))
        self.included = QLineEdit()
        self.included.setPlaceholderText(self.tr("e.g. 10 or 12:30"))
        self.start = DateInput(start or date.today().replace(day=1))
        self.open_ended = QCheckBox(self.tr("No end date"))
        self.open_ended.setChecked(True)
        self.end = DateInput(self.start.date().addMonths(12).addDays(-1))
        self.end.setEnabled(False)
        self.tracked = QCheckBox(self.tr("Time measured by NomadCM (timer, screen time) is billable"))
        self.tracked.setChecked(True)
        self.language = QComboBox()
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(client.language)))
        self.history = plain_label(self._history(contracts))
        self.history.setWordWrap(True)
        self.history.setStyleSheet("color: palette(mid);")
        form = QFormLayout()
        form.addRow(self.tr("Client"), plain_label(client.name))
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Currency"), self.currency)
        form.addRow(self.tr("Rate per hour"), self.rate)
        form.addRow(self.tr("Amount per month"), self.amount)
        form.addRow(self.tr("Hours included"), self.included)
        form.addRow(self.tr("From"), self.start)
        form.addRow("", self.open_ended)
        form.addRow(self.tr("To"), self.end)
        form.addRow("", self.tracked)
        form.addRow(self.tr("Statement language"), self.language)
        self.form = form
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.history)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._on_kind)
        self.open_ended.toggled.connect(lambda on: self.end.setEnabled(not on))
        self._fill(latest)
        self.track_changes()

    def _history(self, contracts: list[ContractInfo]) -> str:
        if not contracts:
            return self.tr("No contract yet.")
        lines = []
        for c in contracts:
            terms = (
                self.tr("{rate} an hour").format(rate=fmt_money(c.rate_minor, c.currency))
                if c.kind == "hourly"
                else self.tr("{amount} a month for {hours}").format(
                    amount=fmt_money(c.retainer_minor, c.currency),
                    hours=fmt_hours((c.included_minutes or 0) * 60),
                )
            )
            span = (
                self.tr("from {start}").format(start=fmt_date(c.start))
                if c.end is None
                else self.tr("from {start} to {end}").format(start=fmt_date(c.start), end=fmt_date(c.end))
            )
            lines.append(f"{terms}, {span}")
        return self.tr("Contracts so far:") + "\n" + "\n".join(lines)

    def _fill(self, latest: ContractInfo | None) -> None:
        currency = latest.currency if latest is not None else "EUR"
        self.currency.setCurrentIndex(max(0, self.currency.findText(currency)))
        if latest is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(latest.kind)))
            if latest.rate_minor is not None:
                self.rate.setText(amount_for_editing(latest.rate_minor, latest.currency))
            if latest.retainer_minor is not None:
                self.amount.setText(amount_for_editing(latest.retainer_minor, latest.currency))
            if latest.included_minutes:
                minutes = latest.included_minutes
                self.included.setText(
                    f"{minutes // 60}:{minutes % 60:02d}" if minutes % 60 else str(minutes // 60)
                )
            self.tracked.setChecked(latest.tracked_billable)
        self._on_kind()

    def _on_kind(self) -> None:
        hourly = self.kind.currentData() == "hourly"
        for widget, shown in ((self.rate, hourly), (self.amount, not hourly), (self.included, not hourly)):
            widget.setVisible(shown)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(shown)

    def values(self) -> ContractValues:
        currency = currencies.check_currency(self.currency.currentText(), "currency")
        if self.kind.currentData() == "hourly":
            terms = ContractTerms(
                "hourly",
                currency,
                rate_minor=currencies.parse_amount(self.rate.text(), currency, "rate"),
                tracked_billable=self.tracked.isChecked(),
            )
        else:
            terms = ContractTerms(
                "retainer",
                currency,
                retainer_minor=currencies.parse_amount(self.amount.text(), currency, "amount"),
                included_minutes=currencies.parse_hours(self.included.text(), "hours included"),
                tracked_billable=self.tracked.isChecked(),
            )
        end = None if self.open_ended.isChecked() else pydate(self.end.date())
        return ContractValues(terms, pydate(self.start.date()), end, self.language.currentData())


@dataclass(frozen=True)
class EntryValues:
    client_id: int
    start: datetime
    end: datetime
    tz: str
    note: str
    billable: bool


class WorkEntryDialog(SubmitDialog):
    """Logs (or edits) a call, a workshop...: times read where she was, like screen time."""

    def __init__(
        self,
        services: Services,
        submit: Callable[[EntryValues], None],
        parent: QWidget | None = None,
        *,
        client_id: int | None = None,
        entry: WorkEntryInfo | None = None,
        now: datetime | None = None,
    ) -> None:
        super().__init__(submit, parent)
        self._timeline = services.wellbeing.timeline()
        self._auto_zone = entry is None
        self.setWindowTitle(self.tr("Edit work entry") if entry is not None else self.tr("Log work"))
        self.setMinimumWidth(520)
        self.client = QComboBox()
        for c in services.billing.clients():
            self.client.addItem(c.name, c.id)
        self.start_edit = ZonedDateTimeEdit()
        self.end_edit = ZonedDateTimeEdit()
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("e.g. call with the client, workshop, photo shoot"))
        self.billable = QCheckBox(self.tr("Billable"))
        self.billable.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Client"), self.client)
        form.addRow(self.tr("From"), self.start_edit)
        form.addRow(self.tr("To"), self.end_edit)
        form.addRow(self.tr("Note"), self.note)
        form.addRow("", self.billable)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._fill(entry, client_id, now or timezones.now_utc())
        for edit in (self.start_edit, self.end_edit):
            edit.changed.connect(self._on_time_changed)
        self.track_changes()

    def _fill(self, entry: WorkEntryInfo | None, client_id: int | None, now: datetime) -> None:
        if entry is not None:
            self.client.setCurrentIndex(max(0, self.client.findData(entry.client_id)))
            self.start_edit.set_value(timezones.wall_at(entry.start, entry.tz), entry.tz)
            self.end_edit.set_value(timezones.wall_at(entry.end, entry.tz), entry.tz)
            self.note.setText(entry.note)
            self.billable.setChecked(entry.billable)
            return
        if client_id is not None:
            self.client.setCurrentIndex(max(0, self.client.findData(client_id)))
        zone = self._timeline.zone_at(days.ts(now))
        end = timezones.wall_at(now, zone).replace(second=0, microsecond=0)
        end -= timedelta(minutes=end.minute % 5)
        self.start_edit.set_value(end - timedelta(hours=1), zone)
        self.end_edit.set_value(end, zone)

    def _on_time_changed(self) -> None:
        """Until the person picks a zone, each time is read where she was then (the itinerary)."""
        self.error.hide()
        if not self._auto_zone:
            return
        for edit in (self.start_edit, self.end_edit):
            try:
                zone = days.resolve_typed(self._timeline, edit.wall()).zone
            except timezones.TimeError:
                continue  # the editor itself says what is wrong with the time
            if zone != edit.zone():
                edit.blockSignals(True)
                edit.set_zone(zone)
                edit.blockSignals(False)

    def values(self) -> EntryValues:
        start, end = self.start_edit.instant(), self.end_edit.instant()
        if start is None or end is None:
            edit = self.start_edit if start is None else self.end_edit
            raise UserError(edit.problem() or self.tr("This time does not exist in that zone."))
        if end <= start:
            raise UserError(self.tr("The end must come after the start."))
        if self.client.currentData() is None:
            raise UserError(self.tr("Add a client first (Clients page)."))
        return EntryValues(
            self.client.currentData(),
            start,
            end,
            self.start_edit.zone(),
            self.note.text().strip(),
            self.billable.isChecked(),
        )
