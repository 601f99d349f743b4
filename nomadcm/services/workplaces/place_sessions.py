"""A place's "worked here" sessions: the `log_work` / `work_sessions` / `delete_work_session` half of
WorkplaceService (a mixin: `self` is the WorkplaceService).

A session is a `ScreenSession(device="laptop", source="workplace")` from-to in the place's zone, which the
wellbeing area counts as screen time; logging one marks the visit (the place's last visit, the checklist of
the stay it falls in). Sessions never overlap one another, last at most 24 hours and never end in the future.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from nomadcm import date_bounds, timezones
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.models import ScreenSession, Workplace
from nomadcm.services.settings import SettingsService
from nomadcm.services.workplaces.place_fields import line_check

if TYPE_CHECKING:
    from nomadcm.storage import Database

MAX_SESSION = timedelta(hours=24)
FUTURE_SLACK = timedelta(minutes=5)


@dataclass(frozen=True)
class WorkSessionInfo:
    id: int
    workplace_id: int | None
    start: datetime  # aware UTC
    end: datetime
    tz: str
    activity: str
    client_id: int | None

    @property
    def duration(self) -> timedelta:
        return self.end - self.start


class PlaceSessions:
    """The "worked here" half of WorkplaceService."""

    db: Database

    if TYPE_CHECKING:  # WorkplaceService's

        def _place(self, s: Session, place_id: int) -> Workplace: ...

        def _mark_visit(
            self, s: Session, place: Workplace, at: datetime, *, tested: bool = False
        ) -> None: ...

    def log_work(
        self,
        place_id: int,
        start: datetime,
        end: datetime,
        activity: str = "",
        client_id: int | None = None,
    ) -> WorkSessionInfo:
        """A laptop session at the place, counted by the wellbeing area as screen time."""
        start, end = timezones.ensure_utc(start), timezones.ensure_utc(end)
        date_bounds.check_span(start, end, "work session")
        if end <= start:
            raise ValidationError("a work session must end after it starts")
        if end - start > MAX_SESSION:
            raise ValidationError(f"a work session of {_hours(end - start)} is longer than 24 hours")
        if end > timezones.now_utc() + FUTURE_SLACK:
            raise ValidationError("a work session cannot end in the future: log it once it has happened")
        activity = line_check(200, "activity")(activity)
        with self.db.write() as s:
            place = self._place(s, place_id)
            clash = s.scalars(
                select(ScreenSession).where(
                    ScreenSession.source == "workplace",
                    ScreenSession.start_utc < end,
                    ScreenSession.end_utc > start,
                )
            ).first()
            if clash is not None:
                where = s.get(Workplace, clash.workplace_id) if clash.workplace_id else None
                zone = clash.tz
                raise ValidationError(
                    "this overlaps the work session "
                    f"{timezones.wall_at(clash.start_utc, zone):%Y-%m-%d %H:%M}–"
                    f"{timezones.wall_at(clash.end_utc, zone):%H:%M}" + (f" at {where.name}" if where else "")
                )
            session = ScreenSession(
                device="laptop",
                start_utc=start,
                end_utc=end,
                tz=place.tz or SettingsService(self.db).home_tz(),
                workplace_id=place_id,
                client_id=client_id,
                activity=activity,
                source="workplace",
            )
            s.add(session)
            self._mark_visit(s, place, start)
            s.flush()
            return _session_info(session)

    def work_sessions(self, place_id: int) -> list[WorkSessionInfo]:
        """Newest first."""
        with self.db.session() as s:
            rows = s.scalars(
                select(ScreenSession)
                .where(ScreenSession.workplace_id == place_id, ScreenSession.source == "workplace")
                .order_by(ScreenSession.start_utc.desc())
            )
            return [_session_info(r) for r in rows]

    def delete_work_session(self, session_id: int) -> None:
        with self.db.write() as s:
            row = s.get(ScreenSession, session_id)
            if row is None or row.source != "workplace":
                raise NotFoundError(f"no work session with id {session_id}")
            s.delete(row)


def _session_info(r: ScreenSession) -> WorkSessionInfo:
    return WorkSessionInfo(r.id, r.workplace_id, r.start_utc, r.end_utc, r.tz, r.activity, r.client_id)


def _hours(span: timedelta) -> str:
    minutes = int(span.total_seconds() // 60)
    return f"{minutes // 60} h {minutes % 60:02d}"
