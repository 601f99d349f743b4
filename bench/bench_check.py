"""Benchmark of `nomadcm check --json` (the conflict check) on a large schedule: its peak memory and time as
the schedule grows, and side by side with another NomadCM checkout doing the same work on the same file.

1. A database of `--rows` posts (100,000 by default; bench_import's file: two years of posts in three clients'
   zones, three quarters scheduled) and an itinerary of 50 stays and 50 flights over those two years, built once
   with NomadCM's own import and services.
2. Peak RSS and time of `nomadcm --db X check --json` at `--rows` and at `--big` rows (1,000,000 by default;
   `--big 0` skips it). Goal (issue 14): < 150 MB at 1,000,000 posts (the check streams), time linear.
3. With `--other PATH` (a checkout of an older NomadCM, e.g. `git worktree add /tmp/before <rev>`): both run
   alternately, `--rounds` times each, on the same file; their JSON outputs are compared byte for byte and
   the medians and peak memory printed, with the ratio. PYTHONDONTWRITEBYTECODE is unset for every run (a
   warm-up run compiles the bytecode once).

Run:  .venv/bin/python bench/bench_check.py [--rows 100000] [--big 1000000] [--rounds 5] [--other DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_import import build_target, env, write_csv  # noqa: E402

GOAL_BIG_MB = 150
PEAK_RSS = r"""
import resource, subprocess, sys, time
t = time.perf_counter()
with open(sys.argv[1], "wb") as out:
    done = subprocess.run(sys.argv[2:], stdout=out)
print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.perf_counter() - t)
"""
CITIES = [
    ("Montréal", "America/Toronto", "CA"),
    ("Paris", "Europe/Paris", "FR"),
    ("Lisboa", "Europe/Lisbon", "PT"),
    ("Antananarivo", "Indian/Antananarivo", "MG"),
    ("Saint-Denis", "Indian/Reunion", "RE"),
]


def build(path: Path, rows: int, folder: Path) -> None:
    """The posts (NomadCM's CSV import), then 50 stays of about two weeks, each reached by a flight."""
    from nomadcm.services.container import Services
    from nomadcm.services.travel.trip_records import StayInput, TransitInput
    from nomadcm.storage import Database

    source = folder / f"posts-{rows}.csv"
    write_csv(source, rows)
    build_target(path)
    done = subprocess.run(
        [sys.executable, "-m", "nomadcm", "--db", str(path), "import", "csv", str(source)],
        capture_output=True, text=True, env=env(), cwd=ROOT,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"import failed: {done.stderr}")
    source.unlink()
    db = Database.open(path, daily_backup=False)
    try:
        services = Services(db)
        day = date(2026, 1, 1)
        for i in range(50):
            city, tz, country = CITIES[i % len(CITIES)]
            last = day + timedelta(days=13)
            services.trips.add_stay(StayInput(city, tz, day, last, country))
            prev_city, prev_tz, _c = CITIES[(i - 1) % len(CITIES)]
            services.trips.add_transit(
                TransitInput("flight", prev_city, prev_tz, city, tz, _at(day, 7), _at(day, 22))
            )
            day = last + timedelta(days=1)
    finally:
        db.close()


def _at(day: date, hour: int):  # type: ignore[no-untyped-def]
    from datetime import datetime, time

    return datetime.combine(day, time(hour))


def peak(cmd: list[str], cwd: Path) -> tuple[float, float, bytes]:
    """(peak RSS in MB, seconds, stdout) of `cmd`, measured by a fresh parent."""
    out = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, *cmd], capture_output=True, text=True, env=env(), cwd=cwd,
    )  # fmt: skip
    code, kib, seconds = out.stdout.split()
    if code != "0":
        raise SystemExit(f"{' '.join(cmd)} failed ({code}): {out.stderr}")
    return int(kib) / 1024, float(seconds), b""


def check_cmd(root: Path, db: Path, out: Path) -> list[str]:
    python = root / ".venv" / "bin" / "python"
    return [str(out), str(python if python.exists() else sys.executable), "-m", "nomadcm", "--db", str(db),
            "check", "--json"]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--big", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--other", type=Path, help="another NomadCM checkout to compare with")
    args = parser.parse_args()
    print(f"load average at start: {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "check.sqlite3"
        t = time.perf_counter()
        build(db, args.rows, folder)
        print(f"built {args.rows:,} posts + 50 stays/50 flights in {time.perf_counter() - t:.0f} s")
        mine_out, other_out = folder / "mine.json", folder / "other.json"
        peak(check_cmd(ROOT, db, mine_out), ROOT)  # warm-up: bytecode compiled once
        if args.other:
            peak(check_cmd(args.other, db, other_out), args.other)
        mine: list[tuple[float, float]] = []
        other: list[tuple[float, float]] = []
        for _ in range(args.rounds):
            mine.append(peak(check_cmd(ROOT, db, mine_out), ROOT)[:2])
            if args.other:
                other.append(peak(check_cmd(args.other, db, other_out), args.other)[:2])
        m_mb, m_s = max(r[0] for r in mine), statistics.median(r[1] for r in mine)
        print(f"2. check --json of {args.rows:,} posts: median {m_s:.2f} s, peak {m_mb:.0f} MB "
              f"({mine_out.stat().st_size / 1e6:.1f} MB of JSON)")  # fmt: skip
        if args.other:
            same = mine_out.read_bytes() == other_out.read_bytes()
            o_mb, o_s = max(r[0] for r in other), statistics.median(r[1] for r in other)
            print(f"3. {args.other}: median {o_s:.2f} s, peak {o_mb:.0f} MB; outputs identical: {same}")
            print(f"   ratio time {m_s / o_s:.2f}x, memory {m_mb / o_mb:.2f}x")
            if not same:
                return 1
        if args.big:
            big = folder / "big.sqlite3"
            build(big, args.big, folder)
            b_mb, b_s, _ = peak(check_cmd(ROOT, big, folder / "big.json"), ROOT)
            verdict = "met" if b_mb < GOAL_BIG_MB else "NOT met"
            print(f"   check --json of {args.big:,} posts: {b_s:.1f} s ({b_s / m_s:.1f}x the time for "
                  f"{args.big / args.rows:.0f}x the posts), peak {b_mb:.0f} MB — goal < {GOAL_BIG_MB} MB {verdict}")  # fmt: skip
    print(f"load average at end: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
