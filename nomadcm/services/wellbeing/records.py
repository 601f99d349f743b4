"""Screen sessions and rest periods: log, edit, delete (with what undo needs), list.

Instants are aware UTC; each row also keeps the zone she was in (for display), taken from the itinerary
unless given. Times a person types without a zone are read in the zone where she was then: see
`days.resolve_typed` for the rule. The records and the checks of their values are in `record_values`.

Rows live in `db` (her own file), clients and itinerary in `shared`: on a team database two databases, a
session naming its client and place by UUID (personal_file.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select

from nomadcm import timezones
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.models import AppUsage, Client, RestPeriod, ScreenSession, Workplace
from nomadcm.models.wellbeing import SOURCES
from nomadcm.services.changes import WELLBEING, Change, change
from nomadcm.services.names import single_line
from nomadcm.services.travel.itinerary import load_itinerary
from nomadcm.services.wellbeing.days import TypedInstant, ZoneTimeline, resolve_typed
from nomadcm.services.wellbeing.personal_file import TeamRefs
from nomadcm.services.wellbeing.record_rows import rest_info, screen_info, sqlite_text
from nomadcm.services.wellbeing.record_values import (
    MAX_REST,
    MAX_SCREEN,
    RestInfo,
    ScreenInfo,
    check_device,
    check_kind,
    check_past,
    check_quality,
    check_span,
)
from nomadcm.storage import Database


class WellbeingService:
    def __init__(self, db: Database, shared: Database | None = None) -> None:
        """`db`: her wellbeing rows; `shared`: the clients, places and itinerary (default: `db`)."""
        self.db = db
        self.shared = shared if shared is not None else db
        self.refs = TeamRefs(self.db, self.shared)

    # ------------------------------------------------------------------ where she was

    def timeline(self) -> ZoneTimeline:
        return ZoneTimeline(load_itinerary(self.shared))

    def read_typed(
        self, wall: datetime, tz: str | None = None, fold: int = 0, timeline: ZoneTimeline | None = None
    ) -> TypedInstant:
        """A wall time a person typed: in `tz` when given, else in the zone where she was then."""
        if tz:
            zone = timezones.check_zone(tz)
            res = timezones.resolve(wall, zone, fold)
            if res.gap is not None:
                raise timezones.NonExistentTimeError(wall, res.gap)
            assert res.instant is not None
            others = ((res.other_instant, zone),) if res.other_instant is not None else ()
            return TypedInstant(res.instant, zone, others)
        return resolve_typed(timeline or self.timeline(), wall, fold)

    def zone_at(self, instant: datetime) -> str:
        return load_itinerary(self.shared).zone_at(timezones.ensure_utc(instant))

    # ------------------------------------------------------------------ screen sessions

    def add_screen(
        self,
        device: str,
        start: datetime,
        end: datetime,
        *,
        tz: str | None = None,
        client_id: int | None = None,
        activity: str = "",
        source: str = "manual",
        source_id: str | None = None,
        workplace_id: int | None = None,
        typed: bool = False,
    ) -> ScreenInfo:
        """Logs a session. `typed`: a person typed these times (the entry dialog, `log screen`), so an end in
        the future is refused, as for speed tests (timers, importers and the sample data write what their
        own clock says)."""
        device = check_device(device)
        start, end = check_span(start, end, MAX_SCREEN, "screen session")
        if typed:
            check_past(end, "a screen session")
        zone = timezones.check_zone(tz) if tz else self.zone_at(start)
        self._check_source(source)
        links = self.refs.links(client_id, workplace_id)
        with self.db.write() as s:
            row = ScreenSession(
                device=device,
                start_utc=start,
                end_utc=end,
                tz=zone,
                **links.columns(),
                activity=single_line(activity or "")[:200],
                source=source,
                source_id=source_id,
            )
            s.add(row)
            s.flush()
            new_id = row.id
        return self.get_screen(new_id)

    def get_screen(self, session_id: int) -> ScreenInfo:
        found = self._screens(ScreenSession.id == session_id)
        if not found:
            raise NotFoundError(f"no screen session #{session_id}")
        return found[0]

    def _screens(self, *where: Any) -> list[ScreenInfo]:
        """Sessions as records, their client and place read from the shared database (by UUID when the
        rows are in her own file, by id when they sit beside the clients)."""
        order = (ScreenSession.start_utc, ScreenSession.id)
        if self.refs.split:
            refs = (self.refs.clients_by_uuid(), self.refs.places_by_uuid())
            with self.db.session() as s:
                rows = s.scalars(select(ScreenSession).where(*where).order_by(*order))
                return [screen_info(r, None, refs) for r in rows]
        with self.db.session() as s:
            pairs = s.execute(
                select(ScreenSession, Client.name)
                .outerjoin(Client, Client.id == ScreenSession.client_id)
                .where(*where)
                .order_by(*order)
            ).all()
            return [screen_info(r[0], r[1]) for r in pairs]

    def update_screen(self, session_id: int, *, typed: bool = False, **changes: Any) -> ScreenInfo:
        """Changes some fields (device, start, end, tz, client_id, activity) of one session; `typed` as for
        `add_screen` (a new end in the future is refused)."""
        old = self.get_screen(session_id)
        new = replace(old, **changes)
        device = check_device(new.device)
        start, end = check_span(new.start, new.end, MAX_SCREEN, "screen session")
        if typed and end != old.end:
            check_past(end, "a screen session")
        zone = timezones.check_zone(new.tz)
        moved = new.client_id != old.client_id
        links = self.refs.links(new.client_id) if moved else None
        with self.db.write() as s:
            row = s.get(ScreenSession, session_id)
            if row is None:
                raise NotFoundError(f"no screen session #{session_id}")
            row.device, row.start_utc, row.end_utc, row.tz = device, start, end, zone
            if links is not None:
                row.client_id, row.client_uuid = links.client_id, links.client_uuid
            row.activity = single_line(new.activity or "")[:200]
        return self.get_screen(session_id)

    def delete_screen(self, session_id: int) -> ScreenInfo:
        """Deletes a session and returns it as it was, for undo (`restore_screen`)."""
        old = self.get_screen(session_id)
        with self.db.write() as s:
            s.execute(delete(ScreenSession).where(ScreenSession.id == session_id))
        return old

    def restore_screen(self, info: ScreenInfo) -> ScreenInfo:
        """Puts back a deleted session with its old id (undo), naming its client and place as it did."""
        client_id = workplace_id = None
        if not self.refs.split:
            with self.db.session() as s:
                client_id = info.client_id if info.client_id and s.get(Client, info.client_id) else None
                place = info.workplace_id and s.get(Workplace, info.workplace_id)
                workplace_id = info.workplace_id if place else None
        with self.db.write() as s:
            s.add(
                ScreenSession(
                    id=info.id,
                    device=info.device,
                    start_utc=info.start,
                    end_utc=info.end,
                    tz=info.tz,
                    client_id=client_id,
                    client_uuid=info.client_uuid,
                    workplace_id=workplace_id,
                    workplace_uuid=info.workplace_uuid,
                    activity=info.activity,
                    source=info.source,
                    source_id=info.source_id,
                )
            )
        return self.get_screen(info.id)

    def screens_between(self, start: datetime, end: datetime) -> list[ScreenInfo]:
        return self._screens(ScreenSession.end_utc > start, ScreenSession.start_utc < end)

    # ------------------------------------------------------------------ rest periods

    def add_rest(
        self,
        kind: str,
        start: datetime,
        end: datetime,
        *,
        tz: str | None = None,
        quality: int | None = None,
        note: str = "",
        source: str = "manual",
        source_id: str | None = None,
    ) -> RestInfo:
        kind = check_kind(kind)
        quality = check_quality(quality)
        start, end = check_span(start, end, MAX_REST, "rest period")
        zone = timezones.check_zone(tz) if tz else self.zone_at(start)
        self._check_source(source)
        with self.db.write() as s:
            row = RestPeriod(
                kind=kind,
                start_utc=start,
                end_utc=end,
                tz=zone,
                quality=quality,
                note=note or "",
                source=source,
                source_id=source_id,
            )
            s.add(row)
            s.flush()
            new_id = row.id
        return self.get_rest(new_id)

    def get_rest(self, rest_id: int) -> RestInfo:
        with self.db.session() as s:
            row = s.get(RestPeriod, rest_id)
            if row is None:
                raise NotFoundError(f"no rest period #{rest_id}")
            return rest_info(row)

    def update_rest(self, rest_id: int, **changes: Any) -> RestInfo:
        old = self.get_rest(rest_id)
        new = replace(old, **changes)
        kind = check_kind(new.kind)
        quality = check_quality(new.quality)
        start, end = check_span(new.start, new.end, MAX_REST, "rest period")
        zone = timezones.check_zone(new.tz)
        with self.db.write() as s:
            row = s.get(RestPeriod, rest_id)
            if row is None:
                raise NotFoundError(f"no rest period #{rest_id}")
            row.kind, row.start_utc, row.end_utc, row.tz = kind, start, end, zone
            row.quality, row.note = quality, new.note or ""
        return self.get_rest(rest_id)

    def delete_rest(self, rest_id: int) -> RestInfo:
        old = self.get_rest(rest_id)
        with self.db.write() as s:
            s.execute(delete(RestPeriod).where(RestPeriod.id == rest_id))
        return old

    def restore_rest(self, info: RestInfo) -> RestInfo:
        with self.db.write() as s:
            s.add(
                RestPeriod(
                    id=info.id,
                    kind=info.kind,
                    start_utc=info.start,
                    end_utc=info.end,
                    tz=info.tz,
                    quality=info.quality,
                    note=info.note,
                    source=info.source,
                    source_id=info.source_id,
                )
            )
        return self.get_rest(info.id)

    # ------------------------------------------------------------------ the same writes, saying what changed
    # Each `*_op` returns a Change (services/changes.py): result = the plain return, undo = the inverse.

    def add_screen_op(self, device: str, start: datetime, end: datetime, **options: Any) -> Change:
        info = self.add_screen(device, start, end, **options)
        return change(WELLBEING, "add_screen", lambda: self.delete_entries_op([info.id], []), info)

    def add_rest_op(self, kind: str, start: datetime, end: datetime, **options: Any) -> Change:
        info = self.add_rest(kind, start, end, **options)
        return change(WELLBEING, "add_rest", lambda: self.delete_entries_op([], [info.id]), info)

    def update_screen_op(self, session_id: int, *, typed: bool = False, **changes: Any) -> Change:
        old = self.get_screen(session_id)
        info = self.update_screen(session_id, typed=typed, **changes)
        back = {key: getattr(old, key) for key in changes}
        return change(WELLBEING, "edit_entry", lambda: self.update_screen_op(session_id, **back), info)

    def update_rest_op(self, rest_id: int, **changes: Any) -> Change:
        old = self.get_rest(rest_id)
        info = self.update_rest(rest_id, **changes)
        back = {key: getattr(old, key) for key in changes}
        return change(WELLBEING, "edit_entry", lambda: self.update_rest_op(rest_id, **back), info)

    def delete_entries_op(self, screen_ids: Sequence[int], rest_ids: Sequence[int]) -> Change:
        """Deletes screen sessions and rest periods (result: them as they were); undo puts them back."""
        screens = [self.delete_screen(i) for i in screen_ids]
        rests = [self.delete_rest(i) for i in rest_ids]
        count = len(screens) + len(rests)
        return change(
            WELLBEING,
            "delete_entries",
            lambda: self.restore_entries_op(screens, rests),
            [*screens, *rests],
            count=count,
        )

    def restore_entries_op(self, screens: Sequence[ScreenInfo], rests: Sequence[RestInfo]) -> Change:
        back = [self.restore_screen(i).id for i in screens]
        rest_back = [self.restore_rest(i).id for i in rests]
        return change(
            WELLBEING,
            "restore_entries",
            lambda: self.delete_entries_op(back, rest_back),
            count=len(back) + len(rest_back),
        )

    def rests_between(self, start: datetime, end: datetime) -> list[RestInfo]:
        with self.db.session() as s:
            rows = s.execute(
                select(RestPeriod)
                .where(RestPeriod.end_utc > start, RestPeriod.start_utc < end)
                .order_by(RestPeriod.start_utc, RestPeriod.id)
            ).scalars()
            return [rest_info(r) for r in rows]

    # ------------------------------------------------------------------ per-app breakdown

    def app_totals(self, start: datetime, end: datetime, limit: int = 50) -> list[tuple[str, float]]:
        """Seconds each application was in the foreground (ActivityWatch window events) in [start, end)."""
        start, end = timezones.ensure_utc(start), timezones.ensure_utc(end)
        t = AppUsage.__table__.c
        with self.db.session() as s:
            if self.db.engine.dialect.name == "sqlite":
                lo, hi = sqlite_text(start), sqlite_text(end)
                seconds = func.sum(
                    (func.julianday(func.min(t.end_utc, hi)) - func.julianday(func.max(t.start_utc, lo)))
                    * 86400.0
                )
                rows = s.execute(
                    select(t.app, seconds.label("seconds"))
                    .where(t.end_utc > start, t.start_utc < end)
                    .group_by(t.app)
                    .order_by(seconds.desc())
                    .limit(limit)
                ).all()
                return [(str(app), float(sec or 0.0)) for app, sec in rows]
            totals: dict[str, float] = {}
            for app, a, b in s.execute(
                select(t.app, t.start_utc, t.end_utc).where(t.end_utc > start, t.start_utc < end)
            ):
                totals[app] = totals.get(app, 0.0) + (min(b, end) - max(a, start)).total_seconds()
        return sorted(totals.items(), key=lambda kv: -kv[1])[:limit]

    # ------------------------------------------------------------------ clients

    def find_client_id(self, name: str) -> int:
        """The id of the client called `name` (case-insensitive), or NotFoundError naming it."""
        wanted = (name or "").strip()
        with self.shared.session() as s:
            found = s.execute(select(Client.id).where(func.lower(Client.name) == wanted.lower())).scalar()
        if found is None:
            raise NotFoundError(f"no client named {name!r}")
        return int(found)

    def client_uuid(self, client_id: int | None) -> str | None:
        """A client's UUID (None: none): a running timer names its client so, whichever database opens next."""
        if client_id is None:
            return None
        try:
            return self.refs.links(client_id).client_uuid
        except NotFoundError:
            return None

    def client_with_uuid(self, client_uuid: str) -> int | None:
        """The id of the client with this UUID in the database open (None: not there)."""
        return self.refs.client_with_uuid(client_uuid)

    def client_names(self) -> list[tuple[int, str]]:
        with self.shared.session() as s:
            return [
                (int(i), str(n)) for i, n in s.execute(select(Client.id, Client.name).order_by(Client.name))
            ]

    # ------------------------------------------------------------------ internals

    @staticmethod
    def _check_source(source: str) -> None:
        if source not in SOURCES:
            raise ValidationError(f"source {source!r} is not one of {', '.join(SOURCES)}")


__all__ = ["TypedInstant", "WellbeingService"]
