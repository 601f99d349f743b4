"""The Wellbeing page says where her wellbeing is kept on a team database, and the screen timer writes to her
own file there, never to the server (services/wellbeing/personal_file.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from nomadcm import paths
from nomadcm.models import Client, ScreenSession, Setting
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.wellbeing.timer import TimerController


def test_on_a_sqlite_file_the_page_says_nothing_about_another_file(  # type: ignore[no-untyped-def]
    qtbot, services, task_runner
) -> None:
    from nomadcm.ui.wellbeing.page import WellbeingPage

    if services.db.path is None:
        pytest.skip("about a SQLite file (the PostgreSQL pass checks the team database below)")
    page = WellbeingPage(services, ChangeBus(), task_runner)
    qtbot.addWidget(page)
    page.show()
    assert not page.private_note.isVisible()


@pytest.mark.postgres_only
def test_on_a_team_database_the_page_names_her_own_file_and_the_timer_writes_there(  # type: ignore[no-untyped-def]
    qtbot, services, task_runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nomadcm.ui.wellbeing.page import WellbeingPage

    own = tmp_path / "own" / "nomadcm.sqlite3"
    monkeypatch.setattr(paths, "default_db_path", lambda: own)
    page = WellbeingPage(services, ChangeBus(), task_runner)
    qtbot.addWidget(page)
    page.show()
    assert page.private_note.isVisible()
    assert page.private_note.text() == f"Kept in your own file on this computer: {own}"

    now = [datetime(2026, 3, 26, 8, 0, tzinfo=UTC)]
    client = services.clients.add_client("Érable Café", "Europe/Paris")
    timer = TimerController(services, None, lambda: now[0])
    timer.start("laptop", client.id)
    with services.personal_db.session() as s:
        assert s.get(Setting, "screen_timers") is not None  # the running timer, in her file
    with services.db.session() as s:
        assert s.get(Setting, "screen_timers") is None
    now[0] += timedelta(minutes=45)
    info = timer.stop("laptop")
    assert info is not None and (info.client_name, info.minutes, info.source) == ("Érable Café", 45, "timer")
    with services.db.session() as s:
        assert s.execute(select(func.count()).select_from(ScreenSession)).scalar_one() == 0
    with services.personal_db.session() as s:
        assert s.execute(select(func.count()).select_from(ScreenSession)).scalar_one() == 1
    assert services.personal_db.path == own


def test_a_running_timer_finds_its_client_by_uuid_in_whichever_database_opens_next(  # type: ignore[no-untyped-def]
    services, tmp_path: Path
) -> None:
    """Her own file keeps the running timers for every database she opens: the client is named by UUID."""
    from nomadcm.services.container import Services
    from nomadcm.storage import open_database

    client = services.clients.add_client("Érable Café", "Europe/Paris")
    now = [datetime(2026, 3, 26, 8, 0, tzinfo=UTC)]
    TimerController(services, None, lambda: now[0]).start("laptop", client.id)
    stored = services.personal_settings.get("screen_timers")
    with services.db.session() as s:
        client_uuid = s.scalar(select(Client.uuid).where(Client.id == client.id))
    assert stored["laptop"]["client_uuid"] == client_uuid
    other = Services(open_database(tmp_path / "other.sqlite3"))
    try:
        other.clients.add_client("Bise Surf", "Europe/Paris")  # takes the id the timer's client had there
        same = other.clients.add_client("Érable Café (copy)", "Europe/Paris")
        with other.db.write() as s:
            s.execute(update(Client).where(Client.id == same.id).values(uuid=client_uuid))
        other.personal_settings.set("screen_timers", stored)
        timer = TimerController(other, None, lambda: now[0])
        assert timer.running()["laptop"][1] == same.id != client.id
        now[0] += timedelta(minutes=30)
        assert timer.stop("laptop").client_name == "Érable Café (copy)"
    finally:
        other.close()
