"""ICS readers NomadCM did not write, for the tests that hold exported calendars against the CSV's instants
(tests/exchange/test_ics_readers.py, tests/test_one_truth.py).

Each reader parses the file and expands every series (RRULE, EXDATE, RECURRENCE-ID) over a range of
instants; a reading is a Counter of (post id, start, end), both aware UTC:

- "icalendar": icalendar's parser with recurring-ical-events' expansion; the TZIDs are the zones of
  Python's zoneinfo (tzdata), the file's VTIMEZONEs unused;
- "ical": allenporter's `ical` (the library behind Home Assistant's local calendar), strict pydantic
  models and its own expansion; IANA TZIDs read from its own copy of the tz database;
- "vtimezone": icalendar + recurring-ical-events again, with every TZID renamed so that no reader knows it:
  the zones come from the file's VTIMEZONEs only (dateutil's tzical), as in calendars that trust the file;
- "ical-vtimezone": `ical` on the same renamed file (its own VTIMEZONE reader).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime

import icalendar
import recurring_ical_events
from ical.calendar_stream import IcsCalendarStream

Reading = Counter  # type: ignore[type-arg]  # (post id, start, end) -> how many events
RANGE = (datetime(2020, 1, 1, tzinfo=UTC), datetime(2040, 1, 1, tzinfo=UTC))


def _utc(value: object, what: str) -> datetime:
    assert isinstance(value, datetime) and value.tzinfo is not None, f"floating or all-day {what}: {value!r}"
    return value.astimezone(UTC)


def read_icalendar(text: str, start: datetime = RANGE[0], end: datetime = RANGE[1]) -> Reading:
    cal = icalendar.Calendar.from_ical(text)
    found: Reading = Counter()
    for ev in recurring_ical_events.of(cal).between(start, end):
        found[
            (
                int(str(ev["X-NOMADCM-POST-ID"])),
                _utc(ev["DTSTART"].dt, "DTSTART"),
                _utc(ev["DTEND"].dt, "DTEND"),
            )
        ] += 1
    return found


def read_ical(text: str, start: datetime = RANGE[0], end: datetime = RANGE[1]) -> Reading:
    cal = IcsCalendarStream.calendar_from_ics(text)
    found: Reading = Counter()
    for ev in cal.timeline_tz(UTC).overlapping(start, end):
        (post_id,) = (x.value for x in ev.extras if x.name.upper() == "X-NOMADCM-POST-ID")
        found[(int(post_id), _utc(ev.dtstart, "DTSTART"), _utc(ev.end, "DTEND"))] += 1
    return found


_readings = itertools.count()


def unknown_zones(text: str) -> str:
    """The file with every TZID renamed to one no reader knows (a new name each time: icalendar keeps the
    zones it built from a VTIMEZONE by TZID, across files)."""
    prefix = f"NomadCM-test-{next(_readings)}-"
    unknown = re.sub(
        r"(TZID[=:])([A-Za-z_]+(?:/[A-Za-z_+\-0-9]+)+)",
        lambda m: f"{m.group(1)}{prefix}{m.group(2).replace('/', '-')}",
        text,
    )
    assert unknown == text or prefix in unknown
    return unknown


def read_vtimezone(text: str, start: datetime = RANGE[0], end: datetime = RANGE[1]) -> Reading:
    return read_icalendar(unknown_zones(text), start, end)


def read_ical_vtimezone(text: str, start: datetime = RANGE[0], end: datetime = RANGE[1]) -> Reading:
    return read_ical(unknown_zones(text), start, end)


READERS: dict[str, Callable[..., Reading]] = {
    "icalendar": read_icalendar,
    "ical": read_ical,
    "vtimezone": read_vtimezone,
    "ical-vtimezone": read_ical_vtimezone,
}
