"""The per-stay checklist of places to try, and the stays where no known place has WiFi.

A place belongs to a stay when it is in the stay's city (accents and case ignored; the countries must agree
when both are known) or, when both have coordinates, within `NEAR_KM` of the stay.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, insert, select

from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.models import ChecklistItem, Stay, Workplace
from nomadcm.services.travel import city_keys
from nomadcm.services.travel.cities import fold, haversine_km
from nomadcm.services.travel.city_keys import key_of
from nomadcm.services.workplaces.place_catalog import PlaceInfo, load_catalog
from nomadcm.storage import Database

NEAR_KM = 30.0


@dataclass(frozen=True)
class StayRef:
    id: int
    city: str
    country: str | None
    tz: str
    first_date: date
    last_date: date
    lat: float | None = None
    lon: float | None = None
    start_utc: datetime | None = None
    end_utc: datetime | None = None
    city_key: str | None = None  # as stored (services/travel/city_keys.py); None: not made yet

    @property
    def label(self) -> str:
        where = f"{self.city}, {self.country}" if self.country else self.city
        return f"{where} ({self.first_date.isoformat()} – {self.last_date.isoformat()})"


@dataclass(frozen=True)
class ChecklistEntry:
    id: int
    stay_id: int
    place: PlaceInfo
    visited: bool
    tested: bool
    note: str


def stay_ref(s: Stay) -> StayRef:
    return StayRef(
        s.id,
        s.city,
        s.country,
        s.tz,
        s.first_date,
        s.last_date,
        s.lat,
        s.lon,
        s.start_utc,
        s.end_utc,
        s.city_key,
    )


def list_stays(db: Database) -> list[StayRef]:
    with db.session() as s:
        return [stay_ref(r) for r in s.scalars(select(Stay).order_by(Stay.first_date, Stay.id))]


def get_stay(db: Database, stay_id: int) -> StayRef:
    with db.session() as s:
        row = s.get(Stay, stay_id)
        if row is None:
            raise NotFoundError(f"no stay with id {stay_id}")
        return stay_ref(row)


def place_in_stay(place: PlaceInfo, stay: StayRef) -> bool:
    if place.city and _key(place) == _key(stay):
        return place.country is None or stay.country is None or place.country == stay.country
    if place.coords is not None and stay.lat is not None and stay.lon is not None:
        return haversine_km(place.coords[0], place.coords[1], stay.lat, stay.lon) <= NEAR_KM
    return False


def _key(row: PlaceInfo | StayRef) -> str:
    """The city key stored with the place or stay (made now only for a row still without one)."""
    return key_of(row.city_key, row.city, row.country)


def entries(db: Database, stay_id: int) -> list[ChecklistEntry]:
    """The stay's checklist, by place name."""
    get_stay(db, stay_id)
    with db.session() as s:
        items = s.scalars(select(ChecklistItem).where(ChecklistItem.stay_id == stay_id)).all()
    catalog = load_catalog(db, [i.workplace_id for i in items])
    found = []
    for item in items:
        place = catalog.get(item.workplace_id)
        if place is not None:
            found.append(ChecklistEntry(item.id, item.stay_id, place, item.visited, item.tested, item.note))
    return sorted(found, key=lambda e: fold(e.place.name))


def add(db: Database, stay_id: int, place_ids: Iterable[int], note: str = "") -> int:
    """Adds places to the stay's checklist; a place already on it is left as is. Returns how many were added."""
    ids = sorted(set(place_ids))
    get_stay(db, stay_id)
    with db.write() as s:
        known = set(s.scalars(select(Workplace.id).where(Workplace.id.in_(ids))))
        missing = [i for i in ids if i not in known]
        if missing:
            raise NotFoundError(f"no place with id {missing[0]}")
        before = set(s.scalars(select(ChecklistItem.workplace_id).where(ChecklistItem.stay_id == stay_id)))
        new = [i for i in ids if i not in before]
        if new:
            s.execute(
                insert(ChecklistItem),
                [
                    {"stay_id": stay_id, "workplace_id": i, "visited": False, "tested": False, "note": note}
                    for i in new
                ],
            )
        return len(new)


def update(db: Database, item_id: int, **fields: Any) -> None:
    """Tick or untick `visited` / `tested`, or change the `note`."""
    unknown = set(fields) - {"visited", "tested", "note"}
    if unknown:
        raise ValidationError(f"unknown checklist field(s): {', '.join(sorted(unknown))}")
    with db.write() as s:
        item = s.get(ChecklistItem, item_id)
        if item is None:
            raise NotFoundError(f"no checklist entry with id {item_id}")
        for key, value in fields.items():
            setattr(item, key, str(value).strip() if key == "note" else bool(value))
        if fields.get("tested"):  # a place cannot be tested without being visited
            item.visited = True


def remove(db: Database, item_id: int) -> None:
    with db.write() as s:
        result = s.execute(delete(ChecklistItem).where(ChecklistItem.id == item_id))
        if not result.rowcount:
            raise NotFoundError(f"no checklist entry with id {item_id}")


def candidates(db: Database, stay_id: int) -> list[PlaceInfo]:
    """Places of the stay's city (or near it) not on its checklist yet: favourites, then fastest first."""
    city_keys.ensure_current(db)
    stay = get_stay(db, stay_id)
    with db.session() as s:
        listed = set(s.scalars(select(ChecklistItem.workplace_id).where(ChecklistItem.stay_id == stay_id)))
    places = [p for p in load_catalog(db).places if p.id not in listed and place_in_stay(p, stay)]
    return sorted(places, key=lambda p: (not p.favourite, -(p.down_mbps or -1), fold(p.name)))


def stays_without_wifi(db: Database, places: Iterable[PlaceInfo] | None = None) -> list[StayRef]:
    """Stays where no known workplace has WiFi (the itinerary's warning and the `no_wifi` conflict).

    Only once she keeps workplaces at all: with an empty list every stay would lack WiFi, and every post of
    a new user would nag about a feature she has not started using.
    """
    city_keys.ensure_current(db)
    stays = list_stays(db)
    if not stays:
        return []
    known = list(places) if places is not None else load_catalog(db).places
    if not known:
        return []
    wifi = [p for p in known if p.has_wifi]
    by_city: dict[str, list[PlaceInfo]] = {}
    located: list[PlaceInfo] = []
    for p in wifi:
        by_city.setdefault(_key(p), []).append(p)
        if p.coords is not None:
            located.append(p)
    missing = []
    for stay in stays:
        near = [p for p in by_city.get(_key(stay), []) if place_in_stay(p, stay)]
        if not near and stay.lat is not None:
            near = [p for p in located if place_in_stay(p, stay)]
        if not near:
            missing.append(stay)
    return missing
