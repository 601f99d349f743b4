"""The sample month: built through the real services, in its own file, the same for the same day."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from nomadcm import paths, timezones
from nomadcm.cli import main
from nomadcm.errors import UserError
from nomadcm.services.container import Services
from nomadcm.services.desktop import demo as demo_module
from nomadcm.services.desktop.demo import create_demo_database
from nomadcm.services.schedule.query import ScheduleFilter
from nomadcm.storage import Database

DAY = date(2026, 3, 20)  # the month crosses both DST changes (Montréal on 8 March, Paris on 29 March)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    create_demo_database(path, today=DAY)
    return path


@pytest.fixture
def demo(demo_file: Path):  # type: ignore[no-untyped-def]
    db = Database.open(demo_file)
    yield Services(db)
    db.close()


def timezones_day(day: date, hour: int) -> datetime:
    """A naive wall time: `day` at `hour`:00."""
    return datetime.combine(day, time(hour))


def all_rows(services: Services) -> list:  # type: ignore[type-arg]
    query = services.schedule(ScheduleFilter())
    rows, after = [], None
    while True:
        page = query.rows(after=after, limit=50)
        if not page:
            assert query.count() == len(rows)  # the count is the rows the listing shows
            return rows
        rows.extend(page)
        after = page[-1].key


def test_three_clients_in_their_cities(demo: Services) -> None:
    clients = {c.name: c for c in demo.clients.list_clients()}
    assert {c.audience_tz for c in clients.values()} == {
        "Europe/Paris",
        "America/Toronto",
        "Indian/Antananarivo",
    }
    assert {c.country for c in clients.values()} == {"FR", "CA", "MG"}
    for client in clients.values():
        assert len(demo.clients.list_channels(client.id)) >= 2
    assert demo.settings.get("demo_data") is True
    assert demo.settings.home_tz() == "Europe/Paris"


def test_about_sixty_posts_with_series_published_before_now(demo: Services) -> None:
    rows = all_rows(demo)
    assert 55 <= len(rows) <= 70
    series = {r.post_id for r in rows if r.series_wall is not None}
    assert len(series) == 3
    assert sum(1 for r in rows if r.series_wall is not None) >= 12  # weekly, over the month
    now = timezones.localize(timezones_day(DAY, 12), "Europe/Paris")
    single = [r for r in rows if r.series_wall is None]
    assert all(r.status == "published" for r in rows if r.utc <= now)  # series' past occurrences too
    assert {r.status for r in single if r.utc > now} == {"scheduled", "draft"}
    assert demo.reminders.missed(now, days=60) == []  # nothing nags at the first start
    texts = " ".join(r.text for r in rows)
    assert "Montréal" in texts and "Madagascar" in texts and "fournil" in texts  # French, and real-sounding
    for r in rows:  # every text fits its channel
        limit = demo.clients.get_channel(r.channel_id).text_limit
        assert limit is None or len(r.text) <= limit


def test_trip_with_a_flight_paris_montreal(demo: Services) -> None:
    transits = demo.trips.list_transits()
    out = next(t for t in transits if t.from_tz == "Europe/Paris")
    assert (out.kind, out.to_place, out.to_tz) == ("flight", "Montréal", "America/Toronto")
    assert timedelta(hours=6) < out.duration < timedelta(hours=9)
    itinerary = demo.itinerary()
    assert itinerary.zone_at(out.arrive_utc + timedelta(days=2)) == "America/Toronto"
    assert itinerary.zone_at(out.depart_utc - timedelta(days=2)) == "Europe/Paris"
    assert demo.trips.warnings() == []  # a clean itinerary: no gaps, no overlaps


def test_workplaces_with_speed_tests_and_work_sessions(demo: Services) -> None:
    places = demo.workplaces.list_places()
    assert {p.city for p in places} >= {"Paris", "Montréal"}
    tests = [t for p in places for t in demo.workplaces.speed_tests(p.id)]
    assert len(tests) >= 15
    now = timezones.localize(timezones_day(DAY, 12), "Europe/Paris")
    assert all(t.measured_at < now for t in tests)
    assert sum(len(demo.workplaces.work_sessions(p.id)) for p in places) >= 5


def test_screen_time_and_sleep_in_the_past(demo: Services) -> None:
    start = timezones.localize(timezones_day(DAY - timedelta(days=30), 0), "Europe/Paris")
    end = timezones.localize(timezones_day(DAY + timedelta(days=30), 0), "Europe/Paris")
    screens = demo.wellbeing.screens_between(start, end)
    rests = demo.wellbeing.rests_between(start, end)
    now = timezones.localize(timezones_day(DAY, 12), "Europe/Paris")
    assert len(screens) >= 40 and all(s.end <= now for s in screens)
    sleeps = [r for r in rests if r.kind == "sleep"]
    assert len(sleeps) >= 18
    # Nights in Montréal are stored with Montréal's zone, taken from the itinerary.
    assert {r.tz for r in sleeps} == {"Europe/Paris", "America/Toronto"}
    assert all(timedelta(hours=5) < r.end - r.start < timedelta(hours=10) for r in sleeps)


def test_same_day_same_month(tmp_path: Path, demo_file: Path) -> None:
    again = tmp_path / "again.sqlite3"
    create_demo_database(again, today=DAY)

    def dump(path: Path) -> list[tuple]:  # type: ignore[type-arg]
        with sqlite3.connect(path) as conn:
            return (
                conn.execute(
                    "SELECT p.wall_time, p.tz, p.status, p.text FROM post p ORDER BY p.id"
                ).fetchall()
                + conn.execute("SELECT start_utc, end_utc, device FROM screen_session ORDER BY id").fetchall()
            )

    assert dump(again) == dump(demo_file)


def test_refuses_to_overwrite_and_future_days(tmp_path: Path) -> None:
    existing = tmp_path / "mine.sqlite3"
    existing.write_bytes(b"precious")
    with pytest.raises(UserError, match="already exists"):
        create_demo_database(existing, today=DAY)
    assert existing.read_bytes() == b"precious"
    with pytest.raises(UserError, match="has passed"):
        create_demo_database(tmp_path / "new.sqlite3", today=date.today() + timedelta(days=2))
    assert not (tmp_path / "new.sqlite3").exists()


def test_a_failure_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(demo_module, "_wellbeing", broken)
    target = tmp_path / "demo.sqlite3"
    with pytest.raises(RuntimeError):
        create_demo_database(target, today=DAY)
    assert list(tmp_path.iterdir()) == []


def test_replace_and_progress(tmp_path: Path) -> None:
    target = tmp_path / "demo.sqlite3"
    create_demo_database(target, today=DAY)
    steps: list[tuple[int, int]] = []
    summary = create_demo_database(
        target, today=DAY, replace=True, progress=lambda d, n: steps.append((d, n))
    )
    assert steps[-1][0] == steps[-1][1] and len(steps) == steps[-1][1]
    assert summary.clients == 3 and summary.transits == 2
    db = Database.open(target)
    try:
        assert len(Services(db).clients.list_clients()) == 3  # replaced, not added to
    finally:
        db.close()


@pytest.mark.sqlite_only  # checks that the main database FILE ($NOMADCM_DB) stays untouched
def test_cli_writes_the_demo_file_not_the_main_database(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "create", "--today", DAY.isoformat()]) == 0
    out = capsys.readouterr().out
    assert str(paths.demo_db_path()) in out and "3 clients" in out
    assert paths.demo_db_path().is_file()
    assert not paths.resolve_db_path().exists()  # $NOMADCM_DB untouched
    assert main(["demo", "create"]) == 2  # exists: refused, one line
    assert "already exists" in capsys.readouterr().err
