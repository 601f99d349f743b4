"""A client's calendar into NomadCM: an .ics file imported, a URL subscribed, subscriptions refreshed.

The CLI (`nomadcm event import`) and the GUI (the Clients page's Events, and the window's background refresh
on its task runner) call these; reading is exchange/ics_events.py, downloading exchange/ics_fetch.py, storing
services/events/calendars.py. Every one is idempotent: reading a calendar again updates its events in place.

Refreshing never needs the network: a subscription that cannot be downloaded keeps its events and says why;
when its window is stale (read more than a day ago), it is expanded again from the copy stored with it, so a
weekly series still reaches two years ahead after weeks offline. An imported file is expanded again from its
stored copy the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from nomadcm import timezones
from nomadcm.errors import UserError, ValidationError
from nomadcm.exchange.ics_events import MAX_BYTES, CalendarReading, read_calendar
from nomadcm.exchange.ics_fetch import Fetch, check_url, fetch
from nomadcm.services.changes import Change
from nomadcm.services.events.calendars import SyncReport
from nomadcm.services.events.records import CalendarInfo, shown_url

if TYPE_CHECKING:
    from nomadcm.services.container import Services

STALE = timedelta(days=1)  # a window read longer ago is read again (from the stored copy if need be)
REFRESH_EVERY = timedelta(hours=6)  # a subscription is downloaded again after this long


@dataclass(frozen=True)
class RefreshOutcome:
    calendar: CalendarInfo
    report: SyncReport | None  # None: nothing read again
    error: str = ""  # why the download failed ("" when it did not, or was not tried)

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = (
            self.report.to_json() if self.report else {"calendar": self.calendar.to_json(), "unchanged": True}
        )
        out["error"] = self.error or None
        return out


def read_file(path: Path | str) -> bytes:
    """A calendar file's bytes, refused before reading when it is larger than the cap."""
    file = Path(path)
    size = file.stat().st_size
    if size > MAX_BYTES:
        raise ValidationError(f"{str(file)!r} is larger than {MAX_BYTES // (1024 * 1024)} MiB: not read")
    with file.open("rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValidationError(f"{str(file)!r} is larger than {MAX_BYTES // (1024 * 1024)} MiB: not read")
    return data


def import_file(
    services: Services,
    client_id: int,
    path: Path | str,
    name: str | None = None,
    *,
    now: datetime | None = None,
) -> SyncReport:
    """Imports (or imports again) an .ics file as a calendar of the client, named `name`, else the calendar's
    own name, else the file's."""
    return _store_file(services, client_id, path, name, now, undoable=False)  # type: ignore[return-value]


def import_file_op(
    services: Services,
    client_id: int,
    path: Path | str,
    name: str | None = None,
    *,
    now: datetime | None = None,
) -> Change:
    """`import_file` as one undo step (result: the SyncReport)."""
    return _store_file(services, client_id, path, name, now, undoable=True)  # type: ignore[return-value]


def subscribe(
    services: Services,
    client_id: int,
    url: str,
    name: str | None = None,
    *,
    fetcher: Fetch = fetch,
    now: datetime | None = None,
    undoable: bool = False,
) -> SyncReport | Change:
    """Subscribes the client to a calendar's address (or refreshes that subscription now): downloaded once
    here, then refreshed when online. A download that fails subscribes nothing and says why."""
    address = check_url(url)
    client = services.clients.get_client(client_id)
    data = fetcher(address)
    reading = read_calendar(data, client.audience_tz, shown_url(address), now)
    existing = services.calendars.find(client_id, url=address)
    chosen = name or reading.name or _host(address)
    return _sync(services, client_id, chosen, reading, address, existing, undoable, now)


def refresh(
    services: Services,
    calendar_id: int,
    *,
    fetcher: Fetch = fetch,
    now: datetime | None = None,
    download: bool = True,
) -> RefreshOutcome:
    """Reads a calendar again: a subscription downloaded (unless `download` is False), else — or when the
    download fails and its window is stale — expanded again from its stored copy."""
    now = now or timezones.now_utc()
    calendar = services.calendars.get(calendar_id)
    client = services.clients.get_client(calendar.client_id)
    error = ""
    if calendar.url is not None and download:
        try:
            reading = read_calendar(fetcher(calendar.url), client.audience_tz, shown_url(calendar.url), now)
        except UserError as err:
            error = str(err)
            services.calendars.record_failure(calendar_id, error)
        else:
            report = services.calendars.sync(
                calendar.client_id, calendar.name, reading.events, reading.text,
                url=calendar.url, calendar_id=calendar_id, skipped=reading.skipped, now=now,
            )  # fmt: skip
            return RefreshOutcome(report.calendar, report)
    if calendar.expanded_at is not None and now - calendar.expanded_at < STALE:
        return RefreshOutcome(services.calendars.get(calendar_id), None, error)
    text = services.calendars.stored_text(calendar_id)
    if not text:
        return RefreshOutcome(services.calendars.get(calendar_id), None, error)
    reading = read_calendar(text, client.audience_tz, calendar.name, now)
    report = services.calendars.sync(
        calendar.client_id, calendar.name, reading.events, text,
        url=calendar.url, calendar_id=calendar_id, fetched=False, skipped=reading.skipped, now=now,
    )  # fmt: skip
    if error:
        services.calendars.record_failure(calendar_id, error)
        report.calendar = services.calendars.get(calendar_id)
    return RefreshOutcome(report.calendar, report, error)


def refresh_due(
    services: Services,
    *,
    fetcher: Fetch = fetch,
    now: datetime | None = None,
    every: timedelta = REFRESH_EVERY,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> list[RefreshOutcome]:
    """Every calendar due: subscriptions not downloaded for `every` (all with `force`), and calendars whose
    window is stale. One failing calendar never stops the others."""
    now = now or timezones.now_utc()
    due = [c for c in services.calendars.list_calendars() if force or _due(c, now, every)]
    outcomes = []
    for done, calendar in enumerate(due, start=1):
        download = calendar.url is not None and (
            force or calendar.fetched_at is None or now - calendar.fetched_at >= every
        )
        try:
            outcomes.append(refresh(services, calendar.id, fetcher=fetcher, now=now, download=download))
        except UserError as err:  # its stored copy cannot be read again: say so, go on
            services.calendars.record_failure(calendar.id, str(err))
            outcomes.append(RefreshOutcome(services.calendars.get(calendar.id), None, str(err)))
        if progress is not None:
            progress(done, len(due))
    return outcomes


def _due(calendar: CalendarInfo, now: datetime, every: timedelta) -> bool:
    if calendar.expanded_at is None or now - calendar.expanded_at >= STALE:
        return True
    return calendar.url is not None and (calendar.fetched_at is None or now - calendar.fetched_at >= every)


def _store_file(
    services: Services,
    client_id: int,
    path: Path | str,
    name: str | None,
    now: datetime | None,
    undoable: bool,
) -> SyncReport | Change:
    client = services.clients.get_client(client_id)
    data = read_file(path)
    reading = read_calendar(data, client.audience_tz, repr(str(path)), now)
    chosen = name or reading.name or Path(path).stem or "calendar"
    existing = services.calendars.find(client_id, name=chosen)
    return _sync(services, client_id, chosen, reading, None, existing, undoable, now)


def _sync(
    services: Services,
    client_id: int,
    name: str,
    reading: CalendarReading,
    url: str | None,
    existing: CalendarInfo | None,
    undoable: bool,
    now: datetime | None,
) -> SyncReport | Change:
    options = {"url": url, "calendar_id": existing.id if existing else None, "skipped": reading.skipped,
               "now": now}  # fmt: skip
    if undoable:
        return services.calendars.sync_op(client_id, name, reading.events, reading.text, **options)
    return services.calendars.sync(client_id, name, reading.events, reading.text, **options)  # type: ignore[arg-type]


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or "calendar"
