"""The posts' bulk insert on SQLite (services/schedule/post_writer.py, issue 14): plain tuples through one
executemany, the table's defaults filled by `_SqliteRows`, under a larger page cache. What it stores is what
the typed table stores (tests/robustness/test_import_streaming.py compares every other column); here, the
defaults it fills itself, the table's own way when a default is one it does not know, and the page cache
given back."""

from __future__ import annotations

import sqlite3
import time
import uuid
from datetime import datetime

import pytest
from sqlalchemy import text
from sqlalchemy.schema import ColumnDefault

from nomadcm.models import Post
from nomadcm.services.container import Services
from nomadcm.services.schedule import post_writer
from nomadcm.services.schedule.post_writes import DraftsRefused, PostDraft
from nomadcm.storage import Database
from nomadcm.uuid7 import uuid7_millis

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def channel_id(services: Services) -> int:
    client = services.clients.add_client("Surf Ericeira", "Europe/Lisbon")
    return services.clients.add_channel(client.id, "instagram").id


def drafts(channel_id: int, count: int) -> list[PostDraft]:
    return [PostDraft(channel_id, f"post {k}", datetime(2027, 3, 1, 9, k % 60)) for k in range(count)]


def stored(db: Database, columns: str) -> list[tuple]:  # type: ignore[type-arg]
    with sqlite3.connect(db.path) as conn:
        return conn.execute(f"SELECT {columns} FROM post ORDER BY id").fetchall()


def test_each_row_gets_its_own_uuid7_of_now_and_the_constant_defaults(
    services: Services, db: Database, channel_id: int
) -> None:
    before = time.time_ns() // 1_000_000
    ids = services.posts.add_many(drafts(channel_id, 7_000))  # two batches
    after = time.time_ns() // 1_000_000
    rows = stored(db, "id, uuid, version, created_by, updated_by")
    assert [r[0] for r in rows] == ids
    made = [uuid.UUID(r[1]) for r in rows]
    assert len(set(made)) == 7_000
    assert all(u.version == 7 and str(u) == r[1] for u, r in zip(made, rows, strict=True))
    assert all(before <= uuid7_millis(u) <= after for u in made)
    assert {r[2:] for r in rows} == {(1, None, None)}  # version's default; no member acting


def test_a_default_it_does_not_know_goes_the_tables_own_way(
    services: Services, db: Database, channel_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A column default `_SqliteRows` cannot fill (here: `version` made by a function of its own) sends the
    batches through Core, which calls it."""
    assert post_writer._SqliteRows.plan(None, "now") is not None
    monkeypatch.setattr(Post.__table__.c.version, "default", ColumnDefault(lambda: 1))
    assert post_writer._SqliteRows.plan(None, "now") is None
    ids = services.posts.add_many(drafts(channel_id, 3))
    assert stored(db, "id, version, text") == [(i, 1, f"post {k}") for k, i in enumerate(ids)]


def page_cache(db: Database) -> int:
    with db.session() as s:
        return int(s.execute(text("PRAGMA cache_size")).scalar_one())


def test_the_page_cache_is_larger_during_the_insert_and_given_back(
    services: Services, db: Database, channel_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    usual = page_cache(db)
    seen: list[int] = []
    flush = post_writer._SqliteRows.insert

    def spy(self: post_writer._SqliteRows, s, rows):  # type: ignore[no-untyped-def]
        seen.append(int(s.execute(text("PRAGMA cache_size")).scalar_one()))
        return flush(self, s, rows)

    monkeypatch.setattr(post_writer._SqliteRows, "insert", spy)
    services.posts.add_many(drafts(channel_id, 3))
    assert seen == [-post_writer.BULK_PAGE_CACHE_KIB] and usual != seen[0]
    assert page_cache(db) == usual
    with pytest.raises(DraftsRefused):  # refused: rolled back, and the cache given back all the same
        services.posts.add_many([*drafts(channel_id, 2), PostDraft(channel_id, "", datetime(2027, 3, 1))])
    assert page_cache(db) == usual
