"""How a time is written in NomadCM's ICS files so that every reader finds the instant NomadCM means.

A local time with a TZID is read by RFC 5545 §3.3.5's rules: a wall time the clocks show twice (a fold, when
they go back) is the FIRST of the two instants, and one they skip (a gap) takes the UTC offset from before the
gap, i.e. moves past it by the gap's length. NomadCM means the same for generated times
(services/schedule/recurrence_expansion.py), but a post can be the second pass (`--fold 1`), and readers
derive an occurrence's end by adding the event's length to its local start (Python's aware arithmetic
is wall-clock arithmetic: Lord Howe's 01:45 + 15 minutes on its April night gives 02:00, half an hour after
the instant NomadCM means, and 02:15 + 15 minutes in its October gap ends before it starts). So:

- An event written on its own (a single post, an `--expand` occurrence, an occurrence written again under
  its RECURRENCE-ID) has DTSTART and DTEND as local times with the TZID of the post's zone where that wall
  time happens once, and in UTC where it happens twice: the second pass cannot be said with a TZID at all,
  and UTC leaves a reader nothing to choose for the first one either (`event_time`).
- The wall times a rule generates — the series' DTSTART, its EXDATEs and RECURRENCE-IDs — are written as the
  rule generates them, with the TZID, even in a gap or a fold: readers expand the RRULE on wall times and
  match EXDATE and RECURRENCE-ID against what they generate, by that local time (`generated_time`).
- A generated occurrence a reader could place elsewhere than NomadCM — its wall time is skipped or
  repeated (this covers the series' own first occurrence at the second pass), or its 15 minutes cross a
  clock change — is written again as an occurrence of its own (RECURRENCE-ID, `series_exceptions`), whose
  DTSTART and DTEND are written as any event's. Readers then need no DST rule to agree: icalendar +
  recurring-ical-events and `ical` give the CSV's instants (tests/exchange/test_ics_readers.py).
- A wall time readers generate that NomadCM does not list (a gap moved it onto an instant the rule also
  generates: counted once) is an EXDATE.
- A series repeating within a day that needs any EXDATE or RECURRENCE-ID is written as one event per
  occurrence instead (`SeriesExceptions.crowded` says why).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from nomadcm import timezones
from nomadcm.services.schedule.recurrence_expansion import Generated, ZoneClock, expand, zone_clock
from nomadcm.services.schedule.series import Series


def event_time(instant: datetime, zone: str) -> datetime:
    """An event's own DTSTART or DTEND: local time in `zone` (written with its TZID) where that wall time
    names this instant only, else UTC."""
    local = timezones.to_local(instant, zone)
    wall = local.replace(tzinfo=None)
    if zone_clock(zone).day_offset(wall.date()) is None and timezones.resolve(wall, zone).ambiguous:
        return timezones.ensure_utc(instant)  # only near a clock change can a wall time happen twice
    return local


def generated_time(wall: datetime, zone: str) -> datetime:
    """A wall time as the rule generates it, with `zone`'s TZID (only the written digits and the TZID
    matter). One the clocks skip stays as it is (02:30 on the spring-forward night): written as the shifted
    03:30, a series' DTSTART would move every later occurrence to 03:30, and an EXDATE or RECURRENCE-ID would
    match no occurrence the reader generates."""
    instant = timezones.localize_shifting_gaps(wall, zone)[0]
    return wall.replace(tzinfo=timezones.to_local(instant, zone).tzinfo)


def readers_may_misplace(generated: Generated, zone: str, length: timedelta, clock: ZoneClock) -> bool:
    """Whether a reader expanding the RRULE could put this occurrence, or its end, elsewhere than NomadCM:
    its wall time is skipped or happens twice, or a clock change falls within its `length`."""
    if clock.day_offset(generated.series_wall.date()) is not None:
        return False  # no clock change within a day and a half of that wall time
    res = timezones.resolve(generated.series_wall, zone)
    if res.gap is not None or res.ambiguous:
        return True
    return timezones.utc_offset(generated.utc, zone) != timezones.utc_offset(generated.utc + length, zone)


@dataclass
class SeriesExceptions:
    """What a series' master event needs besides its RRULE for readers to expand it as NomadCM lists it."""

    unlisted: list[datetime]  # wall times readers generate that NomadCM does not list: EXDATE
    spelled_out: list[datetime]  # listed ones a reader could misplace: written again under RECURRENCE-ID
    last: datetime | None  # the last listed instant (for the VTIMEZONEs)
    # Two generated wall times less than a day apart. recurring-ical-events (3.8) looks an EXDATE or a
    # RECURRENCE-ID up by its UTC time and by its local time without a zone, in one table: in Paris in
    # summer an EXDATE of 10:00 (08:00Z) also removes the occurrence at 08:00 local. Only occurrences a UTC
    # offset apart collide, so only a rule repeating within a day: with exceptions, it is written
    # occurrence by occurrence.
    crowded: bool = False


def series_exceptions(series: Series, limit: datetime, length: timedelta) -> SeriesExceptions:
    """Up to the rule's end, or up to `limit` for an open-ended rule (readers go on forever; the file's
    VTIMEZONEs stop there too). A wall time readers generate and NomadCM does not list is one that a DST
    gap moved onto an instant the rule also generates (RFC 5545 counts it once; readers would show two)."""
    clock = zone_clock(series.tz)
    open_ended = series.rule.open_ended
    listed: set[datetime] = set()
    spelled_out: list[datetime] = []
    last: datetime | None = None
    last_wall: datetime | None = None
    crowded = False
    far_shift = False  # a gap of a day or more (Apia skipped 2011-12-30) can push a daily one onto the next
    end = limit + timedelta(days=3) if open_ended else None  # past the readers' walls below
    for g in expand(series.rule, series.dtstart, series.tz, series.fold, end=end):
        listed.add(g.series_wall)
        # by wall times: a daily post is 23 hours from the next on the spring-forward night
        crowded = crowded or (last_wall is not None and abs(g.series_wall - last_wall) < timedelta(days=1))
        far_shift = far_shift or (g.gap_shifted and g.wall - g.series_wall >= timedelta(days=1))
        last, last_wall = g.utc, g.series_wall
        if readers_may_misplace(g, series.tz, length, clock):
            spelled_out.append(g.series_wall)
    unlisted: list[datetime] = []
    if crowded or far_shift:  # else no gap can move a wall time onto another: readers list the same ones
        unlisted = [w for w in _reader_walls(series, limit if open_ended else None) if w not in listed]
    return SeriesExceptions(unlisted, spelled_out, last, crowded)


def _reader_walls(series: Series, limit: datetime | None) -> Iterator[datetime]:
    """The wall times a reader generates from the RRULE: dateutil's, cut at UNTIL by their RFC 5545
    instants (the first pass in a fold, past the gap by its length in a gap)."""
    clock = zone_clock(series.tz)
    until = series.rule.until
    stop = None if limit is None else limit.replace(tzinfo=None)
    for wall in series.rule.dateutil_rule(series.dtstart, stop):
        if stop is not None and wall > stop:
            return
        if until is not None and clock.instant(wall)[0] > until:
            return
        yield wall
