"""Where a member's wellbeing lives, and how its screen sessions name the team's clients and places.

On a team database (a server) wellbeing never reaches the server: screen sessions, rest periods, app usage,
the running screen timers and the wellbeing goals and break settings stay in her own SQLite file on this
computer — the default local database (`paths.default_db_path`), the file she opens when she works alone, so
her wellbeing history is one whichever database she opens. On a SQLite database that file is the database.

Her own file has no row of the team's clients and places, so a session written while on a team database
names them by UUID (`client_uuid`, `workplace_uuid`) with NULL ids. On a SQLite database both are kept (id and
UUID), so either reader works. `TeamRefs` writes and reads these links for a pair (rows' database, the
database of the clients and places).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from nomadcm import paths
from nomadcm.errors import NotFoundError
from nomadcm.models import Client, Workplace
from nomadcm.storage import Database


def is_server(db: Database) -> bool:
    """A team database on a server (it has no file)."""
    return db.path is None


def personal_file_path() -> Path:
    """Her own file on this computer: the default local database (read at call time, so tests move it)."""
    return paths.default_db_path()


@dataclass(frozen=True)
class SessionLinks:
    """The four link columns of a screen session as stored."""

    client_id: int | None = None
    client_uuid: str | None = None
    workplace_id: int | None = None
    workplace_uuid: str | None = None

    def columns(self) -> dict[str, Any]:
        return {
            "client_id": self.client_id,
            "client_uuid": self.client_uuid,
            "workplace_id": self.workplace_id,
            "workplace_uuid": self.workplace_uuid,
        }


class TeamRefs:
    """Links from screen sessions stored in `rows_db` to clients and places of `shared`. `split`: two
    databases (a team database and her own file), so the ids of `shared` are never stored in `rows_db`."""

    def __init__(self, rows_db: Database, shared: Database) -> None:
        self.rows_db = rows_db
        self.shared = shared
        self.split = rows_db is not shared

    def links(self, client_id: int | None, workplace_id: int | None = None) -> SessionLinks:
        """The columns for a session of this client and place (NotFoundError naming a missing one)."""
        client_uuid = place_uuid = None
        if client_id is not None or workplace_id is not None:
            with self.shared.session() as s:
                if client_id is not None:
                    client_uuid = s.scalar(select(Client.uuid).where(Client.id == client_id))
                    if client_uuid is None and s.get(Client, client_id) is None:
                        raise NotFoundError(f"no client #{client_id}")
                if workplace_id is not None:
                    place_uuid = s.scalar(select(Workplace.uuid).where(Workplace.id == workplace_id))
                    if place_uuid is None and s.get(Workplace, workplace_id) is None:
                        raise NotFoundError(f"no place with id {workplace_id}")
        if self.split:
            return SessionLinks(None, client_uuid, None, place_uuid)
        return SessionLinks(client_id, client_uuid, workplace_id, place_uuid)

    def clients_by_uuid(self) -> dict[str, tuple[int, str]]:
        """Every client of `shared` by UUID: (id, name)."""
        with self.shared.session() as s:
            rows = s.execute(select(Client.uuid, Client.id, Client.name).where(Client.uuid.is_not(None)))
            return {str(u): (int(i), str(n)) for u, i, n in rows}

    def places_by_uuid(self) -> dict[str, int]:
        with self.shared.session() as s:
            rows = s.execute(select(Workplace.uuid, Workplace.id).where(Workplace.uuid.is_not(None)))
            return {str(u): int(i) for u, i in rows}

    def client_uuids(self, client_ids: Iterable[int]) -> dict[int, str]:
        """The UUIDs of these clients of `shared` (those that have one)."""
        ids = list(client_ids)
        if not ids:
            return {}
        with self.shared.session() as s:
            rows = s.execute(
                select(Client.id, Client.uuid).where(Client.id.in_(ids), Client.uuid.is_not(None))
            )
            return {int(i): str(u) for i, u in rows}

    def client_with_uuid(self, client_uuid: str) -> int | None:
        """The id in `shared` of the client with this UUID (None: not in this database)."""
        with self.shared.session() as s:
            return s.scalar(select(Client.id).where(Client.uuid == client_uuid))

    def place_uuid(self, place_id: int) -> str | None:
        with self.shared.session() as s:
            return s.scalar(select(Workplace.uuid).where(Workplace.id == place_id))
