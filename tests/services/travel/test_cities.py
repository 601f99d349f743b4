"""Offline city search over the shipped GeoNames table."""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path

import pytest

from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.services.travel import cities
from nomadcm.services.travel.cities import CityIndex, fold


@pytest.fixture(scope="module")
def index() -> CityIndex:
    return cities.default_index()


@pytest.mark.parametrize(
    ("query", "name", "country", "zone"),
    [
        ("Montréal", "Montréal", "CA", "America/Toronto"),
        ("montreal", "Montréal", "CA", "America/Toronto"),
        ("MONTREAL", "Montréal", "CA", "America/Toronto"),
        ("Antananarivo", "Antananarivo", "MG", "Indian/Antananarivo"),
        ("Ubud", "Ubud", "ID", "Asia/Makassar"),
        ("Lisboa", "Lisbon", "PT", "Europe/Lisbon"),
        ("Lisbon", "Lisbon", "PT", "Europe/Lisbon"),
        ("Lisbonne", "Lisbon", "PT", "Europe/Lisbon"),
        ("Tananarive", "Antananarivo", "MG", "Indian/Antananarivo"),
        ("sao paulo", "São Paulo", "BR", "America/Sao_Paulo"),
    ],
)
def test_search_finds_city_with_country_coordinates_and_zone(index, query, name, country, zone) -> None:
    best = index.search(query)[0]
    assert (best.name, best.country, best.tz) == (name, country, zone)
    assert best.population >= 15000
    assert -90 <= best.lat <= 90 and -180 <= best.lon <= 180
    assert index.find(query).name == name


def test_alternate_name_match_is_reported(index) -> None:
    lisbon = index.search("Lisboa")[0]
    assert lisbon.matched == "Lisboa"
    assert lisbon.label == "Lisbon, Portugal"
    assert index.search("Lisbon")[0].matched == ""


def test_coordinates_are_right(index) -> None:
    m = index.find("Montréal")
    assert m.lat == pytest.approx(45.5, abs=0.1) and m.lon == pytest.approx(-73.6, abs=0.1)


def test_ties_go_to_the_bigger_city(index) -> None:
    found = index.search("Paris")
    assert found[0].country == "FR"
    paris_us = [c for c in found if c.name == "Paris" and c.country == "US"]
    assert paris_us and paris_us[0].population < found[0].population
    london = index.search("London")
    assert london[0].country == "GB" and any(c.country == "CA" for c in london)


def test_country_disambiguates(index) -> None:
    assert index.find("Paris", "US").country == "US"
    assert index.find("London", "CA").tz == "America/Toronto"
    assert index.find("London", "Canada").country == "CA"  # a country name works too
    assert index.search("Paris, US")[0].country == "US"  # and "name, country" in the text
    assert index.search("Montréal, Canada")[0].name == "Montréal"
    assert all(c.country == "US" for c in index.search("paris", "us"))


def test_unknown_country_is_named(index) -> None:
    with pytest.raises(ValidationError, match="'Atlantis'"):
        index.search("Paris", "Atlantis")


def test_prefix_and_word_matches_rank_after_exact(index) -> None:
    found = index.search("york")
    assert found[0].name == "York"
    assert any(c.name == "New York City" for c in index.search("york", limit=50))
    assert index.search("montr")[0].name == "Montréal"
    assert index.search("") == []
    assert index.search("   ") == []


def test_find_refuses_unknown_and_ambiguous_prefixes_with_suggestions(index) -> None:
    with pytest.raises(NotFoundError, match="'Qwxzv'"):
        index.find("Qwxzv")
    with pytest.raises(NotFoundError, match="did you mean Montréal, Canada"):
        index.find("Montr")  # Montréal, Montreuil, Montréal-Nord...: not guessed


def test_fold_ignores_accents_case_and_punctuation() -> None:
    assert fold("Saint-Étienne") == "saint etienne"
    assert fold("MONTRÉAL") == fold("montreal") == "montreal"
    assert fold("Łódź") == "lodz"
    assert fold("Straße") == "strasse"
    assert fold("  Ho   Chi-Minh ") == "ho chi minh"


def test_search_is_fast_enough_to_run_as_you_type(index) -> None:
    # The time budget itself is measured by bench/bench_travel.py; here only a generous sanity bound.
    start = time.perf_counter()
    for q in ("m", "mo", "mon", "mont", "montr", "s", "sa", "lis", "an", "ub"):
        index.search(q)
    assert (time.perf_counter() - start) / 10 < 0.5


def test_nearest_gives_the_closest_city_and_its_zone(index) -> None:
    city, km = index.nearest(48.8566, 2.3522)
    assert city.name.startswith("Paris") and city.tz == "Europe/Paris" and km < 5
    city, km = index.nearest(-8.51, 115.26)
    assert city.name == "Ubud" and city.tz == "Asia/Makassar"
    city, km = index.nearest(45.52, -73.57)
    assert city.tz == "America/Toronto"
    # Across the antimeridian: Fiji sits near 180°.
    city, _ = index.nearest(-18.14, 178.44)
    assert city.country == "FJ"
    with pytest.raises(ValidationError):
        index.nearest(91, 0)


def test_nearest_matches_a_brute_force_scan(index) -> None:
    for lat, lon in [(0.0, -150.0), (64.1, -21.9), (-33.9, 151.2), (71.0, 25.0), (-54.8, -68.3)]:
        _, km = index.nearest(lat, lon)
        towns = [c for c, kind in zip(index.coords, index.kinds, strict=True) if kind != "R"]
        brute = min(cities.haversine_km(lat, lon, *c) for c in towns)
        assert km == pytest.approx(brute)


def test_table_round_trips_through_its_file_format(index) -> None:
    again = CityIndex.parse(index.to_bytes())
    assert len(again) == len(index)
    assert again.search("Lisboa")[0] == index.search("Lisboa")[0]


def test_bad_table_is_refused() -> None:
    with pytest.raises(ValueError, match="bad header"):
        CityIndex.parse(b"something else\n")


def test_build_script_makes_a_searchable_table(tmp_path: Path) -> None:
    from tools import build_cities

    source = {
        "1": {
            "name": "Montréal",
            "latitude": 45.50884,
            "longitude": -73.58781,
            "countrycode": "CA",
            "population": 1762949,
            "timezone": "America/Toronto",
            "alternatenames": ["Montreal", "Monreal", "meng te li er", "Монреаль", "YMQ"],
        },
        "2": {
            "name": "Nowhere",
            "latitude": 0,
            "longitude": 0,
            "countrycode": "XX",
            "population": 20000,
            "timezone": "Mars/Olympus",
            "alternatenames": [],
        },
    }
    countries = {"CA": {"name": "Canada"}}
    out = tmp_path / "cities.bin.gz"
    stats = build_cities.build(source, countries, out, additions=False)
    assert stats == {"cities": 1, "zones": 1, "skipped": 1, "bytes": out.stat().st_size}
    data = gzip.decompress(out.read_bytes())
    assert (
        b"meng te li er" not in data and "Монреаль".encode() not in data
    )  # only what a Latin keyboard types
    built = CityIndex.load(out)
    assert built.find("Monreal").name == "Montréal"
    assert built.find("ymq").country_name == "Canada"
    json.dumps(stats)


def test_shipped_table_is_compact_and_credited() -> None:
    data = Path(cities.__file__).resolve().parents[2] / "resources" / "data"
    assert (data / "cities.bin.gz").stat().st_size < 10_000_000  # 235,000 places; README says 8.5 MB
    readme = (data / "README.md").read_text(encoding="utf-8")
    assert "GeoNames" in readme and "CC BY 4.0" in readme
    assert "GeoNames" in cities.ATTRIBUTION
