"""Migrations: the scripts build exactly the models' schema; older files are checked and backed up first."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import CheckConstraint, inspect
from sqlalchemy.engine import Connection

from nomadcm.errors import DatabaseError
from nomadcm.models import Base
from nomadcm.services.schedule.clients import ClientService
from nomadcm.storage import Database, backup, database, migrate
from nomadcm.storage.schema import HEAD_REVISION, KNOWN_REVISIONS
from tests.storage.older_files import file_at

# sqlite_only: a file's migration after its checked copy (servers: test_team_database.py)
pytestmark = pytest.mark.sqlite_only


def test_known_revisions_match_the_scripts() -> None:
    assert list(KNOWN_REVISIONS) == migrate.script_revisions()
    assert migrate.script_revisions()[-1] == HEAD_REVISION


def test_migration_creates_every_model_table(db: Database) -> None:
    tables = set(inspect(db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert tables - set(Base.metadata.tables) == {"alembic_version"}


# The case-insensitive name indexes are on expressions, which SQLAlchemy does not reflect on SQLite (it warns
# and skips them; tests/storage/test_migration_versions.py checks they exist).
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index")
def test_models_match_the_migrated_schema(db: Database) -> None:
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
        diff = _without_column_level_member_fks(conn, compare_metadata(ctx, Base.metadata))
    assert diff == []


def _without_column_level_member_fks(conn: Connection, diff: list[Any]) -> list[Any]:
    """Migration 0007 adds the member columns in place (ALTER TABLE ADD COLUMN ... CONSTRAINT fk_... REFERENCES
    member ON DELETE SET NULL; 0008 the owners of stays and transits, ON DELETE CASCADE): SQLAlchemy reads a column-level FOREIGN KEY's name and ON DELETE from SQLite's
    table text only in the table-level form, so alembic sees an unnamed plain one. Those pairs are dropped
    here once SQLite itself (PRAGMA foreign_key_list) confirms the key refers to member(id) with the model's
    ON DELETE."""

    def key(fk: Any) -> tuple[str, tuple[str, ...]]:
        return fk.table.name, tuple(c.name for c in fk.columns)

    added = {key(d[1]): d for d in diff if d[0] == "add_fk" and str(d[1].name).endswith("_member")}
    removed = {key(d[1]): d for d in diff if d[0] == "remove_fk" and d[1].name is None}
    confirmed = set()
    for table, columns in set(added) & set(removed):
        rows = conn.exec_driver_sql(f'PRAGMA foreign_key_list("{table}")').all()
        wanted = str(added[(table, columns)][1].ondelete).upper()
        if any((r[2], r[3], r[4], r[6]) == ("member", columns[0], "id", wanted) for r in rows):
            confirmed.add((table, columns))
    return [d for d in diff if not (d[0] in ("add_fk", "remove_fk") and key(d[1]) in confirmed)]


def test_check_constraints_match_the_migrated_schema(db: Database) -> None:
    """alembic does not compare CHECK constraints on SQLite: compare their names with the stored DDL."""
    with db.engine.connect() as conn:
        ddl = dict(conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type='table'").all())
    missing = []
    for table in Base.metadata.sorted_tables:
        for constraint in table.constraints:
            if isinstance(constraint, CheckConstraint):
                name = str(constraint.name)
                if not re.search(rf"CONSTRAINT {re.escape(name)} CHECK", ddl[table.name]):
                    missing.append(f"{table.name}.{name}")
    assert missing == []


def _client_names(path: Path) -> list[str]:
    raw = sqlite3.connect(path)
    try:
        return [r[0] for r in raw.execute("SELECT name FROM client ORDER BY name")]
    finally:
        raw.close()


def _revision(path: Path) -> str:
    raw = sqlite3.connect(path)
    try:
        return str(raw.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        raw.close()


@pytest.mark.skipif(len(KNOWN_REVISIONS) < 2, reason="only one migration so far")
def test_file_of_the_previous_version_is_backed_up_then_migrated(db_path: Path) -> None:
    previous = KNOWN_REVISIONS[-2]
    file_at(db_path, previous)
    raw = sqlite3.connect(db_path)
    raw.execute(
        "INSERT INTO client (name, audience_tz, colour, notes, prime_start_min, prime_end_min, created_at) "
        "VALUES ('Érable Café', 'America/Toronto', '#4a90d9', '', 480, 1260, '2024-01-01 00:00:00.000000')"
    )
    raw.commit()
    raw.close()
    db = Database.open(db_path)
    try:
        assert db.current_revision() == HEAD_REVISION
        assert [c.name for c in ClientService(db).list_clients()] == ["Érable Café"]
    finally:
        db.close()
    copies = list((db_path.parent / "backups").glob("*.sqlite3"))
    assert len(copies) == 1
    assert previous in copies[0].name
    assert _revision(copies[0]) == previous  # the copy is the file as it was before migrating
    assert _client_names(copies[0]) == ["Érable Café"]


@pytest.fixture
def newer_head(monkeypatch: pytest.MonkeyPatch) -> str:
    """Pretend this NomadCM has one more migration than the scripts, so a head file counts as older.
    (alembic then finds nothing to run: the test sees the check-and-backup steps alone.)"""
    current = HEAD_REVISION
    monkeypatch.setattr(database, "HEAD_REVISION", "9999_next")
    monkeypatch.setattr(database, "KNOWN_REVISIONS", (*KNOWN_REVISIONS, "9999_next"))
    return current


def test_older_file_is_backed_up_with_the_sqlite_backup_api(db_path: Path, newer_head: str) -> None:
    db = Database.open(db_path)
    ClientService(db).add_client("Érable Café", "America/Toronto")
    db.close()
    reopened = Database.open(db_path)
    reopened.close()
    copies = sorted((db_path.parent / "backups").iterdir())
    assert len(copies) == 1
    assert copies[0].name.startswith(db_path.stem + "-") and copies[0].name.endswith(f"-{newer_head}.sqlite3")
    assert _client_names(copies[0]) == ["Érable Café"]
    raw = sqlite3.connect(copies[0])
    try:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        raw.close()


def _damage(path: Path) -> None:
    """Fill a few pages with rows, then break one B-tree page's cell pointers (header stays readable)."""
    db = Database.open(path)
    svc = ClientService(db)
    for i in range(300):
        svc.add_client(f"client {i:03d}", "Europe/Paris", notes="x" * 500)
    db.close()
    size = path.stat().st_size
    page = 4096
    with path.open("r+b") as f:
        f.seek(size - 3 * page + 8)  # cell pointer array of a leaf page near the end
        f.write(b"\x00" * 8)


def test_damaged_file_is_refused_before_backup_or_migration(db_path: Path, newer_head: str) -> None:
    _damage(db_path)
    with pytest.raises(DatabaseError) as caught:
        Database.open(db_path)
    message = str(caught.value)
    assert str(db_path) in message and "damaged" in message
    assert "\n" not in message  # one line for the CLI
    assert not (db_path.parent / "backups").exists()


def test_backup_to_copies_atomically(db: Database, db_path: Path, tmp_path: Path) -> None:
    ClientService(db).add_client("Sofia Bakery", "Europe/Sofia")
    target = tmp_path / "copies" / "copy.sqlite3"
    target.parent.mkdir()
    target.write_text("an older copy")
    assert backup.backup_to(db_path, target) == target
    assert _client_names(target) == ["Sofia Bakery"]  # the open database's committed content, WAL included
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.sqlite3"]  # no .part left


def test_old_backups_are_pruned(db: Database, db_path: Path) -> None:
    folder = db_path.parent / "backups"
    folder.mkdir()
    for i in range(12):
        (folder / f"{db_path.stem}-20240101-0000{i:02d}-old.sqlite3").write_text("old")
    (folder / "someone-else.sqlite3").write_text("keep")
    copy = backup.backup_before_migration(db, "0001_initial")
    mine = sorted(folder.glob(f"{db_path.stem}-*.sqlite3"))
    assert len(mine) == backup.KEEP_BACKUPS
    assert copy in mine
    assert (folder / "someone-else.sqlite3").exists()
