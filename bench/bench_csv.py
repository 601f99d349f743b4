"""Benchmark of the native CSV export and import, each printed beside a baseline measured in the same run.

1. `nomadcm --db X export csv -o out.csv` over 10,000 posts (`--posts`), as a whole process (interpreter
   start-up included), against a plain script doing the same work the obvious way: read the same rows
   (stored UTC instant and wall time) with sqlite3, find where the CM is (the itinerary's stretches, handed
   to it as a JSON file made by `Itinerary.segments` before timing), convert the UTC instant to that zone
   with pytz, guard spreadsheet formulas, write them with csv.writer. The two files must be byte-identical.
   They run alternately, `--rounds` (>= 5) times each after one untimed run each (bytecode written once:
   PYTHONDONTWRITEBYTECODE is removed from the children's environment); the load average, medians and the
   ratio are printed. Goal (issue 14): ratio <= 1.3. A process that only imports the stack
   (`import sqlalchemy.orm, pytz`) runs in the same rounds: its ratio is the floor no export can go under.
2. `nomadcm import csv` of that 100,000-row file into a fresh database holding the same clients: time, rows/s.
3. Peak RSS of the export process over 10,000 and over 100,000 posts: the export streams, so its peak
   memory must not grow with the number of posts.

Run:  .venv/bin/python bench/bench_csv.py [--posts 10000] [--rounds 7] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from nomadcm import timezones  # noqa: E402
from nomadcm.models import Channel, Client, Post, Stay, Transit  # noqa: E402
from nomadcm.services.schedule.zone_rule_updates import ensure_instants_current  # noqa: E402
from nomadcm.services.settings import SettingsService  # noqa: E402
from nomadcm.storage import Database  # noqa: E402

HOME_TZ = "Europe/Paris"
CLIENTS = [
    ("Boulangerie Dupont", "Europe/Paris", "FR", ("instagram", "facebook")),
    ("Érablière Tremblay", "America/Toronto", "CA", ("instagram", "x")),
    ("Surf Ericeira", "Europe/Lisbon", "PT", ("instagram",)),
    ("Yoga Bali", "Asia/Makassar", "ID", ("instagram", "tiktok")),
    ("Vanille Tana", "Indian/Antananarivo", "MG", ("facebook",)),
    ("Kiwi Surf", "Pacific/Auckland", "NZ", ("instagram", "linkedin")),
    ("Himalaya Treks", "Asia/Kathmandu", "NP", ("facebook", "blog")),
    ("Terre de Feu", "America/Santiago", "CL", ("instagram",)),
]
# A small itinerary: (city, zone, country, first date, last date); a flight between consecutive stays.
STAYS = [
    ("Lisboa", "Europe/Lisbon", "PT", date(2026, 1, 5), date(2026, 2, 20)),
    ("Montréal", "America/Toronto", "CA", date(2026, 2, 21), date(2026, 4, 30)),
    ("Ubud", "Asia/Makassar", "ID", date(2026, 5, 2), date(2026, 7, 15)),
    ("Antananarivo", "Indian/Antananarivo", "MG", date(2026, 7, 16), date(2026, 9, 30)),
]
WORDS = [
    *[
        "nouveau",
        "menu",
        "d'automne,",
        "venez",
        "goûter",
        "nos",
        "croissants",
        "au",
        "beurre",
        "«",
        "maison",
        "»",
        "ce",
        "week-end",
        "!",
    ],
    *[
        "réservation",
        "conseillée",
        ";",
        "promo",
        "-20",
        "%",
        "sur",
        "les",
        "brioches",
        "☕",
        "#local",
        "#artisan\nhoraires",
    ],
    *["d'été", ":", "7h–19h,", "fermé", "le", "lundi.", "merci", "pour", "votre", "fidélité", "🙏"],
]

BASELINE = r"""
import bisect, csv, json, sqlite3, sys
from datetime import datetime, timezone
import pytz

db_path, out_path, segments_path = sys.argv[1:4]
# Where the CM is: [start, zone] stretches of her itinerary (in a stay, on a flight: the departure's zone)
segments = json.load(open(segments_path, encoding="utf-8"))
starts = [datetime.fromisoformat(s) for s, _z in segments]
zones = [pytz.timezone(z) for _s, z in segments]
names = [z for _s, z in segments]
conn = sqlite3.connect(db_path)
rows = conn.execute(
    "SELECT p.id, c.name, ch.network, ch.handle, p.status, p.tz, p.wall_time, p.utc, p.text, p.link, p.tags "
    "FROM post p JOIN channel ch ON ch.id = p.channel_id JOIN client c ON c.id = ch.client_id "
    "ORDER BY p.utc, p.id"
)
BAD = ("=", "+", "-", "@", "\t", "\r")

def safe(cell):  # the spreadsheet guard (a formula shown as text), as exchange/csv_cells.py
    if cell and (cell[0] in BAD or (cell[0] == "'" and cell.lstrip("'")[:1] in BAD)):
        return "'" + cell
    return cell

with open(out_path, "w", encoding="utf-8", newline="") as out:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["id", "client", "channel", "status", "audience_tz", "audience_time", "utc_time",
                     "cm_tz", "cm_time", "text", "link", "tags"])
    for pid, client, network, handle, status, tz, wall, utc, text, link, tags in rows:
        instant = datetime.fromisoformat(utc).replace(tzinfo=timezone.utc)
        k = bisect.bisect_right(starts, instant) - 1
        local = instant.astimezone(zones[k])
        writer.writerow([pid, safe(client), safe(network + (":" + handle if handle else "")), status, tz,
                         wall[:16], instant.strftime("%Y-%m-%dT%H:%M:%SZ"), names[k],
                         local.strftime("%Y-%m-%d %H:%M"), safe(text), safe(link), safe(tags)])
"""

PEAK_RSS = r"""
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def random_text(rng: random.Random) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 35)))
    if rng.random() < 0.01:
        text = "=" + text  # a few cells the export must neutralise
    return text[:250]


def build_database(path: Path, n_posts: int, seed: int = 42) -> None:
    """Clients, channels, an itinerary and `n_posts` posts, inserted with Core in batches."""
    db = Database.open(path)
    try:
        SettingsService(db).set_home_tz(HOME_TZ)
        channels: list[tuple[int, str, int | None]] = []
        with db.write() as s:
            for name, tz, cc, networks in CLIENTS:
                client = Client(name=name, audience_tz=tz, country=cc)
                s.add(client)
                s.flush()
                for network in networks:
                    ch = Channel(client_id=client.id, network=network, handle="", text_limit=None)
                    s.add(ch)
                    s.flush()
                    channels.append((ch.id, tz, ch.text_limit))
            for k, (city, tz, cc, first, last) in enumerate(STAYS):
                start = timezones.local_midnight(first, tz)
                end = timezones.local_midnight(last + timedelta(days=1), tz)
                s.add(
                    Stay(
                        city=city,
                        country=cc,
                        tz=tz,
                        first_date=first,
                        last_date=last,
                        start_utc=start,
                        end_utc=end,
                    )
                )
                if k + 1 < len(STAYS):
                    nxt_city, nxt_tz, nxt_cc = STAYS[k + 1][:3]
                    depart = end - timedelta(hours=8)
                    arrive = depart + timedelta(hours=14)
                    s.add(
                        Transit(
                            kind="flight",
                            from_place=city,
                            from_country=cc,
                            from_tz=tz,
                            to_place=nxt_city,
                            to_country=nxt_cc,
                            to_tz=nxt_tz,
                            depart_local=timezones.wall_at(depart, tz),
                            arrive_local=timezones.wall_at(arrive, nxt_tz),
                            depart_utc=depart,
                            arrive_utc=arrive,
                            ref=f"TP{k:03d}",
                        )
                    )
        rng = random.Random(seed)
        start = datetime(2025, 10, 1, tzinfo=UTC)
        span = 365 * 24 * 60  # one year of posts, in minutes
        now = timezones.now_utc()
        rows = []
        for _ in range(n_posts):
            channel_id, tz, _limit = rng.choice(channels)
            utc = start + timedelta(minutes=rng.randrange(span // 5) * 5)
            wall = timezones.wall_at(utc, tz)
            fold = 0 if timezones.localize(wall, tz, 0) == utc else 1
            rows.append(
                {
                    "channel_id": channel_id,
                    "text": random_text(rng),
                    "link": "https://exemple.fr/p/" + str(rng.randrange(10**6)) if rng.random() < 0.3 else "",
                    "tags": ",".join(
                        rng.sample(["promo", "local", "été", "recette", "équipe"], rng.randint(0, 3))
                    ),
                    "notes": "",
                    "status": rng.choice(("scheduled", "scheduled", "draft", "published")),
                    "wall_time": wall,
                    "tz": tz,
                    "fold": fold,
                    "utc": utc,
                    "created_at": now,
                    "updated_at": now,
                }
            )
        with db.write_lock, db.engine.begin() as conn:
            for i in range(0, len(rows), 5000):
                conn.execute(insert(Post.__table__), rows[i : i + 5000])
        ensure_instants_current(db)  # what the first start does once; every later start skips it
    finally:
        db.close()


def clone_clients(source: Path, target: Path) -> None:
    """A fresh database with the same clients and channels as `source`, no posts (the import target)."""
    src = Database.open(source)
    dst = Database.open(target)
    try:
        SettingsService(dst).set_home_tz(HOME_TZ)
        ensure_instants_current(dst)
        with src.session() as s:
            clients = [(c.name, c.audience_tz, c.country) for c in s.query(Client).order_by(Client.id)]
            channels = [(ch.client.name, ch.network, ch.handle, ch.text_limit) for ch in s.query(Channel)]
        with dst.write() as s:
            ids = {}
            for name, tz, cc in clients:
                c = Client(name=name, audience_tz=tz, country=cc)
                s.add(c)
                s.flush()
                ids[name] = c.id
            for name, network, handle, limit in channels:
                s.add(Channel(client_id=ids[name], network=network, handle=handle, text_limit=limit))
    finally:
        src.close()
        dst.close()


GOAL = 1.3
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def write_segments(db_path: Path, target: Path) -> None:
    """The CM's itinerary as [start, zone] stretches, for the baseline (the same `where` as the app's)."""
    from nomadcm.services.travel.itinerary import load_itinerary

    db = Database.open(db_path)
    try:
        itinerary = load_itinerary(db)
    finally:
        db.close()
    lo, hi = datetime(1, 1, 2, tzinfo=UTC), datetime(9999, 12, 30, tzinfo=UTC)
    segments = [[seg.start.isoformat(), seg.where.zone] for seg in itinerary.segments(lo, hi)]
    target.write_text(json.dumps(segments), encoding="utf-8")


def timed(cmd: list[str]) -> float:
    t = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=CHILD_ENV)
    elapsed = time.perf_counter() - t
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr}")
    return elapsed


def peak_rss_mb(cmd: list[str]) -> float:
    """Peak resident memory of `cmd`, measured by a fresh parent (RUSAGE_CHILDREN covers only its child)."""
    out = subprocess.run([sys.executable, "-c", PEAK_RSS, *cmd], capture_output=True, text=True, check=True)
    code, kib = out.stdout.split()
    if code != "0":
        raise SystemExit(f"{' '.join(cmd)} failed ({code})")
    return int(kib) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000, help="posts in the database for the memory check")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument(
        "--keep", metavar="DIR", help="work in DIR and keep the files (default: a temp folder)"
    )
    args = parser.parse_args()

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="nomadcm-bench-csv-"))
    work.mkdir(parents=True, exist_ok=True)
    nomadcm = str(Path(sys.executable).parent / "nomadcm")
    big, small = work / f"posts-{args.posts}.sqlite3", work / f"posts-{args.small}.sqlite3"
    baseline = work / "baseline.py"
    baseline.write_text(BASELINE, encoding="utf-8")
    try:
        for path, n in ((big, args.posts), (small, args.small)):
            if not path.exists():
                t = time.perf_counter()
                build_database(path, n)
                print(f"built {path.name}: {n:,} posts in {time.perf_counter() - t:.1f} s")

        out_app, out_base = work / "export.csv", work / "baseline.csv"
        segments = work / "segments.json"
        write_segments(big, segments)
        app_cmd = [nomadcm, "--db", str(big), "export", "csv", "-o", str(out_app)]
        base_cmd = [sys.executable, str(baseline), str(big), str(out_base), str(segments)]
        timed(app_cmd)  # untimed: bytecode written once
        timed(base_cmd)
        if out_app.read_bytes() != out_base.read_bytes():
            raise SystemExit(f"the export and the baseline differ: compare {out_app} and {out_base}")
        # The stack's floor (issue 14's own for CLI commands): a process that only imports what NomadCM is
        # built on, timed in the same rounds. The export cannot go below it.
        floor_cmd = [sys.executable, "-c", "import sqlalchemy.orm, pytz"]
        timed(floor_cmd)
        load_before = os.getloadavg()
        app_times, base_times, floor_times = [], [], []
        for _ in range(max(5, args.rounds)):
            app_times.append(timed(app_cmd))
            base_times.append(timed(base_cmd))
            floor_times.append(timed(floor_cmd))
        app_med, base_med = statistics.median(app_times), statistics.median(base_times)
        floor_med = statistics.median(floor_times)
        with out_app.open(encoding="utf-8", newline="") as f:
            lines = sum(1 for _ in csv.reader(f))
        loads = (f"{', '.join(f'{x:.2f}' for x in load)}" for load in (load_before, os.getloadavg()))
        print(f"load average: before the rounds {next(loads)}; after {next(loads)} ({os.cpu_count()} CPUs)")
        print(f"\n1. export csv of {args.posts:,} posts ({lines - 1:,} rows written, byte-identical), whole "
              f"processes, {len(app_times)} rounds each, alternating")  # fmt: skip
        print(f"   nomadcm export csv : median {app_med:.2f} s  ({', '.join(f'{t:.2f}' for t in app_times)})")
        print(
            f"   baseline script    : median {base_med:.2f} s  ({', '.join(f'{t:.2f}' for t in base_times)})"
        )
        print(
            f"   import sqlalchemy.orm, pytz (no work): median {floor_med:.2f} s  "
            f"({', '.join(f'{t:.2f}' for t in floor_times)}), the stack's floor: "
            f"ratio {floor_med / base_med:.2f} before any work"
        )
        verdict = "OK" if app_med / base_med <= GOAL else "OVER GOAL"
        print(f"   ratio {app_med / base_med:.2f}  (goal <= {GOAL}: {verdict})")

        fresh = work / "import-target.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{fresh}{suffix}").unlink(missing_ok=True)
        clone_clients(big, fresh)
        t_import = timed([nomadcm, "--db", str(fresh), "import", "csv", str(out_app)])
        print(f"\n2. import csv of {lines - 1:,} rows into a fresh database: {t_import:.2f} s "
              f"({(lines - 1) / t_import:,.0f} rows/s, whole process)")  # fmt: skip

        rss_small = peak_rss_mb([nomadcm, "--db", str(small), "export", "csv", "-o", str(work / "small.csv")])
        rss_big = peak_rss_mb([nomadcm, "--db", str(big), "export", "csv", "-o", str(out_app)])
        rss_base = peak_rss_mb([sys.executable, str(baseline), str(big), str(out_base), str(segments)])
        print("\n3. peak RSS of the export process")
        print(f"   {args.small:>7,} posts: {rss_small:6.1f} MB")
        print(
            f"   {args.posts:>7,} posts: {rss_big:6.1f} MB  (x{rss_big / rss_small:.2f} for x{args.posts / args.small:.0f} posts)"
        )
        print(f"   baseline, {args.posts:,} posts: {rss_base:6.1f} MB")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
