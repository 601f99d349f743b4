"""Time zones: the only module that imports pytz.

The rest of NomadCM speaks in two kinds of values:
- an *instant*: an aware datetime in UTC (what the database stores);
- a *wall time*: a naive datetime plus an IANA zone name (what a person means: "09:00 Europe/Paris").

Going from a wall time to an instant is where DST bites, so it is done here and nowhere else:
`pytz.localize(..., is_dst=None)` never guesses. A wall time inside a DST gap raises `NonExistentTimeError`,
which names the gap and the first valid time after it. A wall time inside a fold (clocks go back) has two
instants: `fold=0` takes the first, `fold=1` the second (PEP 495's meaning of `fold`).
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

import pytz

from nomadcm.errors import TimeError

_SEARCH_SPAN = timedelta(days=2)


class UnknownZoneError(TimeError):
    def __init__(self, name: str) -> None:
        super().__init__(f"unknown time zone {name!r} (use an IANA name such as Europe/Paris)")
        self.name = name


@dataclass(frozen=True)
class Gap:
    """A span of wall times that never happen in `zone` because the clocks jump forward."""

    zone: str
    start: datetime  # first missing wall time (naive): the clocks jump from here...
    end: datetime  # ...to here: the first valid wall time after the gap

    @property
    def length(self) -> timedelta:
        return self.end - self.start


class NonExistentTimeError(TimeError):
    """A wall time inside a DST gap. `.gap.end` is the time to propose instead."""

    def __init__(self, wall: datetime, gap: Gap) -> None:
        self.wall = wall
        self.gap = gap
        super().__init__(
            f"{wall:%Y-%m-%d %H:%M} does not exist in {gap.zone}: clocks jump from "
            f"{gap.start:%H:%M} to {gap.end:%H:%M} that day; first valid time is {gap.end:%Y-%m-%d %H:%M}"
        )


@dataclass(frozen=True)
class Resolution:
    """What a wall time means: the instant, and whether DST made it special."""

    wall: datetime
    zone: str
    instant: datetime | None  # aware UTC; None when the wall time is in a gap
    ambiguous: bool = False  # the wall time happens twice (fold); `fold` says which one was taken
    fold: int = 0
    gap: Gap | None = None
    other_instant: datetime | None = None  # in a fold, the occurrence not taken


# --------------------------------------------------------------------------- zones


@functools.lru_cache(maxsize=512)
def get_zone(name: str) -> tzinfo:
    """The pytz zone for an IANA name; raises UnknownZoneError naming it."""
    if not isinstance(name, str) or not name.strip():
        raise UnknownZoneError(str(name))
    try:
        return pytz.timezone(name.strip())
    except (pytz.UnknownTimeZoneError, ValueError, AttributeError):
        raise UnknownZoneError(name) from None


def is_zone(name: str) -> bool:
    try:
        get_zone(name)
    except UnknownZoneError:
        return False
    return True


def check_zone(name: str) -> str:
    """The canonical spelling of a zone name, or UnknownZoneError."""
    return str(get_zone(name).zone)


def zone_names() -> list[str]:
    """Zone names to offer in pickers (current, canonical zones)."""
    return list(pytz.common_timezones)


def rules_version() -> str:
    """The IANA tz database release NomadCM's rules come from (e.g. "2025b")."""
    return str(pytz.OLSON_VERSION)


def zone_country_codes(name: str) -> list[str]:
    """ISO 3166 codes of the countries that use zone `name` (from the zone table shipped with pytz)."""
    return sorted(cc for cc, zones in pytz.country_timezones.items() if name in zones)


# --------------------------------------------------------------------------- instants


def ensure_utc(value: datetime) -> datetime:
    """An aware UTC datetime; refuses naive values (they would be guessed, and guesses lose hours)."""
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise ValueError(f"naive datetime {value!r}: an instant needs a zone")
    return value.astimezone(UTC)


def now_utc() -> datetime:
    return datetime.now(UTC)


def to_local(instant: datetime, zone: str) -> datetime:
    """The aware local datetime in `zone` at `instant`."""
    return ensure_utc(instant).astimezone(get_zone(zone))


def wall_at(instant: datetime, zone: str) -> datetime:
    """The naive wall time shown by a clock in `zone` at `instant`."""
    return to_local(instant, zone).replace(tzinfo=None)


def utc_offset(instant: datetime, zone: str) -> timedelta:
    offset = to_local(instant, zone).utcoffset()
    assert offset is not None
    return offset


_NAIVE_MIN, _NAIVE_MAX = datetime.min, datetime.max


def offset_span(naive_utc: datetime, zone: str) -> tuple[datetime, datetime, timedelta]:
    """(start, end, offset): the stretch [start, end) of naive UTC instants around `naive_utc` during which
    `zone` keeps one UTC offset, and that offset — so that a sweep over many instants converts each with an
    addition (`naive_utc + offset` is exactly `wall_at`) and looks the zone up again only at a change."""
    tz = get_zone(zone)
    times = getattr(tz, "_utc_transition_times", None)
    if not times:  # UTC and fixed-offset zones
        offset = tz.utcoffset(naive_utc) or timedelta(0)
        return _NAIVE_MIN, _NAIVE_MAX, offset
    i = bisect.bisect_right(times, naive_utc) - 1
    info = tz._transition_info  # type: ignore[attr-defined]
    offset = info[max(i, 0)][0]
    start = times[i] if i >= 0 else _NAIVE_MIN
    end = times[i + 1] if i + 1 < len(times) else _NAIVE_MAX
    return start, end, offset


def abbreviation(instant: datetime, zone: str) -> str:
    """The zone's abbreviation at `instant` ("CET", "EDT"; "+0545" where the zone has none)."""
    local = to_local(instant, zone)
    name = local.tzname() or ""
    if name and name[0] in "+-":  # tzdata uses numeric names where no abbreviation is in use
        return name
    return name or format_offset(local.utcoffset() or timedelta(0))


def format_offset(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def format_utc(instant: datetime) -> str:
    """`YYYY-MM-DDTHH:MM:SSZ`, the form of every UTC time in files and JSON."""
    return ensure_utc(instant).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_utc(text: str) -> datetime:
    """Reads `YYYY-MM-DDTHH:MM:SSZ` (or any ISO 8601 time with an offset) as an aware UTC instant."""
    value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    return ensure_utc(value)


# --------------------------------------------------------------------------- wall time -> instant


def resolve(wall: datetime, zone: str, fold: int = 0) -> Resolution:
    """What wall time `wall` in `zone` means, without raising for DST: the UI shows the outcome live."""
    if wall.tzinfo is not None:
        raise ValueError("resolve() takes a naive wall time")
    if fold not in (0, 1):
        raise TimeError(f"fold must be 0 or 1, not {fold!r}")
    tz = get_zone(zone)
    name = str(getattr(tz, "zone", zone))
    try:
        local = tz.localize(wall, is_dst=None)  # type: ignore[attr-defined]
    except pytz.NonExistentTimeError:
        return Resolution(wall, name, None, gap=_gap_around(wall, name))
    except pytz.AmbiguousTimeError:
        first, second = _fold_instants(wall, tz)
        taken, other = (first, second) if fold == 0 else (second, first)
        return Resolution(wall, name, taken, ambiguous=True, fold=fold, other_instant=other)
    return Resolution(wall, name, local.astimezone(UTC))


def localize(wall: datetime, zone: str, fold: int = 0) -> datetime:
    """The UTC instant of a wall time a person typed; raises NonExistentTimeError inside a DST gap."""
    res = resolve(wall, zone, fold)
    if res.gap is not None:
        raise NonExistentTimeError(wall, res.gap)
    assert res.instant is not None
    return res.instant


def localize_shifting_gaps(wall: datetime, zone: str, fold: int = 0) -> tuple[datetime, Gap | None]:
    """Like `localize`, but a wall time in a gap moves past it by the gap's length (RFC 5545 §3.3.5).

    Used for generated times (recurrences, day boundaries), never for typed ones. Returns the gap when the
    time moved, so the caller can flag it.
    """
    res = resolve(wall, zone, fold)
    if res.gap is None:
        assert res.instant is not None
        return res.instant, None
    shifted = wall + res.gap.length
    return localize(shifted, zone, fold), res.gap


def local_midnight(day: date, zone: str, at: time = time(0)) -> datetime:
    """The instant a local day begins in `zone` (at `at`, default midnight); a gap moves it later."""
    return localize_shifting_gaps(datetime.combine(day, at), zone)[0]


def local_day_span(day: date, zone: str, at: time = time(0)) -> tuple[datetime, datetime]:
    """[start, end) instants of a local day; 23 or 25 hours long on DST days."""
    return local_midnight(day, zone, at), local_midnight(day + timedelta(days=1), zone, at)


def transitions(zone: str, start: datetime, end: datetime) -> list[tuple[datetime, timedelta, timedelta]]:
    """Offset changes of `zone` in [start, end): (instant, offset before, offset after)."""
    start, end = ensure_utc(start), ensure_utc(end)
    found: list[tuple[datetime, timedelta, timedelta]] = []
    step = timedelta(hours=6)
    t = start
    before = utc_offset(t, zone)
    while t < end:
        nxt = min(t + step, end)
        after = utc_offset(nxt, zone)
        if after != before:
            moment = _first_instant(t, nxt, lambda u, b=before: utc_offset(u, zone) != b)
            found.append((moment, before, utc_offset(moment, zone)))
            before = utc_offset(moment, zone)
            t = moment
            continue
        t = nxt
    return found


# --------------------------------------------------------------------------- internals


def _fold_instants(wall: datetime, tz: tzinfo) -> tuple[datetime, datetime]:
    a = tz.localize(wall, is_dst=True).astimezone(UTC)  # type: ignore[attr-defined]
    b = tz.localize(wall, is_dst=False).astimezone(UTC)  # type: ignore[attr-defined]
    if a == b:  # pytz could not tell them apart by DST flag: search the other one
        b = _other_fold_instant(wall, tz, a)
    return (a, b) if a <= b else (b, a)


def _other_fold_instant(wall: datetime, tz: tzinfo, known: datetime) -> datetime:
    for hours in range(-26, 27):
        for minutes in (0, 15, 30, 45):
            cand = known + timedelta(hours=hours, minutes=minutes)
            if cand != known and cand.astimezone(tz).replace(tzinfo=None) == wall:
                return cand
    return known


def _local_naive(instant: datetime, tz: tzinfo) -> datetime:
    return instant.astimezone(tz).replace(tzinfo=None)


def _first_instant(lo: datetime, hi: datetime, pred) -> datetime:  # type: ignore[no-untyped-def]
    """The first whole second in (lo, hi] where pred becomes true (pred false at lo, true at hi)."""
    lo_s, hi_s = int(lo.timestamp()), int(hi.timestamp())
    while hi_s - lo_s > 1:
        mid = (lo_s + hi_s) // 2
        if pred(datetime.fromtimestamp(mid, UTC)):
            hi_s = mid
        else:
            lo_s = mid
    return datetime.fromtimestamp(hi_s, UTC)


def _gap_around(wall: datetime, zone: str) -> Gap:
    """The gap that swallows `wall`: the transition is the first instant whose local time passes it."""
    tz = get_zone(zone)
    lo = (wall - _SEARCH_SPAN).replace(tzinfo=UTC)
    hi = (wall + _SEARCH_SPAN).replace(tzinfo=UTC)
    moment = _first_instant(lo, hi, lambda u: _local_naive(u, tz) > wall)
    end = _local_naive(moment, tz)
    start = _local_naive(moment - timedelta(seconds=1), tz) + timedelta(seconds=1)
    return Gap(zone, start, end)
