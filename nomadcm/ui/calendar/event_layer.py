"""The clients' events on the calendar, placed without painting: an all-day band above the week's hours (and
the first lines of a month's cells), timed blocks behind the posts.

- An all-day event covers its dates, in every lens: a closure on 15 August is on the 15th whether the
  calendar shows Paris, Montréal or your own clock.
- A timed event is placed by its instants on the lens's days, like the posts: a block on each day it
  touches, from its start (or the day's start) to its end (or the day's end), so a DST day draws it as long as
  it really is. One lasting a day or more goes in the band over the days it touches instead.
- A launch with no post around it (services/events/launch_gaps.py) carries its window, for the ⚠ mark.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from nomadcm.services.events.records import EventInfo
from nomadcm.ui.calendar.layout import DaySpan

if TYPE_CHECKING:
    from nomadcm.services.container import Services

LONG = timedelta(hours=24)  # a timed event this long or longer goes in the band


@dataclass
class PlacedEvent:
    event: EventInfo
    first: int  # index of the first day it is drawn on
    last: int  # index of the last one (a block: the same day)
    banded: bool  # in the all-day band (else a timed block)
    start_hours: float = 0.0  # a block: from its day's start
    end_hours: float = 0.0
    lane: int = 0  # the band's row
    gap_hours: int | None = None  # a launch with no post in this many hours around it


def place_events(events: list[EventInfo], days: list[DaySpan], gaps: dict[int, int]) -> list[PlacedEvent]:
    """Each event on the days it covers (see the module's docstring); band rows assigned."""
    if not days:
        return []
    placed: list[PlacedEvent] = []
    for e in events:
        gap = gaps.get(e.id)
        if e.all_day:
            covered = [k for k, d in enumerate(days) if e.first_date <= d.day <= e.last_date]
            if covered:
                placed.append(PlacedEvent(e, covered[0], covered[-1], True, gap_hours=gap))
            continue
        touched = [
            k
            for k, d in enumerate(days)
            if e.start_utc < d.end
            and (e.end_utc > d.start or (e.end_utc == e.start_utc and e.start_utc >= d.start))
        ]
        if not touched:
            continue
        if e.end_utc - e.start_utc >= LONG:
            placed.append(PlacedEvent(e, touched[0], touched[-1], True, gap_hours=gap))
            continue
        for k in touched:
            d = days[k]
            start = max(e.start_utc, d.start)
            end = min(max(e.end_utc, e.start_utc), d.end)
            placed.append(
                PlacedEvent(
                    e, k, k, False, (start - d.start).total_seconds() / 3600, (end - d.start).total_seconds() / 3600,
                    gap_hours=gap,
                )
            )  # fmt: skip
    _assign_band_lanes([p for p in placed if p.banded])
    return placed


def _assign_band_lanes(banded: list[PlacedEvent]) -> None:
    ends: list[int] = []  # the last day taken in each row
    for p in sorted(banded, key=lambda p: (p.first, -(p.last - p.first), p.event.start_utc)):
        for lane, last in enumerate(ends):
            if p.first > last:
                p.lane, ends[lane] = lane, p.last
                break
        else:
            p.lane = len(ends)
            ends.append(p.last)


def band_rows(placed: list[PlacedEvent]) -> int:
    return max((p.lane + 1 for p in placed if p.banded), default=0)


def load_events(services: Services, days: list[DaySpan], client_id: int | None) -> list[PlacedEvent]:
    """The events the calendar shows over `days` (one client's, or everyone's), placed. All-day events are
    asked for a day around the span: their dates are not the span's instants."""
    if not days:
        return []
    start, end = days[0].start - timedelta(days=1), days[-1].end + timedelta(days=1)
    events = services.events.list_events(client_id=client_id, start=start, end=end)
    gaps = {
        g.event.id: g.window_hours
        for g in services.launch_check.gaps(start=start, end=end, client_id=client_id)
    }
    return place_events(events, days, gaps)
