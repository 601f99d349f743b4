"""Writing a checked ActivityWatch export: not-afk stretches become screen sessions, window events app usage.

Both writers run inside the one transaction of `activitywatch.import_data`. Screen stretches are merged with
the sessions of the same host already imported (a newer export extends or joins them, never copies them);
window events are upserted on their source id, in batches through the raw driver on SQLite (a year is about
a million events) and through SQLAlchemy's PostgreSQL upsert elsewhere.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, insert, select

from nomadcm.exchange.wellbeing_io import ImportSummary, Progress, sqlite_datetime
from nomadcm.models import AppUsage, ScreenSession
from nomadcm.services.wellbeing import days as d

SOURCE = "activitywatch"
BATCH = 20000


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
                "workplace_id": None,
                "activity": "",
                "source": SOURCE,
                "source_id": f"{prefix}{sqlite_datetime(start)}",
            }
        )
    if absorbed:
        conn.execute(delete(ScreenSession).where(t.id.in_(absorbed)))
    if new_rows:
        conn.execute(insert(ScreenSession), new_rows)


def write_windows(
    conn: Any,
    windows: list[tuple[str, str, str, str, str]],
    device: str,
    summary: ImportSummary,
    progress: Progress | None,
    total: int,
) -> None:
    if not windows:
        return
    t = AppUsage.__table__.c
    count = select(func.count()).select_from(AppUsage.__table__).where(t.source == SOURCE)
    before = conn.execute(count).scalar_one()
    done = total - len(windows)
    if conn.dialect.name == "sqlite":
        sql = (
            "INSERT INTO app_usage (app, title, start_utc, end_utc, device, source, source_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, source_id) DO UPDATE SET "
            "end_utc = excluded.end_utc, app = excluded.app, title = excluded.title "
            "WHERE excluded.end_utc > app_usage.end_utc"
        )
        raw = conn.connection.driver_connection
        changes_before = raw.total_changes
        cursor = raw.cursor()
        for start in range(0, len(windows), BATCH):
            chunk = windows[start : start + BATCH]
            cursor.executemany(
                sql,
                [(app, title, a, b, device, SOURCE, f"{bucket}@{a}") for bucket, a, b, app, title in chunk],
            )
            done += len(chunk)
            if progress:
                progress(done, total)
        cursor.close()
        changed = raw.total_changes - changes_before
    else:  # PostgreSQL: the same upsert through SQLAlchemy
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        changed = 0
        for start in range(0, len(windows), BATCH):
            chunk = windows[start : start + BATCH]
            rows = [
                {
                    "app": app,
                    "title": title,
                    "start_utc": _aware(a),
                    "end_utc": _aware(b),
                    "device": device,
                    "source": SOURCE,
                    "source_id": f"{bucket}@{a}",
                }
                for bucket, a, b, app, title in chunk
            ]
            stmt = pg_insert(AppUsage.__table__)
            stmt = stmt.on_conflict_do_update(
                index_elements=["source", "source_id"],
                set_={
                    "end_utc": stmt.excluded.end_utc,
                    "app": stmt.excluded.app,
                    "title": stmt.excluded.title,
                },
                where=stmt.excluded.end_utc > AppUsage.__table__.c.end_utc,
            )
            changed += conn.execute(stmt, rows).rowcount
            done += len(chunk)
            if progress:
                progress(done, total)
    after = conn.execute(count).scalar_one()
    summary.added = after - before
    summary.updated = max(0, changed - summary.added)
    summary.unchanged = len(windows) - summary.added - summary.updated


def _aware(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)
