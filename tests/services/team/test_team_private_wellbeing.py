"""On a team database, wellbeing never reaches the server (issue 13: "Wellbeing, rest and app usage stay
private to each member and never leave their own SQLite file"). Needs a PostgreSQL server.

Each member's own file is a SQLite file under tmp_path (paths.default_db_path moved there): what the CLI and
the services write while on the team database lands in it, the server's wellbeing tables stay empty, and a
second member on the same team database, with her own file, sees none of the first's.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from nomadcm import paths
from nomadcm.models import AppUsage, Client, MemberSetting, RestPeriod, ScreenSession, Setting
from nomadcm.services.container import Services
from nomadcm.services.wellbeing.goals import save_settings_op
from nomadcm.storage import Database, open_database
from tests.cli_runner import Cli

pytestmark = pytest.mark.postgres_only

AW_EXPORT = Path(__file__).parents[2] / "data" / "wellbeing" / "aw-buckets-export-python.json"
TABLES = (ScreenSession, RestPeriod, AppUsage)


def counts(db: Database) -> dict[str, int]:
    with db.session() as s:
        return {m.__tablename__: s.execute(select(func.count()).select_from(m)).scalar_one() for m in TABLES}


def server_settings(db: Database) -> dict[str, str]:
    with db.session() as s:
        return {row.key: row.value for row in s.scalars(select(Setting))}


def own_file(monkeypatch: pytest.MonkeyPatch, folder: Path) -> Path:
    """Her own file from now on: the default local database, moved under tmp_path."""
    path = folder / "nomadcm.sqlite3"
    monkeypatch.setattr(paths, "default_db_path", lambda: path)
    return path


@pytest.fixture
def team(db: Database) -> Iterator[Services]:
    """A team database with a client, Ana (owner) and Bob; the handle acts for Ana."""
    services = Services(db)
    services.clients.add_client("Érable Café", "Europe/Paris")
    services.members.add("Ana", "ana@example.org")
    services.members.use("Ana")
    services.members.add("Bob", "bob@example.org")
    yield services
    services.close()


def test_everything_she_logs_on_a_team_database_stays_in_her_own_file(
    team: Services,
    db_arg: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ana_file = own_file(monkeypatch, tmp_path / "ana")
    assert team.db.path is None and team.personal_file == ana_file
    client_id = team.wellbeing.find_client_id("érable café")
    start = datetime(2026, 3, 26, 7, tzinfo=UTC)
    team.wellbeing.add_screen("laptop", start, start + timedelta(hours=2), tz="UTC", client_id=client_id)
    team.wellbeing.add_rest("sleep", start - timedelta(hours=8), start, tz="UTC")
    # The faces: an ActivityWatch import and a rest period from the CLI, a goal from the settings' save.
    cli = Cli(db_arg, capsys)
    assert "added" in cli.ok("--as", "Ana", "import", "activitywatch", str(AW_EXPORT))
    logged = json.loads(
        cli.ok(
            "--as", "Ana", "log", "rest", "--kind", "break",
            "--from", "2026-03-26 12:00", "--to", "2026-03-26 12:30", "--tz", "UTC", "--json",
        )
    )  # fmt: skip
    assert logged["kind"] == "break"
    assert (
        cli.ok("--as", "Ana", "settings", "set", "screen-limit-day-hours", "6")
        == "screen-limit-day-hours = 6\n"
    )
    assert json.loads(cli.ok("--as", "Ana", "settings", "list", "--json"))["screen_limit_day_hours"] == 6
    save_settings_op(
        team.settings, team.personal_settings, team.settings.home_tz(), {"sleep_goal_hours": 8.0}
    )
    team.personal_settings.set(
        "screen_timers", {"laptop": {"start": "2026-03-26T15:00:00Z", "client_id": None}}
    )

    assert counts(team.db) == {"screen_session": 0, "rest_period": 0, "app_usage": 0}
    assert not {"screen_timers", "sleep_goal_hours", "screen_limit_day_hours"} & set(server_settings(team.db))
    with team.db.session() as s:  # nor as Ana's own settings on the server
        assert not {"screen_timers", "sleep_goal_hours", "screen_limit_day_hours"} & set(
            s.scalars(select(MemberSetting.key))
        )
    assert team.personal_db.path == ana_file and ana_file.is_file()
    assert counts(team.personal_db) == {"screen_session": 4, "rest_period": 2, "app_usage": 4}
    with team.db.session() as s:
        client_uuid = s.scalar(select(Client.uuid).where(Client.id == client_id))
    with team.personal_db.session() as s:
        linked = s.execute(select(ScreenSession.client_id, ScreenSession.client_uuid).where(
            ScreenSession.source == "manual"
        )).all()  # fmt: skip
    assert linked == [(None, client_uuid)]  # the team's client, by UUID only
    # Her view reads it back resolved, and counts it in her hours for the team's client.
    day = team.wellbeing_reports.build(date(2026, 3, 26), date(2026, 3, 26)).days[0]
    assert (
        day.screen_minutes == {"laptop": 120}
        and team.wellbeing_reports.build(date(2026, 3, 26), date(2026, 3, 26)).goals.sleep_hours == 8.0
    )
    [month] = team.billing.month(date(2026, 3, 1))
    assert (month.client_name, month.worked_seconds) == ("Érable Café", 2 * 3600)


def test_a_second_member_on_the_same_team_database_sees_none_of_it(
    team: Services, db_arg: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own_file(monkeypatch, tmp_path / "ana")
    start = datetime(2026, 3, 26, 7, tzinfo=UTC)
    client_id = team.wellbeing.find_client_id("Érable Café")
    team.wellbeing.add_screen("phone", start, start + timedelta(hours=1), tz="UTC", client_id=client_id)
    team.wellbeing.add_rest("sleep", start - timedelta(hours=7), start, tz="UTC")
    bob_file = own_file(monkeypatch, tmp_path / "bob")  # Bob, on his computer
    bob = Services(open_database(db_arg))
    try:
        bob.members.use("Bob")
        assert bob.personal_db.path == bob_file
        week = (start - timedelta(days=3), start + timedelta(days=3))
        assert bob.wellbeing.screens_between(*week) == [] and bob.wellbeing.rests_between(*week) == []
        day = bob.wellbeing_reports.build(date(2026, 3, 26), date(2026, 3, 26)).days[0]
        assert (day.screen_total_minutes, day.sleep_minutes) == (0, 0)
        assert [m.worked_seconds for m in bob.billing.month(date(2026, 3, 1))] == [0]
        # Ana's own view still has them.
        assert [s.client_name for s in team.wellbeing.screens_between(*week)] == ["Érable Café"]
        assert counts(bob.db) == {"screen_session": 0, "rest_period": 0, "app_usage": 0}
    finally:
        bob.close()
    assert counts(team.db)["screen_session"] == 0


def test_the_windows_watcher_sees_another_process_write_her_file(
    team: Services, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A `nomadcm log screen` in a shell writes her own file, not the server: the window's change counter
    (ui/external_changes.py polls it) says so once the file is open, and not for her own writes."""
    path = own_file(monkeypatch, tmp_path / "ana")
    counter = team.change_counter()
    try:
        assert counter.poll() is False
        start = datetime(2027, 3, 1, 9, tzinfo=UTC)
        team.wellbeing.add_screen("laptop", start, start + timedelta(hours=1), tz="UTC")  # opens her file
        assert path.exists()
        counter.poll()  # (her first write there also touched the server: one refresh, whatever it says)
        team.wellbeing.add_screen("phone", start, start + timedelta(minutes=20), tz="UTC")
        assert counter.poll() is False  # her own write, through this window's handle
        other = open_database(path)  # another process: the CLI
        try:
            with other.write() as s:
                s.add(
                    ScreenSession(
                        device="tablet", start_utc=start, end_utc=start + timedelta(minutes=5), tz="UTC"
                    )
                )
        finally:
            other.close()
        assert counter.poll() is True
        assert counter.poll() is False
        assert counter.status().reachable
    finally:
        counter.close()
