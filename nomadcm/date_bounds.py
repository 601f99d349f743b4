"""The dates NomadCM accepts: 1970-01-01 to 2100-12-31, everywhere a date or a time comes in.

Why a range at all: past year 9999 Python's dates overflow (`year 10000 is out of range` in the check, an
OverflowError in the ICS export), and a post stored there broke other commands for good. Why this range: it
is the span timezones.py promises exact instants in (the tzdata rules; before 1970 the tz database keeps
only a zone's best guess), and it is wide enough for any plan a person makes.

Every face and importer asks here — the CLI's value parsers, the post checks (dialog, CLI, CSV, bulk files),
stays, screen time, rest, speed tests, visits — and the GUI's date pickers take their minimum and maximum
from `EARLIEST` and `LATEST`. Imports nothing of the data stack (the CLI parses options before opening it).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TypeVar

from nomadcm.errors import ValidationError

EARLIEST = date(1970, 1, 1)
LATEST = date(2100, 12, 31)
RANGE_TEXT = f"{EARLIEST.isoformat()} to {LATEST.isoformat()}"
_ZERO = timedelta(0)

D = TypeVar("D", date, datetime)


class DateOutOfRange(ValidationError):
    """A date outside `EARLIEST`..`LATEST`: the message names the value and the range."""


def in_range(value: date | datetime) -> bool:
    """Whether the date of `value` (an aware datetime: its date where it is) is one NomadCM handles."""
    day = value.date() if isinstance(value, datetime) else value
    return EARLIEST <= day <= LATEST


def describe(value: date | datetime) -> str:
    """`value` as ISO text with four-digit years on every platform (strftime's %Y gives '1' on glibc)."""
    if isinstance(value, datetime):
        text = value.replace(tzinfo=None).isoformat(sep=" ", timespec="minutes")
        return text + ("Z" if value.tzinfo is not None and value.utcoffset() == _ZERO else "")
    return value.isoformat()


def out_of_range_message(value: date | datetime, what: str = "") -> str:
    prefix = f"{what}: " if what else ""
    return f"{prefix}{describe(value)} is outside the dates NomadCM handles ({RANGE_TEXT})"


def check_date(value: D, what: str = "") -> D:
    """`value` itself, or DateOutOfRange naming `what` (an option, a field) and the value."""
    if not in_range(value):
        raise DateOutOfRange(out_of_range_message(value, what))
    return value


def check_span(start: date | datetime, end: date | datetime, what: str = "") -> None:
    """Both ends of a stay, a session, a visit... inside the range."""
    check_date(start, f"{what} start" if what else "start")
    check_date(end, f"{what} end" if what else "end")
