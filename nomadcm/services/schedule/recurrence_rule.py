"""The recurrence rule of a recurring post: RFC 5545 RRULEs, read and written once.

The post dialog's recurrence editor, `nomadcm post add --rrule` and the posts' one check all read a rule
through `RecurrenceRule.parse` (or `canonical_rule`), and the database and ICS files get its `to_text`, so
what is accepted, its error messages and the stored canonical text are decided in one place. Turning a rule
into wall times and instants is services/schedule/recurrence_expansion.py; a series with its exceptions is
services/schedule/series.py; the rule said in English or French is services/schedule/recurrence_words.py.

Every rule python-dateutil expands is accepted (all of RFC 5545 §3.3.10, plus dateutil's BYEASTER), within
three limits of the product, each refused with a message naming it:
- posts go out on whole minutes: BYSECOND can only be 0, and FREQ=SECONDLY must land on whole minutes;
- a rule that repeats within a day (HOURLY, MINUTELY, SECONDLY, or more than `MAX_TIMES_A_DAY` times of
  day) must end within `MAX_FREQUENT` occurrences (COUNT, or an UNTIL checked against the series' start);
- COUNT is at most `MAX_COUNT`.
Parts RFC 5545 forbids but dateutil reads with a clear meaning (BYMONTHDAY in a WEEKLY rule, BYEASTER...)
are kept, with a note that other calendars may not read them alike; a number on BYDAY in a DAILY or
WEEKLY rule, which dateutil would silently ignore, is dropped with a note saying so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from dateutil import rrule as du

from nomadcm import timezones
from nomadcm.errors import ValidationError
from nomadcm.services.schedule.recurrence_checks import never_matches

FREQUENCIES: tuple[str, ...] = ("YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY", "MINUTELY", "SECONDLY")
SUB_DAILY: frozenset[str] = frozenset({"HOURLY", "MINUTELY", "SECONDLY"})
WEEKDAY_CODES: tuple[str, ...] = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
MAX_COUNT = 10_000
MAX_INTERVAL = 999
MAX_FREQUENT = 1_000  # occurrences at most for a rule that repeats within a day
MAX_TIMES_A_DAY = 24  # times of day (BYHOUR x BYMINUTE) a rule without that limit may have
PARTS: tuple[str, ...] = (
    "FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY",
    "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST", "BYEASTER",
)  # fmt: skip
_DU_FREQ = {"YEARLY": du.YEARLY, "MONTHLY": du.MONTHLY, "WEEKLY": du.WEEKLY, "DAILY": du.DAILY,
            "HOURLY": du.HOURLY, "MINUTELY": du.MINUTELY, "SECONDLY": du.SECONDLY}  # fmt: skip
_DU_DAYS = (du.MO, du.TU, du.WE, du.TH, du.FR, du.SA, du.SU)
_BYDAY_RE = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
# name -> (smallest, largest, negatives allowed): RFC 5545 §3.3.10's ranges
_RANGES: dict[str, tuple[int, int, bool]] = {
    "BYSECOND": (0, 60, False),
    "BYMINUTE": (0, 59, False),
    "BYHOUR": (0, 23, False),
    "BYMONTHDAY": (1, 31, True),
    "BYYEARDAY": (1, 366, True),
    "BYWEEKNO": (1, 53, True),
    "BYMONTH": (1, 12, False),
    "BYSETPOS": (1, 366, True),
    "BYEASTER": (0, 366, True),
}
EASTER_OFFSETS = (-80, 249)  # dateutil wraps a day out of Easter's year round to the other end of it
_T = TypeVar("_T")
_UNTIL_FORMS = "a date (YYYYMMDD) or a time (YYYYMMDDTHHMMSS, Z for UTC)"


@dataclass(frozen=True)
class RecurrenceRule:
    """An RFC 5545 RRULE. Tuples keep the order typed, without duplicates; weekdays are 0 (Monday) to 6."""

    freq: str
    interval: int = 1
    byday: tuple[tuple[int | None, int], ...] = ()  # (ordinal or None, weekday)
    bymonthday: tuple[int, ...] = ()
    count: int | None = None
    until: datetime | None = None  # aware UTC, inclusive
    bymonth: tuple[int, ...] = ()
    byyearday: tuple[int, ...] = ()
    byweekno: tuple[int, ...] = ()
    byhour: tuple[int, ...] = ()
    byminute: tuple[int, ...] = ()
    bysecond: tuple[int, ...] = ()
    bysetpos: tuple[int, ...] = ()
    byeaster: tuple[int, ...] = ()
    wkst: int = 0
    # What parse changed in the typed text (a number dropped from BYDAY): said once, not stored.
    adjusted: tuple[str, ...] = field(default=(), compare=False, repr=False)

    @classmethod
    def parse(cls, text: str, tz: str | None = None) -> RecurrenceRule:
        """Reads an RRULE ("FREQ=WEEKLY;BYDAY=MO;COUNT=7", an optional "RRULE:" prefix).

        UNTIL may be UTC (`20260430T220000Z`), a wall time (`20260430T235900`) or a date (`20260430`: the whole
        day) in `tz`, the post's zone; it is kept in UTC as RFC 5545 wants for a DTSTART with a TZID.
        Raises ValidationError naming the bad part.
        """
        parts = _split(text)
        freq = parts.get("FREQ")
        if freq is None:
            raise ValidationError("recurrence needs FREQ (e.g. FREQ=WEEKLY;BYDAY=MO)")
        if freq not in FREQUENCIES:
            raise ValidationError(f"FREQ={freq} is not a frequency ({', '.join(FREQUENCIES)})")
        interval = _positive_int(parts.get("INTERVAL", "1"), "INTERVAL", MAX_INTERVAL)
        adjusted: list[str] = []
        byday = _unique(tuple(_parse_byday(v, freq, adjusted) for v in _values(parts, "BYDAY")))
        lists = {name: _unique(tuple(_int_value(v, name) for v in _values(parts, name))) for name in _RANGES}
        count = _positive_int(parts["COUNT"], "COUNT", MAX_COUNT) if "COUNT" in parts else None
        until = _parse_until(parts["UNTIL"], tz) if "UNTIL" in parts else None
        if count is not None and until is not None:
            raise ValidationError("recurrence gives both COUNT and UNTIL: keep one")
        wkst = parts.get("WKST", "MO")
        if wkst not in WEEKDAY_CODES:
            raise ValidationError(f"WKST={wkst} is not a weekday (MO, TU, WE, TH, FR, SA, SU)")
        rule = cls(
            freq,
            interval,
            byday,
            lists["BYMONTHDAY"],
            count,
            until,
            lists["BYMONTH"],
            lists["BYYEARDAY"],
            lists["BYWEEKNO"],
            lists["BYHOUR"],
            lists["BYMINUTE"],
            lists["BYSECOND"],
            lists["BYSETPOS"],
            lists["BYEASTER"],
            WEEKDAY_CODES.index(wkst),
            tuple(adjusted),
        )
        rule._check_limits()
        return rule

    def _check_limits(self) -> None:
        """The product's limits (module docstring) and RFC 5545's one rule dateutil does not enforce."""
        if any(s != 0 for s in self.bysecond):
            bad = next(s for s in self.bysecond if s != 0)
            raise ValidationError(f"BYSECOND={bad}: posts go out on whole minutes, so BYSECOND can only be 0")
        if self.freq == "SECONDLY" and not self.bysecond and self.interval % 60:
            typed = "FREQ=SECONDLY" + (f";INTERVAL={self.interval}" if self.interval != 1 else "")
            raise ValidationError(
                f"{typed}: posts go out on whole minutes "
                "(use FREQ=MINUTELY, BYSECOND=0 or an INTERVAL that is a multiple of 60)"
            )
        if self.bysetpos and not self.has_by_parts():
            raise ValidationError(
                "BYSETPOS needs another BY part to pick from (e.g. BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1)"
            )
        never = never_matches(self)  # services/schedule/recurrence_checks.py
        if never:
            raise ValidationError(never)
        if self.frequent_reason() and self.count is None and self.until is None:
            raise ValidationError(
                f"{self.frequent_reason()}: such a rule needs an end, COUNT={MAX_FREQUENT} at most "
                f"or an UNTIL reached within {MAX_FREQUENT} occurrences"
            )
        if self.frequent_reason() and self.count is not None and self.count > MAX_FREQUENT:
            raise ValidationError(
                f"COUNT={self.count}: {self.frequent_reason()}, so at most {MAX_FREQUENT} occurrences"
            )

    def has_by_parts(self) -> bool:
        """Whether a BY part other than BYSETPOS picks the occurrences (BYSECOND=0 picks nothing)."""
        return bool(
            self.byday or self.bymonthday or self.bymonth or self.byyearday or self.byweekno
            or self.byhour or self.byminute or self.byeaster
        )  # fmt: skip

    def frequent_reason(self) -> str:
        """Why the rule repeats within a day ("" when it does not): the limit of `MAX_FREQUENT` applies."""
        if self.freq in SUB_DAILY:
            return f"FREQ={self.freq} repeats within a day"
        times = max(len(self.byhour), 1) * max(len(self.byminute), 1)
        if times > MAX_TIMES_A_DAY:
            return f"BYHOUR and BYMINUTE give {times} times a day (more than {MAX_TIMES_A_DAY})"
        return ""

    def to_text(self) -> str:
        """The canonical RRULE text stored in the database and written to ICS files (RFC 5545 syntax)."""
        out = [f"FREQ={self.freq}"]
        if self.interval != 1:
            out.append(f"INTERVAL={self.interval}")
        for name, values in (
            ("BYMONTH", self.bymonth),
            ("BYWEEKNO", self.byweekno),
            ("BYYEARDAY", self.byyearday),
        ):
            if values:
                out.append(f"{name}=" + ",".join(str(v) for v in values))
        if self.byday:
            out.append(
                "BYDAY=" + ",".join(f"{'' if n is None else n}{WEEKDAY_CODES[d]}" for n, d in self.byday)
            )
        for name, values in (
            ("BYMONTHDAY", self.bymonthday),
            ("BYHOUR", self.byhour),
            ("BYMINUTE", self.byminute),
            ("BYSECOND", self.bysecond),
            ("BYSETPOS", self.bysetpos),
            ("BYEASTER", self.byeaster),
        ):
            if values:
                out.append(f"{name}=" + ",".join(str(v) for v in values))
        if self.wkst != 0:
            out.append(f"WKST={WEEKDAY_CODES[self.wkst]}")
        if self.count is not None:
            out.append(f"COUNT={self.count}")
        if self.until is not None:
            out.append(f"UNTIL={self.until:%Y%m%dT%H%M%SZ}")
        return ";".join(out)

    def nonstandard(self) -> tuple[str, ...]:
        """The parts RFC 5545 forbids here that python-dateutil (and so NomadCM) reads all the same: other
        calendars may refuse them or read them otherwise (an ICS export should say so or expand them)."""
        out = []
        if self.byeaster:
            out.append("BYEASTER is a python-dateutil extension, not RFC 5545")
        if self.bymonthday and self.freq == "WEEKLY":
            out.append("RFC 5545 does not allow BYMONTHDAY with FREQ=WEEKLY")
        if self.byyearday and self.freq in ("DAILY", "WEEKLY", "MONTHLY"):
            out.append(f"RFC 5545 does not allow BYYEARDAY with FREQ={self.freq}")
        if self.byweekno and self.freq != "YEARLY":
            out.append(f"RFC 5545 does not allow BYWEEKNO with FREQ={self.freq}")
        if self.byweekno and any(n is not None for n, _ in self.byday):
            out.append("RFC 5545 does not allow a numbered BYDAY with BYWEEKNO")
        return tuple(out)

    @property
    def notes(self) -> tuple[str, ...]:
        """What to tell the person who typed the rule: what parse changed, and the non-standard parts."""
        return self.adjusted + self.nonstandard()

    @property
    def open_ended(self) -> bool:
        return self.count is None and self.until is None

    def with_end(self, count: int | None = None, until: datetime | None = None) -> RecurrenceRule:
        return replace(self, count=count, until=until)

    def dateutil_rule(self, dtstart: datetime, stop_wall: datetime | None = None) -> du.rrule:
        """The dateutil rule over naive wall times. COUNT is applied here, UNTIL on instants by `expand`;
        `stop_wall` (a wall time past which nothing is wanted) lets dateutil stop instead of searching on."""
        byweekday = [_DU_DAYS[d] if n is None else _DU_DAYS[d](n) for n, d in self.byday] or None
        return du.rrule(
            _DU_FREQ[self.freq],
            dtstart=dtstart,
            interval=self.interval,
            wkst=self.wkst,
            count=self.count,
            until=stop_wall
            if self.count is None and stop_wall is not None and stop_wall.year < 9999
            else None,
            bysetpos=self.bysetpos or None,
            bymonth=self.bymonth or None,
            bymonthday=self.bymonthday or None,
            byyearday=self.byyearday or None,
            byeaster=self.byeaster or None,
            byweekno=self.byweekno or None,
            byweekday=byweekday,
            byhour=self.byhour or None,
            byminute=self.byminute or None,
            bysecond=self.bysecond or None,
            cache=False,
        )


def canonical_rule(text: str | None, tz: str | None = None) -> str | None:
    """The stored form of a rule typed by a person ("" and None: no recurrence)."""
    if text is None or not text.strip():
        return None
    return RecurrenceRule.parse(text, tz).to_text()


# ---------------------------------------------------------------------- the parts


def _split(text: str) -> dict[str, str]:
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
            raise ValidationError(f"recurrence part {chunk.strip()!r} is not NAME=VALUE")
        if key not in PARTS:
            if key in ("RSCALE", "SKIP"):
                raise ValidationError(f"recurrence part {key} (RFC 7529 calendars) is not supported")
            raise ValidationError(
                f"recurrence part {key} is unknown (RFC 5545 parts: {', '.join(PARTS[:-1])})"
            )
        if key in parts:
            raise ValidationError(f"recurrence gives {key} twice")
        parts[key] = value.strip().upper().replace(" ", "")
    return parts


def _values(parts: dict[str, str], name: str) -> list[str]:
    if name not in parts:
        return []
    values = parts[name].split(",")
    if any(not v for v in values):
        raise ValidationError(f"{name}={parts[name]} has an empty value")
    return values


def _positive_int(value: str, name: str, maximum: int) -> int:
    if not value.isdigit() or not 1 <= int(value) <= maximum:
        raise ValidationError(f"{name}={value} is not a whole number from 1 to {maximum}")
    return int(value)


def _int_value(value: str, name: str) -> int:
    low, high, negatives = _RANGES[name]
    try:
        number = int(value)
    except ValueError:
        raise ValidationError(f"{name} value {value!r} is not a whole number") from None
    if name == "BYEASTER":  # the day stays in Easter's year (Easter Sunday: 22 March to 25 April)
        if not EASTER_OFFSETS[0] <= number <= EASTER_OFFSETS[1]:
            raise ValidationError(
                f"BYEASTER={value} is out of range: {EASTER_OFFSETS[0]} to {EASTER_OFFSETS[1]} days from "
                "Easter Sunday (within its year)"
            )
        return number
    if not (low <= number <= high or (negatives and -high <= number <= -low)):
        span = f"{low} to {high}" + (f" or -{high} to -{low}" if negatives else "")
        raise ValidationError(f"{name}={value} is out of range: {span}")
    return number


def _parse_byday(value: str, freq: str, adjusted: list[str]) -> tuple[int | None, int]:
    m = _BYDAY_RE.match(value)
    if not m:
        raise ValidationError(
            f"BYDAY value {value!r} is not a weekday (MO, TU, WE, TH, FR, SA, SU; 1MO, -1FR)"
        )
    ordinal = int(m.group(1)) if m.group(1) else None
    weekday = WEEKDAY_CODES.index(m.group(2))
    if ordinal is None:
        return None, weekday
    limit = 53 if freq == "YEARLY" else 5
    if ordinal == 0 or not -limit <= ordinal <= limit:
        raise ValidationError(f"BYDAY={value}: the number must be 1 to {limit} or -1 to -{limit}")
    if freq not in ("MONTHLY", "YEARLY"):
        adjusted.append(
            f"BYDAY={value}: a number on a weekday only counts with FREQ=MONTHLY or YEARLY, so with "
            f"FREQ={freq} it means every {m.group(2)} (the number was dropped)"
        )
        return None, weekday
    return ordinal, weekday


def _parse_until(value: str, tz: str | None) -> datetime:
    try:
        if value.endswith("Z"):
            return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        if "T" in value:
            wall = datetime.strptime(value, "%Y%m%dT%H%M%S")
            return timezones.localize_shifting_gaps(wall, tz or "UTC")[0]
        day = datetime.strptime(value, "%Y%m%d").date()
        # A date means "to the end of that day" on the post's clock.
        return timezones.local_midnight(day + timedelta(days=1), tz or "UTC") - timedelta(seconds=1)
    except (ValueError, OverflowError):
        raise ValidationError(f"UNTIL={value} is not {_UNTIL_FORMS} before 9999") from None


def _unique(values: tuple[_T, ...]) -> tuple[_T, ...]:
    return tuple(dict.fromkeys(values))
