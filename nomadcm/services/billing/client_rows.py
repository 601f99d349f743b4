"""A client's contracts and hand-logged work in the snapshot its deletion keeps for Undo
(services/schedule/client_ops.py), put back under the client's new id."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nomadcm.models import Contract, WorkEntry

TABLES = ("contract", "work_entry")

Rows = dict[str, list[dict[str, Any]]]
Put = Callable[[Any, list[dict[str, Any]]], dict[Any, int]]  # (table, rows already mapped) -> old id -> new


def snapshot(s: Session, client_id: int) -> Rows:
    out: Rows = {}
    for table in (Contract.__table__, WorkEntry.__table__):
        stmt = select(table).where(table.c.client_id == client_id).order_by(table.c.id)
        out[table.name] = [dict(r) for r in s.execute(stmt).mappings()]
    return out


def restore(snap: Rows, client_map: dict[Any, int], put: Put) -> None:
    for table in (Contract.__table__, WorkEntry.__table__):
        rows = [
            {**r, "client_id": client_map.get(r["client_id"], r["client_id"])}
            for r in snap.get(table.name, [])
        ]
        put(table, rows)
