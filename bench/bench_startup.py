"""Benchmark: start-up of the app over a 10,000-post database, against a bare PySide6 window.

All whole processes, interpreter start included, timed from launch to exit, alternated round by round:
- baseline: `python -c <script>` that creates a QApplication and a QMainWindow with one label, shows it,
  waits for its first paint, and exits;
- floor (for reference): the same after `import sqlalchemy.orm`, what no app reading its data through
  SQLAlchemy goes under if it loads its data before it paints;
- NomadCM, first paint: `python -m nomadcm.app --db DB --exit-after-first-paint` — the window with its
  sidebar, toolbar and the Schedule's frame painted, before the data stack is imported (goal <= 1.5x);
- NomadCM, first rows: `... --exit-after-startup` — the Schedule painted with its rows (goal <= 3x).
Then a few runs of `... --measure-stalls 8` (after one untimed, which compiles what only a window that goes on
starting imports: the shell, the tray, the reminders): a 5 ms QTimer beat on the GUI thread during the 8 s after the
first paint (the data stack loading, the rows arriving, the tray, reminders, badges and conflict marks
starting); the longest gap between two beats is the longest the window could not answer (goal <= 50 ms),
with the code it was running then.

Bytecode: each process would otherwise compile every module it imports when PYTHONDONTWRITEBYTECODE is set
(as on the machines here), or when no __pycache__ is writable. The timed processes run without that variable
and with PYTHONPYCACHEPREFIX set to a folder of this run, filled by the warm-up runs: every process, baseline
and app alike, reads compiled bytecode, and nothing is written into the source tree.

The database is the sample month (services/demo.py) plus 10,000 posts bulk-inserted with Core over six
months around today. Each process gets a temporary HOME, so nothing touches the user's settings.

Run: .venv/bin/python bench/bench_startup.py [--posts N] [--rounds R] [--stall-runs S] [--importtime]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

PAINT_GOAL = 1.5  # first paint, against the bare window
ROWS_GOAL = 3.0  # first page painted with its rows, against the bare window
STALL_GOAL_MS = 50.0  # the GUI thread busy at once, after the first paint
WATCH_S = 8.0  # past the calendars' first refresh, 5 s after the start (ui/clients/event_refresh.py)

BASELINE = """
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.resize(1280, 760)
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: app.exit(0))
        return False
watcher = Painted()
window.installEventFilter(watcher)
window.show()
raise SystemExit(app.exec())
"""


# The same bare window after importing the ORM the data layer stands on: what no Python app reading its data
# through SQLAlchemy can go under. Printed for reference: the target ratio is against BASELINE.
FLOOR = "import sqlalchemy.orm\n" + BASELINE


def build_database(path: Path, count: int) -> float:
    from sqlalchemy import insert, select

    from nomadcm import timezones
    from nomadcm.models import Channel, Client, Post
    from nomadcm.services.desktop.demo import create_demo_database
    from nomadcm.storage import Database

    started = time.perf_counter()
    create_demo_database(path)
    db = Database.open(path)
    try:
        with db.session() as s:
            channels = [
                (r.id, r.tz)
                for r in s.execute(select(Channel.id, Client.audience_tz.label("tz")).join(Client))
            ]
        first = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) - timedelta(days=90)
        now = datetime.now(UTC)
        rows = []
        for i in range(count):
            channel_id, zone = channels[i % len(channels)]
            utc = first + timedelta(minutes=26 * i)  # 10,000 posts over about six months
            rows.append(
                {
                    "channel_id": channel_id,
                    "text": f"Publication {i} : nouveautés de la semaine, photos et lien en bio",
                    "link": "",
                    "tags": "",
                    "notes": "",
                    "status": "published" if utc < now else "scheduled",
                    "wall_time": timezones.wall_at(utc, zone),
                    "tz": zone,
                    "fold": 0,
                    "utc": utc,
                    "created_at": now,
                    "updated_at": now,
                }
            )
        with db.write() as s:
            for k in range(0, len(rows), 2000):
                s.execute(insert(Post), rows[k : k + 2000])
    finally:
        db.close()
    return time.perf_counter() - started


def environment(home: Path, pycache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # compiled once by the warm-up runs, then read by every run
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    for key, sub in (
        ("HOME", ""),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CACHE_HOME", ".cache"),
    ):
        env[key] = str(home / sub)
    env.pop("NOMADCM_DB", None)
    return env


def run(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command[2:])} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return elapsed, done.stdout


def timed(command: list[str], env: dict[str, str]) -> float:
    return run(command, env)[0]


def stalls(command: list[str], env: dict[str, str]) -> dict[str, object]:
    """One `--measure-stalls` run: the JSON line it printed."""
    _elapsed, out = run(command, env)
    line = next(ln for ln in reversed(out.splitlines()) if ln.startswith("{"))
    return json.loads(line)  # type: ignore[no-any-return]


def load_average() -> str:
    try:
        return ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def importtime(command: list[str], env: dict[str, str], top: int = 15) -> list[tuple[float, str]]:
    done = subprocess.run(
        [command[0], "-X", "importtime", *command[1:]], env=env, capture_output=True, text=True, check=False
    )
    rows: list[tuple[float, str]] = []
    for line in done.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if m and len(m.group(3)) <= 3:  # top-level and first-level imports: where the time goes
            rows.append((int(m.group(2)) / 1e6, m.group(4).strip()))
    return sorted(rows, reverse=True)[:top]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--stall-runs", type=int, default=3, help="runs of --measure-stalls")
    parser.add_argument("--importtime", action="store_true", help="also list the slowest imports")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        db = root / "bench.sqlite3"
        built = build_database(db, args.posts)
        print(f"database: sample month + {args.posts:,} posts, built in {built:.1f} s")
        env = environment(root / "home", root / "pycache")
        app = [sys.executable, "-m", "nomadcm.app", "--db", str(db)]
        commands = {
            "base": [sys.executable, "-c", BASELINE],
            "floor": [sys.executable, "-c", FLOOR],
            "paint": [*app, "--exit-after-first-paint"],
            "rows": [*app, "--exit-after-startup"],
        }
        for command in commands.values():  # warm-up: compiled bytecode, the disk cache, today's backup
            timed(command, env)
        # and what only a window that goes on starting imports (the shell, the tray, the reminders)
        stalls([*app, "--measure-stalls", "1"], env)
        print(
            "bytecode: compiled once by the warm-up runs into this run's PYTHONPYCACHEPREFIX; "
            "PYTHONDONTWRITEBYTECODE unset for every timed process"
        )
        print(f"load average before: {load_average()} ({os.cpu_count()} CPUs)")
        times: dict[str, list[float]] = {k: [] for k in commands}
        for _ in range(args.rounds):
            for key, command in commands.items():
                times[key].append(timed(command, env))
        watched = [stalls([*app, "--measure-stalls", str(WATCH_S)], env) for _ in range(args.stall_runs)]
        print(f"load average after:  {load_average()}")
        median = {k: statistics.median(v) for k, v in times.items()}
        base = median["base"]

        def line(label: str, key: str) -> str:
            runs = ", ".join(f"{t * 1000:.0f}" for t in times[key])
            return f"{label:46s} {median[key] * 1000:6.0f} ms  ({runs})"

        def verdict(value: float, goal: float) -> str:
            return "ok" if value <= goal else "OVER GOAL"

        print(f"platform: {env['QT_QPA_PLATFORM']}, {args.rounds} alternated rounds, medians (ms)")
        print(line("bare PySide6 window, shown and painted:", "base"))
        print(line("the same after importing sqlalchemy.orm:", "floor"))
        print(line("NomadCM, first paint (frame, no data yet):", "paint"))
        print(line("NomadCM, first page painted with its rows:", "rows"))
        paint, rows = median["paint"] / base, median["rows"] / base
        print(
            f"first paint: {paint:.2f}x the bare window (goal <= {PAINT_GOAL}) {verdict(paint, PAINT_GOAL)}"
        )
        print(f"first rows:  {rows:.2f}x the bare window (goal <= {ROWS_GOAL}) {verdict(rows, ROWS_GOAL)}")
        print(f"             {median['rows'] / median['floor']:.2f}x the sqlalchemy.orm floor")
        longest = [float(w["longest_stall_ms"]) for w in watched]  # type: ignore[arg-type]
        rows_after = [float(w.get("rows_painted_s", "nan")) * 1000 for w in watched]  # type: ignore[arg-type]
        worst = max(watched, key=lambda w: float(w["longest_stall_ms"]))  # type: ignore[arg-type]
        stall = statistics.median(longest)
        print(
            f"longest GUI-thread stall in the {WATCH_S:.0f} s after the first paint: median {stall:.0f} ms, "
            f"worst {max(longest):.0f} ms ({', '.join(f'{x:.0f}' for x in longest)}) "
            f"(goal <= {STALL_GOAL_MS:.0f} ms) {verdict(stall, STALL_GOAL_MS)}"
        )
        print(
            f"  rows painted after the first paint (same runs): {', '.join(f'{x:.0f}' for x in rows_after)} ms"
        )
        if worst.get("where"):
            print(f"  the worst was in: {worst['where']}")
        if args.importtime:
            print("slowest imports of one NomadCM start (cumulative, s):")
            for seconds, name in importtime(commands["rows"], env):
                print(f"  {seconds:6.3f}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
