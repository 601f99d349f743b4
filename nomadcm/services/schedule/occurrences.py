"""Recurring series: loaded with their exceptions, expanded only inside the range a listing asks for.

The listing itself — single posts from SQL merged with these occurrences, "your time", counts — is the one
schedule query (services/schedule/query.py); nothing else lists posts.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import String, select, type_coerce

from nomadcm import timezones
from nomadcm.errors import ValidationError
from nomadcm.models import Channel, Client, OccurrenceOverride, Post
from nomadcm.services.schedule.recurrence_rule import RecurrenceRule
from nomadcm.services.schedule.series import Occurrence, OverrideInfo, Series
from nomadcm.storage import Database

if TYPE_CHECKING:
    from nomadcm.services.schedule.query import ScheduleFilter

# ---------------------------------------------------------------------- loading


def occurrence_select(*extra: Any, raw_times: bool = False) -> Any:
    """Posts with their channel and client, in the order of `Occurrence`'s first fields. With `raw_times`
    the instant and the wall time come as stored (text on SQLite), for the schedule query to parse in C."""
    utc, wall = (
        (type_coerce(Post.utc, String), type_coerce(Post.wall_time, String))
        if raw_times
        else (Post.utc, Post.wall_time)
    )
    return (
        select(
            Post.id,
            utc,
            wall,
            Post.tz,
            Post.fold,
            Post.status,
            Post.text,
            Post.link,
            Post.tags,
            Post.channel_id,
            Channel.client_id,
            Client.name,
            Client.colour,
            Channel.network,
            Channel.handle,
            Post.assignee_id,
            *extra,
        )
        .join(Channel, Post.channel_id == Channel.id)
        .join(Client, Channel.client_id == Client.id)
    )


def _series_select() -> Any:
    return occurrence_select(Post.rrule).where(Post.rrule.is_not(None))


def load_series(
    db: Database,
    *,
    client_id: int | None = None,
    channel_id: int | None = None,
    post_ids: Sequence[int] | None = None,
    assignee_id: int | None = None,
) -> list[Series]:
    """Every recurring post (filtered), with its exceptions."""
    stmt = _series_select()
    if client_id is not None:
        stmt = stmt.where(Channel.client_id == client_id)
    if channel_id is not None:
        stmt = stmt.where(Post.channel_id == channel_id)
    if post_ids is not None:
        stmt = stmt.where(Post.id.in_(list(post_ids)))
    if assignee_id is not None:
        stmt = stmt.where(Post.assignee_id == assignee_id)
    out: list[Series] = []
    with db.session() as s:
        rows = s.execute(stmt).all()
        if not rows:
            return out
        by_id: dict[int, Series] = {}
        for r in rows:
            (pid, utc, wall, tz, fold, status, text, link, tags, row_channel, row_client, client_name, colour,
             network, handle, assignee_id, rrule) = r  # fmt: skip
            try:
                rule = RecurrenceRule.parse(rrule, tz)
            except ValidationError:  # a rule this version cannot read: listed as its first occurrence only
                rule = RecurrenceRule("DAILY", count=1)
            series = Series(
                pid, rule, wall, tz, fold, status, text, link, tags, row_channel, row_client, client_name, colour,
                network, handle, utc, assignee_id=assignee_id,
            )  # fmt: skip
            by_id[series.post_id] = series
            out.append(series)
        ov_rows = s.execute(
            select(OccurrenceOverride).where(OccurrenceOverride.post_id.in_(list(by_id)))
        ).scalars()
        for ov in ov_rows:
            by_id[ov.post_id].overrides[ov.series_wall] = OverrideInfo(
                ov.series_wall, ov.deleted, ov.wall_time, ov.fold, ov.text, ov.link, ov.status
            )
    return out


def has_series(db: Database) -> bool:
    with db.session() as s:
        return s.execute(select(Post.id).where(Post.rrule.is_not(None)).limit(1)).first() is not None


def get_series(db: Database, post_id: int) -> Series | None:
    found = load_series(db, post_ids=[post_id])
    return found[0] if found else None


# ---------------------------------------------------------------------- expanding in a range


def series_occurrences(
    series: Iterable[Series], flt: ScheduleFilter, now: datetime | None = None
) -> Iterator[Occurrence]:
    """The series' occurrences passing `flt`, merged in (utc, post id) order."""
    streams = []
    for ser in series:
        if flt.post_ids is not None and ser.post_id not in flt.post_ids:
            continue
        start, end = _instant_window(ser.tz, flt)
        if end is None and ser.rule.open_ended:
            end = ser.horizon(now or timezones.now_utc())
        streams.append(o for o in ser.occurrences(start, end) if flt.accepts(o))
    return heapq.merge(*streams, key=lambda o: (o.utc, o.post_id))


def _instant_window(tz: str, flt: ScheduleFilter) -> tuple[datetime | None, datetime | None]:
    """Instants that can hold the filter's dates in zone `tz`, intersected with its instant range."""
    start, end = flt.start, flt.end
    if flt.date_from is not None:
        lo = timezones.local_midnight(flt.date_from, tz) - timedelta(hours=2)
        start = lo if start is None else max(start, lo)
    if flt.date_to is not None:
        hi = timezones.local_midnight(flt.date_to + timedelta(days=1), tz) + timedelta(hours=2)
        end = hi if end is None else min(end, hi)
    return start, end
