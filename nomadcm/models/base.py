"""Declarative base, naming convention, the UTC column type every instant goes through, and partial indexes
that do not load a dialect when the models are imported."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Index, MetaData, text
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.schema import CreateIndex
from sqlalchemy.sql.compiler import DDLCompiler
from sqlalchemy.types import TypeDecorator

# Named constraints, so that alembic batch migrations on SQLite can find and alter them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """An instant. Stored as naive UTC (SQLite keeps no zone), read back as aware UTC.

    Refuses naive datetimes: a naive value would be silently taken as UTC, and a guessed hour is a post
    published at the wrong time.
    """

    impl = DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"UTCDateTime takes a datetime, not {type(value).__name__}")
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value!r} refused: store instants as aware UTC")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):  # raw text read through Core on SQLite
            value = datetime.fromisoformat(value)
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    return datetime.now(UTC)


PARTIAL_WHERE = "nomadcm_where"  # Index.info key: the condition of a partial index, as SQL text


def partial_index(name: str, *columns: str, where: str) -> Index:
    """An index of the rows where `where` holds (SQL text), on SQLite and on PostgreSQL alike.

    SQLite gets it as its `sqlite_where` keyword; PostgreSQL when the index's DDL is compiled for it
    (`_partial_on_postgresql` below). Spelling `postgresql_where=` here would make SQLAlchemy import its
    PostgreSQL dialect while the models load — 55 ms of every start, the GUI's and each CLI command's, for
    the team database few open. The migrations spell both (alembic loads what it runs)."""
    return Index(name, *columns, sqlite_where=text(where), info={PARTIAL_WHERE: where})


@compiles(CreateIndex, "postgresql")
def _partial_on_postgresql(create: CreateIndex, compiler: DDLCompiler, **kw: Any) -> str:
    """CREATE INDEX for PostgreSQL: a `partial_index` gets its WHERE (the dialect is loaded by now)."""
    index = create.element
    where = index.info.get(PARTIAL_WHERE) if isinstance(index, Index) else None
    if where is not None and index.dialect_options["postgresql"]["where"] is None:
        index.dialect_options["postgresql"]["where"] = text(where)
    return compiler.visit_create_index(create, **kw)


def close_over_foreign_keys() -> None:
    """Called at the end of each area module: imports the areas the foreign keys of the tables loaded so far
    point to, so that whichever way an area is imported (`from nomadcm.models import Post`, or
    `nomadcm.models.team` directly), SQLAlchemy finds every table a flush sorts by or a join follows. An area
    being imported already (a circular import, or another thread's) is not waited for twice."""
    import importlib

    from nomadcm.models.areas import _TABLES

    tried: set[str] = set()
    while True:
        tables = Base.metadata.tables
        missing = {
            _TABLES[fk.target_fullname.split(".", 1)[0]]
            for table in list(tables.values())
            for fk in table.foreign_keys
            if fk.target_fullname.split(".", 1)[0] not in tables
        } - tried
        if not missing:
            return
        for area in sorted(missing):
            tried.add(area)
            importlib.import_module(f"nomadcm.models.{area}")
