"""What an event is to the faces (`EventInfo`, `CalendarInfo`), what a person types (`EventDraft`), and how a
draft becomes stored values: checked, its wall times resolved in its zone, each refusal naming the value.

No Qt, no database: `events.EventService` stores what `resolve_draft` returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from nomadcm import date_bounds, timezones
from nomadcm.errors import ValidationError
from nomadcm.services.names import single_line
from nomadcm.vocabulary import EVENT_KINDS

DEFAULT_LENGTH = timedelta(hours=1)  # a timed event typed without an end
MAX_TITLE = 500
MAX_NOTES = 20_000


@dataclass(frozen=True)
class EventDraft:
    """An event as typed: wall times in `tz` (default: the client's audience zone), or dates when `all_day`
    (`end` is then the last date, inclusive). `end` None: one hour after a start, the same day for all-day."""

    client_id: int
    title: str
    start: datetime | date
    end: datetime | date | None = None
    kind: str = "event"
    all_day: bool = False
    notes: str = ""
    tz: str | None = None
    start_fold: int = 0
    end_fold: int = 0


@dataclass(frozen=True)
class StoredTimes:
    """A draft's times as stored: naive walls, folds, zone, and the instants they mean."""

    all_day: bool
    start_wall: datetime
    end_wall: datetime
    start_fold: int
    end_fold: int
    tz: str
    start_utc: datetime
    end_utc: datetime


@dataclass(frozen=True)
class EventInfo:
    id: int
    client_id: int
    client_name: str
    colour: str
    audience_tz: str
    calendar_id: int | None  # None: typed by hand
    calendar_name: str
    uid: str
    recurrence_id: str
    title: str
    kind: str
    kind_by_hand: bool
    all_day: bool
    start_wall: datetime
    end_wall: datetime
    start_fold: int
    end_fold: int
    tz: str
    start_utc: datetime
    end_utc: datetime
    notes: str

    @property
    def by_hand(self) -> bool:
        return self.calendar_id is None

    @property
    def recurring(self) -> bool:
        """An occurrence of a series of the client's calendar."""
        return self.recurrence_id != ""

    @property
    def first_date(self) -> date:
        return self.start_wall.date()

    @property
    def last_date(self) -> date:
        """The last date an all-day event covers (its end is the midnight after it)."""
        return (self.end_wall - timedelta(days=1)).date() if self.all_day else self.end_wall.date()

    def covers(self, instant: datetime) -> bool:
        return self.start_utc <= instant < self.end_utc

    def start_text(self) -> str:
        return self.first_date.isoformat() if self.all_day else f"{self.start_wall:%Y-%m-%d %H:%M}"

    def end_text(self) -> str:
        return self.last_date.isoformat() if self.all_day else f"{self.end_wall:%Y-%m-%d %H:%M}"

    def to_json(self) -> dict[str, object]:
        """The `event list --json` contract: all-day events give dates (the last one inclusive), timed ones
        wall times in `tz`; both give their instants in UTC."""
        return {
            "id": self.id,
            "client": self.client_name,
            "client_id": self.client_id,
            "title": self.title,
            "kind": self.kind,
            "all_day": self.all_day,
            "start": self.start_text(),
            "end": self.end_text(),
            "tz": self.tz,
            "start_utc": timezones.format_utc(self.start_utc),
            "end_utc": timezones.format_utc(self.end_utc),
            "notes": self.notes,
            "calendar_id": self.calendar_id,
            "calendar": self.calendar_name or None,
            "uid": self.uid or None,
            "recurrence_id": self.recurrence_id or None,
        }


@dataclass(frozen=True)
class CalendarInfo:
    id: int
    client_id: int
    client_name: str
    name: str
    url: str | None  # None: an imported file
    fetched_at: datetime | None
    expanded_at: datetime | None
    last_error: str
    events: int

    @property
    def subscribed(self) -> bool:
        return self.url is not None

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "client": self.client_name,
            "client_id": self.client_id,
            "name": self.name,
            "url": shown_url(self.url) if self.url else None,
            "fetched_at": timezones.format_utc(self.fetched_at) if self.fetched_at else None,
            "last_error": self.last_error or None,
            "events": self.events,
        }


def shown_url(url: str) -> str:
    """A calendar's address as messages and tables show it: without the `user:password@` it may carry."""
    head, sep, rest = url.partition("://")
    if not sep:
        return url
    host, slash, path = rest.partition("/")
    return f"{head}://{host.rpartition('@')[2]}{slash}{path}"


# --------------------------------------------------------------------------- checks


def check_kind(kind: str) -> str:
    value = str(kind).strip().lower()
    if value not in EVENT_KINDS:
        raise ValidationError(f"unknown event kind {kind!r} (one of: {', '.join(EVENT_KINDS)})")
    return value


def check_title(title: str) -> str:
    value = single_line(title)
    if not value:
        raise ValidationError("an event needs a title")
    if len(value) > MAX_TITLE:
        raise ValidationError(f"event title {value[:40]!r}… is longer than {MAX_TITLE} characters")
    return value


def check_notes(notes: str) -> str:
    if len(notes) > MAX_NOTES:
        raise ValidationError(f"event notes are longer than {MAX_NOTES} characters")
    return notes


def check_fold(fold: int, what: str) -> int:
    if fold not in (0, 1):
        raise ValidationError(f"{what} fold {fold!r} is not 0 (first) or 1 (second)")
    return fold


def resolve_draft(draft: EventDraft, client_zone: str) -> StoredTimes:
    """The stored times of a typed event. A wall time in a DST gap is refused with the first valid time
    proposed; an ambiguous one is the first pass unless its fold says the second; the end must not come
    before the start; every date lies in 1970..2100."""
    zone = timezones.check_zone(draft.tz or client_zone)
    if draft.all_day:
        first = _as_date(draft.start, "start")
        last = _as_date(draft.end, "end") if draft.end is not None else first
        date_bounds.check_date(first, "event start")
        date_bounds.check_date(last, "event end")
        if last < first:
            raise ValidationError(f"event end {last.isoformat()} is before its start {first.isoformat()}")
        start_wall = datetime.combine(first, time(0))
        end_wall = datetime.combine(last + timedelta(days=1), time(0))
        start_utc = timezones.localize_shifting_gaps(start_wall, zone)[0]
        end_utc = timezones.localize_shifting_gaps(end_wall, zone)[0]
        return StoredTimes(True, start_wall, end_wall, 0, 0, zone, start_utc, end_utc)
    start = _as_wall(draft.start, "start")
    end = _as_wall(draft.end, "end") if draft.end is not None else start + DEFAULT_LENGTH
    date_bounds.check_date(start, "event start")
    date_bounds.check_date(end, "event end")
    start_fold = check_fold(draft.start_fold, "start")
    end_fold = check_fold(draft.end_fold, "end") if draft.end is not None else start_fold
    start_utc = _typed_instant(start, zone, start_fold, "start")
    end_utc = _typed_instant(end, zone, end_fold, "end")
    if end_utc < start_utc:
        raise ValidationError(f"event end {end:%Y-%m-%d %H:%M} is before its start {start:%Y-%m-%d %H:%M}")
    return StoredTimes(False, start, end, start_fold, end_fold, zone, start_utc, end_utc)


def _typed_instant(wall: datetime, zone: str, fold: int, what: str) -> datetime:
    res = timezones.resolve(wall, zone, fold)
    if res.gap is not None:
        raise ValidationError(
            f"event {what} {wall:%Y-%m-%d %H:%M} does not exist in {zone} (the clocks jump forward): "
            f"use {res.gap.end:%H:%M}"
        )
    assert res.instant is not None
    return res.instant


def _as_date(value: object, what: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise ValidationError(f"event {what} {value!r} is not a date")


def _as_wall(value: object, what: str) -> datetime:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            raise ValidationError(f"event {what} {value!r} must be a wall time, without a zone")
        return value.replace(second=0, microsecond=0)
    if isinstance(value, date):
        return datetime.combine(value, time(0))
    raise ValidationError(f"event {what} {value!r} is not a date and time")


def span_instants(start: date, end: date, zone: str) -> tuple[datetime, datetime]:
    """[start's midnight, the midnight after `end`) in `zone`, aware UTC: a range of local dates."""
    return (
        timezones.local_midnight(start, zone),
        timezones.local_midnight(end + timedelta(days=1), zone),
    )


def naive_utc(instant: datetime) -> datetime:
    return instant.astimezone(UTC).replace(tzinfo=None)
