"""Wellbeing kept in her own file (services/wellbeing/personal_file.py), on both engines.

The split (rows in her own SQLite file, clients, places and itinerary in another database) is tested with the
`db` fixture as the shared database — a SQLite file on the default pass, the PostgreSQL server on the
PostgreSQL pass — and a second SQLite file under tmp_path as her own: sessions name the shared clients and
places by UUID only, every reader resolves them, and nothing reaches the shared database. On a SQLite
database alone, her own file is the database and every session keeps both id and UUID.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.exchange import activitywatch, rest_csv
from nomadcm.models import AppUsage, Client, RestPeriod, ScreenSession, Workplace
from nomadcm.services.billing.service import BillingService
from nomadcm.services.container import Services
from nomadcm.services.settings import SettingsService
from nomadcm.services.wellbeing.records import WellbeingService
from nomadcm.services.wellbeing.report_service import ReportService
from nomadcm.services.workplaces.places import WorkplaceService
from nomadcm.storage import Database, open_database

AW_EXPORT = Path(__file__).parents[2] / "data" / "wellbeing" / "aw-buckets-export-python.json"
START = datetime(2026, 3, 26, 7, 0, tzinfo=UTC)  # in the past: work sessions never end in the future


def counts(db: Database) -> dict[str, int]:
    """Rows of each wellbeing table (through SQLAlchemy: the same on both engines)."""
    with db.session() as s:
        return {
            m.__tablename__: s.execute(select(func.count()).select_from(m)).scalar_one()
            for m in (ScreenSession, RestPeriod, AppUsage)
        }


def links(db: Database) -> list[tuple[int | None, str | None, int | None, str | None]]:
    with db.session() as s:
        return [
            (r.client_id, r.client_uuid, r.workplace_id, r.workplace_uuid)
            for r in s.scalars(select(ScreenSession).order_by(ScreenSession.start_utc))
        ]


def uuid_of(db: Database, model: type, row_id: int) -> str:
    with db.session() as s:
        return str(s.scalar(select(model.uuid).where(model.id == row_id)))  # type: ignore[attr-defined]


@pytest.fixture
def own(tmp_path: Path) -> Iterator[Database]:
    """Her own file: a SQLite file beside the shared database."""
    personal = open_database(tmp_path / "own" / "nomadcm.sqlite3")
    yield personal
    personal.close()


# --------------------------------------------------------------------------- two databases


def test_a_session_names_the_shared_client_by_uuid_only_and_reads_back_resolved(
    db: Database, own: Database
) -> None:
    shared = Services(db)
    client = shared.clients.add_client("Érable Café", "America/Toronto")
    other = shared.clients.add_client("Bise Surf", "Europe/Paris")
    service = WellbeingService(own, shared=db)
    info = service.add_screen("laptop", START, START + timedelta(hours=2), tz="UTC", client_id=client.id)
    assert (info.client_id, info.client_name) == (client.id, "Érable Café")
    assert links(own) == [(None, uuid_of(db, Client, client.id), None, None)]
    assert counts(db) == {"screen_session": 0, "rest_period": 0, "app_usage": 0}
    moved = service.update_screen(info.id, client_id=other.id)
    assert (moved.client_id, moved.client_name) == (other.id, "Bise Surf")
    assert links(own) == [(None, uuid_of(db, Client, other.id), None, None)]
    listed = service.screens_between(START - timedelta(days=1), START + timedelta(days=1))
    assert [(i.id, i.client_name) for i in listed] == [(info.id, "Bise Surf")]
    with pytest.raises(NotFoundError, match="no client #999"):
        service.add_screen("phone", START, START + timedelta(minutes=5), tz="UTC", client_id=999)
    assert service.client_names() == [(other.id, "Bise Surf"), (client.id, "Érable Café")]


def test_undo_of_a_deleted_session_puts_back_its_client_link(db: Database, own: Database) -> None:
    shared = Services(db)
    client = shared.clients.add_client("Érable Café", "America/Toronto")
    service = WellbeingService(own, shared=db)
    info = service.add_screen("laptop", START, START + timedelta(hours=1), tz="UTC", client_id=client.id)
    rest = service.add_rest("sleep", START - timedelta(hours=8), START, tz="UTC", quality=4)
    done = service.delete_entries_op([info.id], [rest.id])
    assert counts(own)["screen_session"] == 0 and counts(own)["rest_period"] == 0
    assert done.undo is not None
    done.undo()
    back = service.get_screen(info.id)
    assert (back.client_id, back.client_name) == (client.id, "Érable Café")
    assert service.get_rest(rest.id).quality == 4
    assert counts(db) == {"screen_session": 0, "rest_period": 0, "app_usage": 0}


def test_the_zone_and_the_day_start_come_from_the_shared_database_the_goals_from_her_file(
    db: Database, own: Database
) -> None:
    SettingsService(db).set_home_tz("Asia/Tokyo")  # no stay: her zone is the home zone
    SettingsService(own).set("screen_limit_day_hours", 1.0)  # her own goal
    SettingsService(db).set("screen_limit_day_hours", 12.0)  # not hers: never read on a team database
    service = WellbeingService(own, shared=db)
    info = service.add_screen("laptop", START, START + timedelta(hours=2))
    assert info.tz == "Asia/Tokyo"
    day = ReportService(own, shared=db).build(date(2026, 3, 26), date(2026, 3, 26)).days[0]
    assert day.zone == "Asia/Tokyo" and day.screen_minutes == {"laptop": 120}
    assert [w.code for w in day.warnings if w.code.startswith("screen")] == ["screen_day_over"]


def test_imports_write_to_her_file_with_the_shared_clients_and_zone(
    db: Database, own: Database, tmp_path: Path
) -> None:
    shared = Services(db)
    client = shared.clients.add_client("Érable Café", "America/Toronto")
    csv = tmp_path / "wellbeing.csv"
    csv.write_text(
        "start,end,kind,device,client\n"
        "2027-03-27T06:30:00Z,2027-03-27T08:00:00Z,screen,laptop,érable café\n"
        "2027-03-26T22:00:00Z,2027-03-27T06:00:00Z,sleep,,\n",
        encoding="utf-8",
    )
    result = rest_csv.import_file(own, csv, shared=db)
    assert (result.screen.added, result.rest.added) == (1, 1)
    aw = activitywatch.import_file(own, AW_EXPORT, shared=db)
    assert (aw.screen.added, aw.apps.added) == (3, 4)
    assert counts(own) == {"screen_session": 4, "rest_period": 1, "app_usage": 4}
    assert counts(db) == {"screen_session": 0, "rest_period": 0, "app_usage": 0}
    csv_row = [row for row in links(own) if row[1] is not None]
    assert csv_row == [(None, uuid_of(db, Client, client.id), None, None)]
    again = rest_csv.import_file(own, csv, shared=db)  # the same file again changes nothing
    assert (again.screen.unchanged, again.rest.unchanged) == (1, 1)


def test_worked_here_goes_to_her_file_and_marks_the_visit_on_the_shared_place(
    db: Database, own: Database
) -> None:
    shared = Services(db)
    client = shared.clients.add_client("Érable Café", "America/Toronto")
    places = WorkplaceService(db, personal=lambda: own)
    place = places.add_place("Café Lumière", city="Lisbon", tz="Europe/Lisbon")
    session = places.log_work(place.id, START, START + timedelta(hours=3), "drafts", client_id=client.id)
    assert (session.workplace_id, session.client_id, session.tz) == (place.id, client.id, "Europe/Lisbon")
    assert links(own) == [(None, uuid_of(db, Client, client.id), None, uuid_of(db, Workplace, place.id))]
    assert counts(db)["screen_session"] == 0
    assert places.get_place(place.id).last_visit == date(2026, 3, 26)
    assert [(s.id, s.client_id) for s in places.work_sessions(place.id)] == [(session.id, client.id)]
    lisbon = ZoneInfo("Europe/Lisbon")  # the clash is named on the place's clock (an independent reading)
    shown = (
        f"{START.astimezone(lisbon):%Y-%m-%d %H:%M}–{(START + timedelta(hours=3)).astimezone(lisbon):%H:%M}"
    )
    with pytest.raises(ValidationError, match=f"overlaps the work session {shown} at Café Lumière"):
        places.log_work(place.id, START + timedelta(hours=1), START + timedelta(hours=2))
    # The wellbeing page sees it as laptop time at that place, for that client.
    seen = WellbeingService(own, shared=db).screens_between(START, START + timedelta(hours=3))
    assert [(i.workplace_id, i.client_name, i.source) for i in seen] == [
        (place.id, "Érable Café", "workplace")
    ]
    # Deleting the place keeps her session (it still names the place); undo brings the place back, found again.
    deleted = places.delete_place_op(place.id)
    assert places.work_sessions(place.id) == [] and counts(own)["screen_session"] == 1
    assert deleted.undo is not None
    deleted.undo()
    assert [s.id for s in places.work_sessions(place.id)] == [session.id]
    removed = places.delete_work_session_op(session.id)
    assert counts(own)["screen_session"] == 0 and removed.undo is not None
    removed.undo()
    assert [s.id for s in places.work_sessions(place.id)] == [session.id]


def test_her_measured_time_counts_in_her_view_of_the_shared_clients_hours(
    db: Database, own: Database
) -> None:
    shared = Services(db)
    client = shared.clients.add_client("Érable Café", "Europe/Paris")
    shared.clients.add_client("Bise Surf", "Europe/Paris")
    WellbeingService(own, shared=db).add_screen(
        "laptop", START, START + timedelta(minutes=90), tz="UTC", client_id=client.id, source="timer"
    )
    hers = {
        m.client_name: m.worked_seconds
        for m in BillingService(db, personal=lambda: own).month(date(2026, 3, 1))
    }
    assert hers == {"Bise Surf": 0, "Érable Café": 90 * 60}
    # Another member's view (her own file is another one, empty) does not see it.
    theirs = {m.client_name: m.worked_seconds for m in BillingService(db).month(date(2026, 3, 1))}
    assert theirs == {"Bise Surf": 0, "Érable Café": 0}


# --------------------------------------------------------------------------- a SQLite file alone


@pytest.mark.sqlite_only
def test_on_a_sqlite_file_her_own_file_is_the_database_and_sessions_keep_id_and_uuid(
    services: Services, tmp_path: Path
) -> None:
    assert services.personal_db is services.db and services.personal_file is None
    assert services.personal_settings is services.settings
    client = services.clients.add_client("Érable Café", "America/Toronto")
    place = services.workplaces.add_place("Café Lumière", city="Lisbon", tz="Europe/Lisbon")
    services.wellbeing.add_screen("phone", START, START + timedelta(hours=1), tz="UTC", client_id=client.id)
    services.workplaces.log_work(
        place.id, START + timedelta(hours=2), START + timedelta(hours=3), client_id=client.id
    )
    c_uuid, p_uuid = uuid_of(services.db, Client, client.id), uuid_of(services.db, Workplace, place.id)
    assert links(services.db) == [(client.id, c_uuid, None, None), (client.id, c_uuid, place.id, p_uuid)]
    # Undo of the client's deletion gives its sessions their client back, id and UUID.
    done = services.clients.delete_client_op(client.id)
    assert [row[0] for row in links(services.db)] == [None, None]
    assert done.undo is not None
    done.undo()
    with services.db.session() as s:
        back = s.scalar(select(Client.id).where(Client.uuid == c_uuid))
    assert links(services.db) == [(back, c_uuid, None, None), (back, c_uuid, place.id, p_uuid)]
