"""Close names for a mistyped time zone: "Indian/Reunon" -> Indian/Reunion, "Europe/Pari" -> Europe/Paris,
"Antananarivu" -> Indian/Antananarivo (the city of that name).

One function, `close_zones`, for both faces: the GUI's zone picker shows "Did you mean …?" with each choice
clickable, the CLI's refusal ends with "— did you mean Europe/Paris?" (`unknown_zone`, whose text comes from
`timezones.UnknownZoneError`). It asks `difflib.get_close_matches` over the zone names (whole, and their
last part: "reunon" is close to "reunion") and over the names of the biggest cities of the offline table, each
standing for its zone.
"""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass

from nomadcm import timezones
from nomadcm.services.travel import cities

CUTOFF = 0.75  # difflib's ratio: "pari" ~ "paris" 0.89, "reunon" ~ "reunion" 0.92, "tokio" ~ "tokyo" 0.8
CITY_CUTOFF = 0.8  # city names are many and short: a stricter bar keeps villages out
CITIES_COMPARED = 5000  # the biggest cities only: bounded time whatever the table's size (~15 ms a query)
CLEARLY_BEHIND = 0.08  # a hint this far behind the best one is noise ("Europe/Pari": Paris, not Riga)


@dataclass(frozen=True)
class ZoneHint:
    """A zone to propose; `city` names the city the text was close to ("Antananarivo, Madagascar")."""

    zone: str
    city: str = ""
    score: float = 0.0  # difflib's ratio, 1.0 for the same text

    def text(self) -> str:
        """ "Indian/Antananarivo (Antananarivo, Madagascar)" or "Europe/Paris", as the CLI prints it."""
        return f"{self.zone} ({self.city})" if self.city else self.zone


def _key(text: str) -> str:
    return "_".join(text.strip().casefold().split())


@functools.cache
def _zone_keys() -> tuple[dict[str, str], dict[str, list[str]]]:
    """Zone names by their folded spelling, and by their last part ("reunion" -> [Indian/Reunion])."""
    whole = {name.casefold(): name for name in timezones.zone_names()}
    tails: dict[str, list[str]] = {}
    for key, name in whole.items():
        tails.setdefault(key.rsplit("/", 1)[-1], []).append(name)
    return whole, tails


@functools.lru_cache(maxsize=1)
def _city_keys(index: cities.CityIndex) -> dict[str, int]:
    """The biggest cities' folded names -> their row (the biggest city of a name wins)."""
    biggest = sorted(range(len(index)), key=lambda i: -index.population[i])[:CITIES_COMPARED]
    keys: dict[str, int] = {}
    for i in biggest:
        keys.setdefault(cities.fold(index.names[i]), i)
    return keys


def close_zones(text: str, limit: int = 3, *, with_cities: bool = True) -> list[ZoneHint]:
    """Up to `limit` zones whose names (or whose cities' names) are close to `text`, best first; [] when
    nothing is close. `with_cities=False` leaves the city table out (the GUI, while it is not loaded yet)."""
    key = _key(text)
    if not key:
        return []
    whole, tails = _zone_keys()
    found: dict[str, ZoneHint] = {}

    def offer(hint: ZoneHint) -> None:
        old = found.get(hint.zone)
        if old is None or hint.score > old.score:
            found[hint.zone] = hint

    for match in difflib.get_close_matches(key, whole, limit, CUTOFF):
        offer(ZoneHint(whole[match], score=_ratio(key, match)))
    tail = key.rsplit("/", 1)[-1]
    for match in difflib.get_close_matches(tail, tails, limit, CUTOFF):
        for zone in tails[match]:
            offer(ZoneHint(zone, score=_ratio(tail, match) - 0.01))  # the whole name, when close, first
    if with_cities:
        index = cities.default_index()
        keys = _city_keys(index)
        folded = cities.fold(tail.replace("_", " "))
        for match in difflib.get_close_matches(folded, keys, limit, CITY_CUTOFF):
            i = keys[match]
            city = index.city(i)
            score = _ratio(folded, match) - 0.02  # a zone's own name before a city's
            if city.tz not in found:
                offer(ZoneHint(city.tz, city.label, score))
    ranked = sorted(found.values(), key=lambda h: -h.score)
    return [h for h in ranked if h.score >= ranked[0].score - CLEARLY_BEHIND][:limit] if ranked else []


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def unknown_zone(text: str, *, with_cities: bool = True) -> timezones.UnknownZoneError:
    """The error for a name that is no zone, proposing the closest ones: "unknown time zone 'Europe/Pari' —
    did you mean Europe/Paris?"."""
    hints = close_zones(text, with_cities=with_cities)
    return timezones.UnknownZoneError(text.strip(), [hint.text() for hint in hints])
