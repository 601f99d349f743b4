"""Two writers at once wait for each other instead of failing with "database is locked" (issue 12).

Writes begin IMMEDIATE (storage/engine.py): the write lock is taken at BEGIN, where SQLite's busy timeout
applies, not at the first INSERT after a read, where a commit of the other writer in between made SQLite
refuse at once (SQLITE_BUSY_SNAPSHOT). bench/bench_two_writers.py measures the same scenarios against the old
deferred BEGIN.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from robust_setup import add_client_channel, add_posts, add_posts_in_processes
from sqlalchemy import event

from nomadcm.errors import DatabaseError
from nomadcm.services.container import Services
from nomadcm.storage import Database, engine
from nomadcm.storage.engine import make_engine, write_engine

# sqlite_only: SQLite's writer lock (PostgreSQL: tests/storage/test_team_concurrency.py)
pytestmark = pytest.mark.sqlite_only

ROOT = Path(__file__).resolve().parents[2]
START = datetime(2030, 1, 1, 9, 0)
CLIENT = "Boulangerie Dupont"


def prepare(path: Path) -> int:
    return add_client_channel(str(path), CLIENT, "Europe/Paris")


def texts(path: Path) -> list[str]:
    raw = sqlite3.connect(path)
    try:
        return sorted(str(r[0]) for r in raw.execute("SELECT text FROM post"))
    finally:
        raw.close()


def test_two_processes_store_all_their_posts(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    channel = prepare(path)
    outcomes = add_posts_in_processes(str(path), channel, ["a", "b"], 100, START)
    assert [o[1] for o in outcomes] == [[], []]  # not one "locked"
    assert sum(o[0] for o in outcomes) == 200
    assert texts(path) == sorted(f"{t} {i}" for t in "ab" for i in range(100))


def test_two_databases_in_two_threads_store_all_their_posts(tmp_path: Path) -> None:
    """Two Database objects on one file in one process: two engines, so SQLite's lock is all they share."""
    path = tmp_path / "shared.sqlite3"
    channel = prepare(path)
    outcomes: list[tuple[int, list[str]]] = []
    threads = [
        threading.Thread(target=lambda t=t: outcomes.append(add_posts(str(path), channel, t, 100, START)))
        for t in "ab"
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=240)
    assert [o[1] for o in outcomes] == [[], []]
    assert len(texts(path)) == 200


@pytest.mark.slow
def test_two_cli_loops_store_all_their_posts(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    prepare(path)
    failures: list[str] = []

    def loop(tag: str) -> None:
        for i in range(4):
            done = subprocess.run(
                [sys.executable, "-m", "nomadcm", "--db", str(path), "post", "add", "--client", CLIENT,
                 "--channel", "instagram", "--at", f"2030-02-0{i + 1} 09:00", "--text", f"{tag} {i}"],
                capture_output=True, text=True, cwd=ROOT, timeout=120,
            )  # fmt: skip
            if done.returncode != 0:
                failures.append(done.stderr.strip())

    threads = [threading.Thread(target=loop, args=(t,)) for t in "ab"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    assert len(texts(path)) == 8


def test_a_write_waits_for_another_program_then_succeeds(db: Database, db_path: Path) -> None:
    services = Services(db)
    other = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO setting (key, value) VALUES ('other', '1')")
    threading.Timer(1.0, lambda: other.execute("COMMIT")).start()
    started = time.monotonic()
    services.settings.set("home_tz", "Asia/Tokyo")
    waited = time.monotonic() - started
    other.close()
    assert waited >= 0.9  # it waited for the other program...
    assert services.settings.get("home_tz") == "Asia/Tokyo"  # ...and wrote, after it
    with db.session() as s:
        assert s.connection().exec_driver_sql("SELECT value FROM setting WHERE key = 'other'").scalar() == "1"


def test_a_write_gives_up_after_the_bounded_wait(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr(engine, "WRITE_WAIT_S", 0.6)
    db = Database.open(db_path)
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        started = time.monotonic()
        with pytest.raises(DatabaseError) as caught:
            Services(db).settings.set("home_tz", "Asia/Tokyo")
        waited = time.monotonic() - started
    finally:
        other.execute("ROLLBACK")
        other.close()
        db.close()
    assert 0.5 <= waited < 5
    message = str(caught.value)
    assert "locked" in message and str(db_path) in message and "\n" not in message


def test_reads_do_not_wait_for_a_writer(db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Read sessions keep a deferred BEGIN: WAL lets them read the last commit while another writes."""
    Services(db).settings.set("home_tz", "Asia/Tokyo")
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        started = time.monotonic()
        assert Services(db).settings.get("home_tz") == "Asia/Tokyo"
        assert time.monotonic() - started < 0.5
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_write_sessions_begin_immediate_and_read_sessions_do_not(db: Database) -> None:
    statements: list[str] = []

    def seen(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.startswith("BEGIN"):
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        with db.session() as s:
            s.connection()
        with db.write() as s:
            s.connection()
            with db.write() as inner:  # nested on the same thread: the outer one holds the lock
                inner.connection()
        with db.write_connection() as conn:
            conn.exec_driver_sql("SELECT 1")
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert statements == ["BEGIN", "BEGIN IMMEDIATE", "BEGIN", "BEGIN IMMEDIATE"]


def test_other_databases_get_none_of_the_sqlite_hooks() -> None:
    """PostgreSQL (team mode): no pragmas, no BEGIN of ours; its write engine is the engine itself."""
    fake_dbapi = mock.MagicMock(paramstyle="format", __version__="1.31.2")
    pg = make_engine("postgresql+pg8000://nomad@localhost/team", module=fake_dbapi)
    assert pg.dialect.name == "postgresql"
    assert not event.contains(pg, "begin", engine._sqlite_begin)
    assert not event.contains(pg, "connect", engine._sqlite_pragmas)
    assert write_engine(pg) is pg
