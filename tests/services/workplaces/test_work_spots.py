"""Where can she work when a post goes out (services/workplaces/work_spots.py): the places near where the
itinerary puts her, open then on their own clock (wall times checked with zoneinfo), with their speed."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from nomadcm.services.travel.trip_records import StayInput, TransitInput
from nomadcm.services.workplaces.work_spots import EmptyReason, SpotOrder, work_spots

PARIS, TANA, TORONTO = "Europe/Paris", "Indian/Antananarivo", "America/Toronto"


def at(text: str, zone: str) -> datetime:
    """An instant from a wall time, by zoneinfo (not the code under test)."""
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)


@pytest.fixture
def trip(services):  # type: ignore[no-untyped-def]
    """Home Montréal; Paris 1–10 March 2027, a flight to Antananarivo on the 10th, Tana 11–20 March."""
    services.settings.set_home_tz(TORONTO)
    services.settings.set("home_city", "Montréal")
    trips = services.trips
    trips.add_stay(StayInput("Paris", PARIS, date(2027, 3, 1), date(2027, 3, 10), "FR", 48.8566, 2.3522))
    trips.add_transit(
        TransitInput(
            "flight",
            "Paris",
            PARIS,
            "Antananarivo",
            TANA,
            datetime(2027, 3, 10, 12),
            datetime(2027, 3, 11, 0, 30),
        )
    )
    trips.add_stay(StayInput("Antananarivo", TANA, date(2027, 3, 11), date(2027, 3, 20), "MG"))
    wp = services.workplaces
    ids = {
        "lumiere": wp.add_place(
            "Café Lumière", city="Paris", country="FR", tz=PARIS, lat=48.8570, lon=2.3530,
            opening_hours="Mo-Fr 09:00-18:00",
        ).id,
        "nuit": wp.add_place(
            "Coworking Nuit", city="Paris", country="FR", tz=PARIS, lat=48.9000, lon=2.4000, opening_hours="24/7"
        ).id,
        "mystere": wp.add_place("Mystère", city="Paris", country="FR", tz=PARIS).id,
        "nowifi": wp.add_place("Sans WiFi", city="Paris", country="FR", tz=PARIS, opening_hours="24/7", score_wifi=0).id,
        "rasoa": wp.add_place("Chez Rasoa", city="Antananarivo", country="MG", tz=TANA, opening_hours="Mo-Sa 08:00-17:00").id,
        "olimpico": wp.add_place(
            "Café Olimpico", city="Montréal", country="CA", tz=TORONTO, opening_hours="Mo-Su 07:00-23:00"
        ).id,
    }  # fmt: skip
    long_ago = datetime(2026, 11, 1, 12, tzinfo=UTC)
    wp.add_speed_test(ids["lumiere"], 40, 10, at=long_ago)
    wp.add_speed_test(ids["lumiere"], 60, 12, at=long_ago)  # median 50
    wp.add_speed_test(ids["nuit"], 200, 50, at=long_ago)
    return ids


def names(answer) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.place.name for s in answer.spots]


def test_open_places_near_her_stay_fastest_or_nearest_first(services, trip) -> None:  # type: ignore[no-untyped-def]
    instant = at("2027-03-02T14:00", PARIS)  # a Tuesday afternoon in Paris
    answer = work_spots(services.db, instant)
    assert answer.reason == EmptyReason.NONE and answer.city == "Paris" and answer.where.stay_id is not None
    assert names(answer) == ["Coworking Nuit", "Café Lumière"]  # 200 then 50 Mbit/s
    assert [s.place.down_mbps for s in answer.spots] == [200, 50]
    assert answer.near == 3 and answer.unknown_hours == 1  # "Sans WiFi" is no desk; "Mystère" has no hours
    assert all(s.place_wall == datetime(2027, 3, 2, 14) for s in answer.spots)
    nearest = work_spots(services.db, instant, order=SpotOrder.NEAREST)
    assert names(nearest) == ["Café Lumière", "Coworking Nuit"]
    lumiere, nuit = nearest.spots
    assert lumiere.distance_km is not None and lumiere.distance_km < 0.2
    assert nuit.distance_km is not None and 5 < nuit.distance_km < 8


def test_hours_are_read_on_the_places_own_clock(services, trip) -> None:  # type: ignore[no-untyped-def]
    # Monday 15 March, 08:30 in Antananarivo (UTC+3) is 05:30 UTC and 06:30 in Paris: open only on Tana's clock.
    instant = at("2027-03-15T08:30", TANA)
    assert instant.hour == 5
    answer = work_spots(services.db, instant)
    assert names(answer) == ["Chez Rasoa"] and answer.city == "Antananarivo"
    assert answer.spots[0].place_wall == datetime(2027, 3, 15, 8, 30)
    assert answer.cm_wall == datetime(2027, 3, 15, 8, 30)
    before = work_spots(services.db, at("2027-03-15T07:30", TANA))
    assert before.spots == () and before.reason == EmptyReason.NONE_OPEN and before.near == 1


def test_on_a_saturday_only_the_place_open_every_day_is_listed(services, trip) -> None:  # type: ignore[no-untyped-def]
    assert names(work_spots(services.db, at("2027-03-06T10:00", PARIS))) == ["Coworking Nuit"]


def test_in_transit_there_is_no_desk(services, trip) -> None:  # type: ignore[no-untyped-def]
    answer = work_spots(services.db, at("2027-03-10T15:00", PARIS))
    assert answer.reason == EmptyReason.IN_TRANSIT and answer.where.in_transit and answer.spots == ()


def test_at_home_the_home_city_counts(services, trip) -> None:  # type: ignore[no-untyped-def]
    answer = work_spots(services.db, at("2027-04-01T12:00", TORONTO))
    assert answer.where.at_home and answer.city == "Montréal" and names(answer) == ["Café Olimpico"]
    services.settings.set("home_city", "")
    nowhere = work_spots(services.db, at("2027-04-01T12:00", TORONTO))
    assert nowhere.reason == EmptyReason.NO_PLACE_NEAR and nowhere.city == ""


def test_no_place_known_near_a_stay(services, trip) -> None:  # type: ignore[no-untyped-def]
    services.trips.add_stay(StayInput("Lisbon", "Europe/Lisbon", date(2027, 5, 1), date(2027, 5, 5), "PT"))
    answer = services.workplaces.work_spots(at("2027-05-03T11:00", "Europe/Lisbon"))
    assert answer.reason == EmptyReason.NO_PLACE_NEAR and answer.city == "Lisbon" and answer.near == 0
