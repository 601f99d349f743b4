"""LISTEN/NOTIFY on a team database (storage/pg_changes.py): another connection's committed writes are heard,
our own and rolled-back ones are not; a lost server is reported, retried, and its return heard."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from pg_outage import database_unreachable
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from nomadcm.storage import Database, open_database, pg_changes
from nomadcm.storage.pg_changes import PostgresChangeCounter

pytestmark = pytest.mark.postgres_only


def _polls_true_within(counter: PostgresChangeCounter, seconds: float = 2.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if counter.poll():
            return True
        time.sleep(0.05)
    return False


def _listening(counter: PostgresChangeCounter) -> PostgresChangeCounter:
    """The counter's connection is made on a thread; its first poll then says "changed" once (for what was
    written before it listened)."""
    assert counter.status().reachable  # while the first connection is being made too
    assert _polls_true_within(counter, 5.0)
    assert not counter.poll()
    return counter


def _wait_for(condition: Callable[[], bool], seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def other(db_arg: str) -> Iterator[Database]:
    """The same team database opened a second time: another member's NomadCM, as far as the server knows."""
    database = open_database(db_arg)
    yield database
    database.close()


@pytest.fixture
def listener(db_arg: str) -> Iterator[Any]:
    """A plain psycopg connection to the team database, as psql would be."""
    engine = create_engine(make_url(db_arg), isolation_level="AUTOCOMMIT")
    conn = engine.raw_connection()
    yield conn.driver_connection
    conn.close()
    engine.dispose()


def test_another_members_commit_is_heard_ours_and_reads_are_not(db: Database, other: Database) -> None:
    counter = db.change_counter()
    assert isinstance(counter, PostgresChangeCounter)
    _listening(counter)

    with other.write() as s:
        s.execute(text("INSERT INTO setting (key, value) VALUES ('home_tz', '1')"))
    assert _polls_true_within(counter)
    assert not counter.poll()  # heard once

    with db.write() as s:  # our own commit: absorbed
        s.execute(text("UPDATE setting SET value = '2'"))
    with other.session() as s:  # a read: no notification at all
        assert s.execute(text("SELECT value FROM setting")).scalar() == "2"
    assert not _polls_true_within(counter, 1.0)


def test_a_rolled_back_write_is_not_heard(db: Database, other: Database) -> None:
    counter = _listening(db.change_counter())  # type: ignore[arg-type]
    with pytest.raises(RuntimeError), other.write() as s:
        s.execute(text("INSERT INTO setting (key, value) VALUES ('ghost', '1')"))
        raise RuntimeError("changed my mind")
    assert not _polls_true_within(counter, 1.0)
    with other.session() as s:
        assert s.execute(text("SELECT count(*) FROM setting")).scalar() == 0


def test_the_notification_names_the_tables_and_carries_the_writers_token(
    db: Database, other: Database, listener: Any
) -> None:
    listener.execute(f"LISTEN {pg_changes.CHANNEL}")
    with other.write() as s:
        s.execute(text("INSERT INTO setting (key, value) VALUES ('language', '3')"))
    notes = list(listener.notifies(timeout=2, stop_after=1))
    assert [note.payload for note in notes] == [f"{other._notify_token} setting"]
    assert other._notify_token != db._notify_token


def test_a_lost_server_is_reported_retried_and_its_return_heard(
    db: Database, pg_server_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pg_changes, "RETRY_FIRST_S", 0.2)
    counter = _listening(db.change_counter())  # type: ignore[arg-type]
    assert db.server is not None
    with database_unreachable(pg_server_url, db.server.database):
        assert _wait_for(lambda: (counter.poll(), not counter.status().reachable)[1])
        status = counter.status()
        assert f"at {db.server}" in status.reason and "\n" not in status.reason
        assert 0 <= status.retry_in_s <= pg_changes.RETRY_MAX_S
        deadline = time.monotonic() + 1.0  # a few tries fail meanwhile: still unreachable, nothing "changed"
        while time.monotonic() < deadline:
            assert not counter.poll() and not counter.status().reachable
            time.sleep(0.05)
    counter.retry_now()
    assert _polls_true_within(counter, 10.0)  # back: "changed", since anything may have been written
    assert counter.status().reachable
    assert not counter.poll()


def test_a_server_away_at_the_start_is_reported_once_the_first_try_fails(
    db: Database, pg_server_url: str
) -> None:
    assert db.server is not None
    with database_unreachable(pg_server_url, db.server.database):
        counter = db.change_counter()
        assert counter.status().reachable  # not known yet: no banner for a try still running
        assert _wait_for(lambda: (counter.poll(), not counter.status().reachable)[1])
        assert "cannot reach the team database" in counter.status().reason
