"""The posts' one insert, as a stream: `PostWriter` checks drafts one at a time (services/schedule/post_writes.py's
`DraftChecker`) and inserts them in batches inside the caller's open write session.

All or nothing: after the first bad draft (or a row the caller could not make a draft of: `refuse_row`)
nothing more is written, the rest is only checked so that every problem is reported, and `finish` raises
`DraftsRefused` — the caller's transaction rolls back, the batches already written with it. So an importer
reads its file once, validating and writing as it goes, and its memory holds one batch, not the file.

On SQLite a batch is one executemany of plain tuples (`exec_driver_sql`: the engine's events still see it;
its NUL guard is told the texts were checked — the drafts' check refuses a NUL in a text, link, notes or
rule and single_line drops one from a tag), the values already in the form SQLAlchemy stores (`YYYY-MM-DD HH:MM:SS.ffffff`,
instants as naive UTC) and the table's defaults filled here (`_SqliteRows`): compiling the statement,
processing typed binds and calling the defaults row by row cost more than SQLite's own insert and add
nothing to values checked here. A column whose default it does not know takes the table's own way (Core's
executemany over a copy of the post table with its times typed as text), so the rows are always those the
typed table writes (tests/robustness/test_import_streaming.py).

Team databases: the member the session acts for must be allowed to write the posts of each client met
(services/team_roles.py), checked once per channel as the drafts come.
"""

from __future__ import annotations

import functools
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, MetaData, String, Table, func, insert, select
from sqlalchemy.orm import Session

from nomadcm.models import NETWORK_LIMITS, Channel, Post, utcnow
from nomadcm.models.team import current_member
from nomadcm.services.names import single_line
from nomadcm.services.schedule.post_writes import (
    INSERT_BATCH,
    MAX_REFUSED_LISTED,
    ChannelFacts,
    DraftChecker,
    DraftProblem,
    DraftsRefused,
    NewChannel,
    PostCheck,
    PostDraft,
    client_zones,
    load_channels,
)
from nomadcm.services.team_roles import clients_of_channels, require_post_writer, session_member
from nomadcm.storage.engine import NUL_CHECKED
from nomadcm.uuid7 import new_uuid7, new_uuid7_texts

Progress = Callable[[int], None]  # drafts checked (and written) so far
BULK_PAGE_CACHE_KIB = 16 * 1024  # SQLite's page cache during a bulk insert (`roomy_page_cache`)


class PostWriter:
    """Checks and inserts drafts in the open write session `s`; see the module docstring."""

    def __init__(
        self,
        s: Session,
        create_missing: Mapping[int, NewChannel] | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.s = s
        self.member = session_member(s)
        self._allowed: set[int] = set()  # channels whose client the member may write posts for
        self._allow_new(create_missing or {})
        self.checker = DraftChecker({**load_channels(s), **create_channels(s, create_missing or {})})
        self.progress = progress
        self.now = utcnow()
        self.text_times = s.get_bind().dialect.name == "sqlite"
        self._now_text = _as_text(self.now)
        self._rows = _SqliteRows.plan(self.member, self._now_text) if self.text_times else None
        self.problems: list[DraftProblem] = []
        self.refused = 0  # bad drafts (and rows refused by the caller)
        self.count = 0  # drafts checked
        self.ids = array("q")  # the new posts' ids: 8 bytes each (a list of ints costs 36)
        self._batch: list[Any] = []  # value dicts, or _SqliteRows' tuples

    def create_channel(self, placeholder: int, new: NewChannel) -> None:
        """A channel met in the middle of a stream, created now (same transaction), for the drafts that use
        its (negative) placeholder id."""
        self._allow_new({placeholder: new})
        self.checker.channels = {**self.checker.channels, **create_channels(self.s, {placeholder: new})}

    def refuse_row(self) -> None:
        """A row the caller could not make a draft of: from now on nothing is written (it reports the row)."""
        self.refused += 1

    def add(self, draft: PostDraft) -> PostCheck:
        """Checks `draft` and, while no draft or row was refused, queues it for the next batch."""
        if draft.channel_id not in self._allowed:
            require_post_writer(self.s, self.member, clients_of_channels(self.s, [draft.channel_id]))
            self._allowed.add(draft.channel_id)
        checked = self.checker.check(draft)
        self.count += 1
        if checked.errors:
            self.refused += 1
            if self.refused <= MAX_REFUSED_LISTED:
                self.problems.extend(DraftProblem(self.count - 1, err) for err in checked.errors)
        elif not self.refused:
            if self._rows is not None:
                self._batch.append(self._rows.row(checked))
                if len(self._batch) >= INSERT_BATCH:
                    self._flush()
                if self.progress is not None and self.count % INSERT_BATCH == 0:
                    self.progress(self.count)
                return checked
            values = checked.values(self.now)
            if self.text_times:
                for key in _time_columns():
                    value = values.get(key)
                    if value is self.now:
                        values[key] = self._now_text
                    elif value is not None:
                        values[key] = _as_text(value)
            self._batch.append(values)
            if len(self._batch) >= INSERT_BATCH:
                self._flush()
        if self.progress is not None and self.count % INSERT_BATCH == 0:
            self.progress(self.count)
        return checked

    def finish(self) -> Sequence[int]:
        """The new posts' ids, in the drafts' order; `DraftsRefused` when a draft was bad (the caller's
        transaction then rolls back, with what was written)."""
        if self.refused:
            if not self.problems:  # only rows the caller refused: it says what was wrong with them
                return array("q")
            raise DraftsRefused(self.problems, self.refused)
        self._flush()
        if self.progress is not None:
            self.progress(self.count)
        return self.ids

    # ------------------------------------------------------------------ batches

    def _allow_new(self, create_missing: Mapping[int, NewChannel]) -> None:
        if create_missing:
            require_post_writer(self.s, self.member, {new.client_id for new in create_missing.values()})
            self._allowed.update(create_missing)

    def _flush(self) -> None:
        if self._batch:
            if self._rows is not None:
                self.ids.extend(self._rows.insert(self.s, self._batch))
            else:
                self.ids.extend(_insert(self.s, self._batch, self.text_times))
            self._batch = []


@contextmanager
def roomy_page_cache(s: Session) -> Iterator[None]:
    """SQLite: a page cache of `BULK_PAGE_CACHE_KIB` for the statements inside (its default, 2 MB, spills
    pages of the post table and its indexes to the WAL file again and again during a bulk insert: 100,000
    posts took twice the time), then the connection's own size again. Other databases: nothing."""
    if s.get_bind().dialect.name != "sqlite":
        yield
        return
    connection = s.connection()
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{BULK_PAGE_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(before or -2000)}")


def add_many(
    s: Session,
    drafts: Iterable[PostDraft],
    *,
    create_missing: Mapping[int, NewChannel] | None = None,
    progress: Progress | None = None,
) -> list[int]:
    """Checks and inserts every draft in the open write session `s`, in batches; their ids, in order.

    Drafts are read once (any iterable). Checking goes on after the first bad draft, so that every problem
    is reported; then `DraftsRefused` is raised and the caller's transaction rolls back: nothing is written,
    not even the channels of `create_missing`.
    """
    with roomy_page_cache(s):
        writer = PostWriter(s, create_missing, progress)
        for draft in drafts:
            writer.add(draft)
        return list(writer.finish())


def create_channels(s: Session, create_missing: Mapping[int, NewChannel]) -> dict[int, ChannelFacts]:
    """Creates the channels; their facts under the placeholder ids the drafts use, with the new ids."""
    if not create_missing:
        return {}
    zones = client_zones(s, create_missing)
    out: dict[int, ChannelFacts] = {}
    for key, new in create_missing.items():
        limit = NETWORK_LIMITS.get(new.network)
        handle = single_line(new.handle)
        row = {"client_id": new.client_id, "network": new.network, "handle": handle, "text_limit": limit}
        new_id = int(s.execute(insert(Channel).values(**row)).inserted_primary_key[0])  # type: ignore[index]
        out[key] = ChannelFacts(new_id, new.network, limit, zones[new.client_id])
    return out


class _SqliteRows:
    """A post row as the tuple SQLite's executemany takes, in `columns`' order: the checked values (times as
    text), then the table's defaults — its constants, the acting member (`created_by`/`updated_by`) and a
    UUIDv7 per row, last (filled at insert time, a batch at once)."""

    VALUES = (
        "channel_id",
        "text",
        "link",
        "tags",
        "notes",
        "status",
        "wall_time",
        "tz",
        "fold",
        "utc",
        "rrule",
        "assignee_id",
        "created_at",
        "updated_at",
    )  # PostCheck.values' keys

    def __init__(
        self, now_text: str, constants: tuple[tuple[str, Any], ...], uuid_column: str | None
    ) -> None:
        self.now_text = now_text
        self.constants = tuple(value for _name, value in constants)
        self.uuid_column = uuid_column
        self.columns = (
            *self.VALUES,
            *(name for name, _value in constants),
            *([uuid_column] if uuid_column else []),
        )
        marks = ", ".join("?" * len(self.columns))
        self.sql = f"INSERT INTO {Post.__tablename__} ({', '.join(self.columns)}) VALUES ({marks})"

    @classmethod
    def plan(cls, member: int | None, now_text: str) -> _SqliteRows | None:
        """The plan for the post table as it is; None when a column's default is not one it knows (the
        batches then go through Core, which calls it)."""
        constants: list[tuple[str, Any]] = []
        uuid_column = None
        for column in Post.__table__.columns:
            default = column.default
            if column.primary_key or column.name in cls.VALUES or default is None:
                continue
            made_by = getattr(default.arg, "__wrapped__", default.arg)
            if getattr(default, "is_scalar", False):
                constants.append((column.name, default.arg))
            elif made_by is current_member:
                constants.append((column.name, member))
            elif made_by is new_uuid7 and uuid_column is None:
                uuid_column = column.name
            else:
                return None
        return cls(now_text, tuple(constants), uuid_column)

    def row(self, c: PostCheck) -> tuple[Any, ...]:
        draft, now, instant = c.draft, self.now_text, c.instant
        assert instant is not None  # a check without problems has its instant
        utc = instant.isoformat(" ", "microseconds")[:26] if instant.tzinfo is UTC else _as_text(instant)
        return (
            c.channel_id, draft.text, c.link, ",".join(c.tags), draft.notes, c.status,
            _as_text(c.wall), c.tz, c.fold, utc, c.rrule, draft.assignee_id, now, now, *self.constants,
        )  # fmt: skip

    def insert(self, s: Session, rows: list[tuple[Any, ...]]) -> Sequence[int]:
        """One executemany on the session's connection; the new ids, in the rows' order (see `_insert`)."""
        if self.uuid_column is not None:
            rows = [(*row, uuid) for row, uuid in zip(rows, new_uuid7_texts(len(rows)), strict=True)]
        s.connection().exec_driver_sql(self.sql, rows, execution_options={NUL_CHECKED: True})
        last = int(s.scalar(select(func.max(Post.__table__.c.id))) or 0)
        return range(last - len(rows) + 1, last + 1)


def _as_text(value: datetime) -> str:
    """A time as SQLAlchemy's SQLite DateTime stores it; an instant (aware) as naive UTC, as UTCDateTime."""
    if value.tzinfo is None:
        return value.isoformat(" ", "microseconds")
    if value.tzinfo is not UTC:
        value = value.astimezone(UTC)
    return value.isoformat(" ", "microseconds")[:26]  # without its "+00:00"


def _is_time(column: Any) -> bool:
    return isinstance(column.type, DateTime) or isinstance(getattr(column.type, "impl", None), DateTime)


@functools.cache
def _time_columns() -> tuple[str, ...]:
    return tuple(c.name for c in Post.__table__.columns if _is_time(c))


@functools.cache
def _post_table_with_text_times() -> Table:
    """The post table, its columns and their defaults, with every time column typed as text."""
    table = Post.__table__.to_metadata(MetaData())
    for column in table.columns:
        if _is_time(column):
            column.type = String()
    return table


def _insert(s: Session, rows: list[dict[str, Any]], text_times: bool) -> Sequence[int]:
    """One executemany; the new ids, in the rows' order.

    SQLite: RETURNING with the rows' order would cost one statement per row (SQLAlchemy's insertmanyvalues
    has no order sentinel for an AUTOINCREMENT key), so the ids are read afterwards: the writer holds the
    database (BEGIN IMMEDIATE) and AUTOINCREMENT gives each row the next id, so the batch took the last
    `len(rows)` ids. Other databases return them in order.
    """
    table = Post.__table__
    if s.get_bind().dialect.name == "sqlite":
        s.execute(insert(_post_table_with_text_times() if text_times else table), rows)
        last = int(s.scalar(select(func.max(table.c.id))) or 0)
        return range(last - len(rows) + 1, last + 1)
    return list(s.scalars(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows))
