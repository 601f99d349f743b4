"""Clients and their channels."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from nomadcm import timezones
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.models import (
    NETWORK_LIMITS,
    NETWORKS,
    Channel,
    Client,
    Post,
)
from nomadcm.services.names import single_line
from nomadcm.services.schedule.client_ops import ClientOps
from nomadcm.services.stale_edits import refuse_stale, refusing_stale
from nomadcm.services.team_roles import grant_owner_of_new_client
from nomadcm.storage import Database

DEFAULT_COLOURS = ("#4a90d9", "#e67e22", "#27ae60", "#8e44ad", "#c0392b", "#16a085", "#d35400", "#2c3e50")
_COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class ClientInfo:
    id: int
    name: str
    audience_tz: str
    country: str | None
    colour: str
    notes: str
    prime_start_min: int
    prime_end_min: int
    version: int = 1  # the row's version counter: hand it back to `update_client` (services/stale_edits.py)


@dataclass(frozen=True)
class ChannelInfo:
    id: int
    client_id: int
    client_name: str
    network: str
    handle: str
    text_limit: int | None
    version: int = 1  # hand it back to `update_channel` (services/stale_edits.py)

    @property
    def label(self) -> str:
        return f"{self.network} {self.handle}".strip()


def _client_info(c: Client) -> ClientInfo:
    return ClientInfo(
        c.id,
        c.name,
        c.audience_tz,
        c.country,
        c.colour,
        c.notes,
        c.prime_start_min,
        c.prime_end_min,
        c.version,
    )


def _channel_info(ch: Channel, client_name: str) -> ChannelInfo:
    return ChannelInfo(ch.id, ch.client_id, client_name, ch.network, ch.handle, ch.text_limit, ch.version)


def check_network(network: str) -> str:
    value = network.strip().lower()
    if value == "twitter":
        value = "x"
    if value not in NETWORKS:
        raise ValidationError(f"unknown network {network!r} (one of: {', '.join(NETWORKS)})")
    return value


def check_country(country: str | None) -> str | None:
    if not isinstance(country, str) and country is not None:  # a number or a list from a JSON file
        raise ValidationError(f"country {country!r} is not an ISO 3166 two-letter code (e.g. FR, CA, MG)")
    if country is None or not country.strip():
        return None
    code = country.strip().upper()
    if not re.fullmatch(r"[A-Z]{2}", code) or code not in timezones.country_codes():  # XX, ZZ: no country
        raise ValidationError(f"country {country!r} is not an ISO 3166 two-letter code (e.g. FR, CA, MG)")
    return code


def check_colour(colour: str) -> str:
    if not _COLOUR_RE.match(colour.strip()):
        raise ValidationError(f"colour {colour!r} is not of the form #RRGGBB")
    return colour.strip().lower()


def check_name(name: str) -> str:
    value = single_line(name)  # one line, no control character, NFC (services/names.py)
    if not value:
        raise ValidationError("a client needs a name")
    if len(value) > 200:
        raise ValidationError(f"client name {value[:40]!r}… is longer than 200 characters")
    return value


def check_handle(handle: str) -> str:
    value = single_line(handle)
    if len(value) > 200:
        raise ValidationError(f"handle {value[:40]!r}… is longer than 200 characters")
    return value


def check_minutes(value: int, what: str) -> int:
    if not 0 <= value <= 24 * 60:
        raise ValidationError(f"{what}: {value} is not a time of day in minutes (0–1440)")
    return value


class ClientService(ClientOps):
    def __init__(self, db: Database) -> None:
        self.db = db

    # ------------------------------------------------------------------ clients

    def list_clients(self) -> list[ClientInfo]:
        with self.db.session() as s:
            clients = [_client_info(c) for c in s.scalars(select(Client))]
        return sorted(clients, key=lambda c: sort_key(c.name))

    def get_client(self, client_id: int) -> ClientInfo:
        with self.db.session() as s:
            c = s.get(Client, client_id)
            if c is None:
                raise NotFoundError(f"no client with id {client_id}")
            return _client_info(c)

    def find_client(self, name: str) -> ClientInfo:
        with self.db.session() as s:
            return _client_info(_client_by_name(s, name))

    def add_client(
        self,
        name: str,
        audience_tz: str,
        country: str | None = None,
        colour: str | None = None,
        notes: str = "",
        prime_start_min: int = 8 * 60,
        prime_end_min: int = 21 * 60,
    ) -> ClientInfo:
        name = check_name(name)
        tz = timezones.check_zone(audience_tz)
        country = check_country(country)
        check_minutes(prime_start_min, "prime hours start")
        check_minutes(prime_end_min, "prime hours end")
        with self.db.write() as s:
            if _client_by_name(s, name, missing_ok=True) is not None:
                raise ValidationError(f"a client named {name!r} already exists")
            if colour is None:
                count = s.scalar(select(func.count(Client.id))) or 0
                colour = DEFAULT_COLOURS[count % len(DEFAULT_COLOURS)]
            client = Client(
                name=name,
                audience_tz=tz,
                country=country,
                colour=check_colour(colour),
                notes=notes,
                prime_start_min=prime_start_min,
                prime_end_min=prime_end_min,
            )
            s.add(client)
            with _name_taken(f"a client named {name!r} already exists"):
                s.flush()
            grant_owner_of_new_client(s, client.id)  # team mode: whoever adds a client owns it
            return _client_info(client)

    def update_client(
        self, client_id: int, *, expected_version: int | None = None, **fields: object
    ) -> ClientInfo:
        """Change any of name, audience_tz, country, colour, notes, prime_start_min, prime_end_min.
        `expected_version`: the version the client was read at (`ClientInfo.version`): a client changed since
        is refused (StaleEditError, services/stale_edits.py).

        Posts keep their own zone (the wall time the user meant): changing the audience zone changes the
        default for new posts, not the time of existing ones.
        """
        checks = {
            "name": check_name,
            "audience_tz": timezones.check_zone,
            "country": check_country,
            "colour": check_colour,
            "notes": str,
            "prime_start_min": lambda v: check_minutes(int(v), "prime hours start"),
            "prime_end_min": lambda v: check_minutes(int(v), "prime hours end"),
        }
        unknown = set(fields) - set(checks)
        if unknown:
            raise ValidationError(f"unknown client field(s): {', '.join(sorted(unknown))}")
        values = {k: checks[k](v) for k, v in fields.items()}  # type: ignore[operator]
        with refusing_stale(f"client {client_id}"), self.db.write() as s:
            client = s.get(Client, client_id, with_for_update=True)
            if client is None:
                raise NotFoundError(f"no client with id {client_id}")
            refuse_stale(s, client, expected_version, f"client {client.name!r}")
            renamed = "name" in values and values["name"].casefold() != client.name.casefold()
            if renamed and _client_by_name(s, values["name"], missing_ok=True) is not None:
                raise ValidationError(f"a client named {values['name']!r} already exists")
            for key, value in values.items():
                setattr(client, key, value)
            with _name_taken(f"a client named {client.name!r} already exists"):
                s.flush()
            return _client_info(client)

    def delete_client(self, client_id: int) -> None:
        """Deletes the client, its channels and their posts (the GUI asks first when there are posts)."""
        with self.db.write() as s:
            # Locked (PostgreSQL): the ORM's DELETE checks the version it read (services/stale_edits.py).
            client = s.get(Client, client_id, with_for_update=True)
            if client is None:
                raise NotFoundError(f"no client with id {client_id}")
            s.delete(client)

    def post_count(self, client_id: int) -> int:
        with self.db.session() as s:
            return int(
                s.scalar(
                    select(func.count(Post.id))
                    .join(Channel, Post.channel_id == Channel.id)
                    .where(Channel.client_id == client_id)
                )
                or 0
            )

    # ------------------------------------------------------------------ channels

    def list_channels(self, client_id: int | None = None) -> list[ChannelInfo]:
        stmt = select(Channel, Client.name).join(Client, Channel.client_id == Client.id)
        if client_id is not None:
            stmt = stmt.where(Channel.client_id == client_id)
        stmt = stmt.order_by(Channel.network, Channel.handle)
        with self.db.session() as s:
            channels = [_channel_info(ch, name) for ch, name in s.execute(stmt)]
        return sorted(channels, key=lambda ch: sort_key(ch.client_name))  # stable: network order kept

    def get_channel(self, channel_id: int) -> ChannelInfo:
        with self.db.session() as s:
            ch = s.get(Channel, channel_id)
            if ch is None:
                raise NotFoundError(f"no channel with id {channel_id}")
            return _channel_info(ch, ch.client.name)

    def find_channel(self, client_name: str, network: str, handle: str | None = None) -> ChannelInfo:
        network = check_network(network)
        with self.db.session() as s:
            client = _client_by_name(s, client_name)
            ch = _channel_of(s, client.id, network, handle)
            if ch is None:
                raise NotFoundError(f"client {client.name!r} has no {network} channel")
            return _channel_info(ch, client.name)

    def add_channel(
        self, client_id: int, network: str, handle: str = "", text_limit: int | str | None = "default"
    ) -> ChannelInfo:
        network = check_network(network)
        limit = NETWORK_LIMITS[network] if text_limit == "default" else text_limit
        if limit is not None and (not isinstance(limit, int) or limit <= 0):
            raise ValidationError(f"text limit {limit!r} must be a positive number of characters")
        handle = check_handle(handle)
        with self.db.write() as s:
            client = s.get(Client, client_id)
            if client is None:
                raise NotFoundError(f"no client with id {client_id}")
            taken = f"client {client.name!r} already has the channel {network} {handle}".rstrip()
            if s.scalar(
                select(Channel.id).where(
                    Channel.client_id == client_id,
                    Channel.network == network,
                    func.lower(Channel.handle) == handle.lower(),
                )
            ):
                raise ValidationError(taken)
            ch = Channel(client_id=client_id, network=network, handle=handle, text_limit=limit)
            s.add(ch)
            with _name_taken(taken):
                s.flush()
            return _channel_info(ch, client.name)

    def update_channel(
        self,
        channel_id: int,
        handle: str | None = None,
        text_limit: int | str | None = "keep",
        *,
        expected_version: int | None = None,
    ) -> ChannelInfo:
        """`expected_version`: the version the channel was read at (`ChannelInfo.version`); stale: refused."""
        with refusing_stale(f"channel {channel_id}"), self.db.write() as s:
            ch = s.get(Channel, channel_id, with_for_update=True)
            if ch is None:
                raise NotFoundError(f"no channel with id {channel_id}")
            refuse_stale(s, ch, expected_version, f"channel {ch.network} {ch.handle}".rstrip())
            if handle is not None:
                ch.handle = check_handle(handle)
            if text_limit != "keep":
                if text_limit is not None and (not isinstance(text_limit, int) or text_limit <= 0):
                    raise ValidationError(
                        f"text limit {text_limit!r} must be a positive number of characters"
                    )
                ch.text_limit = text_limit
            with _name_taken(f"client {ch.client.name!r} already has the channel {ch.network} {ch.handle}"):
                s.flush()
            return _channel_info(ch, ch.client.name)

    def delete_channel(self, channel_id: int) -> None:
        with self.db.write() as s:
            ch = s.get(Channel, channel_id, with_for_update=True)  # see delete_client
            if ch is None:
                raise NotFoundError(f"no channel with id {channel_id}")
            s.delete(ch)

    def channel_post_count(self, channel_id: int) -> int:
        with self.db.session() as s:
            return int(s.scalar(select(func.count(Post.id)).where(Post.channel_id == channel_id)) or 0)


@contextmanager
def _name_taken(message: str) -> Iterator[None]:
    """The database's own refusal of a name taken in another case (a unique index on lower(name),
    migration 0006), e.g. by another session between our check and our insert, as the friendly message."""
    try:
        yield
    except IntegrityError as err:
        if "unique" in str(err.orig).lower() or "duplicate" in str(err.orig).lower():
            raise ValidationError(message) from None
        raise


def client_id_by_name(s: Session, name: str) -> int | None:
    """The id of the client called `name`, ignoring case and accents' case (SQLite's lower() is ASCII-only,
    so "ÉRABLE café" is matched here in Python; a CM has dozens of clients, not millions)."""
    wanted = name_key(name)
    for cid, cname in s.execute(select(Client.id, Client.name)):
        if name_key(cname) == wanted:
            return int(cid)
    return None


def sort_key(name: str) -> tuple[str, str]:
    """Alphabetical order as a French reader expects it: "Érable" with the E's, not after "Zèbre" (SQLite's
    lower() and ORDER BY only know ASCII)."""
    folded = name_key(name)
    bare = "".join(ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch))
    bare = bare.replace("œ", "oe").replace("æ", "ae")  # "Œuf" among the O's
    return bare, folded


def name_key(name: str) -> str:
    """What two client names must share to be the same client: spaces, case and Unicode form ignored."""
    return single_line(name).casefold()


def _client_by_name(s: Session, name: str, missing_ok: bool = False) -> Client | None:
    cid = client_id_by_name(s, name)
    client = s.get(Client, cid) if cid is not None else None
    if client is None and not missing_ok:
        raise NotFoundError(f"unknown client {name!r}")
    return client


def _channel_of(s: Session, client_id: int, network: str, handle: str | None) -> Channel | None:
    stmt = select(Channel).where(Channel.client_id == client_id, Channel.network == network)
    if handle:
        stmt = stmt.where(Channel.handle == single_line(handle))
    return s.scalars(stmt.order_by(Channel.id)).first()
