"""What the Clients page shows, read without a widget: the clients with their channel and post counts, a
client's channels with theirs, and a client's events (their launch gaps, subscribed calendars, launch window).
The page's models read through these as she works; for the page's first show the window reads them on its
task runner while the sidebar click is answered (`PageSpec.preload`, ui/page_loading.py): `read_first` is
the list with its first client's panels, the client a new page selects.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from nomadcm import timezones
from nomadcm.services.events.records import CalendarInfo, EventInfo
from nomadcm.services.schedule.clients import ChannelInfo, ClientInfo, ClientService

if TYPE_CHECKING:
    from nomadcm.services.container import Services

PAST_SHOWN = timedelta(days=30)  # events that ended longer ago are not listed


@dataclass(frozen=True)
class ClientRows:
    clients: list[ClientInfo]
    channels: dict[int, int]  # client id -> how many channels
    posts: dict[int, int]  # client id -> how many posts


@dataclass(frozen=True)
class ChannelRows:
    client_id: int | None
    channels: list[ChannelInfo]
    posts: dict[int, int]  # channel id -> how many posts


@dataclass(frozen=True)
class ClientEvents:
    client_id: int
    events: list[EventInfo]
    gaps: dict[int, int]  # event id -> the launch's window in hours, for a launch with no post around it
    calendars: list[CalendarInfo]
    window_hours: int


@dataclass(frozen=True)
class ClientsFirst:
    """A new Clients page: the list, and the panels of the client it selects (the first one)."""

    clients: ClientRows
    channels: ChannelRows | None
    events: ClientEvents | None


def read_clients(service: ClientService) -> ClientRows:
    clients = service.list_clients()
    channels: dict[int, int] = {}
    for ch in service.list_channels():
        channels[ch.client_id] = channels.get(ch.client_id, 0) + 1
    return ClientRows(clients, channels, {c.id: service.post_count(c.id) for c in clients})


def read_channels(service: ClientService, client_id: int | None) -> ChannelRows:
    channels = [] if client_id is None else service.list_channels(client_id)
    return ChannelRows(client_id, channels, {ch.id: service.channel_post_count(ch.id) for ch in channels})


def read_events(services: Services, client_id: int) -> ClientEvents:
    since = timezones.now_utc() - PAST_SHOWN
    return ClientEvents(
        client_id,
        services.events.list_events(client_id=client_id, start=since),
        {g.event.id: g.window_hours for g in services.launch_check.gaps(client_id=client_id, start=since)},
        services.calendars.list_calendars(client_id),
        services.events.launch_window(client_id),
    )


def read_first(services: Services) -> ClientsFirst:
    rows = read_clients(services.clients)
    if not rows.clients:
        return ClientsFirst(rows, None, None)
    first = rows.clients[0].id
    return ClientsFirst(rows, read_channels(services.clients, first), read_events(services, first))
