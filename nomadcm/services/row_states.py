"""Undo by row states: the rows a write touched, as they were before and after it, written back.

For writes whose inverse is "put these rows back as they were" (a place edit, a speed test that also marked
the place visited, an import that inserts some rows and updates others): capture the rows before the write,
capture them after, and `swap` gives the Change whose undo writes the before-state and whose redo writes the
after-state again. A row absent from a state is deleted when that state is written; a present row is updated
in place or inserted under its own id. Tables are written parents first (deletes children first).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from nomadcm.services.changes import Change, steps
from nomadcm.storage import Database


@dataclass(frozen=True)
class TableState:
    table: Table
    ids: frozenset[int]  # the rows this state speaks for (present or not)
    rows: tuple[dict[str, Any], ...]  # the present ones, as they are


RowState = tuple[TableState, ...]


def capture(s: Session, spec: Sequence[tuple[Table, Iterable[int] | None]]) -> RowState:
    """The rows of each (table, ids) as they are now; ids None: the whole table."""
    states = []
    for table, ids in spec:
        stmt = select(table).order_by(table.c.id)
        if ids is not None:
            wanted = list(ids)
            stmt = stmt.where(table.c.id.in_(wanted))
        rows = tuple(dict(r) for r in s.execute(stmt).mappings())
        known = frozenset(wanted) if ids is not None else frozenset(r["id"] for r in rows)
        states.append(TableState(table, known | {r["id"] for r in rows}, rows))
    return tuple(states)


def diff(before: RowState, after: RowState) -> tuple[RowState, RowState]:
    """Both states narrowed to the rows that differ (inserted, updated or deleted by the write)."""
    narrowed_before, narrowed_after = [], []
    for b, a in zip(before, after, strict=True):
        old = {r["id"]: r for r in b.rows}
        new = {r["id"]: r for r in a.rows}
        changed = frozenset(i for i in b.ids | a.ids if old.get(i) != new.get(i))
        narrowed_before.append(TableState(b.table, changed, tuple(r for r in b.rows if r["id"] in changed)))
        narrowed_after.append(TableState(a.table, changed, tuple(r for r in a.rows if r["id"] in changed)))
    return tuple(narrowed_before), tuple(narrowed_after)


def changed_rows(state: RowState) -> int:
    return sum(len(t.ids) for t in state)


def write(db: Database, state: RowState) -> None:
    """Makes the database hold `state`: its absent rows deleted, its present rows updated or inserted."""
    with db.write() as s:
        for t in reversed(state):
            present = {r["id"] for r in t.rows}
            gone = [i for i in t.ids if i not in present]
            if gone:
                s.execute(delete(t.table).where(t.table.c.id.in_(gone)))
        for t in state:
            if not t.rows:
                continue
            existing = set(s.scalars(select(t.table.c.id).where(t.table.c.id.in_([r["id"] for r in t.rows]))))
            for row in t.rows:
                if row["id"] in existing:
                    s.execute(update(t.table).where(t.table.c.id == row["id"]).values(**row))
            fresh = [r for r in t.rows if r["id"] not in existing]
            if fresh:
                s.execute(insert(t.table), fresh)


def swap(
    db: Database,
    areas: Iterable[str] | str,
    label: str,
    before: RowState,
    after: RowState,
    result: Any = None,
    *,
    count: int = 1,
    subject: str = "",
) -> Change:
    """The Change of a write already done that took the rows from `before` to `after`."""
    return steps(
        areas,
        label,
        lambda: write(db, after),
        lambda: write(db, before),
        result,
        count=count,
        subject=subject,
    )
