"""The records of the itinerary: a stay or a transit as typed (`*Input`) and as stored (`*Info`), what a
transit's typed times come to, and the overlap errors that name the row already there.

Plain frozen dataclasses, no database: the dialogs, the CLI, the undo commands and the warnings share them,
while `trips.ItineraryService` is the one that checks and writes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from nomadcm import timezones
from nomadcm.errors import ValidationError


@dataclass(frozen=True)
class StayInput:
    """A stay as typed: a place, its zone, and its first and last local dates (both included)."""

    city: str
    tz: str
    first_date: date
    last_date: date
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    notes: str = ""


@dataclass(frozen=True)
class StayInfo:
    id: int
    city: str
    country: str | None
    tz: str
    lat: float | None
    lon: float | None
    first_date: date
    last_date: date
    notes: str
    start_utc: datetime
    end_utc: datetime
    uuid: str | None = None  # the row's stable identity: Undo of a deletion gives it back

    @property
    def place(self) -> str:
        return f"{self.city}, {self.country}" if self.country else self.city

    @property
    def days(self) -> int:
        return (self.last_date - self.first_date).days + 1

    def to_input(self) -> StayInput:
        return StayInput(
            self.city, self.tz, self.first_date, self.last_date, self.country, self.lat, self.lon, self.notes
        )


@dataclass(frozen=True)
class TransitInput:
    """A transit as typed: departure in the departure zone's local time, arrival in the arrival zone's."""

    kind: str
    from_place: str
    from_tz: str
    to_place: str
    to_tz: str
    depart_local: datetime  # naive wall time
    arrive_local: datetime  # naive wall time
    from_country: str | None = None
    to_country: str | None = None
    depart_fold: int = 0
    arrive_fold: int = 0
    ref: str = ""
    notes: str = ""


@dataclass(frozen=True)
class TransitInfo:
    id: int
    kind: str
    from_place: str
    from_country: str | None
    from_tz: str
    to_place: str
    to_country: str | None
    to_tz: str
    depart_local: datetime
    depart_fold: int
    arrive_local: datetime
    arrive_fold: int
    depart_utc: datetime
    arrive_utc: datetime
    ref: str
    notes: str
    uuid: str | None = None  # the row's stable identity: Undo of a deletion gives it back

    @property
    def duration(self) -> timedelta:
        return self.arrive_utc - self.depart_utc

    @property
    def route(self) -> str:
        return f"{self.from_place} → {self.to_place}"

    def to_input(self) -> TransitInput:
        return TransitInput(
            self.kind,
            self.from_place,
            self.from_tz,
            self.to_place,
            self.to_tz,
            self.depart_local,
            self.arrive_local,
            self.from_country,
            self.to_country,
            self.depart_fold,
            self.arrive_fold,
            self.ref,
            self.notes,
        )


@dataclass(frozen=True)
class TransitTimes:
    """What a transit's typed times come to (for the dialog's live line and the CLI's notes)."""

    depart: timezones.Resolution
    arrive: timezones.Resolution

    @property
    def duration(self) -> timedelta | None:
        if self.depart.instant is None or self.arrive.instant is None:
            return None
        return self.arrive.instant - self.depart.instant


class StayOverlapError(ValidationError):
    """A stay overlaps another by more than the travel day. `.other` is the stay already there."""

    def __init__(self, stay: StayInput, other: StayInfo, shared_days: int) -> None:
        self.stay = stay
        self.other = other
        self.shared_days = shared_days
        super().__init__(
            f"stay {stay.city} ({_dates(stay.first_date, stay.last_date)}) overlaps stay {other.place} "
            f"({_dates(other.first_date, other.last_date)}) by {shared_days} days: two stays may share "
            "only one day, the day you travel between them"
        )


class TransitOverlapError(ValidationError):
    def __init__(self, transit: TransitInput, other: TransitInfo) -> None:
        self.transit = transit
        self.other = other
        ref = f" {other.ref}" if other.ref else ""
        super().__init__(
            f"{transit.kind} {transit.from_place} → {transit.to_place} "
            f"({transit.depart_local:%Y-%m-%d %H:%M} to {transit.arrive_local:%Y-%m-%d %H:%M}) overlaps "
            f"{other.kind}{ref} {other.route} ({other.depart_local:%Y-%m-%d %H:%M} {other.from_tz} to "
            f"{other.arrive_local:%Y-%m-%d %H:%M} {other.to_tz})"
        )


def _dates(first: date, last: date) -> str:
    return f"{first.isoformat()} to {last.isoformat()}"


def stay_span(tz: str, first_date: date, last_date: date) -> tuple[datetime, datetime]:
    """The instants a stay covers: its first date's local midnight to the midnight after its last date."""
    return timezones.local_midnight(first_date, tz), timezones.local_midnight(
        last_date + timedelta(days=1), tz
    )
