"""Stored wellbeing rows as the records the services return (`ScreenInfo`, `RestInfo`: never a live ORM
object), and an instant as SQLite stores it, for comparing in SQL."""

from __future__ import annotations

from datetime import UTC, datetime

from nomadcm.models import RestPeriod, ScreenSession
from nomadcm.services.wellbeing.record_values import RestInfo, ScreenInfo


def sqlite_text(instant: datetime) -> str:
    return instant.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def screen_info(row: ScreenSession, client_name: str | None) -> ScreenInfo:
    return ScreenInfo(
        row.id,
        row.device,
        row.start_utc,
        row.end_utc,
        row.tz,
        row.client_id,
        client_name or "",
        row.workplace_id,
        row.activity or "",
        row.source,
        row.source_id,
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
