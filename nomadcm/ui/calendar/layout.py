"""Where things go on the calendar, without painting: day spans in the display zone and post placement.

A day is the display zone's midnight to the next one, so a DST day lasts 23 or 25 hours and is drawn so.
With the "my time" lens the zone is the itinerary's: on a travel day the day runs from midnight where she
wakes up to midnight where she goes to bed (a long or short day, drawn as it is).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from nomadcm import timezones
from nomadcm.services.schedule.series import Occurrence

ITEM_MINUTES = 30  # the height a post takes in the week view, for overlap lanes


@dataclass(frozen=True)
class DaySpan:
    day: date
    zone: str
    start: datetime  # aware UTC
    end: datetime

    @property
    def hours(self) -> float:
        return (self.end - self.start).total_seconds() / 3600

    def contains(self, instant: datetime) -> bool:
        return self.start <= instant < self.end


@dataclass
class Placed:
    occurrence: Occurrence
    day_index: int
    hours: float  # from the day's start
    lane: int = 0
    lanes: int = 1
    conflict_kinds: tuple[str, ...] = ()  # the conflict check's kinds, () when none
    conflict_found: object = None  # its finding, worded only when a tooltip shows it (ui/calendar/view.py)
    local: datetime = field(default=datetime(2000, 1, 1))  # wall time in the display zone


def day_spans(first: date, count: int, zone_for: Callable[[datetime], str]) -> list[DaySpan]:
    """`count` consecutive days from `first`; each day's zone is `zone_for(its noon)`; days meet end to end."""
    starts: list[tuple[date, str, datetime]] = []
    for i in range(count + 1):
        d = first + timedelta(days=i)
        guess = timezones.local_midnight(d, "UTC") + timedelta(hours=12)
        zone = zone_for(guess)
        zone = zone_for(timezones.local_midnight(d, zone) + timedelta(hours=12))
        starts.append((d, zone, timezones.local_midnight(d, zone)))
    spans = []
    for (d, zone, start), (_, _, nxt) in itertools.pairwise(starts):
        spans.append(DaySpan(d, zone, start, max(nxt, start + timedelta(hours=1))))
    return spans


def place(occurrences: Sequence[Occurrence], days: Sequence[DaySpan], my_time: bool = False) -> list[Placed]:
    """Each occurrence on its day, with side-by-side lanes where posts overlap (30 minutes each).

    With `my_time` (the "my time" lens) a post sits at its row's "your time" (`cm_wall`, from the schedule
    query), on that date, as the Schedule shows it: on a travel day, a post that goes out during a flight is
    at the departure zone's time, not at the time of the zone the day is drawn in; a post before a night
    flight west is on the date her clock shows, not on the long day before. A post whose date is not among
    `days` is left out (the range next to it shows it: give this lens the posts a day or two around)."""
    placed: list[Placed] = []
    offsets = [_constant_offset(d) for d in days]
    by_date = {d.day: k for k, d in enumerate(days)}
    i = 0
    for o in occurrences:  # sorted by instant, as the services give them
        while i < len(days) and o.utc >= days[i].end:
            i += 1
        inside = i < len(days) and o.utc >= days[i].start
        if (
            my_time
            and o.cm_wall is not None
            and not (inside and o.cm_zone == days[i].zone and o.cm_wall.date() == days[i].day)
        ):
            k = by_date.get(o.cm_wall.date())
            if k is not None:
                midnight = datetime.combine(o.cm_wall.date(), datetime.min.time())
                hours = (o.cm_wall - midnight).total_seconds() / 3600
                hours = min(max(hours, 0.0), max(days[k].hours - ITEM_MINUTES / 60, 0.0))
                placed.append(Placed(o, k, hours, local=o.cm_wall))
            continue
        if i >= len(days):
            break
        if not inside:
            continue
        day = days[i]
        offset = offsets[i]
        local = (
            (o.utc + offset).replace(tzinfo=None)
            if offset is not None
            else timezones.wall_at(o.utc, day.zone)
        )
        placed.append(Placed(o, i, (o.utc - day.start).total_seconds() / 3600, local=local))
    placed.sort(key=lambda p: (p.day_index, p.hours))
    _assign_lanes(placed)
    return placed


def _constant_offset(day: DaySpan) -> timedelta | None:
    """The day's one UTC offset, or None when it changes that day (then each post is converted)."""
    first = timezones.utc_offset(day.start, day.zone)
    last = timezones.utc_offset(day.end - timedelta(seconds=1), day.zone)
    return first if first == last and abs(day.hours - 24) < 1e-9 else None


def _assign_lanes(placed: list[Placed]) -> None:
    span = ITEM_MINUTES / 60
    cluster: list[Placed] = []
    lane_ends: list[float] = []

    def close() -> None:
        for p in cluster:
            p.lanes = max(1, len(lane_ends))

    for p in placed:
        if cluster and (p.day_index != cluster[-1].day_index or p.hours >= max(lane_ends)):
            close()
            cluster, lane_ends = [], []
        for lane, end in enumerate(lane_ends):
            if p.hours >= end:
                p.lane, lane_ends[lane] = lane, p.hours + span
                break
        else:
            p.lane = len(lane_ends)
            lane_ends.append(p.hours + span)
        cluster.append(p)
    if cluster:
        close()


def week_start(day: date, first_weekday: int = 1) -> date:
    """The first day of the week holding `day` (ISO weekday of the week's first day: 1 = Monday)."""
    return day - timedelta(days=(day.isoweekday() - first_weekday) % 7)


def month_grid_start(day: date, first_weekday: int = 1) -> date:
    return week_start(day.replace(day=1), first_weekday)
