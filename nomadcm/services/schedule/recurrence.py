"""Recurring posts: the RRULE subset, its expansion on wall times, and listing occurrences in a range.

A recurring post is one `post` row with `rrule` set. Its occurrences are generated, never stored:
python-dateutil expands the rule on the *wall time* in the post's zone ("every Monday 09:00 Europe/Paris"
stays 09:00 in Paris across DST), then each wall time becomes an instant:

- a generated wall time inside a DST gap moves past it by the gap's length (RFC 5545 §3.3.5: 02:30 becomes
  03:30) and the occurrence is flagged `gap_shifted`;
- one inside a fold takes the first instant (the series' own first occurrence keeps the fold the user chose).

What the user changed about one occurrence lives in `post_occurrence` (models/publishing.py), keyed by the
generated wall time (`series_wall`), so exceptions survive every re-expansion.

Listing posts in a range is services/occurrences.py; editing one occurrence, this and following, or all is
services/occurrence_edits.py. An open-ended series in an open-ended listing stops at a horizon
(`OPEN_SERIES_HORIZON` after now or after its start), so a listing is never infinite.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from dateutil import rrule as du

from nomadcm import timezones
from nomadcm.errors import ValidationError

if TYPE_CHECKING:
    from nomadcm.services.travel.itinerary import Whereabouts

FREQUENCIES: tuple[str, ...] = ("DAILY", "WEEKLY", "MONTHLY")
WEEKDAY_CODES: tuple[str, ...] = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
OPEN_SERIES_HORIZON = timedelta(days=366)
MAX_COUNT = 10_000
_DU_FREQ = {"DAILY": du.DAILY, "WEEKLY": du.WEEKLY, "MONTHLY": du.MONTHLY}
_DU_DAYS = (du.MO, du.TU, du.WE, du.TH, du.FR, du.SA, du.SU)
_BYDAY_RE = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
_MAX_WALL = datetime(9999, 1, 1)


# ---------------------------------------------------------------------- the rule


@dataclass(frozen=True)
class RecurrenceRule:
    """The supported RRULE subset: DAILY/WEEKLY/MONTHLY, INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL."""

    freq: str
    interval: int = 1
    byday: tuple[tuple[int | None, int], ...] = ()  # (ordinal or None, weekday 0=Monday)
    bymonthday: tuple[int, ...] = ()
    count: int | None = None
    until: datetime | None = None  # aware UTC, inclusive

    @classmethod
    def parse(cls, text: str, tz: str | None = None) -> RecurrenceRule:
        """Reads an RRULE ("FREQ=WEEKLY;BYDAY=MO;COUNT=7", an optional "RRULE:" prefix).

        UNTIL may be UTC (`20260430T220000Z`), a wall time (`20260430T235900`) or a date (`20260430`: the whole
        day) in `tz`, the post's zone; it is kept in UTC as RFC 5545 wants for a DTSTART with a TZID.
        Raises ValidationError naming the bad part.
        """
        raw = (text or "").strip()
        if raw.upper().startswith("RRULE:"):
            raw = raw[6:]
        if not raw:
            raise ValidationError("recurrence is empty (e.g. FREQ=WEEKLY;BYDAY=MO;COUNT=7)")
        parts: dict[str, str] = {}
        for chunk in raw.split(";"):
            if not chunk.strip():
                continue
            key, sep, value = chunk.partition("=")
            key = key.strip().upper()
            if not sep or not value.strip():
                raise ValidationError(f"recurrence part {chunk!r} is not NAME=VALUE")
            if key in parts:
                raise ValidationError(f"recurrence gives {key} twice")
            parts[key] = value.strip().upper()
        unknown = [k for k in parts if k not in ("FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "COUNT", "UNTIL")]
        if unknown:
            raise ValidationError(
                f"recurrence part {unknown[0]} is not supported (use FREQ, INTERVAL, BYDAY, BYMONTHDAY, "
                "COUNT, UNTIL)"
            )
        freq = parts.get("FREQ")
        if freq is None:
            raise ValidationError("recurrence needs FREQ=DAILY, WEEKLY or MONTHLY")
        if freq not in FREQUENCIES:
            raise ValidationError(f"FREQ={freq} is not supported (DAILY, WEEKLY or MONTHLY)")
        interval = _positive_int(parts.get("INTERVAL", "1"), "INTERVAL", 999)
        byday = tuple(_parse_byday(v, freq) for v in parts["BYDAY"].split(",")) if "BYDAY" in parts else ()
        bymonthday = (
            tuple(_parse_monthday(v) for v in parts["BYMONTHDAY"].split(",")) if "BYMONTHDAY" in parts else ()
        )
        if bymonthday and freq != "MONTHLY":
            raise ValidationError("BYMONTHDAY goes with FREQ=MONTHLY")
        count = _positive_int(parts["COUNT"], "COUNT", MAX_COUNT) if "COUNT" in parts else None
        until = _parse_until(parts["UNTIL"], tz) if "UNTIL" in parts else None
        if count is not None and until is not None:
            raise ValidationError("recurrence gives both COUNT and UNTIL: keep one")
        return cls(freq, interval, _unique(byday), _unique(bymonthday), count, until)

    def to_text(self) -> str:
        """The canonical RRULE text stored in the database and written to ICS files."""
        out = [f"FREQ={self.freq}"]
        if self.interval != 1:
            out.append(f"INTERVAL={self.interval}")
        if self.byday:
            out.append(
                "BYDAY=" + ",".join(f"{'' if n is None else n}{WEEKDAY_CODES[d]}" for n, d in self.byday)
            )
        if self.bymonthday:
            out.append("BYMONTHDAY=" + ",".join(str(d) for d in self.bymonthday))
        if self.count is not None:
            out.append(f"COUNT={self.count}")
        if self.until is not None:
            out.append(f"UNTIL={self.until:%Y%m%dT%H%M%SZ}")
        return ";".join(out)

    @property
    def open_ended(self) -> bool:
        return self.count is None and self.until is None

    def with_end(self, count: int | None = None, until: datetime | None = None) -> RecurrenceRule:
        from dataclasses import replace

        return replace(self, count=count, until=until)

    def dateutil_rule(self, dtstart: datetime) -> du.rrule:
        """The dateutil rule over naive wall times (no COUNT/UNTIL cut: `expand` applies UNTIL on instants)."""
        byweekday = [_DU_DAYS[d] if n is None else _DU_DAYS[d](n) for n, d in self.byday] or None
        return du.rrule(
            _DU_FREQ[self.freq],
            dtstart=dtstart,
            interval=self.interval,
            byweekday=byweekday,
            bymonthday=list(self.bymonthday) or None,
            count=self.count,
            cache=False,
        )


def canonical_rule(text: str | None, tz: str | None = None) -> str | None:
    """The stored form of a rule typed by a person ("" and None: no recurrence)."""
    if text is None or not text.strip():
        return None
    return RecurrenceRule.parse(text, tz).to_text()


def _positive_int(value: str, name: str, maximum: int) -> int:
    if not value.isdigit() or not 1 <= int(value) <= maximum:
        raise ValidationError(f"{name}={value} is not a whole number from 1 to {maximum}")
    return int(value)


def _parse_byday(value: str, freq: str) -> tuple[int | None, int]:
    m = _BYDAY_RE.match(value.strip())
    if not m:
        raise ValidationError(
            f"BYDAY value {value!r} is not a weekday (MO, TU, WE, TH, FR, SA, SU; 1MO, -1FR)"
        )
    ordinal = int(m.group(1)) if m.group(1) else None
    if ordinal is not None:
        if freq != "MONTHLY":
            raise ValidationError(f"BYDAY={value}: a numbered weekday goes with FREQ=MONTHLY")
        if ordinal == 0 or not -5 <= ordinal <= 5:
            raise ValidationError(f"BYDAY={value}: the number must be 1 to 5 or -1 to -5")
    return ordinal, WEEKDAY_CODES.index(m.group(2))


def _parse_monthday(value: str) -> int:
    try:
        day = int(value)
    except ValueError:
        raise ValidationError(f"BYMONTHDAY value {value!r} is not a day of the month") from None
    if day == 0 or not -31 <= day <= 31:
        raise ValidationError(f"BYMONTHDAY={value}: a day must be 1 to 31 (or -1 to -31 from the end)")
    return day


def _parse_until(value: str, tz: str | None) -> datetime:
    try:
        if value.endswith("Z"):
            return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        if "T" in value:
            wall = datetime.strptime(value, "%Y%m%dT%H%M%S")
            return timezones.localize_shifting_gaps(wall, tz or "UTC")[0]
        day = datetime.strptime(value, "%Y%m%d").date()
    except ValueError:
        raise ValidationError(
            f"UNTIL={value} is not a date (YYYYMMDD) or a time (YYYYMMDDTHHMMSS, Z for UTC)"
        ) from None
    # A date means "to the end of that day" on the post's clock.
    return timezones.local_midnight(day + timedelta(days=1), tz or "UTC") - timedelta(seconds=1)


def _unique(values: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(dict.fromkeys(values))


# ---------------------------------------------------------------------- wall time -> instant, fast


class _ZoneClock:
    """Wall time -> instant for many generated wall times in one zone.

    Most days have one UTC offset all day long: it is computed once per local day and then applied by
    subtraction. A day near a DST transition takes the exact path (`timezones.localize_shifting_gaps`).
    Checked against the exact path by a property test.
    """

    _MARGIN = timedelta(hours=4)  # wider than any DST jump, so walls near midnight are covered too

    def __init__(self, zone: str) -> None:
        self.zone = zone
        self._days: dict[date, timedelta | None] = {}

    def instant(self, wall: datetime, fold: int = 0) -> tuple[datetime, bool]:
        """(instant, moved past a gap)."""
        offset = self.day_offset(wall.date())
        if offset is not None:
            return (wall - offset).replace(tzinfo=UTC), False
        instant, gap = timezones.localize_shifting_gaps(wall, self.zone, fold)
        return instant, gap is not None

    def day_offset(self, day: date) -> timedelta | None:
        """The one UTC offset of the whole local day `day`; None near a DST change (take the exact path)."""
        offset = self._days.get(day, _MISSING)
        if offset is _MISSING:
            offset = self._days[day] = self._day_offset(day)
        return offset  # type: ignore[no-any-return]

    def _day_offset(self, day: date) -> timedelta | None:
        noon = datetime.combine(day, time(12))
        start = (noon - timedelta(hours=36)).replace(tzinfo=UTC)
        end = (noon + timedelta(hours=36)).replace(tzinfo=UTC)
        if timezones.transitions(self.zone, start - self._MARGIN, end + self._MARGIN):
            return None
        return timezones.utc_offset(start, self.zone)


_MISSING: Any = object()


@lru_cache(maxsize=128)
def zone_clock(zone: str) -> _ZoneClock:
    return _ZoneClock(zone)


# ---------------------------------------------------------------------- expansion


@dataclass(frozen=True, slots=True)
class Generated:
    series_wall: datetime  # the wall time the rule produced: the occurrence's identity
    utc: datetime
    wall: datetime  # what the clock shows: series_wall, or moved past a gap
    gap_shifted: bool


def expand(
    rule: RecurrenceRule,
    dtstart: datetime,
    tz: str,
    fold: int = 0,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
) -> Iterator[Generated]:
    """The rule's occurrences with start <= utc < end (either open), in order. Lazy: stop when you want."""
    clock = zone_clock(tz)
    until = rule.until
    # A wall time is within a day of its instant, whatever the zone: a cheap bound to stop generating.
    stop_wall = _MAX_WALL
    if end is not None:
        stop_wall = end.replace(tzinfo=None) + timedelta(days=2)
    if until is not None:
        stop_wall = min(stop_wall, until.replace(tzinfo=None) + timedelta(days=2))
    skip_wall = start.replace(tzinfo=None) - timedelta(days=2) if start is not None else None
    first = True
    for wall in rule.dateutil_rule(dtstart):
        if wall > stop_wall:
            return
        if skip_wall is not None and wall < skip_wall:
            first = False
            continue
        instant, shifted = clock.instant(wall, fold if (first and wall == dtstart) else 0)
        first = False
        if until is not None and instant > until:
            return
        if start is not None and instant < start:
            continue
        if end is not None and instant >= end:
            continue  # generation stops at stop_wall, two days on
        wall_shown = timezones.wall_at(instant, tz) if shifted else wall
        yield Generated(wall, instant, wall_shown, shifted)


def first_occurrence(rule: RecurrenceRule, dtstart: datetime, tz: str, fold: int = 0) -> Generated | None:
    return next(expand(rule, dtstart, tz, fold), None)


def count_before(rule: RecurrenceRule, dtstart: datetime, series_wall: datetime) -> int:
    """How many occurrences the rule generates before the one at `series_wall` (COUNT arithmetic)."""
    n = 0
    for wall in rule.dateutil_rule(dtstart):
        if wall >= series_wall:
            break
        n += 1
    return n


def generates(rule: RecurrenceRule, dtstart: datetime, series_wall: datetime) -> bool:
    """Whether `series_wall` is one of the rule's wall times."""
    for wall in rule.dateutil_rule(dtstart):
        if wall >= series_wall:
            return wall == series_wall
    return False


# ---------------------------------------------------------------------- occurrences


@dataclass(slots=True)
class Occurrence:
    """One time a post goes out: a single post, or one occurrence of a recurring one.

    Not frozen on purpose: listings build tens of thousands of them and a frozen dataclass's __init__ is
    twice as slow. Treat it as a value all the same.
    """

    post_id: int
    utc: datetime
    wall: datetime
    tz: str
    fold: int
    status: str
    text: str
    link: str
    tags: str  # comma-joined, as stored
    channel_id: int
    client_id: int
    client_name: str
    colour: str
    network: str
    handle: str
    series_wall: datetime | None = None  # None: a single post; else the occurrence's identity in its series
    gap_shifted: bool = False  # moved past a DST gap (RFC 5545)
    moved: bool = False  # this occurrence alone was moved
    edited: bool = False  # this occurrence alone differs from its series (text, link, status or time)
    # "Your time", filled by the schedule query (services/schedule/your_time.py) and nothing else.
    cm: Whereabouts | None = None
    cm_wall: datetime | None = None  # naive, in cm.zone

    @property
    def recurring(self) -> bool:
        return self.series_wall is not None

    @property
    def tag_list(self) -> tuple[str, ...]:
        return tuple(t for t in self.tags.split(",") if t)

    @property
    def tz_abbr(self) -> str:
        return timezones.abbreviation(self.utc, self.tz)

    @property
    def cm_zone(self) -> str:
        assert self.cm is not None, "listed outside the schedule query"
        return self.cm.zone

    @property
    def cm_abbr(self) -> str:
        return timezones.abbreviation(self.utc, self.cm_zone)

    @property
    def in_transit(self) -> bool:
        return self.cm is not None and self.cm.in_transit

    @property
    def key(self) -> tuple[datetime, int]:
        return (self.utc, self.post_id)


@dataclass(frozen=True)
class OverrideInfo:
    series_wall: datetime
    deleted: bool = False
    wall: datetime | None = None
    fold: int = 0
    text: str | None = None
    link: str | None = None
    status: str | None = None


@dataclass
class Series:
    """A recurring post with its exceptions, ready to expand."""

    post_id: int
    rule: RecurrenceRule
    dtstart: datetime
    tz: str
    fold: int
    status: str
    text: str
    link: str
    tags: str
    channel_id: int
    client_id: int
    client_name: str
    colour: str
    network: str
    handle: str
    first_utc: datetime
    overrides: dict[datetime, OverrideInfo] = field(default_factory=dict)

    def horizon(self, now: datetime) -> datetime:
        return max(now, self.first_utc) + OPEN_SERIES_HORIZON

    def occurrences(
        self, start: datetime | None = None, end: datetime | None = None, include_deleted: bool = False
    ) -> Iterator[Occurrence]:
        """Occurrences with start <= utc < end in instant order, exceptions applied."""
        gen = self._generate(start, end, include_deleted)
        moved = sorted(
            (o for o in self._moved() if (start is None or o.utc >= start) and (end is None or o.utc < end)),
            key=lambda o: o.utc,
        )
        return heapq.merge(gen, moved, key=lambda o: o.utc) if moved else gen

    def _generate(
        self, start: datetime | None, end: datetime | None, include_deleted: bool
    ) -> Iterator[Occurrence]:
        """`expand` and the exceptions in one loop: this is the hot path of every listing (a year of daily
        posts for 200 series is 73,000 occurrences), so the zone clock's per-day offset is used inline."""
        clock = zone_clock(self.tz)
        days = clock._days
        until = self.rule.until
        stop_wall = _MAX_WALL
        if end is not None:
            stop_wall = end.replace(tzinfo=None) + timedelta(days=2)
        if until is not None:
            stop_wall = min(stop_wall, until.replace(tzinfo=None) + timedelta(days=2))
        skip_wall = start.replace(tzinfo=None) - timedelta(days=2) if start is not None else None
        overrides = self.overrides
        pid, tz, dtstart = self.post_id, self.tz, self.dtstart
        status, text, link, tags = self.status, self.text, self.link, self.tags
        channel_id, client_id, client_name = self.channel_id, self.client_id, self.client_name
        colour, network, handle = self.colour, self.network, self.handle
        for wall in self.rule.dateutil_rule(dtstart):
            if wall > stop_wall:
                return
            if skip_wall is not None and wall < skip_wall:
                continue
            day = wall.date()
            offset = days.get(day, _MISSING)
            if offset is _MISSING:
                offset = days[day] = clock._day_offset(day)
            fold = 0
            if offset is not None:  # no DST change near that day: one subtraction
                instant, shifted, shown = (wall - offset).replace(tzinfo=UTC), False, wall
            else:
                fold = self.fold if wall == dtstart else 0
                instant, shifted = clock.instant(wall, fold)
                shown = timezones.wall_at(instant, tz) if shifted else wall
            if until is not None and instant > until:
                return
            if (start is not None and instant < start) or (end is not None and instant >= end):
                continue
            if overrides and wall in overrides:
                o = self._from_generated(
                    Generated(wall, instant, shown, shifted), keep_deleted=include_deleted
                )
                if o is not None:
                    yield o
                continue
            yield Occurrence(
                pid,
                instant,
                shown,
                tz,
                fold,
                status,
                text,
                link,
                tags,
                channel_id,
                client_id,
                client_name,
                colour,
                network,
                handle,
                wall,
                shifted,
            )

    def occurrence_at(self, series_wall: datetime) -> Occurrence | None:
        """The occurrence whose identity is `series_wall` (deleted ones too), or None."""
        ov = self.overrides.get(series_wall)
        if ov is not None and ov.wall is not None:
            return self._moved_one(ov)
        if not generates(self.rule, self.dtstart, series_wall):
            return None
        fold = self.fold if series_wall == self.dtstart else 0
        instant, shifted = zone_clock(self.tz).instant(series_wall, fold)
        if self.rule.until is not None and instant > self.rule.until:
            return None
        wall = timezones.wall_at(instant, self.tz) if shifted else series_wall
        return self._from_generated(Generated(series_wall, instant, wall, shifted), keep_deleted=True)

    def _from_generated(self, g: Generated, keep_deleted: bool = False) -> Occurrence | None:
        ov = self.overrides.get(g.series_wall)
        if ov is None:
            return Occurrence(
                self.post_id,
                g.utc,
                g.wall,
                self.tz,
                self.fold if g.series_wall == self.dtstart else 0,
                self.status,
                self.text,
                self.link,
                self.tags,
                self.channel_id,
                self.client_id,
                self.client_name,
                self.colour,
                self.network,
                self.handle,
                g.series_wall,
                g.gap_shifted,
            )
        if ov.wall is not None:
            return None  # listed at its new time by _moved()
        if ov.deleted and not keep_deleted:
            return None
        return self._overridden(ov, g.utc, g.wall, 0, g.gap_shifted, moved=False)

    def _moved(self) -> Iterator[Occurrence]:
        for ov in self.overrides.values():
            if ov.wall is not None and not ov.deleted and self._still_in_series(ov.series_wall):
                yield self._moved_one(ov)

    def _moved_one(self, ov: OverrideInfo) -> Occurrence:
        assert ov.wall is not None
        instant, shifted = (
            zone_clock(self.tz).instant(ov.wall, ov.fold)
            if ov.fold == 0
            else (timezones.localize_shifting_gaps(ov.wall, self.tz, ov.fold)[0], False)
        )
        wall = timezones.wall_at(instant, self.tz) if shifted else ov.wall
        return self._overridden(ov, instant, wall, ov.fold, shifted, moved=True)

    def _overridden(
        self, ov: OverrideInfo, utc: datetime, wall: datetime, fold: int, shifted: bool, moved: bool
    ) -> Occurrence:
        """An occurrence changed on its own: the override's text, link and status over the series'."""
        return Occurrence(
            self.post_id,
            utc,
            wall,
            self.tz,
            fold,
            _DELETED if ov.deleted else (ov.status or self.status),
            _or(ov.text, self.text),
            _or(ov.link, self.link),
            self.tags,
            self.channel_id,
            self.client_id,
            self.client_name,
            self.colour,
            self.network,
            self.handle,
            ov.series_wall,
            shifted,
            moved,
            True,
        )

    def _still_in_series(self, series_wall: datetime) -> bool:
        cache = self.__dict__.setdefault("_membership", {})
        if series_wall not in cache:
            ok = generates(self.rule, self.dtstart, series_wall)
            if ok and self.rule.until is not None:
                ok = zone_clock(self.tz).instant(series_wall)[0] <= self.rule.until
            cache[series_wall] = ok
        return bool(cache[series_wall])


_DELETED = "deleted"  # status of a deleted occurrence, only ever seen with include_deleted=True


def _or(value: str | None, default: str) -> str:
    return default if value is None else value


# ---------------------------------------------------------------------- validation for PostService


def check_rule_for(
    wall: datetime, tz: str, fold: int, text: str | None
) -> tuple[str | None, datetime | None]:
    """Validates a post's rule against its first wall time: (canonical rule, wall of the first occurrence).

    The first occurrence becomes the post's wall time (RFC 5545 wants DTSTART to be an occurrence): "every
    Monday" typed on a Wednesday starts on the next Monday.
    """
    rule_text = canonical_rule(text, tz)
    if rule_text is None:
        return None, None
    rule = RecurrenceRule.parse(rule_text, tz)
    first = first_occurrence(rule, wall, tz, fold)
    if first is None:
        raise ValidationError(f"recurrence {rule_text} produces no occurrence from {wall:%Y-%m-%d %H:%M}")
    return rule_text, first.series_wall
