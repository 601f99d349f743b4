"""Listing occurrences: every post in a range, single posts and expanded series merged in instant order.

Single posts are streamed from SQL; the few recurring series are loaded with their exceptions and expanded
only inside the range asked for (services/recurrence.py). Everything that lists posts in a range reads from
here: the schedule's keyset pages (`merge_page`, called by `PostService.page`), the calendar and the conflict
check (`occurrences_between`), the exports and the reminders (`iter_occurrences`).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import islice
from typing import Any

from sqlalchemy import select

from nomadcm import timezones
from nomadcm.errors import ValidationError
from nomadcm.models import Channel, Client, OccurrenceOverride, Post
from nomadcm.services.schedule.recurrence import Occurrence, OverrideInfo, RecurrenceRule, Series
from nomadcm.storage import Database

# ---------------------------------------------------------------------- loading


def _occurrence_select(*extra: Any) -> Any:
    """Posts with their channel and client, in the column order `_single_select` rows are read in."""
    return (
        select(
            Post.id,
            Post.utc,
            Post.wall_time,
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
            *extra,
        )
        .join(Channel, Post.channel_id == Channel.id)
        .join(Client, Channel.client_id == Client.id)
    )


def _series_select() -> Any:
    return _occurrence_select(Post.rrule).where(Post.rrule.is_not(None))


def load_series(
    db: Database,
    *,
    client_id: int | None = None,
    channel_id: int | None = None,
    post_ids: Sequence[int] | None = None,
) -> list[Series]:
    """Every recurring post (filtered), with its exceptions."""
    stmt = _series_select()
    if client_id is not None:
        stmt = stmt.where(Channel.client_id == client_id)
    if channel_id is not None:
        stmt = stmt.where(Post.channel_id == channel_id)
    if post_ids is not None:
        stmt = stmt.where(Post.id.in_(list(post_ids)))
    out: list[Series] = []
    with db.session() as s:
        rows = s.execute(stmt).all()
        if not rows:
            return out
        by_id: dict[int, Series] = {}
        for r in rows:
            (pid, utc, wall, tz, fold, status, text, link, tags, row_channel, row_client, client_name, colour,
             network, handle, rrule) = r  # fmt: skip
            try:
                rule = RecurrenceRule.parse(rrule, tz)
            except ValidationError:
                continue  # a rule this version cannot read is listed as its first occurrence only
            series = Series(
                pid, rule, wall, tz, fold, status, text, link, tags, row_channel, row_client, client_name, colour,
                network, handle, utc,
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


# ---------------------------------------------------------------------- listing everything in a range


@dataclass
class OccurrenceFilter:
    """Which occurrences to list. Dates are the post's own (audience) local dates, inclusive."""

    start: datetime | None = None  # instants, start <= utc < end
    end: datetime | None = None
    date_from: date | None = None
    date_to: date | None = None
    client_id: int | None = None
    channel_id: int | None = None
    statuses: Sequence[str] | None = None
    search: str | None = None
    post_ids: Sequence[int] | None = None

    def accepts(self, o: Occurrence) -> bool:
        if self.statuses and o.status not in self.statuses:
            return False
        if self.date_from is not None and o.wall.date() < self.date_from:
            return False
        if self.date_to is not None and o.wall.date() > self.date_to:
            return False
        if self.search and self.search not in o.text:
            return False
        return not (self.start is not None and o.utc < self.start) and not (
            self.end is not None and o.utc >= self.end
        )


def _single_select() -> Any:
    return _occurrence_select().where(Post.rrule.is_(None))


def _filter_singles(stmt: Any, flt: OccurrenceFilter) -> Any:
    if flt.start is not None:
        stmt = stmt.where(Post.utc >= flt.start)
    if flt.end is not None:
        stmt = stmt.where(Post.utc < flt.end)
    if flt.date_from is not None:
        stmt = stmt.where(Post.wall_time >= datetime.combine(flt.date_from, time(0)))
    if flt.date_to is not None:
        stmt = stmt.where(Post.wall_time < datetime.combine(flt.date_to + timedelta(days=1), time(0)))
    if flt.client_id is not None:
        stmt = stmt.where(Channel.client_id == flt.client_id)
    if flt.channel_id is not None:
        stmt = stmt.where(Post.channel_id == flt.channel_id)
    if flt.statuses:
        stmt = stmt.where(Post.status.in_(list(flt.statuses)))
    if flt.search:
        stmt = stmt.where(Post.text.contains(flt.search, autoescape=True))
    if flt.post_ids is not None:
        stmt = stmt.where(Post.id.in_(list(flt.post_ids)))
    return stmt


def series_occurrences(
    series: Iterable[Series], flt: OccurrenceFilter, now: datetime | None = None
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


def _instant_window(tz: str, flt: OccurrenceFilter) -> tuple[datetime | None, datetime | None]:
    """Instants that can hold the filter's dates in zone `tz`, intersected with its instant range."""
    start, end = flt.start, flt.end
    if flt.date_from is not None:
        lo = timezones.local_midnight(flt.date_from, tz) - timedelta(hours=2)
        start = lo if start is None else max(start, lo)
    if flt.date_to is not None:
        hi = timezones.local_midnight(flt.date_to + timedelta(days=1), tz) + timedelta(hours=2)
        end = hi if end is None else min(end, hi)
    return start, end


def iter_occurrences(
    db: Database, flt: OccurrenceFilter | None = None, *, now: datetime | None = None, batch: int = 5000
) -> Iterator[Occurrence]:
    """Every occurrence (single posts and expanded series) passing `flt`, in (utc, post id) order.

    Single posts are streamed from the database (memory does not grow with their number); the few series
    are expanded only inside the filter's range. This is what the calendar, the conflict check, the exports
    and the reminders read.
    """
    flt = flt or OccurrenceFilter()
    series = load_series(db, client_id=flt.client_id, channel_id=flt.channel_id, post_ids=flt.post_ids)
    stmt = _filter_singles(_single_select(), flt).order_by(Post.utc, Post.id)

    def singles() -> Iterator[Occurrence]:
        with db.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=batch).execute(stmt)
            for r in result:
                yield Occurrence(*r)

    if not series:
        yield from singles()
        return
    yield from heapq.merge(singles(), series_occurrences(series, flt, now), key=lambda o: (o.utc, o.post_id))


def occurrences_between(
    db: Database,
    start: datetime,
    end: datetime,
    *,
    client_id: int | None = None,
    statuses: Sequence[str] | None = None,
) -> list[Occurrence]:
    """All occurrences with start <= utc < end (for the calendar and the conflict check)."""
    return list(
        iter_occurrences(
            db,
            OccurrenceFilter(
                start=timezones.ensure_utc(start),
                end=timezones.ensure_utc(end),
                client_id=client_id,
                statuses=statuses,
            ),
        )
    )


# ---------------------------------------------------------------------- the schedule's keyset pages


def merge_page(
    db: Database,
    single_rows: Sequence[Any],
    *,
    client_id: int | None,
    statuses: Sequence[str] | None,
    date_from: date | None,
    date_to: date | None,
    search: str | None,
    after: tuple[datetime, int] | None,
    limit: int,
    descending: bool = False,
    now: datetime | None = None,
) -> list[tuple[Any, Occurrence | None]]:
    """One schedule page: SQL's page of single posts merged with the series' occurrences in the same window.

    `single_rows` are rows of `posts._row_select()` (id, utc, ...) already filtered, ordered and limited.
    Returns (row, occurrence) pairs: occurrence None for a single post's row; for an occurrence, `row` has
    the same shape with the occurrence's values.
    """
    series = load_series(db, client_id=client_id)
    if not series:
        return [(r, None) for r in single_rows]
    flt = OccurrenceFilter(date_from=date_from, date_to=date_to, statuses=statuses, search=search)
    full = len(single_rows) >= limit
    if not descending:
        if after is not None:
            flt.start = after[0]
        if full:  # nothing after the SQL page's last row can belong to this page
            flt.end = single_rows[-1][1] + timedelta(microseconds=1)
        occ: Iterator[Occurrence] = series_occurrences(series, flt, now)
        if after is not None:
            occ = (o for o in occ if (o.utc, o.post_id) > after)
        merged = heapq.merge(
            ((r[1], r[0], r, None) for r in single_rows),
            ((o.utc, o.post_id, _row_of(o), o) for o in occ),
            key=lambda t: (t[0], t[1]),
        )
        return [(t[2], t[3]) for t in islice(merged, limit)]
    # Descending: widen a window backwards from `after` until the page is full or the series start.
    hi = after[0] + timedelta(microseconds=1) if after is not None else None
    if hi is None:
        ref = now or timezones.now_utc()
        hi = max(
            (s.horizon(ref) if s.rule.open_ended else _series_end(s) for s in series), default=ref
        ) + timedelta(microseconds=1)
    floor = min(s.first_utc for s in series) - timedelta(days=2)
    if full:
        floor = max(floor, single_rows[-1][1])
    span = timedelta(days=31)
    found: list[Occurrence] = []
    while True:
        lo = max(hi - span, floor)
        flt.start, flt.end = lo, hi
        found = [
            o for o in series_occurrences(series, flt, now) if after is None or (o.utc, o.post_id) < after
        ]
        if len(found) >= limit or lo <= floor:
            break
        span *= 4
    combined = [(r[1], r[0], r, None) for r in single_rows] + [
        (o.utc, o.post_id, _row_of(o), o) for o in found
    ]
    combined.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return [(t[2], t[3]) for t in combined[:limit]]


def _series_end(series: Series) -> datetime:
    last = series.first_utc
    for o in series.occurrences():
        last = max(last, o.utc)
    return last


def _row_of(o: Occurrence) -> tuple[Any, ...]:
    """An occurrence in the shape of `posts._row_select()`."""
    return (
        o.post_id,
        o.utc,
        o.wall,
        o.tz,
        o.fold,
        o.client_id,
        o.client_name,
        o.colour,
        o.channel_id,
        o.network,
        o.handle,
        o.status,
        o.text,
        o.link,
        o.tags,
    )


def series_rows(db: Database, flt: OccurrenceFilter, now: datetime | None = None) -> list[tuple[Any, ...]]:
    """The series' occurrences as rows of the native export's select:
    (id, client, network, handle, status, tz, wall, utc, text, link, tags), in (utc, id) order."""
    series = load_series(db, client_id=flt.client_id, channel_id=flt.channel_id)
    if not series:
        return []
    return [
        (o.post_id, o.client_name, o.network, o.handle, o.status, o.tz, o.wall, o.utc, o.text, o.link, o.tags)
        for o in series_occurrences(series, flt, now)
    ]
