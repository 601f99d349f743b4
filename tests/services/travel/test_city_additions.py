"""The islands and regions listed by hand in tools/city_additions.py: each shipped, with a zone the tz
database puts in its country and a point whose nearest GeoNames town lies in the same country and zone
(the GeoNames towns, not the hand-typed list, are the oracle). Islands and regions are left out of
`nearest`, which names the town a point is in."""

from __future__ import annotations

import pytest

from nomadcm import timezones
from nomadcm.services.travel import cities
from nomadcm.services.travel.cities import CityIndex, haversine_km
from tools.city_additions import ADDITIONS, Addition


@pytest.fixture(scope="module")
def index() -> CityIndex:
    return cities.default_index()


@pytest.mark.parametrize("place", ADDITIONS, ids=[a.name for a in ADDITIONS])
def test_addition_is_shipped_where_it_should_be(index: CityIndex, place: Addition) -> None:
    found = index.find(place.name, place.country)
    found_at = index.names.index(place.name)  # the addition itself is no oracle for itself
    assert (found.name, found.tz, found.kind) == (place.name, place.zone, place.kind)
    assert place.country in timezones.zone_country_codes(place.zone)
    towns = [
        i
        for i, (lat, lon) in enumerate(index.coords)
        if abs(lat - place.lat) < 1 and abs(lon - place.lon) < 1 and index.kinds[i] != "R" and i != found_at
    ]
    assert towns, f"{place.name}: no GeoNames town within a degree"
    km, nearest = min((haversine_km(place.lat, place.lon, *index.coords[i]), i) for i in towns)
    town = index.city(nearest)
    assert (town.country, town.tz) == (place.country, place.zone), f"{place.name}: nearest is {town.label}"
    assert km < 60
    assert place.source.startswith("https://")


@pytest.mark.parametrize("place", ADDITIONS, ids=[a.name for a in ADDITIONS])
def test_each_alternate_spelling_finds_the_addition(index: CityIndex, place: Addition) -> None:
    for spelling in place.alternates:
        assert index.find(spelling, place.country).name == place.name, spelling
