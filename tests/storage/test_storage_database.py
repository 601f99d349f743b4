"""Opening a database file: clear refusals that name the file, nothing changed in files we refuse."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from nomadcm.errors import DatabaseError
from nomadcm.models import Setting
from nomadcm.services.settings import SettingsService
from nomadcm.storage import Database, engine
from nomadcm.storage.schema import HEAD_REVISION

# sqlite_only: opening a SQLite file (a team database: test_team_database.py)
pytestmark = pytest.mark.sqlite_only


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Locked-file tests wait for the busy timeout: make it short."""
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)
    monkeypatch.setattr(engine, "WRITE_WAIT_S", 0.5)


def test_new_file_is_created_migrated_and_not_backed_up(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "new.sqlite3"
    db = Database.open(path)
    try:
        assert path.is_file()
        assert db.current_revision() == HEAD_REVISION
    finally:
        db.close()
    assert not (path.parent / "backups").exists()  # nothing to back up in a new file
    again = Database.open(path)  # a second start: nothing to migrate, today's backup
    again.close()
    assert [p.name.endswith("-daily.sqlite3") for p in (path.parent / "backups").iterdir()] == [True]
    Database.open(path).close()  # a third one the same day: nothing to do
    assert len(list((path.parent / "backups").iterdir())) == 1


def test_unknown_revision_is_refused_and_file_untouched(db_path: Path) -> None:
    Database.open(db_path).close()
    raw = sqlite3.connect(db_path)
    raw.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    raw.commit()
    raw.close()
    before = digest(db_path)
    with pytest.raises(DatabaseError) as caught:
        Database.open(db_path)
    message = str(caught.value)
    assert str(db_path) in message
    assert "0099_from_the_future" in message
    assert "newer NomadCM" in message
    assert digest(db_path) == before
    assert not (db_path.parent / "backups").exists()


def test_non_sqlite_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Bonjour, ceci n'est pas une base de données.\n" * 200, encoding="utf-8")
    before = digest(path)
    with pytest.raises(DatabaseError) as caught:
        Database.open(path)
    assert str(path) in str(caught.value)
    assert "not a NomadCM database" in str(caught.value)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]  # no marker, no backups folder


def test_sqlite_file_of_another_program_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "collection.anki2"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    raw.execute("INSERT INTO notes (body) VALUES ('ne pas toucher')")
    raw.commit()
    raw.close()
    before = digest(path)
    with pytest.raises(DatabaseError) as caught:
        Database.open(path)
    assert str(path) in str(caught.value)
    assert "notes" in str(caught.value)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["collection.anki2"]


def test_empty_file_becomes_a_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    db = Database.open(path)
    try:
        assert db.current_revision() == HEAD_REVISION
    finally:
        db.close()


def test_folder_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError) as caught:
        Database.open(tmp_path)
    assert str(tmp_path) in str(caught.value) and "folder" in str(caught.value)


def test_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DatabaseError) as caught:
        Database.open(blocker / "db.sqlite3")
    assert str(blocker / "db.sqlite3") in str(caught.value)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_refused(db_path: Path) -> None:
    Database.open(db_path).close()
    db_path.chmod(0)
    try:
        with pytest.raises(DatabaseError) as caught:
            Database.open(db_path)
        assert str(db_path) in str(caught.value)
    finally:
        db_path.chmod(0o600)


def test_locked_file_is_refused_with_its_name(db_path: Path, short_busy_timeout: None) -> None:
    Database.open(db_path).close()
    other = sqlite3.connect(db_path, isolation_level=None)  # another program holding the file
    try:
        other.execute("PRAGMA locking_mode = EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        other.execute("INSERT INTO setting (key, value) VALUES ('other', '1')")
        with pytest.raises(DatabaseError) as caught:
            Database.open(db_path)
        assert str(db_path) in str(caught.value)
        assert "locked" in str(caught.value)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_write_while_another_program_writes(db: Database, db_path: Path, short_busy_timeout: None) -> None:
    db.close()
    db = Database.open(db_path)  # engine made with the short timeout
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(DatabaseError) as caught:
            SettingsService(db).set("home_tz", "Asia/Tokyo")
        assert str(db_path) in str(caught.value) and "locked" in str(caught.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    SettingsService(db).set("home_tz", "Asia/Tokyo")  # once the other program is done, it works
    assert SettingsService(db).home_tz() == "Asia/Tokyo"
    db.close()


def test_open_without_migrating_refuses_an_old_schema(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Database.open(db_path).close()
    from nomadcm.storage import database

    monkeypatch.setattr(database, "HEAD_REVISION", "9999_next")
    monkeypatch.setattr(database, "KNOWN_REVISIONS", (*database.KNOWN_REVISIONS, "9999_next"))
    before = digest(db_path)
    with pytest.raises(DatabaseError, match="out of date"):
        Database.open(db_path, migrate=False)
    assert digest(db_path) == before


def test_read_sessions_never_commit(db: Database) -> None:
    with db.session() as s:
        s.add(Setting(key="ghost", value="1"))
        s.flush()
    with db.session() as s:
        assert s.get(Setting, "ghost") is None


def test_write_rolls_back_on_error(db: Database) -> None:
    with pytest.raises(RuntimeError), db.write() as s:
        s.add(Setting(key="half", value="1"))
        s.flush()
        raise RuntimeError("boom")
    with db.session() as s:
        assert s.get(Setting, "half") is None


def test_writers_in_threads_are_serialised(db: Database) -> None:
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            for i in range(40):
                with db.write() as s:
                    s.add(Setting(key=f"t{n}-{i}", value=str(i)))
        except BaseException as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Setting).where(Setting.key.like("t%"))) == 160
