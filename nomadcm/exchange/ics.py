"""The schedule as an iCalendar file (RFC 5545) for Thunderbird, Google Calendar and Apple Calendar.

- One VEVENT per single post; a recurring post is one VEVENT with its RRULE, an EXDATE per deleted
  occurrence and a VEVENT with RECURRENCE-ID per occurrence changed on its own (`expand=True` writes one
  plain VEVENT per occurrence instead, for tools that handle recurrences badly).
- DTSTART carries the TZID of the post's own zone with the matching VTIMEZONE, written from NomadCM's zone
  rules for the span of the export only (a small file: ics_vtimezone.py); UNTIL stays in UTC, as RFC 5545
  wants with a TZID.
- Every reader must find the CSV's instants: a time the clocks show twice is written in UTC, and an
  occurrence a reader could misplace (a skipped or repeated wall time, a clock change within its 15 minutes)
  is written again under its RECURRENCE-ID. ics_times.py says how and why.
- UIDs are stable (post id + creation instant): exporting again updates the same events instead of
  duplicating them.
- A post is an instant; events last 15 minutes (on the absolute timeline) so that calendars show a block.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import IO

import icalendar
from sqlalchemy import select

from nomadcm import __version__, timezones
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.exchange.atomic_files import atomic_text_file
from nomadcm.exchange.ics_times import event_time, generated_time, series_exceptions
from nomadcm.exchange.ics_vtimezone import vtimezone
from nomadcm.models import Post
from nomadcm.services.schedule.occurrences import load_series
from nomadcm.services.schedule.query import ScheduleFilter, ScheduleQuery
from nomadcm.services.schedule.recurrence_expansion import wall_instants
from nomadcm.services.schedule.series import Occurrence, Series
from nomadcm.services.schedule.stored_rows import SkippedRow, link_problem, usable
from nomadcm.storage import Database

EVENT_LENGTH = timedelta(minutes=15)
SERIES_REACH = timedelta(days=731)
PRODID = f"-//NomadCM//NomadCM {__version__}//EN"
_STATUS = {"draft": "TENTATIVE", "scheduled": "CONFIRMED", "published": "CONFIRMED", "cancelled": "CANCELLED"}


@dataclass
class IcsReport:
    events: int
    zones: list[str]
    # Posts left out: values an older NomadCM let in (services/schedule/stored_rows.py).
    skipped: list[SkippedRow] = field(default_factory=list)


def uid_for(post_id: int, created_at: datetime, series_wall: datetime | None = None) -> str:
    base = f"nomadcm-post-{post_id}-{created_at:%Y%m%dT%H%M%SZ}"
    if series_wall is not None:  # one occurrence written as an event of its own (expand=True)
        base += f"-{series_wall:%Y%m%dT%H%M}"
    return f"{base}@nomadcm"


def _summary(o: Occurrence) -> str:
    first = next((line.strip() for line in o.text.splitlines() if line.strip()), "")
    if len(first) > 80:
        first = first[:79] + "…"
    channel = f"{o.network} {o.handle}".strip()
    return f"{o.client_name} · {channel}: {first}" if first else f"{o.client_name} · {channel}"


def _event(o: Occurrence, uid: str, stamp: datetime, series_start: datetime | None = None) -> icalendar.Event:
    """An event of its own (DTSTART, DTEND), or a series' master (`series_start`, the rule's first wall time,
    and a DURATION, which readers add to each occurrence they generate)."""
    ev = icalendar.Event()
    ev.add("uid", uid)
    ev.add("dtstamp", stamp)
    if series_start is None:
        ev.add("dtstart", event_time(o.utc, o.tz))
        ev.add("dtend", event_time(o.utc + EVENT_LENGTH, o.tz))
    else:
        ev.add("dtstart", series_start)
        ev.add("duration", EVENT_LENGTH)
    ev.add("summary", _summary(o))
    description = o.text + (f"\n\n{o.link}" if o.link else "")
    ev.add("description", description)
    if o.link:
        ev.add("url", o.link)
    tags = [t for t in o.tags.split(",") if t]
    if tags:
        ev.add("categories", tags)
    ev.add("status", _STATUS.get(o.status, "CONFIRMED"))
    ev.add("x-nomadcm-post-id", str(o.post_id))
    return ev


def build_calendar(
    db: Database,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    client: str | None = None,
    expand: bool = False,
    now: datetime | None = None,
) -> tuple[icalendar.Calendar, IcsReport]:
    now = now or timezones.now_utc()
    try:
        query = ScheduleQuery(
            db, ScheduleFilter(client_name=client, date_from=date_from, date_to=date_to), now=now
        )
    except NotFoundError:
        raise ValidationError(f"--client: unknown client {client!r}") from None
    created = _created_at(db)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "NomadCM")
    zones: set[str] = set()
    span = _Span()
    count = 0
    series_by_id = {} if expand else {s.post_id: s for s in load_series(db, client_id=query.filter.client_id)}
    written_series: set[int] = set()
    skipped: list[SkippedRow] = []
    for o in usable(query.stream(), skipped):  # a post the file cannot hold is skipped and reported
        zones.add(o.tz)
        if o.series_wall is None or expand:
            span.add(o.utc)
            cal.add_component(_event(o, uid_for(o.post_id, created[o.post_id], o.series_wall), now))
            count += 1
        elif o.post_id not in written_series:
            written_series.add(o.post_id)
            series = series_by_id[o.post_id]
            # Readers expand the whole rule: an open-ended one is followed (and its VTIMEZONE written) for two
            # more years than the schedule lists.
            limit = max(series.first_utc, now) + SERIES_REACH
            try:  # the master's link, or an occurrence's own, may be one an older NomadCM let in
                problem = link_problem(series.link) if series.link else None
                events = [] if problem else list(_series_events(series, created[o.post_id], now, limit, span))
            except (ValueError, OverflowError) as err:
                problem = f"cannot be written as iCalendar ({err})"
            if problem:
                skipped.append(SkippedRow(o.post_id, problem))
                continue
            for ev in events:
                cal.add_component(ev)
                count += 1
    if zones and span.first is not None and span.last is not None:
        for zone in sorted(zones):  # the zones' rules for the span of the export only (ics_vtimezone.py)
            cal.add_component(vtimezone(zone, span.first, span.last + EVENT_LENGTH))
    return cal, IcsReport(count, sorted(zones), skipped)


@dataclass
class _Span:
    """The first and last instants the file holds, for its VTIMEZONEs."""

    first: datetime | None = None
    last: datetime | None = None

    def add(self, instant: datetime | None) -> None:
        if instant is None:
            return
        self.first = instant if self.first is None else min(self.first, instant)
        self.last = instant if self.last is None else max(self.last, instant)


def _series_events(
    series: Series, created_at: datetime, stamp: datetime, limit: datetime, span: _Span
) -> Iterable[icalendar.Event]:
    """The series' master event (RRULE, EXDATEs) and one RECURRENCE-ID event per occurrence changed alone or
    that a reader could misplace (ics_times.py); or, for a series repeating within a day that needs such
    exceptions, one event per occurrence."""
    exceptions = series_exceptions(series, limit, EVENT_LENGTH)
    excluded = set(exceptions.unlisted)
    own: list[Occurrence] = []
    for wall in sorted(set(series.overrides) | set(exceptions.spelled_out)):
        occ = series.occurrence_at(wall)
        if occ is None:
            continue
        ov = series.overrides.get(wall)
        if ov is not None and ov.deleted:
            excluded.add(wall)
        else:
            own.append(occ)
    if exceptions.crowded and (excluded or own):
        for occ in series.occurrences(end=limit if series.rule.open_ended else None):
            span.add(occ.utc)
            yield _event(occ, uid_for(series.post_id, created_at, occ.series_wall), stamp)
        return
    span.add(series.first_utc)
    span.add(exceptions.last)
    uid = uid_for(series.post_id, created_at)
    master = _event(_master_occurrence(series), uid, stamp, generated_time(series.dtstart, series.tz))
    master.add("rrule", icalendar.vRecur.from_ical(written_rule(series)))
    if excluded:
        master.add("exdate", [generated_time(wall, series.tz) for wall in sorted(excluded)])
    yield master
    for occ in own:
        span.add(occ.utc)
        ev = _event(occ, uid, stamp)
        assert occ.series_wall is not None
        ev.add("recurrence-id", generated_time(occ.series_wall, series.tz))
        yield ev


def written_rule(series: Series) -> str:
    """The series' RRULE as the file says it: an UNTIL is brought back to the last occurrence it lets through.
    RFC 5545 reads a generated time inside a DST gap with the offset from before the gap (NomadCM's instant);
    icalendar reading a file's own VTIMEZONE uses the one after, an hour earlier, so an occurrence just past
    an UNTIL in that hour came back for it. Found by tests/test_one_truth.py (a daily 02:59 Paris series whose
    UNTIL fell between the two readings of 26 March 2028's 02:59)."""
    rule = series.rule
    if rule.until is None:
        return rule.to_text()
    last = None
    for _wall, instant, _shown, _moved in wall_instants(rule, series.dtstart, series.tz, series.fold):
        last = instant
    if last is None or last >= rule.until:
        return rule.to_text()
    return rule.with_end(until=last).to_text()


def _master_occurrence(series: Series) -> Occurrence:
    """The series as an occurrence, for the master event's text, status and tags."""
    return Occurrence(
        series.post_id,
        series.first_utc,
        series.dtstart,
        series.tz,
        series.fold,
        series.status,
        series.text,
        series.link,
        series.tags,
        series.channel_id,
        series.client_id,
        series.client_name,
        series.colour,
        series.network,
        series.handle,
        series.dtstart,
    )


def _created_at(db: Database) -> dict[int, datetime]:
    with db.session() as s:
        return dict(s.execute(select(Post.id, Post.created_at)).all())  # type: ignore[arg-type]


def export_ics(
    db: Database,
    target: Path | None = None,
    *,
    out: IO[str] | None = None,
    **options: object,
) -> IcsReport:
    """Writes the calendar to `target` atomically (or to `out`/stdout)."""
    cal, report = build_calendar(db, **options)  # type: ignore[arg-type]
    text = cal.to_ical().decode("utf-8")
    if target is None:
        (out or sys.stdout).write(text)
        return report
    with atomic_text_file(Path(target)) as fh:
        fh.write(text)
    return report
