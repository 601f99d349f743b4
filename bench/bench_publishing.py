"""Publishing benchmarks (not timed tests): the month view with 5,000 posts, a year of daily recurrences.

Targets from issue 4: the month view with 5,000 posts in the month renders in under 0.2 s; expanding a
year of daily recurrences for 200 posts takes under 0.5 s. Each figure is printed with a baseline measured
in the same run:
- month view: a plain sqlite3 read of the same 5,000 rows (the floor any view pays);
- recurrences: python-dateutil alone generating the same wall times (no zone conversion), and the naive
  way of converting each one with the stdlib's zoneinfo.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_publishing.py
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ZONES = ["Europe/Paris", "America/Toronto", "Australia/Sydney", "Asia/Kolkata", "America/Sao_Paulo"]
RUNS = 5


def best(fn, runs: int = RUNS) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def seed_month(db, count: int = 5000) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import insert

    from nomadcm import timezones
    from nomadcm.models import Post, utcnow
    from nomadcm.services.schedule.clients import ClientService

    clients = ClientService(db)
    channels = []
    for i, zone in enumerate(ZONES):
        c = clients.add_client(f"Client {i}", zone)
        channels.append((clients.add_channel(c.id, "instagram").id, zone))
    rows = []
    now = utcnow()
    start = datetime(2026, 3, 1, 7)
    for i in range(count):
        channel_id, zone = channels[i % len(channels)]
        wall = start + timedelta(minutes=(i * 517) % (30 * 24 * 60 - 24 * 60))
        instant, _gap = timezones.localize_shifting_gaps(wall, zone)
        rows.append(
            {
                "channel_id": channel_id,
                "text": f"Post n°{i}\nsecond line",
                "link": "",
                "tags": "",
                "notes": "",
                "status": "scheduled",
                "wall_time": timezones.wall_at(instant, zone),
                "tz": zone,
                "fold": 0,
                "utc": instant,
                "created_at": now,
                "updated_at": now,
            }
        )
    with db.write() as s:
        s.execute(insert(Post.__table__), rows)


def bench_month_view(folder: Path) -> tuple[float, float]:
    from PySide6.QtWidgets import QApplication

    from nomadcm.services.container import Services
    from nomadcm.storage import Database
    from nomadcm.ui.calendar.page import CalendarPage
    from nomadcm.ui.changes import ChangeBus
    from nomadcm.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    path = folder / "month.sqlite3"
    db = Database.open(path)
    seed_month(db)
    services = Services(db)
    tasks = TaskRunner()  # the page's import dialog would run on it; unused here
    page = CalendarPage(services, ChangeBus(), tasks)
    page.resize(1280, 800)
    page.lens.setCurrentIndex(page.lens.findData("Europe/Paris"))
    page.show_date(date(2026, 3, 15), "month")
    page.show()
    app.processEvents()
    assert len(page.items) >= 4900, len(page.items)

    def render() -> None:
        page.reload()
        page.month_view.grab()  # paints the whole grid into a pixmap

    view = best(render)
    start = datetime(2026, 2, 23).isoformat(" ")
    end = datetime(2026, 4, 6).isoformat(" ")

    def baseline() -> None:
        con = sqlite3.connect(path)
        con.execute(
            "SELECT id, utc, wall_time, tz, status, text FROM post WHERE utc >= ? AND utc < ? ORDER BY utc",
            (start, end),
        ).fetchall()
        con.close()

    base = best(baseline)
    page.close()
    tasks.shutdown()
    db.close()
    return view, base


def bench_expansion() -> tuple[float, float, float, int]:
    from dateutil import rrule as du

    from nomadcm.services.schedule.recurrence_rule import RecurrenceRule
    from nomadcm.services.schedule.series import Series

    start = datetime(2026, 1, 1, tzinfo=UTC)
    end = datetime(2027, 1, 1, tzinfo=UTC)
    rule = RecurrenceRule.parse("FREQ=DAILY")
    series = []
    for i in range(200):
        zone = ZONES[i % len(ZONES)]
        dtstart = datetime(2026, 1, 1, 6 + i % 14, (i * 7) % 60)
        series.append(
            Series(i + 1, rule, dtstart, zone, 0, "scheduled", "x", "", "", 1, 1, "c", "#000", "x", "", start)
        )
    total = 0

    def expand_all() -> None:
        nonlocal total
        total = sum(sum(1 for _ in s.occurrences(start, end)) for s in series)

    ours = best(expand_all, 3)

    def dateutil_only() -> None:
        for s in series:
            for _ in du.rrule(du.DAILY, dtstart=s.dtstart, until=datetime(2026, 12, 31, 23, 59)):
                pass

    plain = best(dateutil_only, 3)

    def naive_zoneinfo() -> None:
        for s in series:
            tz = ZoneInfo(s.tz)
            for wall in du.rrule(du.DAILY, dtstart=s.dtstart, until=datetime(2026, 12, 31, 23, 59)):
                wall.replace(tzinfo=tz).astimezone(UTC)  # no gap/fold handling, no flags

    naive = best(naive_zoneinfo, 3)
    return ours, plain, naive, total


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        view, base = bench_month_view(Path(tmp))
    print(
        f"month view, 5,000 posts: {view * 1000:.0f} ms (target < 200 ms); "
        f"plain sqlite3 read of the rows: {base * 1000:.1f} ms; ratio {view / base:.1f}x"
    )
    ours, plain, naive, total = bench_expansion()
    print(
        f"a year of daily recurrences for 200 posts ({total:,} occurrences): {ours * 1000:.0f} ms "
        f"(target < 500 ms); dateutil alone: {plain * 1000:.0f} ms (ratio {ours / plain:.2f}x); "
        f"dateutil + naive zoneinfo: {naive * 1000:.0f} ms (ratio {ours / naive:.2f}x)"
    )
    ok = view < 0.2 and ours < 0.5
    print("targets met" if ok else "TARGET MISSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
