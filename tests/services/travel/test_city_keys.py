"""The city key stays and workplaces keep (services/travel/city_keys.py): made when a row is saved, filled in
for rows without one, remade when the city table changes, and read by the `no_wifi` rule without the table."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select, update

from nomadcm.models import Stay, Workplace
from nomadcm.services.container import Services
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.travel import cities, city_keys
from nomadcm.services.travel.trip_records import StayInput
from nomadcm.services.workplaces import place_geo
from nomadcm.services.workplaces.place_checklist import stays_without_wifi


def _keys(services: Services) -> dict[str, str | None]:
    with services.db.session() as s:
        stays = {f"stay {c}": k for c, k in s.execute(select(Stay.city, Stay.city_key))}
        places = {f"place {n}": k for n, k in s.execute(select(Workplace.name, Workplace.city_key))}
    return {**stays, **places}


def _lisbon_trip(services: Services) -> int:
    services.trips.add_stay(StayInput("Lisboa", "Europe/Lisbon", date(2027, 5, 3), date(2027, 5, 16), "PT"))
    services.workplaces.add_place("Café Olimpico", city="Montréal", country="CA", ssid="olimpico")
    client = services.clients.add_client("Boulangerie Dupain", "Europe/Paris", "FR")
    channel = services.clients.add_channel(client.id, "instagram")
    return services.posts.add(PostDraft(channel.id, "Croissants", datetime(2027, 5, 5, 11, 0))).id


@pytest.fixture
def no_city_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """The city table as at start-up: not loaded, and no key remembered from an earlier test."""
    monkeypatch.setattr(cities, "_loaded", None)
    place_geo.city_key.cache_clear()


def test_a_stay_and_a_place_keep_their_city_s_key_when_saved(services: Services) -> None:
    _lisbon_trip(services)
    place = services.workplaces.add_place("Fábrica", city="Lisbon", country="PT", ssid="fabrica")
    assert _keys(services) == {
        "stay Lisboa": "lisbon|PT",  # the table knows Lisboa as Lisbon
        "place Café Olimpico": "montreal|CA",
        "place Fábrica": "lisbon|PT",
    }
    services.workplaces.update_place(place.id, city="Porto")
    assert _keys(services)["place Fábrica"] == "porto|PT"
    services.workplaces.update_place(place.id, notes="quiet upstairs")  # no city change: key kept
    assert _keys(services)["place Fábrica"] == "porto|PT"


def test_the_no_wifi_rule_reads_stored_keys_without_the_city_table(services: Services, no_city_table) -> None:  # type: ignore[no-untyped-def]
    post_id = _lisbon_trip(services)
    place_geo.city_key.cache_clear()
    cities._loaded = None  # saving made the keys (and loaded the table): start afresh, as at start-up
    found = services.conflicts.check(date(2027, 5, 1), date(2027, 5, 31))
    assert "no_wifi" in {k for c in found if c.post_id == post_id for k in c.kinds}
    assert [s.city for s in stays_without_wifi(services.db)] == ["Lisboa"]
    assert not cities.is_loaded()


def test_rows_without_a_key_are_filled_in_and_read_meanwhile(services: Services, no_city_table) -> None:  # type: ignore[no-untyped-def]
    _lisbon_trip(services)
    with services.db.write() as s:  # as an older NomadCM or a bulk import left them
        s.execute(update(Stay).values(city_key=None))
        s.execute(update(Workplace).values(city_key=None))
    assert [s.city for s in stays_without_wifi(services.db)] == ["Lisboa"]  # made on the fly meanwhile
    assert not city_keys.current(services.db)
    assert services.refresh_city_keys() == 2
    assert _keys(services) == {"stay Lisboa": "lisbon|PT", "place Café Olimpico": "montreal|CA"}
    assert city_keys.current(services.db)
    place_geo.city_key.cache_clear()
    cities._loaded = None
    assert services.refresh_city_keys() == 0  # nothing to do: two small queries, no table
    assert not cities.is_loaded()


def test_keys_made_with_another_city_table_are_made_again(services: Services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _lisbon_trip(services)
    services.refresh_city_keys()
    with services.db.write() as s:
        s.execute(update(Stay).values(city_key="an old key"))
    assert city_keys.current(services.db)  # same table: stored keys are trusted
    monkeypatch.setattr(city_keys, "table_version", lambda: "a newer table")
    assert not city_keys.current(services.db)
    assert services.refresh_city_keys() == 1  # only the stay's key differed
    assert _keys(services)["stay Lisboa"] == "lisbon|PT"
    assert city_keys.current(services.db)


def test_a_check_after_the_city_table_changed_does_not_trust_the_old_keys(services: Services) -> None:
    """A CLI-only user updates NomadCM (a new city table) and runs `check` before ever opening the window:
    keys made with the old table must not decide the `no_wifi` conflict."""
    post_id = _lisbon_trip(services)
    services.workplaces.add_place("Fábrica", city="Lisbon", country="PT", ssid="fabrica")
    services.refresh_city_keys()
    with services.db.write() as s:  # the old table spelled the stay's city another way
        s.execute(update(Stay).values(city_key="lisboa|PT"))
    services.settings.set(city_keys.TABLE_SETTING, "the table of an older NomadCM")
    found = services.conflicts.check(date(2027, 5, 1), date(2027, 5, 31))
    assert "no_wifi" not in {k for c in found if c.post_id == post_id for k in c.kinds}
    assert _keys(services)["stay Lisboa"] == "lisbon|PT"  # made again, once
    assert services.settings.get(city_keys.TABLE_SETTING) == city_keys.table_version()


def test_a_database_it_may_not_write_keeps_its_keys_and_is_still_read(
    services: Services, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.errors import UserError

    _lisbon_trip(services)
    services.settings.set(city_keys.TABLE_SETTING, "the table of an older NomadCM")

    def refused(_db):  # type: ignore[no-untyped-def]
        raise UserError("this database is read-only")

    monkeypatch.setattr(city_keys, "refresh", refused)
    assert [s.city for s in stays_without_wifi(services.db)] == ["Lisboa"]
