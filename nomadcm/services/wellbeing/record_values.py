"""What a screen session or a rest period is, as both faces and every importer see it, and the checks of
its values (device, rest kind, sleep quality, a span's length).

No database here: the importers (ActivityWatch, rest CSV, Android sleep) check each row with these before
the one write, and `records.WellbeingService` checks the rows a person types with the same functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from nomadcm import date_bounds, timezones
from nomadcm.errors import ValidationError
from nomadcm.models import DEVICES, REST_KINDS

MAX_SCREEN = timedelta(hours=24)
MAX_REST = timedelta(days=31)


@dataclass(frozen=True)
class ScreenInfo:
    id: int
    device: str
    start: datetime
    end: datetime
    tz: str
    client_id: int | None = None
    client_name: str = ""
    workplace_id: int | None = None
    activity: str = ""
    source: str = "manual"
    source_id: str | None = None
    # The client's and place's UUIDs as stored (services/wellbeing/personal_file.py): on a team database the
    # session lives in her own file and names them only so; `client_id`/`workplace_id` are then resolved.
    client_uuid: str | None = None
    workplace_uuid: str | None = None

    @property
    def minutes(self) -> float:
        return (self.end - self.start).total_seconds() / 60


@dataclass(frozen=True)
class RestInfo:
    id: int
    kind: str
    start: datetime
    end: datetime
    tz: str
    quality: int | None = None
    note: str = ""
    source: str = "manual"
    source_id: str | None = None

    @property
    def minutes(self) -> float:
        return (self.end - self.start).total_seconds() / 60


def check_device(device: str) -> str:
    value = (device or "").strip().lower()
    if value not in DEVICES:
        raise ValidationError(f"device {device!r} is not one of {', '.join(DEVICES)}")
    return value


def check_kind(kind: str) -> str:
    value = (kind or "").strip().lower().replace("-", "_")
    if value not in REST_KINDS:
        raise ValidationError(f"rest kind {kind!r} is not one of {', '.join(REST_KINDS)}")
    return value


def check_quality(quality: Any) -> int | None:
    if quality is None or quality == "":
        return None
    try:
        value = int(quality)
    except (TypeError, ValueError):
        raise ValidationError(f"sleep quality {quality!r} is not a whole number 0-5") from None
    if not 0 <= value <= 5 or str(quality).strip() not in (str(value), f"{value}.0"):
        raise ValidationError(f"sleep quality {quality!r} is not a whole number 0-5")
    return value


# A clock a little ahead, a timer stopped this minute: the slack the speed tests and work sessions allow too.
FUTURE_SLACK = timedelta(minutes=5)


def check_past(end: datetime, what: str, now: datetime | None = None) -> None:
    """Screen time is logged once it has happened (as speed tests and work sessions are): an end after now is
    refused, naming it."""
    if timezones.ensure_utc(end) > (now or timezones.now_utc()) + FUTURE_SLACK:
        raise ValidationError(
            f"{what} cannot end in the future ({timezones.format_utc(end)}): log it once it has happened"
        )


def check_span(start: datetime, end: datetime, longest: timedelta, what: str) -> tuple[datetime, datetime]:
    start, end = timezones.ensure_utc(start), timezones.ensure_utc(end)
    date_bounds.check_span(start, end, what)
    if end <= start:
        raise ValidationError(
            f"{what} ends ({timezones.format_utc(end)}) before it starts ({timezones.format_utc(start)})"
        )
    if end - start > longest:
        hours = (end - start).total_seconds() / 3600
        raise ValidationError(
            f"{what} lasts {hours:.1f} h, more than {longest.total_seconds() / 3600:.0f} h: check the dates"
        )
    return start, end
