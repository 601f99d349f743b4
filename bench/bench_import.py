"""Benchmark of `nomadcm import csv` (the native CSV) against a plain script doing the same work, and of its
memory as the file grows.

1. Time: `nomadcm --db X import csv F` of a `--rows` file (100,000 by default) into a fresh database holding
   the file's clients and channels, as a whole process, against a baseline script that does the same work the
   obvious way — csv.reader, the channel found by name, the wall time read with `fromisoformat` and turned into
   an instant with zoneinfo (the file's utc_time picking the occurrence of a doubled hour), a UUIDv7 per row
   as every post carries (issue 13), one executemany in one transaction. The two run alternately, `--rounds`
   times each (a warm-up run of each first, so that bytecode is compiled once: PYTHONDONTWRITEBYTECODE is
   unset for every run); both databases are then compared row for row (the UUIDs, random, by kind: one v7
   per row, all distinct). Goal (issue 14): ratio <= 1.15.
2. Memory and time as the file grows: peak RSS and time of the import of `--rows` and of `--big` rows (1,000,000
   by default; `--big 0` skips it). Goal: < 150 MB at 1,000,000 rows, time growing linearly.

Run:  .venv/bin/python bench/bench_import.py [--rows 100000] [--big 1000000] [--big-baseline] [--rounds 5] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOAL_RATIO = 1.15
GOAL_BIG_MB = 150
CLIENTS = [
    ("Boulangerie Dupont", "Europe/Paris", ("instagram", "facebook")),
    ("Érablière Tremblay", "America/Toronto", ("instagram", "x")),
    ("Surf Ericeira", "Europe/Lisbon", ("instagram",)),
    ("Yoga Bali", "Asia/Makassar", ("instagram", "tiktok")),
    ("Kiwi Surf", "Pacific/Auckland", ("instagram", "linkedin")),
    ("Himalaya Treks", "Asia/Kathmandu", ("facebook", "blog")),
    ("Terre de Feu", "America/Santiago", ("instagram",)),
]
WORDS = ("nouveau", "menu", "d'automne", "venez", "goûter", "nos", "croissants", "au", "beurre", "«", "maison",
         "»", "ce", "week-end", "!", "☕", "#local")  # fmt: skip
HEADER = ["id", "client", "channel", "status", "audience_tz", "audience_time", "utc_time", "cm_tz", "cm_time",
          "text", "link", "tags"]  # fmt: skip
COMPARED = "channel_id, text, link, tags, notes, status, wall_time, tz, fold, utc, rrule"

BASELINE = r"""
import csv, os, sqlite3, sys, time, uuid
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

def uuid7():  # RFC 9562's layout (Python 3.11 has no uuid.uuid7): ms, version 7, random, variant
    rand = int.from_bytes(os.urandom(10), "big")
    value = (time.time_ns() // 1_000_000) << 80 | 7 << 76 | (rand >> 68 & 0xFFF) << 64 | 2 << 62
    return str(uuid.UUID(int=value | rand & ((1 << 62) - 1)))

db_path, csv_path = sys.argv[1:3]
conn = sqlite3.connect(db_path, isolation_level=None)
conn.execute("PRAGMA journal_mode=WAL")
conn.execute("PRAGMA synchronous=FULL")
conn.execute("PRAGMA foreign_keys=ON")
channels = {
    (client, network): cid
    for cid, client, network in conn.execute(
        "SELECT ch.id, c.name, ch.network FROM channel ch JOIN client c ON c.id = ch.client_id ORDER BY ch.id"
    )
}
zones = {}
now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")
rows = []
with open(csv_path, encoding="utf-8", newline="") as f:
    reader = csv.reader(f)
    header = next(reader)
    at = {name: i for i, name in enumerate(header)}
    for cells in reader:
        tz = cells[at["audience_tz"]]
        zone = zones.get(tz) or zones.setdefault(tz, ZoneInfo(tz))
        wall = datetime.fromisoformat(cells[at["audience_time"]])
        hint = cells[at["utc_time"]]
        fold = 0
        utc = wall.replace(tzinfo=zone).astimezone(timezone.utc)
        if hint and utc.strftime("%Y-%m-%dT%H:%M:%SZ") != hint:
            other = wall.replace(tzinfo=zone, fold=1).astimezone(timezone.utc)
            if other.strftime("%Y-%m-%dT%H:%M:%SZ") == hint:
                fold, utc = 1, other
        rows.append((
            channels[(cells[at["client"]], cells[at["channel"]])], cells[at["text"]], cells[at["link"]],
            cells[at["tags"]], "", cells[at["status"]], wall.strftime("%Y-%m-%d %H:%M:%S.%f"), tz, fold,
            utc.strftime("%Y-%m-%d %H:%M:%S.%f"), now, now, uuid7(),
        ))
conn.execute("BEGIN IMMEDIATE")
conn.executemany(
    "INSERT INTO post (channel_id, text, link, tags, notes, status, wall_time, tz, fold, utc, created_at, "
    "updated_at, uuid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    rows,
)
conn.execute("COMMIT")
"""

PEAK_RSS = r"""
import resource, subprocess, sys, time
t = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.perf_counter() - t)
"""


def write_csv(path: Path, rows: int, seed: int = 7) -> None:
    """A native CSV as `nomadcm export csv` writes it: a post every few minutes over two years, in the
    clients' zones (doubled hours included: utc_time says which one), texts of a few words."""
    rng = random.Random(seed)
    channels = [(name, tz, network) for name, tz, networks in CLIENTS for network in networks]
    start = datetime(2026, 1, 1, tzinfo=UTC)
    home = ZoneInfo("Europe/Paris")
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(HEADER)
        for i in range(rows):
            name, tz, network = rng.choice(channels)
            utc = start + timedelta(minutes=rng.randrange(2 * 365 * 24 * 12) * 5)
            wall = utc.astimezone(ZoneInfo(tz))
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 30)))
            link = f"https://exemple.fr/p/{rng.randrange(10**6)}" if rng.random() < 0.3 else ""
            tags = ",".join(rng.sample(["promo", "local", "été", "recette"], rng.randint(0, 3)))
            status = rng.choice(("scheduled", "scheduled", "draft", "published"))
            writer.writerow([
                i + 1, name, network, status, tz, f"{wall:%Y-%m-%d %H:%M}", f"{utc:%Y-%m-%dT%H:%M:%SZ}",
                "Europe/Paris", f"{utc.astimezone(home):%Y-%m-%d %H:%M}", text, link, tags,
            ])  # fmt: skip


def build_target(path: Path) -> None:
    """An empty database holding the file's clients and channels (each import gets a fresh copy)."""
    from nomadcm.services.container import Services
    from nomadcm.storage import Database

    db = Database.open(path, daily_backup=False)
    try:
        services = Services(db)
        services.settings.set_home_tz("Europe/Paris")
        for name, tz, networks in CLIENTS:
            client = services.clients.add_client(name, tz)
            for network in networks:
                services.clients.add_channel(client.id, network)
    finally:
        db.close()


def fresh_copy(template: Path, target: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(template, target)


def env() -> dict[str, str]:
    out = dict(os.environ)
    out.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode compiled once (the warm-up), read by every timed run
    return out


def timed(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + system) of `cmd`. The CPU time says less about a loaded machine's
    other work than the wall time: both are printed, the goal is judged on the wall time."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env(), cwd=ROOT)
    elapsed = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr}")
    return elapsed, (after.ru_utime - used.ru_utime) + (after.ru_stime - used.ru_stime)


def peak(cmd: list[str]) -> tuple[float, float]:
    """(peak RSS in MB, seconds) of `cmd`, measured by a fresh parent."""
    out = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, *cmd], capture_output=True, text=True, env=env(), cwd=ROOT
    )
    code, kib, seconds = out.stdout.split()
    if code != "0":
        raise SystemExit(f"{' '.join(cmd)} failed ({code})")
    return int(kib) / 1024, float(seconds)


def stored_rows(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT {COMPARED} FROM post ORDER BY id").fetchall()


def uuids_of_every_row(path: Path) -> bool:
    """Whether every post has a UUIDv7 of its own (random, so compared by kind rather than by value)."""
    with sqlite3.connect(path) as conn:
        texts = [u for (u,) in conn.execute("SELECT uuid FROM post")]
    return len(set(texts)) == len(texts) and all(u and uuid.UUID(u).version == 7 for u in texts)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--big", type=int, default=1_000_000, help="rows of the memory check (0: skip)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--big-baseline",
        action="store_true",
        help="also time the baseline on the --big file (a minute more; `make bench` leaves it out)",
    )
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep the files")
    args = parser.parse_args()

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="nomadcm-bench-import-"))
    work.mkdir(parents=True, exist_ok=True)
    nomadcm = [sys.executable, "-m", "nomadcm"]  # this tree's NomadCM (subprocesses run in ROOT)
    template, app_db, base_db = work / "template.sqlite3", work / "app.sqlite3", work / "base.sqlite3"
    source, baseline = work / f"posts-{args.rows}.csv", work / "baseline.py"
    baseline.write_text(BASELINE, encoding="utf-8")
    try:
        if not source.exists():
            write_csv(source, args.rows)
        if not template.exists():
            build_target(template)
        app_cmd = [*nomadcm, "--db", str(app_db), "import", "csv", str(source)]
        base_cmd = [sys.executable, str(baseline), str(base_db), str(source)]
        app_times: list[float] = []
        base_times: list[float] = []
        app_cpu: list[float] = []
        base_cpu: list[float] = []
        loads: list[float] = []
        for round_ in range(args.rounds + 1):  # round 0 is the warm-up: not counted
            fresh_copy(template, app_db)
            app = timed(app_cmd)
            fresh_copy(template, base_db)
            base = timed(base_cmd)
            if round_:
                app_times.append(app[0])
                base_times.append(base[0])
                app_cpu.append(app[1])
                base_cpu.append(base[1])
                loads.append(os.getloadavg()[0])
        same = stored_rows(app_db) == stored_rows(base_db)
        same = same and uuids_of_every_row(app_db) and uuids_of_every_row(base_db)
        app_med, base_med = statistics.median(app_times), statistics.median(base_times)
        ratio = app_med / base_med
        print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print(f"1. import csv of {args.rows:,} rows, whole processes, {args.rounds} rounds each, alternating")
        print(f"   nomadcm import csv : median {app_med:.2f} s  ({', '.join(f'{t:.2f}' for t in app_times)})")
        print(
            f"   baseline script    : median {base_med:.2f} s  ({', '.join(f'{t:.2f}' for t in base_times)})"
        )
        print(f"   rows stored identical: {'yes' if same else 'NO'}")
        print(f"   ratio {ratio:.2f}  (goal <= {GOAL_RATIO}: {'OK' if ratio <= GOAL_RATIO else 'OVER GOAL'})")
        cpu_ratio = statistics.median(app_cpu) / statistics.median(base_cpu)
        print(
            f"   CPU time (user + system), medians: nomadcm {statistics.median(app_cpu):.2f} s, baseline "
            f"{statistics.median(base_cpu):.2f} s, ratio {cpu_ratio:.2f}; 1-minute load during the rounds "
            f"{min(loads):.2f}-{max(loads):.2f}"
        )

        fresh_copy(template, app_db)
        rss_small, t_small = peak(app_cmd)
        print(f"2. peak RSS and time of the import (load average {os.getloadavg()[0]:.2f})")
        print(f"   {args.rows:>9,} rows: {rss_small:6.1f} MB  {t_small:6.2f} s")
        if args.big:
            big = work / f"posts-{args.big}.csv"
            if not big.exists():
                write_csv(big, args.big)
            fresh_copy(template, app_db)
            rss_big, t_big = peak([*nomadcm, "--db", str(app_db), "import", "csv", str(big)])
            verdict = "OK" if rss_big < GOAL_BIG_MB else "OVER GOAL"
            print(
                f"   {args.big:>9,} rows: {rss_big:6.1f} MB  {t_big:6.2f} s  (x{t_big / t_small:.1f} time for "
                f"x{args.big / args.rows:.0f} rows; goal < {GOAL_BIG_MB} MB: {verdict})"
            )
        if args.big and args.big_baseline:
            fresh_copy(template, base_db)  # the same growth for the baseline: SQLite's own share of it
            base_small = peak([sys.executable, str(baseline), str(base_db), str(source)])[1]
            fresh_copy(template, base_db)
            rss_base, t_base = peak([sys.executable, str(baseline), str(base_db), str(big)])
            print(
                f"   baseline: {t_base / base_small:.1f}x time for x{args.big / args.rows:.0f} rows "
                f"({base_small:.2f} s, {t_base:.2f} s; {rss_base:.0f} MB: it holds the rows)"
            )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
