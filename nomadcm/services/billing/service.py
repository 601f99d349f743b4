"""`BillingService` (`Services.billing`): contracts, hand entries, the month view per client, statements.

The month view and the statements read the same pieces (services/billing/hours.py says which day an hour
counts on and how a month is paid): the Hours & pay page, `nomadcm hours`, the chart and the statement files
can never disagree about a client's month.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import select

from nomadcm import date_bounds, timezones
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.models import Client, ScreenSession, WorkEntry
from nomadcm.services.billing.contracts import ContractStore, check_language
from nomadcm.services.billing.hours import (
    HAND,
    MonthHours,
    WorkItem,
    WorkPiece,
    month_days,
    next_month,
    pieces,
    pieces_by_month,
    summarize,
)
from nomadcm.services.billing.work_entries import WorkEntryStore
from nomadcm.services.changes import BILLING, CLIENTS, Change, steps
from nomadcm.services.schedule.clients import sort_key
from nomadcm.services.travel.itinerary import load_itinerary
from nomadcm.services.wellbeing.days import ZoneTimeline, from_ts, ts
from nomadcm.services.wellbeing.personal_file import TeamRefs
from nomadcm.storage import Database

MAX_MONTHS = 120  # the chart and `hours --from/--to`: ten years at most at once
DEFAULT_WARNING_HOURS = 1.0


@dataclass(frozen=True)
class BillingClient:
    id: int
    name: str
    language: str  # "fr" or "en": the language of the client's statements
    colour: str


@dataclass(frozen=True)
class Statement:
    """A client's month as its statement shows it: the month view and the pieces of work, day by day."""

    client: BillingClient
    hours: MonthHours
    pieces: tuple[WorkPiece, ...]
    threshold_seconds: int

    @property
    def language(self) -> str:
        return self.client.language


def parse_month(text: str, what: str = "--month") -> date:
    """'YYYY-MM' as the 1st of that month, inside the dates NomadCM handles."""
    raw = text.strip() if isinstance(text, str) else ""
    try:
        value = datetime.strptime(raw, "%Y-%m").date() if len(raw) == 7 else None
    except ValueError:
        value = None
    if value is None:
        raise ValidationError(f"{what} {text!r} is not a month (YYYY-MM)")
    return date_bounds.check_date(value, what)


class BillingService(ContractStore, WorkEntryStore):
    def __init__(self, db: Database, personal: Callable[[], Database] | None = None) -> None:
        """`personal`: where her measured screen time is (her own file on a team database, opened on first
        use: services/wellbeing/personal_file.py); default `db`. A member's screen time on a team client
        counts in her view of that client's hours only."""
        self.db = db
        self._personal = personal

    # ------------------------------------------------------------------ clients and settings

    def clients(self) -> list[BillingClient]:
        with self.db.session() as s:
            rows = s.execute(select(Client.id, Client.name, Client.language, Client.colour)).all()
        out = [BillingClient(int(i), n, lang or "fr", colour) for i, n, lang, colour in rows]
        return sorted(out, key=lambda c: sort_key(c.name))

    def client(self, client_id: int) -> BillingClient:
        found = next((c for c in self.clients() if c.id == client_id), None)
        if found is None:
            raise NotFoundError(f"no client with id {client_id}")
        return found

    def set_language(self, client_id: int, language: str) -> BillingClient:
        lang = check_language(language)
        with self.db.write() as s:
            client = s.get(Client, client_id)
            if client is None:
                raise NotFoundError(f"no client with id {client_id}")
            client.language = lang
        return self.client(client_id)

    def set_language_op(self, client_id: int, language: str) -> Change:
        before = self.client(client_id).language
        info = self.set_language(client_id, language)
        return steps(
            {BILLING, CLIENTS},
            "client_language",
            lambda: self.set_language(client_id, info.language),
            lambda: self.set_language(client_id, before),
            info,
            subject=info.name,
        )

    def threshold_seconds(self) -> int:
        """The `unpaid_warning_hours` setting in seconds: the unpaid time of a month that warns."""
        from nomadcm.services.settings import SettingsService

        try:
            hours = float(SettingsService(self.db).get("unpaid_warning_hours", DEFAULT_WARNING_HOURS))
        except (TypeError, ValueError):
            hours = DEFAULT_WARNING_HOURS
        return max(0, round(hours * 3600))

    def this_month(self, now: datetime | None = None) -> date:
        """The month her clock shows now (where she is)."""
        instant = timezones.ensure_utc(now) if now is not None else timezones.now_utc()
        zone = load_itinerary(self.db).zone_at(instant)
        return timezones.wall_at(instant, zone).date().replace(day=1)

    def month_span(self, month: date) -> tuple[datetime, datetime]:
        """The instants her month begins and ends (her 1st 00:00 to the next 1st 00:00, where she was)."""
        timeline = ZoneTimeline(load_itinerary(self.db))
        first = month.replace(day=1)
        start = timeline.first_instant_at_or_after(datetime.combine(first, time(0)))
        end = timeline.first_instant_at_or_after(datetime.combine(next_month(first), time(0)))
        return from_ts(start), from_ts(end)

    # ------------------------------------------------------------------ months

    def months(
        self, first: date, last: date | None = None, client_ids: Sequence[int] | None = None
    ) -> list[MonthHours]:
        """Each client's months from `first` to `last` (months, inclusive), client by client in name order,
        month by month. Clients with no work and no contract in a month still get a row (zeros)."""
        first = first.replace(day=1)
        last = (last or first).replace(day=1)
        if last < first:
            raise ValidationError(f"the last month {last:%Y-%m} is before the first {first:%Y-%m}")
        span = (last.year - first.year) * 12 + last.month - first.month + 1
        if span > MAX_MONTHS:
            raise ValidationError(f"{first:%Y-%m} to {last:%Y-%m}: at most {MAX_MONTHS} months at once")
        clients = [c for c in self.clients() if client_ids is None or c.id in client_ids]
        per_client = self._pieces(first, month_days(last)[1], [c.id for c in clients])
        contracts = self.list_contracts()
        out: list[MonthHours] = []
        for client in clients:
            mine = [c for c in contracts if c.client_id == client.id]
            by_month = pieces_by_month(per_client.get(client.id, []))
            month = first
            while month <= last:
                out.append(summarize(client.id, client.name, month, by_month.get(month, []), mine))
                month = next_month(month)
        return out

    def month(self, month: date, client_ids: Sequence[int] | None = None) -> list[MonthHours]:
        return self.months(month, month, client_ids)

    def statement(self, client_id: int, month: date) -> Statement:
        client = self.client(client_id)
        first, last = month_days(month)
        found = self._pieces(first, last, [client_id]).get(client_id, [])
        hours = summarize(client.id, client.name, first, found, self.list_contracts(client_id))
        return Statement(client, hours, tuple(found), self.threshold_seconds())

    def find_client(self, name: str) -> BillingClient:
        from nomadcm.services.schedule.clients import name_key

        wanted = name_key(name)
        found = next((c for c in self.clients() if name_key(c.name) == wanted), None)
        if found is None:
            raise NotFoundError(f"unknown client {name!r}")
        return found

    # ------------------------------------------------------------------ reading the work

    def _pieces(self, first: date, last: date, client_ids: Sequence[int]) -> dict[int, list[WorkPiece]]:
        """Every client's work from day `first` to day `last` (hers), cut at her midnights."""
        if not client_ids:
            return {}
        timeline = ZoneTimeline(load_itinerary(self.db))
        bounds, _zones = timeline.day_bounds(first, last, time(0))
        start, end = bounds[0], bounds[-1]
        items = self._items(from_ts(start), from_ts(end), client_ids)
        contracts = self.list_contracts()
        return {
            cid: pieces(found, first, bounds, timeline.zone_at, [c for c in contracts if c.client_id == cid])
            for cid, found in items.items()
        }

    def _items(self, start: datetime, end: datetime, client_ids: Sequence[int]) -> dict[int, list[WorkItem]]:
        ids = list(client_ids)
        out: dict[int, list[WorkItem]] = {cid: [] for cid in ids}
        sessions = self._screen_time(start, end, ids)
        with self.db.session() as s:
            entries = s.execute(
                select(
                    WorkEntry.client_id,
                    WorkEntry.start_utc,
                    WorkEntry.end_utc,
                    WorkEntry.id,
                    WorkEntry.note,
                    WorkEntry.billable,
                ).where(WorkEntry.client_id.in_(ids), WorkEntry.end_utc > start, WorkEntry.start_utc < end)
            ).all()
        for cid, a, b, source, sid, activity in sessions:
            out[cid].append(WorkItem(ts(a), ts(b), source or "manual", sid, activity or ""))
        for cid, a, b, eid, note, billable in entries:
            out[cid].append(WorkItem(ts(a), ts(b), HAND, eid, note or "", bool(billable)))
        return out

    def _screen_time(self, start: datetime, end: datetime, ids: list[int]) -> list[Any]:
        """(client id, start, end, source, id, activity) of her screen sessions for these clients: beside
        them by id, or in her own file by the clients' UUIDs (a team database)."""
        personal = self._personal() if self._personal is not None else self.db
        col = ScreenSession.__table__.c
        fields = (col.start_utc, col.end_utc, col.source, col.id, col.activity)
        when = (col.end_utc > start, col.start_utc < end)
        if personal is self.db:
            with self.db.session() as s:
                return list(s.execute(select(col.client_id, *fields).where(col.client_id.in_(ids), *when)))
        by_uuid = {u: cid for cid, u in TeamRefs(personal, self.db).client_uuids(ids).items()}
        with personal.session() as s:
            rows = s.execute(
                select(col.client_uuid, *fields).where(col.client_uuid.in_(list(by_uuid)), *when)
            )
            return [(by_uuid[r[0]], *r[1:]) for r in rows]
