"""The CM's days: where her clock was, when each of her days began, and interval arithmetic over them.

A *day* of wellbeing data is the CM's local day where she was, starting at the day start (default 04:00,
as ActivityWatch and Workrave do). When she stays in one zone, day D runs from D 04:00 to D+1 04:00 in that
zone: 23 or 25 real hours on DST days. When she travels, her clock jumps; the rule that stays true is:

    day D begins at the first instant at which her clock (in the zone where she was) reads D 04:00 or later.

So flying west makes a day longer, flying east shorter, and crossing the date line eastwards can make a
date that she never lived (a zero-length day: reported, with zeros). Boundaries always increase.

Everything here works on POSIX seconds (floats) so that a year of sessions splits in milliseconds.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from nomadcm import timezones
from nomadcm.errors import TimeError
from nomadcm.services.travel.itinerary import Itinerary

NEG_INF = -math.inf
POS_INF = math.inf

Interval = tuple[float, float]


def ts(instant: datetime) -> float:
    """POSIX seconds of an aware instant."""
    return timezones.ensure_utc(instant).timestamp()


def from_ts(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


# --------------------------------------------------------------------------- where her clock was


@dataclass(frozen=True)
class Segment:
    """A span of time during which she stayed in one zone: [start, end) in POSIX seconds."""

    start: float
    end: float
    zone: str


class ZoneTimeline:
    """The itinerary as consecutive segments of constant zone (from -inf to +inf)."""

    def __init__(self, itinerary: Itinerary) -> None:
        self.itinerary = itinerary
        # zones only change where the itinerary's answer may change
        ordered = itinerary.boundaries(datetime.min.replace(tzinfo=UTC), datetime.max.replace(tzinfo=UTC))
        segments: list[Segment] = []
        if not ordered:
            segments.append(Segment(NEG_INF, POS_INF, itinerary.home_tz))
        else:
            first_zone = itinerary.zone_at(ordered[0] - timedelta(microseconds=1))
            segments.append(Segment(NEG_INF, ts(ordered[0]), first_zone))
            for i, point in enumerate(ordered):
                end = ts(ordered[i + 1]) if i + 1 < len(ordered) else POS_INF
                zone = itinerary.zone_at(point)
                last = segments[-1]
                if zone == last.zone:
                    segments[-1] = Segment(last.start, end, zone)
                else:
                    segments.append(Segment(ts(point), end, zone))
        self.segments = segments
        self._starts = [s.start for s in segments]

    @classmethod
    def fixed(cls, zone: str) -> ZoneTimeline:
        """A timeline that never leaves `zone` (tests, and --tz everywhere)."""
        return cls(Itinerary(timezones.check_zone(zone)))

    def segment_at(self, seconds: float) -> Segment:
        return self.segments[bisect.bisect_right(self._starts, seconds) - 1]

    def zone_at(self, seconds: float) -> str:
        return self.segment_at(seconds).zone

    def segments_between(self, start: float, end: float) -> list[Segment]:
        i = max(0, bisect.bisect_right(self._starts, start) - 1)
        out = []
        while i < len(self.segments) and self.segments[i].start < end:
            out.append(self.segments[i])
            i += 1
        return out

    def first_instant_at_or_after(self, wall: datetime) -> float:
        """The first instant at which her clock reads `wall` or later (day boundaries)."""
        # Her clock reads `wall` within 14 hours of the UTC instant with the same digits: start 2 days early.
        guess = wall.replace(tzinfo=UTC).timestamp()
        for seg in self.segments_between(guess - 2 * 86400, POS_INF):
            instant = ts(timezones.localize_shifting_gaps(wall, seg.zone)[0])
            if instant < seg.end:
                return max(instant, seg.start)
        raise AssertionError("the last segment is unbounded")  # pragma: no cover

    def day_bounds(self, first: date, last: date, day_start: time) -> tuple[list[float], list[str]]:
        """Boundaries of days first..last (len = days + 1) and the zone of each day.

        A day's zone is the zone she spent the longest part of it in (the first one on a tie); a
        zero-length day takes the zone she was in at that instant.
        """
        n = (last - first).days + 1
        bounds: list[float] = []
        for k in range(n + 1):
            wall = datetime.combine(first + timedelta(days=k), day_start)
            bounds.append(self.first_instant_at_or_after(wall))
        zones = []
        for k in range(n):
            a, b = bounds[k], bounds[k + 1]
            if b <= a:
                zones.append(self.zone_at(a))
                continue
            best, best_len = "", -1.0
            for seg in self.segments_between(a, b):
                length = min(b, seg.end) - max(a, seg.start)
                if length > best_len:
                    best, best_len = seg.zone, length
            zones.append(best)
        return bounds, zones


# --------------------------------------------------------------------------- typed wall times


@dataclass(frozen=True)
class TypedInstant:
    """A wall time typed without a zone, read in the zone where she was then."""

    instant: datetime
    zone: str
    alternatives: tuple[tuple[datetime, str], ...] = ()  # other readings (a fold, or a westward flight)


def resolve_typed(timeline: ZoneTimeline, wall: datetime, fold: int = 0) -> TypedInstant:
    """Reads a wall time typed without a zone in the zone where she was at that moment.

    The rule: every zone she was in around that date is tried; a reading counts when at its instant she
    was indeed in that zone. One reading: taken. Several (a DST fold, or a westward flight that made her
    live that hour twice): the first, unless `fold=1` asks for the second; the others are returned so the
    caller can say so. None: the hour did not happen where she was (an eastward flight or a DST gap
    jumped over it) and the error says so.
    """
    guess = wall.replace(tzinfo=UTC).timestamp()
    readings: list[tuple[float, str]] = []
    gaps: list[timezones.Gap] = []
    for seg in timeline.segments_between(guess - 2 * 86400, guess + 2 * 86400):
        res = timezones.resolve(wall, seg.zone)
        if res.gap is not None:
            if seg.start <= ts(timezones.localize_shifting_gaps(wall, seg.zone)[0]) < seg.end:
                gaps.append(res.gap)
            continue
        assert res.instant is not None
        for inst in (res.instant, res.other_instant):
            if inst is not None and seg.start <= ts(inst) < seg.end:
                readings.append((ts(inst), seg.zone))
    readings = sorted(set(readings))
    if not readings:
        if gaps:
            raise timezones.NonExistentTimeError(wall, gaps[0])
        before = timeline.zone_at(guess - 86400)
        raise TimeError(
            f"{wall:%Y-%m-%d %H:%M} did not happen where you were: your clock jumped over it "
            f"(travelling, around {before}); give the zone with --tz"
        )
    pick = min(fold, len(readings) - 1)
    taken = readings[pick]
    others = tuple((from_ts(s), z) for s, z in readings if (s, z) != taken)
    return TypedInstant(from_ts(taken[0]), taken[1], others)


# --------------------------------------------------------------------------- interval arithmetic


def union(intervals: Iterable[Interval], join_touching: bool = True) -> list[Interval]:
    """Sorted, disjoint intervals covering the same time (overlaps are never counted twice).

    Intervals that only touch (one ends when the next starts) are joined, unless `join_touching` is False:
    then only those sharing some time are merged (two sleeps logged back to back stay two sleeps)."""
    out: list[Interval] = []
    cur_a = cur_b = NEG_INF
    started = False
    for a, b in sorted(intervals):
        if b <= a:
            continue
        if started and (a <= cur_b if join_touching else a < cur_b):
            if b > cur_b:
                cur_b = b
            continue
        if started:
            out.append((cur_a, cur_b))
        cur_a, cur_b, started = a, b, True
    if started:
        out.append((cur_a, cur_b))
    return out


def subtract(base: Sequence[Interval], cut: Sequence[Interval]) -> list[Interval]:
    """`base` minus `cut`, both sorted and disjoint (outputs of `union`)."""
    out: list[Interval] = []
    j = 0
    for a, b in base:
        while j < len(cut) and cut[j][1] <= a:
            j += 1
        k = j
        cur = a
        while k < len(cut) and cut[k][0] < b:
            if cut[k][0] > cur:
                out.append((cur, cut[k][0]))
            cur = max(cur, cut[k][1])
            k += 1
        if cur < b:
            out.append((cur, b))
    return out


def total(intervals: Iterable[Interval]) -> float:
    return sum(b - a for a, b in intervals)


def split_by_days(intervals: Sequence[Interval], bounds: Sequence[float]) -> list[float]:
    """Seconds of `intervals` (disjoint) falling in each day [bounds[k], bounds[k+1])."""
    per_day = [0.0] * (len(bounds) - 1)
    if not per_day:
        return per_day
    lo, hi = bounds[0], bounds[-1]
    for a, b in intervals:
        a, b = max(a, lo), min(b, hi)
        if b <= a:
            continue
        k = bisect.bisect_right(bounds, a) - 1
        while k < len(per_day) and bounds[k] < b:
            piece = min(b, bounds[k + 1]) - max(a, bounds[k])
            if piece > 0:
                per_day[k] += piece
            k += 1
    return per_day


def day_ending(seconds: float, bounds: Sequence[float]) -> int | None:
    """Index of the day holding the last moment of a span that ends at `seconds` (end excluded), or None.

    A span ending exactly at a day start lies wholly in the day before, so it belongs there: a sleep that
    ends at 04:00 with a 04:00 day start is the previous day's. Zero-length days are never picked."""
    if not bounds or seconds <= bounds[0] or seconds > bounds[-1]:
        return None
    return bisect.bisect_left(bounds, seconds) - 1


def gaps(busy: Sequence[Interval]) -> list[Interval]:
    """The free stretches around sorted, disjoint busy intervals, from -inf to +inf."""
    out: list[Interval] = []
    cur = NEG_INF
    for a, b in busy:
        if a > cur:
            out.append((cur, a))
        cur = max(cur, b)
    out.append((cur, POS_INF))
    return out


def round_minutes(seconds: float) -> int:
    """Seconds to the nearest whole minute (halves round up, never banker's rounding)."""
    return math.floor(seconds / 60.0 + 0.5)
