"""Hand-logged work for a client (a call, a workshop): add, change, delete, list — each billable or not.

Instants are aware UTC with the zone she was in (for display), as screen time is; a time typed without a
zone is read where she was then (`WellbeingService.read_typed`, the same rule as `log screen`). An entry may
not last more than a day (a two-day workshop is two entries), may not end in the future by more than a few
minutes' slack (hours are logged once given), and stays inside the dates NomadCM handles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select

from nomadcm import timezones
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.models import Client, WorkEntry
from nomadcm.services.changes import BILLING, Change, change, steps
from nomadcm.services.names import single_line
from nomadcm.services.wellbeing.record_values import check_past, check_span

if TYPE_CHECKING:
    from nomadcm.storage import Database

MAX_ENTRY = timedelta(hours=24)
MAX_NOTE = 500


@dataclass(frozen=True)
class WorkEntryInfo:
    id: int
    client_id: int
    client_name: str
    start: datetime
    end: datetime
    tz: str
    note: str = ""
    billable: bool = True

    @property
    def seconds(self) -> float:
        return (self.end - self.start).total_seconds()


def check_note(note: str) -> str:
    value = single_line(note or "")
    if len(value) > MAX_NOTE:
        raise ValidationError(f"note {value[:40]!r}… is longer than {MAX_NOTE} characters")
    return value


class WorkEntryStore:
    """The hand-entry half of `BillingService` (a mixin over `self.db`)."""

    db: Database

    def add_entry(
        self,
        client_id: int,
        start: datetime,
        end: datetime,
        *,
        tz: str | None = None,
        note: str = "",
        billable: bool = True,
        now: datetime | None = None,
    ) -> WorkEntryInfo:
        start, end = check_span(start, end, MAX_ENTRY, "work entry")
        check_past(end, "work entry", now)
        zone = timezones.check_zone(tz) if tz else self._zone_at(start)
        note = check_note(note)
        with self.db.write() as s:
            if s.get(Client, client_id) is None:
                raise NotFoundError(f"no client with id {client_id}")
            row = WorkEntry(
                client_id=client_id, start_utc=start, end_utc=end, tz=zone, note=note, billable=bool(billable)
            )
            s.add(row)
            s.flush()
            new_id = row.id
        return self.get_entry(new_id)

    def get_entry(self, entry_id: int) -> WorkEntryInfo:
        with self.db.session() as s:
            row = s.execute(_select().where(WorkEntry.id == entry_id)).first()
            if row is None:
                raise NotFoundError(f"no work entry #{entry_id}")
            return _info(row[0], row[1])

    def update_entry(self, entry_id: int, **fields: Any) -> WorkEntryInfo:
        """Changes some of client_id, start, end, tz, note, billable."""
        unknown = set(fields) - {"client_id", "start", "end", "tz", "note", "billable"}
        if unknown:
            raise ValidationError(f"unknown work entry field(s): {', '.join(sorted(unknown))}")
        old = self.get_entry(entry_id)
        start, end = check_span(
            fields.get("start", old.start), fields.get("end", old.end), MAX_ENTRY, "work entry"
        )
        if "end" in fields:
            check_past(end, "work entry")
        zone = timezones.check_zone(fields.get("tz") or old.tz)
        with self.db.write() as s:
            row = s.get(WorkEntry, entry_id)
            if row is None:
                raise NotFoundError(f"no work entry #{entry_id}")
            client_id = int(fields.get("client_id", row.client_id))
            if s.get(Client, client_id) is None:
                raise NotFoundError(f"no client with id {client_id}")
            row.client_id, row.start_utc, row.end_utc, row.tz = client_id, start, end, zone
            row.note = check_note(fields.get("note", row.note))
            row.billable = bool(fields.get("billable", row.billable))
        return self.get_entry(entry_id)

    def delete_entries(self, entry_ids: Sequence[int]) -> list[WorkEntryInfo]:
        """Deletes the entries that still exist; returns them (what undo puts back)."""
        with self.db.write() as s:
            rows = s.execute(_select().where(WorkEntry.id.in_(list(entry_ids)))).all()
            infos = [_info(r[0], r[1]) for r in rows]
            s.execute(delete(WorkEntry).where(WorkEntry.id.in_([i.id for i in infos])))
        return infos

    def restore_entries(self, infos: Sequence[WorkEntryInfo]) -> None:
        """Puts deleted entries back under their own ids (their client must still exist)."""
        with self.db.write() as s:
            for info in infos:
                if s.get(Client, info.client_id) is None:
                    raise NotFoundError(f"the client of work entry #{info.id} no longer exists")
            rows = [
                {
                    "id": i.id,
                    "client_id": i.client_id,
                    "start_utc": i.start,
                    "end_utc": i.end,
                    "tz": i.tz,
                    "note": i.note,
                    "billable": i.billable,
                }
                for i in infos
            ]
            if rows:
                s.execute(insert(WorkEntry), rows)

    def list_entries(
        self, client_id: int | None = None, start: datetime | None = None, end: datetime | None = None
    ) -> list[WorkEntryInfo]:
        """Entries overlapping [start, end) (either end open), oldest first."""
        stmt = _select().order_by(WorkEntry.start_utc, WorkEntry.id)
        if client_id is not None:
            stmt = stmt.where(WorkEntry.client_id == client_id)
        if start is not None:
            stmt = stmt.where(WorkEntry.end_utc > timezones.ensure_utc(start))
        if end is not None:
            stmt = stmt.where(WorkEntry.start_utc < timezones.ensure_utc(end))
        with self.db.session() as s:
            return [_info(r[0], r[1]) for r in s.execute(stmt)]

    # ------------------------------------------------------------------ with undo (the GUI)

    def add_entry_op(self, client_id: int, start: datetime, end: datetime, **options: Any) -> Change:
        info = self.add_entry(client_id, start, end, **options)
        return change(BILLING, "add_work", lambda: self._undo_add(info), info, subject=info.client_name)

    def _undo_add(self, info: WorkEntryInfo) -> Change:
        self.delete_entries([info.id])
        return change(BILLING, "add_work", lambda: self._redo_add(info), subject=info.client_name)

    def _redo_add(self, info: WorkEntryInfo) -> Change:
        self.restore_entries([info])
        return change(BILLING, "add_work", lambda: self._undo_add(info), subject=info.client_name)

    def update_entry_op(self, entry_id: int, **fields: Any) -> Change:
        old = self.get_entry(entry_id)
        info = self.update_entry(entry_id, **fields)
        before = {
            "client_id": old.client_id,
            "start": old.start,
            "end": old.end,
            "tz": old.tz,
            "note": old.note,
            "billable": old.billable,
        }
        return steps(
            BILLING,
            "edit_work",
            lambda: self.update_entry(entry_id, **fields),
            lambda: self.update_entry(entry_id, **before),
            info,
            subject=info.client_name,
        )

    def delete_entries_op(self, entry_ids: Sequence[int]) -> Change:
        """`delete_entries` (result: the entries as they were); undo puts them back."""
        infos = self.delete_entries(entry_ids)
        if not infos:
            raise NotFoundError("these work entries no longer exist (deleted in another window?)")
        return steps(
            BILLING,
            "delete_work",
            lambda: self.delete_entries([i.id for i in infos]),
            lambda: self.restore_entries(infos),
            infos,
            count=len(infos),
        )

    def _zone_at(self, instant: datetime) -> str:
        from nomadcm.services.travel.itinerary import load_itinerary

        return load_itinerary(self.db).zone_at(timezones.ensure_utc(instant))


def _select() -> Any:
    return select(WorkEntry, Client.name).join(Client, Client.id == WorkEntry.client_id)


def _info(row: WorkEntry, client_name: str) -> WorkEntryInfo:
    return WorkEntryInfo(
        row.id,
        row.client_id,
        client_name,
        row.start_utc,
        row.end_utc,
        row.tz,
        row.note,
        bool(row.billable),
    )
