"""The stays and transits behind the itinerary: list, add, change, remove (and put back, for Undo).

`ItineraryService` keeps `Itinerary.where()` (services/itinerary.py) sound: stays may share one day (the
travel day) but not overlap more; transits never overlap; typed local times in a DST gap are refused with the
first valid time proposed; an ambiguous time means its first occurrence unless the fold says otherwise.
`warnings()` lists what deserves a look (gaps, missing transits...). The records it takes and returns are in
`trip_records`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nomadcm import date_bounds, timezones
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.models import TRANSIT_KINDS, ChecklistItem, Stay, Transit, Workplace
from nomadcm.services.acting import ACTING, MemberRef, member_of
from nomadcm.services.names import single_line
from nomadcm.services.team_roles import require_someone
from nomadcm.services.travel.city_keys import key_for
from nomadcm.services.travel.itinerary import Itinerary, load_itinerary, owned_by
from nomadcm.services.travel.trip_ops import TripOps
from nomadcm.services.travel.trip_records import (
    StayInfo,
    StayInput,
    StayOverlapError,
    TransitInfo,
    TransitInput,
    TransitOverlapError,
    TransitTimes,
    stay_span,
)
from nomadcm.storage import Database

if TYPE_CHECKING:
    from nomadcm.services.travel.itinerary_warnings import ItineraryWarning

_Row = TypeVar("_Row", Stay, Transit)


def _clean_country(value: str | None, what: str) -> str | None:
    if value is None or not value.strip():
        return None
    code = value.strip().upper()
    if len(code) != 2 or not code.isalpha() or not code.isascii():
        raise ValidationError(f"{what}: {value!r} is not a two-letter country code (e.g. FR, CA)")
    return code


def _clean_text(value: str, what: str, limit: int) -> str:
    text = single_line(value)
    if not text:
        raise ValidationError(f"{what} is empty")
    if len(text) > limit:
        raise ValidationError(f"{what} {text[:40]!r}… is longer than {limit} characters")
    return text


def _zone(value: str, what: str) -> str:
    try:
        return timezones.check_zone(value)
    except timezones.UnknownZoneError:
        from nomadcm.services.travel.zone_suggestions import unknown_zone

        raise ValidationError(f"{what}: {unknown_zone(value)}") from None


def _typed_instant(wall: datetime, zone: str, fold: int, what: str) -> datetime:
    """A typed local time as an instant; in a DST gap, the error (keeping `.gap`) says which time it was."""
    date_bounds.check_date(wall, what)  # 1970..2100, as every date NomadCM takes
    try:
        return timezones.localize(wall, zone, fold)
    except timezones.NonExistentTimeError as err:
        err.args = (f"{what} {err.args[0]}",)
        raise


def _stay_info(r: Stay) -> StayInfo:
    return StayInfo(**{f.name: getattr(r, f.name) for f in fields(StayInfo)})


def _transit_info(r: Transit) -> TransitInfo:
    return TransitInfo(**{f.name: getattr(r, f.name) for f in fields(TransitInfo)})


def _get(s: Session, model: type[_Row], row_id: int, what: str, owner: int | None) -> _Row:
    row = s.get(model, row_id)
    if row is None or row.member_id != owner:  # another member's travels are not hers to change
        raise NotFoundError(f"no {what} with id {row_id}")
    return row


def _same_uuid(s: Session, model: type[_Row], info: StayInfo | TransitInfo) -> dict[str, str]:
    """A restored row keeps its UUID (its identity for a later sync) unless another row took it meanwhile."""
    if info.uuid is None or s.scalar(select(model.id).where(model.uuid == info.uuid)) is not None:
        return {}
    return {"uuid": info.uuid}


class ItineraryService(TripOps):
    """Stays and transits of one itinerary — `member`'s (default: whoever the handle acts for; a CM alone's
    belong to nobody): list, add, change, remove, with the rules that keep `where()` unambiguous."""

    def __init__(self, db: Database, member: MemberRef = ACTING) -> None:
        self.db = db
        self._member = member

    @property
    def owner(self) -> int | None:
        """Whose itinerary this is (None: a CM alone's)."""
        return member_of(self.db, self._member)

    # ------------------------------------------------------------------ reading

    def list_stays(self) -> list[StayInfo]:
        with self.db.session() as s:
            rows = s.execute(
                owned_by(select(Stay), Stay, self.owner).order_by(Stay.first_date, Stay.start_utc, Stay.id)
            ).scalars()
            return [_stay_info(r) for r in rows]

    def list_transits(self) -> list[TransitInfo]:
        with self.db.session() as s:
            rows = s.execute(
                owned_by(select(Transit), Transit, self.owner).order_by(Transit.depart_utc, Transit.id)
            ).scalars()
            return [_transit_info(r) for r in rows]

    def get_stay(self, stay_id: int) -> StayInfo:
        with self.db.session() as s:
            return _stay_info(_get(s, Stay, stay_id, "stay", self.owner))

    def get_transit(self, transit_id: int) -> TransitInfo:
        with self.db.session() as s:
            return _transit_info(_get(s, Transit, transit_id, "transit", self.owner))

    def snapshot(self) -> Itinerary:
        return load_itinerary(self.db, member=self.owner)

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
            row = Stay(**self._stay_values(s, stay, None))
            s.add(row)
            s.flush()
            return _stay_info(row)

    def update_stay(self, stay_id: int, stay: StayInput) -> StayInfo:
        with self.db.write() as s:
            row = _get(s, Stay, stay_id, "stay", self.owner)
            for key, value in self._stay_values(s, stay, stay_id).items():
                setattr(row, key, value)
            s.flush()
            return _stay_info(row)

    def delete_stay(self, stay_id: int) -> StayInfo:
        """Removes a stay (and its checklist of places to try); returns it, so Undo can add it back."""
        with self.db.write() as s:
            row = _get(s, Stay, stay_id, "stay", self.owner)
            info = _stay_info(row)
            s.delete(row)
            return info

    def _stay_values(self, s: Session, stay: StayInput, exclude_id: int | None) -> dict[str, object]:
        """What a write stores: the checked values and the city's key (the `no_wifi` rule's, city_keys.py)."""
        values = self._validated_stay(s, stay, exclude_id)
        values["city_key"] = key_for(str(values["city"]), values["country"])  # type: ignore[arg-type]
        return values

    def _validated_stay(self, s: Session, stay: StayInput, exclude_id: int | None) -> dict[str, object]:
        require_someone(s, self.owner, "your itinerary")
        city = _clean_text(stay.city, "city", 200)
        tz = _zone(stay.tz, f"zone of {city}")
        country = _clean_country(stay.country, f"country of {city}")
        date_bounds.check_date(stay.first_date, f"stay {city}: first date")
        date_bounds.check_date(stay.last_date, f"stay {city}: last date")
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
        query = owned_by(select(Stay), Stay, self.owner).where(
            Stay.first_date <= stay.last_date, Stay.last_date >= stay.first_date
        )
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
            "member_id": self.owner,
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
            row = _get(s, Transit, transit_id, "transit", self.owner)
            for key, value in self._validated_transit(s, transit, transit_id).items():
                setattr(row, key, value)
            s.flush()
            return _transit_info(row)

    def delete_transit(self, transit_id: int) -> TransitInfo:
        with self.db.write() as s:
            row = _get(s, Transit, transit_id, "transit", self.owner)
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
            values = self._stay_values(s, info.to_input(), None)
            row = Stay(
                id=info.id if s.get(Stay, info.id) is None else None, **values, **_same_uuid(s, Stay, info)
            )
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
            row = Transit(
                id=info.id if s.get(Transit, info.id) is None else None,
                **values,
                **_same_uuid(s, Transit, info),
            )
            s.add(row)
            s.flush()
            return _transit_info(row)

    def _validated_transit(self, s: Session, t: TransitInput, exclude_id: int | None) -> dict[str, object]:
        require_someone(s, self.owner, "your itinerary")
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
        ref = single_line(t.ref)
        if len(ref) > 100:
            raise ValidationError(f"reference {ref[:40]!r}… is longer than 100 characters")
        query = owned_by(select(Transit), Transit, self.owner).where(
            Transit.depart_utc < arrive, Transit.arrive_utc > depart
        )
        if exclude_id is not None:
            query = query.where(Transit.id != exclude_id)
        other = s.execute(query.order_by(Transit.depart_utc)).scalars().first()
        if other is not None:
            raise TransitOverlapError(t, _transit_info(other))
        return {
            "member_id": self.owner,
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
        from nomadcm.services.travel.itinerary_warnings import ItineraryWarning, itinerary_warnings
        from nomadcm.services.workplaces.place_checklist import stays_without_wifi

        stays = self.list_stays()
        found = itinerary_warnings(stays, self.list_transits(), self.snapshot())
        by_id = {s.id: s for s in stays}
        for bare in stays_without_wifi(self.db):
            stay = by_id.get(bare.id)
            if stay is not None:
                found.append(
                    ItineraryWarning("no_wifi", stay.first_date, stay.last_date, (stay.place,), (stay.id,))
                )
        return sorted(found, key=lambda w: (w.first_date, w.kind))
