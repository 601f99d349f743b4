"""The events of the clients: listed by instants, typed by hand, their kind changed, removed; each write with
its `*_op` twin for the GUI's undo (services/changes.py), whose undo writes the rows back as they were
(services/row_states.py).

Events read from a client's calendar belong to it: a new reading updates them, so only their kind and notes
can be changed here (and survive the next reading); removing one is refused — the calendar is removed
instead (`calendars.CalendarService.remove`), or the event deleted in the client's calendar.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, delete, insert, or_, select, update
from sqlalchemy.orm import Session

from nomadcm import timezones
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.models import Client
from nomadcm.models.events import ClientEvent, ClientEventPrefs, EventAck, EventCalendar
from nomadcm.services import row_states
from nomadcm.services.changes import CONFLICTS, EVENTS, Change, change
from nomadcm.services.events.records import (
    EventDraft,
    EventInfo,
    check_kind,
    check_notes,
    check_title,
    resolve_draft,
)
from nomadcm.storage import Database

EVENT_AREAS = frozenset({EVENTS, CONFLICTS})  # a closure or a launch changes what conflicts
DEFAULT_LAUNCH_WINDOW = 24  # hours before and after a launch in which a post is wanted
MAX_LAUNCH_WINDOW = 720


class EventService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # ------------------------------------------------------------------ reading

    def list_events(
        self,
        *,
        client_id: int | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
        kinds: Collection[str] | None = None,
        calendar_id: int | None = None,
        ids: Collection[int] | None = None,
    ) -> list[EventInfo]:
        """Events overlapping [start, end) (an instant-long event at `start` included), in time order."""
        stmt = _info_select()
        if client_id is not None:
            stmt = stmt.where(ClientEvent.client_id == client_id)
        if calendar_id is not None:
            stmt = stmt.where(ClientEvent.calendar_id == calendar_id)
        if kinds is not None:
            stmt = stmt.where(ClientEvent.kind.in_([check_kind(k) for k in kinds]))
        if ids is not None:
            stmt = stmt.where(ClientEvent.id.in_(list(ids)))
        if end is not None:
            stmt = stmt.where(ClientEvent.start_utc < end)
        if start is not None:
            stmt = stmt.where(
                or_(
                    ClientEvent.end_utc > start,
                    and_(ClientEvent.end_utc == ClientEvent.start_utc, ClientEvent.start_utc >= start),
                )
            )
        stmt = stmt.order_by(ClientEvent.start_utc, ClientEvent.id)
        with self.db.session() as s:
            return [_event_info(row) for row in s.execute(stmt)]

    def get(self, event_id: int) -> EventInfo:
        found = self.list_events(ids=[event_id])
        if not found:
            raise NotFoundError(f"no event with id {event_id}")
        return found[0]

    # ------------------------------------------------------------------ writing

    def add(self, draft: EventDraft) -> EventInfo:
        """A new event typed by hand."""
        with self.db.write() as s:
            values = _draft_values(s, draft)
            event_id = s.execute(insert(ClientEvent).values(**values)).inserted_primary_key[0]
        return self.get(int(event_id))

    def update(self, event_id: int, draft: EventDraft) -> EventInfo:
        """Every field of an event typed by hand; of a calendar's event, only its kind and notes."""
        with self.db.write() as s:
            row = _row(s, event_id)
            if row.calendar_id is None:
                values = _draft_values(s, draft)
            else:
                kind, notes = check_kind(draft.kind), check_notes(draft.notes)
                values = {"kind": kind, "kind_by_hand": row.kind_by_hand or kind != row.kind, "notes": notes}
            s.execute(update(ClientEvent).where(ClientEvent.id == event_id).values(**values))
        return self.get(event_id)

    def set_kind(self, event_id: int, kind: str) -> EventInfo:
        """The kind of any event; a calendar's next reading keeps it."""
        kind = check_kind(kind)
        with self.db.write() as s:
            _row(s, event_id)
            s.execute(
                update(ClientEvent).where(ClientEvent.id == event_id).values(kind=kind, kind_by_hand=True)
            )
        return self.get(event_id)

    def delete(self, ids: Iterable[int]) -> list[EventInfo]:
        """Removes events typed by hand (all, or none); returns them."""
        wanted = list(dict.fromkeys(ids))
        found = {e.id: e for e in self.list_events(ids=wanted)}
        for event_id in wanted:
            event = found.get(event_id)
            if event is None:
                raise NotFoundError(f"no event with id {event_id}")
            if not event.by_hand:
                raise ValidationError(
                    f"event {event_id} comes from the calendar {event.calendar_name!r}: delete it in the "
                    f"client's calendar, or remove that calendar (event remove --calendar {event.calendar_id})"
                )
        with self.db.write() as s:
            s.execute(delete(ClientEvent).where(ClientEvent.id.in_(wanted)))
        return [found[i] for i in wanted]

    # ------------------------------------------------------------------ launch window (a client setting)

    def launch_window(self, client_id: int) -> int:
        """Hours before and after a launch in which the client wants a post (default 24)."""
        with self.db.session() as s:
            hours = s.scalar(
                select(ClientEventPrefs.launch_window_hours).where(ClientEventPrefs.client_id == client_id)
            )
        return int(hours) if hours is not None else DEFAULT_LAUNCH_WINDOW

    def launch_windows(self) -> dict[int, int]:
        """Every client's launch window that is not the default, by client id."""
        with self.db.session() as s:
            rows = s.execute(select(ClientEventPrefs.client_id, ClientEventPrefs.launch_window_hours))
            return {int(c): int(h) for c, h in rows}

    def set_launch_window(self, client_id: int, hours: int) -> int:
        if isinstance(hours, bool) or not isinstance(hours, int) or not 1 <= hours <= MAX_LAUNCH_WINDOW:
            raise ValidationError(
                f"launch window {hours!r} is not a number of hours from 1 to {MAX_LAUNCH_WINDOW}"
            )
        with self.db.write() as s:
            if s.get(Client, client_id) is None:
                raise NotFoundError(f"no client with id {client_id}")
            prefs = s.scalar(select(ClientEventPrefs).where(ClientEventPrefs.client_id == client_id))
            if prefs is None:
                s.add(ClientEventPrefs(client_id=client_id, launch_window_hours=hours))
            else:
                prefs.launch_window_hours = hours
        return hours

    # ------------------------------------------------------------------ the GUI's undoable twins

    def add_op(self, draft: EventDraft) -> Change:
        info = self.add(draft)
        after = self._state([info.id])
        return self._swap("add_event", _emptied(after), after, info, info.title)

    def update_op(self, event_id: int, draft: EventDraft) -> Change:
        before = self._state([event_id])
        info = self.update(event_id, draft)
        return self._swap("edit_event", before, self._state([event_id]), info, info.title)

    def set_kind_op(self, event_id: int, kind: str) -> Change:
        before = self._state([event_id])
        info = self.set_kind(event_id, kind)
        return self._swap("edit_event", before, self._state([event_id]), info, info.title)

    def delete_op(self, ids: Iterable[int]) -> Change:
        wanted = list(dict.fromkeys(ids))
        before = self._state(wanted)
        removed = self.delete(wanted)
        subject = removed[0].title if len(removed) == 1 else ""
        return row_states.swap(
            self.db,
            EVENT_AREAS,
            "delete_events",
            before,
            _emptied(before),
            removed,
            count=len(removed),
            subject=subject,
        )

    def set_launch_window_op(self, client_id: int, hours: int) -> Change:
        old = self.launch_window(client_id)
        self.set_launch_window(client_id, hours)

        def undo() -> Change:
            self.set_launch_window(client_id, old)
            return change(EVENT_AREAS, "launch_window", lambda: self.set_launch_window_op(client_id, hours))

        return change(EVENT_AREAS, "launch_window", undo if old != hours else None, hours)

    def _swap(
        self, label: str, before: row_states.RowState, after: row_states.RowState, result: Any, subject: str
    ) -> Change:
        return row_states.swap(self.db, EVENT_AREAS, label, before, after, result, subject=subject)

    def _state(self, event_ids: list[int]) -> row_states.RowState:
        """The rows of these events and of their acknowledgements, as they are now."""
        with self.db.session() as s:
            ack_ids = list(s.scalars(select(EventAck.id).where(EventAck.event_id.in_(event_ids))))
            return row_states.capture(s, [(ClientEvent.__table__, event_ids), (EventAck.__table__, ack_ids)])


def _emptied(state: row_states.RowState) -> row_states.RowState:
    """The same rows, none present: what undoing an insert, or redoing a delete, writes."""
    return tuple(row_states.TableState(t.table, t.ids, ()) for t in state)


# --------------------------------------------------------------------------- rows


def _info_select() -> Select[Any]:
    return (
        select(ClientEvent, Client.name, Client.colour, Client.audience_tz, EventCalendar.name)
        .join(Client, ClientEvent.client_id == Client.id)
        .outerjoin(EventCalendar, ClientEvent.calendar_id == EventCalendar.id)
    )


def _event_info(row: Any) -> EventInfo:
    e, client_name, colour, audience_tz, calendar_name = row
    return EventInfo(
        e.id,
        e.client_id,
        client_name,
        colour,
        audience_tz,
        e.calendar_id,
        calendar_name or "",
        e.uid,
        e.recurrence_id,
        e.title,
        e.kind,
        bool(e.kind_by_hand),
        bool(e.all_day),
        e.start_wall,
        e.end_wall,
        e.start_fold,
        e.end_fold,
        e.tz,
        e.start_utc,
        e.end_utc,
        e.notes,
    )


def _row(s: Session, event_id: int) -> ClientEvent:
    row = s.get(ClientEvent, event_id)
    if row is None:
        raise NotFoundError(f"no event with id {event_id}")
    return row


def _draft_values(s: Session, draft: EventDraft) -> dict[str, Any]:
    client = s.get(Client, draft.client_id)
    if client is None:
        raise NotFoundError(f"no client with id {draft.client_id}")
    title, kind, notes = check_title(draft.title), check_kind(draft.kind), check_notes(draft.notes)
    times = resolve_draft(draft, client.audience_tz)
    return {
        "client_id": client.id,
        "title": title,
        "kind": kind,
        "notes": notes,
        "all_day": times.all_day,
        "start_wall": times.start_wall,
        "end_wall": times.end_wall,
        "start_fold": times.start_fold,
        "end_fold": times.end_fold,
        "tz": times.tz,
        "start_utc": times.start_utc,
        "end_utc": times.end_utc,
    }


def follow_wall_times(s: Session) -> int:
    """Every event's instants recomputed from its wall times (new zone rules shipped); how many moved. A wall
    time the new rules put in a gap moves past it, as generated times do."""
    moved = 0
    rows = s.execute(
        select(ClientEvent.id, ClientEvent.start_wall, ClientEvent.end_wall, ClientEvent.start_fold,
               ClientEvent.end_fold, ClientEvent.tz, ClientEvent.start_utc, ClientEvent.end_utc)
    ).all()  # fmt: skip
    for event_id, start_wall, end_wall, start_fold, end_fold, tz, start_utc, end_utc in rows:
        start = timezones.localize_shifting_gaps(start_wall, tz, start_fold)[0]
        end = max(start, timezones.localize_shifting_gaps(end_wall, tz, end_fold)[0])
        if (start, end) != (start_utc, end_utc):
            s.execute(
                update(ClientEvent).where(ClientEvent.id == event_id).values(start_utc=start, end_utc=end)
            )
            moved += 1
    return moved
