"""Day-by-day screen time and rest against the goals: the numbers behind `nomadcm report`, the chart and the
Wellbeing page (one computation, three faces).

Rules (docs/ARCHITECTURE.md repeats them for users):
- days are the CM's local days from the day start (see services/days.py); sessions crossing a boundary
  are split, DST days have 23/25 real hours;
- screen time per device is the union of that device's sessions (a manual entry over an ActivityWatch one
  never counts twice); sessions logged by "worked here" (source "workplace") are laptop time; the day's
  total is the sum of its devices' rounded minutes, so the numbers shown add up;
- a sleep counts whole for the day it ends in (the wake-up day, days running from day start to day start:
  with a 04:00 start a night ending at 02:37 is the day before's; one ending at 04:00 exactly too, since it
  lies wholly in it); sleeps that overlap are one sleep, sleeps back to back stay two; other rest is split
  at day boundaries and what overlaps a sleep is counted once, with the sleep; rest minutes include sleep;
- "rest" for the 11 h / 24 h rules is time off screens, or logged as rest (a phone glance during a logged
  night does not break it); a day keeps the 11 h rule when a stretch of rest that long touches it (the
  night before or after), a week keeps the 24 h rule with a stretch that long inside the week;
- a sleep warning needs a logged sleep (no data is not a bad night); the weekly 24 h rest is judged once the
  week is over; the weekly screen limit warns on the day the week's running total passes it.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select

from nomadcm import timezones
from nomadcm.models import RestPeriod, ScreenSession
from nomadcm.models.wellbeing import DEVICES
from nomadcm.services.settings import SettingsService
from nomadcm.services.wellbeing import days as d
from nomadcm.services.wellbeing.goals import Goals
from nomadcm.storage import Database

# How far around the range sessions are read, so that rest stretches crossing the range edges are measured
# long enough to judge (a stretch cut here is already longer than any goal).
MARGIN = timedelta(days=8)


@dataclass(frozen=True)
class GoalWarning:
    """A goal not met: `code` says which, `value` and `goal` are seconds."""

    code: str  # sleep_short, daily_rest_short, screen_day_over, screen_week_over, weekly_rest_missing
    value: float
    goal: float

    def text(self) -> str:
        v, g = _hm(self.value), _hm(self.goal)
        return {
            "sleep_short": f"slept {v}, under the {g} sleep goal (AASM/SRS)",
            "daily_rest_short": f"longest rest {v}, under {g} in a row (EU 2003/88/EC daily rest)",
            "screen_day_over": f"screen time {v}, over the {g} daily limit",
            "screen_week_over": f"week's screen time reached {v}, over the {g} weekly limit",
            "weekly_rest_missing": f"no {g} rest this week, longest {v} (EU 2003/88/EC weekly rest)",
        }[self.code]


@dataclass
class DayReport:
    day: date
    zone: str
    start: datetime
    end: datetime
    screen_seconds: dict[str, float] = field(default_factory=dict)
    sleep_seconds: float = 0.0
    rest_seconds: float = 0.0
    longest_rest_seconds: float = 0.0
    warnings: list[GoalWarning] = field(default_factory=list)

    @property
    def hours(self) -> float:
        return (self.end - self.start).total_seconds() / 3600

    @property
    def screen_minutes(self) -> dict[str, int]:
        out = {}
        for device in DEVICES:
            minutes = d.round_minutes(self.screen_seconds.get(device, 0.0))
            if minutes:
                out[device] = minutes
        return out

    @property
    def screen_total_minutes(self) -> int:
        return sum(self.screen_minutes.values())

    @property
    def sleep_minutes(self) -> int:
        return d.round_minutes(self.sleep_seconds)

    @property
    def rest_minutes(self) -> int:
        return d.round_minutes(self.rest_seconds)

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "zone": self.zone,
            "screen_minutes": self.screen_minutes,
            "screen_total_minutes": self.screen_total_minutes,
            "sleep_minutes": self.sleep_minutes,
            "rest_minutes": self.rest_minutes,
            "warnings": [w.text() for w in self.warnings],
        }


@dataclass
class WeekReport:
    first: date  # first day of the week (the week_start setting)
    screen_seconds: float = 0.0
    longest_rest_seconds: float = 0.0
    complete: bool = False  # the week is over, so the weekly rest can be judged
    warnings: list[GoalWarning] = field(default_factory=list)

    @property
    def last(self) -> date:
        return self.first + timedelta(days=6)


@dataclass
class Report:
    first: date
    last: date
    goals: Goals
    days: list[DayReport]
    weeks: list[WeekReport]

    def to_json(self) -> dict[str, Any]:
        return {"days": [day.to_json() for day in self.days]}

    def week_of(self, day: date) -> WeekReport | None:
        for week in self.weeks:
            if week.first <= day <= week.last:
                return week
        return None

    def broken_goals(self, first: date, last: date) -> list[tuple[str, int]]:
        """Goals broken between two dates: (code, how many times), for badges."""
        counts: dict[str, int] = defaultdict(int)
        for day in self.days:
            if first <= day.day <= last:
                for w in day.warnings:
                    counts[w.code] += 1
        for week in self.weeks:
            if week.first <= last and week.last >= first:
                for w in week.warnings:
                    if w.code == "weekly_rest_missing":
                        counts[w.code] += 1
        return sorted(counts.items())


def week_first(day: date, week_start: int) -> date:
    """The first day of the week holding `day` (week_start: ISO weekday, 1 = Monday)."""
    return day - timedelta(days=(day.isoweekday() - week_start) % 7)


def stored_week_start(value: object) -> int:
    """The `week_start` setting as an ISO weekday: 1-7 as stored; 0 ("the locale's", which the GUI reads
    from QLocale and passes as `week_start=`) and anything else is Monday, ISO 8601's week."""
    try:
        day = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 1
    return day if 1 <= day <= 7 else 1


def build_report(
    db: Database,
    first: date,
    last: date,
    *,
    timeline: d.ZoneTimeline | None = None,
    goals: Goals | None = None,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
    week_start: int | None = None,
    shared: Database | None = None,
) -> Report:
    """Everything the report, the chart and the page show for days first..last (inclusive). Weeks start on
    `week_start` (ISO weekday; None: the setting). The sessions, rest and goals are read from `db` (her own
    file on a team database), the itinerary and the day and week start from `shared` (default: `db`)."""
    if last < first:
        from nomadcm.errors import ValidationError

        raise ValidationError(f"--to {last.isoformat()} is before --from {first.isoformat()}")
    shared = shared if shared is not None else db
    values = SettingsService(shared).all()
    goals = goals or Goals.from_settings(SettingsService(db))
    day_start = parse_day_start(values.get("day_start", "04:00"))
    if week_start is None:
        week_start = stored_week_start(values.get("week_start"))
    if timeline is None:
        from nomadcm.services.travel.itinerary import load_itinerary

        timeline = d.ZoneTimeline(load_itinerary(shared))
    now_s = d.ts(now or timezones.now_utc())

    w_first = week_first(first, week_start)
    w_last = week_first(last, week_start) + timedelta(days=6)
    bounds, zones = timeline.day_bounds(w_first, w_last, day_start)
    lo, hi = bounds[0] - MARGIN.total_seconds(), bounds[-1] + MARGIN.total_seconds()
    screens, sleeps, others = _load(db, lo, hi)

    n = len(bounds) - 1
    per_device: dict[str, list[float]] = {}
    for device, intervals in screens.items():
        per_device[device] = d.split_by_days(d.union(intervals), bounds)
    # Each sleep counts whole for the day holding its end (the wake-up day, from day start to day start).
    # Only sleeps that share time are one sleep (the same night logged twice); sleeps back to back stay
    # apart: a night tracked 17:47-02:37 then 02:37-06:10 is two sleeps, on two days with a 04:00 start.
    sleep_union = d.union(sleeps, join_touching=False)
    sleep_per_day = [0.0] * n
    for a, b in sleep_union:
        k = d.day_ending(b, bounds)
        if k is not None:
            sleep_per_day[k] += b - a
    other_rest = d.subtract(d.union(others), sleep_union)
    other_per_day = d.split_by_days(other_rest, bounds)

    all_screen = d.union(iv for ivs in screens.values() for iv in ivs)
    all_rest = d.union([*sleep_union, *other_rest])
    free = d.gaps(d.subtract(all_screen, all_rest))
    free_ends = [b for _, b in free]

    def longest_touching(a: float, b: float) -> float:
        best = 0.0
        j = bisect.bisect_right(free_ends, a)
        while j < len(free) and free[j][0] < b:
            best = max(best, free[j][1] - free[j][0])
            j += 1
        return best

    def longest_within(a: float, b: float) -> float:
        """The longest rest inside [a, b): a week's rest must be taken in that week."""
        best = 0.0
        j = bisect.bisect_right(free_ends, a)
        while j < len(free) and free[j][0] < b:
            best = max(best, min(b, free[j][1]) - max(a, free[j][0]))
            j += 1
        return best

    all_days: list[DayReport] = []
    for k in range(n):
        day = w_first + timedelta(days=k)
        report = DayReport(day, zones[k], d.from_ts(bounds[k]), d.from_ts(bounds[k + 1]))
        report.screen_seconds = {dev: per_device[dev][k] for dev in per_device if per_device[dev][k] > 0}
        report.sleep_seconds = sleep_per_day[k]
        report.rest_seconds = sleep_per_day[k] + other_per_day[k]
        if bounds[k + 1] > bounds[k]:
            report.longest_rest_seconds = longest_touching(bounds[k], bounds[k + 1])
        all_days.append(report)
        if progress:
            progress(k + 1, n)

    weeks: list[WeekReport] = []
    for start in range(0, n, 7):
        week = WeekReport(w_first + timedelta(days=start))
        a, b = bounds[start], bounds[start + 7]
        week.complete = b <= now_s
        week.longest_rest_seconds = longest_within(a, b) if b > a else 0.0
        running = 0.0
        limit = goals.screen_week_hours * 3600
        for day in all_days[start : start + 7]:
            before = running
            running += 60 * day.screen_total_minutes
            if limit and before <= limit < running:
                day.warnings.append(GoalWarning("screen_week_over", running, limit))
                week.warnings.append(day.warnings[-1])
        week.screen_seconds = running
        rest_goal = goals.weekly_rest_hours * 3600
        if rest_goal and week.complete and week.longest_rest_seconds < rest_goal:
            warning = GoalWarning("weekly_rest_missing", week.longest_rest_seconds, rest_goal)
            week.warnings.append(warning)
            all_days[start + 6].warnings.append(warning)
        weeks.append(week)

    for day in all_days:
        _day_warnings(day, goals)

    first_k = (first - w_first).days
    last_k = (last - w_first).days
    shown = all_days[first_k : last_k + 1]
    return Report(first, last, goals, shown, weeks)


def _day_warnings(day: DayReport, goals: Goals) -> None:
    found: list[GoalWarning] = []
    sleep_goal = goals.sleep_hours * 3600
    if sleep_goal and 0 < day.sleep_seconds < sleep_goal:
        found.append(GoalWarning("sleep_short", day.sleep_seconds, sleep_goal))
    rest_goal = goals.daily_rest_hours * 3600
    if rest_goal and day.end > day.start and day.longest_rest_seconds < rest_goal:
        found.append(GoalWarning("daily_rest_short", day.longest_rest_seconds, rest_goal))
    screen_goal = goals.screen_day_hours * 3600
    if screen_goal and 60 * day.screen_total_minutes > screen_goal:
        found.append(GoalWarning("screen_day_over", 60.0 * day.screen_total_minutes, screen_goal))
    day.warnings[:0] = found  # daily ones first, then the weekly ones already attached


def _load(
    db: Database, lo: float, hi: float
) -> tuple[dict[str, list[d.Interval]], list[d.Interval], list[d.Interval]]:
    """Sessions and rest periods around [lo, hi) as POSIX seconds. On SQLite the seconds are computed in
    SQL (a year is ~20,000 rows: converting each through datetime objects would cost most of the report)."""
    lo_dt, hi_dt = d.from_ts(lo), d.from_ts(hi)
    screens: dict[str, list[d.Interval]] = defaultdict(list)
    sleeps: list[d.Interval] = []
    others: list[d.Interval] = []
    s_tab, r_tab = ScreenSession.__table__.c, RestPeriod.__table__.c
    with db.session() as s:
        if db.engine.dialect.name == "sqlite":

            def secs(col: Any) -> Any:
                return (func.julianday(col) - 2440587.5) * 86400.0

            rows: Any = s.execute(
                select(s_tab.device, s_tab.source, secs(s_tab.start_utc), secs(s_tab.end_utc)).where(
                    s_tab.end_utc > lo_dt, s_tab.start_utc < hi_dt
                )
            )
            rest_rows: Any = s.execute(
                select(r_tab.kind, secs(r_tab.start_utc), secs(r_tab.end_utc)).where(
                    r_tab.end_utc > lo_dt, r_tab.start_utc < hi_dt
                )
            )
        else:
            rows = [
                (dev, src, a.timestamp(), b.timestamp())
                for dev, src, a, b in s.execute(
                    select(s_tab.device, s_tab.source, s_tab.start_utc, s_tab.end_utc).where(
                        s_tab.end_utc > lo_dt, s_tab.start_utc < hi_dt
                    )
                )
            ]
            rest_rows = [
                (kind, a.timestamp(), b.timestamp())
                for kind, a, b in s.execute(
                    select(r_tab.kind, r_tab.start_utc, r_tab.end_utc).where(
                        r_tab.end_utc > lo_dt, r_tab.start_utc < hi_dt
                    )
                )
            ]
        for device, source, start, end in rows:
            screens["laptop" if source == "workplace" else device].append((_msec(start), _msec(end)))
        for kind, start, end in rest_rows:
            (sleeps if kind == "sleep" else others).append((_msec(start), _msec(end)))
    return screens, sleeps, others


def _msec(seconds: float) -> float:
    """Rounded to the millisecond: julianday arithmetic leaves a few microseconds of noise."""
    return round(seconds, 3)


def parse_day_start(text: Any) -> time:
    try:
        return datetime.strptime(str(text).strip(), "%H:%M").time()
    except ValueError:
        return time(4)


def _hm(seconds: float) -> str:
    minutes = d.round_minutes(seconds)
    return f"{minutes // 60} h {minutes % 60:02d}"
