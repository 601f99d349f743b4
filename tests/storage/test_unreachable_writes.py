"""While a database's change counter says it cannot be reached (a team server away, storage/pg_changes.py),
every write is refused at once with the reason and "nothing was saved", and nothing is written; reads are
left to try. Engine-agnostic: the counter's status is set by the test."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from nomadcm.errors import ServerUnreachableError
from nomadcm.storage import Database
from nomadcm.storage.change_counter import ConnectionStatus

AWAY = ConnectionStatus(False, 4.0, "cannot reach the team database at db.example:5432 (Connection refused)")


def _settings(db: Database) -> int:
    with db.session() as s:
        return int(s.execute(text("SELECT count(*) FROM setting")).scalar_one())


def test_writes_are_refused_while_away_and_go_through_once_back(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    counter = db.change_counter()
    monkeypatch.setattr(counter, "status", lambda: AWAY)
    with pytest.raises(ServerUnreachableError) as refused, db.write() as s:
        s.execute(text("INSERT INTO setting (key, value) VALUES ('a', '1')"))
    assert str(refused.value) == f"{AWAY.reason}: nothing was saved — try again once it is back"
    with pytest.raises(ServerUnreachableError), db.write_connection() as conn:
        conn.execute(text("INSERT INTO setting (key, value) VALUES ('b', '2')"))
    assert _settings(db) == 0

    monkeypatch.setattr(counter, "status", lambda: ConnectionStatus())
    with db.write() as s:
        s.execute(text("INSERT INTO setting (key, value) VALUES ('a', '1')"))
    assert _settings(db) == 1
