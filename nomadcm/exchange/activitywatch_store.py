"""Writing a checked ActivityWatch export: not-afk stretches (and a phone's app events) become screen
sessions, window events app usage.

Both writers run inside the one transaction of an ActivityWatch import (`activitywatch.AwImport`). Screen
stretches are merged with the sessions of the same host already imported (a newer export extends or joins
them, never copies them); window events are upserted on their source id as the export is read, in batches
through the raw driver on SQLite (a year is about a million events) and through SQLAlchemy's PostgreSQL
upsert elsewhere.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, insert, select

from nomadcm.exchange.wellbeing_io import ImportSummary, check_row_dates, sqlite_datetime
from nomadcm.models import AppUsage, ScreenSession
from nomadcm.services.wellbeing import days as d

SOURCE = "activitywatch"
BATCH = 10_000  # window rows per write: memory holds one batch (about 10 MB with long titles)


def sync_sessions(
    conn: Any,
    host: str,
    stretches: list[d.Interval],
    device: str,
    timeline: d.ZoneTimeline,
    summary: ImportSummary,
) -> None:
    if not stretches:
        return
    t = ScreenSession.__table__.c
    prefix = f"{host}@"
    lo, hi = d.from_ts(stretches[0][0]), d.from_ts(stretches[-1][1])
    check_row_dates([{"start_utc": lo, "end_utc": hi}], summary.what)  # 1970..2100 (date_bounds.py)
    existing = [
        (row.start_utc.timestamp(), row.end_utc.timestamp(), row.id)
        for row in conn.execute(
            select(t.id, t.start_utc, t.end_utc).where(
                t.source == SOURCE,
                t.device == device,
                func.substr(t.source_id, 1, len(prefix)) == prefix,
                t.end_utc >= lo,
                t.start_utc <= hi,
            )
        )
    ]
    merged = d.union([*stretches, *((a, b) for a, b, _ in existing)])
    old = {(a, b): i for a, b, i in existing}
    absorbed: list[int] = []
    new_rows = []
    j = 0
    ordered = sorted(existing)
    for a, b in merged:
        if (a, b) in old:
            summary.unchanged += 1
            continue
        inside = []
        while j < len(ordered) and ordered[j][0] < a:
            j += 1
        k = j
        while k < len(ordered) and ordered[k][1] <= b:
            inside.append(ordered[k][2])
            k += 1
        absorbed.extend(inside)
        if inside:
            summary.updated += 1
        else:
            summary.added += 1
        start, end = d.from_ts(a), d.from_ts(b)
        new_rows.append(
            {
                "device": device,
                "start_utc": start,
                "end_utc": end,
                "tz": timeline.zone_at(a),
                "client_id": None,
                "client_uuid": None,
                "workplace_id": None,
                "workplace_uuid": None,
                "activity": "",
                "source": SOURCE,
                "source_id": f"{prefix}{sqlite_datetime(start)}",
            }
        )
    if absorbed:
        conn.execute(delete(ScreenSession).where(t.id.in_(absorbed)))
    if new_rows:
        conn.execute(insert(ScreenSession), new_rows)


class WindowWriter:
    """Window events upserted on their source id as they come, `BATCH` at a time, inside the import's one
    transaction: memory holds one batch, not the export. `stop()` after the first bad event: the rest is
    only checked (the transaction will roll back). `close()` writes what is left and fills the summary."""

    def __init__(self, conn: Any, summary: ImportSummary) -> None:
        self.conn = conn
        self.summary = summary
        self.pending: list[tuple[str, str, str, str, str, str]] = []  # bucket, start, end, app, title, device
        self.seen = 0
        self.changed = 0
        self.writing = True
        t = AppUsage.__table__.c
        self.count = select(func.count()).select_from(AppUsage.__table__).where(t.source == SOURCE)
        self.before = conn.execute(self.count).scalar_one()
        self.sqlite = conn.dialect.name == "sqlite"

    def add(self, window: tuple[str, str, str, str, str], device: str) -> None:
        self.seen += 1
        if self.writing:
            self.pending.append((*window, device))
            if len(self.pending) >= BATCH:
                self.flush()

    def stop(self) -> None:
        self.writing = False
        self.pending = []

    def flush(self) -> None:
        if not self.pending or not self.writing:
            return
        rows, self.pending = self.pending, []
        if self.sqlite:
            raw = self.conn.connection.driver_connection
            before = raw.total_changes
            cursor = raw.cursor()
            cursor.executemany(
                _SQLITE_UPSERT,
                [(app, title, a, b, dev, SOURCE, f"{bucket}@{a}") for bucket, a, b, app, title, dev in rows],
            )
            cursor.close()
            self.changed += raw.total_changes - before
            return
        from sqlalchemy.dialects.postgresql import insert as pg_insert  # PostgreSQL: the same upsert

        stmt = pg_insert(AppUsage.__table__)
        stmt = stmt.on_conflict_do_update(
            index_elements=["source", "source_id"],
            set_={"end_utc": stmt.excluded.end_utc, "app": stmt.excluded.app, "title": stmt.excluded.title},
            where=stmt.excluded.end_utc > AppUsage.__table__.c.end_utc,
        )
        values = [
            {
                "app": app,
                "title": title,
                "start_utc": _aware(a),
                "end_utc": _aware(b),
                "device": dev,
                "source": SOURCE,
                "source_id": f"{bucket}@{a}",
            }
            for bucket, a, b, app, title, dev in rows
        ]
        # Count the rows RETURNING gives back (inserted, or updated by the WHERE above): the rowcount of a
        # batched executemany is -1 on PostgreSQL, and summing it reported 0 rows updated.
        returned = self.conn.execute(stmt.returning(AppUsage.__table__.c.id), values).all()
        self.changed += len(returned)

    def close(self) -> None:
        self.flush()
        added = self.conn.execute(self.count).scalar_one() - self.before
        updated = max(0, self.changed - added)
        self.summary.added += added
        self.summary.updated += updated
        self.summary.unchanged += self.seen - added - updated


_SQLITE_UPSERT = (
    "INSERT INTO app_usage (app, title, start_utc, end_utc, device, source, source_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, source_id) DO UPDATE SET "
    "end_utc = excluded.end_utc, app = excluded.app, title = excluded.title "
    "WHERE excluded.end_utc > app_usage.end_utc"
)


def _aware(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)
