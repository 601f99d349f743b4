"""The CM's rhythm: her sleep window and her working hours, in whatever local time she is in.

Both are wall-clock rules ("23:00-07:00", "Mo-Th 09:00-17:00; Fr 09:00-12:00") that follow her: the
conflicts check applies them to her local time from the itinerary, so a week in Montréal moves them with her.

Syntax of working hours (close to OpenStreetMap's opening_hours, which many users already know):
- rules separated by ";", each "DAYS RANGES": `Mo-Fr 09:00-18:00`, `Mo,We 09:00-12:00,14:00-18:00`;
- days in English or French two-letter form (Mo Tu We Th Fr Sa Su / Lu Ma Me Je Ve Sa Di), ranges of days
  may wrap (`Sa-Mo`);
- times as 09:00, 9:00, 9h, 9h30; 24:00 ends a day; a range that ends before it starts runs past midnight
  into the next day (`Fr 22:00-02:00` is Friday night);
- a later rule replaces an earlier one for its days (`Mo-Fr 09:00-18:00; Fr 09:00-12:00`: short Fridays);
- `off` (or an empty text) means no working hours at all: every post is then outside them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from nomadcm.errors import ValidationError

if TYPE_CHECKING:
    from nomadcm.services.changes import Change
    from nomadcm.services.settings import SettingsService

DAY_CODES: tuple[str, ...] = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_DAY_ALIASES: dict[str, int] = {code.casefold(): i for i, code in enumerate(DAY_CODES)}
_DAY_ALIASES.update({fr: i for i, fr in enumerate(("lu", "ma", "me", "je", "ve", "sa", "di"))})
_DAYS_IN_MINUTES = 24 * 60
_TIME = re.compile(r"^(\d{1,2})(?:[:hH](\d{2})?)?$")
_DASHES = re.compile(r"\s*[-–—]\s*")

DEFAULT_SLEEP = "23:00-07:00"
DEFAULT_WORK_HOURS = "Mo-Fr 09:00-18:00"


def parse_clock(text: str, what: str) -> int:
    """Minutes after midnight of '09:00', '9:00', '9h', '9h30' or '24:00'."""
    m = _TIME.match(text.strip())
    if m:
        hours, minutes = int(m.group(1)), int(m.group(2) or 0)
        if (hours < 24 and minutes < 60) or (hours == 24 and minutes == 0):
            return hours * 60 + minutes
    raise ValidationError(f"{what}: {text.strip()!r} is not a time of day (HH:MM)")


def format_clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _parse_range(text: str, what: str) -> tuple[int, int]:
    parts = _DASHES.split(text.strip())
    if len(parts) != 2 or not all(parts):
        raise ValidationError(f"{what}: {text.strip()!r} is not a time range (HH:MM-HH:MM)")
    start, end = parse_clock(parts[0], what), parse_clock(parts[1], what)
    if start == 24 * 60:
        raise ValidationError(f"{what}: {text.strip()!r} starts at 24:00 (use 00:00)")
    if start == end:
        raise ValidationError(f"{what}: {text.strip()!r} is empty (start and end are the same)")
    return start, end


class MinuteTable:
    """A week (or a day) of minutes, each in or out: membership is one index, for 100,000 posts."""

    def __init__(self, days: int) -> None:
        self.bits = bytearray(days * _DAYS_IN_MINUTES)

    def mark(self, day: int, start: int, end: int) -> None:
        """[start, end) minutes of `day`; an `end` before `start` runs into the next day (wrapping the week)."""
        size = len(self.bits)
        first = day * _DAYS_IN_MINUTES + start
        length = (end - start) % _DAYS_IN_MINUTES or _DAYS_IN_MINUTES
        if end == _DAYS_IN_MINUTES:
            length = end - start
        for k in range(first, first + length):
            self.bits[k % size] = 1

    def __contains__(self, index: int) -> bool:
        return bool(self.bits[index])


@dataclass(frozen=True)
class SleepWindow:
    """Asleep from `start` to `end` (minutes after midnight, local); wraps past midnight when end < start."""

    start: int
    end: int
    _table: MinuteTable = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        table = MinuteTable(1)
        table.mark(0, self.start, self.end)
        object.__setattr__(self, "_table", table)

    @classmethod
    def parse(cls, text: str) -> SleepWindow:
        start, end = _parse_range(text, "sleep")
        return cls(start, end % _DAYS_IN_MINUTES)

    def __str__(self) -> str:
        return f"{format_clock(self.start)}-{format_clock(self.end)}"

    def contains_minute(self, minute_of_day: int) -> bool:
        return minute_of_day in self._table

    def contains(self, wall: datetime) -> bool:
        """Whether a local wall time falls in the window (start included, end excluded)."""
        return wall.hour * 60 + wall.minute in self._table

    @property
    def length_minutes(self) -> int:
        return (self.end - self.start) % _DAYS_IN_MINUTES or _DAYS_IN_MINUTES


@dataclass(frozen=True)
class WorkHours:
    """Working hours per ISO weekday (0 = Monday): a tuple of (start, end) minute ranges for each day."""

    days: tuple[tuple[tuple[int, int], ...], ...]
    _table: MinuteTable = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.days) != 7:
            raise ValueError("WorkHours needs 7 days")
        table = MinuteTable(7)
        for day, ranges in enumerate(self.days):
            for start, end in ranges:
                table.mark(day, start, end)
        object.__setattr__(self, "_table", table)

    @classmethod
    def parse(cls, text: str) -> WorkHours:
        days: list[tuple[tuple[int, int], ...]] = [()] * 7
        cleaned = text.strip()
        if cleaned.casefold() in ("", "off", "none", "aucun", "aucune"):
            return cls(tuple(days))
        for rule in cleaned.split(";"):
            rule = rule.strip()
            if not rule:
                continue
            head, _, tail = rule.partition(" ")
            if not tail.strip():
                raise ValidationError(f"work hours: {rule!r} needs days and hours, e.g. 'Mo-Fr 09:00-18:00'")
            selected = _parse_days(head)
            if tail.strip().casefold() == "off":
                ranges: tuple[tuple[int, int], ...] = ()
            else:
                ranges = tuple(
                    _parse_range(piece, "work hours") for piece in tail.split(",") if piece.strip()
                )
            for d in selected:  # a later rule replaces an earlier one for its days
                days[d] = ranges
        return cls(tuple(days))

    def __str__(self) -> str:
        """The canonical text: consecutive days with the same hours grouped ("Mo-Th 09:00-17:00; Fr ...")."""
        if not any(self.days):
            return "off"
        rules: list[str] = []
        d = 0
        while d < 7:
            if not self.days[d]:
                d += 1
                continue
            e = d
            while e + 1 < 7 and self.days[e + 1] == self.days[d]:
                e += 1
            span = DAY_CODES[d] if d == e else f"{DAY_CODES[d]}-{DAY_CODES[e]}"
            hours = ",".join(f"{format_clock(s)}-{format_clock(t)}" for s, t in self.days[d])
            rules.append(f"{span} {hours}")
            d = e + 1
        return "; ".join(rules)

    def contains_minute(self, weekday: int, minute_of_day: int) -> bool:
        return weekday * _DAYS_IN_MINUTES + minute_of_day in self._table

    def contains(self, wall: datetime) -> bool:
        """Whether a local wall time is inside working hours (a range running past midnight counts)."""
        return wall.weekday() * _DAYS_IN_MINUTES + wall.hour * 60 + wall.minute in self._table

    def ranges_on(self, weekday: int) -> list[tuple[int, int]]:
        """The minutes of `weekday` inside working hours, as [start, end) ranges, including the part of the
        previous day's range that runs past midnight (for drawing one local day)."""
        out: list[tuple[int, int]] = []
        start = None
        base = weekday * _DAYS_IN_MINUTES
        for m in range(_DAYS_IN_MINUTES + 1):
            inside = m < _DAYS_IN_MINUTES and (base + m) in self._table
            if inside and start is None:
                start = m
            elif not inside and start is not None:
                out.append((start, m))
                start = None
        return out


def _parse_days(text: str) -> list[int]:
    selected: list[int] = []
    for piece in text.split(","):
        piece = piece.strip()
        bounds = _DASHES.split(piece)
        if len(bounds) == 1:
            selected.append(_day(bounds[0]))
        elif len(bounds) == 2:
            first, last = _day(bounds[0]), _day(bounds[1])
            selected.extend((first + k) % 7 for k in range((last - first) % 7 + 1))
        else:
            raise ValidationError(f"work hours: {piece!r} is not a day or a range of days (e.g. Mo-Fr)")
    return selected


def _day(text: str) -> int:
    key = text.strip().casefold()[:2]
    if len(text.strip()) not in (2, 3) or key not in _DAY_ALIASES:
        raise ValidationError(
            f"work hours: {text.strip()!r} is not a day (use Mo Tu We Th Fr Sa Su, or Lu Ma Me Je Ve Sa Di)"
        )
    return _DAY_ALIASES[key]


@dataclass(frozen=True)
class Rhythm:
    sleep: SleepWindow
    work: WorkHours


def load_rhythm(settings: object) -> Rhythm:
    """The sleep window and working hours from the settings (a SettingsService or anything with .get)."""
    get = settings.get  # type: ignore[attr-defined]
    return Rhythm(
        SleepWindow.parse(str(get("sleep") or DEFAULT_SLEEP)),
        WorkHours.parse(str(get("work_hours") if get("work_hours") is not None else DEFAULT_WORK_HOURS)),
    )


def set_sleep(settings: object, text: str) -> str:
    """Validates and stores the sleep window; returns its canonical text."""
    canonical = str(SleepWindow.parse(text))
    settings.set("sleep", canonical)  # type: ignore[attr-defined]
    return canonical


def set_work_hours(settings: object, text: str) -> str:
    canonical = str(WorkHours.parse(text))
    settings.set("work_hours", canonical)  # type: ignore[attr-defined]
    return canonical


def save_op(settings: SettingsService, sleep: str, work_hours: str, home_tz: str) -> Change:
    """The rhythm dialog's OK: sleep window, working hours and home zone, all checked before any is written
    (result: the canonical values). Undo puts the three previous values back; redo the new ones."""
    from nomadcm import timezones
    from nomadcm.services.changes import ITINERARY, SETTINGS, steps

    new = {
        "sleep": str(SleepWindow.parse(sleep)),
        "work_hours": str(WorkHours.parse(work_hours)),
        "home_tz": timezones.check_zone(home_tz),
    }
    old = {key: settings.get(key) for key in new}

    def write(values: dict[str, str]) -> None:
        for key, value in values.items():
            settings.set(key, value)

    write(new)
    return steps({SETTINGS, ITINERARY}, "rhythm", lambda: write(new), lambda: write(old), new)
