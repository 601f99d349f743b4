"""Whether a recurrence rule can match at all, decided from its parts, at once.

python-dateutil checks UNTIL (and so any bound we give it) only against the dates it finds: a rule that
never matches has it search to the year 9999 — a second for YEARLY, about 6 s for DAILY, 20 s for HOURLY —
before it says so. `never_matches` catches the usual ways of writing such a rule ("BYMONTHDAY=30 in
February", "week 20 in January", "the 5th of one day a month") so `RecurrenceRule.parse` refuses them with a
message naming the parts; an unusual one is still refused, by the search (services/schedule/
recurrence_expansion.py `check_rule_for`), only slower.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nomadcm.services.schedule.recurrence_rule import RecurrenceRule

MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February as in a leap year
PERIODS = {"YEARLY": "year", "MONTHLY": "month", "WEEKLY": "week", "DAILY": "day", "HOURLY": "hour",
           "MINUTELY": "minute", "SECONDLY": "second"}  # fmt: skip
EARLIEST_EASTER, LATEST_EASTER = (3, 22), (4, 25)  # Easter Sunday in the Gregorian calendar


def _listed(values: tuple[int, ...]) -> str:
    return ",".join(str(v) for v in values)


def _month_starts(leap: bool) -> list[int]:
    """Day of the year before each month's first day (13 values)."""
    return [sum(MONTH_DAYS[:i]) - (i > 1 and not leap) for i in range(13)]


def _yearday_months(day: int, leap: bool) -> set[int]:
    length = 365 + leap
    day = day if day > 0 else length + 1 + day
    starts = _month_starts(leap)
    return {m for m in range(1, 13) if 0 < day <= length and starts[m - 1] < day <= starts[m]}


def never_matches(rule: RecurrenceRule) -> str:
    """Why the rule can never give an occurrence ("" when it can, as far as its parts tell)."""
    months = set(rule.bymonth) or set(range(1, 13))
    if rule.bymonthday and not any(abs(d) <= MONTH_DAYS[m - 1] for m in months for d in rule.bymonthday):
        return f"BYMONTHDAY={_listed(rule.bymonthday)} never falls in BYMONTH={_listed(rule.bymonth)}"
    if rule.bymonth and rule.byyearday:
        reachable = {m for d in rule.byyearday for leap in (False, True) for m in _yearday_months(d, leap)}
        if not reachable & months:
            return f"BYYEARDAY={_listed(rule.byyearday)} never falls in BYMONTH={_listed(rule.bymonth)}"
    if rule.bymonth and rule.byweekno:
        # Week w holds days 7w-12 to 7w+3 of its year, whatever the year and WKST (week -1: 353 to 369);
        # a week past either end runs into December before or January after.
        reachable = set()
        for w in rule.byweekno:
            first = 7 * w - 12 if w > 0 else 366 + 7 * w - 6
            for day in range(first, first + 16):
                reachable |= _yearday_months(day, False) if 1 <= day <= 365 else {1, 12}
        if not reachable & months:
            return f"BYWEEKNO={_listed(rule.byweekno)} never falls in BYMONTH={_listed(rule.bymonth)}"
    if rule.bymonth and rule.byeaster:
        reachable = set()
        for offset in rule.byeaster:
            span = (date(2001, *LATEST_EASTER) - date(2001, *EARLIEST_EASTER)).days
            reachable |= {
                (date(2001, *EARLIEST_EASTER) + timedelta(days=offset + d)).month for d in range(span + 1)
            }
        if not reachable & months:
            return f"BYEASTER={_listed(rule.byeaster)} never falls in BYMONTH={_listed(rule.bymonth)}"
    most = most_per_period(rule)
    if rule.bysetpos and all(abs(p) > most for p in rule.bysetpos):
        return (
            f"BYSETPOS={_listed(rule.bysetpos)}: each {PERIODS[rule.freq]} has at most {most} "
            f"occurrence{'s' if most > 1 else ''} to pick from"
        )
    return ""


def most_per_period(rule: RecurrenceRule) -> int:
    """A bound on the occurrences one period of the rule (a year for YEARLY, an hour for HOURLY) holds
    before BYSETPOS picks among them."""
    plain = sum(1 for n, _ in rule.byday if n is None)
    numbered = len(rule.byday) - plain
    bounds = {"YEARLY": [366], "MONTHLY": [31], "WEEKLY": [7]}.get(rule.freq, [1])
    if rule.freq in ("YEARLY", "MONTHLY", "WEEKLY"):
        per_month = (len(rule.bymonth) or 12) if rule.freq == "YEARLY" else 1
        if rule.bymonthday:
            bounds.append(len(rule.bymonthday) * per_month)
        if rule.byday:
            bounds.append(len(rule.byday) if rule.freq == "WEEKLY" else (plain * 5 + numbered) * per_month)
        for values in (rule.byyearday, rule.byeaster):
            if values:
                bounds.append(len(values))
        if rule.byweekno:
            bounds.append(7 * len(rule.byweekno))
    per_day = 1
    times = {"HOURLY": (rule.byminute, rule.bysecond), "MINUTELY": (rule.bysecond,), "SECONDLY": ()}
    for values in times.get(rule.freq, (rule.byhour, rule.byminute, rule.bysecond)):
        per_day *= max(len(values), 1)
    return min(bounds) * per_day
