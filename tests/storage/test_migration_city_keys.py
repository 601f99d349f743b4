"""Migration 0003: a file from before gets the city key columns, its rows without a key until the GUI's
background task (or a check) makes them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from nomadcm.models import Stay
from nomadcm.services.container import Services
from nomadcm.storage import Database
from nomadcm.storage.schema import HEAD_REVISION, KNOWN_REVISIONS
from tests.storage.older_files import file_at

# sqlite_only: a file written by the previous version's migrations
pytestmark = pytest.mark.sqlite_only


def test_a_file_from_before_the_keys_gets_them_later(db_path: Path) -> None:
    file_at(db_path, KNOWN_REVISIONS[KNOWN_REVISIONS.index("0003_city_keys") - 1])
    raw = sqlite3.connect(db_path)
    raw.execute(
        "INSERT INTO stay (city, country, tz, first_date, last_date, notes, start_utc, end_utc) VALUES "
        "('Lisboa', 'PT', 'Europe/Lisbon', '2027-05-03', '2027-05-16', '', "
        "'2027-05-02 23:00:00.000000', '2027-05-16 23:00:00.000000')"
    )
    raw.commit()
    raw.close()
    db = Database.open(db_path)
    try:
        assert db.current_revision() == HEAD_REVISION
        with db.session() as s:
            assert s.execute(select(Stay.city, Stay.city_key)).all() == [("Lisboa", None)]
        services = Services(db)
        assert services.refresh_city_keys() == 1
        with db.session() as s:
            assert s.execute(select(Stay.city_key)).scalar_one() == "lisbon|PT"
    finally:
        db.close()
