"""One day laid out on a common time axis: the CM's strip and one strip per client, all aligned on instants.

The Day view draws what this module computes (it holds no Qt): for a date of the CM's own calendar,
- the span is her local day, midnight to midnight on her clock — 24 hours most days, 23 or 25 on a DST
  day, and longer or shorter on a day she changes zone (a Paris -> Montréal flight day lasts 30 hours);
- her strip carries her sleep window, working hours and transits, in whatever zone she is at each moment;
- each client's strip carries the audience's prime hours in the audience's zone;
- each client's strip also carries that client's events (a launch, a closure...) by their instants;
- every strip has ticks at its own whole local hours, so the same instant reads 04:00 on hers and 10:00 on
  a Paris client's; the day's posts sit on their client's strip, with their conflicts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from nomadcm import timezones
from nomadcm.services.events.events import EventService
from nomadcm.services.events.records import EventInfo
from nomadcm.services.schedule.clients import ClientInfo
from nomadcm.services.schedule.query import ScheduleFilter, ScheduleQuery
from nomadcm.services.travel.conflicts import ConflictService, PostConflicts
from nomadcm.services.travel.itinerary import Itinerary, Segment
from nomadcm.services.travel.rhythm import Rhythm
from nomadcm.storage import Database

_STEP = timedelta(minutes=15)  # every zone's offset is a multiple of 15 minutes: ticks fall on this grid


@dataclass(frozen=True)
class Band:
    start: datetime  # aware UTC
    end: datetime
    kind: str  # "prime", "sleep", "work", "transit"
    label: str = ""


@dataclass(frozen=True)
class Tick:
    instant: datetime
    hour: int  # the local hour shown at this instant
    midnight: bool = False
    day: date | None = None  # the local date starting here (midnight ticks)


@dataclass(frozen=True)
class ZonePiece:
    """A stretch of a strip spent in one zone (the CM's strip changes zone on a travel day)."""

    start: datetime
    end: datetime
    zone: str
    place: str
    in_transit: bool = False


@dataclass(frozen=True)
class DayPost:
    post_id: int
    utc: datetime
    wall: datetime  # the post's own wall time
    tz: str
    status: str
    client_id: int
    client_name: str
    colour: str
    network: str
    text: str
    cm_wall: datetime
    cm_tz: str
    conflicts: PostConflicts | None = None

    @property
    def kinds(self) -> tuple[str, ...]:
        return self.conflicts.kinds if self.conflicts else ()


@dataclass
class Strip:
    key: str  # "cm" or "client:<id>"
    title: str
    pieces: list[ZonePiece]
    bands: list[Band] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    posts: list[DayPost] = field(default_factory=list)
    colour: str = ""
    client: ClientInfo | None = None
    events: list[EventInfo] = field(default_factory=list)  # the client's events that touch the day


@dataclass
class DayPlan:
    day: date
    start: datetime  # the CM's local midnight
    end: datetime  # her next local midnight
    cm: Strip
    clients: list[Strip]

    @property
    def hours(self) -> float:
        return (self.end - self.start).total_seconds() / 3600

    @property
    def strips(self) -> list[Strip]:
        return [self.cm, *self.clients]

    def fraction(self, instant: datetime) -> float:
        """Where an instant sits on the axis, 0 at the start and 1 at the end."""
        return (instant - self.start) / (self.end - self.start)


def cm_day_span(itinerary: Itinerary, day: date) -> tuple[datetime, datetime]:
    """Her local day: midnight in the zone she is in at its start, to midnight in the zone she ends it in."""
    return _midnight_for(itinerary, day, ending=False), _midnight_for(
        itinerary, day + timedelta(days=1), True
    )


def _midnight_for(itinerary: Itinerary, day: date, ending: bool) -> datetime:
    zone = itinerary.zone_at(datetime.combine(day, time(0), tzinfo=UTC))
    moment = timezones.local_midnight(day, zone)
    for _ in range(4):  # the zone at that midnight may differ from the guess: settle (a few steps at most)
        probe = moment - timedelta(seconds=1) if ending else moment
        actual = itinerary.zone_at(probe)
        if actual == zone:
            break
        zone = actual
        moment = timezones.local_midnight(day, zone)
    return moment


def build_day_plan(
    db: Database,
    day: date,
    itinerary: Itinerary,
    rhythm: Rhythm,
    clients: list[ClientInfo],
    conflicts: ConflictService | None = None,
    cm_title: str = "You",
) -> DayPlan:
    start, end = cm_day_span(itinerary, day)
    segments = itinerary.segments(start, end)
    cm = Strip(
        "cm",
        cm_title,
        [ZonePiece(s.start, s.end, s.where.zone, s.where.place, s.where.in_transit) for s in segments],
    )
    cm.bands = _rhythm_bands(segments, rhythm, start, end) + _transit_bands(itinerary, start, end)
    cm.ticks = _ticks(start, end, lambda t: itinerary.zone_at(t))
    strips: list[Strip] = []
    by_client: dict[int, Strip] = {}
    for c in clients:
        strip = Strip(
            f"client:{c.id}",
            c.name,
            [ZonePiece(start, end, c.audience_tz, "")],
            bands=_prime_bands(c, start, end),
            ticks=_ticks(start, end, lambda _t, z=c.audience_tz: z),
            colour=c.colour,
            client=c,
        )
        strips.append(strip)
        by_client[c.id] = strip
    for e in EventService(db).list_events(start=start, end=end):  # launches, closures... on their strip
        if e.client_id in by_client:
            by_client[e.client_id].events.append(e)
    found = {}
    if conflicts is not None:
        found = {
            (p.post_id, p.utc): p
            for p in conflicts.check(
                start=start, end=end, include_acknowledged=True
            )  # each at its assignee's
        }
    for o in ScheduleQuery(db, ScheduleFilter(start=start, end=end), itinerary=itinerary).stream():
        if o.status == "cancelled" or o.client_id not in by_client:
            continue
        by_client[o.client_id].posts.append(
            DayPost(
                o.post_id,
                o.utc,
                o.wall,
                o.tz,
                o.status,
                o.client_id,
                o.client_name,
                o.colour,
                o.network,
                o.text,
                o.cm_wall,
                o.cm_zone,
                found.get((o.post_id, o.utc)),
            )
        )
    return DayPlan(day, start, end, cm, strips)


# --------------------------------------------------------------------------- pieces


def _ticks(start: datetime, end: datetime, zone_of) -> list[Tick]:  # type: ignore[no-untyped-def]
    """Whole local hours between start and end, each strip in its own zone (a 23- or 25-hour day shows
    as such: an hour label missing, or one repeated)."""
    ticks: list[Tick] = []
    t = start
    while t <= end:
        zone = zone_of(t)
        local = timezones.wall_at(t, zone)
        if local.minute == 0 and local.second == 0:
            midnight = local.hour == 0
            ticks.append(Tick(t, local.hour, midnight, local.date() if midnight else None))
        t += _STEP
    return ticks


def _clip(a: datetime, b: datetime, lo: datetime, hi: datetime) -> tuple[datetime, datetime] | None:
    a, b = max(a, lo), min(b, hi)
    return (a, b) if a < b else None


def _local_days(start: datetime, end: datetime, zone: str) -> list[date]:
    first = timezones.wall_at(start, zone).date() - timedelta(days=1)
    last = timezones.wall_at(end, zone).date()
    return [first + timedelta(days=k) for k in range((last - first).days + 1)]


def _local_range(day: date, start_min: int, end_min: int, zone: str) -> tuple[datetime, datetime]:
    """Instants of [start_min, end_min) on a local day in `zone`; an end before the start is the next day.
    Times in a DST gap move past it, as every generated time does."""
    end_day = day + timedelta(days=1) if end_min <= start_min else day
    a = datetime.combine(day, time(0)) + timedelta(minutes=start_min)
    b = datetime.combine(end_day, time(0)) + timedelta(minutes=end_min)
    return timezones.localize_shifting_gaps(a, zone)[0], timezones.localize_shifting_gaps(b, zone)[0]


def _prime_bands(client: ClientInfo, start: datetime, end: datetime) -> list[Band]:
    bands = []
    for day in _local_days(start, end, client.audience_tz):
        a, b = _local_range(day, client.prime_start_min, client.prime_end_min, client.audience_tz)
        clipped = _clip(a, b, start, end)
        if clipped:
            bands.append(Band(*clipped, "prime"))
    return bands


def _rhythm_bands(segments: list[Segment], rhythm: Rhythm, start: datetime, end: datetime) -> list[Band]:
    bands: list[Band] = []
    for seg in segments:
        zone = seg.where.zone
        for day in _local_days(seg.start, seg.end, zone):
            a, b = _local_range(day, rhythm.sleep.start, rhythm.sleep.end, zone)
            clipped = _clip(a, b, max(seg.start, start), min(seg.end, end))
            if clipped:
                bands.append(Band(*clipped, "sleep"))
            for s_min, e_min in rhythm.work.days[day.weekday()]:
                a, b = _local_range(day, s_min, e_min % 1440, zone)
                clipped = _clip(a, b, max(seg.start, start), min(seg.end, end))
                if clipped:
                    bands.append(Band(*clipped, "work"))
    return _merge(bands)


def _transit_bands(itinerary: Itinerary, start: datetime, end: datetime) -> list[Band]:
    bands = []
    for t in itinerary.transits:
        clipped = _clip(t.depart, t.arrive, start, end)
        if clipped:
            label = f"{t.from_place} → {t.to_place}" + (f" {t.ref}" if t.ref else "")
            bands.append(Band(*clipped, "transit", label))
    return bands


def _merge(bands: list[Band]) -> list[Band]:
    """Touching bands of one kind become one (a sleep window cut by a zone change, for instance)."""
    out: list[Band] = []
    for band in sorted(bands, key=lambda b: (b.kind, b.start)):
        if out and out[-1].kind == band.kind and out[-1].end >= band.start:
            last = out[-1]
            out[-1] = Band(last.start, max(last.end, band.end), last.kind, last.label)
        else:
            out.append(band)
    return sorted(out, key=lambda b: b.start)
