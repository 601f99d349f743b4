"""Sleep as Android's `sleep-export.csv` (Backup > Export data).

The file is a run of records, each with its own header line, because the actigraphy columns (named by the
time of day) and the `Event` columns differ from night to night:

    Id,Tz,From,To,Sched,Hours,Rating,Comment,Framerate,Snore,Noise,Cycles,DeepSleep,LenAdjust,Geo,"23:46",...
    "1806521400000","Europe/Paris","26. 03. 2027 23:40","27. 03. 2027 7:05","27. 03. 2027 7:10","7.35",...

Every cell is quoted; `From`/`To` are `dd. MM. yyyy H:mm` wall times in the record's `Tz` (hours not always
zero-padded); `Id` is the start in epoch milliseconds; `Hours` the length; `Rating` is 0-5 stars, 0 meaning
not rated; some versions add a line of noise levels after the record, which starts with empty cells and is
skipped.

A copy re-saved by a spreadsheet is read too: quotes dropped, numbers rewritten (`Id` becomes
`1.59287E+12`, `8.820` becomes `8.82`), `;` as separator and decimal commas where the spreadsheet's locale
wants them. `Tz`, `From` and `To` place a night; `Id` is not needed: an exact one settles which of two
01:30 a night in a DST fold began at, else `Hours` does (the reading whose length is closest), else the
first occurrence.

Each night becomes a `sleep` rest period. Its source id is the night's `Tz` and `From` wall time
(`Europe/London 2020-03-25 17:47`), which the original export and any re-saved copy share (a rounded `Id`
does not, and two nights can round to the same one): importing either again changes nothing, and a night
re-rated or lengthened in the app is updated. Rows stored by earlier versions under the exact `Id` are
renamed to this id on the next import instead of being copied.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from nomadcm import timezones
from nomadcm.errors import UserError
from nomadcm.exchange.csv_stream import CsvStream
from nomadcm.exchange.wellbeing_io import ImportSummary, ProblemList, Progress, RowSync, sync_rows
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
    """Every night of a text; WellbeingImportFailed lists the bad records by line. (Files are read as a
    stream by `import_file`.)"""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))

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

    problems = ProblemList()
    nights = list(read_nights(records(), source_name, problems))
    problems.raise_if_any(source_name)
    return nights


def read_nights(
    records: Iterable[tuple[int, list[str]]], source_name: str, problems: ProblemList
) -> Iterator[Night]:
    """The nights of the records (line, cells) of an export, as they come; a bad record goes to
    `problems` (by line) and the reading goes on. A file without any header line is refused."""
    header: dict[str, int] | None = None
    saw_header = False
    for line, cells in records:
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
                problems.add(f"line {line}", f"header without {', '.join(missing)}")
                header = None
            continue
        if not first:  # a line of noise levels after a record
            continue
        if header is None:
            problems.add(f"line {line}", "a record before any Id,Tz,From,To header")
            continue
        try:
            yield _night(line, cells, header)
        except (ValueError, OverflowError) as err:
            problems.add(f"line {line}", str(err))
    if not saw_header:
        raise UserError(f"{source_name} is not a Sleep as Android export: no Id,Tz,From,To header line")


def _delimiter(text: str) -> str:
    """`;` when a spreadsheet re-saved the file with it (locales with a decimal comma), else `,`."""
    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return _sniff(first)


def _sniff(first_line: str) -> str:
    return ";" if first_line.strip().startswith(("Id;", '"Id";')) else ","


def _cell(cells: list[str], header: dict[str, int], name: str) -> str:
    i = header.get(name)
    return cells[i].strip() if i is not None and i < len(cells) else ""


def _night(line: int, cells: list[str], header: dict[str, int]) -> Night:
    started = _exact_id(_cell(cells, header, "Id"))
    zone_text = _cell(cells, header, "Tz")
    try:
        zone = timezones.check_zone(zone_text)
    except timezones.UnknownZoneError:
        raise ValueError(f"Tz {zone_text!r} is not a time zone") from None
    from_text, to_text = _cell(cells, header, "From"), _cell(cells, header, "To")
    from_wall, to_wall = _wall(from_text, "From"), _wall(to_text, "To")
    hours = _number(_cell(cells, header, "Hours"), "Hours")
    starts = _readings(from_wall, from_text, "From", zone)
    ends = _readings(to_wall, to_text, "To", zone)
    start, end = _settle(starts, ends, started, hours)
    if end <= start:
        raise ValueError(f"To {to_text!r} is not after From {from_text!r}")
    if end - start > MAX_NIGHT:
        raise ValueError(f"the night lasts {(end - start).total_seconds() / 3600:.1f} h: check From and To")
    rating = _number(_cell(cells, header, "Rating"), "Rating") or 0.0
    if not 0 <= rating <= 5:
        raise ValueError(f"Rating {_cell(cells, header, 'Rating')!r} is outside 0-5")
    quality = int(rating + 0.5) if rating > 0 else None
    return Night(line, night_id(zone, from_wall), start, end, zone, quality, _cell(cells, header, "Comment"))


def night_id(zone: str, from_wall: datetime) -> str:
    """A night's source id: its zone and start wall time, the same in the export and a re-saved copy."""
    return f"{zone} {from_wall:%Y-%m-%d %H:%M}"


def _exact_id(text: str) -> datetime | None:
    """The start an Id gives to the millisecond, or None when it is empty or rounded by a spreadsheet."""
    if text.isdigit():
        try:
            return datetime.fromtimestamp(int(text) / 1000, UTC)
        except (ValueError, OverflowError):
            raise ValueError(f"Id {text!r} is not a time in milliseconds") from None
    if text:
        try:
            float(text.replace(",", "."))
        except ValueError:
            raise ValueError(f"Id {text!r} is not a number") from None
    return None  # "1.59287E+12": a spreadsheet kept 6 digits, hours off; From places the night


def _number(text: str, name: str) -> float | None:
    if not text:
        return None
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise ValueError(f"{name} {text!r} is not a number") from None


def _wall(text: str, name: str) -> datetime:
    try:
        return datetime.strptime(" ".join(text.split()), WALL_FORMAT)
    except ValueError:
        raise ValueError(f"{name} {text!r} is not a date like '26. 03. 2027 23:40'") from None


def _readings(wall: datetime, text: str, name: str, zone: str) -> list[datetime]:
    """The instants a wall time can be in `zone`: one, or two in a DST fold (first occurrence first)."""
    res = timezones.resolve(wall, zone)
    if res.gap is not None:
        raise ValueError(f"{name} {text!r} does not exist in {zone} (clocks jumped that night)")
    assert res.instant is not None
    return sorted([res.instant] + ([res.other_instant] if res.other_instant else []))


def _settle(
    starts: list[datetime], ends: list[datetime], started: datetime | None, hours: float | None
) -> tuple[datetime, datetime]:
    """Picks the start and end of a night when From or To fell in a DST fold.

    An exact Id settles the start; then the end nearest to start + Hours. Without one, the pair whose
    length is nearest to Hours (the first occurrences on a tie, or without Hours)."""
    length = timedelta(hours=hours) if hours and hours > 0 else None
    if started is not None:
        start = min(starts, key=lambda c: abs(c - started))
        near = start + length if length else start
        return start, min(ends, key=lambda c: abs(c - near))
    pairs = [(a, b) for a in starts for b in ends]  # in order: first occurrences first
    if length is None:
        return next(((a, b) for a, b in pairs if b > a), pairs[0])
    return min(pairs, key=lambda p: abs((p[1] - p[0]) - length))


COMPARED = ("start_utc", "end_utc", "tz", "quality", "note")


def _row(n: Night) -> dict[str, Any]:
    return {
        "kind": "sleep",
        "start_utc": n.start,
        "end_utc": n.end,
        "tz": n.tz,
        "quality": n.quality,
        "note": n.note,
        "source": SOURCE,
        "source_id": n.source_id,
    }


def import_nights(db: Database, nights: list[Night], progress: Progress | None = None) -> ImportSummary:
    summary = ImportSummary("nights")
    rows = [_row(n) for n in nights]
    # a night exported twice in one file (an edited copy) keeps its last version
    unique = list({r["source_id"]: r for r in rows}.values())
    with db.write() as s:
        _rename_legacy_ids(s.connection(), unique)
        sync_rows(s.connection(), RestPeriod.__table__, unique, COMPARED, summary, progress)
    summary.unchanged += len(rows) - len(unique)
    return summary


def _rename_legacy_ids(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Nights stored under their exact Id (by imports before issue 11) take the Tz + From id: not copied."""
    if not rows:
        return
    t = RestPeriod.__table__.c
    wanted = {r["start_utc"]: r["source_id"] for r in rows}
    taken = set(
        conn.execute(
            select(t.source_id).where(t.source == SOURCE, t.source_id.in_(list(wanted.values())))
        ).scalars()
    )
    legacy = conn.execute(
        select(t.id, t.source_id, t.start_utc).where(
            t.source == SOURCE, t.start_utc >= min(wanted), t.start_utc <= max(wanted)
        )
    )
    for row_id, source_id, start in legacy:
        new_id = wanted.get(start)
        if new_id is None or not str(source_id).isdigit() or new_id in taken:
            continue
        conn.execute(update(RestPeriod.__table__).where(t.id == row_id).values(source_id=new_id))
        taken.add(new_id)


def import_file(db: Database, path: Path | str, progress: Progress | None = None) -> ImportSummary:
    """Every night of the export, or none. The file is read as a stream (exchange/csv_stream.py) and the
    nights written in batches inside one transaction, which rolls back when a record was bad."""
    source = repr(str(path))
    summary = ImportSummary("nights")
    problems = ProblemList()
    size = max(1, Path(path).stat().st_size) if Path(path).is_file() else 1
    with CsvStream(path, source, delimiter=_sniff) as stream, db.write() as s:
        sync = RowSync(
            s.connection(), RestPeriod.__table__, COMPARED, summary, before_batch=_rename_legacy_ids
        )
        for count, night in enumerate(read_nights(stream, source, problems), 1):
            if problems:
                sync.stop()  # nothing more is written; the rest is read to list every bad record
            sync.add(_row(night))
            if progress is not None and count % 500 == 0:
                progress(min(stream.chars, size), size)
        problems.raise_if_any(source)
        sync.flush()
    if progress is not None:
        progress(size, size)
    return summary
