"""Benchmark of `nomadcm check --json` (the conflict check) on a large schedule: side by side with a plain
script doing the same work, its peak memory as the schedule grows, and optionally against another NomadCM
checkout.

1. A database of `--rows` posts (100,000 by default; bench_import's file: two years of posts in seven clients'
   zones, half of them scheduled, single posts only) and an itinerary of 50 stays and 50 flights over those
   two years, built once with NomadCM's own import and services. It has no workplaces and no client events, so
   neither `no_wifi` nor `closure` can fire: the kinds found are sleep, transit, off_hours and holiday.
2. Against the baseline (bench/check_baseline.py: sqlite3, zoneinfo and python-holidays, no NomadCM code):
   `nomadcm --db X check --json > file` and `python bench/check_baseline.py X > file` run alternately as whole
   processes of the same Python, `--rounds` times each after one warm-up run each (PYTHONDONTWRITEBYTECODE is
   unset for every run: the warm-up compiles the bytecode once, the timed runs read it). Their outputs are
   compared byte for byte; medians of wall and CPU time, peak RSS, the load average, the median of each
   round's own ratio (steadier on a shared machine) and the ratio against the goal (issue 14: <= 1.1x) are
   printed. A differing output fails the bench (exit 1).
3. Peak RSS and time at `--big` rows (1,000,000 by default; `--big 0` skips it). Goal (issue 14): < 150 MB
   at 1,000,000 posts (the check streams), time linear.
4. With `--other PATH` (a checkout of an older NomadCM, e.g. `git worktree add /tmp/before <rev>`): it runs
   alternately too, and its output must be the same bytes; medians and the ratio to it are printed.

Run:  .venv/bin/python bench/bench_check.py [--rows 100000] [--big 1000000] [--rounds 5] [--other DIR]
          [--keep DIR]   (work in DIR and keep the databases: a later run with the same DIR reuses them)
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

GOAL_RATIO = 1.1
GOAL_BIG_MB = 150
BASELINE = ROOT / "bench" / "check_baseline.py"
PEAK_RSS = r"""
import resource, subprocess, sys, time
t = time.perf_counter()
with open(sys.argv[1], "wb") as out:
    done = subprocess.run(sys.argv[2:], stdout=out)
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print(done.returncode, used.ru_maxrss, time.perf_counter() - t, used.ru_utime + used.ru_stime)
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


class Run:
    """One process's peak RSS (MB), wall seconds and CPU seconds (user + system)."""

    def __init__(self, mb: float, wall: float, cpu: float) -> None:
        self.mb, self.wall, self.cpu = mb, wall, cpu


def peak(cmd: list[str], cwd: Path) -> Run:
    """Peak RSS, wall and CPU time of `cmd` (stdout to the file `cmd[0]`), measured by a fresh parent."""
    out = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, *cmd], capture_output=True, text=True, env=env(), cwd=cwd,
    )  # fmt: skip
    code, kib, wall, cpu = out.stdout.split()
    if code != "0":
        raise SystemExit(f"{' '.join(cmd)} failed ({code}): {out.stderr}")
    return Run(int(kib) / 1024, float(wall), float(cpu))


def check_cmd(root: Path, db: Path, out: Path) -> list[str]:
    python = root / ".venv" / "bin" / "python"
    return [str(out), str(python if python.exists() else sys.executable), "-m", "nomadcm", "--db", str(db),
            "check", "--json"]  # fmt: skip


def baseline_cmd(db: Path, out: Path) -> list[str]:
    return [str(out), sys.executable, str(BASELINE), str(db)]


def medians(runs: list[Run]) -> Run:
    return Run(
        max(r.mb for r in runs),
        statistics.median(r.wall for r in runs),
        statistics.median(r.cpu for r in runs),
    )


def alternate(cmds: dict[str, tuple[list[str], Path]], rounds: int) -> dict[str, Run]:
    """Each command once (warm-up: bytecode compiled), then `rounds` rounds of them all in turn; medians."""
    for cmd, cwd in cmds.values():
        peak(cmd, cwd)
    runs: dict[str, list[Run]] = {name: [] for name in cmds}
    loads: list[float] = []
    for _ in range(rounds):
        for name, (cmd, cwd) in cmds.items():
            runs[name].append(peak(cmd, cwd))
        loads.append(os.getloadavg()[0])
    for name, found in runs.items():
        print(f"   {name:<9} wall {', '.join(f'{r.wall:.2f}' for r in found)} s")
    first, *others = runs  # each round's pair saw the same load: their ratio is the steadier figure
    for name in others:
        paired = statistics.median(a.wall / b.wall for a, b in zip(runs[first], runs[name], strict=True))
        print(f"   median of the rounds' own ratios {first}/{name}: {paired:.2f}x")
    print(f"   1-minute load average during the rounds: {min(loads):.2f}-{max(loads):.2f}")
    return {name: medians(found) for name, found in runs.items()}


def ensure_built(db: Path, rows: int, folder: Path) -> None:
    if db.exists():
        print(f"reusing {db}")
        return
    t = time.perf_counter()
    build(db, rows, folder)
    print(f"built {rows:,} posts + 50 stays/50 flights in {time.perf_counter() - t:.0f} s")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--big", type=int, default=1_000_000, help="posts of the memory check (0: skip)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--other", type=Path, help="another NomadCM checkout to compare with")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="work in DIR and keep the databases")
    args = parser.parse_args()
    if args.rounds < 5:
        parser.error("--rounds: at least 5 (the medians of issue 14)")
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / f"check-{args.rows}.sqlite3"
        ensure_built(db, args.rows, folder)
        outs = {"nomadcm": folder / "nomadcm.json", "baseline": folder / "baseline.json"}
        cmds = {
            "nomadcm": (check_cmd(ROOT, db, outs["nomadcm"]), ROOT),
            "baseline": (baseline_cmd(db, outs["baseline"]), ROOT),
        }
        if args.other:
            outs["other"] = folder / "other.json"
            cmds["other"] = (check_cmd(args.other, db, outs["other"]), args.other)
        print(f"2. check --json of {args.rows:,} posts, whole processes, {args.rounds} rounds, alternating")
        found = alternate(cmds, args.rounds)
        mine, base = found["nomadcm"], found["baseline"]
        same = outs["nomadcm"].read_bytes() == outs["baseline"].read_bytes()
        print(f"   nomadcm   median {mine.wall:.2f} s (CPU {mine.cpu:.2f} s), peak {mine.mb:.0f} MB "
              f"({outs['nomadcm'].stat().st_size / 1e6:.1f} MB of JSON)")  # fmt: skip
        print(f"   baseline  median {base.wall:.2f} s (CPU {base.cpu:.2f} s), peak {base.mb:.0f} MB")
        print(f"   outputs identical byte for byte: {'yes' if same else 'NO'}")
        ratio = mine.wall / base.wall
        verdict = "met" if ratio <= GOAL_RATIO else "NOT met"
        print(f"   ratio {ratio:.2f}x (CPU {mine.cpu / base.cpu:.2f}x), goal <= {GOAL_RATIO}x {verdict}")
        if args.other:
            other = found["other"]
            same_other = outs["nomadcm"].read_bytes() == outs["other"].read_bytes()
            print(f"   {args.other}: median {other.wall:.2f} s (CPU {other.cpu:.2f} s), "
                  f"peak {other.mb:.0f} MB; outputs identical: {same_other}")  # fmt: skip
            print(f"   this tree / it: time {mine.wall / other.wall:.2f}x (CPU {mine.cpu / other.cpu:.2f}x), "
                  f"memory {mine.mb / other.mb:.2f}x")  # fmt: skip
            same = same and same_other
        if not same:
            return 1
        if args.big:
            big = folder / f"check-{args.big}.sqlite3"
            ensure_built(big, args.big, folder)
            b = peak(check_cmd(ROOT, big, folder / "big.json"), ROOT)
            verdict = "met" if b.mb < GOAL_BIG_MB else "NOT met"
            growth = f"{b.wall / mine.wall:.1f}x the time for {args.big / args.rows:.0f}x the posts"
            print(f"3. check --json of {args.big:,} posts: {b.wall:.1f} s ({growth}), peak {b.mb:.0f} MB — "
                  f"goal < {GOAL_BIG_MB} MB {verdict}")  # fmt: skip
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
