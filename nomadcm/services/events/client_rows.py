"""A client's event rows in the snapshot its deletion keeps for Undo (services/schedule/client_ops.py): its
calendars, events, their acknowledgements and its launch window, put back under the client's new id."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nomadcm.models.events import ClientEvent, ClientEventPrefs, EventAck, EventCalendar

TABLES = ("event_calendar", "client_event", "event_ack", "client_event_prefs")

Rows = dict[str, list[dict[str, Any]]]
Put = Callable[[Any, list[dict[str, Any]]], dict[Any, int]]  # (table, rows already mapped) -> old id -> new


def snapshot(s: Session, client_id: int) -> Rows:
    def rows(table: Any, where: Any) -> list[dict[str, Any]]:
        return [dict(r) for r in s.execute(select(table).where(where).order_by(table.c.id)).mappings()]

    snap = {
        "event_calendar": rows(EventCalendar.__table__, EventCalendar.__table__.c.client_id == client_id),
        "client_event": rows(ClientEvent.__table__, ClientEvent.__table__.c.client_id == client_id),
        "client_event_prefs": rows(
            ClientEventPrefs.__table__, ClientEventPrefs.__table__.c.client_id == client_id
        ),
    }
    event_ids = [r["id"] for r in snap["client_event"]]
    snap["event_ack"] = rows(EventAck.__table__, EventAck.__table__.c.event_id.in_(event_ids))
    return snap


def restore(snap: Rows, client_map: dict[Any, int], put: Put) -> None:
    """Inserts the rows of `snapshot`, parents first, each foreign key mapped to its parent's new id."""

    def client(row: dict[str, Any]) -> dict[str, Any]:
        return {**row, "client_id": client_map.get(row["client_id"], row["client_id"])}

    calendars = put(EventCalendar.__table__, [client(r) for r in snap.get("event_calendar", [])])
    events = put(
        ClientEvent.__table__,
        [
            {**client(r), "calendar_id": calendars.get(r["calendar_id"], r["calendar_id"])}
            for r in snap.get("client_event", [])
        ],
    )
    put(
        EventAck.__table__,
        [{**r, "event_id": events.get(r["event_id"], r["event_id"])} for r in snap.get("event_ack", [])],
    )
    put(ClientEventPrefs.__table__, [client(r) for r in snap.get("client_event_prefs", [])])
