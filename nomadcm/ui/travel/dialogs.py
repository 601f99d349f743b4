"""Dialogs of the Travel page's itinerary: a stay and a transit (`conflict_dialogs` has the CM's rhythm and
acknowledging a conflict; `dialog_base` what they all share).

Each dialog says under its fields what the values come to (the stay's instants, the transit's duration, a
DST gap or fold) and why it cannot be saved yet (an overlap, an arrival before the departure); OK stays off
until the values are valid. The page does the write, through the same service that validated them.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from nomadcm import timezones
from nomadcm.errors import UserError
from nomadcm.services.container import Services
from nomadcm.services.travel.cities import City
from nomadcm.services.travel.trip_records import (
    StayInfo,
    StayInput,
    StayOverlapError,
    TransitInfo,
    TransitInput,
    TransitOverlapError,
    stay_span,
)
from nomadcm.ui.formatting import fmt_day, plural, pydate, qdate
from nomadcm.ui.travel.city_search import CityField, zone_suggestions
from nomadcm.ui.travel.dialog_base import CheckedDialog, country_edit, date_edit, notes_edit, when_text
from nomadcm.ui.travel.table_models import duration_text
from nomadcm.ui.travel.texts import transit_kind_label
from nomadcm.ui.widgets.zone_picker import ZonePicker
from nomadcm.ui.widgets.zoned_datetime import ZonedDateTimeEdit
from nomadcm.vocabulary import TRANSIT_KINDS

# =========================================================================== stay


class StayDialog(CheckedDialog):
    """A stay: a city (searched offline), its zone, first and last days (both included), notes."""

    def __init__(
        self, services: Services, stay: StayInfo | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.stay = stay
        self._coords: tuple[float | None, float | None] = (stay.lat, stay.lon) if stay else (None, None)
        self.setWindowTitle(self.tr("Edit stay") if stay else self.tr("New stay"))
        self.city = CityField()
        self.country = country_edit()
        self.zone = ZonePicker(city_search=zone_suggestions)
        self.first = date_edit()
        self.last = date_edit()
        self.notes = notes_edit()
        form = QFormLayout()
        form.addRow(self.tr("City"), self.city)
        form.addRow(self.tr("Country code"), self.country)
        form.addRow(self.tr("Time zone"), self.zone)
        form.addRow(self.tr("First day"), self.first)
        form.addRow(self.tr("Last day"), self.last)
        form.addRow(self.tr("Notes"), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

        if stay is not None:
            self.city.set_place(stay.city)
            self.country.setText(stay.country or "")
            self.zone.setZone(stay.tz)
            self.first.setDate(qdate(stay.first_date))
            self.last.setDate(qdate(stay.last_date))
            self.notes.setPlainText(stay.notes)
        else:
            first = self._suggested_first_day()
            self.first.setDate(qdate(first))
            self.last.setDate(qdate(first + timedelta(days=6)))
        self.city.citySelected.connect(self._on_city)
        self.city.textChanged.connect(self._update)
        self.country.textChanged.connect(self._update)
        self.zone.zoneChanged.connect(self._update)
        self.first.dateChanged.connect(self._on_first_changed)
        self.last.dateChanged.connect(self._update)
        self._update()
        self.resize(520, self.sizeHint().height())

    def _suggested_first_day(self) -> date:
        """After the last stay: its last day (the travel day), else today."""
        stays = self.services.trips.list_stays()
        return max(s.last_date for s in stays) if stays else timezones.now_utc().date()

    def value(self) -> StayInput:
        lat, lon = self._coords
        return StayInput(
            city=self.city.text().strip(),
            tz=self.zone.zone(),
            first_date=pydate(self.first.date()),
            last_date=pydate(self.last.date()),
            country=self.country.text().strip().upper() or None,
            lat=lat,
            lon=lon,
            notes=self.notes.toPlainText().strip(),
        )

    @Slot(object)
    def _on_city(self, city: City) -> None:
        self.country.setText(city.country)
        self.zone.setZone(city.tz)
        self._coords = (city.lat, city.lon)
        self._update()

    @Slot(QDate)
    def _on_first_changed(self, first: QDate) -> None:
        if self.last.date() < first:
            self.last.setDate(first)
        self._update()

    @Slot()
    def _update(self, *_args: object) -> None:
        stay = self.value()
        if self.city.city() is None and self.stay is not None and stay.city != self.stay.city:
            self._coords = (None, None)  # renamed by hand: the old coordinates no longer apply
        if not stay.city:
            self._say(self.tr("Type the city you stay in."), False)
            return
        if not stay.tz:
            self._say(self.tr("Choose the time zone of {city}.").format(city=stay.city), False)
            return
        if stay.last_date < stay.first_date:
            self._say(self.tr("The last day is before the first day."), False)
            return
        try:
            self.services.trips.validate_stay(stay, self.stay.id if self.stay else None)
        except StayOverlapError as err:
            other = err.other
            self._say(
                self.tr(
                    "This stay overlaps {place} ({first} – {last}) by {days} days: two stays may share only "
                    "one day, the day you travel between them."
                ).format(
                    place=other.place,
                    first=fmt_day(other.first_date),
                    last=fmt_day(other.last_date),
                    days=err.shared_days,
                ),
                False,
            )
            return
        except UserError as err:
            self._say(str(err), False)
            return
        start, end = stay_span(stay.tz, stay.first_date, stay.last_date)
        days = (stay.last_date - stay.first_date).days + 1
        self._say(
            plural(
                self.tr("%n day(s), from {start} to {end} (your clock follows {zone}).", "", days), days
            ).format(start=when_text(start, stay.tz), end=when_text(end, stay.tz), zone=stay.tz),
            True,
        )


# =========================================================================== transit


class TransitDialog(CheckedDialog):
    """A transit: kind, from and to (cities searched offline), departure and arrival in their own zones."""

    def __init__(
        self, services: Services, transit: TransitInfo | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.transit = transit
        self._countries: dict[str, str | None] = {"from": None, "to": None}
        self.setWindowTitle(self.tr("Edit transit") if transit else self.tr("New transit"))
        self.kind = QComboBox()
        for kind in TRANSIT_KINDS:
            self.kind.addItem(transit_kind_label(kind), kind)
        self.from_city = CityField()
        self.to_city = CityField()
        self.depart = ZonedDateTimeEdit(city_search=zone_suggestions)
        self.arrive = ZonedDateTimeEdit(city_search=zone_suggestions)
        self.ref = QLineEdit()
        self.ref.setMaxLength(100)
        self.ref.setPlaceholderText(self.tr("Flight number, booking reference…"))
        self.notes = notes_edit()
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("From"), self.from_city)
        form.addRow(self.tr("Departure (local time there)"), self.depart)
        form.addRow(self.tr("To"), self.to_city)
        form.addRow(self.tr("Arrival (local time there)"), self.arrive)
        form.addRow(self.tr("Reference"), self.ref)
        form.addRow(self.tr("Notes"), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

        if transit is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(transit.kind)))
            self.from_city.set_place(transit.from_place)
            self.to_city.set_place(transit.to_place)
            self._countries = {"from": transit.from_country, "to": transit.to_country}
            self.depart.set_value(transit.depart_local, transit.from_tz, transit.depart_fold)
            self.arrive.set_value(transit.arrive_local, transit.to_tz, transit.arrive_fold)
            self.ref.setText(transit.ref)
            self.notes.setPlainText(transit.notes)
        else:
            self._suggest_from_last_stay()
        self.from_city.citySelected.connect(lambda c: self._on_city("from", c))
        self.to_city.citySelected.connect(lambda c: self._on_city("to", c))
        for field in (self.from_city, self.to_city, self.ref):
            field.textChanged.connect(self._update)
        self.kind.currentIndexChanged.connect(self._update)
        self.depart.changed.connect(self._on_depart_changed)
        self.arrive.changed.connect(self._update)
        self._update()
        self.resize(620, self.sizeHint().height())

    def _suggest_from_last_stay(self) -> None:
        stays = self.services.trips.list_stays()
        if stays:
            last = stays[-1]
            self.from_city.set_place(last.city)
            self._countries["from"] = last.country
            leave = datetime.combine(last.last_date, time(10, 0))
            self.depart.set_value(leave, last.tz)
            self.arrive.set_value(leave + timedelta(hours=2), last.tz)
        else:
            home = self.services.settings.home_tz()
            leave = datetime.combine(timezones.now_utc().date() + timedelta(days=1), time(10, 0))
            self.depart.set_value(leave, home)
            self.arrive.set_value(leave + timedelta(hours=2), home)

    def value(self) -> TransitInput:
        return TransitInput(
            kind=str(self.kind.currentData()),
            from_place=self.from_city.text().strip(),
            from_tz=self.depart.zone(),
            to_place=self.to_city.text().strip(),
            to_tz=self.arrive.zone(),
            depart_local=self.depart.wall(),
            arrive_local=self.arrive.wall(),
            from_country=self._countries["from"],
            to_country=self._countries["to"],
            depart_fold=self.depart.fold(),
            arrive_fold=self.arrive.fold(),
            ref=self.ref.text().strip(),
            notes=self.notes.toPlainText().strip(),
        )

    def _on_city(self, end: str, city: City) -> None:
        self._countries[end] = city.country
        (self.depart if end == "from" else self.arrive).set_zone(city.tz)
        self._update()

    @Slot()
    def _on_depart_changed(self) -> None:
        """Moving the departure moves an arrival that would otherwise come before it."""
        dep, arr = self.depart.instant(), self.arrive.instant()
        if dep is not None and arr is not None and arr <= dep and self.arrive.zone():
            self.arrive.set_value(
                timezones.wall_at(dep + timedelta(hours=2), self.arrive.zone()), self.arrive.zone()
            )
        self._update()

    @Slot()
    def _update(self, *_args: object) -> None:
        t = self.value()
        if not t.from_place or not t.to_place:
            self._say(self.tr("Type where you leave from and where you arrive."), False)
            return
        if not self.depart.is_valid() or not self.arrive.is_valid():
            self._say(self.tr("Fix the departure and arrival times above."), False)
            return
        dep, arr = self.depart.instant(), self.arrive.instant()
        assert dep is not None and arr is not None
        if arr <= dep:
            self._say(
                self.tr("The arrival ({arrive}) is not after the departure ({depart}).").format(
                    arrive=when_text(arr, t.to_tz), depart=when_text(dep, t.from_tz)
                ),
                False,
            )
            return
        try:
            self.services.trips.validate_transit(t, self.transit.id if self.transit else None)
        except TransitOverlapError as err:
            other = err.other
            self._say(
                self.tr("This overlaps your {kind} {route} ({depart} – {arrive}).").format(
                    kind=transit_kind_label(other.kind).lower(),
                    route=other.route,
                    depart=when_text(other.depart_utc, other.from_tz),
                    arrive=when_text(other.arrive_utc, other.to_tz),
                ),
                False,
            )
            return
        except UserError as err:
            self._say(str(err), False)
            return
        minutes = int((arr - dep).total_seconds()) // 60
        self._say(
            self.tr(
                "Leaves {depart}, arrives {arrive}: {length} on the way. Until you arrive, your clock "
                "stays on {zone}."
            ).format(
                depart=when_text(dep, t.from_tz),
                arrive=when_text(arr, t.to_tz),
                length=duration_text(minutes),
                zone=t.from_tz,
            ),
            True,
        )
