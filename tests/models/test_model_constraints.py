"""Check constraints, foreign keys and cascades of the foundation's tables, enforced by the database itself."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from nomadcm.models import (
    NETWORK_LIMITS,
    NETWORKS,
    POST_STATUSES,
    Channel,
    Client,
    ConflictAck,
    Post,
    Setting,
    Stay,
    Transit,
)

T0 = datetime(2024, 7, 1, 7, 0, tzinfo=UTC)
UNIQUE = "UNIQUE|unique constraint"  # SQLite's words, PostgreSQL's


def _client(db, name: str = "Érable Café") -> int:  # type: ignore[no-untyped-def]
    with db.write() as s:
        c = Client(name=name, audience_tz="America/Toronto")
        s.add(c)
        s.flush()
        return c.id


def _channel(db, client_id: int, network: str = "instagram") -> int:  # type: ignore[no-untyped-def]
    with db.write() as s:
        ch = Channel(client_id=client_id, network=network, handle="@erable", text_limit=2200)
        s.add(ch)
        s.flush()
        return ch.id


def _post(channel_id: int = 0, **over: object) -> Post:
    values: dict[str, object] = dict(
        channel_id=channel_id,
        text="Bonjour",
        wall_time=datetime(2024, 7, 1, 3, 0),
        tz="America/Toronto",
        utc=T0,
    )
    values.update(over)
    return Post(**values)


def _count(db, model) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_defaults_of_a_new_post(db) -> None:  # type: ignore[no-untyped-def]
    ch = _channel(db, _client(db))
    with db.write() as s:
        s.add(_post(ch))
    with db.session() as s:
        post = s.scalars(select(Post)).one()
    assert post.status == "scheduled"
    assert post.fold == 0
    assert (post.link, post.tags, post.notes) == ("", "", "")
    assert post.created_at.tzinfo is UTC and post.updated_at.tzinfo is UTC
    assert post.wall_time == datetime(2024, 7, 1, 3, 0) and post.wall_time.tzinfo is None
    assert post.utc == T0


@pytest.mark.parametrize(
    ("over", "constraint"),
    [
        ({"status": "queued"}, "ck_post_status"),
        ({"fold": 2}, "ck_post_fold"),
        ({"channel_id": 9999}, "FOREIGN KEY|foreign key"),  # SQLite's words, PostgreSQL's
    ],
)
def test_post_constraints(db, over: dict, constraint: str) -> None:  # type: ignore[no-untyped-def, type-arg]
    ch = _channel(db, _client(db))
    values = {"channel_id": ch, **over}
    with pytest.raises(IntegrityError) as caught, db.write() as s:
        s.add(_post(**values))
    assert re.search(constraint, str(caught.value.orig))
    assert _count(db, Post) == 0


def test_every_status_is_accepted(db) -> None:  # type: ignore[no-untyped-def]
    ch = _channel(db, _client(db))
    with db.write() as s:
        s.add_all(_post(ch, status=status) for status in POST_STATUSES)
    assert _count(db, Post) == len(POST_STATUSES) == 4


def test_network_must_be_known(db) -> None:  # type: ignore[no-untyped-def]
    cid = _client(db)
    with pytest.raises(IntegrityError, match="ck_channel_network"):
        _channel(db, cid, "myspace")
    for network in NETWORKS:
        _channel(db, cid, network)
    assert _count(db, Channel) == len(NETWORKS) == len(NETWORK_LIMITS) == 12


def test_same_channel_twice_is_refused(db) -> None:  # type: ignore[no-untyped-def]
    cid = _client(db)
    _channel(db, cid)
    with pytest.raises(IntegrityError, match=UNIQUE):
        _channel(db, cid)


def test_client_name_is_unique(db) -> None:  # type: ignore[no-untyped-def]
    _client(db, "Érable Café")
    with pytest.raises(IntegrityError, match=UNIQUE):
        _client(db, "Érable Café")


def test_deleting_a_client_deletes_its_channels_posts_and_acks(db) -> None:  # type: ignore[no-untyped-def]
    cid = _client(db)
    ch = _channel(db, cid)
    other = _channel(db, _client(db, "Other"))
    with db.write() as s:
        p = _post(ch)
        s.add_all([p, _post(other)])
        s.flush()
        s.add(ConflictAck(post_id=p.id, kind="sleep"))
    with db.write() as s:
        s.execute(Client.__table__.delete().where(Client.__table__.c.id == cid))  # the database cascades
    assert _count(db, Channel) == 1
    assert _count(db, Post) == 1
    assert _count(db, ConflictAck) == 0


def test_stay_dates_in_order(db) -> None:  # type: ignore[no-untyped-def]
    stay = dict(city="Lisboa", tz="Europe/Lisbon", start_utc=T0, end_utc=T0)
    with pytest.raises(IntegrityError, match="ck_stay_dates"), db.write() as s:
        s.add(Stay(first_date=date(2024, 7, 2), last_date=date(2024, 7, 1), **stay))
    with db.write() as s:
        s.add(Stay(first_date=date(2024, 7, 1), last_date=date(2024, 7, 1), **stay))  # one day is fine
    assert _count(db, Stay) == 1


@pytest.mark.parametrize(
    ("kind", "arrive", "constraint"),
    [("flight", T0, "ck_transit_order"), ("rocket", datetime(2024, 7, 1, 9, tzinfo=UTC), "ck_transit_kind")],
)
def test_transit_constraints(db, kind: str, arrive: datetime, constraint: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(IntegrityError, match=constraint), db.write() as s:
        s.add(
            Transit(
                kind=kind,
                from_place="Paris",
                from_tz="Europe/Paris",
                to_place="Montréal",
                to_tz="America/Toronto",
                depart_local=datetime(2024, 7, 1, 9),
                arrive_local=datetime(2024, 7, 1, 11),
                depart_utc=T0,
                arrive_utc=arrive,
            )
        )
    assert _count(db, Transit) == 0


def test_conflict_ack_once_per_kind(db) -> None:  # type: ignore[no-untyped-def]
    ch = _channel(db, _client(db))
    with db.write() as s:
        p = _post(ch)
        s.add(p)
        s.flush()
        s.add(ConflictAck(post_id=p.id, kind="sleep"))
        pid = p.id
    with pytest.raises(IntegrityError, match=UNIQUE), db.write() as s:
        s.add(ConflictAck(post_id=pid, kind="sleep"))


def test_setting_key_is_the_primary_key(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        s.add(Setting(key="home_tz", value='"Europe/Paris"'))
    with pytest.raises(IntegrityError), db.write() as s:
        s.add(Setting(key="home_tz", value='"Asia/Tokyo"'))
