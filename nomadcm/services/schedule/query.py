"""The schedule query: which posts go out, at what instant, at what "your time", and how many — answered once.

Every view of the schedule reads through `ScheduleQuery`: the Schedule table (`rows`, keyset pages), its
footer and the export dialog (`count`), the Calendar, the queue, the tray, the reminders, the native CSV, the
bulk-scheduler files, ICS and the conflict check (`stream`). A row is an `Occurrence` (one time a post goes
out: a single post, or one occurrence of a recurring one) with `cm` / `cm_wall` filled by `YourTime`, so two
views that show the same post show the same instants and the same "your time", and a count is always the
number of rows the listing gives (occurrences, not stored posts).

Single posts are read from SQL in (utc, id) order; the few recurring series are expanded only inside the
range asked for (services/schedule/occurrences.py) and merged in. An open-ended series in a listing with no
end stops at its horizon (a year after now), the same for rows, count and stream: `now` is fixed when the
query is made.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from itertools import islice
from typing import Any

from sqlalchemy import func, select, tuple_

from nomadcm import timezones
from nomadcm.errors import NotFoundError
from nomadcm.models import Channel, Post
from nomadcm.services.schedule.occurrences import load_series, occurrence_select, series_occurrences
from nomadcm.services.schedule.series import Occurrence, Series
from nomadcm.services.schedule.your_time import Itineraries, YourTimes
from nomadcm.services.travel.itinerary import Itinerary, Whereabouts
from nomadcm.storage import Database

SPAN_FIRST = datetime(1969, 12, 30, tzinfo=UTC)  # the stored instants a row may have (stored_rows.py)
SPAN_LAST = datetime(2101, 1, 2, tzinfo=UTC)

FETCH_BATCH = 5000
_NOBODY = object()  # no row has this assignee: the first row looks its clock up


@dataclass(frozen=True)
class ScheduleFilter:
    """Which occurrences a listing shows. Dates are the audience's local dates (the post's own zone),
    both ends included; `start`/`end` bound the instants (start <= utc < end)."""

    client_id: int | None = None
    client_name: str | None = None  # matched like `client_id_by_name` (case, spacing, Unicode form ignored)
    channel_id: int | None = None
    statuses: tuple[str, ...] | None = None
    date_from: date | None = None
    date_to: date | None = None
    start: datetime | None = None
    end: datetime | None = None
    search: str | None = None  # literal text, letters matched without case (lower() on both engines)
    post_ids: tuple[int, ...] | None = None
    assignee_id: int | None = None  # team mode: the posts assigned to this member ("Mine": the current one)

    def accepts(self, o: Occurrence) -> bool:
        """Whether an expanded occurrence passes (single posts are filtered by SQL the same way)."""
        if self.statuses and o.status not in self.statuses:
            return False
        if self.date_from is not None and o.wall.date() < self.date_from:
            return False
        if self.date_to is not None and o.wall.date() > self.date_to:
            return False
        if self.search and self.search.lower() not in o.text.lower():
            return False
        if self.start is not None and o.utc < self.start:
            return False
        return self.end is None or o.utc < self.end


class ScheduleQuery:
    """One filtered view of the schedule, answering `rows`, `count` and `stream` from the same truth."""

    def __init__(
        self,
        db: Database,
        flt: ScheduleFilter | None = None,
        *,
        itinerary: Itinerary | Itineraries | None = None,
        now: datetime | None = None,
    ) -> None:
        """`itinerary`: None, each row at its assignee's time (the viewer's for an unassigned post, a CM
        alone's for all); an `Itineraries` to share the snapshots of another listing; an `Itinerary` to see
        every row at that one itinerary's time (a lens)."""
        self.db = db
        self.filter = _resolved(db, flt or ScheduleFilter())
        self.now = now or timezones.now_utc()
        if isinstance(itinerary, Itinerary):
            itinerary = Itineraries(db, fixed=itinerary)
        self.itineraries = itinerary if itinerary is not None else Itineraries(db)
        self._series: list[Series] | None = None

    # ------------------------------------------------------------------ answers

    @property
    def itinerary(self) -> Itinerary:
        """The viewer's itinerary (whoever the handle acts for; a CM alone's)."""
        return self.itineraries.viewer

    def your_time(self) -> YourTimes:
        """A fresh sweep over the itineraries (each listing keeps its own, as rows come in its own order)."""
        return YourTimes(self.itineraries)

    def stream(self, batch: int = FETCH_BATCH) -> Iterator[Occurrence]:
        """Every occurrence passing the filter in (utc, post id) order, "your time" filled; memory does not
        grow with the number of single posts."""
        singles = self._stream_singles(batch)
        series = self._series_list()
        rows = heapq.merge(singles, self._series_stream(series), key=_key) if series else singles
        clock_of = self.your_time().clock
        member: object = _NOBODY
        at: Callable[[datetime], tuple[Whereabouts, datetime]] | None = None
        for o in rows:
            if o.assignee_id != member or at is None:  # one person's rows in a row keep her clock
                member = o.assignee_id
                at = clock_of(o.assignee_id).at
            o.cm, o.cm_wall = at(o.utc)
            yield o

    def span(self) -> tuple[datetime, datetime] | None:
        """[first, last] instants of the rows `stream` gives (None: no row), read without building them: the
        single posts' bounds from the database, the series' from their occurrences."""
        stmt = _apply(
            select(func.min(Post.utc), func.max(Post.utc)).select_from(Post).join(Channel), self.filter
        )
        with self.db.session() as s:
            low, high = s.execute(stmt.where(Post.rrule.is_(None))).one()
        bounds = [_instant(v) for v in (low, high) if v is not None]
        first = last = None
        for o in self._series_stream(self._series_list()):
            first = first or o.utc
            last = o.utc
        bounds += [u for u in (first, last) if u is not None]
        if not bounds:
            return None
        # A value an older NomadCM let in (year 9999) is no row of the check's (stored_rows.usable): the span
        # stays within the years the product handles.
        lo, hi = SPAN_FIRST, SPAN_LAST
        return min(max(min(bounds), lo), hi), max(min(max(bounds), hi), lo)

    def count(self) -> int:
        """How many rows `stream` gives (occurrences, the unit every listing shows)."""
        stmt = _apply(select(func.count(Post.id)).select_from(Post).join(Channel), self.filter)
        with self.db.session() as s:
            n = int(s.scalar(stmt.where(Post.rrule.is_(None))) or 0)
        return n + sum(1 for _ in self._series_stream(self._series_list()))

    def rows(
        self, after: tuple[datetime, int] | None = None, limit: int = 200, descending: bool = False
    ) -> list[Occurrence]:
        """One page in (utc, post id) order (keyset paging: pass the last row's `key`)."""
        stmt = _apply(_single_select(), self.filter)
        if after is not None:
            key = tuple_(Post.utc, Post.id)  # a row value, so that SQLite seeks in ix_post_utc_id
            stmt = stmt.where(key < tuple_(*after) if descending else key > tuple_(*after))
        order = (Post.utc.desc(), Post.id.desc()) if descending else (Post.utc, Post.id)
        with self.db.session() as s:
            singles = [_occurrence(r) for r in s.execute(stmt.order_by(*order).limit(limit))]
        series = self._series_list()
        if series:
            merge = self._merge_backward if descending else self._merge_forward
            singles = merge(series, singles, after, limit)
        yt = self.your_time()
        for o in singles:
            o.cm, o.cm_wall = yt.at(o.utc, o.assignee_id)
        return singles

    # ------------------------------------------------------------------ single posts

    def _stream_singles(self, batch: int) -> Iterator[Occurrence]:
        stmt = _apply(_single_select(), self.filter).order_by(Post.utc, Post.id)
        # The hot path of every export: `_occurrence` inlined (one Python call less per row); text instants
        # parsed in C, PostgreSQL's datetimes through `_instant`.
        parse, utc_zone, new = datetime.fromisoformat, UTC, Occurrence
        with self.db.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=batch).execute(stmt)
            for (pid, utc, wall, tz, fold, status, text, link, tags, channel_id, client_id, client_name,
                 colour, network, handle, assignee_id) in result:  # fmt: skip
                yield new(
                    pid,
                    parse(utc).replace(tzinfo=utc_zone) if utc.__class__ is str else _instant(utc),
                    parse(wall) if wall.__class__ is str else wall,
                    tz, fold, status, text, link, tags, channel_id, client_id, client_name, colour, network,
                    handle, assignee_id=assignee_id,
                )  # fmt: skip

    # ------------------------------------------------------------------ recurring series

    def _series_list(self) -> list[Series]:
        if self._series is None:
            flt = self.filter
            self._series = load_series(
                self.db,
                client_id=flt.client_id,
                channel_id=flt.channel_id,
                post_ids=flt.post_ids,
                assignee_id=flt.assignee_id,
            )
        return self._series

    def _series_stream(
        self, series: Sequence[Series], start: datetime | None = None, end: datetime | None = None
    ) -> Iterator[Occurrence]:
        flt = self.filter
        if start is not None:
            flt = replace(flt, start=start if flt.start is None else max(start, flt.start))
        if end is not None:
            flt = replace(flt, end=end if flt.end is None else min(end, flt.end))
        return series_occurrences(series, flt, self.now)

    def _merge_forward(
        self,
        series: Sequence[Series],
        singles: list[Occurrence],
        after: tuple[datetime, int] | None,
        limit: int,
    ) -> list[Occurrence]:
        end = singles[-1].utc + timedelta(microseconds=1) if len(singles) >= limit else None
        occ: Iterator[Occurrence] = self._series_stream(series, after[0] if after else None, end)
        if after is not None:
            occ = (o for o in occ if (o.utc, o.post_id) > after)
        return list(islice(heapq.merge(singles, occ, key=_key), limit))

    def _merge_backward(
        self,
        series: Sequence[Series],
        singles: list[Occurrence],
        after: tuple[datetime, int] | None,
        limit: int,
    ) -> list[Occurrence]:
        """Descending: widen a window backwards from `after` until the page is full or the series start."""
        if after is not None:
            hi = after[0] + timedelta(microseconds=1)
        else:
            last = [o.utc for o in self._series_stream(series)]
            hi = max([self.now, *last[-1:]]) + timedelta(microseconds=1)
        floor = min(_earliest(s) for s in series) - timedelta(days=2)
        if len(singles) >= limit:
            floor = max(floor, singles[-1].utc)
        span = timedelta(days=31)
        while True:
            lo = max(hi - span, floor)
            found = [
                o for o in self._series_stream(series, lo, hi) if after is None or (o.utc, o.post_id) < after
            ]
            if len(found) >= limit or lo <= floor:
                break
            span *= 4
        combined = singles + found
        combined.sort(key=_key, reverse=True)
        return combined[:limit]


# ---------------------------------------------------------------------- SQL


def _single_select() -> Any:
    # Instants and wall times read as stored text on SQLite and parsed in C (fromisoformat): a typed
    # column's per-row processing costs more than the rest of the row.
    return occurrence_select(raw_times=True).where(Post.rrule.is_(None))


def _apply(stmt: Any, flt: ScheduleFilter) -> Any:
    if flt.client_id is not None:
        stmt = stmt.where(Channel.client_id == flt.client_id)
    if flt.channel_id is not None:
        stmt = stmt.where(Post.channel_id == flt.channel_id)
    if flt.statuses:
        stmt = stmt.where(Post.status.in_(list(flt.statuses)))
    if flt.post_ids is not None:
        stmt = stmt.where(Post.id.in_(list(flt.post_ids)))
    if flt.assignee_id is not None:
        stmt = stmt.where(Post.assignee_id == flt.assignee_id)
    if flt.start is not None:
        stmt = stmt.where(Post.utc >= flt.start)
    if flt.end is not None:
        stmt = stmt.where(Post.utc < flt.end)
    # Audience dates select on the wall time; the same bounds widened by a day (no zone is 24 h off UTC) on
    # the instant let the (utc, id) index seek to the range instead of scanning every earlier post.
    if flt.date_from is not None:
        lo = datetime.combine(flt.date_from, time(0))
        stmt = stmt.where(Post.wall_time >= lo, Post.utc >= (lo - timedelta(days=1)).replace(tzinfo=UTC))
    if flt.date_to is not None:
        hi = datetime.combine(flt.date_to + timedelta(days=1), time(0))
        stmt = stmt.where(Post.wall_time < hi, Post.utc < (hi + timedelta(days=1)).replace(tzinfo=UTC))
    if flt.search:
        # lower() on both sides, on both engines: PostgreSQL's LIKE minds case, SQLite's only ASCII's, and
        # SQLite's lower() is Python's there (storage/engine.py), as `accepts` is for expanded occurrences.
        # autoescape: "50%" is text, not a pattern.
        stmt = stmt.where(func.lower(Post.text).contains(flt.search.lower(), autoescape=True))
    return stmt


def _occurrence(r: Any) -> Occurrence:
    (pid, utc, wall, tz, fold, status, text, link, tags, channel_id, client_id, client_name, colour, network,
     handle, assignee_id) = r  # fmt: skip
    return Occurrence(
        pid, _instant(utc), _wall(wall), tz, fold, status, text, link, tags, channel_id, client_id,
        client_name, colour, network, handle, assignee_id=assignee_id,
    )  # fmt: skip


def _instant(value: Any) -> datetime:
    if value.__class__ is str:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    return timezones.ensure_utc(value) if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _wall(value: Any) -> datetime:
    return datetime.fromisoformat(value) if value.__class__ is str else value


def _earliest(series: Series) -> datetime:
    """No occurrence of the series is earlier (a moved one may go before the first; a wall time is within a
    day of its instant, and the caller keeps two days of margin)."""
    moved = [ov.wall.replace(tzinfo=UTC) for ov in series.overrides.values() if ov.wall is not None]
    return min([series.first_utc, *moved])


def _key(o: Occurrence) -> tuple[datetime, int]:
    return (o.utc, o.post_id)


def _resolved(db: Database, flt: ScheduleFilter) -> ScheduleFilter:
    """The filter with a client name turned into its id and its instants in UTC. (An inverted date range
    simply selects nothing: the faces say why when a person typed it.)"""
    if flt.start is not None or flt.end is not None:
        flt = replace(
            flt,
            start=None if flt.start is None else timezones.ensure_utc(flt.start),
            end=None if flt.end is None else timezones.ensure_utc(flt.end),
        )
    if flt.statuses is not None:
        flt = replace(flt, statuses=tuple(flt.statuses))
    if flt.post_ids is not None:
        flt = replace(flt, post_ids=tuple(sorted(set(flt.post_ids))))
    if not flt.client_name:
        return flt
    from nomadcm.services.schedule.clients import client_id_by_name

    with db.session() as s:
        cid = client_id_by_name(s, flt.client_name)
    if cid is None:
        raise NotFoundError(f"unknown client {flt.client_name!r}")
    return replace(flt, client_name=None, client_id=cid)
