"""Benchmark: start-up of the app over a 10,000-post database, against a bare PySide6 window.

Both are whole processes, interpreter start included, timed from launch to exit, alternated in one run:
- baseline: `python -c <script>` that creates a QApplication and a QMainWindow with one label, shows it,
  waits for its first paint, and exits;
- NomadCM: `python -m nomadcm.app --db DB --exit-after-startup`, which shows the main window (with the tray,
  timers and reminders) and exits once the opening page has painted with its data.
Target: NomadCM's median at most 2.5 times the baseline's. `--importtime` also lists the slowest imports of
one NomadCM start (python -X importtime), to see what a lazy import could save.

The database is the sample month (services/demo.py) plus 10,000 posts bulk-inserted with Core over six
months around today. Each process gets a temporary HOME, so nothing touches the user's settings.

Run: .venv/bin/python bench/bench_startup.py [--posts N] [--rounds R] [--importtime]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

TARGET_RATIO = 2.5

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


def environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
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


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{command[2]} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return elapsed


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
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--importtime", action="store_true", help="also list the slowest imports")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        db = root / "bench.sqlite3"
        built = build_database(db, args.posts)
        print(f"database: sample month + {args.posts:,} posts, built in {built:.1f} s")
        env = environment(root / "home")
        baseline = [sys.executable, "-c", BASELINE]
        floor = [sys.executable, "-c", FLOOR]
        nomadcm = [sys.executable, "-m", "nomadcm.app", "--db", str(db), "--exit-after-startup"]
        for command in (baseline, floor, nomadcm):  # warm-up: compiled bytecode and the disk cache
            timed(command, env)
        times: dict[str, list[float]] = {"base": [], "floor": [], "app": []}
        for _ in range(args.rounds):
            times["base"].append(timed(baseline, env))
            times["floor"].append(timed(floor, env))
            times["app"].append(timed(nomadcm, env))
        base, low, app = (statistics.median(times[k]) for k in ("base", "floor", "app"))

        def line(label: str, key: str, value: float) -> str:
            runs = ", ".join(f"{t * 1000:.0f}" for t in times[key])
            return f"{label:44s} {value * 1000:6.0f} ms  ({runs})"

        ratio = app / base
        print(f"platform: {env['QT_QPA_PLATFORM']}, {args.rounds} alternated rounds, medians")
        print(line("bare PySide6 window, shown and painted:", "base", base))
        print(line("the same after importing sqlalchemy.orm:", "floor", low))
        print(line("NomadCM, first page painted with its data:", "app", app))
        verdict = "ok" if ratio <= TARGET_RATIO else "OVER TARGET"
        print(
            f"ratio: {ratio:.2f} (target <= {TARGET_RATIO}) {verdict}; against the ORM floor: {app / low:.2f}"
        )
        print(f"NomadCM's own share (above the floor): {(app - low) * 1000:.0f} ms")
        if args.importtime:
            print("slowest imports of one NomadCM start (cumulative, s):")
            for seconds, name in importtime(nomadcm, env):
                print(f"  {seconds:6.3f}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
