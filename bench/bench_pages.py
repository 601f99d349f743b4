"""Benchmark: how long the GUI thread is held when each page is first opened from the sidebar, in the real app.

Issue 14: "everything that is not the first page … runs off the GUI thread or in slices under 50 ms". Each
round is a whole `python -m nomadcm.app --db DB --page schedule` process over the sample month plus
`--posts` posts (bench_startup's database). Once its start-up has ended and the desktop shell is up (and
`--settle` seconds more: what the app does in the background after its start), a probe clicks each other page
in the sidebar's order, as a person would, and watches the GUI thread (ui/stall_watch.py: a 5 ms QTimer beat,
and the code it was running in its longest gap) from the click until the page has been built and left alone
for a second. Pages behind a "Loading…" frame (Hours & pay, Wellbeing: matplotlib) count from the click to the
end of their build, frame included.

Printed: each page's longest stall, the median over the rounds and the worst, where it was, and the verdict
against the goal (<= 50 ms); beside it, the GUI thread's own CPU time from the click to a second after the build
(`time.thread_time`: what the page asked of the GUI thread, steadier than wall time on a shared machine, and
blind to what the task runner did meanwhile). Bytecode is compiled once by a warm-up round into this run's PYTHONPYCACHEPREFIX.

Run: .venv/bin/python bench/bench_pages.py [--posts 10000] [--rounds 3] [--settle 2]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_startup import build_database, environment, load_average, run  # noqa: E402

GOAL_MS = 50.0

# The child: the app as `nomadcm-gui` runs it, plus a probe started by the event loop's first turn.
PROBE = r"""
import json, runpy, sys, time
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

db, settle_s = sys.argv[1], float(sys.argv[2])

def wait(ms, until=lambda: False):
    # the event loop, idle when there is nothing to do (no spinning), for `ms` or until `until()`
    if until():
        return
    loop = QEventLoop()
    check = QTimer()
    check.setInterval(10)
    check.timeout.connect(lambda: until() and loop.quit())
    check.start()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    check.stop()

def probe():
    from nomadcm.ui.main_window import MainWindow
    from nomadcm.ui.pages import PAGES
    from nomadcm.ui.stall_watch import StallWatch

    app = QApplication.instance()
    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
    # the start-up, the shell (tray, reminders, badges) and what the app does after them, in the background
    wait(int(settle_s * 1000))
    wait(30_000, lambda: not window.tasks.busy())
    out = {}
    for row, spec in enumerate(PAGES):
        if spec.key == window.current_key():
            continue
        watch = StallWatch(where=True, threshold=0.05)
        watch.start()
        cpu = time.thread_time()  # the GUI thread's own CPU time: the task runner's work is not in it
        window.sidebar.setCurrentRow(row)  # as a click
        wait(30_000, lambda: spec.key in window._pages and window.stack.currentWidget() is window._pages[spec.key])
        wait(1000)
        watch.stop()
        cpu = (time.thread_time() - cpu) * 1000
        report = watch.report()
        out[spec.key] = [report["longest_stall_ms"], report["where"][:400], cpu]
    print("PAGES " + json.dumps(out))
    window._quitting = True
    app.exit(0)

original_exec = QApplication.exec
def exec_with_probe(*_args):
    QTimer.singleShot(500, probe)
    return original_exec()
QApplication.exec = exec_with_probe
sys.argv = ["nomadcm-gui", "--db", db, "--page", "schedule", "--language", "en"]
runpy.run_module("nomadcm.app", run_name="__main__")
"""


def one_round(
    database: Path, settle: float, home: Path, pycache: Path
) -> dict[str, tuple[float, str, float]]:
    """One whole process: each page's longest stall (ms), where, and the GUI thread's CPU time (ms)."""
    _elapsed, out = run([sys.executable, "-c", PROBE, str(database), str(settle)], environment(home, pycache))
    line = next(ln for ln in out.splitlines() if ln.startswith("PAGES "))
    return {key: (ms, where, cpu) for key, (ms, where, cpu) in json.loads(line[6:]).items()}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--settle", type=float, default=2.0, help="seconds after the start before the clicks")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nomadcm-bench-pages-") as tmp:
        work = Path(tmp)
        database = work / "nomadcm.sqlite3"
        built = build_database(database, args.posts)
        print(
            f"database: the sample month + {args.posts:,} posts ({built:.1f} s); load average {load_average()}"
        )
        pycache = work / "pycache"
        rounds = []
        for n in range(args.rounds + 1):  # round 0 compiles the bytecode: not counted
            home = work / f"home-{n}"
            home.mkdir()
            result = one_round(database, args.settle, home, pycache)
            if n:
                rounds.append(result)
        print(
            f"first click on each page, {args.rounds} rounds (whole processes); load average {load_average()}"
        )
        over = 0
        for key in rounds[0]:
            values = [r[key][0] for r in rounds]
            median, worst = statistics.median(values), max(values)
            where = max((r[key] for r in rounds), key=lambda v: v[0])[1]
            cpu = statistics.median(r[key][2] for r in rounds)
            verdict = "OK" if median <= GOAL_MS else "OVER GOAL"
            over += verdict != "OK"
            print(
                f"  {key:11s} median {median:6.1f} ms  worst {worst:6.1f} ms  ({verdict});  GUI-thread CPU "
                f"from the click to a second after the build: {cpu:5.1f} ms"
            )
            if worst > GOAL_MS and where:
                print(f"      worst during: {where[:300]}")
        print(f"goal: <= {GOAL_MS:.0f} ms on every page; {over} page(s) over")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
