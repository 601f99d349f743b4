"""The one column type every instant goes through: UTCDateTime (nomadcm/models/base.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, insert, select, text
from sqlalchemy.exc import StatementError

from nomadcm.models import Base, Client, UTCDateTime


@pytest.fixture
def table_engine():  # type: ignore[no-untyped-def]
    """A throwaway in-memory table with one UTCDateTime column, to look at what is really stored."""
    md = MetaData()
    table = Table("t", md, Column("id", Integer, primary_key=True), Column("at", UTCDateTime))
    engine = create_engine("sqlite://")
    md.create_all(engine)
    yield table, engine
    engine.dispose()


def test_naive_datetime_is_refused(table_engine) -> None:  # type: ignore[no-untyped-def]
    table, engine = table_engine
    with engine.begin() as conn, pytest.raises(StatementError) as caught:
        conn.execute(insert(table).values(at=datetime(2024, 3, 31, 2, 30)))
    assert isinstance(caught.value.orig, ValueError)
    assert "naive" in str(caught.value.orig)
    with engine.connect() as conn:
        assert conn.execute(select(table)).all() == []


def test_non_datetime_is_refused(table_engine) -> None:  # type: ignore[no-untyped-def]
    table, engine = table_engine
    with engine.begin() as conn, pytest.raises(StatementError) as caught:
        conn.execute(insert(table).values(at="2024-01-01 10:00"))
    assert isinstance(caught.value.orig, TypeError)


def test_aware_value_is_stored_as_utc_and_read_back_aware(table_engine) -> None:  # type: ignore[no-untyped-def]
    table, engine = table_engine
    paris = datetime(2024, 7, 1, 9, 0, tzinfo=ZoneInfo("Europe/Paris"))
    with engine.begin() as conn:
        conn.execute(insert(table).values(id=1, at=paris))
        raw = conn.execute(text("SELECT at FROM t")).scalar()
        back = conn.execute(select(table.c.at)).scalar()
    assert raw.startswith("2024-07-01 07:00:00")  # UTC on disk, no offset text
    assert back == paris
    assert back.tzinfo is UTC
    assert back.replace(tzinfo=None) == datetime(2024, 7, 1, 7, 0)


def test_none_passes_through(table_engine) -> None:  # type: ignore[no-untyped-def]
    table, engine = table_engine
    with engine.begin() as conn:
        conn.execute(insert(table).values(id=1, at=None))
        assert conn.execute(select(table.c.at)).scalar() is None


def test_raw_text_read_through_core_is_aware_utc() -> None:
    col = UTCDateTime()
    value = col.process_result_value("2024-10-27 01:30:00.000000", None)  # type: ignore[arg-type]
    assert value == datetime(2024, 10, 27, 1, 30, tzinfo=UTC)
    assert value.tzinfo is UTC
    shifted = col.process_result_value(datetime(2024, 1, 1, 12, tzinfo=timezone(timedelta(hours=5))), None)  # type: ignore[arg-type]
    assert shifted == datetime(2024, 1, 1, 7, tzinfo=UTC) and shifted.tzinfo is UTC


@settings(max_examples=200, deadline=None)
@given(
    instant=st.datetimes(
        min_value=datetime(1900, 1, 1),
        max_value=datetime(2200, 1, 1),
        timezones=st.sampled_from([UTC, ZoneInfo("Asia/Kathmandu"), ZoneInfo("America/St_Johns")]),
    )
)
def test_round_trip_any_instant(instant: datetime) -> None:
    md = MetaData()
    table = Table("t", md, Column("id", Integer, primary_key=True), Column("at", UTCDateTime))
    engine = create_engine("sqlite://")
    md.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(table).values(id=1, at=instant))
        back = conn.execute(select(table.c.at)).scalar()
    engine.dispose()
    # Compare in UTC: PEP 495 makes == between zones False for a wall time inside a fold.
    assert back == instant.astimezone(UTC)
    assert back.tzinfo is UTC


def test_every_instant_column_uses_the_utc_type() -> None:
    """Columns named like instants (*_utc, *_at, utc) must be UTCDateTime, not a bare DateTime."""
    wrong = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            name = column.name
            looks_like_instant = name == "utc" or name.endswith(("_utc", "_at", "_until"))
            if looks_like_instant and not isinstance(column.type, UTCDateTime):
                wrong.append(f"{table.name}.{name}")
    assert wrong == []


def test_orm_model_refuses_naive_and_keeps_nothing(db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StatementError), db.write() as s:
        s.add(Client(name="Naive", audience_tz="Europe/Paris", created_at=datetime(2024, 1, 1)))
    with db.session() as s:
        assert s.scalars(select(Client)).all() == []
