"""`Database.change_counter()`: another connection's commits count, our own (any thread, ORM or Core) do not."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from nomadcm.storage import Database
from nomadcm.storage.change_counter import NullChangeCounter

# sqlite_only: PRAGMA data_version of a file; PostgreSQL's LISTEN/NOTIFY is a later step
pytestmark = pytest.mark.sqlite_only


def _write(db: Database, key: str) -> None:
    with db.write() as session:
        session.execute(text("INSERT INTO setting (key, value) VALUES (:k, '1')"), {"k": key})


def test_our_own_commits_are_not_changes(db: Database) -> None:
    counter = db.change_counter()
    assert not counter.poll()
    _write(db, "gui")
    assert not counter.poll()
    worker = threading.Thread(target=_write, args=(db, "worker"))
    worker.start()
    worker.join()
    assert not counter.poll()
    with db.write_lock, db.engine.begin() as conn:  # Core, as the bulk importers write
        conn.execute(text("INSERT INTO setting (key, value) VALUES ('core', '1')"))
    assert not counter.poll()


def test_another_connection_is_a_change_once(db: Database, db_path: Path) -> None:
    counter = db.change_counter()
    other = Database.open(db_path)
    try:
        _write(other, "other")
    finally:
        other.close()
    assert counter.poll()
    assert not counter.poll()


def test_a_foreign_change_is_not_swallowed_by_our_next_write(db: Database, db_path: Path) -> None:
    counter = db.change_counter()
    other = Database.open(db_path)
    try:
        _write(other, "other")
    finally:
        other.close()
    _write(db, "ours")  # before the next poll
    assert counter.poll()


def test_closed_with_the_database(db_path: Path) -> None:
    db = Database.open(db_path)
    counter = db.change_counter()
    db.close()
    assert not counter.poll()


def test_other_engines_never_change() -> None:
    db = Database.open_url("sqlite://")
    try:
        counter = db.change_counter()
        assert isinstance(counter, NullChangeCounter)
        _write(db, "memory")
        assert not counter.poll()
    finally:
        db.close()
