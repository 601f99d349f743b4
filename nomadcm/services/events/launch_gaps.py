"""The `launch` conflict of an event: a client's launch with no post of that client in the N hours before it,
during it, or in the N hours after it (N: the client's launch window, 24 by default).

Posts are those the schedule query gives (each occurrence of a recurring post), scheduled or published —
a draft is not a post that goes out. The user can acknowledge a launch left alone ("the client announces it
himself"); acknowledgements live in `event_ack` and can be undone, like the posts' ones.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, select

from nomadcm import timezones
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.models.events import ClientEvent, EventAck
from nomadcm.services.changes import Change, change
from nomadcm.services.events.events import DEFAULT_LAUNCH_WINDOW, EVENT_AREAS, EventService
from nomadcm.services.events.records import EventInfo
from nomadcm.services.schedule.query import ScheduleFilter, ScheduleQuery
from nomadcm.storage import Database
from nomadcm.vocabulary import EVENT_CONFLICT_KINDS

LAUNCH = "launch"
COUNTED_STATUSES = ("scheduled", "published")


@dataclass(frozen=True)
class LaunchGap:
    """A launch with no post around it: the launch, its window, and whether the user said it is fine."""

    event: EventInfo
    window_hours: int
    acknowledged: bool = False
    note: str = ""

    @property
    def kinds(self) -> tuple[str, ...]:
        return () if self.acknowledged else (LAUNCH,)

    @property
    def detail(self) -> str:
        return (
            f"no post of {self.event.client_name} in the {self.window_hours} h before or after the launch "
            f"“{self.event.title}” ({self.event.start_text()} {self.event.tz})"
        )

    def to_json(self) -> dict[str, object]:
        """The `event check --json` contract."""
        return {
            "event_id": self.event.id,
            "client": self.event.client_name,
            "title": self.event.title,
            "start": self.event.start_text(),
            "tz": self.event.tz,
            "start_utc": timezones.format_utc(self.event.start_utc),
            "window_hours": self.window_hours,
            "kinds": list(self.kinds),
            "acknowledged": [LAUNCH] if self.acknowledged else [],
            "detail": self.detail,
        }


class LaunchCheck:
    def __init__(self, db: Database) -> None:
        self.db = db

    def gaps(
        self,
        date_from: date | None = None,
        date_to: date | None = None,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        client_id: int | None = None,
        include_acknowledged: bool = False,
    ) -> list[LaunchGap]:
        """Launches with no post around them, in time order. Dates are the launches' own local dates
        (inclusive); `start`/`end` bound the instants they overlap."""
        if date_from and date_to and date_to < date_from:
            raise ValidationError(f"--to {date_to} is before --from {date_from}")
        events = EventService(self.db)
        launches = [
            e
            for e in events.list_events(kinds=[LAUNCH], client_id=client_id, start=start, end=end)
            if (date_from is None or e.last_date >= date_from)
            and (date_to is None or e.first_date <= date_to)
        ]
        if not launches:
            return []
        windows = events.launch_windows()
        reach = timedelta(hours=max([DEFAULT_LAUNCH_WINDOW, *windows.values()]))
        flt = ScheduleFilter(
            client_id=client_id,
            statuses=COUNTED_STATUSES,
            start=min(e.start_utc for e in launches) - reach,
            end=max(e.end_utc for e in launches) + reach + timedelta(seconds=1),
        )
        posts: dict[int, list[datetime]] = {}
        for o in ScheduleQuery(self.db, flt).stream():
            posts.setdefault(o.client_id, []).append(o.utc)  # in time order
        acks = self._acks([e.id for e in launches])
        found = []
        for e in launches:
            hours = windows.get(e.client_id, DEFAULT_LAUNCH_WINDOW)
            times = posts.get(e.client_id, [])
            i = bisect.bisect_left(times, e.start_utc - timedelta(hours=hours))
            if i < len(times) and times[i] <= e.end_utc + timedelta(hours=hours):
                continue  # a post in the window
            note = acks.get(e.id)
            if note is not None and not include_acknowledged:
                continue
            found.append(LaunchGap(e, hours, note is not None, note or ""))
        return found

    # ------------------------------------------------------------------ acknowledgements

    def acknowledge(self, event_id: int, kinds: list[str] | None = None, note: str = "") -> list[str]:
        """Marks conflicts of an event as fine; returns the kinds newly acknowledged."""
        wanted = list(dict.fromkeys(kinds or [LAUNCH]))
        for kind in wanted:
            if kind not in EVENT_CONFLICT_KINDS:
                raise ValidationError(
                    f"unknown event conflict kind {kind!r} (one of: {', '.join(EVENT_CONFLICT_KINDS)})"
                )
        with self.db.write() as s:
            if s.get(ClientEvent, event_id) is None:
                raise NotFoundError(f"no event with id {event_id}")
            have = set(s.scalars(select(EventAck.kind).where(EventAck.event_id == event_id)))
            added = [k for k in wanted if k not in have]
            for kind in added:
                s.add(EventAck(event_id=event_id, kind=kind, note=note.strip()))
        return added

    def unacknowledge(self, event_id: int) -> list[tuple[str, str, datetime]]:
        """Removes an event's acknowledgements; returns them as (kind, note, created_at)."""
        with self.db.write() as s:
            if s.get(ClientEvent, event_id) is None:
                raise NotFoundError(f"no event with id {event_id}")
            found = list(s.scalars(select(EventAck).where(EventAck.event_id == event_id)))
            removed = [(a.kind, a.note, a.created_at) for a in found]
            s.execute(delete(EventAck).where(EventAck.event_id == event_id))
        return removed

    def _restore(self, event_id: int, acks: list[tuple[str, str, datetime]]) -> None:
        with self.db.write() as s:
            if s.get(ClientEvent, event_id) is None:
                raise NotFoundError(f"event {event_id} no longer exists")
            have = set(s.scalars(select(EventAck.kind).where(EventAck.event_id == event_id)))
            for kind, note, created in acks:
                if kind not in have:
                    s.add(EventAck(event_id=event_id, kind=kind, note=note, created_at=created))

    def acknowledge_op(self, event_id: int, note: str = "") -> Change:
        added = self.acknowledge(event_id, None, note)

        def undo() -> Change:
            removed = self.unacknowledge(event_id)

            def redo() -> Change:
                self._restore(event_id, removed)
                return change(EVENT_AREAS, "acknowledge", undo)

            return change(EVENT_AREAS, "acknowledge", redo)

        return change(EVENT_AREAS, "acknowledge", undo if added else None, added)

    def unacknowledge_op(self, event_id: int) -> Change:
        removed = self.unacknowledge(event_id)

        def undo() -> Change:
            self._restore(event_id, removed)
            return change(EVENT_AREAS, "unacknowledge", lambda: self.unacknowledge_op(event_id))

        return change(EVENT_AREAS, "unacknowledge", undo if removed else None, removed)

    def _acks(self, event_ids: list[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        with self.db.session() as s:
            for k in range(0, len(event_ids), 900):
                chunk = event_ids[k : k + 900]
                stmt = select(EventAck.event_id, EventAck.note).where(
                    EventAck.event_id.in_(chunk), EventAck.kind == LAUNCH
                )
                out.update({int(i): n for i, n in s.execute(stmt)})
        return out
