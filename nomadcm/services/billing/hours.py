"""Which day and month an hour of work counts on, and what a month of work for a client was paid.

The rule — a day is the CM's calendar day where she was:

    day D runs from the first instant at which her clock (in the zone where the itinerary puts her) reads
    D 00:00 to the first instant at which it reads D+1 00:00; a month from her 1st 00:00 to the next 1st.

Every stretch of work is cut at those instants and each part counts on its own day — so in its own month: a
call from 23:30 on 31 March to 00:30 on 1 April (her clock) is 30 minutes in March and 30 in April. Lengths
are real elapsed time, computed on UTC instants: the night clocks go forward a 01:00–04:00 session is 2 h,
the night they go back 3 h... 4 h. Travelling, her day is the `ZoneTimeline`'s day (services/wellbeing/
days.py) with the day starting at midnight instead of the wellbeing day start: a westward flight makes a
day longer, an eastward one shorter. Contract dates are those same days.

Overlaps are never counted twice. A hand entry says what that time was, so it wins over measured time: the
billable hand entries claim their time first, then the non-billable ones, then screen sessions filed under
the client (timer, screen time, "worked here"), in time order; each keeps only the time nobody claimed
before it. Measured time is billable when the contract of that day says so (`tracked_billable`).

A month, per contract in force on some of its days:
- hourly: paid = the billable time of its days, earned = rate × that time; unpaid = the rest of its days' work;
- retainer: paid = the included hours, earned = the retainer, both in proportion to the days of the month
  it covers (a contract from the 16th of a 30-day month: 15/30); unpaid = its days' work beyond that;
- days without a contract: all their work is unpaid.
Effective hourly rate = earned / hours worked. Money is whole minor units, rounded half up once per contract.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction

from nomadcm.currencies import round_minor
from nomadcm.services.billing.contracts import ContractInfo
from nomadcm.services.wellbeing.days import Interval, from_ts

ZoneAt = Callable[[float], str]  # POSIX seconds -> where she was (ZoneTimeline.zone_at)
HAND = "hand"  # a WorkEntry; measured time keeps its screen session's source ("timer", "manual", ...)


@dataclass(frozen=True)
class WorkItem:
    """One stored stretch of work: a hand entry (`billable` set) or a screen session (`billable` None)."""

    start: float  # POSIX seconds
    end: float
    source: str
    ref_id: int
    note: str = ""
    billable: bool | None = None


@dataclass(frozen=True)
class WorkPiece:
    """The part of one stretch of work that counts on one day (what a statement lists)."""

    day: date
    start: datetime  # aware UTC
    end: datetime
    zone: str  # where she was when it began (her clock for the statement)
    source: str
    ref_id: int
    note: str
    billable: bool

    @property
    def seconds(self) -> float:
        return (self.end - self.start).total_seconds()

    @property
    def is_hand(self) -> bool:
        return self.source == HAND


@dataclass(frozen=True)
class MonthHours:
    """A client's month: worked, paid and unpaid time in whole seconds, money in minor units."""

    client_id: int
    client_name: str
    month: date  # the 1st
    worked_seconds: int = 0
    billable_seconds: int = 0
    paid_seconds: int = 0
    unpaid_seconds: int = 0
    uncovered_seconds: int = 0  # worked on days without a contract (counted in unpaid)
    earned_minor: int | None = None  # None: no contract this month
    currency: str | None = None
    contracts: tuple[ContractInfo, ...] = field(default_factory=tuple)

    @property
    def effective_rate_minor(self) -> int | None:
        """Earned per hour worked, in minor units (None without work or contract)."""
        if self.earned_minor is None or not self.worked_seconds:
            return None
        return round_minor(Decimal(self.earned_minor) * 3600 / Decimal(self.worked_seconds))

    def warns(self, threshold_seconds: int) -> bool:
        """Whether the unpaid time reaches the warning threshold (the `unpaid_warning_hours` setting)."""
        return self.unpaid_seconds > 0 and self.unpaid_seconds >= threshold_seconds


def month_days(month: date) -> tuple[date, date]:
    """First and last day of the month of `month`."""
    first = month.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def next_month(month: date) -> date:
    return (month.replace(day=1) + timedelta(days=32)).replace(day=1)


def resolve(items: Iterable[WorkItem]) -> list[tuple[Interval, WorkItem]]:
    """Disjoint stretches, each credited to one item (see the module's rule on overlaps), in time order."""
    ordered = sorted(
        items,
        key=lambda i: (0 if i.billable is True else 1 if i.billable is False else 2, i.start, i.ref_id),
    )
    covered: list[Interval] = []
    out: list[tuple[Interval, WorkItem]] = []
    for item in ordered:
        out.extend((part, item) for part in _claim(covered, item.start, item.end))
    out.sort(key=lambda p: p[0])
    return out


def _claim(covered: list[Interval], a: float, b: float) -> list[Interval]:
    """The parts of [a, b) not in `covered` (sorted, disjoint), which then takes [a, b) in."""
    if b <= a:
        return []
    i = max(0, bisect.bisect_right(covered, (a, math.inf)) - 1)
    if i < len(covered) and covered[i][1] < a:
        i += 1
    j, cur, parts = i, a, []
    while j < len(covered) and covered[j][0] <= b:
        if covered[j][0] > cur:
            parts.append((cur, covered[j][0]))
        cur = max(cur, covered[j][1])
        j += 1
    if cur < b:
        parts.append((cur, b))
    lo = min(a, covered[i][0]) if i < j else a
    hi = max(b, covered[j - 1][1]) if i < j else b
    covered[i:j] = [(lo, hi)]
    return parts


def pieces(
    items: Iterable[WorkItem],
    first: date,
    bounds: Sequence[float],
    zone_at: ZoneAt,
    contracts: Sequence[ContractInfo],
) -> list[WorkPiece]:
    """The resolved work cut at her midnights: `bounds` are the instants days first.. begin (and the last
    one ends), `zone_at(seconds)` where she was. Work outside the bounds is left out."""
    out: list[WorkPiece] = []
    lo, hi = bounds[0], bounds[-1]
    for (a, b), item in resolve(items):
        a, b = max(a, lo), min(b, hi)
        if b <= a:
            continue
        k = bisect.bisect_right(bounds, a) - 1
        while k < len(bounds) - 1 and bounds[k] < b:
            x, y = max(a, bounds[k]), min(b, bounds[k + 1])
            if y > x:
                day = first + timedelta(days=k)
                if item.billable is None:
                    contract = next((c for c in contracts if c.covers(day)), None)
                    billable = contract is not None and contract.tracked_billable
                else:
                    billable = item.billable
                out.append(
                    WorkPiece(
                        day, from_ts(x), from_ts(y), zone_at(x), item.source, item.ref_id, item.note, billable
                    )
                )
            k += 1
    return out


def summarize(
    client_id: int,
    client_name: str,
    month: date,
    month_pieces: Sequence[WorkPiece],
    contracts: Sequence[ContractInfo],
) -> MonthHours:
    """The month view of one client from the pieces of that month (see the module's rules)."""
    first, last = month_days(month)
    n_days = (last - first).days + 1
    worked = sum(p.seconds for p in month_pieces)
    billable = sum(p.seconds for p in month_pieces if p.billable)
    in_force = [c for c in contracts if c.start <= last and (c.end is None or c.end >= first)]
    paid = Fraction(0)
    unpaid = Fraction(0)
    earned = 0
    covered_work = 0.0
    for c in in_force:
        days = (min(last, c.end or last) - max(first, c.start)).days + 1
        mine = [p for p in month_pieces if c.covers(p.day)]
        worked_c = sum(p.seconds for p in mine)
        covered_work += worked_c
        if c.kind == "hourly":
            billable_c = Fraction(_whole(sum(p.seconds for p in mine if p.billable)))
            paid += billable_c
            unpaid += Fraction(_whole(worked_c)) - billable_c
            earned += round_minor(Decimal(c.rate_minor or 0) * Decimal(int(billable_c)) / 3600)
        else:
            share = Fraction(days, n_days)
            included = Fraction((c.included_minutes or 0) * 60) * share
            paid += included
            unpaid += max(Fraction(0), Fraction(_whole(worked_c)) - included)
            earned += round_minor(Decimal((c.retainer_minor or 0) * share.numerator) / share.denominator)
    uncovered = _whole(worked - covered_work)
    unpaid += uncovered
    return MonthHours(
        client_id,
        client_name,
        first,
        worked_seconds=_whole(worked),
        billable_seconds=_whole(billable),
        paid_seconds=_whole(float(paid)),
        unpaid_seconds=_whole(float(unpaid)),
        uncovered_seconds=uncovered,
        earned_minor=earned if in_force else None,
        currency=in_force[0].currency if in_force else None,
        contracts=tuple(in_force),
    )


def _whole(seconds: float) -> int:
    """Seconds rounded half up to a whole second (instants carry microseconds; totals are shown in minutes)."""
    return math.floor(seconds + 0.5)


def pieces_by_month(all_pieces: Iterable[WorkPiece]) -> dict[date, list[WorkPiece]]:
    out: dict[date, list[WorkPiece]] = {}
    for p in all_pieces:
        out.setdefault(p.day.replace(day=1), []).append(p)
    return out
