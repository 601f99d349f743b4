"""Reading the native schedule CSV (exchange/csv_native.py): `nomadcm import csv` and the Import dialog.

Rows become post drafts here — the client and channel looked up by name, the wall time read — and nothing
else: checking and writing them is the posts' one write path (`PostService.add_many`), as for every post.
Rows are checked and written in batches inside one transaction: all rows or none; a refused file lists
each bad row by its line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from operator import itemgetter
from pathlib import Path

from sqlalchemy import select

from nomadcm import timezones
from nomadcm.errors import UserError, ValidationError
from nomadcm.exchange.csv_cells import unneutralise
from nomadcm.exchange.csv_native import COLUMNS, REQUIRED_COLUMNS, channel_label, parse_wall
from nomadcm.models import Channel, Client
from nomadcm.services.changes import Change
from nomadcm.services.names import single_line
from nomadcm.services.schedule.clients import check_network, name_key
from nomadcm.services.schedule.post_writes import NewChannel, PostDraft
from nomadcm.storage import Database

Progress = Callable[[int, int], None]


@dataclass
class ImportReport:
    imported: int
    channels_created: list[str] = field(default_factory=list)


def read_csv_records(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and (line number, cells) of every record; sniffs `,` or `;`; accepts a BOM. (The import
    itself streams: csv_native_import_stream.py; the preview and the places CSV keep the rows.)"""
    from nomadcm.exchange.csv_native_import_stream import data_records, header_of, open_records

    with open_records(path) as stream:
        records = iter(stream)
        header = header_of(path, records, COLUMNS)
        return header, list(data_records(records))


@dataclass
class _Lookup:
    clients: dict[str, tuple[int, str]]  # name_key(name) -> (id, name as stored)
    channels: dict[tuple[int, str, str], int]  # (client, network, handle) -> channel id (< 0: to create)
    first_channel: dict[tuple[int, str], int]  # (client, network) -> its first channel


def _load_lookup(db: Database) -> _Lookup:
    with db.session() as s:
        clients = {name_key(name): (cid, name) for cid, name in s.execute(select(Client.id, Client.name))}
        channels: dict[tuple[int, str, str], int] = {}
        first: dict[tuple[int, str], int] = {}
        for chid, cid, net, handle in s.execute(
            select(Channel.id, Channel.client_id, Channel.network, Channel.handle).order_by(Channel.id)
        ):
            channels[(cid, net, handle)] = chid
            first.setdefault((cid, net), chid)
    return _Lookup(clients, channels, first)


_DRAFT_COLUMNS = (
    "client",
    "channel",
    "audience_time",
    "utc_time",
    "text",
    "audience_tz",
    "link",
    "tags",
    "status",
)


class NativeRows:
    """Turns records of a native CSV into post drafts: finds the client and the channel (a missing channel of
    a known client is to be created, under a negative placeholder id), reads the wall time. The post itself
    is checked by the posts' one check (services/schedule/post_writes.py), not here."""

    def __init__(self, db: Database, header: list[str]) -> None:
        self.index = {name: i for i, name in enumerate(header)}
        self.width = len(header)
        self.lookup = _load_lookup(db)
        self.create_missing: dict[int, NewChannel] = {}
        self.labels: dict[int, str] = {}  # placeholder -> "Client network:handle" of a channel to create
        self._read = [self.index.get(name) for name in _DRAFT_COLUMNS]
        # the cells of a draft in one call when the file has every column (a native export has)
        self._pick = itemgetter(*self._read) if None not in self._read else None
        self._channel_ids: dict[tuple[str, str], int] = {}  # (client cell, channel cell) -> channel id

    def cell(self, cells: list[str], name: str) -> str:
        i = self.index.get(name)
        return unneutralise(cells[i]) if i is not None and i < len(cells) else ""

    def draft(self, cells: list[str]) -> PostDraft:
        """The draft of one record; raises UserError when the record names no post (the reason is the
        row's error)."""
        if len(cells) != self.width:
            raise ValidationError(f"{len(cells)} cells, the header has {self.width}")
        picked = self._pick(cells) if self._pick is not None else None
        if picked is None or "\x00'" in "\x00" + "\x00".join(picked):  # a cell starting with ': the slow way
            picked = tuple(
                "" if i is None else cells[i] if cells[i][:1] != "'" else unneutralise(cells[i])
                for i in self._read
            )
        client, channel, wall_text, utc_text, text, tz, link, tags, status = picked
        # A file names few clients and channels, on every row: each spelling is looked up once.
        channel_id = self._channel_ids.get((client, channel))
        if channel_id is None:
            channel_id = self._channel_id(client, channel)
        wall_text = wall_text.strip()
        try:
            wall = parse_wall(wall_text)
        except ValueError:
            raise ValidationError(f"audience_time {wall_text!r} is not a valid YYYY-MM-DD HH:MM") from None
        utc_hint = _utc_hint(utc_text) if utc_text else None  # says which occurrence of a doubled time
        return PostDraft(
            channel_id,
            text,
            wall,
            tz.strip(),
            link=link,
            tags=tags,
            status=status or "scheduled",
            utc_hint=utc_hint,
        )

    def _channel_id(self, client: str, channel: str) -> int:
        """The channel a row's client and channel cells name (a placeholder for one to create); raises
        UserError naming the client or the network."""
        client_name = single_line(client)
        known = self.lookup.clients.get(name_key(client_name))
        if known is None:
            raise ValidationError(f"unknown client {client_name!r}" if client_name else "client is empty")
        client_id, client_name = known  # reports name the client as stored, not as typed
        network_text, _, handle = channel.partition(":")
        network = check_network(network_text)
        handle = single_line(handle)  # as the channel will be stored
        key = (client_id, network, handle)
        lookup = self.lookup
        channel_id = lookup.channels.get(key) if handle else lookup.first_channel.get((client_id, network))
        if channel_id is None:
            channel_id = -1 - len(self.create_missing)
            self.create_missing[channel_id] = NewChannel(client_id, network, handle)
            self.labels[channel_id] = f"{client_name} {channel_label(network, handle)}"
            lookup.channels[key] = channel_id
            lookup.first_channel.setdefault((client_id, network), channel_id)
        self._channel_ids[(client, channel)] = channel_id
        return channel_id


def _utc_hint(text: str) -> datetime | None:
    """The utc_time cell as an instant (`timezones.parse_utc`), None when it is none. The usual `...Z` cell
    is read by `fromisoformat` alone."""
    try:
        hint = datetime.fromisoformat(text)
        return hint if hint.tzinfo is UTC else timezones.parse_utc(text)
    except ValueError:
        pass
    try:
        return timezones.parse_utc(text)
    except ValueError:
        return None


def check_header(path: Path, header: list[str]) -> None:
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise UserError(f"{str(path)!r}: missing column(s) {', '.join(missing)} (header is line 1)")


def import_csv(db: Database, path: Path | str, progress: Progress | None = None) -> ImportReport:
    """Import every row of a native CSV, or none: raises ImportFailed listing each bad row by line.

    Rows become drafts here; checking and writing them is `PostService.add_many`, as for every post."""
    return import_csv_op(db, path, progress).result


def import_csv_op(db: Database, path: Path | str, progress: Progress | None = None) -> Change:
    """`import_csv`, saying what it changed (result: the ImportReport): undo deletes exactly the posts and
    channels it added, as one step; redo puts them back. One pass over the file, checked and written in
    batches inside one transaction, memory bounded (csv_native_import_stream.py)."""
    from nomadcm.exchange.csv_native_import_stream import import_in_one_pass

    return import_in_one_pass(db, Path(path), progress)
