"""Benchmark of the workplaces filters, printed beside a baseline measured in the same run.

Filtering 10,000 places by median download speed and "open at" a time (read on each place's own clock).
Target: under 50 ms per filter, once the catalog is loaded (the Workplaces page loads it when it opens and
after each change; every slider move or time change is a filter).

Baselines, doing the same work the plain way:
- "naive in memory": the same rows in memory, but each place's hours parsed and its local time computed
  with pytz for every filter (no parse cache, no per-zone wall time, no shared evaluation);
- "sqlite3 from scratch": medians and filter from the database with the sqlite3 module on every filter
  (SQL for the tests, Python for medians, the parser for the hours).

Run:  .venv/bin/python bench/bench_places.py [--places N] [--repeat R]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import opening_hours  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from nomadcm import timezones  # noqa: E402
from nomadcm.models import SpeedTest, Workplace  # noqa: E402
from nomadcm.services.workplaces.place_catalog import load_catalog  # noqa: E402
from nomadcm.services.workplaces.place_filter import PlaceFilter  # noqa: E402
from nomadcm.storage import Database  # noqa: E402

CITIES = [
    ("Lisbon", "PT", "Europe/Lisbon", 38.72, -9.14),
    ("Paris", "FR", "Europe/Paris", 48.86, 2.35),
    ("Montréal", "CA", "America/Toronto", 45.50, -73.57),
    ("Mexico City", "MX", "America/Mexico_City", 19.43, -99.13),
    ("Ubud", "ID", "Asia/Makassar", -8.51, 115.26),
    ("Chiang Mai", "TH", "Asia/Bangkok", 18.79, 98.98),
    ("Antananarivo", "MG", "Indian/Antananarivo", -18.91, 47.52),
    ("Tbilisi", "GE", "Asia/Tbilisi", 41.72, 44.79),
    ("Medellín", "CO", "America/Bogota", 6.24, -75.58),
    ("Cape Town", "ZA", "Africa/Johannesburg", -33.92, 18.42),
    ("Kathmandu", "NP", "Asia/Kathmandu", 27.72, 85.32),
    ("Sydney", "AU", "Australia/Sydney", -33.87, 151.21),
]
HOURS = [
    "Mo-Fr 08:00-18:00",
    "Mo-Fr 08:00-18:00; Sa 09:00-13:00",
    "Mo-Su 07:00-24:00",
    "Mo-Sa 09:00-20:00; Su 10:00-18:00",
    "Tu-Fr 10:00-22:00; Sa,Su 10:00-17:00; Mo off",
    "Mo-Fr 09:00-19:00; PH off",
    "24/7",
    "Mo-Fr 07:30-19:00; Sa,Su 08:30-19:00",
    "Mo-Th 08:00-23:00; Fr,Sa 08:00-02:00; Su 09:00-22:00",
    "Mo-Fr 08:00-12:00,14:00-19:00",
    "07:00-24:00",
    "Mo-Su 06:00-22:00",
    "lundi-vendredi 9h-18h",  # not understood: never open
    "",
]


def build(db: Database, n: int, rng: random.Random) -> None:
    places, tests = [], []
    now = datetime(2024, 7, 1, tzinfo=UTC)
    for i in range(1, n + 1):
        city, cc, tz, lat, lon = rng.choice(CITIES)
        places.append(
            {
                "id": i,
                "name": f"Place {i}",
                "kind": rng.choice(["cafe", "coworking", "library", "hotel"]),
                "address": "",
                "city": city,
                "country": cc,
                "lat": lat + rng.uniform(-0.05, 0.05),
                "lon": lon + rng.uniform(-0.05, 0.05),
                "tz": tz,
                "ssid": "",
                "wifi_password": "",
                "price": "",
                "opening_hours": rng.choice(HOURS),
                "score_power": rng.randint(0, 5),
                "food": False,
                "notes": "",
                "favourite": False,
                "extra_tags": "",
                "created_at": now,
            }
        )
        for k in range(rng.randint(0, 5)):
            tests.append(
                {
                    "workplace_id": i,
                    "measured_at": now - timedelta(days=k * 7),
                    "down_mbps": rng.lognormvariate(3.3, 0.8),
                    "up_mbps": rng.lognormvariate(2.3, 0.8),
                    "ping_ms": rng.uniform(5, 120),
                    "tool": "other",
                }
            )
    with db.write() as s:
        for start in range(0, len(places), 2000):
            s.execute(insert(Workplace), places[start : start + 2000])
        for start in range(0, len(tests), 5000):
            s.execute(insert(SpeedTest), tests[start : start + 5000])


def timed(fn, repeat: int) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def naive_filter(rows, min_down: float, instant: datetime) -> list[int]:  # type: ignore[no-untyped-def]
    """The plain way over the same rows: parse and localise for every place, every time."""
    out = []
    for pid, tz, hours, down in rows:
        if down is None or down < min_down or not hours:
            continue
        try:
            expr = opening_hours.OpeningHours(hours)
        except opening_hours.ParserError:
            continue
        wall = instant.astimezone(timezones.get_zone(tz)).replace(tzinfo=None)
        if expr.is_open(wall):
            out.append(pid)
    return out


def sqlite_filter(path: Path, min_down: float, instant: datetime) -> list[int]:
    con = sqlite3.connect(path)
    downs: dict[int, list[float]] = {}
    for wid, down in con.execute("SELECT workplace_id, down_mbps FROM speed_test"):
        downs.setdefault(wid, []).append(down)
    rows = [
        (pid, tz, hours, statistics.median(downs[pid]) if pid in downs else None)
        for pid, tz, hours in con.execute("SELECT id, tz, opening_hours FROM workplace")
    ]
    con.close()
    return naive_filter(rows, min_down, instant)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--places", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(42)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        db = Database.open(path)
        build(db, args.places, rng)
        print(f"{args.places} places, Python {sys.version.split()[0]}")

        load_time, catalog = timed(lambda: load_catalog(db), 3)
        print(f"load the catalog (3 Core queries, medians):     {load_time * 1000:8.1f} ms")

        instants = [datetime(2024, 7, 15, h, 30, tzinfo=UTC) for h in (3, 9, 13, 18, 22)]
        filters = [
            PlaceFilter(min_down=float(m), open_at=t)
            for m, t in zip((10, 20, 25, 40, 60), instants, strict=True)
        ]
        cold_t0 = time.perf_counter()
        cold = catalog.filter(filters[0])  # first filter: parses each distinct expression once
        cold_time = time.perf_counter() - cold_t0
        warm_times = []
        results = []
        for _ in range(args.repeat):
            for flt in filters:
                t0 = time.perf_counter()
                results.append(catalog.filter(flt))
                warm_times.append(time.perf_counter() - t0)
        ours = statistics.median(warm_times)
        worst = max(warm_times)
        wall_flt = PlaceFilter(min_down=25.0, open_at=datetime(2024, 7, 15, 10, 0))
        wall_time, _ = timed(lambda: catalog.filter(wall_flt), args.repeat)
        speed_only, _ = timed(lambda: catalog.filter(PlaceFilter(min_down=25.0)), args.repeat)

        rows = [(p.id, p.tz, p.opening_hours, p.down_mbps) for p in catalog.places]
        naive_time, naive_ids = timed(lambda: naive_filter(rows, 10.0, instants[0]), 3)
        sqlite_time, sqlite_ids = timed(lambda: sqlite_filter(path, 10.0, instants[0]), 3)
        assert sorted(p.id for p in cold) == sorted(naive_ids) == sorted(sqlite_ids), "the filters disagree"

        print(
            f"filter speed + open at an instant (first, cold): {cold_time * 1000:8.1f} ms  ({len(cold)} places)"
        )
        print(
            f"filter speed + open at an instant (median):      {ours * 1000:8.1f} ms  (worst {worst * 1000:.1f} ms)"
        )
        print(f"filter speed + open at a wall time (median):     {wall_time * 1000:8.1f} ms")
        print(f"filter speed only (median):                      {speed_only * 1000:8.1f} ms")
        print(
            f"baseline, naive in memory:                       {naive_time * 1000:8.1f} ms  -> x{naive_time / ours:.0f}"
        )
        print(
            f"baseline, sqlite3 from scratch:                  {sqlite_time * 1000:8.1f} ms  -> x{sqlite_time / ours:.0f}"
        )
        verdict = "OK" if ours < 0.050 and worst < 0.050 else "OVER TARGET"
        print(f"target < 50 ms per filter: {verdict}")
        db.close()


if __name__ == "__main__":
    main()
