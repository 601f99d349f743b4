"""Stored wellbeing rows as the records the services return (`ScreenInfo`, `RestInfo`: never a live ORM
object), and an instant as SQLite stores it, for comparing in SQL."""

from __future__ import annotations

from datetime import UTC, datetime

from nomadcm.models import RestPeriod, ScreenSession
from nomadcm.services.wellbeing.record_values import RestInfo, ScreenInfo


def sqlite_text(instant: datetime) -> str:
    return instant.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def screen_info(
    row: ScreenSession,
    client_name: str | None,
    refs: tuple[dict[str, tuple[int, str]], dict[str, int]] | None = None,
) -> ScreenInfo:
    """`refs` (clients and places by UUID, personal_file.TeamRefs): the row is in her own file and names
    the team's client and place by UUID only; its ids and the client's name are read from them."""
    client_id, workplace_id = row.client_id, row.workplace_id
    if refs is not None:
        clients, places = refs
        client_id, client_name = clients.get(row.client_uuid or "", (None, ""))
        workplace_id = places.get(row.workplace_uuid or "")
    return ScreenInfo(
        row.id,
        row.device,
        row.start_utc,
        row.end_utc,
        row.tz,
        client_id,
        client_name or "",
        workplace_id,
        row.activity or "",
        row.source,
        row.source_id,
        row.client_uuid,
        row.workplace_uuid,
    )


def rest_info(row: RestPeriod) -> RestInfo:
    return RestInfo(
        row.id,
        row.kind,
        row.start_utc,
        row.end_utc,
        row.tz,
        row.quality,
        row.note or "",
        row.source,
        row.source_id,
    )
