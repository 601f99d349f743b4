"""Writers side by side: how many writes are refused with "database is locked"?

Each scenario runs twice in the same script: with NomadCM's write transactions as shipped (BEGIN IMMEDIATE,
bounded retry), and with a baseline that swaps in a plain deferred BEGIN (how NomadCM wrote before), so the
two columns are measured on the same machine, in the same run.

1. threads: two threads of one process, each with its own Database on the same file (the GUI and a second
   window or a job opening the file itself), `--posts` post adds each;
2. processes: two processes, `--posts` post adds each, through the services (what two `nomadcm post add`
   loops do, without paying the interpreter start-up per post);
3. import: one `add_many` of `--import-rows` posts in one transaction beside a process adding posts one by
   one until the import is done;
4. cli: two shell-like loops of `--cli-posts` `nomadcm --db F post add ...` each (whole processes).

A refused write is a DatabaseError (what the user sees). Nothing here is timed against a target.

Run:  .venv/bin/python bench/bench_two_writers.py [--posts 300] [--import-rows 100000] [--cli-posts 20]
"""

from __future__ import annotations

import argparse
import multiprocessing
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import event  # noqa: E402

from nomadcm.errors import DatabaseError  # noqa: E402
from nomadcm.services.container import Services  # noqa: E402
from nomadcm.services.schedule.post_writes import PostDraft  # noqa: E402
from nomadcm.storage import Database  # noqa: E402
from nomadcm.storage import engine as storage_engine  # noqa: E402

START = datetime(2030, 1, 1, 9, 0)


def prepare(path: Path) -> int:
    """A database with one client and one channel; returns the channel id."""
    services = Services.open(path)
    try:
        client = services.clients.add_client("Boulangerie Dupont", "Europe/Paris")
        return services.clients.add_channel(client.id, "instagram").id
    finally:
        services.close()


def open_services(path: Path, baseline: bool) -> Services:
    services = Services.open(path)
    if baseline:  # the old way: a deferred BEGIN, read, then write (SQLITE_BUSY_SNAPSHOT, no waiting)
        engine = services.db.engine
        event.remove(engine, "begin", storage_engine._sqlite_begin)
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return services


def add_posts(
    path: Path, channel: int, tag: str, count: int, baseline: bool, until: Any = None
) -> tuple[int, int, float]:
    """Adds `count` posts (or keeps adding until the event `until` is set); (stored, refused, longest add)."""
    services = open_services(path, baseline)
    stored = refused = 0
    longest = 0.0
    try:
        i = 0
        while (i < count) if until is None else not until.is_set():
            draft = PostDraft(channel, f"{tag} {i}", START + timedelta(minutes=i))
            started = time.monotonic()
            try:
                services.posts.add(draft)
                stored += 1
            except DatabaseError:
                refused += 1
            longest = max(longest, time.monotonic() - started)
            i += 1
    finally:
        services.close()
    return stored, refused, longest


def _process_worker(
    args: tuple[str, int, str, int, bool], results: multiprocessing.Queue, until: Any = None
) -> None:
    path, channel, tag, count, baseline = args
    results.put(add_posts(Path(path), channel, tag, count, baseline, until))


def _import_worker(args: tuple[str, int, int, bool], results: multiprocessing.Queue, done: Any) -> None:
    path, channel, rows, baseline = args
    services = open_services(Path(path), baseline)
    drafts = [PostDraft(channel, f"import {i}", START + timedelta(minutes=i)) for i in range(rows)]
    started = time.monotonic()
    try:
        services.posts.add_many(drafts)
        results.put(("import", rows, 0, time.monotonic() - started))
    except DatabaseError:
        results.put(("import", 0, 1, time.monotonic() - started))
    finally:
        services.close()
        done.set()


Outcome = tuple[int, int, float]  # stored, refused, longest single add (s)


def _sum(results: list[Outcome]) -> Outcome:
    return sum(r[0] for r in results), sum(r[1] for r in results), max(r[2] for r in results)


def scenario_threads(folder: Path, posts: int, baseline: bool) -> Outcome:
    path = folder / "threads.sqlite3"
    channel = prepare(path)
    results: list[Outcome] = []
    threads = [
        threading.Thread(target=lambda t=t: results.append(add_posts(path, channel, t, posts, baseline)))
        for t in ("a", "b")
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return _sum(results)


def scenario_processes(folder: Path, posts: int, baseline: bool) -> Outcome:
    path = folder / "processes.sqlite3"
    channel = prepare(path)
    ctx = multiprocessing.get_context("spawn")
    results: multiprocessing.Queue = ctx.Queue()
    procs = [
        ctx.Process(target=_process_worker, args=((str(path), channel, t, posts, baseline), results))
        for t in ("a", "b")
    ]
    for p in procs:
        p.start()
    got = [results.get() for _ in procs]
    for p in procs:
        p.join()
    return _sum(got)


def scenario_import(folder: Path, rows: int, baseline: bool) -> tuple[int, float, Outcome]:
    """(import refused, import seconds, the writer beside it)"""
    path = folder / "import.sqlite3"
    channel = prepare(path)
    ctx = multiprocessing.get_context("spawn")
    results: multiprocessing.Queue = ctx.Queue()
    done = ctx.Event()
    importer = ctx.Process(target=_import_worker, args=((str(path), channel, rows, baseline), results, done))
    importer.start()
    time.sleep(1.0)  # let it build its drafts and start
    beside = ctx.Process(
        target=_process_worker, args=((str(path), channel, "beside", 0, baseline), results, done)
    )
    beside.start()
    got = [results.get() for _ in range(2)]
    importer.join()
    beside.join()
    imp = next(r for r in got if r[0] == "import")
    other = next(r for r in got if r[0] != "import")
    return imp[2], imp[3], other


def scenario_cli(folder: Path, posts: int, baseline: bool) -> tuple[int, int]:
    """Whole `nomadcm` processes (the baseline is not available here: the CLI runs as shipped)."""
    path = folder / "cli.sqlite3"
    prepare(path)

    def loop(tag: str, out: list[tuple[int, int]]) -> None:
        stored = refused = 0
        for i in range(posts):
            done = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "nomadcm",
                    "--db",
                    str(path),
                    "post",
                    "add",
                    "--client",
                    "Boulangerie Dupont",
                    "--channel",
                    "instagram",
                    "--at",
                    f"2030-02-01 {i % 24:02d}:00",
                    "--text",
                    f"{tag} {i}",
                ],
                capture_output=True,
                text=True,
                cwd=ROOT,
            )
            if done.returncode == 0:
                stored += 1
            elif "locked" in done.stderr:
                refused += 1
            else:
                raise SystemExit(f"unexpected failure: {done.stderr.strip()}")
        out.append((stored, refused))

    results: list[tuple[int, int]] = []
    threads = [threading.Thread(target=loop, args=(t, results)) for t in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(r[0] for r in results), sum(r[1] for r in results)


def count_posts(path: Path) -> int:
    db = Database.open(path)
    try:
        with db.engine.connect() as conn:
            return int(conn.exec_driver_sql("SELECT count(*) FROM post").scalar() or 0)
    finally:
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=300)
    parser.add_argument("--import-rows", type=int, default=100_000)
    parser.add_argument("--cli-posts", type=int, default=20)
    parser.add_argument("--only", choices=("threads", "processes", "import", "cli"))
    args = parser.parse_args()
    for name, label in (("baseline", "deferred BEGIN (before)"), ("shipped", "NomadCM as shipped")):
        baseline = name == "baseline"
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            print(f"== {label}")
            if args.only in (None, "threads"):
                started = time.monotonic()
                stored, refused, longest = scenario_threads(folder, args.posts, baseline)
                in_file = count_posts(folder / "threads.sqlite3")
                print(
                    f"  two threads x {args.posts} adds: {refused} of {stored + refused} writes refused, "
                    f"{in_file} posts in the file ({time.monotonic() - started:.1f} s, longest add "
                    f"{longest:.2f} s)"
                )
            if args.only in (None, "processes"):
                started = time.monotonic()
                stored, refused, longest = scenario_processes(folder, args.posts, baseline)
                in_file = count_posts(folder / "processes.sqlite3")
                print(
                    f"  two processes x {args.posts} adds: {refused} of {stored + refused} writes refused, "
                    f"{in_file} posts in the file ({time.monotonic() - started:.1f} s, longest add "
                    f"{longest:.2f} s)"
                )
            if args.only in (None, "import"):
                imp_refused, took, (stored, refused, longest) = scenario_import(
                    folder, args.import_rows, baseline
                )
                outcome = "refused" if imp_refused else f"{took:.1f} s"
                print(
                    f"  import of {args.import_rows} posts ({outcome}) beside a writer: {refused} of "
                    f"{stored + refused} writes refused (longest add {longest:.2f} s)"
                )
            if args.only in (None, "cli") and not baseline:
                started = time.monotonic()
                stored, refused = scenario_cli(folder, args.cli_posts, baseline)
                print(
                    f"  two `nomadcm post add` loops x {args.cli_posts}: {refused} of {stored + refused} "
                    f"refused ({time.monotonic() - started:.1f} s)"
                )


if __name__ == "__main__":
    main()
