"""The per-stay checklist of places to try, stays without WiFi, and the `no_wifi` conflict."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.services.schedule.clients import ClientService
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.schedule.posts import PostService
from nomadcm.services.settings import SettingsService
from nomadcm.services.travel.conflicts import ConflictService
from nomadcm.services.travel.trip_records import StayInput
from nomadcm.services.travel.trips import ItineraryService
from nomadcm.services.workplaces.places import WorkplaceService, stays_without_wifi


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.fixture
def trip(db):  # type: ignore[no-untyped-def]
    """Lisbon 1-10 July 2024, then Porto 11-20 July (the same zone, no transit needed)."""
    SettingsService(db).set_home_tz("Europe/Paris")
    itinerary = ItineraryService(db)
    lisbon = itinerary.add_stay(
        StayInput("Lisbon", "Europe/Lisbon", date(2024, 7, 1), date(2024, 7, 10), "PT")
    )
    porto = itinerary.add_stay(
        StayInput("Porto", "Europe/Lisbon", date(2024, 7, 11), date(2024, 7, 20), "PT")
    )
    return lisbon, porto


@pytest.fixture
def svc(db) -> WorkplaceService:  # type: ignore[no-untyped-def]
    return WorkplaceService(db)


def test_checklist_add_tick_note_remove(svc, trip):
    lisbon, _porto = trip
    lab = svc.add_place("Coffee Lab", city="Lisboa", country="PT")
    heden = svc.add_place("Heden", city="Lisbon", kind="coworking")
    assert svc.add_to_checklist(lisbon.id, [lab.id, heden.id]) == 2
    assert svc.add_to_checklist(lisbon.id, [lab.id]) == 0  # already there: left as is
    entries = svc.checklist(lisbon.id)
    assert [e.place.name for e in entries] == ["Coffee Lab", "Heden"]
    assert not any(e.visited or e.tested for e in entries)
    svc.update_checklist_item(entries[0].id, tested=True, note="table by the window")
    first = svc.checklist(lisbon.id)[0]
    assert (first.visited, first.tested, first.note) == (
        True,
        True,
        "table by the window",
    )  # tested => visited
    svc.update_checklist_item(first.id, visited=False, tested=False)
    assert not svc.checklist(lisbon.id)[0].visited
    svc.remove_from_checklist(first.id)
    assert [e.place.name for e in svc.checklist(lisbon.id)] == ["Heden"]
    with pytest.raises(NotFoundError):
        svc.remove_from_checklist(first.id)
    with pytest.raises(ValidationError, match="unknown checklist field"):
        svc.update_checklist_item(entries[1].id, colour="red")
    with pytest.raises(NotFoundError, match="no place with id 999"):
        svc.add_to_checklist(lisbon.id, [999])
    with pytest.raises(NotFoundError, match="no stay"):
        svc.checklist(999)


def test_candidates_are_the_places_of_the_stays_city(svc, trip):
    lisbon, porto = trip
    lab = svc.add_place("Coffee Lab", city="Lisboa", country="PT")
    fav = svc.add_place("Favourite spot", city="lisbonne", favourite=True)
    svc.add_place("Porto place", city="Porto")
    near = svc.add_place("By the river", city="", lat=38.70, lon=-9.16)  # no city, but 3 km from the stay
    from nomadcm.services.travel.trips import ItineraryService as It

    It(svc.db).update_stay(
        lisbon.id,
        StayInput("Lisbon", "Europe/Lisbon", date(2024, 7, 1), date(2024, 7, 10), "PT", 38.7167, -9.1333),
    )
    names = [p.name for p in svc.checklist_candidates(lisbon.id)]
    assert names[0] == "Favourite spot"  # favourites first
    assert set(names) == {"Coffee Lab", "Favourite spot", "By the river"}
    svc.add_to_checklist(lisbon.id, [lab.id, fav.id, near.id])
    assert svc.checklist_candidates(lisbon.id) == []
    assert [p.name for p in svc.checklist_candidates(porto.id)] == ["Porto place"]


def test_a_speed_test_or_a_session_during_the_stay_ticks_the_checklist(svc, trip):
    lisbon, porto = trip
    lab = svc.add_place("Coffee Lab", city="Lisbon")
    svc.add_to_checklist(lisbon.id, [lab.id])
    svc.add_to_checklist(porto.id, [lab.id])
    svc.log_work(lab.id, utc(2024, 7, 3, 9), utc(2024, 7, 3, 12))
    (entry,) = svc.checklist(lisbon.id)
    assert (entry.visited, entry.tested) == (True, False)
    svc.add_speed_test(lab.id, 50, 10, 20, at=utc(2024, 7, 4, 10))
    (entry,) = svc.checklist(lisbon.id)
    assert (entry.visited, entry.tested) == (True, True)
    (other,) = svc.checklist(porto.id)  # the other stay's list is untouched
    assert (other.visited, other.tested) == (False, False)


def test_stays_without_wifi(db, svc, trip):
    lisbon, porto = trip
    assert stays_without_wifi(db) == []  # no workplaces at all yet: the feature is not in use, no nagging
    svc.add_place("Cyber café", city="Porto", extra_tags={"internet_access": "terminal"})
    svc.add_place("Zero WiFi", city="Porto", score_wifi=0)
    assert {s.id for s in stays_without_wifi(db)} == {lisbon.id, porto.id}  # a terminal is not WiFi
    svc.add_place("Coffee Lab", city="Lisboa")  # no evidence against WiFi: counts
    assert [s.id for s in stays_without_wifi(db)] == [porto.id]
    cyber = svc.find_place("Cyber café")
    svc.add_speed_test(cyber.id, 20, 5, 30, at=utc(2024, 6, 1, 12))  # measured: it has WiFi after all
    assert stays_without_wifi(db) == []


def test_no_wifi_conflict_for_posts_during_a_bare_stay(db, svc, trip):
    clients = ClientService(db)
    client = clients.add_client("Pastelaria", "Europe/Lisbon", "PT")
    channel = clients.add_channel(client.id, "instagram")
    posts = PostService(db)
    in_lisbon = posts.add(PostDraft(channel.id, "Bom dia Lisboa", datetime(2024, 7, 3, 10, 0))).id
    in_porto = posts.add(PostDraft(channel.id, "Bom dia Porto", datetime(2024, 7, 15, 10, 0))).id
    svc.add_place("Coffee Lab", city="Lisbon")
    found = {c.post_id: c for c in ConflictService(db).check()}
    assert in_lisbon not in found or "no_wifi" not in found[in_lisbon].kinds
    assert "no_wifi" in found[in_porto].kinds
    assert (
        "Porto" in found[in_porto].detail_of("no_wifi") and found[in_porto].fact_of("no_wifi") == "Porto, PT"
    )
    ConflictService(db).acknowledge(in_porto, ["no_wifi"])
    after = {c.post_id: c for c in ConflictService(db).check(include_acknowledged=True)}
    assert "no_wifi" in after[in_porto].acknowledged
