"""A generic wellbeing CSV, for data from any tracker a spreadsheet can reshape.

Columns (header required, any order, `,` or `;`): `start,end,kind,device`, optional `tz,quality,note,client`.

- `kind`: a rest kind (sleep, break, day_off, offline_social, sport, other) or `screen`;
- `device`: for `screen` rows, one of laptop, phone, tablet, tv, other (empty on rest rows);
- `start`/`end`: an ISO 8601 instant with its offset (`2027-03-27T06:30:00Z`, `2027-03-27T08:30+02:00`), or a
  wall time `YYYY-MM-DD HH:MM` read in `tz` when given, else in the zone where the CM was then (itinerary);
- `quality`: 0-5 (rest rows); `note`: text; `client`: a client's name (screen rows).

Rows go to `db`; the clients and the itinerary are read from `shared` when `db` is her own file beside a team
database (a screen row then names its client by UUID only: services/wellbeing/personal_file.py).

A row is known by its content (kind, device, start, end), so importing the file again changes nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select

from nomadcm import date_bounds, timezones
from nomadcm.errors import UserError
from nomadcm.exchange.csv_stream import CsvStream, count_rule
from nomadcm.exchange.wellbeing_io import (
    ImportSummary,
    ProblemList,
    Progress,
    RowSync,
    sqlite_datetime,
    sync_rows,
)
from nomadcm.models import Client, RestPeriod, ScreenSession
from nomadcm.services.travel.itinerary import load_itinerary
from nomadcm.services.wellbeing import days as d
from nomadcm.services.wellbeing.record_values import (
    MAX_REST,
    MAX_SCREEN,
    check_device,
    check_kind,
    check_quality,
)
from nomadcm.storage import Database

SOURCE = "import"
REQUIRED = ("start", "end", "kind", "device")
OPTIONAL = ("tz", "quality", "note", "client")
SCREEN_COMPARED = ("tz", "client_id", "client_uuid")  # a row already imported is updated when these change
ClientLink = tuple[int | None, str | None]  # a client as a screen row stores it: (id, UUID)


@dataclass
class CsvImportResult:
    screen: ImportSummary
    rest: ImportSummary

    def __str__(self) -> str:
        return f"{self.screen}; {self.rest}"


class _Rows(Protocol):
    def append(self, row: dict[str, Any], /) -> None: ...


def parse(
    db: Database, text: str, source_name: str, *, shared: Database | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The screen and rest rows of a text (files are read as a stream by `import_file`)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=count_rule(text.split("\n", 1)[0]))

    def records() -> Iterator[tuple[int, list[str]]]:
        try:
            while True:
                line = reader.line_num + 1
                try:
                    cells = next(reader)
                except StopIteration:
                    return
                yield line, cells
        except csv.Error as err:
            raise UserError(f"{source_name} line {reader.line_num}: not valid CSV ({err})") from None

    screens: list[dict[str, Any]] = []
    rests: list[dict[str, Any]] = []
    problems = ProblemList()
    timeline, clients = _context(db, shared)
    read_rows(records(), source_name, timeline, clients, problems, screens, rests)
    problems.raise_if_any(source_name)
    return screens, rests


def _context(db: Database, shared: Database | None) -> tuple[d.ZoneTimeline, dict[str, ClientLink]]:
    """Where she was (to read wall times) and the clients by name, as a row names them: by id and UUID
    beside them, by UUID only in her own file (`shared` given and not `db`)."""
    split = shared is not None and shared is not db
    source = shared if shared is not None else db
    timeline = d.ZoneTimeline(load_itinerary(source))
    with source.session() as s:
        clients = {
            name.lower(): (None if split else cid, uuid)
            for cid, name, uuid in s.execute(select(Client.id, Client.name, Client.uuid))
        }
    return timeline, clients


def read_rows(
    records: Iterable[tuple[int, list[str]]],
    source_name: str,
    timeline: d.ZoneTimeline,
    clients: dict[str, ClientLink],
    problems: ProblemList,
    screens: _Rows,
    rests: _Rows,
) -> None:
    """Each record as it comes: a screen or rest row appended to `screens` / `rests`, or a problem (by
    line). A header without the required columns, or no header at all, refuses the file."""
    header: list[str] | None = None
    for line, cells in records:
        if not any(c.strip() for c in cells):
            continue
        if header is None:
            header = [c.strip().lower() for c in cells]
            missing = [c for c in REQUIRED if c not in header]
            if missing:
                raise UserError(
                    f"{source_name}: header has no {', '.join(missing)} column (expected "
                    f"{','.join(REQUIRED)}[,{','.join(OPTIONAL)}])"
                )
            continue
        row = {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(header)}
        try:
            _row(row, timeline, clients, screens, rests)
        except (ValueError, OverflowError, UserError) as err:
            problems.add(f"line {line}", str(err))
    if header is None:
        raise UserError(f"{source_name} is empty: expected a header {','.join(REQUIRED)}")


def _row(
    row: dict[str, str],
    timeline: d.ZoneTimeline,
    clients: dict[str, ClientLink],
    screens: _Rows,
    rests: _Rows,
) -> None:
    kind_text = row["kind"].lower()
    zone = None
    if row.get("tz"):
        try:
            zone = timezones.check_zone(row["tz"])
        except timezones.UnknownZoneError:
            raise ValueError(f"tz {row['tz']!r} is not a time zone") from None
    start, start_zone = _instant(row["start"], "start", zone, timeline)
    end, _ = _instant(row["end"], "end", zone, timeline)
    if end <= start:
        raise ValueError(f"end {row['end']!r} is not after start {row['start']!r}")
    if kind_text == "screen":
        device = check_device(row["device"])
        if end - start > MAX_SCREEN:
            raise ValueError("a screen session longer than 24 h: check start and end")
        client_id = client_uuid = None
        if row.get("client"):
            found = clients.get(row["client"].lower())
            if found is None:
                raise ValueError(f"no client named {row['client']!r}")
            client_id, client_uuid = found
        screens.append(
            {
                "device": device,
                "start_utc": start,
                "end_utc": end,
                "tz": start_zone,
                "client_id": client_id,
                "client_uuid": client_uuid,
                "workplace_id": None,
                "workplace_uuid": None,
                "activity": "",
                "source": SOURCE,
                "source_id": f"screen|{device}|{sqlite_datetime(start)}|{sqlite_datetime(end)}",
            }
        )
        return
    kind = check_kind(kind_text)
    if end - start > MAX_REST:
        raise ValueError("a rest period longer than 31 days: check start and end")
    rests.append(
        {
            "kind": kind,
            "start_utc": start,
            "end_utc": end,
            "tz": start_zone,
            "quality": check_quality(row.get("quality") or None),
            "note": row.get("note", ""),
            "source": SOURCE,
            "source_id": f"{kind}|{sqlite_datetime(start)}|{sqlite_datetime(end)}",
        }
    )


def _instant(text: str, name: str, zone: str | None, timeline: d.ZoneTimeline) -> tuple[datetime, str]:
    raw = text.strip()
    if not raw:
        raise ValueError(f"no {name}")
    try:
        value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{name} {text!r} is not a date and time (YYYY-MM-DD HH:MM or ISO 8601)") from None
    date_bounds.check_date(value, name)  # 1970..2100, as every date NomadCM takes
    if value.tzinfo is not None:
        instant = timezones.ensure_utc(value)
        return instant, zone or timeline.zone_at(instant.timestamp())
    try:
        if zone:
            return timezones.localize(value, zone), zone
        typed = d.resolve_typed(timeline, value)
    except timezones.TimeError as err:
        raise ValueError(f"{name}: {err}") from None
    return typed.instant, typed.zone


def import_rows(
    db: Database, screens: list[dict[str, Any]], rests: list[dict[str, Any]], progress: Progress | None = None
) -> CsvImportResult:
    result = CsvImportResult(ImportSummary("screen sessions"), ImportSummary("rest periods"))
    screens_u = list({r["source_id"]: r for r in screens}.values())
    rests_u = list({r["source_id"]: r for r in rests}.values())
    with db.write() as s:
        conn = s.connection()
        sync_rows(conn, ScreenSession.__table__, screens_u, SCREEN_COMPARED, result.screen)
        sync_rows(conn, RestPeriod.__table__, rests_u, ("tz", "quality", "note"), result.rest, progress)
    result.screen.unchanged += len(screens) - len(screens_u)
    result.rest.unchanged += len(rests) - len(rests_u)
    return result


def import_file(
    db: Database, path: Path | str, progress: Progress | None = None, *, shared: Database | None = None
) -> CsvImportResult:
    """Every row of the file, or none. Read as a stream (exchange/csv_stream.py), written in batches inside
    one transaction, which rolls back when a row was bad (every bad row is still listed)."""
    source = repr(str(path))
    result = CsvImportResult(ImportSummary("screen sessions"), ImportSummary("rest periods"))
    problems = ProblemList()
    timeline, clients = _context(db, shared)
    size = max(1, Path(path).stat().st_size) if Path(path).is_file() else 1
    with CsvStream(path, source) as stream, db.write() as s:
        conn = s.connection()
        screens = RowSync(conn, ScreenSession.__table__, SCREEN_COMPARED, result.screen)
        rests = RowSync(conn, RestPeriod.__table__, ("tz", "quality", "note"), result.rest)

        def records() -> Iterator[tuple[int, list[str]]]:
            for count, record in enumerate(stream, 1):
                if problems:  # nothing more is written; the rest is read to list every bad row
                    screens.stop()
                    rests.stop()
                if progress is not None and count % 2000 == 0:
                    progress(min(stream.chars, size), size)
                yield record

        read_rows(records(), source, timeline, clients, problems, screens, rests)
        problems.raise_if_any(source)
        screens.flush()
        rests.flush()
    if progress is not None:
        progress(size, size)
    return result
