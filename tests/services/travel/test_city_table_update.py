"""A database whose city keys were made with the old table (GeoNames cities15000, `cities.tsv.gz`) keeps
working with the new one: keys of the cities both tables know are unchanged, and the keys that differ —
a place the old table did not know, keyed by its folded text — are made again by `city_keys.refresh`,
which the GUI runs at start once the table's version (its file's size and time) differs from the stored one."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update

from nomadcm.models import Stay, Workplace
from nomadcm.services.container import Services
from nomadcm.services.settings import SettingsService
from nomadcm.services.travel import city_keys
from nomadcm.services.travel.trip_records import StayInput
from nomadcm.services.workplaces.place_checklist import list_stays, place_in_stay

OLD_TABLE_VERSION = "2221628-1764734700000000000"  # cities.tsv.gz: its size and a time


def test_keys_of_the_old_table_are_remade_with_the_new_one(services: Services) -> None:
    services.trips.add_stay(StayInput("Canggu", "Asia/Makassar", date(2027, 6, 1), date(2027, 6, 30), "ID"))
    services.trips.add_stay(StayInput("Lisboa", "Europe/Lisbon", date(2027, 7, 1), date(2027, 7, 9), "PT"))
    place = services.workplaces.add_place("Dojo Bali", city="Canggu", country="ID", ssid="dojo")
    with services.db.write() as s:  # as the old table made them: it knew Lisbon, not Canggu
        s.execute(update(Stay).where(Stay.city == "Canggu").values(city_key="canggu"))
        s.execute(update(Workplace).values(city_key="canggu"))
        s.execute(update(Stay).where(Stay.city == "Lisboa").values(city_key="lisbon|PT"))
    SettingsService(services.db).set(city_keys.TABLE_SETTING, OLD_TABLE_VERSION)

    assert city_keys.table_version() != OLD_TABLE_VERSION
    assert not city_keys.current(services.db)
    assert services.refresh_city_keys() == 2  # Canggu's stay and place; Lisbon's key was already right
    with services.db.session() as s:
        assert sorted(s.execute(select(Stay.city, Stay.city_key)).all()) == [
            ("Canggu", "canggu|ID"),
            ("Lisboa", "lisbon|PT"),
        ]
        assert s.execute(select(Workplace.city_key)).scalar_one() == "canggu|ID"
    assert city_keys.current(services.db)
    canggu = next(st for st in list_stays(services.db) if st.city == "Canggu")
    assert place_in_stay(place, canggu)
