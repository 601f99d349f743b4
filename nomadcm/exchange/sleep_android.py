"""Sleep as Android's `sleep-export.csv` (Backup > Export data).

The file is a run of records, each with its own header line, because the actigraphy columns (named by the
time of day) and the `Event` columns differ from night to night:

    Id,Tz,From,To,Sched,Hours,Rating,Comment,Framerate,Snore,Noise,Cycles,DeepSleep,LenAdjust,Geo,"23:46",...
    "1806521400000","Europe/Paris","26. 03. 2027 23:40","27. 03. 2027 7:05","27. 03. 2027 7:10","7.35",...

Every cell is quoted; `From`/`To` are `dd. MM. yyyy H:mm` wall times in the record's `Tz` (hours not always
zero-padded); `Id` is the start in epoch milliseconds (it settles which of two 01:30 a night in a DST fold
began at); `Rating` is 0-5 stars, 0 meaning not rated; some versions add a line of noise levels after the
record, which starts with empty cells and is skipped.

Each night becomes a `sleep` rest period, source id = `Id`: importing again changes nothing, and a night
re-rated in the app is updated.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from nomadcm import timezones
from nomadcm.errors import UserError
from nomadcm.exchange.wellbeing_io import (
    ImportProblem,
    ImportSummary,
    Progress,
    WellbeingImportFailed,
    read_text,
    sync_rows,
)
from nomadcm.models import RestPeriod
from nomadcm.storage import Database

SOURCE = "sleep_as_android"
WALL_FORMAT = "%d. %m. %Y %H:%M"
REQUIRED = ("Id", "Tz", "From", "To")
MAX_NIGHT = timedelta(hours=24)


@dataclass(frozen=True)
class Night:
    line: int
    source_id: str
    start: datetime
    end: datetime
    tz: str
    quality: int | None
    note: str


def parse(text: str, source_name: str) -> list[Night]:
    """Every night of the file; WellbeingImportFailed lists the bad records by line."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header: dict[str, int] | None = None
    nights: list[Night] = []
    problems: list[ImportProblem] = []
    saw_header = False
    try:
        while True:
            line = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                break
            if not cells or not any(c.strip() for c in cells):
                continue
            first = cells[0].strip()
            if first == "Id":
                saw_header = True
                header = {}
                for i, name in enumerate(cells):
                    header.setdefault(name.strip(), i)
                missing = [c for c in REQUIRED if c not in header]
                if missing:
                    problems.append(ImportProblem(f"line {line}", f"header without {', '.join(missing)}"))
                    header = None
                continue
            if not first:  # a line of noise levels after a record
                continue
            if header is None:
                problems.append(ImportProblem(f"line {line}", "a record before any Id,Tz,From,To header"))
                continue
            try:
                nights.append(_night(line, cells, header))
            except ValueError as err:
                problems.append(ImportProblem(f"line {line}", str(err)))
    except csv.Error as err:
        raise UserError(f"{source_name} line {reader.line_num}: not valid CSV ({err})") from None
    if not saw_header:
        raise UserError(f"{source_name} is not a Sleep as Android export: no Id,Tz,From,To header line")
    if problems:
        raise WellbeingImportFailed(source_name, problems)
    return nights


def _cell(cells: list[str], header: dict[str, int], name: str) -> str:
    i = header.get(name)
    return cells[i].strip() if i is not None and i < len(cells) else ""


def _night(line: int, cells: list[str], header: dict[str, int]) -> Night:
    ident = _cell(cells, header, "Id")
    if not ident.isdigit():
        raise ValueError(f"Id {ident!r} is not a number")
    zone_text = _cell(cells, header, "Tz")
    try:
        zone = timezones.check_zone(zone_text)
    except timezones.UnknownZoneError:
        raise ValueError(f"Tz {zone_text!r} is not a time zone") from None
    started_ms = datetime.fromtimestamp(int(ident) / 1000, UTC)
    start = _instant(_cell(cells, header, "From"), "From", zone, near=started_ms)
    hours_text = _cell(cells, header, "Hours")
    try:
        hours = float(hours_text) if hours_text else None
    except ValueError:
        raise ValueError(f"Hours {hours_text!r} is not a number") from None
    expected_end = start + timedelta(hours=hours) if hours and hours > 0 else start
    end = _instant(_cell(cells, header, "To"), "To", zone, near=expected_end)
    if end <= start:
        raise ValueError(
            f"To {_cell(cells, header, 'To')!r} is not after From {_cell(cells, header, 'From')!r}"
        )
    if end - start > MAX_NIGHT:
        raise ValueError(f"the night lasts {(end - start).total_seconds() / 3600:.1f} h: check From and To")
    rating_text = _cell(cells, header, "Rating")
    try:
        rating = float(rating_text) if rating_text else 0.0
    except ValueError:
        raise ValueError(f"Rating {rating_text!r} is not a number") from None
    if not 0 <= rating <= 5:
        raise ValueError(f"Rating {rating_text!r} is outside 0-5")
    quality = int(rating + 0.5) if rating > 0 else None
    return Night(line, ident, start, end, zone, quality, _cell(cells, header, "Comment"))


def _instant(text: str, name: str, zone: str, near: datetime) -> datetime:
    try:
        wall = datetime.strptime(" ".join(text.split()), WALL_FORMAT)
    except ValueError:
        raise ValueError(f"{name} {text!r} is not a date like '26. 03. 2027 23:40'") from None
    res = timezones.resolve(wall, zone)
    if res.gap is not None:
        raise ValueError(f"{name} {text!r} does not exist in {zone} (clocks jumped that night)")
    assert res.instant is not None
    candidates = [res.instant] + ([res.other_instant] if res.other_instant else [])
    return min(candidates, key=lambda c: abs((c - near).total_seconds()))


def import_nights(db: Database, nights: list[Night], progress: Progress | None = None) -> ImportSummary:
    summary = ImportSummary("nights")
    rows: list[dict[str, Any]] = [
        {
            "kind": "sleep",
            "start_utc": n.start,
            "end_utc": n.end,
            "tz": n.tz,
            "quality": n.quality,
            "note": n.note,
            "source": SOURCE,
            "source_id": n.source_id,
        }
        for n in nights
    ]
    # a night exported twice in one file (an edited copy) keeps its last version
    unique = list({r["source_id"]: r for r in rows}.values())
    with db.write() as s:
        sync_rows(
            s.connection(),
            RestPeriod.__table__,
            unique,
            ("start_utc", "end_utc", "tz", "quality", "note"),
            summary,
            progress,
        )
    summary.unchanged += len(rows) - len(unique)
    return summary


def import_file(db: Database, path: Path | str, progress: Progress | None = None) -> ImportSummary:
    nights = parse(read_text(path), repr(str(path)))
    return import_nights(db, nights, progress)
