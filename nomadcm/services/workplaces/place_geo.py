"""Where a place is, offline: its zone, the city a person would name, and one key per city.

- Zone from coordinates: timezonefinder's offline time zone polygons (exact at borders, where the nearest
  city is not: a café in Ciudad Juárez is not in El Paso's zone). Loaded on first use.
- Zone from a city name: the shipped city table (`services/cities.py`), else a stay in a city of that name.
- `city_key` makes "Lisboa", "Lisbon" and "lisbonne" one city (the table knows alternate names), so the
  city filter and the stay checklist agree with what OSM, the user and the itinerary each wrote.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from sqlalchemy import select

from nomadcm import timezones
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.models import Stay
from nomadcm.services.travel import cities
from nomadcm.services.travel.cities import fold, haversine_km
from nomadcm.storage import Database

BIG_CITY_POPULATION = 100_000
BIG_CITY_KM = 15.0
NEAREST_CITY_KM = 25.0


@dataclass(frozen=True)
class ZoneGuess:
    tz: str | None
    country: str | None
    source: str  # "coordinates", "city", "stay" or "" when nothing matched


@functools.lru_cache(maxsize=1)
def _zone_finder():  # type: ignore[no-untyped-def]
    """timezonefinder's offline polygons, opened on first use (~0.2 s import, ~20 ms to open)."""
    try:
        from timezonefinder import TimezoneFinder
    except ImportError:  # pragma: no cover - a dependency; without it the city table answers
        return None
    return TimezoneFinder(in_memory=False)


@functools.lru_cache(maxsize=4096)
def zone_at_coords(lat: float, lon: float) -> str | None:
    finder = _zone_finder()
    name = finder.timezone_at(lng=lon, lat=lat) if finder is not None else None
    if name and timezones.is_zone(name):
        return timezones.check_zone(name)
    return cities.nearest(lat, lon)[0].tz


def guess_zone(
    db: Database | None, city: str, country: str | None, lat: float | None, lon: float | None
) -> ZoneGuess:
    """The zone (and a country, when none was given) of a place."""
    if lat is not None and lon is not None:
        tz = zone_at_coords(round(lat, 5), round(lon, 5))
        if country is None and tz:
            codes = timezones.zone_country_codes(tz)
            if len(codes) == 1:
                country = codes[0]
        return ZoneGuess(tz, country, "coordinates")
    if city.strip():
        found = find_city(city, country)
        if found is not None:
            return ZoneGuess(found.tz, country or found.country, "city")
        if db is not None:
            with db.session() as s:
                for stay in s.scalars(select(Stay).order_by(Stay.start_utc.desc())):
                    if fold(stay.city) == fold(city) and (country is None or stay.country in (None, country)):
                        return ZoneGuess(stay.tz, country or stay.country, "stay")
    return ZoneGuess(None, country, "")


def find_city(name: str, country: str | None = None) -> cities.City | None:
    try:
        return cities.find(name, country)
    except (NotFoundError, ValidationError):
        return None


@functools.lru_cache(maxsize=8192)
def city_key(name: str, country: str | None = None) -> str:
    """One key per city, whatever the language it was written in; the folded text when it is unknown."""
    if not name.strip():
        return ""
    found = find_city(name, country)
    if found is not None and (fold(found.name) == fold(name) or fold(found.matched) == fold(name)):
        return f"{fold(found.name)}|{found.country}"
    return fold(name)


@functools.lru_cache(maxsize=1)
def _big_cities() -> list[tuple[float, float, int]]:
    index = cities.default_index()
    return [
        (lat, lon, i)
        for i, ((lat, lon), pop) in enumerate(zip(index.coords, index.population, strict=True))
        if pop >= BIG_CITY_POPULATION
    ]


@functools.lru_cache(maxsize=4096)
def _big_city_near_rounded(lat: float, lon: float, tz: str | None) -> tuple[str, str | None]:
    index = cities.default_index()
    best: tuple[float, int] | None = None
    dlat = BIG_CITY_KM / 111.0
    dlon = BIG_CITY_KM / (111.0 * max(math.cos(math.radians(lat)), 0.05))
    for clat, clon, i in _big_cities():
        if abs(clat - lat) > dlat or abs(clon - lon) > dlon or (tz and index.tz[i] != tz):
            continue
        d = haversine_km(lat, lon, clat, clon)
        if d <= BIG_CITY_KM and (best is None or d < best[0]):
            best = (d, i)
    if best is not None:
        city = index.city(best[1])
        return city.name, city.country
    city, km = cities.nearest(lat, lon)
    return (city.name, city.country) if km <= NEAREST_CITY_KM else ("", None)


def big_city_near(lat: float, lon: float, tz: str | None = None) -> tuple[str, str | None]:
    """The city a person would name for a point, with its country: a big city (100,000+) within 15 km,
    else the nearest city within 25 km, else nothing — a park in Campo de Ourique is in "Lisbon". With the
    point's zone, only cities of that zone count: a café in El Paso is not in Ciudad Juárez."""
    return _big_city_near_rounded(round(lat, 3), round(lon, 3), tz)
