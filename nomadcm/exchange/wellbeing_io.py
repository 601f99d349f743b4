"""What the wellbeing importers share: problems by position, the summary, and idempotent writes.

Every importer checks the whole file first and writes all or nothing in one transaction. A row is known by
its source and the source's id (`UniqueConstraint(source, source_id)`), so importing the same file twice
changes nothing, and importing a newer export of the same data only adds or extends what is new.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.engine import Connection

from nomadcm import date_bounds
from nomadcm.errors import UserError, ValidationError

Progress = Callable[[int, int], None]
MAX_LISTED = 20
MAX_KEPT = 1000  # problems kept for the dialog; the rest of a hopeless file is only counted


@dataclass(frozen=True)
class ImportProblem:
    position: str  # "line 12", "bucket aw-watcher-afk_x, event 17"
    reason: str

    def __str__(self) -> str:
        return f"{self.position}: {self.reason}"


class WellbeingImportFailed(ValidationError):
    """Nothing was imported; `.problems` lists the bad rows by position (the first `MAX_KEPT` of them when
    a streaming importer counted more: `total`)."""

    def __init__(self, source: str, problems: Sequence[ImportProblem], total: int | None = None) -> None:
        self.problems = list(problems)
        self.total = max(total or 0, len(self.problems))
        shown = "; ".join(str(p) for p in self.problems[:MAX_LISTED])
        more = f"; and {self.total - MAX_LISTED} more" if self.total > MAX_LISTED else ""
        super().__init__(f"{source}: nothing imported, {self.total} bad row(s): {shown}{more}")


class ProblemList:
    """The problems of a file read as a stream: every one counted, the first `MAX_KEPT` kept."""

    def __init__(self) -> None:
        self.kept: list[ImportProblem] = []
        self.count = 0

    def __bool__(self) -> bool:
        return self.count > 0

    def add(self, position: str, reason: str) -> None:
        self.count += 1
        if len(self.kept) < MAX_KEPT:
            self.kept.append(ImportProblem(position, reason))

    def raise_if_any(self, source: str) -> None:
        if self.count:
            raise WellbeingImportFailed(source, self.kept, self.count)


@dataclass
class ImportSummary:
    """What an import did: rows added, rows updated (a longer event, a re-rated night), rows already there."""

    what: str  # "screen sessions", "rest periods", ...
    added: int = 0
    updated: int = 0
    unchanged: int = 0

    def __str__(self) -> str:
        return f"{self.what}: {self.added} added, {self.updated} updated, {self.unchanged} already there"


def read_text(path: Path | str) -> str:
    """The whole text of a small file (tests, pasted text); importers stream (exchange/csv_stream.py)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise UserError(f"cannot read {str(path)!r}: {err.strerror}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise UserError(f"{str(path)!r} is not UTF-8 text (byte {err.start})") from None


def sqlite_datetime(instant: datetime) -> str:
    """An aware instant as SQLAlchemy stores a DateTime on SQLite (naive UTC with microseconds), so that raw
    bulk inserts compare and read back exactly like ORM writes."""
    return instant.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def check_row_dates(rows: Iterable[dict[str, Any]], what: str) -> None:
    """Every start_utc / end_utc inside the dates NomadCM handles, or a ValidationError naming the first
    one outside (the caller's transaction rolls back: nothing imported)."""
    for r in rows:
        for key in ("start_utc", "end_utc"):
            value = r.get(key)
            if isinstance(value, datetime) and not date_bounds.in_range(value):
                name = f"{what} {r.get('source_id') or ''}".strip()
                raise ValidationError(f"nothing imported: {date_bounds.out_of_range_message(value, name)}")


def sync_rows(
    conn: Connection,
    table: Table,
    rows: Sequence[dict[str, Any]],
    compare: Iterable[str],
    summary: ImportSummary,
    progress: Progress | None = None,
    batch: int = 2000,
) -> None:
    """Inserts rows whose (source, source_id) is new, updates those whose `compare` columns changed.

    A row dated outside 1970..2100 (date_bounds.py) refuses the whole import, whichever importer read it."""
    check_row_dates(rows, summary.what)
    compare = list(compare)
    col = table.c
    done = 0
    for start in range(0, len(rows), batch):
        chunk = rows[start : start + batch]
        by_source: dict[str, list[str]] = {}
        for r in chunk:
            by_source.setdefault(r["source"], []).append(r["source_id"])
        existing: dict[tuple[str, str], Any] = {}
        for source, ids in by_source.items():
            for row in conn.execute(
                select(col.id, col.source, col.source_id, *[col[c] for c in compare]).where(
                    col.source == source, col.source_id.in_(ids)
                )
            ):
                existing[(row.source, row.source_id)] = row
        new, changed = [], []
        for r in chunk:
            old = existing.get((r["source"], r["source_id"]))
            if old is None:
                new.append(r)
            elif any(getattr(old, c) != r[c] for c in compare):
                changed.append({"_id": old.id, **{f"v_{c}": r[c] for c in compare}})
            else:
                summary.unchanged += 1
        if new:
            conn.execute(table.insert(), new)
            summary.added += len(new)
        if changed:
            stmt = (
                update(table)
                .where(col.id == bindparam("_id"))
                .values({c: bindparam(f"v_{c}") for c in compare})
            )
            conn.execute(stmt, changed)
            summary.updated += len(changed)
        done += len(chunk)
        if progress:
            progress(done, len(rows))


class RowSync:
    """`sync_rows` for rows read one at a time from a file: `batch` rows at a time, inside the import's one
    transaction, so memory holds a batch and not the file. Within a batch the last copy of a source id wins
    (a night exported twice keeps its last version) and the others count as unchanged; a copy in a later
    batch updates the row written before, or leaves it as it is. `before_batch(conn, rows)` runs before each
    batch is written; `stop()` after the first bad row: the rest of the file is only checked (the caller
    raises, and the transaction rolls back)."""

    def __init__(
        self,
        conn: Connection,
        table: Table,
        compare: Iterable[str],
        summary: ImportSummary,
        *,
        batch: int = 2000,
        before_batch: Callable[[Connection, list[dict[str, Any]]], None] | None = None,
    ) -> None:
        self.conn = conn
        self.table = table
        self.compare = list(compare)
        self.summary = summary
        self.batch = batch
        self.before_batch = before_batch
        self.pending: dict[tuple[str, str], dict[str, Any]] = {}
        self.writing = True

    def add(self, row: dict[str, Any]) -> None:
        if not self.writing:
            return
        key = (row["source"], row["source_id"])
        if self.pending.pop(key, None) is not None:
            self.summary.unchanged += 1
        self.pending[key] = row
        if len(self.pending) >= self.batch:
            self.flush()

    append = add  # a RowSync stands where a list of rows would

    def stop(self) -> None:
        self.writing = False
        self.pending = {}

    def flush(self) -> None:
        if not self.pending or not self.writing:
            return
        rows, self.pending = list(self.pending.values()), {}
        if self.before_batch is not None:
            self.before_batch(self.conn, rows)
        sync_rows(self.conn, self.table, rows, self.compare, self.summary, batch=self.batch)


def import_op(db: Any, work: Callable[[], Any], subject: str = "") -> Any:
    """Runs a wellbeing import (`work()`: ActivityWatch, Sleep as Android, CSV) as one undoable step.

    Returns a Change (result: what `work` returned) whose undo deletes the rows the import inserted, and
    writes back the rows it updated or merged away (an ActivityWatch re-import lengthens or absorbs
    sessions), exactly as they were; redo writes the import's rows again. The three wellbeing tables are
    compared whole before and after (services/row_states.py): only the rows that differ are kept.
    """
    from nomadcm.models import AppUsage, RestPeriod, ScreenSession
    from nomadcm.services import row_states
    from nomadcm.services.changes import WELLBEING

    spec = [(ScreenSession.__table__, None), (RestPeriod.__table__, None), (AppUsage.__table__, None)]
    with db.session() as s:
        before = row_states.capture(s, spec)
    result = work()
    with db.session() as s:
        after = row_states.capture(s, spec)
    before, after = row_states.diff(before, after)
    return row_states.swap(
        db,
        WELLBEING,
        "import_wellbeing",
        before,
        after,
        result,
        count=row_states.changed_rows(after),
        subject=subject,
    )
