"""The calendars a client's events come from: an imported .ics file or a subscribed URL, and how a reading of
one is stored.

A reading (exchange/ics_events.py) is the calendar's occurrences inside a window (a year back, two ahead),
already expanded. `sync` makes the stored events of that calendar exactly those: an occurrence is known by
its UID and RECURRENCE-ID, so one already stored is updated in place (its id and acknowledgements stay, and a
kind the user chose is kept), a new one inserted, one the client deleted removed — reading the same file
twice changes nothing. The text read is kept with the calendar, so its window can move on while offline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from nomadcm import timezones
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.models import Client
from nomadcm.models.events import ClientEvent, EventAck, EventCalendar
from nomadcm.services import row_states
from nomadcm.services.changes import Change
from nomadcm.services.events.events import EVENT_AREAS
from nomadcm.services.events.records import CalendarInfo, shown_url
from nomadcm.services.names import single_line
from nomadcm.storage import Database

MAX_STORED_TEXT = 16 * 1024 * 1024  # characters of a calendar's last copy kept in the database
_FIELDS = ("title", "kind", "all_day", "start_wall", "end_wall", "start_fold", "end_fold", "tz",
           "start_utc", "end_utc", "notes")  # fmt: skip


@dataclass(frozen=True)
class ImportedEvent:
    """One occurrence read from a calendar, its times as stored (see models/events.py)."""

    uid: str
    recurrence_id: str
    title: str
    kind: str
    all_day: bool
    start_wall: datetime
    end_wall: datetime
    start_fold: int
    end_fold: int
    tz: str
    start_utc: datetime
    end_utc: datetime
    notes: str = ""


@dataclass
class SyncReport:
    """What a reading of a calendar changed."""

    calendar: CalendarInfo
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)  # events of the file left out, and why

    def to_json(self) -> dict[str, object]:
        return {
            "calendar": self.calendar.to_json(),
            "added": self.added,
            "updated": self.updated,
            "removed": self.removed,
            "unchanged": self.unchanged,
            "skipped": list(self.skipped),
        }


class CalendarService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list_calendars(self, client_id: int | None = None) -> list[CalendarInfo]:
        counts = (
            select(ClientEvent.calendar_id, func.count(ClientEvent.id).label("n"))
            .group_by(ClientEvent.calendar_id)
            .subquery()
        )
        stmt = (
            select(EventCalendar, Client.name, counts.c.n)
            .join(Client, EventCalendar.client_id == Client.id)
            .outerjoin(counts, counts.c.calendar_id == EventCalendar.id)
            .order_by(Client.name, EventCalendar.name, EventCalendar.id)
        )
        if client_id is not None:
            stmt = stmt.where(EventCalendar.client_id == client_id)
        with self.db.session() as s:
            return [_calendar_info(c, name, n) for c, name, n in s.execute(stmt)]

    def get(self, calendar_id: int) -> CalendarInfo:
        found = [c for c in self.list_calendars() if c.id == calendar_id]
        if not found:
            raise NotFoundError(f"no calendar with id {calendar_id}")
        return found[0]

    def stored_text(self, calendar_id: int) -> str:
        with self.db.session() as s:
            return _calendar(s, calendar_id).ics

    def find(self, client_id: int, *, url: str | None = None, name: str | None = None) -> CalendarInfo | None:
        """The client's subscription to `url`, or its imported file called `name`."""
        with self.db.session() as s:
            stmt = select(EventCalendar.id).where(EventCalendar.client_id == client_id)
            if url is not None:
                stmt = stmt.where(EventCalendar.url == url)
            else:
                stmt = stmt.where(EventCalendar.name == single_line(name or ""), EventCalendar.url.is_(None))
            found = s.scalar(stmt.limit(1))
        return self.get(int(found)) if found is not None else None

    def sync(
        self,
        client_id: int,
        name: str,
        events: list[ImportedEvent],
        text: str,
        *,
        url: str | None = None,
        calendar_id: int | None = None,
        fetched: bool = True,
        skipped: list[str] | None = None,
        now: datetime | None = None,
    ) -> SyncReport:
        """Stores a reading of a calendar (a new one when `calendar_id` is None): see the module's docstring.
        `fetched` False: `text` is the copy already stored, read again for a window that moved. `now`: the
        instant the reading's window was computed from."""
        report = SyncReport(calendar=None, skipped=list(skipped or []))  # type: ignore[arg-type]
        now = now or timezones.now_utc()
        with self.db.write() as s:
            if calendar_id is None:
                calendar_id = _new_calendar(s, client_id, name, url)
            calendar = _calendar(s, calendar_id)
            calendar.expanded_at = now
            calendar.last_error = ""
            if fetched:
                calendar.ics = text if len(text) <= MAX_STORED_TEXT else ""
                calendar.fetched_at = now
            _store(s, calendar, events, report)
        report.calendar = self.get(calendar_id)
        return report

    def record_failure(self, calendar_id: int, message: str) -> None:
        """A refresh that failed: the events stay as last read; the calendar says why."""
        with self.db.write() as s:
            _calendar(s, calendar_id).last_error = message[:2000]

    def remove(self, calendar_id: int) -> CalendarInfo:
        """Removes a calendar and every event read from it."""
        info = self.get(calendar_id)
        with self.db.write() as s:
            s.execute(delete(EventCalendar).where(EventCalendar.id == calendar_id))
        return info

    # ------------------------------------------------------------------ the GUI's undoable twins

    def state(self, calendar_id: int | None, extra_events: list[int] | None = None) -> row_states.RowState:
        """The rows of a calendar, its events and their acknowledgements, as they are now."""
        with self.db.session() as s:
            calendars = [calendar_id] if calendar_id is not None else []
            events = list(s.scalars(select(ClientEvent.id).where(ClientEvent.calendar_id.in_(calendars))))
            events = sorted(set(events) | set(extra_events or []))
            acks = list(s.scalars(select(EventAck.id).where(EventAck.event_id.in_(events))))
            return row_states.capture(
                s,
                [
                    (EventCalendar.__table__, calendars),
                    (ClientEvent.__table__, events),
                    (EventAck.__table__, acks),
                ],
            )

    def sync_op(
        self, client_id: int, name: str, events: list[ImportedEvent], text: str, **options: Any
    ) -> Change:
        """`sync` (result: the SyncReport); undo puts the calendar and its events back as they were before
        (a new calendar: removed), redo as this reading left them."""
        calendar_id = options.get("calendar_id")
        before = self.state(calendar_id)
        report = self.sync(client_id, name, events, text, **options)
        after = self.state(report.calendar.id)
        before, after = row_states.diff(_widened(before, after), after)
        return row_states.swap(
            self.db, EVENT_AREAS, "import_events", before, after, report, subject=report.calendar.name
        )

    def remove_op(self, calendar_id: int) -> Change:
        before = self.state(calendar_id)
        info = self.remove(calendar_id)
        after = tuple(row_states.TableState(t.table, t.ids, ()) for t in before)
        return row_states.swap(
            self.db, EVENT_AREAS, "remove_calendar", before, after, info, subject=info.name
        )


def _widened(before: row_states.RowState, after: row_states.RowState) -> row_states.RowState:
    """`before` speaking for the rows `after` holds too (a row new in `after` is absent from `before`)."""
    return tuple(
        row_states.TableState(b.table, b.ids | a.ids, b.rows) for b, a in zip(before, after, strict=True)
    )


# --------------------------------------------------------------------------- storing a reading


def _calendar(s: Session, calendar_id: int) -> EventCalendar:
    calendar = s.get(EventCalendar, calendar_id)
    if calendar is None:
        raise NotFoundError(f"no calendar with id {calendar_id}")
    return calendar


def _new_calendar(s: Session, client_id: int, name: str, url: str | None) -> int:
    if s.get(Client, client_id) is None:
        raise NotFoundError(f"no client with id {client_id}")
    base = single_line(name)[:180] or (shown_url(url)[:180] if url else "calendar")
    taken = set(s.scalars(select(EventCalendar.name).where(EventCalendar.client_id == client_id)))
    chosen, n = base, 2
    while chosen in taken:
        chosen, n = f"{base} ({n})", n + 1
    if url is not None and len(url) > 4000:
        raise ValidationError(f"calendar address {shown_url(url)[:80]!r}… is longer than 4000 characters")
    calendar = EventCalendar(client_id=client_id, name=chosen, url=url, ics="", last_error="")
    s.add(calendar)
    s.flush()
    return int(calendar.id)


def _store(s: Session, calendar: EventCalendar, events: list[ImportedEvent], report: SyncReport) -> None:
    """Makes the calendar's stored events exactly `events` (the last of two with one key wins)."""
    wanted = {(e.uid, e.recurrence_id): e for e in events}
    stored = {
        (r.uid, r.recurrence_id): r
        for r in s.execute(
            select(
                ClientEvent.id,
                ClientEvent.uid,
                ClientEvent.recurrence_id,
                ClientEvent.kind_by_hand,
                *(getattr(ClientEvent, f) for f in _FIELDS),
            ).where(ClientEvent.calendar_id == calendar.id)
        )
    }
    gone = [r.id for key, r in stored.items() if key not in wanted]
    for start in range(0, len(gone), 900):
        s.execute(delete(ClientEvent).where(ClientEvent.id.in_(gone[start : start + 900])))
    report.removed = len(gone)
    fresh, changed = [], []
    for key, e in wanted.items():
        values = {f: getattr(e, f) for f in _FIELDS}
        row = stored.get(key)
        if row is None:
            fresh.append({**values, "client_id": calendar.client_id, "calendar_id": calendar.id,
                          "uid": e.uid, "recurrence_id": e.recurrence_id, "kind_by_hand": False})  # fmt: skip
            continue
        if row.kind_by_hand:
            values["kind"] = row.kind
        if all(_same(getattr(row, f), v) for f, v in values.items()):
            report.unchanged += 1
        else:
            changed.append((row.id, values))
    for event_id, values in changed:
        s.execute(update(ClientEvent).where(ClientEvent.id == event_id).values(**values))
    for start in range(0, len(fresh), 500):
        s.execute(insert(ClientEvent), fresh[start : start + 500])
    report.added, report.updated = len(fresh), len(changed)


def _same(stored: object, new: object) -> bool:
    if isinstance(stored, datetime) and isinstance(new, datetime):
        if (stored.tzinfo is None) != (new.tzinfo is None):
            return False
        return stored == new
    return stored == new


def _calendar_info(c: EventCalendar, client_name: str, events: int | None) -> CalendarInfo:
    return CalendarInfo(
        c.id,
        c.client_id,
        client_name,
        c.name,
        c.url,
        c.fetched_at,
        c.expanded_at,
        c.last_error,
        int(events or 0),
    )
