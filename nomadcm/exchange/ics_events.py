"""A client's calendar (RFC 5545: an .ics file, or what a subscribed URL returns) read as that client's events.

- Parsed by icalendar; every series expanded by recurring-ical-events (RRULE, RDATE, EXDATE, RECURRENCE-ID
  with its RANGE, the file's VTIMEZONEs and Google's X-WR-TIMEZONE) over a bounded window: a year back to two
  years ahead of now. Each occurrence becomes one stored event, known by its UID and RECURRENCE-ID (the
  original start of that occurrence; "" for an event that does not repeat), so a new reading updates it
  (services/events/calendars.py). The expansion is checked against allenporter's `ical`, another
  implementation (tests/exchange/test_ics_events.py).
- Times are stored as the file says them: wall time in the TZID's zone when it is an IANA zone, UTC for a
  UTC time, the client's audience zone for a floating time or a zone known only by the file's VTIMEZONE (its
  wall time there, from the instant). All-day events are dates in the client's zone.
- The kind comes from CATEGORIES or X-NOMADCM-KIND when they name one (English or French), else from words
  of the title ("Lancement", "Fermeture annuelle", "Soldes"...), else `event`. A kind the user chose is kept
  by the next reading.
- Bounded: at most MAX_BYTES of text and MAX_OCCURRENCES events; an event outside 1970..2100 or ending
  before it starts is left out and said.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

import icalendar
import recurring_ical_events

from nomadcm import date_bounds, timezones
from nomadcm.errors import ValidationError
from nomadcm.services.events.calendars import ImportedEvent
from nomadcm.services.events.records import MAX_NOTES, MAX_TITLE
from nomadcm.services.names import single_line
from nomadcm.vocabulary import EVENT_KINDS

WINDOW_BACK = timedelta(days=366)
WINDOW_AHEAD = timedelta(days=731)
MAX_BYTES = 10 * 1024 * 1024
MAX_OCCURRENCES = 20_000
SHOWN_SKIPS = 50
MAX_GENERATED = 300_000  # occurrences the rules of one calendar may generate to reach the window's end

# Words that say a kind: a CATEGORIES value equal to one, or a word of the title (accents and case ignored).
# Title words are checked in this order: "soldes de fermeture" is a closure before it is a promotion.
_CATEGORY_NAMES = {
    "launch": ("launch", "lancement"),
    "promotion": ("promotion", "promo"),
    "closure": ("closure", "fermeture", "ferme", "closed"),
    "event": ("event", "evenement"),
    "press": ("press", "presse"),
    "blackout": ("blackout",),
}
_TITLE_WORDS = (
    ("blackout", ("blackout", "embargo")),
    ("closure", ("fermeture", "ferme", "fermee", "closed", "closure", "conges")),
    ("launch", ("lancement", "launch", "release")),
    ("promotion", ("promo", "promotion", "soldes", "sale", "sales", "discount", "reduction", "offre", "offres",
                   "black friday")),
    ("press", ("presse", "press", "interview", "journaliste", "journalistes", "communique")),
)  # fmt: skip


@dataclass
class CalendarReading:
    name: str  # the calendar's own name (X-WR-CALNAME), "" when it gives none
    events: list[ImportedEvent]
    text: str
    skipped: list[str] = field(default_factory=list)
    window: tuple[datetime, datetime] | None = None


def decode(data: bytes, what: str) -> str:
    """A calendar's bytes as text: UTF-8 (RFC 5545), a BOM allowed; Windows-1252 from older Outlook exports."""
    if len(data) > MAX_BYTES:
        raise ValidationError(f"{what} is larger than {MAX_BYTES // (1024 * 1024)} MiB: not read")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            raise ValidationError(f"{what} is not text in UTF-8: not an iCalendar file") from None


def read_calendar(
    data: bytes | str, client_zone: str, what: str, now: datetime | None = None
) -> CalendarReading:
    """Every occurrence of the calendar's events inside the window around `now`, as a client's events."""
    text = decode(data, what) if isinstance(data, bytes) else data
    if len(text) > MAX_BYTES:
        raise ValidationError(f"{what} is larger than {MAX_BYTES // (1024 * 1024)} MiB: not read")
    if "\x00" in text:
        raise ValidationError(f"{what} holds a NUL character: not an iCalendar file")
    try:
        cal = icalendar.Calendar.from_ical(text)
    except Exception as err:  # a foreign file: icalendar raises anything on some damage (AttributeError...)
        raise ValidationError(f"{what} is not an iCalendar file ({_first_line(err)})") from None
    if not isinstance(cal, icalendar.Calendar) or cal.name != "VCALENDAR":
        raise ValidationError(f"{what} is not an iCalendar file (no VCALENDAR)")
    now = timezones.ensure_utc(now or timezones.now_utc())
    window = (now - WINDOW_BACK, now + WINDOW_AHEAD)
    repeating = _repeating_uids(cal)
    reading = CalendarReading(single_line(str(cal.get("X-WR-CALNAME", "")))[:180], [], text, window=window)
    try:
        for ev in cal.walk("VEVENT"):
            for prop, message in getattr(ev, "errors", []):
                _skip(reading, f"event {single_line(str(ev.get('SUMMARY', '')))!r}: {prop} {message}")
        _drop_costly_series(cal, window[1], reading)
        occurrences = _occurrences(cal, repeating, window)
    except Exception as err:  # the libraries meet the file's damage here, as whatever exception they raise
        raise ValidationError(f"{what}: its events cannot be expanded ({_first_line(err)})") from None
    for n, ev in enumerate(occurrences):
        if n >= MAX_OCCURRENCES:
            reading.skipped.append(
                f"more than {MAX_OCCURRENCES} events in the window: the later ones are left out"
            )
            break
        try:
            _add(reading, ev, client_zone, repeating)
        except (AttributeError, ValueError, TypeError, KeyError, OverflowError) as err:  # a damaged property
            _skip(reading, f"event {single_line(str(ev.get('SUMMARY', '')))!r}: {_first_line(err)}")
    return reading


def _first_line(err: BaseException) -> str:
    lines = str(err).splitlines()
    return (lines[0] if lines else type(err).__name__)[:120]


def _occurrences(
    cal: icalendar.Calendar, repeating: set[str], window: tuple[datetime, datetime]
) -> list[Any]:
    """Every occurrence overlapping the window, in start order.

    A calendar with X-WR-TIMEZONE (Google's) may give times in UTC that mean wall times in that zone: its
    series are expanded on that zone's clock (x-wr-timezone's conversion, `recurring_ical_events.of`), but its
    single events keep their UTC instants, which that conversion would move by an hour at the second pass of
    a time the clocks show twice."""
    plain = recurring_ical_events.CalendarQuery(cal, False, ("VEVENT",), True)
    local = (
        recurring_ical_events.of(cal, skip_bad_series=True) if cal.get("X-WR-TIMEZONE") is not None else plain
    )
    found = [ev for ev in plain.between(*window) if str(ev.get("UID", "")) not in repeating]
    found += [ev for ev in local.between(*window) if str(ev.get("UID", "")) in repeating]
    return sorted(found, key=lambda ev: _instant(ev["DTSTART"].dt, "UTC"))


# What a rule costs to expand: the occurrences it generates from its start to the window's end (the expansion
# walks them all). A rule repeating every minute since 2015 would take minutes and gigabytes: it is left out,
# and said, before anything is expanded.
_UNIT_SECONDS = {"SECONDLY": 1, "MINUTELY": 60, "HOURLY": 3600, "DAILY": 86400, "WEEKLY": 604800,
                 "MONTHLY": 2_629_746, "YEARLY": 31_556_952}  # fmt: skip
_EXPANDING_PARTS = (
    "BYSECOND",
    "BYMINUTE",
    "BYHOUR",
    "BYDAY",
    "BYMONTHDAY",
    "BYYEARDAY",
    "BYWEEKNO",
    "BYMONTH",
)


def _drop_costly_series(cal: icalendar.Calendar, window_end: datetime, reading: CalendarReading) -> None:
    budget = MAX_GENERATED
    costly: set[str] = set()
    for ev in cal.walk("VEVENT"):
        cost = _cost(ev, window_end)
        if cost > budget:
            costly.add(str(ev.get("UID", "")))
            title = single_line(str(ev.get("SUMMARY", "")))
            _skip(reading, f"event {title!r} repeats too often to expand ({cost:,.0f} occurrences): left out")
        else:
            budget -= int(cost)
    if costly:
        cal.subcomponents = [
            c for c in cal.subcomponents if c.name != "VEVENT" or str(c.get("UID", "")) not in costly
        ]


def _cost(ev: Any, window_end: datetime) -> float:
    rules, start = ev.get("RRULE"), ev.get("DTSTART")
    if rules is None or start is None or not hasattr(start, "dt"):
        return 1.0
    try:
        first = _instant(start.dt, "UTC")
    except (ValueError, OverflowError):
        return 1.0
    total = 0.0
    for rule in rules if isinstance(rules, list) else [rules]:
        unit = _UNIT_SECONDS.get(str((rule.get("FREQ") or [""])[0]).upper())
        if unit is None:
            continue
        interval = max(1, int((rule.get("INTERVAL") or [1])[0]))
        until = (rule.get("UNTIL") or [None])[0]
        end = window_end if until is None else min(window_end, _instant(until, "UTC"))
        per = 1
        for part in _EXPANDING_PARTS:
            per *= max(1, len(rule.get(part) or []))
        estimate = max(0.0, (end - first).total_seconds()) / (unit * interval) * per
        count = (rule.get("COUNT") or [None])[0]
        total += min(estimate, float(count)) if count is not None else estimate
    return total


def _repeating_uids(cal: icalendar.Calendar) -> set[str]:
    """UIDs of series: an event with RRULE or RDATE, or an occurrence moved on its own (RECURRENCE-ID)."""
    return {
        str(ev.get("UID", ""))
        for ev in cal.walk("VEVENT")
        if ev.get("RRULE") is not None or ev.get("RDATE") is not None or ev.get("RECURRENCE-ID") is not None
    }


def _add(reading: CalendarReading, ev: icalendar.Event, client_zone: str, repeating: set[str]) -> None:
    title = single_line(str(ev.get("SUMMARY", "")))[:MAX_TITLE] or "(no title)"
    uid = str(ev.get("UID", "")).strip()[:255]
    start_prop, end_prop = ev.get("DTSTART"), ev.get("DTEND")
    if start_prop is None:
        _skip(reading, f"event {title!r} has no start (DTSTART)")
        return
    if not uid:  # RFC 5545 wants one; a stable stand-in keeps a new reading idempotent
        uid = "no-uid-" + hashlib.sha1(f"{title}\n{start_prop.to_ical()!r}".encode()).hexdigest()[:20]
    recurrence_id = ""
    if uid in repeating and ev.get("RECURRENCE-ID") is not None:
        recurrence_id = _recurrence_key(ev["RECURRENCE-ID"].dt)
    start, end = start_prop.dt, end_prop.dt if end_prop is not None else None
    try:
        times = _all_day(start, end, client_zone) if _is_date(start) else _timed(start, end, client_zone)
    except (ValueError, OverflowError) as err:
        _skip(reading, f"event {title!r}: {err}")
        return
    if times is None:
        _skip(
            reading,
            f"event {title!r} ({start}) is outside the dates NomadCM handles ({date_bounds.RANGE_TEXT})",
        )
        return
    if times[7] < times[6]:
        _skip(reading, f"event {title!r} ({start}) ends before it starts")
        return
    notes = str(ev.get("DESCRIPTION", ""))
    location = single_line(str(ev.get("LOCATION", "")))
    if location:
        notes = f"{location}\n{notes}" if notes else location
    reading.events.append(
        ImportedEvent(uid, recurrence_id, title, guess_kind(ev, title), *times, notes[:MAX_NOTES])
    )


def _skip(reading: CalendarReading, message: str) -> None:
    if len(reading.skipped) < SHOWN_SKIPS:
        reading.skipped.append(message)


Times = tuple[bool, datetime, datetime, int, int, str, datetime, datetime]


def _all_day(start: date, end: object, client_zone: str) -> Times | None:
    last = end if _is_date(end) and end > start else start + timedelta(days=1)  # type: ignore[operator]
    if not (date_bounds.in_range(start) and date_bounds.in_range(last - timedelta(days=1))):  # type: ignore[operator]
        return None
    start_wall, end_wall = datetime.combine(start, time(0)), datetime.combine(last, time(0))  # type: ignore[arg-type]
    return (
        True, start_wall, end_wall, 0, 0, client_zone,
        timezones.localize_shifting_gaps(start_wall, client_zone)[0],
        timezones.localize_shifting_gaps(end_wall, client_zone)[0],
    )  # fmt: skip


def _timed(start: datetime, end: object, client_zone: str) -> Times | None:
    zone = _zone_of(start, client_zone)
    start_utc = _instant(start, zone)
    if isinstance(end, datetime):
        end_utc = _instant(end, zone)
    elif _is_date(end):
        end_utc = _instant(datetime.combine(end, time(0)), zone)  # type: ignore[arg-type]
    else:
        end_utc = start_utc  # a DTSTART alone: an event of no length (RFC 5545 §3.6.1)
    if not (date_bounds.in_range(start_utc) and date_bounds.in_range(end_utc)):
        return None
    start_wall, start_fold = _wall(start_utc, zone)
    end_wall, end_fold = _wall(end_utc, zone)
    return False, start_wall, end_wall, start_fold, end_fold, zone, start_utc, end_utc


def _zone_of(value: datetime, client_zone: str) -> str:
    """The IANA zone a file's time is in: its TZID when it is one, "UTC" for a UTC time, else the client's."""
    tz: tzinfo | None = value.tzinfo
    if tz is None:
        return client_zone
    key = getattr(tz, "key", None) or getattr(tz, "zone", None)
    if isinstance(key, str) and timezones.is_zone(key):
        return timezones.check_zone(key)
    if tz is UTC or (value.utcoffset() == timedelta(0) and value.tzname() in ("UTC", "Z", "GMT")):
        return "UTC"
    return client_zone  # a zone only the file's VTIMEZONE knows: its instants, shown on the client's clock


def _instant(value: object, zone: str) -> datetime:
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            return timezones.localize_shifting_gaps(value.replace(tzinfo=None), zone)[0]
        return value.astimezone(UTC)
    if _is_date(value):
        return timezones.localize_shifting_gaps(datetime.combine(value, time(0)), zone)[0]  # type: ignore[arg-type]
    raise ValueError(f"{value!r} is not a date or a time")


def _wall(instant: datetime, zone: str) -> tuple[datetime, int]:
    """The wall time of `instant` in `zone` and its fold (1: the second pass of a time the clocks show twice)."""
    wall = timezones.wall_at(instant, zone)
    res = timezones.resolve(wall, zone)
    return wall, 1 if res.ambiguous and res.instant != instant else 0


def _is_date(value: object) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


def _recurrence_key(value: object) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        return value.strftime("%Y%m%dT%H%M%S")
    if isinstance(value, date):
        return value.strftime("%Y%m%d")
    return str(value)[:32]


def _folded(text: str) -> str:
    bare = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in bare if not unicodedata.combining(ch))


def guess_kind(ev: icalendar.Event, title: str) -> str:
    """The event's kind: named by X-NOMADCM-KIND or a CATEGORIES value, else by a word of its title."""
    named = [str(ev.get("X-NOMADCM-KIND", ""))]
    categories = ev.get("CATEGORIES")
    for prop in (
        categories if isinstance(categories, list) else [categories] if categories is not None else []
    ):
        named.extend(str(c) for c in getattr(prop, "cats", [prop]))
    for value in named:
        word = _folded(value.strip())
        for kind in EVENT_KINDS:
            if word in _CATEGORY_NAMES[kind]:
                return kind
    words = " ".join(_folded(title).replace("-", " ").replace("'", " ").replace("’", " ").split())
    tokens = set(words.split())
    for kind, names in _TITLE_WORDS:
        if any((f" {name} " in f" {words} ") if " " in name else name in tokens for name in names):
            return kind
    return "event"
