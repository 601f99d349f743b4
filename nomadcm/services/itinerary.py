"""Where the CM is at an instant — the one function behind every "your time" — and the stays and transits
that decide it.

Rules of `Itinerary.where(instant)`, in order:
1. during a transit [depart, arrive) she is in transit, and her zone is the departure zone;
2. a transit wins over stays: after a transit's arrival she is at its arrival place until a stay there (or the
   next transit) takes over, and before a departure she is at its departure place — so "Paris 1–10 March,
   Montréal 10–31 March" with a flight on the 10th reads right on the 10th;
3. otherwise the stay covering the instant (first date 00:00 to the day after the last date, in its zone);
4. otherwise home (the `home_tz` setting).

An `Itinerary` is an immutable snapshot with sorted start instants, so `where()` is a few bisects, fast for
100,000 posts; `segments()` cuts a span into pieces where the answer does not change, for sweeps over many
posts at once (the conflicts check) and for drawing (the day view).

`ItineraryService` adds, changes and removes stays and transits with the rules that keep `where()` sound:
stays may share one day (the travel day) but not overlap more; transits never overlap; typed local times in
a DST gap are refused with the first valid time proposed; an ambiguous time means its first occurrence
unless the fold says otherwise. `warnings()` lists what deserves a look (gaps, missing transits...).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nomadcm import timezones
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.models import TRANSIT_KINDS, ChecklistItem, Stay, Transit, Workplace
from nomadcm.services.settings import SettingsService
from nomadcm.storage import Database

if TYPE_CHECKING:
    from nomadcm.services.itinerary_warnings import ItineraryWarning


@dataclass(frozen=True)
class StaySpan:
    id: int
    city: str
    country: str | None
    tz: str
    start: datetime  # aware UTC, inclusive
    end: datetime  # aware UTC, exclusive


@dataclass(frozen=True)
class TransitSpan:
    id: int
    kind: str
    from_place: str
    from_tz: str
    to_place: str
    to_tz: str
    depart: datetime  # aware UTC
    arrive: datetime  # aware UTC
    ref: str = ""


@dataclass(frozen=True)
class Whereabouts:
    """Where she is: the zone her clock shows, a place to name, and what decided it."""

    zone: str
    place: str
    in_transit: bool = False
    stay_id: int | None = None
    transit_id: int | None = None
    at_home: bool = False


@dataclass(frozen=True)
class Segment:
    """A span [start, end) during which `where()` gives the same answer."""

    start: datetime
    end: datetime
    where: Whereabouts


class Itinerary:
    """A snapshot of stays and transits, answering `where(instant)`."""

    def __init__(
        self, home_tz: str, stays: Sequence[StaySpan] = (), transits: Sequence[TransitSpan] = ()
    ) -> None:
        self.home_tz = home_tz
        self.stays = sorted(stays, key=lambda s: (s.start, s.id))
        self.transits = sorted(transits, key=lambda t: (t.depart, t.id))
        self._stay_starts = [s.start for s in self.stays]
        self._max_end: list[datetime] = []  # running maximum of stay ends, in start order
        for s in self.stays:
            self._max_end.append(max(s.end, self._max_end[-1]) if self._max_end else s.end)
        self._transit_departs = [t.depart for t in self.transits]
        self._arrivals = sorted(self.transits, key=lambda t: (t.arrive, t.id))
        self._arrive_times = [t.arrive for t in self._arrivals]
        self._home = Whereabouts(home_tz, "", at_home=True)

    def zone_at(self, instant: datetime) -> str:
        return self.where(instant).zone

    def where(self, instant: datetime) -> Whereabouts:
        # 1. in transit?  (transits never overlap each other: the service refuses it)
        i = bisect.bisect_right(self._transit_departs, instant) - 1
        if i >= 0 and instant < self.transits[i].arrive:
            t = self.transits[i]
            return Whereabouts(t.from_tz, t.from_place, in_transit=True, transit_id=t.id)
        prev_arrival = self._previous_arrival(instant)
        next_departure = self.transits[i + 1] if i + 1 < len(self.transits) else None
        # 3. stays covering the instant, checked against the transits around it (rule 2)
        covering = self._covering_stays(instant)
        consistent = [s for s in covering if self._agrees(s, prev_arrival, next_departure)]
        if consistent:
            return self._at_stay(consistent[-1])
        if covering or self._between_stay_and_transit(instant, prev_arrival, next_departure):
            if prev_arrival is not None and (
                not covering or prev_arrival.arrive > max(s.start for s in covering)
            ):
                return Whereabouts(prev_arrival.to_tz, prev_arrival.to_place, transit_id=prev_arrival.id)
            if next_departure is not None:
                return Whereabouts(
                    next_departure.from_tz, next_departure.from_place, transit_id=next_departure.id
                )
        return self._home

    def boundaries(self, start: datetime, end: datetime) -> list[datetime]:
        """The instants in (start, end) where `where()` may change: every stay and transit edge."""
        edges: set[datetime] = set()
        for s in self.stays:
            edges.update((s.start, s.end))
        for t in self.transits:
            edges.update((t.depart, t.arrive))
        return sorted(e for e in edges if start < e < end)

    def segments(self, start: datetime, end: datetime) -> list[Segment]:
        """[start, end) cut where the answer changes; neighbours with the same answer are merged."""
        out: list[Segment] = []
        cuts = [start, *self.boundaries(start, end), end]
        for a, b in pairwise(cuts):
            w = self.where(a)
            if out and out[-1].where == w:
                out[-1] = Segment(out[-1].start, b, w)
            else:
                out.append(Segment(a, b, w))
        return out

    def span(self) -> tuple[datetime, datetime] | None:
        """From the first stay or transit to the end of the last one; None for an empty itinerary."""
        starts = [s.start for s in self.stays] + [t.depart for t in self.transits]
        ends = [s.end for s in self.stays] + [t.arrive for t in self.transits]
        return (min(starts), max(ends)) if starts else None

    # ------------------------------------------------------------------ internals

    def _covering_stays(self, instant: datetime) -> list[StaySpan]:
        j = bisect.bisect_right(self._stay_starts, instant)
        found: list[StaySpan] = []
        k = j - 1
        # Walk back while some earlier stay still lasts past the instant (stays overlap by a day at most,
        # so this is one or two steps).
        while k >= 0 and self._max_end[k] > instant:
            if self.stays[k].end > instant:
                found.append(self.stays[k])
            k -= 1
        found.reverse()
        return found

    def _previous_arrival(self, instant: datetime) -> TransitSpan | None:
        k = bisect.bisect_right(self._arrive_times, instant) - 1
        return self._arrivals[k] if k >= 0 else None

    @staticmethod
    def _agrees(stay: StaySpan, prev: TransitSpan | None, nxt: TransitSpan | None) -> bool:
        if prev is not None and prev.arrive > stay.start and not _same_place(stay, prev.to_tz, prev.to_place):
            return False
        return not (
            nxt is not None and nxt.depart < stay.end and not _same_place(stay, nxt.from_tz, nxt.from_place)
        )

    def _between_stay_and_transit(
        self, instant: datetime, prev: TransitSpan | None, nxt: TransitSpan | None
    ) -> bool:
        """No stay covers `instant`: is a transit nearer than any stay on one side?"""
        j = bisect.bisect_right(self._stay_starts, instant)
        next_stay_start = self.stays[j].start if j < len(self.stays) else None
        last_end = self._max_end[j - 1] if j > 0 else None
        if prev is not None and (last_end is None or prev.arrive >= last_end):
            return True
        return nxt is not None and (next_stay_start is None or nxt.depart <= next_stay_start)

    @staticmethod
    def _at_stay(stay: StaySpan) -> Whereabouts:
        place = f"{stay.city}, {stay.country}" if stay.country else stay.city
        return Whereabouts(stay.tz, place, stay_id=stay.id)


def _same_place(stay: StaySpan, tz: str, place: str) -> bool:
    return stay.tz == tz or stay.city.casefold() == place.split(",")[0].strip().casefold()


def load_itinerary(db: Database, home_tz: str | None = None) -> Itinerary:
    """The current itinerary snapshot from the database."""
    home = home_tz or SettingsService(db).home_tz()
    with db.session() as s:
        stays = [
            StaySpan(r.id, r.city, r.country, r.tz, r.start_utc, r.end_utc)
            for r in s.execute(select(Stay).order_by(Stay.start_utc)).scalars()
        ]
        transits = [
            TransitSpan(
                r.id, r.kind, r.from_place, r.from_tz, r.to_place, r.to_tz, r.depart_utc, r.arrive_utc, r.ref
            )
            for r in s.execute(select(Transit).order_by(Transit.depart_utc)).scalars()
        ]
    timezones.check_zone(home)
    return Itinerary(home, stays, transits)


# =========================================================================== editing the itinerary


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


def _clean_country(value: str | None, what: str) -> str | None:
    if value is None or not value.strip():
        return None
    code = value.strip().upper()
    if len(code) != 2 or not code.isalpha() or not code.isascii():
        raise ValidationError(f"{what}: {value!r} is not a two-letter country code (e.g. FR, CA)")
    return code


def _clean_text(value: str, what: str, limit: int) -> str:
    text = " ".join(value.split())
    if not text:
        raise ValidationError(f"{what} is empty")
    if len(text) > limit:
        raise ValidationError(f"{what} {text[:40]!r}… is longer than {limit} characters")
    return text


def _zone(value: str, what: str) -> str:
    try:
        return timezones.check_zone(value)
    except timezones.UnknownZoneError:
        raise ValidationError(
            f"{what}: unknown time zone {value!r} (use an IANA name such as Europe/Paris)"
        ) from None


def _typed_instant(wall: datetime, zone: str, fold: int, what: str) -> datetime:
    """A typed local time as an instant; in a DST gap, the error (keeping `.gap`) says which time it was."""
    try:
        return timezones.localize(wall, zone, fold)
    except timezones.NonExistentTimeError as err:
        err.args = (f"{what} {err.args[0]}",)
        raise


def _stay_info(r: Stay) -> StayInfo:
    return StayInfo(
        r.id,
        r.city,
        r.country,
        r.tz,
        r.lat,
        r.lon,
        r.first_date,
        r.last_date,
        r.notes,
        r.start_utc,
        r.end_utc,
    )


def _transit_info(r: Transit) -> TransitInfo:
    return TransitInfo(
        r.id,
        r.kind,
        r.from_place,
        r.from_country,
        r.from_tz,
        r.to_place,
        r.to_country,
        r.to_tz,
        r.depart_local,
        r.depart_fold,
        r.arrive_local,
        r.arrive_fold,
        r.depart_utc,
        r.arrive_utc,
        r.ref,
        r.notes,
    )


class ItineraryService:
    """Stays and transits: list, add, change, remove, with the rules that keep `where()` unambiguous."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # ------------------------------------------------------------------ reading

    def list_stays(self) -> list[StayInfo]:
        with self.db.session() as s:
            rows = s.execute(select(Stay).order_by(Stay.first_date, Stay.start_utc, Stay.id)).scalars()
            return [_stay_info(r) for r in rows]

    def list_transits(self) -> list[TransitInfo]:
        with self.db.session() as s:
            rows = s.execute(select(Transit).order_by(Transit.depart_utc, Transit.id)).scalars()
            return [_transit_info(r) for r in rows]

    def get_stay(self, stay_id: int) -> StayInfo:
        with self.db.session() as s:
            row = s.get(Stay, stay_id)
            if row is None:
                raise NotFoundError(f"no stay with id {stay_id}")
            return _stay_info(row)

    def get_transit(self, transit_id: int) -> TransitInfo:
        with self.db.session() as s:
            row = s.get(Transit, transit_id)
            if row is None:
                raise NotFoundError(f"no transit with id {transit_id}")
            return _transit_info(row)

    def snapshot(self) -> Itinerary:
        return load_itinerary(self.db)

    def checklist_count(self, stay_id: int) -> int:
        """Places to try attached to a stay (removed with it): the delete confirmation names them."""
        with self.db.session() as s:
            stmt = select(func.count()).select_from(ChecklistItem).where(ChecklistItem.stay_id == stay_id)
            return int(s.execute(stmt).scalar_one())

    # ------------------------------------------------------------------ stays

    def validate_stay(self, stay: StayInput, exclude_id: int | None = None) -> dict[str, object]:
        """The column values of a valid stay, or a ValidationError naming the problem. Writes nothing."""
        with self.db.session() as s:
            return self._validated_stay(s, stay, exclude_id)

    def add_stay(self, stay: StayInput) -> StayInfo:
        with self.db.write() as s:
            row = Stay(**self._validated_stay(s, stay, None))
            s.add(row)
            s.flush()
            return _stay_info(row)

    def update_stay(self, stay_id: int, stay: StayInput) -> StayInfo:
        with self.db.write() as s:
            row = s.get(Stay, stay_id)
            if row is None:
                raise NotFoundError(f"no stay with id {stay_id}")
            for key, value in self._validated_stay(s, stay, stay_id).items():
                setattr(row, key, value)
            s.flush()
            return _stay_info(row)

    def delete_stay(self, stay_id: int) -> StayInfo:
        """Removes a stay (and its checklist of places to try); returns it, so Undo can add it back."""
        with self.db.write() as s:
            row = s.get(Stay, stay_id)
            if row is None:
                raise NotFoundError(f"no stay with id {stay_id}")
            info = _stay_info(row)
            s.delete(row)
            return info

    def _validated_stay(self, s: Session, stay: StayInput, exclude_id: int | None) -> dict[str, object]:
        city = _clean_text(stay.city, "city", 200)
        tz = _zone(stay.tz, f"zone of {city}")
        country = _clean_country(stay.country, f"country of {city}")
        if stay.last_date < stay.first_date:
            raise ValidationError(
                f"stay {city}: last date {stay.last_date.isoformat()} is before first date "
                f"{stay.first_date.isoformat()}"
            )
        for value, what in ((stay.lat, "latitude"), (stay.lon, "longitude")):
            limit = 90 if what == "latitude" else 180
            if value is not None and not -limit <= value <= limit:
                raise ValidationError(f"stay {city}: {what} {value} is out of range")
        start, end = stay_span(tz, stay.first_date, stay.last_date)
        query = select(Stay).where(Stay.first_date <= stay.last_date, Stay.last_date >= stay.first_date)
        if exclude_id is not None:
            query = query.where(Stay.id != exclude_id)
        for other in s.execute(query.order_by(Stay.first_date)).scalars():
            first = max(other.first_date, stay.first_date)
            last = min(other.last_date, stay.last_date)
            shared = (last - first).days + 1
            travel_day = shared == 1 and (
                other.last_date == stay.first_date or stay.last_date == other.first_date
            )
            if not travel_day:
                raise StayOverlapError(stay, _stay_info(other), shared)
        return {
            "city": city,
            "country": country,
            "tz": tz,
            "lat": stay.lat,
            "lon": stay.lon,
            "first_date": stay.first_date,
            "last_date": stay.last_date,
            "notes": stay.notes.strip(),
            "start_utc": start,
            "end_utc": end,
        }

    # ------------------------------------------------------------------ transits

    @staticmethod
    def resolve_times(transit: TransitInput) -> TransitTimes:
        """What the typed times mean, DST included, without raising (for a live line under the fields)."""
        return TransitTimes(
            timezones.resolve(
                transit.depart_local, _zone(transit.from_tz, "departure zone"), transit.depart_fold
            ),
            timezones.resolve(
                transit.arrive_local, _zone(transit.to_tz, "arrival zone"), transit.arrive_fold
            ),
        )

    def validate_transit(self, transit: TransitInput, exclude_id: int | None = None) -> dict[str, object]:
        with self.db.session() as s:
            return self._validated_transit(s, transit, exclude_id)

    def add_transit(self, transit: TransitInput) -> TransitInfo:
        with self.db.write() as s:
            row = Transit(**self._validated_transit(s, transit, None))
            s.add(row)
            s.flush()
            return _transit_info(row)

    def update_transit(self, transit_id: int, transit: TransitInput) -> TransitInfo:
        with self.db.write() as s:
            row = s.get(Transit, transit_id)
            if row is None:
                raise NotFoundError(f"no transit with id {transit_id}")
            for key, value in self._validated_transit(s, transit, transit_id).items():
                setattr(row, key, value)
            s.flush()
            return _transit_info(row)

    def delete_transit(self, transit_id: int) -> TransitInfo:
        with self.db.write() as s:
            row = s.get(Transit, transit_id)
            if row is None:
                raise NotFoundError(f"no transit with id {transit_id}")
            info = _transit_info(row)
            s.delete(row)
            return info

    def checklist_of(self, stay_id: int) -> tuple[tuple[int, bool, bool, str], ...]:
        """The stay's places to try, (workplace id, visited, tested, note): what deleting it also removes,
        kept by Undo so that it can put them back."""
        with self.db.session() as s:
            rows = s.execute(
                select(
                    ChecklistItem.workplace_id,
                    ChecklistItem.visited,
                    ChecklistItem.tested,
                    ChecklistItem.note,
                )
                .where(ChecklistItem.stay_id == stay_id)
                .order_by(ChecklistItem.id)
            )
            return tuple((r[0], bool(r[1]), bool(r[2]), r[3]) for r in rows)

    def restore_stay(self, info: StayInfo, checklist: Sequence[tuple[int, bool, bool, str]] = ()) -> StayInfo:
        """Puts a deleted stay back (Undo), with the same id when it is free, and its places to try (those
        whose workplace still exists)."""
        with self.db.write() as s:
            values = self._validated_stay(s, info.to_input(), None)
            row = Stay(id=info.id if s.get(Stay, info.id) is None else None, **values)
            s.add(row)
            s.flush()
            for workplace_id, visited, tested, note in checklist:
                if s.get(Workplace, workplace_id) is not None:
                    s.add(
                        ChecklistItem(
                            stay_id=row.id,
                            workplace_id=workplace_id,
                            visited=visited,
                            tested=tested,
                            note=note,
                        )
                    )
            return _stay_info(row)

    def restore_transit(self, info: TransitInfo) -> TransitInfo:
        with self.db.write() as s:
            values = self._validated_transit(s, info.to_input(), None)
            row = Transit(id=info.id if s.get(Transit, info.id) is None else None, **values)
            s.add(row)
            s.flush()
            return _transit_info(row)

    def _validated_transit(self, s: Session, t: TransitInput, exclude_id: int | None) -> dict[str, object]:
        if t.kind not in TRANSIT_KINDS:
            raise ValidationError(f"transit kind {t.kind!r} is not one of: {', '.join(TRANSIT_KINDS)}")
        from_place = _clean_text(t.from_place, "departure place", 200)
        to_place = _clean_text(t.to_place, "arrival place", 200)
        from_tz = _zone(t.from_tz, f"zone of {from_place}")
        to_tz = _zone(t.to_tz, f"zone of {to_place}")
        for fold, what in ((t.depart_fold, "departure"), (t.arrive_fold, "arrival")):
            if fold not in (0, 1):
                raise ValidationError(f"{what} fold must be 0 or 1, not {fold!r}")
        depart = _typed_instant(t.depart_local, from_tz, t.depart_fold, "departure")
        arrive = _typed_instant(t.arrive_local, to_tz, t.arrive_fold, "arrival")
        if arrive <= depart:
            raise ValidationError(
                f"arrival {t.arrive_local:%Y-%m-%d %H:%M} in {to_tz} ({timezones.format_utc(arrive)}) is not "
                f"after departure {t.depart_local:%Y-%m-%d %H:%M} in {from_tz} ({timezones.format_utc(depart)})"
            )
        ref = t.ref.strip()
        if len(ref) > 100:
            raise ValidationError(f"reference {ref[:40]!r}… is longer than 100 characters")
        query = select(Transit).where(Transit.depart_utc < arrive, Transit.arrive_utc > depart)
        if exclude_id is not None:
            query = query.where(Transit.id != exclude_id)
        other = s.execute(query.order_by(Transit.depart_utc)).scalars().first()
        if other is not None:
            raise TransitOverlapError(t, _transit_info(other))
        return {
            "kind": t.kind,
            "from_place": from_place,
            "from_country": _clean_country(t.from_country, f"country of {from_place}"),
            "from_tz": from_tz,
            "to_place": to_place,
            "to_country": _clean_country(t.to_country, f"country of {to_place}"),
            "to_tz": to_tz,
            "depart_local": t.depart_local,
            "depart_fold": t.depart_fold,
            "arrive_local": t.arrive_local,
            "arrive_fold": t.arrive_fold,
            "depart_utc": depart,
            "arrive_utc": arrive,
            "ref": ref,
            "notes": t.notes.strip(),
        }

    # ------------------------------------------------------------------ warnings

    def warnings(self) -> list[ItineraryWarning]:
        from nomadcm.services.itinerary_warnings import ItineraryWarning, itinerary_warnings
        from nomadcm.services.place_checklist import stays_without_wifi

        stays = self.list_stays()
        found = itinerary_warnings(stays, self.list_transits(), self.snapshot())
        by_id = {s.id: s for s in stays}
        for bare in stays_without_wifi(self.db):
            stay = by_id.get(bare.id)
            if stay is not None:
                found.append(ItineraryWarning("no_wifi", stay.first_date, stay.last_date, (stay.place,), (stay.id,)))
        return sorted(found, key=lambda w: (w.first_date, w.kind))
