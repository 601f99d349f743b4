"""Wellbeing benchmarks, each printed with a baseline measured in the same run.

1. Importing an ActivityWatch export of 1,000,000 events (a year and more of afk + window events) against
   a plain `json.load` + sqlite3 `executemany` of the same rows into the same tables (goal: <= 2x).
2. A year's report (day splitting, unions, goals) on a year of data (goal: < 0.2 s); baseline: one SQL
   GROUP BY summing durations per UTC date (what a naive report would do, without zones or unions).
3. Rendering the year chart (goal: < 0.5 s); baseline: rendering an empty figure of the same size.

Run: .venv/bin/python bench/bench_wellbeing.py [--events N]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nomadcm.storage import Database

APPS = [
    ("firefox", "Instagram — Boulangerie Dupont"),
    ("Code", "planning.md"),
    ("chromium", "Canva — visuels"),
    ("Slack", "#dupont-team"),
    ("thunderbird", "Inbox"),
    ("firefox", "Meta Business Suite"),
    ("vlc", ""),
]


def make_export(path: Path, events: int, seed: int = 7) -> None:
    """afk events (~1 in 12) and window events (~11 in 12), as aw-server (Python) exports them."""
    rng = random.Random(seed)
    host = "lina-thinkpad"
    afk: list[dict] = []
    win: list[dict] = []
    t = datetime(2026, 1, 1, 7, tzinfo=UTC)
    while len(afk) + len(win) < events:
        active = rng.randint(600, 3600)
        afk.append({"timestamp": t.isoformat(), "duration": float(active), "data": {"status": "not-afk"}})
        w = t
        end = t + timedelta(seconds=active)
        while w < end and len(afk) + len(win) < events:
            d = min(rng.uniform(2, 60), (end - w).total_seconds())
            app, title = rng.choice(APPS)
            win.append(
                {"timestamp": w.isoformat(), "duration": round(d, 3), "data": {"app": app, "title": title}}
            )
            w += timedelta(seconds=d)
        idle = rng.choice([300, 900, 1800, 3600 * 9])
        afk.append({"timestamp": end.isoformat(), "duration": float(idle), "data": {"status": "afk"}})
        t = end + timedelta(seconds=idle)
    meta = {"created": "2026-01-01T00:00:00+00:00", "name": None, "hostname": host, "data": {}}
    export = {
        "buckets": {
            f"aw-watcher-afk_{host}": {
                "id": f"aw-watcher-afk_{host}",
                "type": "afkstatus",
                "client": "aw-watcher-afk",
                **meta,
                "events": afk,
            },
            f"aw-watcher-window_{host}": {
                "id": f"aw-watcher-window_{host}",
                "type": "currentwindow",
                "client": "aw-watcher-window",
                **meta,
                "events": win,
            },
        }
    }
    with path.open("w") as fh:
        json.dump(export, fh)


def baseline_import(path: Path, db_path: Path) -> float:
    """json.load + executemany of one row per event into the same tables, nothing else."""
    Database.open(db_path).close()  # same schema and indexes
    t0 = time.perf_counter()
    with path.open("rb") as fh:
        data = json.load(fh)
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("BEGIN")
    for bid, bucket in data["buckets"].items():
        if bucket["type"] == "currentwindow":
            conn.executemany(
                "INSERT INTO app_usage (app, title, start_utc, end_utc, device, source, source_id) "
                "VALUES (?, ?, ?, ?, 'laptop', 'activitywatch', ?)",
                [
                    (
                        e["data"]["app"],
                        e["data"]["title"],
                        e["timestamp"],
                        e["timestamp"],
                        f"{bid}@{e['timestamp']}",
                    )
                    for e in bucket["events"]
                ],
            )
        else:
            conn.executemany(
                "INSERT INTO screen_session (device, start_utc, end_utc, tz, activity, source, source_id) "
                "VALUES ('laptop', ?, ?, 'Europe/Paris', '', 'activitywatch', ?)",
                [(e["timestamp"], e["timestamp"] + "x", f"{bid}@{e['timestamp']}") for e in bucket["events"]],
            )
    conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - t0


def our_import(path: Path, db_path: Path) -> tuple[float, str]:
    from nomadcm.exchange import activitywatch

    db = Database.open(db_path)
    t0 = time.perf_counter()
    result = activitywatch.import_file(db, path)
    elapsed = time.perf_counter() - t0
    db.close()
    return elapsed, str(result)


def year_of_data(db: Database) -> None:
    """A CM's year: laptop stretches (ActivityWatch-like), phone, sleep, breaks, a few trips."""
    from nomadcm.models import RestPeriod, ScreenSession, Stay

    rng = random.Random(3)
    screens, rests = [], []
    with db.write() as s:
        for month, (city, tz) in enumerate(
            [
                ("Paris", "Europe/Paris"),
                ("Lisboa", "Europe/Lisbon"),
                ("Montréal", "America/Toronto"),
                ("Bangkok", "Asia/Bangkok"),
            ]
            * 3
        ):
            first = date(2027, month + 1, 1)
            last = (date(2027, month + 2, 1) if month < 11 else date(2028, 1, 1)) - timedelta(days=1)
            from nomadcm.services.travel.trip_records import stay_span

            a, b = stay_span(tz, first, last)
            s.add(Stay(city=city, tz=tz, first_date=first, last_date=last, start_utc=a, end_utc=b, notes=""))
    day0 = datetime(2027, 1, 1, 6, tzinfo=UTC)
    for k in range(365):
        t = day0 + timedelta(days=k)
        for _ in range(30):
            t += timedelta(minutes=rng.randint(2, 20))
            d = timedelta(minutes=rng.randint(3, 25))
            screens.append(
                {
                    "device": "laptop",
                    "start_utc": t,
                    "end_utc": t + d,
                    "tz": "UTC",
                    "activity": "",
                    "source": "activitywatch",
                    "source_id": f"h@{t.isoformat()}",
                }
            )
            t += d
        for _ in range(8):
            p = day0 + timedelta(days=k, hours=rng.randint(0, 16), minutes=rng.randint(0, 59))
            screens.append(
                {
                    "device": "phone",
                    "start_utc": p,
                    "end_utc": p + timedelta(minutes=rng.randint(2, 30)),
                    "tz": "UTC",
                    "activity": "",
                    "source": "manual",
                    "source_id": None,
                }
            )
        night = day0 + timedelta(days=k, hours=16, minutes=rng.randint(0, 120))
        rests.append(
            {
                "kind": "sleep",
                "start_utc": night,
                "end_utc": night + timedelta(minutes=rng.randint(330, 540)),
                "tz": "UTC",
                "quality": rng.randint(1, 5),
                "note": "",
                "source": "sleep_as_android",
                "source_id": str(k),
            }
        )
        for _ in range(3):
            b = day0 + timedelta(days=k, hours=rng.randint(2, 10))
            rests.append(
                {
                    "kind": "break",
                    "start_utc": b,
                    "end_utc": b + timedelta(minutes=10),
                    "tz": "UTC",
                    "quality": None,
                    "note": "",
                    "source": "timer",
                    "source_id": None,
                }
            )
    from sqlalchemy import insert

    with db.write() as s:
        s.execute(insert(ScreenSession), screens)
        s.execute(insert(RestPeriod), rests)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        export = folder / "aw-export.json"
        make_export(export, args.events)
        size = export.stat().st_size / 1e6
        base = baseline_import(export, folder / "baseline.sqlite3")
        ours, summary = our_import(export, folder / "ours.sqlite3")
        print(
            f"ActivityWatch import, {args.events:,} events ({size:.0f} MB): {ours:.2f} s; "
            f"baseline json.load + executemany {base:.2f} s; ratio {ours / base:.2f}x (goal <= 2x)"
        )
        print(f"  {summary}")

        from nomadcm.services.wellbeing.wellbeing_report import build_report

        db = Database.open(folder / "year.sqlite3")
        year_of_data(db)
        build_report(db, date(2027, 1, 1), date(2027, 12, 31))  # warm caches (zone tables)
        runs = []
        for _ in range(5):
            t0 = time.perf_counter()
            report = build_report(db, date(2027, 1, 1), date(2027, 12, 31))
            runs.append(time.perf_counter() - t0)
        conn = sqlite3.connect(folder / "year.sqlite3")
        base_runs = []
        for _ in range(5):
            t0 = time.perf_counter()
            conn.execute(
                "SELECT date(start_utc), device, sum((julianday(end_utc) - julianday(start_utc)) * 86400) "
                "FROM screen_session GROUP BY 1, 2"
            ).fetchall()
            conn.execute(
                "SELECT date(end_utc), kind, sum((julianday(end_utc) - julianday(start_utc)) * 86400) "
                "FROM rest_period GROUP BY 1, 2"
            ).fetchall()
            base_runs.append(time.perf_counter() - t0)
        conn.close()
        with db.session() as s:
            from sqlalchemy import func, select

            from nomadcm.models import ScreenSession

            rows = s.execute(select(func.count()).select_from(ScreenSession)).scalar_one()
        ours_r, base_r = min(runs), min(base_runs)
        print(
            f"Year report, {rows:,} screen sessions, 365 days, 12 stays in 4 zones: {ours_r * 1000:.0f} ms "
            f"(goal < 200 ms); baseline SQL GROUP BY per UTC date {base_r * 1000:.0f} ms; ratio {ours_r / base_r:.1f}x"
        )

        from matplotlib.backends.backend_agg import FigureCanvasAgg

        from nomadcm.exchange.wellbeing_chart import draw, new_figure

        def render(fill: bool) -> float:
            fig = new_figure()
            canvas = FigureCanvasAgg(fig)
            t0 = time.perf_counter()
            if fill:
                draw(fig, report, "daily")
            else:
                fig.add_subplot()
            canvas.draw()
            return time.perf_counter() - t0

        render(True)  # first use loads fonts
        chart = min(render(True) for _ in range(3))
        empty = min(render(False) for _ in range(3))
        print(
            f"Year chart render (daily view, 365 days): {chart * 1000:.0f} ms (goal < 500 ms); "
            f"baseline empty figure {empty * 1000:.0f} ms; ratio {chart / empty:.1f}x"
        )
        db.close()


if __name__ == "__main__":
    main()
