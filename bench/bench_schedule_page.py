"""Benchmark: the Schedule page over a 100,000-post database.

Measures, each in a fresh GUI process (so peak memory is the GUI's own, not the database builder's):
- time from creating the page — as the window builds it, with the window's task runner, in a process that
  opened its database as the app does (zone rules checked, settings read), no row read yet — to its first rows
  painted (goal of issue 14: < 100 ms), the median of `--rounds` fresh processes alternating with the
  baseline's (a warm-up round of each first; PYTHONDONTWRITEBYTECODE is unset, so bytecode is compiled once);
- rowCount right after opening (one page: rows are fetched lazily, never all at once) and after scrolling;
- peak RSS of the whole main window over that database (target < 250 MB);
and the same for a baseline process showing a bare QTableView over an empty model, for the ratios.

Run: .venv/bin/python bench/bench_schedule_page.py [--posts N] [--rounds 5] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

TARGET_FIRST_ROWS_S = 0.1
TARGET_RSS_MB = 250


# --------------------------------------------------------------------------- building the database


def build_database(path: Path, count: int) -> float:
    """Clients, channels and `count` posts from today on, inserted with Core in batches. Returns seconds."""
    from sqlalchemy import insert

    from nomadcm import timezones
    from nomadcm.models import Post
    from nomadcm.services.container import Services
    from nomadcm.storage import Database

    started = time.perf_counter()
    db = Database.open(path)
    services = Services(db)
    services.settings.set_home_tz("America/Toronto")
    channels: list[tuple[int, str]] = []
    for name, zone in (
        ("Boulangerie Dupont", "Europe/Paris"),
        ("Surf Shop Byron", "Australia/Sydney"),
        ("Hotel Mahajanga", "Indian/Antananarivo"),
        ("Café Montréal", "America/Toronto"),
        ("Kathmandu Treks", "Asia/Kathmandu"),
    ):
        client = services.clients.add_client(name, zone)
        for network in ("instagram", "facebook", "linkedin"):
            channels.append((services.clients.add_channel(client.id, network).id, zone))
    start = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    now = datetime.now(UTC)
    batch: list[dict] = []
    table = Post.__table__
    with db.write() as s:
        for i in range(count):
            channel_id, zone = channels[i % len(channels)]
            utc = start + timedelta(minutes=7 * i)
            batch.append(
                {
                    "channel_id": channel_id,
                    "text": f"Post {i}: nouveautés de la semaine, photos et lien en bio\nDeuxième ligne",
                    "link": "",
                    "tags": "promo,semaine",
                    "notes": "",
                    "status": "scheduled" if i % 5 else "draft",
                    "wall_time": timezones.wall_at(utc, zone),
                    "tz": zone,
                    "fold": 0,
                    "utc": utc,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            if len(batch) == 5000:
                s.execute(insert(table), batch)
                batch = []
        if batch:
            s.execute(insert(table), batch)
    db.close()
    return time.perf_counter() - started


# --------------------------------------------------------------------------- GUI measurements (child)


def _wait_painted(app, widget, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    """Processes events until `widget` has been painted once."""
    from PySide6.QtCore import QEvent, QObject

    class Watch(QObject):
        painted = False

        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]
            if event.type() == QEvent.Type.Paint:
                Watch.painted = True
            return False

    watch = Watch()
    widget.installEventFilter(watch)
    deadline = time.perf_counter() + timeout
    while not Watch.painted and time.perf_counter() < deadline:
        app.processEvents()
    widget.removeEventFilter(watch)
    if not Watch.painted:
        raise RuntimeError("the widget was never painted")


def child_baseline() -> dict:
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    app = QApplication.instance() or QApplication([])
    started = time.perf_counter()
    model = QStandardItemModel(0, 7)
    view = QTableView()
    view.setModel(model)
    view.resize(1100, 650)
    view.show()
    _wait_painted(app, view.viewport())
    elapsed = time.perf_counter() - started
    return {"first_paint_s": elapsed, "peak_rss_mb": _peak_rss_mb()}


def child_page(db_path: str) -> dict:
    from PySide6.QtWidgets import QApplication

    from nomadcm.services.container import Services
    from nomadcm.services.schedule.query import ScheduleFilter
    from nomadcm.services.schedule.zone_rule_updates import ensure_instants_current
    from nomadcm.storage import Database
    from nomadcm.ui.changes import ChangeBus
    from nomadcm.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    db = Database.open(db_path)
    ensure_instants_current(db)  # what the app does before its first page (app._services_over)
    services = Services(db)
    services.settings.get("language")
    changes = ChangeBus()
    tasks = TaskRunner()  # the window's runner: conflict marks and the footer's count run there (ui/pages.py)
    from nomadcm.ui.schedule.page import SchedulePage  # imported before the clock: the page module is loaded

    started = time.perf_counter()
    page = SchedulePage(services, changes, tasks)
    page.resize(1100, 650)
    page.show()
    _wait_painted(app, page.table.viewport())
    first_rows = time.perf_counter() - started
    rows_after_open = page.model.rowCount()
    total = services.schedule(ScheduleFilter()).count()

    # Scroll to the end of what is loaded five times: each time one more page comes in.
    fetch_times = []
    for _ in range(5):
        before = page.model.rowCount()
        t0 = time.perf_counter()
        page.table.scrollToBottom()
        while page.model.rowCount() == before and time.perf_counter() - t0 < 5:
            app.processEvents()
        fetch_times.append(time.perf_counter() - t0)
    rows_after_scrolling = page.model.rowCount()

    # "All dates" reloads from the first post.
    t0 = time.perf_counter()
    page.period_filter.setCurrentIndex(page.period_filter.findData("all"))
    app.processEvents()
    refilter = time.perf_counter() - t0
    while tasks.busy():  # the marks and the count, before the database closes
        app.processEvents()
    page.close()
    tasks.shutdown()
    db.close()
    return {
        "first_rows_s": first_rows,
        "rows_after_open": rows_after_open,
        "rows_after_5_scrolls": rows_after_scrolling,
        "fetch_more_s": fetch_times,
        "refilter_all_dates_s": refilter,
        "posts_in_db": total,
        "peak_rss_mb": _peak_rss_mb(),
    }


def child_window(db_path: str) -> dict:
    """The whole app window (what a user runs), opened on the Schedule page: its peak memory."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from nomadcm.services.container import Services
    from nomadcm.storage import Database
    from nomadcm.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    db = Database.open(db_path)
    settings = QSettings(str(Path(db_path).with_suffix(".ini")), QSettings.Format.IniFormat)
    started = time.perf_counter()
    window = MainWindow(Services(db), settings)
    window.show()
    _wait_painted(app, window.page("schedule").table.viewport())
    elapsed = time.perf_counter() - started
    page = window.page("schedule")
    for _ in range(20):  # scroll through 20 pages, as someone reading ahead would
        before = page.model.rowCount()
        page.table.scrollToBottom()
        t0 = time.perf_counter()
        while page.model.rowCount() == before and time.perf_counter() - t0 < 5:
            app.processEvents()
    rows = page.model.rowCount()
    window.close()
    db.close()
    return {"window_first_paint_s": elapsed, "rows_after_20_scrolls": rows, "peak_rss_mb": _peak_rss_mb()}


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def run_child(kind: str, db_path: Path | None) -> dict:
    cmd = [sys.executable, __file__, "--child", kind]
    if db_path is not None:
        cmd += ["--db", str(db_path)]
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode compiled once (the warm-up), read by every timed run
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--keep", metavar="DIR", help="build the database in DIR and keep it")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--child", choices=("baseline", "page", "window"), help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        result = {
            "baseline": child_baseline,
            "page": lambda: child_page(args.db),
            "window": lambda: child_window(args.db),
        }[args.child]()
        print(json.dumps(result))
        return 0

    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="nomadcm-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / "bench.sqlite3"
    if db_path.exists():
        db_path.unlink()
    build_s = build_database(db_path, args.posts)
    print(f"built {args.posts:,} posts in {build_s:.1f} s ({db_path})")

    baselines, pages = [], []
    for round_ in range(args.rounds + 1):  # round 0 is the warm-up: not counted
        base, page = run_child("baseline", None), run_child("page", db_path)
        if round_:
            baselines.append(base["first_paint_s"])
            pages.append(page)
    window = run_child("window", db_path)
    first_rows = statistics.median(p["first_rows_s"] for p in pages)
    base_paint = statistics.median(baselines)
    page = pages[-1]

    print()
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("Schedule page over", f"{page['posts_in_db']:,}", "posts")
    each = ", ".join(f"{p['first_rows_s'] * 1000:.0f}" for p in pages)
    print(
        f"  first rows shown      {first_rows * 1000:7.1f} ms   median of {args.rounds} ({each})"
        f"   goal < {TARGET_FIRST_ROWS_S * 1000:.0f} ms: ratio {first_rows / TARGET_FIRST_ROWS_S:.2f}"
    )
    print(
        f"  baseline bare QTableView {base_paint * 1000:.1f} ms "
        f"({', '.join(f'{b * 1000:.0f}' for b in baselines)})   ratio {first_rows / base_paint:.1f}x"
    )
    print(
        f"  rows after opening    {page['rows_after_open']:7d}      (one page; all would be {page['posts_in_db']:,})"
    )
    print(
        f"  rows after 5 scrolls  {page['rows_after_5_scrolls']:7d}      "
        f"(fetchMore {min(page['fetch_more_s']) * 1000:.1f}–{max(page['fetch_more_s']) * 1000:.1f} ms each)"
    )
    print(f"  refilter 'All dates'  {page['refilter_all_dates_s'] * 1000:7.1f} ms")
    print(
        f"  peak RSS, main window {window['peak_rss_mb']:7.1f} MB   (target < {TARGET_RSS_MB} MB)"
        f"   baseline {base['peak_rss_mb']:.1f} MB   ratio {window['peak_rss_mb'] / base['peak_rss_mb']:.2f}x"
        f"   ({window['rows_after_20_scrolls']:,} rows loaded after 20 scrolls)"
    )
    print(f"  peak RSS, page alone  {page['peak_rss_mb']:7.1f} MB")
    ok = first_rows < TARGET_FIRST_ROWS_S and window["peak_rss_mb"] < TARGET_RSS_MB
    ok = ok and page["rows_after_open"] < page["posts_in_db"]
    print("targets met" if ok else "TARGETS MISSED")
    if not args.keep:
        shutil.rmtree(folder)  # the database opened there has its backups/ folder beside it
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    raise SystemExit(main())
