"""The sample month's client events: a launch and a closure typed by hand per client, and each client's own
calendar (a weekly live with a week skipped and one moved, a press day) read through the real importer."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from nomadcm.services.container import Services
from nomadcm.services.desktop.demo import create_demo_database
from nomadcm.storage import Database

DAY = date(2026, 3, 20)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo-events") / "demo.sqlite3"
    create_demo_database(path, today=DAY)
    return path


@pytest.fixture
def demo(demo_file: Path) -> Iterator[Services]:
    db = Database.open(demo_file)
    yield Services(db)
    db.close()


def test_every_sample_client_has_events_and_a_calendar(demo: Services) -> None:
    clients = demo.clients.list_clients()
    calendars = demo.calendars.list_calendars()
    assert sorted(c.client_name for c in calendars) == sorted(c.name for c in clients)
    for client in clients:
        events = demo.events.list_events(client_id=client.id)
        kinds = {e.kind for e in events}
        assert (
            {"press", "event"} <= kinds
            and kinds & {"launch", "promotion"}
            and kinds & {"closure", "blackout"}
        )
        assert any(e.by_hand for e in events) and any(e.recurring for e in events)


def test_the_weekly_live_skips_a_week_and_moves_another(demo: Services) -> None:
    boreal = next(c for c in demo.clients.list_clients() if c.name == "Atelier Boréal")
    lives = [e for e in demo.events.list_events(client_id=boreal.id) if e.title.startswith("Live")]
    assert len(lives) == 11  # 12 weeks, one skipped
    moved = [e for e in lives if e.title.endswith("(décalé)")]
    assert len(moved) == 1 and moved[0].start_wall.weekday() == 4  # Thursday's live moved to the Friday
    usual = [e for e in lives if e not in moved]
    assert {(e.start_wall.weekday(), e.start_wall.hour) for e in usual} == {
        (3, 19)
    }  # 19:00 Montréal every week
    assert {e.tz for e in lives} == {"America/Toronto"}  # across Montréal's DST change on 8 March


def test_the_conflicts_have_something_to_show(demo: Services) -> None:
    gaps = demo.launch_check.gaps()
    assert [g.event.title for g in gaps] == ["Lancement de la collection Hiver boréal"]
    assert gaps[0].event.first_date == DAY + timedelta(days=22)
