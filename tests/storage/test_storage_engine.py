"""Connection pragmas: WAL, synchronous=FULL, foreign keys, busy timeout — on every connection."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from nomadcm.storage import Database
from nomadcm.storage.engine import BUSY_TIMEOUT_MS, make_engine, sqlite_url

# sqlite_only: SQLite's connection pragmas, WAL and BEGIN IMMEDIATE
pytestmark = pytest.mark.sqlite_only

EXPECTED = {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": BUSY_TIMEOUT_MS}


def pragmas(conn) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar() for name in EXPECTED}


def test_busy_timeout_is_a_few_seconds() -> None:
    assert 1000 <= BUSY_TIMEOUT_MS <= 30000


def test_every_pooled_connection_gets_the_pragmas(db: Database) -> None:
    conns = [db.engine.connect() for _ in range(3)]  # held at once: three distinct DBAPI connections
    try:
        assert len({id(c.connection.dbapi_connection) for c in conns}) == 3
        for conn in conns:
            assert pragmas(conn) == EXPECTED
    finally:
        for conn in conns:
            conn.close()


def test_sessions_and_other_threads_get_the_pragmas(db: Database) -> None:
    with db.session() as s:
        assert pragmas(s.connection()) == EXPECTED
    with db.write() as s:
        assert pragmas(s.connection()) == EXPECTED
    seen: list[dict[str, object]] = []

    def worker() -> None:
        with db.engine.connect() as conn:
            seen.append(pragmas(conn))

    t = threading.Thread(target=worker)
    t.start()
    t.join()
    assert seen == [EXPECTED]


def test_a_fresh_engine_after_dispose_gets_them_too(db_path: Path) -> None:
    db = Database.open(db_path)
    db.close()
    engine = make_engine(sqlite_url(db_path))
    try:
        with engine.connect() as conn:
            assert pragmas(conn) == EXPECTED
            # foreign keys really are enforced on this connection
            with pytest.raises(Exception, match="FOREIGN KEY"):
                conn.execute(text("INSERT INTO channel (client_id, network, handle) VALUES (12345, 'x', '')"))
    finally:
        engine.dispose()


def test_the_file_is_in_wal_mode_on_disk(db: Database, db_path: Path) -> None:
    import sqlite3

    raw = sqlite3.connect(db_path)  # a plain connection, no NomadCM pragmas
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # WAL is persistent in the file
    finally:
        raw.close()


def test_sqlalchemy_transactions_are_real(db: Database) -> None:
    """The sqlite3 module must not COMMIT behind SQLAlchemy's back: a rolled-back write leaves nothing."""
    with db.engine.connect() as conn:
        conn.execute(text("INSERT INTO setting (key, value) VALUES ('k', '1')"))
        conn.rollback()
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM setting WHERE key = 'k'")).scalar() == 0
