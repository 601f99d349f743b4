"""Time zones: the one module that knows zone rules, and the only one that imports pytz.

The rest of NomadCM speaks in two kinds of values:
- an *instant*: an aware datetime in UTC (what the database stores);
- a *wall time*: a naive datetime plus an IANA zone name (what a person means: "09:00 Europe/Paris").

Going from a wall time to an instant is where DST bites, so it is done here and nowhere else, and never
guesses. A wall time inside a DST gap raises `NonExistentTimeError`, which names the gap and the first valid
time after it. A wall time inside a fold (clocks go back) has two instants: `fold=0` takes the first,
`fold=1` the second (PEP 495's meaning of `fold`). Each zone's offset changes are read once per year and
cached, so that a wall time's meaning is a bisect over them (an import resolves one per row).

The rules are the `tzdata` package's, read by stdlib `zoneinfo`: exact from 1970 to 2100 (tests check every
zone) and beyond, since each zone's file ends with the POSIX rule that carries its current DST on for ever. pytz's tables stop in 2037
(Paris 2040-07-14 12:00 came out as 11:00Z, a winter offset in July), so pytz is kept only for its zone
catalogue: the names offered in pickers and the countries using a zone. The zones are read from the tzdata
package, not the system's files, so that every machine computes the same instants and `rules_version()`
names their source.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import tzdata

from nomadcm import zone_transitions
from nomadcm.errors import TimeError


class UnknownZoneError(TimeError):
    """A name that is no zone. `suggestions` (close zone names, from services/travel/zone_suggestions.py,
    which this module cannot import) end the message: "unknown time zone 'Europe/Pari' — did you mean
    Europe/Paris?"."""

    def __init__(self, name: str, suggestions: Iterable[str] = ()) -> None:
        self.name = name
        self.suggestions = tuple(suggestions)
        hint = (
            f" — did you mean {' or '.join(self.suggestions)}?"
            if self.suggestions
            else " (use an IANA name such as Europe/Paris)"
        )
        super().__init__(f"unknown time zone {name!r}{hint}")


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
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

_NOT_ZONES = frozenset({"Factory"})  # in tzdata's list, but it means "no zone configured" ("-00")


@functools.cache
def _names() -> dict[str, str]:
    """Every zone name the rules know, by its case-folded spelling."""
    from importlib import resources  # ~8 ms of imports: paid by the first zone asked for, not by `--help`

    listed = resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8").split()
    return {name.casefold(): name for name in listed if name not in _NOT_ZONES}


@functools.lru_cache(maxsize=1024)
def get_zone(name: str) -> ZoneInfo:
    """The zone for an IANA name (any case, spaces around it ignored); raises UnknownZoneError naming it."""
    canonical = _names().get(name.strip().casefold()) if isinstance(name, str) else None
    if canonical is None:
        raise UnknownZoneError(str(name))
    return zone_transitions.load_zone(canonical)


def is_zone(name: str) -> bool:
    try:
        get_zone(name)
    except UnknownZoneError:
        return False
    return True


def check_zone(name: str) -> str:
    """The canonical spelling of a zone name, or UnknownZoneError."""
    return str(get_zone(name).key)


def zone_names() -> list[str]:
    """Zone names to offer in pickers (current, canonical zones: pytz's catalogue, all known to the rules)."""
    import pytz  # the catalogue only: imported when first asked, it costs the start-up of every command

    known = _names()
    return [name for name in pytz.common_timezones if name.casefold() in known]


def rules_version() -> str:
    """Where the zone rules come from: "tzdata 2026f" (the tzdata package and its IANA release).

    Stored beside the posts' instants: a different value (a new release, or another source, such as the pytz
    tables used before, wrong after 2037) recomputes every instant from its wall time once."""
    return f"tzdata {tzdata.IANA_VERSION}"


@functools.cache
def country_codes() -> frozenset[str]:
    """The ISO 3166-1 two-letter codes: every country and territory of the zone table that ships with the
    rules (tzdata's iso3166.tab, 249 codes), and XK (Kosovo: a user-assigned code, which the `holidays`
    package and the city table use). Read once, without pytz."""
    from importlib import resources

    table = resources.files("tzdata").joinpath("zoneinfo", "iso3166.tab").read_text(encoding="utf-8")
    codes = {line.split("\t", 1)[0] for line in table.splitlines() if line and not line.startswith("#")}
    return frozenset(codes | {"XK"})


def zone_country_codes(name: str) -> list[str]:
    """ISO 3166 codes of the countries that use zone `name` (from the zone table shipped with pytz)."""
    import pytz

    return sorted(cc for cc, zones in pytz.country_timezones.items() if name in zones)


# --------------------------------------------------------------------------- instants


def ensure_utc(value: datetime) -> datetime:
    """An aware UTC datetime; refuses naive values (they would be guessed, and guesses lose hours)."""
    if value.tzinfo is UTC:
        return value
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise ValueError(f"naive datetime {value!r}: an instant needs a zone")
    return value.astimezone(UTC)


def now_utc() -> datetime:
    return datetime.now(UTC)


def to_local(instant: datetime, zone: str) -> datetime:
    """The aware local datetime in `zone` at `instant` (a `ZoneInfo` tzinfo; `fold=1` in a fold's second
    pass). Compare or subtract instants, not these: within one zone Python compares wall clocks."""
    return ensure_utc(instant).astimezone(get_zone(zone))


def wall_at(instant: datetime, zone: str) -> datetime:
    """The naive wall time shown by a clock in `zone` at `instant`."""
    return to_local(instant, zone).replace(tzinfo=None, fold=0)


def utc_offset(instant: datetime, zone: str) -> timedelta:
    offset = to_local(instant, zone).utcoffset()
    assert offset is not None
    return offset


_NAIVE_MIN, _NAIVE_MAX = datetime.min, datetime.max


def offset_span(naive_utc: datetime, zone: str) -> tuple[datetime, datetime, timedelta]:
    """(start, end, offset): a stretch [start, end) of naive UTC instants around `naive_utc` during which
    `zone` keeps one UTC offset, and that offset — so that a sweep over many instants converts each with an
    addition (`naive_utc + offset` is exactly `wall_at`) and looks the zone up again only at a change.

    The stretch runs from the change before to the change after, looking a year either side at most (a
    zone without DST gets about three years at a time)."""
    bounds, offsets = _stretches(zone, naive_utc.year)
    i = bisect.bisect_right(bounds, naive_utc)
    return bounds[i - 1], bounds[i], offsets[i - 1]


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
    name = str(tz.key)
    # PEP 495: the two readings differ only in a gap or a fold (offset before the change, offset after).
    early, late = zone_transitions.wall_offsets(wall, name)
    if early == late:
        return Resolution(wall, name, (wall - early).replace(tzinfo=UTC))
    readings = sorted({(wall - early).replace(tzinfo=UTC), (wall - late).replace(tzinfo=UTC)})
    meanings = [u for u in readings if _local_naive(u, tz) == wall]
    if not meanings:
        # A gap: fold=0 read it with the offset before the jump. The first wall time reading the offset after
        # it is where the gap ends, `late - early` after its start.
        end = zone_transitions.first_wall_after(
            wall.replace(microsecond=0, fold=0), wall + (late - early), tz
        )
        return Resolution(wall, name, None, gap=Gap(name, end - (late - early), end))
    if len(meanings) == 1:
        return Resolution(wall, name, meanings[0])
    return Resolution(wall, name, meanings[fold], ambiguous=True, fold=fold, other_instant=meanings[1 - fold])


def plain_instant(wall: datetime, zone: str) -> datetime | None:
    """The instant of naive `wall` in zone `zone` (a canonical name, as `check_zone` gives) when it happens
    exactly once — most wall times: no gap, no fold, whatever the fold asked; None otherwise (then ask
    `resolve`). A bisect over the zone's cached transitions, for a hot loop (an import checks one per row)."""
    if wall.tzinfo is not None:
        return None
    early, late = zone_transitions.wall_offsets(wall, zone)
    return (wall - early).replace(tzinfo=UTC) if early == late else None


def localize(wall: datetime, zone: str, fold: int = 0) -> datetime:
    """The UTC instant of a wall time a person typed; raises NonExistentTimeError inside a DST gap."""
    res = _instant_or_resolution(wall, zone, fold)
    if isinstance(res, datetime):
        return res
    if res.gap is not None:
        raise NonExistentTimeError(wall, res.gap)
    assert res.instant is not None
    return res.instant


def localize_shifting_gaps(wall: datetime, zone: str, fold: int = 0) -> tuple[datetime, Gap | None]:
    """Like `localize`, but a wall time in a gap moves past it by the gap's length (RFC 5545 §3.3.5).

    Used for generated times (recurrences, day boundaries), never for typed ones. Returns the gap when the
    time moved, so the caller can flag it.
    """
    res = _instant_or_resolution(wall, zone, fold)
    if isinstance(res, datetime):
        return res, None
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
    name = str(get_zone(zone).key)
    return [
        change
        for year in range(start.year, end.year + 1)
        for change in zone_transitions.year_changes(name, year)
        if start <= change[0] < end
    ]


# --------------------------------------------------------------------------- internals


def _instant_or_resolution(wall: datetime, zone: str, fold: int) -> datetime | Resolution:
    """The instant straight away for the usual wall time (one meaning); the full `Resolution` otherwise."""
    if wall.tzinfo is None and fold in (0, 1):
        early, late = zone_transitions.wall_offsets(wall, str(get_zone(zone).key))
        if early == late:
            return (wall - early).replace(tzinfo=UTC)
    return resolve(wall, zone, fold)


def _local_naive(instant: datetime, tz: ZoneInfo) -> datetime:
    return instant.astimezone(tz).replace(tzinfo=None, fold=0)


@functools.lru_cache(maxsize=4096)
def _stretches(zone: str, year: int) -> tuple[tuple[datetime, ...], tuple[timedelta, ...]]:
    """The zone's offset changes from UTC year `year - 1` to `year + 1` as (bounds, offsets): naive UTC
    instants framed by the start and the end of that window, and the one offset between each two."""
    tz = get_zone(zone)
    changes = [c for y in range(year - 1, year + 2) for c in zone_transitions.year_changes(str(tz.key), y)]
    first = datetime(year - 1, 1, 1) if year > 1 else _NAIVE_MIN
    end = datetime(year + 2, 1, 1) if year < 9998 else _NAIVE_MAX
    bounds = (first, *[m.replace(tzinfo=None) for m, _b, _a in changes], end)
    if not changes:  # one offset over the whole window
        offset = tz.utcoffset(datetime(min(max(year, 1), 9999), 7, 1))
        assert offset is not None
        return bounds, (offset,)
    return bounds, (changes[0][1], *[after for _m, _b, after in changes])
