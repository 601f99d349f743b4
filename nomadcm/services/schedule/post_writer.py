"""The posts' one insert, as a stream: `PostWriter` checks drafts one at a time (services/schedule/post_writes.py's
`DraftChecker`) and inserts them in batches inside the caller's open write session.

All or nothing: after the first bad draft (or a row the caller could not make a draft of: `refuse_row`)
nothing more is written, the rest is only checked so that every problem is reported, and `finish` raises
`DraftsRefused` — the caller's transaction rolls back, the batches already written with it. So an importer
reads its file once, validating and writing as it goes, and its memory holds one batch, not the file.

On SQLite a batch goes through Core's executemany over a copy of the post table whose times are typed as
text, the values already in the form SQLAlchemy stores (`YYYY-MM-DD HH:MM:SS.ffffff`, instants as naive
UTC): the typed bind processing cost more than the rest of the insert and adds nothing to values checked
here. The copy keeps the table's columns and their defaults, so the rows are those the typed table writes.

Team databases: the member the session acts for must be allowed to write the posts of each client met
(services/team_roles.py), checked once per channel as the drafts come.
"""

from __future__ import annotations

import functools
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, MetaData, String, Table, func, insert, select
from sqlalchemy.orm import Session

from nomadcm.models import NETWORK_LIMITS, Channel, Post, utcnow
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

Progress = Callable[[int], None]  # drafts checked (and written) so far


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
        self.problems: list[DraftProblem] = []
        self.refused = 0  # bad drafts (and rows refused by the caller)
        self.count = 0  # drafts checked
        self.ids = array("q")  # the new posts' ids: 8 bytes each (a list of ints costs 36)
        self._batch: list[dict[str, Any]] = []

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
            self.ids.extend(_insert(self.s, self._batch, self.text_times))
            self._batch = []


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
