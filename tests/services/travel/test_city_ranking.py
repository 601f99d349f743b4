"""Issue 15, "the places nomads go": the shipped table finds where travellers go, in English and French, and
puts the place they mean first. Zones are checked against the tz database's own country table (zone.tab,
through timezones.zone_country_codes), not against the city table itself."""

from __future__ import annotations

import random

import pytest

from nomadcm import timezones
from nomadcm.services.travel import cities
from nomadcm.services.travel.cities import CityIndex
from nomadcm.services.travel.city_ranking import KeyRanks, weight


@pytest.fixture(scope="module")
def index() -> CityIndex:
    return cities.default_index()


@pytest.mark.parametrize(
    ("query", "name", "country", "zone"),
    [
        # Small places, islands and regions the old 15,000+ table missed.
        ("Canggu", "Canggu", "ID", "Asia/Makassar"),
        ("Nosy Be", "Nosy Be", "MG", "Indian/Antananarivo"),
        ("Nossi-Bé", "Nosy Be", "MG", "Indian/Antananarivo"),
        ("Bansko", "Bansko", "BG", "Europe/Sofia"),
        ("Tahiti", "Tahiti", "PF", "Pacific/Tahiti"),
        ("Bali", "Bali", "ID", "Asia/Makassar"),
        ("La Réunion", "La Réunion", "RE", "Indian/Reunion"),
        ("la reunion", "La Réunion", "RE", "Indian/Reunion"),
        ("Réunion", "La Réunion", "RE", "Indian/Reunion"),
        ("Reunion Island", "La Réunion", "RE", "Indian/Reunion"),
        ("Corse", "Corse", "FR", "Europe/Paris"),
        ("Corsica", "Corse", "FR", "Europe/Paris"),
        ("Ericeira", "Ericeira", "PT", "Europe/Lisbon"),  # 7,500 people: in cities500, not cities15000
        # The capital / most populous / best-known place first, in English and in French.
        ("Mexico", "Mexico City", "MX", "America/Mexico_City"),
        ("Mexico City", "Mexico City", "MX", "America/Mexico_City"),
        ("Pékin", "Beijing", "CN", "Asia/Shanghai"),
        ("Beijing", "Beijing", "CN", "Asia/Shanghai"),
        ("Londres", "London", "GB", "Europe/London"),
        ("London", "London", "GB", "Europe/London"),
        ("Le Caire", "Cairo", "EG", "Africa/Cairo"),
        ("Moscou", "Moscow", "RU", "Europe/Moscow"),
        ("Séville", "Sevilla", "ES", "Europe/Madrid"),
    ],
)
def test_travellers_places_are_found_first_with_their_zone(index, query, name, country, zone) -> None:
    best = index.search(query)[0]
    assert (best.name, best.country, best.tz) == (name, country, zone)
    assert country in timezones.zone_country_codes(best.tz)  # the tz database agrees
    assert index.find(query).name == name


def test_bali_is_the_island_not_villages_in_india_or_cameroon(index) -> None:
    found = index.search("Bali", limit=10)
    assert found[0].country == "ID" and found[0].kind == "R"
    others = {c.country for c in found[1:]}
    assert {"IN", "CM"} <= others  # still there, after the island


def test_the_town_of_a_name_stays_findable(index) -> None:
    assert index.search("Pekin, US")[0].name == "Pekin"  # Pekin, Illinois: with its country
    assert [c.country for c in index.search("Pékin", limit=2)] == ["CN", "US"]
    assert [c.country for c in index.search("Mexico", limit=2)] == ["MX", "PH"]
    assert index.find("Mexico", "PH").name == "Mexico"


def test_a_towns_own_name_beats_a_big_citys_foreign_spelling(index) -> None:
    # GeoNames lists every language's names: Kita is Quito in Japanese, Victoria an old name of Hong Kong.
    assert (index.search("Kita")[0].name, index.search("Kita")[0].country) == ("Kita", "JP")
    assert index.search("Victoria")[0].name == "Victoria"
    assert index.search("Alexandria")[0].country == "EG"


def test_matched_french_spelling_is_reported(index) -> None:
    beijing = index.search("Pékin")[0]
    assert beijing.matched == "Pékin" and beijing.label == "Beijing, China"


def test_prefixes_rank_the_biggest_first(index) -> None:
    assert index.search("beij")[0].name == "Beijing"
    assert "Canggu" in [c.name for c in index.search("cangg", limit=5)]
    assert index.search("tahi")[0].name == "Tahiti"
    found = index.search("m", limit=5)
    assert len(found) == 5
    assert found[0].matched == ""  # the name itself when it starts so, not an alternate that does too
    weights = [weight(c.population, c.kind) for c in found]
    assert weights == sorted(weights, reverse=True) and weights[0] > 10_000_000


def test_limit_and_country_are_honoured_on_one_letter_queries(index) -> None:
    found = index.search("s", "FR", limit=30)
    assert len(found) == 30 and all(c.country == "FR" for c in found)
    assert len({(c.name, c.lat, c.lon) for c in found}) == 30  # each place once


def test_block_search_matches_a_plain_sort() -> None:
    # The oracle: sort every entry of the range by rank and keep each place's first.
    rng = random.Random(15)
    places = 500
    key_places = [rng.randrange(places) for _ in range(3000)]
    key_alts = [rng.choice([-2, -1, 0, 1]) for _ in range(3000)]
    ranks = KeyRanks(key_places, key_alts, places)
    for _ in range(200):
        lo = rng.randrange(3000)
        hi = rng.randrange(lo, 3001)
        wanted = rng.randrange(1, 40)
        banned = set(rng.sample(range(places), 50))

        def accept(j: int, banned: set[int] = banned) -> bool:
            return key_places[j] not in banned

        expected: list[int] = []
        seen: set[int] = set()
        for j in sorted(range(lo, hi), key=lambda j: (ranks.ranks[j], j)):
            if key_places[j] not in seen and accept(j):
                seen.add(key_places[j])
                expected.append(ranks.ranks[j])
        got = [ranks.ranks[j] for j in ranks.best_in_range(lo, hi, wanted, accept)]
        assert got == expected[:wanted]


def test_nearest_names_a_town_not_the_island_around_it(index) -> None:
    town, km = index.nearest(-8.34, 115.09)  # the centre of Bali
    assert town.kind != "R" and town.country == "ID" and town.tz == "Asia/Makassar" and km < 20
    assert index.nearest(-8.64, 115.14)[0].name == "Canggu"  # a village added by hand is a town
