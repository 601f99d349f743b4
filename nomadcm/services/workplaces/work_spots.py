"""Where can she work when a post goes out: the workplaces near where the itinerary puts her at that
instant, open then on their own clock, with their median speed.

Where she is comes from `Itinerary.where(instant)` (the one function behind every "your time"): in a stay,
the places of the stay's city or within `place_checklist.NEAR_KM` of it (`place_in_stay`, as the stay's
checklist); just off a transit, the places of its arrival (or departure) city; at home, those of the
`home_city` setting. A place is listed when its opening hours, read in the place's own zone, say *open* at
that instant (`place_filter.PlaceFilter.open_at`); unknown hours are never open, they are counted apart.
Places known to have no WiFi (`PlaceInfo.has_wifi`) are left out: she is looking for a desk.

The answer says why a list is empty (`reason`): she is in transit, no place is known near her, or none of
those near her is open then. The faces word it; this module holds no text for people.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from nomadcm import timezones
from nomadcm.services.settings import SettingsService
from nomadcm.services.travel import city_keys
from nomadcm.services.travel.cities import fold, haversine_km
from nomadcm.services.travel.city_keys import key_of
from nomadcm.services.travel.itinerary import Itinerary, Whereabouts, load_itinerary
from nomadcm.services.workplaces.place_catalog import PlaceCatalog, PlaceInfo, load_catalog
from nomadcm.services.workplaces.place_checklist import NEAR_KM, StayRef, get_stay, place_in_stay
from nomadcm.services.workplaces.place_filter import PlaceFilter
from nomadcm.services.workplaces.place_geo import city_key, find_city
from nomadcm.storage import Database


class EmptyReason(StrEnum):
    NONE = ""  # places are listed
    IN_TRANSIT = "in_transit"  # on a flight, a train...: no desk
    NO_PLACE_NEAR = "no_place_near"  # no workplace known near where she is
    NONE_OPEN = "none_open"  # places are known there, none is open then


class SpotOrder(StrEnum):
    FASTEST = "fastest"  # median download, fastest first; then nearest
    NEAREST = "nearest"  # nearest first; then fastest


@dataclass(frozen=True)
class WorkSpot:
    place: PlaceInfo
    distance_km: float | None  # from the stay's (or city's) point, when both are known
    place_wall: datetime | None  # the place's wall time at the instant (None: the place has no zone)


@dataclass(frozen=True)
class WorkSpots:
    instant: datetime  # aware UTC
    where: Whereabouts
    cm_wall: datetime  # her wall time then (naive, in where.zone)
    city: str  # the city she is in, as the itinerary or the settings name it ("" when unknown)
    spots: tuple[WorkSpot, ...]
    reason: EmptyReason
    near: int = 0  # workplaces with WiFi known near her, open or not
    unknown_hours: int = 0  # of those, how many have hours that cannot say whether they are open then


def work_spots(
    db: Database,
    instant: datetime,
    *,
    order: SpotOrder = SpotOrder.FASTEST,
    itinerary: Itinerary | None = None,
    catalog: PlaceCatalog | None = None,
) -> WorkSpots:
    """The workplaces near her at `instant` and open then, in `order`."""
    instant = timezones.ensure_utc(instant)
    city_keys.ensure_current(db)
    itinerary = itinerary or load_itinerary(db)
    where = itinerary.where(instant)
    cm_wall = timezones.wall_at(instant, where.zone)
    stay = get_stay(db, where.stay_id) if where.stay_id is not None else None
    city = _city_of(db, where, stay)
    if where.in_transit:
        return WorkSpots(instant, where, cm_wall, city, (), EmptyReason.IN_TRANSIT)
    places = (catalog or load_catalog(db)).places
    point = _point(stay, city)
    near = [p for p in places if p.has_wifi and _is_near(p, stay, city, point)]
    if not near:
        return WorkSpots(instant, where, cm_wall, city, (), EmptyReason.NO_PLACE_NEAR)
    is_open = PlaceFilter(open_at=instant).prepare()
    open_or_unknown = PlaceFilter(open_at=instant, include_unknown=True).prepare()
    spots = []
    unknown = 0
    for p in near:
        if is_open(p):
            spots.append(WorkSpot(p, _distance(p, point), timezones.wall_at(instant, p.tz) if p.tz else None))
        elif open_or_unknown(p):
            unknown += 1
    spots.sort(key=_sort_key(order))
    reason = EmptyReason.NONE if spots else EmptyReason.NONE_OPEN
    return WorkSpots(instant, where, cm_wall, city, tuple(spots), reason, len(near), unknown)


def _city_of(db: Database, where: Whereabouts, stay: StayRef | None) -> str:
    if stay is not None:
        return stay.city
    if where.at_home:
        return str(SettingsService(db).get("home_city") or "").strip()
    return where.place.split(",")[0].strip()  # a transit's arrival or departure place


def _point(stay: StayRef | None, city: str) -> tuple[float, float] | None:
    """Where distances are measured from: the stay's coordinates, else its city's in the city table."""
    if stay is not None and stay.lat is not None and stay.lon is not None:
        return stay.lat, stay.lon
    if not city:
        return None
    found = find_city(city, stay.country if stay is not None else None)
    return (found.lat, found.lon) if found is not None else None


def _is_near(p: PlaceInfo, stay: StayRef | None, city: str, point: tuple[float, float] | None) -> bool:
    if stay is not None:
        return place_in_stay(p, stay)
    if not city:
        return False
    if p.city and key_of(p.city_key, p.city, p.country) == city_key(city):
        return True
    if p.coords is not None and point is not None:
        return haversine_km(p.coords[0], p.coords[1], point[0], point[1]) <= NEAR_KM
    return False


def _distance(p: PlaceInfo, point: tuple[float, float] | None) -> float | None:
    if p.coords is None or point is None:
        return None
    return haversine_km(p.coords[0], p.coords[1], point[0], point[1])


def _sort_key(order: SpotOrder) -> Callable[[WorkSpot], tuple[float, float, str]]:
    far = float("inf")

    def fastest(s: WorkSpot) -> tuple[float, float, str]:
        down = s.place.down_mbps
        return (
            -down if down is not None else far,
            s.distance_km if s.distance_km is not None else far,
            fold(s.place.name),
        )

    def nearest(s: WorkSpot) -> tuple[float, float, str]:
        down = s.place.down_mbps
        return (
            s.distance_km if s.distance_km is not None else far,
            -down if down is not None else far,
            fold(s.place.name),
        )

    return nearest if order == SpotOrder.NEAREST else fastest
