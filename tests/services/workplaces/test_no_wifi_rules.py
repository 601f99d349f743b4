"""When the `no_wifi` conflict and itinerary warning apply: only once she keeps workplaces."""

from __future__ import annotations

from datetime import date, datetime

from nomadcm.services.container import Services
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.travel.trip_records import StayInput
from nomadcm.services.workplaces.place_checklist import stays_without_wifi


def _trip_and_post(services: Services) -> int:
    trips = services.trips
    trips.add_stay(StayInput("Lisbon", "Europe/Lisbon", date(2027, 5, 3), date(2027, 5, 16), country="PT"))
    client = services.clients.add_client("Boulangerie Dupain", "Europe/Paris", "FR")
    channel = services.clients.add_channel(client.id, "instagram")
    return services.posts.add(PostDraft(channel.id, "Croissants", datetime(2027, 5, 5, 11, 0))).id


def _kinds(services: Services, post_id: int) -> set[str]:
    found = services.conflicts.check(date(2027, 5, 1), date(2027, 5, 31))
    return {k for c in found if c.post_id == post_id for k in c.kinds}


def test_no_workplaces_at_all_means_no_no_wifi_nagging(services: Services) -> None:
    post_id = _trip_and_post(services)
    assert stays_without_wifi(services.db) == []
    assert "no_wifi" not in _kinds(services, post_id)
    assert not [w for w in services.trips.warnings() if w.kind == "no_wifi"]


def test_workplaces_elsewhere_flag_the_stay_and_its_posts(services: Services) -> None:
    post_id = _trip_and_post(services)
    services.workplaces.add_place("Café Olimpico", city="Montréal", country="CA", ssid="olimpico")
    assert [s.city for s in stays_without_wifi(services.db)] == ["Lisbon"]
    assert "no_wifi" in _kinds(services, post_id)
    (warning,) = [w for w in services.trips.warnings() if w.kind == "no_wifi"]
    assert (warning.first_date, warning.last_date) == (date(2027, 5, 3), date(2027, 5, 16))
    assert "Lisbon" in warning.message


def test_a_workplace_with_wifi_in_the_stay_city_clears_both(services: Services) -> None:
    post_id = _trip_and_post(services)
    services.workplaces.add_place("Café Olimpico", city="Montréal", country="CA", ssid="olimpico")
    services.workplaces.add_place(
        "Heden Santa Apolónia", city="Lisboa", country="PT", kind="coworking", ssid="heden"
    )
    assert stays_without_wifi(services.db) == []
    assert "no_wifi" not in _kinds(services, post_id)
