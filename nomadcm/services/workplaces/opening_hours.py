"""Opening hours in OpenStreetMap `opening_hours` syntax, evaluated in the place's own zone.

A thin layer over opening-hours-py (a maintained Rust parser of the OSM specification). What it adds:

- one cache of parsed expressions, so filtering 10,000 places re-parses nothing;
- evaluation at an *instant* goes through `timezones.wall_at` with the place's zone, so "open at the time of
  this post" means the place's clock, not the laptop's;
- a string that does not parse is kept verbatim with the parser's message, and its state is always
  `unknown` (a place whose hours we cannot read is never shown as open);
- an empty string is "hours not known": `unknown`, without an error;
- unknown is never open: a rule that is only a comment (`"on request"`) and an open end (`17:00+`) are
  unknown, as the OSM specification and opening_hours.js say, where the parser alone would say open
  (services/workplaces/hours_unknowns.py rewrites them before parsing). Each answer says why it is unknown
  (`HoursAnswer`): the value's own comment, or an open end.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

import opening_hours as _oh

from nomadcm import timezones
from nomadcm.services.workplaces.hours_unknowns import OPEN_END_COMMENT, explicit_unknowns


class HoursState(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    UNKNOWN = "unknown"


_STATES = {
    _oh.State.OPEN: HoursState.OPEN,
    _oh.State.CLOSED: HoursState.CLOSED,
    _oh.State.UNKNOWN: HoursState.UNKNOWN,
}

_SUN = re.compile(r"sunrise|sunset|dawn|dusk", re.IGNORECASE)
_HOLIDAYS = re.compile(r"\b(PH|SH)\b")

# Interval searches stop a year ahead: a place closed for longer is "closed", and the parser stays fast.
_HORIZON_DAYS = 366


@dataclass(frozen=True)
class HoursAnswer:
    """The state at one moment, and what the value says about it."""

    state: HoursState
    comment: str = ""  # the value's own comment for that moment ("on request"), as written
    open_end: bool = False  # unknown because of an open end ("17:00+"): the closing time is not given


UNKNOWN_ANSWER = HoursAnswer(HoursState.UNKNOWN)


@dataclass(frozen=True)
class HoursWindow:
    """One stretch of a day with a steady state (local wall times)."""

    start: datetime
    end: datetime
    state: HoursState
    comment: str = ""


class Hours:
    """A parsed (or unparseable) opening_hours value. Build with `parse_hours`."""

    __slots__ = ("_open_is_unknown", "_parsed", "country", "error", "key", "text", "warnings", "zone")

    def __init__(
        self,
        text: str,
        parsed: _oh.OpeningHours | None,
        error: str | None,
        warnings: tuple[str, ...],
        zone: str | None,
        country: str | None,
        key: tuple[object, ...] = (),
        open_is_unknown: bool = False,
    ) -> None:
        self.text = text
        self._parsed = parsed
        self._open_is_unknown = open_is_unknown  # an open end we could not rewrite: no "open" is sure
        self.error = error
        self.warnings = warnings
        self.zone = zone
        self.country = country
        self.key = key  # equal keys: the same expression, so the same state at the same wall time

    @property
    def known(self) -> bool:
        """True when there is an expression that parsed."""
        return self._parsed is not None

    @property
    def empty(self) -> bool:
        return not self.text

    def state_at_wall(self, wall: datetime) -> HoursState:
        """The state at a naive wall time of the place's own clock."""
        return self.state_and_comment_at_wall(wall)[0]

    def state_and_comment_at_wall(self, wall: datetime) -> tuple[HoursState, str]:
        answer = self.answer_at_wall(wall)
        return answer.state, answer.comment

    def answer_at_wall(self, wall: datetime) -> HoursAnswer:
        """The state at a naive wall time of the place's own clock, with the value's comment."""
        if self._parsed is None:
            return UNKNOWN_ANSWER
        if wall.tzinfo is not None:
            raise ValueError("state_at_wall() takes a naive wall time; use state_at() for instants")
        state, comment = self._parsed.state(wall.replace(second=0, microsecond=0))
        return self._answer(_STATES[state], comment)

    def _answer(self, state: HoursState, comment: str) -> HoursAnswer:
        if comment == OPEN_END_COMMENT:
            return HoursAnswer(HoursState.UNKNOWN, "", open_end=True)
        if state is HoursState.OPEN and self._open_is_unknown:
            return HoursAnswer(HoursState.UNKNOWN, comment)
        return HoursAnswer(state, comment)

    def state_at(self, instant: datetime, zone: str | None = None) -> HoursState:
        """The state at an instant, read on the clock of `zone` (default: the place's zone).

        Without a zone there is no local time to read, so the state is unknown.
        """
        return self.answer_at(instant, zone).state

    def answer_at(self, instant: datetime, zone: str | None = None) -> HoursAnswer:
        """`state_at` with the value's comment."""
        where = zone or self.zone
        if self._parsed is None or where is None:
            return UNKNOWN_ANSWER
        return self.answer_at_wall(timezones.wall_at(instant, where))

    def is_open_at_wall(self, wall: datetime) -> bool:
        return self.state_at_wall(wall) is HoursState.OPEN

    def is_open_at(self, instant: datetime, zone: str | None = None) -> bool:
        return self.state_at(instant, zone) is HoursState.OPEN

    def next_change_wall(self, wall: datetime) -> datetime | None:
        """The next local wall time the state changes after `wall` (None if not within a year)."""
        if self._parsed is None:
            return None
        found = self._parsed.next_change(wall.replace(second=0, microsecond=0))
        if found is None:
            return None
        found = found.replace(tzinfo=None)
        if found - wall > timedelta(days=_HORIZON_DAYS):
            return None
        return found

    def day_windows(self, day: date) -> list[HoursWindow]:
        """The stretches of one local day, for a week table in the detail dialog."""
        if self._parsed is None:
            return []
        start = datetime.combine(day, datetime.min.time())
        end = start + timedelta(days=1)
        windows = []
        for a, b, s, c in self._parsed.intervals(start, end):
            answer = self._answer(_STATES[s], c)
            windows.append(
                HoursWindow(a.replace(tzinfo=None), b.replace(tzinfo=None), answer.state, answer.comment)
            )
        return windows

    def open_ranges(self, day: date) -> list[tuple[datetime, datetime]]:
        """When the place is open on a local day (wall times)."""
        return [(w.start, w.end) for w in self.day_windows(day) if w.state is HoursState.OPEN]

    def __repr__(self) -> str:
        flag = f", error={self.error!r}" if self.error else ""
        return f"Hours({self.text!r}{flag})"


def parse_hours(
    text: str | None,
    zone: str | None = None,
    country: str | None = None,
    coords: tuple[float, float] | None = None,
) -> Hours:
    """Parse an opening_hours value; never raises for a bad expression (see `Hours.error`).

    Parsing is cached on what changes the meaning: the text, plus the zone and position only for sun
    times, and the country only for public or school holidays — so 10,000 places sharing twenty
    expressions parse twenty times.
    """
    clean = (text or "").strip()
    sun, holidays = _needs(clean)
    key = (
        clean,
        zone if sun else None,
        ((country or "").upper() or None) if holidays else None,
        (round(coords[0], 2), round(coords[1], 2)) if sun and coords else None,
    )
    parsed, error, warnings, open_is_unknown = _parse_cached(*key)
    return Hours(clean, parsed, error, warnings, zone, country, key, open_is_unknown)


@functools.lru_cache(maxsize=4096)
def _needs(text: str) -> tuple[bool, bool]:
    """Whether an expression uses sun times (zone and position matter) or holidays (the country does)."""
    return bool(_SUN.search(text)), bool(_HOLIDAYS.search(text))


def check_hours(text: str) -> str | None:
    """The parser's message for an expression that does not parse, or None when it is fine (or empty)."""
    return parse_hours(text).error


def one_line_error(message: str) -> str:
    """The parser's multi-line report, reduced to "at column N: expected ...", for tables and CLI lines."""
    column = re.search(r"-->\s*\d+:(\d+)", message)
    expected = re.search(r"=\s*(.+)$", message.strip(), re.MULTILINE)
    parts = []
    if column:
        parts.append(f"at column {column.group(1)}")
    if expected:
        parts.append(expected.group(1).strip())
    return ": ".join(parts) if parts else " ".join(message.split())


# (parsed, parser's message, warnings, whether an "open" of the parser is to be read as unknown)
_Parsed = tuple["_oh.OpeningHours | None", "str | None", tuple[str, ...], bool]


@functools.lru_cache(maxsize=65536)
def _parse_cached(
    text: str, zone: str | None, country: str | None, coords: tuple[float, float] | None
) -> _Parsed:
    if not text:
        return None, None, (), False
    warnings: list[str] = []
    expression = text
    if expression.endswith(";"):  # a common slip in OSM data; opening_hours.js accepts it too
        expression = expression.rstrip("; ")
        warnings.append("trailing ';' ignored")
    explicit, exact = explicit_unknowns(expression)
    try:
        parsed = _build(expression, zone, country, coords)  # the value as written must parse
    except _oh.ParserError as err:
        return None, one_line_error(str(err)), (), False
    except (SyntaxError, ValueError) as err:  # other refusals of the parser
        return None, " ".join(str(err).split()), (), False
    if explicit != expression:
        try:
            parsed = _build(explicit, zone, country, coords)
        except (_oh.ParserError, SyntaxError, ValueError):
            exact = False  # our rewrite did not parse: keep the value's own reading, never open
    warnings.extend(parsed.warnings)
    return parsed, None, tuple(warnings), not exact


def _build(
    expression: str, zone: str | None, country: str | None, coords: tuple[float, float] | None
) -> _oh.OpeningHours:
    tzinfo = _zoneinfo(zone)
    kwargs: dict[str, object] = {"auto_country": False, "max_interval_days": _HORIZON_DAYS}
    if tzinfo is not None:
        kwargs["timezone"] = tzinfo
    if coords is not None and tzinfo is not None:
        # Sun times are right only with both; the parser ignores coords when auto_timezone is off, and
        # an explicit timezone wins over the one it would infer.
        kwargs["coords"] = coords
    else:
        kwargs["auto_timezone"] = False
    if country:
        try:
            return _oh.OpeningHours(expression, country=country, **kwargs)  # type: ignore[arg-type]
        except _oh.UnknownCountryError:
            pass  # no holiday calendar for that country: "PH" is then never a holiday
    return _oh.OpeningHours(expression, **kwargs)  # type: ignore[arg-type]


def _zoneinfo(zone: str | None):  # type: ignore[no-untyped-def]
    """A zoneinfo zone for the parser's sun computations (it takes no pytz zone); None if unavailable."""
    if not zone:
        return None
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(zone)
    except Exception:  # no tz database on this system: sun times fall back to the parser's default
        return None
