"""Migration 0007 on a file of the previous version: rows keep their ids and values and get a UUIDv7 whose
time is when they were made, `updated_at` from `created_at`, no author (made by a CM alone); the indexes
0006 made on lower(name) and the never-reused post ids survive the table rebuilds; and it goes back down."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from nomadcm.storage import migrate
from nomadcm.storage.engine import make_engine, sqlite_url
from nomadcm.uuid7 import uuid7_millis

pytestmark = pytest.mark.sqlite_only  # a file written by the previous version's migrations

CREATED = "2024-01-02 03:04:05.678000"


def _migrate(path: Path, revision: str, down: bool = False) -> None:
    engine = make_engine(sqlite_url(path))
    cfg = migrate.alembic_config()
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            (command.downgrade if down else command.upgrade)(cfg, revision)
    finally:
        engine.dispose()


def _file_with_rows(path: Path) -> None:
    _migrate(path, "0006_versions")
    raw = sqlite3.connect(path)
    raw.execute(
        "INSERT INTO client (name, audience_tz, colour, notes, prime_start_min, prime_end_min, created_at) "
        f"VALUES ('Érable Café', 'America/Toronto', '#4a90d9', '', 480, 1260, '{CREATED}')"
    )
    raw.execute("INSERT INTO channel (client_id, network, handle) VALUES (1, 'instagram', 'erable')")
    for pid in (1, 2):
        raw.execute(
            "INSERT INTO post (id, channel_id, text, link, tags, notes, status, wall_time, tz, fold, utc, "
            f"created_at, updated_at) VALUES ({pid}, 1, 'Bonjour', '', '', '', 'scheduled', "
            f"'2027-03-04 09:00:00.000000', 'America/Toronto', 0, '2027-03-04 14:00:00.000000', '{CREATED}', "
            f"'{CREATED}')"
        )
    raw.execute("DELETE FROM post WHERE id = 2")  # id 2 was used: never handed out again
    raw.commit()
    raw.close()


def test_rows_of_the_previous_version_get_uuids_and_keep_their_values(db_path: Path) -> None:
    _file_with_rows(db_path)
    _migrate(db_path, "0007_team_members")
    raw = sqlite3.connect(db_path)
    try:
        client = raw.execute("SELECT uuid, updated_at, created_by, updated_by, name FROM client").fetchone()
        post = raw.execute("SELECT id, uuid, created_by, updated_by, assignee_id, text FROM post").fetchone()
        channel_uuid = raw.execute("SELECT uuid FROM channel").fetchone()[0]
        keys = {(r[3], r[2], r[4], r[6]) for r in raw.execute("PRAGMA foreign_key_list(post)")}
        assert {
            ("created_by", "member", "id", "SET NULL"),
            ("assignee_id", "member", "id", "SET NULL"),
        } <= keys
        raw.execute("PRAGMA foreign_keys = ON")
        with pytest.raises(sqlite3.IntegrityError):  # 0006's lower(name) index is still there
            raw.execute(  # (this connection's lower() is SQLite's own: ASCII letters only)
                "INSERT INTO client (name, audience_tz, colour, notes, prime_start_min, prime_end_min, "
                "created_at, updated_at, uuid) VALUES ('ÉRABLE CAFé', 'UTC', '#000', '', 0, 0, 'x', 'x', 'u')"
            )
        raw.execute(  # the next post gets id 3, not 2
            "INSERT INTO post (channel_id, text, link, tags, notes, status, wall_time, tz, fold, utc, "
            "created_at, updated_at, uuid) SELECT channel_id, text, link, tags, notes, status, wall_time, tz, "
            "fold, utc, created_at, updated_at, 'new' FROM post"
        )
        assert raw.execute("SELECT max(id) FROM post").fetchone()[0] == 3
    finally:
        raw.close()
    created_ms = int(datetime.fromisoformat(CREATED).replace(tzinfo=UTC).timestamp() * 1000)
    assert client[1:] == (CREATED, None, None, "Érable Café")
    assert post[0] == 1 and post[2:] == (None, None, None, "Bonjour")
    for value in (client[0], post[1], channel_uuid):
        assert uuid.UUID(value).version == 7
    assert uuid7_millis(client[0]) == uuid7_millis(post[1]) == created_ms
    assert len({client[0], post[1], channel_uuid}) == 3


def _indexes(path: Path) -> dict[str, str]:
    raw = sqlite3.connect(path)
    try:
        return dict(
            raw.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
        )
    finally:
        raw.close()


def test_the_indexes_of_0006_stay_and_the_migration_goes_back_down(db_path: Path) -> None:
    _file_with_rows(db_path)
    before = _indexes(db_path)  # 0006's indexes on expressions (lower/upper of names) among them
    _migrate(db_path, "0007_team_members")
    after = _indexes(db_path)
    assert {name: after.get(name) for name in before} == before
    assert {"ix_post_uuid", "ix_client_uuid", "ix_channel_uuid", "ix_post_assignee_id"} <= set(after)
    _migrate(db_path, "0006_versions", down=True)
    engine = make_engine(sqlite_url(db_path))
    try:
        with engine.connect() as conn:
            tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
            columns = {r[1] for r in conn.execute(text("PRAGMA table_info(post)"))}
    finally:
        engine.dispose()
    assert not {"member", "member_role"} & tables
    assert not {"uuid", "created_by", "updated_by", "assignee_id"} & columns
    assert _indexes(db_path) == before
