"""Dialogs of the Clients page's Events: an event typed by hand (or the kind and notes of one read from the
client's calendar), and a calendar's address to subscribe to.

Like the Travel dialogs, each says under its fields what the values come to and keeps OK off until they can
be saved (`CheckedDialog`); the page saves through its operation runner (one undo step).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from nomadcm import timezones
from nomadcm.errors import UserError
from nomadcm.services.changes import Change
from nomadcm.services.container import Services
from nomadcm.services.events.records import EventDraft, EventInfo, resolve_draft
from nomadcm.services.schedule.clients import ClientInfo
from nomadcm.ui.clients.event_texts import kind_choices
from nomadcm.ui.formatting import fmt_day, fmt_time, plural, pydate, qdate
from nomadcm.ui.plain_text import plain_label
from nomadcm.ui.travel.dialog_base import CheckedDialog, date_edit, notes_edit
from nomadcm.ui.widgets.zoned_datetime import ZonedDateTimeEdit


class EventDialog(CheckedDialog):
    """A new event of `client`, or `event` to edit. An event read from a calendar shows its times and title
    as the calendar says them; only its kind and notes can change (and survive the calendar's next reading)."""

    def __init__(
        self,
        client: ClientInfo,
        event: EventInfo | None = None,
        parent: QWidget | None = None,
        *,
        day: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.client = client
        self.client_event = event  # not `self.event`: that is QWidget.event(), which Qt calls
        self.setWindowTitle(self.tr("Edit event") if event else self.tr("New event"))
        self.setMinimumWidth(520)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. Launch of the summer collection"))
        self.title.setMaxLength(500)
        self.kind = QComboBox()
        for kind, label in kind_choices():
            self.kind.addItem(label, kind)
        self.all_day = QCheckBox(self.tr("All day"))
        self.start = ZonedDateTimeEdit()
        self.end = ZonedDateTimeEdit()
        self.end.zone_picker.setEnabled(False)  # the end is on the start's clock
        self.first_date, self.last_date = date_edit(), date_edit()
        self.notes = notes_edit()
        self.times = QStackedWidget()
        self.times.addWidget(self._timed_fields())
        self.times.addWidget(self._date_fields())
        form = QFormLayout()
        form.addRow(self.tr("Client"), plain_label(client.name))
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow("", self.all_day)
        form.addRow(self.times)
        form.addRow(self.tr("Notes"), self.notes)
        layout = QVBoxLayout(self)
        if event is not None and not event.by_hand:
            source = plain_label(
                self.tr(
                    "From the calendar {name}: its title and times come from there. The kind and notes you "
                    "set here are kept when it is read again."
                ).format(name=event.calendar_name)
            )
            source.setWordWrap(True)
            layout.addWidget(source)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self._fill(event, day)
        for signal in (self.title.textChanged, self.all_day.toggled, self.start.changed, self.end.changed,
                       self.first_date.dateChanged, self.last_date.dateChanged):  # fmt: skip
            signal.connect(self._update)
        self.start.zone_picker.zoneChanged.connect(self.end.set_zone)
        self.all_day.toggled.connect(lambda on: self.times.setCurrentIndex(1 if on else 0))
        self._update()
        self.track_changes()

    def _timed_fields(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Starts"), self.start)
        form.addRow(self.tr("Ends"), self.end)
        return box

    def _date_fields(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("From")))
        row.addWidget(self.first_date)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.last_date)
        row.addStretch(1)
        return box

    def _fill(self, event: EventInfo | None, day: date | None) -> None:
        zone = self.client.audience_tz
        if event is None:
            first = day or timezones.wall_at(timezones.now_utc(), zone).date() + timedelta(days=1)
            self.start.set_value(datetime.combine(first, time(10, 0)), zone)
            self.end.set_value(datetime.combine(first, time(11, 0)), zone)
            self.first_date.setDate(qdate(first))
            self.last_date.setDate(qdate(first))
            return
        self.title.setText(event.title)
        self.kind.setCurrentIndex(max(0, self.kind.findData(event.kind)))
        self.all_day.setChecked(event.all_day)
        self.times.setCurrentIndex(1 if event.all_day else 0)
        self.notes.setPlainText(event.notes)
        if event.all_day:
            self.first_date.setDate(qdate(event.first_date))
            self.last_date.setDate(qdate(event.last_date))
            self.start.set_value(datetime.combine(event.first_date, time(10, 0)), event.tz)
            self.end.set_value(datetime.combine(event.first_date, time(11, 0)), event.tz)
        else:
            self.start.set_value(event.start_wall, event.tz, event.start_fold)
            self.end.set_value(event.end_wall, event.tz, event.end_fold)
            self.first_date.setDate(qdate(event.first_date))
            self.last_date.setDate(qdate(event.last_date))
        if not event.by_hand:
            for widget in (self.title, self.all_day, self.start, self.end, self.first_date, self.last_date):
                widget.setEnabled(False)

    def draft(self) -> EventDraft:
        kind = str(self.kind.currentData())
        if self.all_day.isChecked():
            first, last = pydate(self.first_date.date()), pydate(self.last_date.date())
            return EventDraft(
                self.client.id, self.title.text(), first, last, kind, True, self.notes.toPlainText()
            )
        return EventDraft(
            self.client.id, self.title.text(), self.start.wall(), self.end.wall(), kind, False,
            self.notes.toPlainText(), self.start.zone() or None, self.start.fold(), self.end.fold(),
        )  # fmt: skip

    @Slot()
    def _update(self, *_args: object) -> None:
        if self.client_event is not None and not self.client_event.by_hand:
            self._say(self.tr("Only the kind and the notes of this event can change."), True)
            return
        if not self.title.text().strip():
            self._say(self.tr("Give the event a title."), False)
            return
        if not self.all_day.isChecked():
            for edit in (self.start, self.end):
                if not edit.is_valid():
                    self._say(edit.problem() or self.tr("Choose a time zone."), False)
                    return
        try:
            times = resolve_draft(self.draft(), self.client.audience_tz)
        except UserError as err:
            self._say(str(err), False)
            return
        self._say(self._describe(times.start_utc, times.end_utc, times.all_day), True)

    def _describe(self, start: datetime, end: datetime, all_day: bool) -> str:
        if all_day:
            days = round((end - start).total_seconds() / 86400)
            return plural(self.tr("%n day(s) in {zone}.", "", days), days).format(
                zone=self.client.audience_tz
            )
        hours = (end - start).total_seconds() / 3600
        local = timezones.wall_at(start, self.client.audience_tz)
        return self.tr("{hours} h, from {day} {time} for the audience ({zone}).").format(
            hours=f"{hours:g}", day=fmt_day(local), time=fmt_time(local), zone=self.client.audience_tz
        )


class SubscribeDialog(CheckedDialog):
    """The address of a client's calendar to subscribe to (Google's "secret address in iCal format", an
    Outlook or Apple published calendar...)."""

    def __init__(self, client: ClientInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.setWindowTitle(self.tr("Subscribe to a calendar"))
        self.setMinimumWidth(520)
        intro = plain_label(
            self.tr(
                "The address of {client}'s calendar in iCalendar format (https://… or webcal://…). NomadCM "
                "downloads it now, then again when you are online; without a connection it uses the last copy."
            ).format(client=client.name)
        )
        intro.setWordWrap(True)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://calendar.example.com/….ics")
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("(the calendar's own name)"))
        self.name.setMaxLength(180)
        form = QFormLayout()
        form.addRow(self.tr("Address"), self.url)
        form.addRow(self.tr("Name"), self.name)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.url.textChanged.connect(self._update)
        self._update()
        self.track_changes()

    @Slot()
    def _update(self, *_args: object) -> None:
        from nomadcm.exchange.ics_fetch import check_url

        if not self.url.text().strip():
            self._say(self.tr("Paste the calendar's address."), False)
            return
        try:
            check_url(self.url.text())
        except UserError as err:
            self._say(str(err), False)
            return
        self._say(self.tr("It is downloaded when you press OK."), True)


def open_event_dialog(
    parent: QWidget,
    services: Services,
    run: Callable[[Callable[[], Change]], Change | None],
    client: ClientInfo,
    event: EventInfo | None = None,
    day: date | None = None,
) -> EventDialog:
    """Opens the dialog of a new event of `client` (or of `event`), saving through `run` (the page's
    operation runner: one undo step); it stays open, saying why, when the save is refused."""
    dialog = EventDialog(client, event, parent, day=day)

    def save() -> bool:
        draft = dialog.draft()
        if dialog.client_event is None:
            done = run(lambda: services.events.add_op(draft))
        else:
            event_id = dialog.client_event.id
            done = run(lambda: services.events.update_op(event_id, draft))
        return done is not None

    dialog.save = save
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
