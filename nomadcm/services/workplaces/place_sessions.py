"""A place's "worked here" sessions: the `log_work` / `work_sessions` / `delete_work_session` half of
WorkplaceService (a mixin: `self` is the WorkplaceService).

A session is a `ScreenSession(device="laptop", source="workplace")` from-to in the place's zone, which the
wellbeing area counts as screen time; logging one marks the visit (the place's last visit, the checklist of
the stay it falls in). Sessions never overlap one another, last at most 24 hours and never end in the future.

Sessions are wellbeing: on a team database they go to her own file (`personal_db`), naming the place and
client by UUID, while the visit is marked on the team's place (services/wellbeing/personal_file.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nomadcm import date_bounds, timezones
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.models import ScreenSession, Workplace
from nomadcm.services.settings import SettingsService
from nomadcm.services.wellbeing.personal_file import TeamRefs
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
    _personal: Callable[[], Database] | None

    @property
    def personal_db(self) -> Database:
        """Where the sessions are: her own file on a team database, else the database itself."""
        return self._personal() if self._personal is not None else self.db

    def _refs(self) -> TeamRefs:
        return TeamRefs(self.personal_db, self.db)

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
        refs = self._refs()
        zone = self._place_zone(place_id) if refs.split else ""  # NotFoundError naming it, nothing written
        links = refs.links(client_id, place_id)
        with self.personal_db.write() as s:
            self._refuse_overlap(s, start, end)
            if not refs.split:
                return self._log_here(s, place_id, start, end, activity, links.columns())
            session = self._session_row(start, end, zone, activity, links.columns())
            s.add(session)
            s.flush()
            info = _session_info(session, place_id, client_id)
        with self.db.write() as s:
            self._mark_visit(s, self._place(s, place_id), start)
        return info

    def _log_here(
        self, s: Session, place_id: int, start: datetime, end: datetime, activity: str, links: dict[str, Any]
    ) -> WorkSessionInfo:
        """The session and the visit in one write: the sessions sit beside the places (a SQLite file)."""
        place = self._place(s, place_id)
        session = self._session_row(
            start, end, place.tz or SettingsService(self.db).home_tz(), activity, links
        )
        s.add(session)
        self._mark_visit(s, place, start)
        s.flush()
        return _session_info(session)

    def _place_zone(self, place_id: int) -> str:
        with self.db.session() as s:
            return self._place(s, place_id).tz or SettingsService(self.db).home_tz()

    @staticmethod
    def _session_row(
        start: datetime, end: datetime, zone: str, activity: str, links: dict[str, Any]
    ) -> ScreenSession:
        return ScreenSession(
            device="laptop",
            start_utc=start,
            end_utc=end,
            tz=zone,
            activity=activity,
            source="workplace",
            **links,
        )

    def _refuse_overlap(self, s: Session, start: datetime, end: datetime) -> None:
        clash = s.scalars(
            select(ScreenSession).where(
                ScreenSession.source == "workplace",
                ScreenSession.start_utc < end,
                ScreenSession.end_utc > start,
            )
        ).first()
        if clash is None:
            return
        where = self._place_name(s, clash)
        zone = clash.tz
        raise ValidationError(
            "this overlaps the work session "
            f"{timezones.wall_at(clash.start_utc, zone):%Y-%m-%d %H:%M}–"
            f"{timezones.wall_at(clash.end_utc, zone):%H:%M}" + (f" at {where}" if where else "")
        )

    def _place_name(self, s: Session, row: ScreenSession) -> str | None:
        """The name of a session's place: read in `s` beside the places, by UUID from her own file."""
        if self.personal_db is self.db:
            place = s.get(Workplace, row.workplace_id) if row.workplace_id else None
            return place.name if place is not None else None
        if not row.workplace_uuid:
            return None
        with self.db.session() as shared:
            return shared.scalar(select(Workplace.name).where(Workplace.uuid == row.workplace_uuid))

    def work_sessions(self, place_id: int) -> list[WorkSessionInfo]:
        """Newest first: found by the place's UUID in her own file on a team database."""
        refs = self._refs()
        if not refs.split:
            with self.db.session() as s:
                rows = s.scalars(
                    select(ScreenSession)
                    .where(ScreenSession.workplace_id == place_id, ScreenSession.source == "workplace")
                    .order_by(ScreenSession.start_utc.desc())
                )
                return [_session_info(r) for r in rows]
        place_uuid = refs.place_uuid(place_id)
        if place_uuid is None:
            return []
        clients = refs.clients_by_uuid()
        with self.personal_db.session() as s:
            rows = s.scalars(
                select(ScreenSession)
                .where(ScreenSession.workplace_uuid == place_uuid, ScreenSession.source == "workplace")
                .order_by(ScreenSession.start_utc.desc())
            )
            return [_session_info(r, place_id, clients.get(r.client_uuid or "", (None, ""))[0]) for r in rows]

    def delete_work_session(self, session_id: int) -> None:
        with self.personal_db.write() as s:
            row = s.get(ScreenSession, session_id)
            if row is None or row.source != "workplace":
                raise NotFoundError(f"no work session with id {session_id}")
            s.delete(row)


_ROW = -1  # "the row's own id" (a session beside the places)


def _session_info(
    r: ScreenSession, place_id: int | None = _ROW, client_id: int | None = _ROW
) -> WorkSessionInfo:
    """The record of a session; `place_id`/`client_id`: the team's ids it names by UUID (her own file)."""
    place = r.workplace_id if place_id == _ROW else place_id
    client = r.client_id if client_id == _ROW else client_id
    return WorkSessionInfo(r.id, place, r.start_utc, r.end_utc, r.tz, r.activity, client)


def _hours(span: timedelta) -> str:
    minutes = int(span.total_seconds() // 60)
    return f"{minutes // 60} h {minutes % 60:02d}"
