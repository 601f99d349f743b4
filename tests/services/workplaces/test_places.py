"""Workplaces: places and their zones, speed-test medians, filters, and "worked here" sessions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from nomadcm import timezones
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.models import ScreenSession, SpeedTest
from nomadcm.services.workplaces.opening_hours import HoursState
from nomadcm.services.workplaces.place_catalog import median_summary
from nomadcm.services.workplaces.place_filter import PlaceFilter
from nomadcm.services.workplaces.places import WorkplaceService


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.fixture
def svc(db) -> WorkplaceService:  # type: ignore[no-untyped-def]
    return WorkplaceService(db)


def names(places) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(p.name for p in places)


# --------------------------------------------------------------------------- places and zones


def test_zone_and_country_come_from_the_city(svc):
    place = svc.add_place("Café Lisboa", city="Lisbon")
    assert (place.tz, place.country) == ("Europe/Lisbon", "PT")
    assert svc.add_place("Le Nid", city="Montréal").tz == "America/Toronto"


def test_coordinates_beat_the_nearest_city_at_a_border(svc):
    # A café in El Paso, Texas, whose nearest city in the table is Ciudad Juárez (another zone).
    from nomadcm.services.travel import cities

    assert cities.nearest(31.76, -106.42)[0].tz == "America/Ciudad_Juarez"
    place = svc.add_place("Café del Paso", city="", lat=31.76, lon=-106.42)
    assert (place.tz, place.country) == ("America/Denver", "US")


def test_zone_from_a_stay_when_the_city_table_does_not_know_it(db, svc):
    from nomadcm.services.travel.trip_records import StayInput
    from nomadcm.services.travel.trips import ItineraryService

    ItineraryService(db).add_stay(
        StayInput("Tiny Hamlet", "Indian/Antananarivo", date(2030, 1, 1), date(2030, 1, 9))
    )
    assert svc.add_place("Chez Rasoa", city="Tiny Hamlet").tz == "Indian/Antananarivo"
    assert svc.add_place("Nowhere café", city="Qqqqzzz").tz is None


def test_an_explicit_zone_wins_and_moving_a_place_moves_its_zone(svc):
    place = svc.add_place("Remote", city="Lisbon", tz="Atlantic/Madeira")
    assert place.tz == "Atlantic/Madeira"
    moved = svc.update_place(place.id, city="Montréal", country="CA")
    assert moved.tz == "America/Toronto"
    kept = svc.update_place(place.id, notes="quiet upstairs")
    assert kept.tz == "America/Toronto" and kept.notes == "quiet upstairs"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"score_power": 7}, "power score 7"),
        ({"score_quiet": 2.5}, "quiet score 2.5"),
        ({"kind": "spaceship"}, "unknown kind 'spaceship'"),
        ({"lat": 95, "lon": 0}, "latitude 95"),
        ({"lat": 45.0}, "both latitude and longitude"),
        ({"fee": "sometimes"}, "unknown access fee 'sometimes'"),
        ({"country": "France"}, "country 'France'"),
        ({"tz": "Mars/Olympus"}, "Mars/Olympus"),
    ],
)
def test_bad_values_are_named_and_nothing_is_written(svc, fields, message):
    with pytest.raises(ValidationError, match=message):
        svc.add_place("Bad", city="Paris", **fields)
    assert svc.list_places() == []


def test_french_aliases_for_kinds_and_fees(svc):
    place = svc.add_place("Médiathèque", city="Lyon", kind="bibliothèque", fee="gratuit")
    assert (place.kind, place.fee) == ("library", "free")


def test_a_second_place_with_the_same_name_in_the_same_city_is_refused(svc):
    svc.add_place("Café Central", city="Lisboa")
    with pytest.raises(ValidationError, match="already exists"):
        svc.add_place("cafe central", city="LISBOA")
    svc.add_place("Café Central", city="Porto")  # another city: fine


def test_find_place_by_id_or_name_with_accents_ignored(svc):
    a = svc.add_place("Café Central", city="Lisboa")
    b = svc.add_place("Café Central", city="Porto")
    svc.add_place("Fábrica", city="Lisboa")
    assert svc.find_place(str(a.id)).id == a.id
    assert svc.find_place(f"#{b.id}").id == b.id
    assert svc.find_place("fabrica").name == "Fábrica"
    with pytest.raises(ValidationError, match="several places"):
        svc.find_place("cafe central")
    with pytest.raises(NotFoundError, match="did you mean 'Fábrica'"):
        svc.find_place("Fab")


def test_the_password_is_not_in_the_place_info(svc):
    place = svc.add_place("Hideout", city="Paris", ssid="Hideout-Guest", wifi_password="s3cret!")
    assert place.has_password
    assert "s3cret!" not in repr(place) and "s3cret!" not in str(place.to_json())
    assert svc.wifi_password(place.id) == "s3cret!"
    assert svc.passwords() == {place.id: "s3cret!"}


# --------------------------------------------------------------------------- speed tests


def test_medians_count_and_age(svc):
    place = svc.add_place("Lab", city="Lisbon")
    now = timezones.now_utc()
    svc.add_speed_test(place.id, 50, 10, 20, at=now - timedelta(days=9), tool="speedtest")
    svc.add_speed_test(place.id, 30, 5, None, at=now - timedelta(days=5), tool="fast.com")
    svc.add_speed_test(place.id, 100, 20, 10, at=now - timedelta(days=2), tool="nperf")
    info = svc.get_place(place.id)
    assert (info.down_mbps, info.up_mbps, info.ping_ms, info.tests) == (50, 10, 15, 3)
    assert info.speed.age_days(now) == 2
    svc.add_speed_test(place.id, 60, 12, 30, at=now - timedelta(days=1))
    info = svc.get_place(place.id)
    assert (info.down_mbps, info.up_mbps, info.tests) == (55, 11, 4)  # even count: mean of the middle two


def test_tests_are_never_overwritten(db, svc):
    place = svc.add_place("Lab", city="Lisbon")
    at = utc(2024, 7, 15, 10)
    svc.add_speed_test(place.id, 50, 10, 20, at=at)
    svc.add_speed_test(place.id, 5, 1, 200, at=at)  # same instant, other result: a second row
    with db.session() as s:
        assert s.scalar(select(func.count(SpeedTest.id))) == 2
    assert [t.down_mbps for t in svc.speed_tests(place.id)] == [50, 5]


def test_a_mistaken_test_can_be_deleted(svc):
    place = svc.add_place("Lab", city="Lisbon")
    test = svc.add_speed_test(place.id, 5000, 10, 20)
    svc.add_speed_test(place.id, 50, 10, 20)
    svc.delete_speed_test(test.id)
    assert svc.get_place(place.id).down_mbps == 50
    with pytest.raises(NotFoundError):
        svc.delete_speed_test(test.id)


@pytest.mark.parametrize(
    ("down", "up", "ping", "at", "tool", "message"),
    [
        (-1, 5, 10, None, None, "download -1"),
        (10, "fast", 10, None, None, "upload 'fast'"),
        (10, 5, -3, None, None, "ping -3"),
        (10, 5, 10, timezones.now_utc() + timedelta(days=1), None, "future"),
        (10, 5, 10, None, "carrier pigeon", "unknown speed test tool 'carrier pigeon'"),
    ],
)
def test_bad_speed_tests_are_refused(svc, down, up, ping, at, tool, message):
    place = svc.add_place("Lab", city="Lisbon")
    with pytest.raises(ValidationError, match=message):
        svc.add_speed_test(place.id, down, up, ping, at=at, tool=tool)
    assert svc.speed_tests(place.id) == []


def test_a_speed_test_marks_the_last_visit_in_the_places_local_date(svc):
    place = svc.add_place("Night owl", city="Tokyo")
    svc.add_speed_test(place.id, 80, 40, 5, at=utc(2024, 7, 15, 16))  # 01:00 on the 16th in Tokyo
    assert svc.get_place(place.id).last_visit == date(2024, 7, 16)


def test_median_summary_of_nothing():
    assert median_summary([]).tests == 0 and median_summary([]).down_mbps is None


# --------------------------------------------------------------------------- filters


@pytest.fixture
def town(svc):  # type: ignore[no-untyped-def]
    """Places in Lisbon (written two ways) and Montréal, with speeds, scores and hours."""
    lab = svc.add_place(
        "Coffee Lab",
        city="Lisboa",
        country="PT",
        opening_hours="Mo-Fr 08:00-18:00",
        score_power=4,
        score_quiet=2,
    )
    second = svc.add_place(
        "Second Home",
        city="Lisbon",
        kind="coworking",
        opening_hours="Mo-Fr 09:00-19:00",
        score_power=5,
        score_quiet=4,
    )
    olimpico = svc.add_place(
        "Olimpico", city="Montréal", opening_hours="Mo-Su 07:00-24:00", score_power=1, favourite=True
    )
    mystery = svc.add_place("Mystery bar", city="Lisbon", opening_hours="lundi 9h-18h", score_power=5)
    unknown = svc.add_place("No hours", city="Lisbon", score_power=5)
    svc.add_speed_test(lab.id, 40, 10, 20, at=utc(2024, 7, 1, 10))
    svc.add_speed_test(second.id, 300, 150, 5, at=utc(2024, 7, 1, 10))
    svc.add_speed_test(olimpico.id, 12, 3, 40, at=utc(2024, 7, 1, 10))
    return {"lab": lab, "second": second, "olimpico": olimpico, "mystery": mystery, "unknown": unknown}


def test_city_filter_knows_lisboa_is_lisbon(svc, town):
    assert names(svc.list_places(PlaceFilter(city="lisbonne"))) == [
        "Coffee Lab",
        "Mystery bar",
        "No hours",
        "Second Home",
    ]
    assert names(svc.list_places(PlaceFilter(city="Montreal"))) == ["Olimpico"]
    assert svc.cities() == ["Lisbon", "Montréal"]  # one name per city: the spelling used most


def test_the_city_list_reads_the_stored_keys_not_the_city_table(svc, town, monkeypatch):
    """The Workplaces page lists its cities on the GUI thread as it opens: from the keys the places store, so
    the city table (half a second to load) is not loaded for it."""
    from nomadcm.services.travel import cities as city_table
    from nomadcm.services.workplaces import place_geo

    place_geo.city_key.cache_clear()
    monkeypatch.setattr(city_table, "default_index", lambda: pytest.fail("the city table was loaded"))
    assert svc.cities() == ["Lisbon", "Montréal"]


def test_speed_kind_scores_favourites_and_text(svc, town):
    assert names(svc.list_places(PlaceFilter(min_down=40))) == ["Coffee Lab", "Second Home"]
    assert names(svc.list_places(PlaceFilter(min_down=41))) == ["Second Home"]
    assert names(svc.list_places(PlaceFilter(kind="coworking"))) == ["Second Home"]
    assert names(svc.list_places(PlaceFilter(min_power=4, min_quiet=3))) == ["Second Home"]
    assert names(svc.list_places(PlaceFilter(favourites=True))) == ["Olimpico"]
    assert names(svc.list_places(PlaceFilter(text="home lisb"))) == ["Second Home"]


def test_open_at_a_wall_time_is_each_places_own_clock(svc, town):
    monday_0830 = datetime(2024, 7, 15, 8, 30)
    assert names(svc.list_places(PlaceFilter(open_at=monday_0830))) == ["Coffee Lab", "Olimpico"]
    sunday_noon = datetime(2024, 7, 14, 12, 0)
    assert names(svc.list_places(PlaceFilter(open_at=sunday_noon))) == ["Olimpico"]


def test_open_at_an_instant_reads_every_clock(svc, town):
    # Monday 15 July 2024 12:30 UTC: 13:30 in Lisbon, 08:30 in Montréal.
    assert names(svc.list_places(PlaceFilter(open_at=utc(2024, 7, 15, 12, 30)))) == [
        "Coffee Lab",
        "Olimpico",
        "Second Home",
    ]
    # 03:30 UTC: 04:30 in Lisbon (closed), 23:30 on Sunday in Montréal (open).
    assert names(svc.list_places(PlaceFilter(open_at=utc(2024, 7, 15, 3, 30)))) == ["Olimpico"]


def test_unknown_or_unreadable_hours_are_never_open(svc, town):
    mystery = svc.get_place(town["mystery"].id)
    assert mystery.hours_error and mystery.opening_hours == "lundi 9h-18h"
    for when in (datetime(2024, 7, 15, 10), utc(2024, 7, 15, 10)):
        assert mystery.open_state(when) is HoursState.UNKNOWN
        found = svc.list_places(PlaceFilter(open_at=when))
        assert "Mystery bar" not in names(found) and "No hours" not in names(found)


def test_filters_combine(svc, town):
    flt = PlaceFilter(city="Lisbon", min_down=20, open_at=datetime(2024, 7, 15, 18, 30), min_power=4)
    assert names(svc.list_places(flt)) == ["Second Home"]
    assert flt.active and not PlaceFilter().active


# --------------------------------------------------------------------------- worked here


def test_worked_here_is_a_laptop_screen_session_in_the_places_zone(db, svc):
    place = svc.add_place("Lab", city="Lisbon")
    session = svc.log_work(place.id, utc(2024, 7, 15, 8), utc(2024, 7, 15, 11, 30), activity="newsletter")
    assert session.duration == timedelta(hours=3, minutes=30)
    with db.session() as s:
        row = s.get(ScreenSession, session.id)
        assert (row.device, row.source, row.workplace_id, row.tz) == (
            "laptop",
            "workplace",
            place.id,
            "Europe/Lisbon",
        )
        assert row.start_utc == utc(2024, 7, 15, 8)
    assert svc.get_place(place.id).last_visit == date(2024, 7, 15)
    assert [w.id for w in svc.work_sessions(place.id)] == [session.id]


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (utc(2024, 7, 15, 12), utc(2024, 7, 15, 11), "end after it starts"),
        (utc(2024, 7, 15, 0), utc(2024, 7, 16, 1), "longer than 24 hours"),
        (utc(2024, 7, 15, 10), utc(2024, 7, 15, 13), "overlaps the work session"),
    ],
)
def test_bad_work_sessions_are_refused(svc, start, end, message):
    place = svc.add_place("Lab", city="Lisbon")
    svc.log_work(place.id, utc(2024, 7, 15, 8), utc(2024, 7, 15, 11))
    with pytest.raises(ValidationError, match=message):
        svc.log_work(place.id, start, end)
    assert len(svc.work_sessions(place.id)) == 1


def test_a_session_in_the_future_is_refused(svc):
    place = svc.add_place("Lab", city="Lisbon")
    now = timezones.now_utc()
    with pytest.raises(ValidationError, match="future"):
        svc.log_work(place.id, now, now + timedelta(hours=2))


def test_deleting_a_place_keeps_its_screen_time(db, svc):
    place = svc.add_place("Lab", city="Lisbon")
    session = svc.log_work(place.id, utc(2024, 7, 15, 8), utc(2024, 7, 15, 9))
    svc.add_speed_test(place.id, 50, 10, 20, at=utc(2024, 7, 15, 8, 30))
    svc.delete_place(place.id)
    with db.session() as s:
        row = s.get(ScreenSession, session.id)
        assert row is not None and row.workplace_id is None
        assert s.scalar(select(func.count(SpeedTest.id))) == 0
    with pytest.raises(NotFoundError):
        svc.get_place(place.id)
