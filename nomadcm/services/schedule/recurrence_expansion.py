"""A recurrence rule expanded on wall times, then turned into instants — the DST rules of recurring posts.

python-dateutil expands the rule on the *wall time* in the post's zone ("every Monday 09:00 Europe/Paris"
stays 09:00 in Paris across DST), then each wall time becomes an instant:

- a generated wall time inside a DST gap moves past it by the gap's length (RFC 5545 §3.3.5: 02:30 becomes
  03:30) and the occurrence is flagged `gap_shifted`;
- one inside a fold takes the first instant (the series' own first occurrence keeps the fold the user chose).

The zone clock makes that conversion cheap for the tens of thousands of wall times a listing generates;
`Series` (services/schedule/series.py) runs the same expansion with its exceptions applied. The rule itself
is services/schedule/recurrence_rule.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from itertools import islice
from typing import Any

from nomadcm import timezones
from nomadcm.errors import ValidationError
from nomadcm.services.schedule.recurrence_rule import (
    MAX_FREQUENT,
    SUB_DAILY,
    RecurrenceRule,
    canonical_rule,
)

MAX_WALL = datetime(9999, 1, 1)
NOT_COMPUTED: Any = object()  # a day whose offset the zone clock has not worked out yet


# ---------------------------------------------------------------------- wall time -> instant, fast


class ZoneClock:
    """Wall time -> instant for many generated wall times in one zone.

    Most days have one UTC offset all day long: it is computed once per local day and then applied by
    subtraction. A day near a DST transition takes the exact path (`timezones.localize_shifting_gaps`).
    Checked against the exact path by a property test.
    """

    _MARGIN = timedelta(hours=4)  # wider than any DST jump, so walls near midnight are covered too

    def __init__(self, zone: str) -> None:
        self.zone = zone
        # The offsets worked out so far, per local day (None: near a DST change). A hot loop may read it
        # inline, filling a missing day with `compute_day_offset`, as `day_offset` does.
        self.offsets: dict[date, timedelta | None] = {}

    def instant(self, wall: datetime, fold: int = 0) -> tuple[datetime, bool]:
        """(instant, moved past a gap)."""
        offset = self.day_offset(wall.date())
        if offset is not None:
            return (wall - offset).replace(tzinfo=UTC), False
        instant, gap = timezones.localize_shifting_gaps(wall, self.zone, fold)
        return instant, gap is not None

    def day_offset(self, day: date) -> timedelta | None:
        """The one UTC offset of the whole local day `day`; None near a DST change (take the exact path)."""
        offset = self.offsets.get(day, NOT_COMPUTED)
        if offset is NOT_COMPUTED:
            offset = self.offsets[day] = self.compute_day_offset(day)
        return offset  # type: ignore[no-any-return]

    def compute_day_offset(self, day: date) -> timedelta | None:
        noon = datetime.combine(day, time(12))
        start = (noon - timedelta(hours=36)).replace(tzinfo=UTC)
        end = (noon + timedelta(hours=36)).replace(tzinfo=UTC)
        if timezones.transitions(self.zone, start - self._MARGIN, end + self._MARGIN):
            return None
        return timezones.utc_offset(start, self.zone)


@lru_cache(maxsize=128)
def zone_clock(zone: str) -> ZoneClock:
    return ZoneClock(zone)


# ---------------------------------------------------------------------- expansion


@dataclass(frozen=True, slots=True)
class Generated:
    series_wall: datetime  # the wall time the rule produced: the occurrence's identity
    utc: datetime
    wall: datetime  # what the clock shows: series_wall, or moved past a gap
    gap_shifted: bool


def wall_window(
    until: datetime | None, start: datetime | None, end: datetime | None
) -> tuple[datetime, datetime | None]:
    """(stop generating after this wall time, skip wall times before this one) for instants in [start, end).

    A wall time is within a day of its instant, whatever the zone: two days either side is a cheap bound."""
    stop_wall = MAX_WALL
    if end is not None:
        stop_wall = end.replace(tzinfo=None) + timedelta(days=2)
    if until is not None:
        stop_wall = min(stop_wall, until.replace(tzinfo=None) + timedelta(days=2))
    skip_wall = start.replace(tzinfo=None) - timedelta(days=2) if start is not None else None
    return stop_wall, skip_wall


Timed = tuple[datetime, datetime, datetime, bool]  # (series wall, instant, wall shown, moved past a gap)


def wall_instants(
    rule: RecurrenceRule,
    dtstart: datetime,
    tz: str,
    fold: int = 0,
    start: datetime | None = None,
    end: datetime | None = None,
) -> Iterator[Timed]:
    """The rule's occurrences with start <= instant < end (either open), in instant order. Lazy.

    The one expansion loop: `expand` and `Series` (services/schedule/series.py) read it. Most days keep one
    UTC offset, so most wall times cost a dictionary lookup and a subtraction (the zone clock, inline).
    A rule with several times a day can generate wall times inside a DST gap: each moves past the gap by
    its length, which may land on or after wall times generated later (02:30 -> 03:30 while 03:00 and
    03:30 come next). Those moved ones wait in `moved` until their turn, so instants stay in order, and
    one landing on an instant the rule also generates is dropped: RFC 5545 counts a duplicate once.
    """
    clock = zone_clock(tz)
    days = clock.offsets
    until = rule.until
    stop_wall, skip_wall = wall_window(until, start, end)
    moved: list[Timed] = []
    for wall in rule.dateutil_rule(dtstart, stop_wall):
        if wall > stop_wall:
            break
        if skip_wall is not None and wall < skip_wall:
            continue
        day = wall.date()
        offset = days.get(day, NOT_COMPUTED)
        if offset is NOT_COMPUTED:
            offset = days[day] = clock.compute_day_offset(day)
        if offset is not None:  # no DST change near that day: one subtraction
            instant = (wall - offset).replace(tzinfo=UTC)
        else:
            instant, shifted = clock.instant(wall, fold if wall == dtstart else 0)
            if shifted:
                if until is None or instant <= until:
                    moved.append((wall, instant, timezones.wall_at(instant, tz), True))
                continue
        if moved:
            while moved and moved[0][1] < instant:
                item = moved.pop(0)
                if (start is None or item[1] >= start) and (end is None or item[1] < end):
                    yield item
            moved = [m for m in moved if m[1] != instant]
        if until is not None and instant > until:
            break
        if (start is not None and instant < start) or (end is not None and instant >= end):
            continue  # generation stops at stop_wall, two days on
        yield wall, instant, wall, False
    for item in moved:
        if (start is None or item[1] >= start) and (end is None or item[1] < end):
            yield item


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
    for series_wall, instant, wall, shifted in wall_instants(rule, dtstart, tz, fold, start, end):
        yield Generated(series_wall, instant, wall, shifted)


def search_limit(rule: RecurrenceRule, dtstart: datetime) -> datetime:
    """How far to look for an occurrence before saying there is none.

    The Gregorian calendar repeats every 400 years (146,097 days: whole weeks too), so a rule stepping by
    INTERVAL units repeats within 400 x INTERVAL years: past that, nothing new can come. dateutil checks
    this bound only against the dates it finds, so a rule matching nothing at all still runs to the year
    9999: services/schedule/recurrence_checks.py refuses the usual such rules before any search."""
    years = 400 * (rule.interval if rule.freq not in SUB_DAILY else 1)
    return datetime(min(dtstart.year + years, MAX_WALL.year), 1, 1)


def first_occurrence(rule: RecurrenceRule, dtstart: datetime, tz: str, fold: int = 0) -> Generated | None:
    end = search_limit(rule, dtstart).replace(tzinfo=UTC)
    return next(expand(rule, dtstart, tz, fold, end=end), None)


def count_before(rule: RecurrenceRule, dtstart: datetime, series_wall: datetime) -> int:
    """How many occurrences the rule generates before the one at `series_wall` (COUNT arithmetic)."""
    n = 0
    for wall in rule.dateutil_rule(dtstart, series_wall):
        if wall >= series_wall:
            break
        n += 1
    return n


def generates(rule: RecurrenceRule, dtstart: datetime, series_wall: datetime) -> bool:
    """Whether `series_wall` is one of the rule's wall times."""
    for wall in rule.dateutil_rule(dtstart, series_wall):
        if wall >= series_wall:
            return wall == series_wall
    return False


# ---------------------------------------------------------------------- validation for PostService


def check_rule_for(
    wall: datetime, tz: str, fold: int, text: str | None
) -> tuple[str | None, datetime | None]:
    """Validates a post's rule against its first wall time: (canonical rule, wall of the first occurrence).

    The first occurrence becomes the post's wall time (RFC 5545 wants DTSTART to be an occurrence): "every
    Monday" typed on a Wednesday starts on the next Monday. A rule that repeats within a day and ends with
    UNTIL must end within `MAX_FREQUENT` occurrences of that start.
    """
    rule_text = canonical_rule(text, tz)
    if rule_text is None:
        return None, None
    rule = RecurrenceRule.parse(rule_text, tz)
    try:
        first = first_occurrence(rule, wall, tz, fold)
    except ValueError:  # dateutil: INTERVAL steps over every BYHOUR / BYMINUTE from this start
        raise ValidationError(
            f"recurrence {rule_text} never reaches its BYHOUR/BYMINUTE: stepping INTERVAL={rule.interval} from "
            f"{wall:%H:%M} skips them"
        ) from None
    if first is None:
        raise ValidationError(f"recurrence {rule_text} produces no occurrence from {wall:%Y-%m-%d %H:%M}")
    reason = rule.frequent_reason()
    if reason and rule.until is not None:
        occurrences = expand(rule, first.series_wall, tz, fold)
        if sum(1 for _ in islice(occurrences, MAX_FREQUENT + 1)) > MAX_FREQUENT:
            raise ValidationError(
                f"UNTIL={rule.until:%Y%m%dT%H%M%SZ} gives more than {MAX_FREQUENT} occurrences and {reason} "
                f"(at most {MAX_FREQUENT}: an earlier UNTIL, or COUNT)"
            )
    return rule_text, first.series_wall
