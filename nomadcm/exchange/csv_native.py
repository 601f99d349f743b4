"""The native schedule CSV: a contract other tools rely on (documented in the README).

Columns, in order: id,client,channel,status,audience_tz,audience_time,utc_time,cm_tz,cm_time,text,link,tags

- one row per post sorted by UTC instant; UTF-8; RFC 4180 quoting (CRLF line ends);
- audience_time / cm_time: `YYYY-MM-DD HH:MM` wall times; utc_time: `YYYY-MM-DDTHH:MM:SSZ`;
- cm_tz / cm_time: where the CM is at that instant (the itinerary);
- channel: the network, or `network:handle` when the channel has a handle;
- a cell beginning with = + - @ tab or CR is prefixed with ' (OWASP CSV injection); import removes it again;
- Excel profile: UTF-8 with BOM and `;` as delimiter (French Excel opens it directly).

Export streams rows from the database (its memory does not grow with the number of posts) and writes files
atomically. Import checks every row first and writes all rows or none.
"""

from __future__ import annotations

import csv
import io
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import insert, select

from nomadcm import timezones
from nomadcm.errors import NotFoundError, UserError, ValidationError
from nomadcm.models import NETWORK_LIMITS, Channel, Client, Post, utcnow
from nomadcm.services.schedule.clients import check_network, name_key
from nomadcm.services.schedule.posts import check_link, check_status, split_tags, text_problem
from nomadcm.services.schedule.query import ScheduleFilter, ScheduleQuery
from nomadcm.services.schedule.recurrence import Occurrence
from nomadcm.services.travel.itinerary import Itinerary
from nomadcm.storage import Database

COLUMNS: tuple[str, ...] = (
    "id",
    "client",
    "channel",
    "status",
    "audience_tz",
    "audience_time",
    "utc_time",
    "cm_tz",
    "cm_time",
    "text",
    "link",
    "tags",
)
REQUIRED_COLUMNS: tuple[str, ...] = ("client", "channel", "audience_tz", "audience_time", "text")
INJECTION_CHARS = ("=", "+", "-", "@", "\t", "\r")
WALL_FORMAT = "%Y-%m-%d %H:%M"
FETCH_BATCH = 5000
_EARLIEST = datetime.min.replace(tzinfo=UTC)
_LATEST = datetime.max.replace(tzinfo=UTC)

Progress = Callable[[int, int], None]


class ExportError(UserError):
    pass


@dataclass
class RowError:
    line: int  # the header is line 1
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class ImportFailed(UserError):
    """Nothing was imported; `.errors` lists every bad row."""

    def __init__(self, path: str, errors: list[RowError]) -> None:
        self.errors = errors
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(f"{path}: nothing imported, {len(errors)} bad row(s): {errors[0]}{more}")


@dataclass
class ImportReport:
    imported: int
    channels_created: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------- cells


def neutralise(cell: str) -> str:
    """Prefix ' to a cell a spreadsheet would run as a formula; also to one that already looks neutralised."""
    if cell and (cell[0] in INJECTION_CHARS or (cell[0] == "'" and cell.lstrip("'")[:1] in INJECTION_CHARS)):
        return "'" + cell
    return cell


def unneutralise(cell: str) -> str:
    if cell[:1] == "'" and cell.lstrip("'")[:1] in INJECTION_CHARS and cell.lstrip("'"):
        return cell[1:]
    return cell


def channel_label(network: str, handle: str) -> str:
    return f"{network}:{handle}" if handle else network


def _fmt_wall(d: datetime) -> str:
    """`YYYY-MM-DD HH:MM` of a naive or aware datetime (isoformat is C code: this runs per exported row)."""
    return d.isoformat(" ", "minutes")[:16]


def _fmt_utc(d: datetime) -> str:
    """`YYYY-MM-DDTHH:MM:SSZ` of an aware UTC datetime."""
    return d.isoformat("T", "seconds")[:19] + "Z"


# ---------------------------------------------------------------------- export


def export_rows(
    db: Database,
    date_from: date | None = None,
    date_to: date | None = None,
    client: str | None = None,
    itinerary: Itinerary | None = None,
) -> Iterator[list[str]]:
    """The data rows (no header), streamed in instant order from the schedule query (one row per occurrence
    of a recurring post, same id). Checks its arguments (an unknown client) when called, before a header or
    a file is written."""
    try:
        query = ScheduleQuery(
            db, ScheduleFilter(client_name=client, date_from=date_from, date_to=date_to), itinerary=itinerary
        )
    except NotFoundError:
        raise ValidationError(f"--client: unknown client {client!r}") from None
    return _format_rows(query.stream())


def _format_rows(rows: Iterator[Occurrence]) -> Iterator[list[str]]:
    for o in rows:
        yield [
            str(o.post_id),
            neutralise(o.client_name),
            neutralise(channel_label(o.network, o.handle)),
            o.status,
            o.tz,
            _fmt_wall(o.wall),
            _fmt_utc(o.utc),
            o.cm_zone,
            _fmt_wall(o.cm_wall),  # type: ignore[arg-type]
            neutralise(o.text),
            neutralise(o.link),
            neutralise(o.tags),
        ]


def write_csv(rows: Iterator[list[str]], out: IO[str], excel: bool = False) -> int:
    if excel:
        out.write("\ufeff")
    writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def export_csv(
    db: Database,
    target: Path | IO[str] | None = None,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    client: str | None = None,
    excel: bool = False,
) -> int:
    """Write the schedule CSV to `target` (a path: atomically; a stream; None: stdout). Returns the row count."""
    if date_from and date_to and date_to < date_from:
        raise ValidationError(f"--to {date_to} is before --from {date_from}")
    rows = export_rows(db, date_from, date_to, client)
    if target is None:
        out = _stdout_for_csv()
        try:
            return write_csv(rows, out, excel)
        finally:
            if out is not sys.stdout:
                out.flush()
                out.detach()  # leave sys.stdout's buffer open
    if not isinstance(target, (str, Path)):
        return write_csv(rows, target, excel)
    with atomic_text_file(Path(target)) as out:
        return write_csv(rows, out, excel)


def _stdout_for_csv() -> IO[str]:
    """Standard output as UTF-8 without newline translation: the CSV writes its own CRLF (RFC 4180), which a
    Windows console stream would turn into CR CR LF, and a legacy console code page can't encode emoji."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # already a text stream without bytes underneath (tests, redirections in-process)
        return sys.stdout
    sys.stdout.flush()
    return io.TextIOWrapper(buffer, encoding="utf-8", newline="", write_through=True)


@contextmanager
def atomic_text_file(path: Path) -> Iterator[IO[str]]:
    """A file that appears at `path` complete or not at all (temp file in the same folder, then rename)."""
    path = path.expanduser()
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ExportError(f"cannot write {str(path)!r}: it is a folder")
    if not folder.is_dir():
        raise ExportError(f"cannot write {str(path)!r}: folder {str(folder)!r} does not exist")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as err:
        raise ExportError(f"cannot write {str(path)!r}: {err.strerror}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"cannot write {str(path)!r}: {err.strerror or err}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# ---------------------------------------------------------------------- import


def read_csv_records(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and (line number, cells) of every record; sniffs `,` or `;`; accepts a BOM."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise UserError(f"cannot read {str(path)!r}: {err.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise UserError(f"{str(path)!r} is not UTF-8 text (byte {err.start}); save it as UTF-8 CSV") from None
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    header: list[str] | None = None
    try:
        while True:
            start = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                break
            if header is None:
                header = [h.strip().lower() for h in cells]
                continue
            if not any(c.strip() for c in cells):
                continue
            records.append((start, cells))
    except csv.Error as err:
        raise UserError(f"{str(path)!r} line {reader.line_num}: not valid CSV ({err})") from None
    if header is None:
        raise UserError(f"{str(path)!r} is empty: expected a header line with {', '.join(COLUMNS)}")
    return header, records


_Found = tuple[int, int | None, tuple[int, str, str] | None]


@dataclass
class _Lookup:
    clients: dict[str, tuple[int, str, str]]  # name_key(name) -> (id, audience tz, name as stored)
    # (client, network, handle) -> (channel id, text limit, key of a channel to create, or None)
    channels: dict[tuple[int, str, str], _Found]
    first_channel: dict[tuple[int, str], _Found]  # (client, network) -> its first channel


def _load_lookup(db: Database) -> _Lookup:
    with db.session() as s:
        clients = {
            name_key(name): (cid, tz, name)
            for cid, name, tz in s.execute(select(Client.id, Client.name, Client.audience_tz))
        }
        channels: dict[tuple[int, str, str], _Found] = {}
        first: dict[tuple[int, str], _Found] = {}
        for chid, cid, net, handle, limit in s.execute(
            select(
                Channel.id, Channel.client_id, Channel.network, Channel.handle, Channel.text_limit
            ).order_by(Channel.id)
        ):
            channels[(cid, net, handle)] = (chid, limit, None)
            first.setdefault((cid, net), (chid, limit, None))
    return _Lookup(clients, channels, first)


def import_csv(db: Database, path: Path | str, progress: Progress | None = None) -> ImportReport:
    """Import every row of a native CSV, or none: raises ImportFailed listing each bad row by line."""
    path = Path(path)
    header, records = read_csv_records(path)
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise UserError(f"{str(path)!r}: missing column(s) {', '.join(missing)} (header is line 1)")
    index = {name: i for i, name in enumerate(header)}
    lookup = _load_lookup(db)
    total = len(records)
    errors: list[RowError] = []
    rows: list[dict[str, Any]] = []
    new_channels: dict[tuple[int, str, str], str] = {}  # key -> label, created before inserting posts
    now = utcnow()

    def cell(cells: list[str], name: str) -> str:
        i = index.get(name)
        return unneutralise(cells[i]) if i is not None and i < len(cells) else ""

    for n, (line, cells) in enumerate(records, 1):
        if len(cells) != len(header):
            errors.append(RowError(line, f"{len(cells)} cells, the header has {len(header)}"))
            continue
        try:
            rows.append(_check_row(cell, cells, lookup, new_channels, now))
        except (UserError, ValueError) as err:
            errors.append(RowError(line, str(err)))
        if progress and n % 2000 == 0:
            progress(n, total * 2)
    if errors:
        raise ImportFailed(str(path), errors)
    created = _write_import(db, rows, new_channels, progress, total)
    return ImportReport(len(rows), created)


def _check_row(
    cell: Callable[[list[str], str], str],
    cells: list[str],
    lookup: _Lookup,
    new_channels: dict[tuple[int, str, str], str],
    now: datetime,
) -> dict[str, Any]:
    client_name = " ".join(cell(cells, "client").split())
    known = lookup.clients.get(name_key(client_name))
    if known is None:
        raise ValidationError(f"unknown client {client_name!r}" if client_name else "client is empty")
    client_id, _client_tz, client_name = known  # reports name the client as stored, not as typed
    network_text, _, handle = cell(cells, "channel").partition(":")
    network = check_network(network_text)
    handle = handle.strip()
    key = (client_id, network, handle)
    found = lookup.channels.get(key) if handle else lookup.first_channel.get((client_id, network))
    if found is None:
        found = (-1, NETWORK_LIMITS[network], key)  # created at write time
        new_channels[key] = f"{client_name} {channel_label(network, handle)}"
        lookup.channels[key] = found
        lookup.first_channel.setdefault((client_id, network), found)
    tz_text = cell(cells, "audience_tz").strip()
    try:
        tz = timezones.check_zone(tz_text)
    except timezones.UnknownZoneError:
        raise ValidationError(f"unknown time zone {tz_text!r}") from None
    wall_text = cell(cells, "audience_time").strip()
    try:
        wall = datetime.strptime(wall_text, WALL_FORMAT)
    except ValueError:
        raise ValidationError(f"audience_time {wall_text!r} is not a valid YYYY-MM-DD HH:MM") from None
    res = timezones.resolve(wall, tz)
    if res.gap is not None:
        raise timezones.NonExistentTimeError(wall, res.gap)
    fold, instant = 0, res.instant
    utc_text = cell(cells, "utc_time").strip()
    if res.ambiguous and utc_text and res.other_instant is not None:
        try:
            if timezones.parse_utc(utc_text) == res.other_instant:  # the export said: the second one
                fold, instant = 1, res.other_instant
        except ValueError:
            pass
    status = check_status(cell(cells, "status") or "scheduled")
    text = cell(cells, "text")
    problem = text_problem(text, found[1], status, network)
    if problem:
        raise ValidationError(problem)
    return {
        "_channel_key": found[2],
        "channel_id": found[0],
        "text": text,
        "link": check_link(cell(cells, "link")),
        "tags": ",".join(split_tags(cell(cells, "tags"))),
        "notes": "",
        "status": status,
        "wall_time": wall,
        "tz": tz,
        "fold": fold,
        "utc": instant,
        "created_at": now,
        "updated_at": now,
    }


def _write_import(
    db: Database,
    rows: list[dict[str, Any]],
    new_channels: dict[tuple[int, str, str], str],
    progress: Progress | None,
    total: int,
) -> list[str]:
    with db.write() as s:
        created_ids: dict[tuple[int, str, str], int] = {}
        for key in new_channels:
            client_id, network, handle = key
            ch = Channel(
                client_id=client_id, network=network, handle=handle, text_limit=NETWORK_LIMITS[network]
            )
            s.add(ch)
            s.flush()
            created_ids[key] = ch.id
        table = Post.__table__
        batch = 5000
        for start in range(0, len(rows), batch):
            chunk = rows[start : start + batch]
            for r in chunk:
                key = r.pop("_channel_key")
                if key is not None:
                    r["channel_id"] = created_ids[key]
            s.execute(insert(table), chunk)
            if progress:
                progress(total + start + len(chunk), total * 2)
    return sorted(new_channels.values())
