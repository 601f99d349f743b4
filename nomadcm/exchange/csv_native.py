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
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO

from sqlalchemy import select

from nomadcm import timezones
from nomadcm.errors import NotFoundError, UserError, ValidationError
from nomadcm.models import Channel, Client
from nomadcm.services.schedule.clients import check_network, name_key
from nomadcm.services.schedule.posts import DraftsRefused, NewChannel, PostDraft, PostService
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
_WALL_RE = re.compile(r"(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d)")
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


def parse_wall(text: str) -> datetime:
    """A `YYYY-MM-DD HH:MM` cell; raises ValueError. The usual form is read without strptime (which costs
    more than the rest of a row's reading); any other goes through strptime, which also takes `2025-6-1 9:00`."""
    m = _WALL_RE.fullmatch(text)
    if m:
        return datetime(*map(int, m.groups()))
    return datetime.strptime(text, WALL_FORMAT)


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


@dataclass
class _Lookup:
    clients: dict[str, tuple[int, str]]  # name_key(name) -> (id, name as stored)
    channels: dict[tuple[int, str, str], int]  # (client, network, handle) -> channel id (< 0: to create)
    first_channel: dict[tuple[int, str], int]  # (client, network) -> its first channel


def _load_lookup(db: Database) -> _Lookup:
    with db.session() as s:
        clients = {name_key(name): (cid, name) for cid, name in s.execute(select(Client.id, Client.name))}
        channels: dict[tuple[int, str, str], int] = {}
        first: dict[tuple[int, str], int] = {}
        for chid, cid, net, handle in s.execute(
            select(Channel.id, Channel.client_id, Channel.network, Channel.handle).order_by(Channel.id)
        ):
            channels[(cid, net, handle)] = chid
            first.setdefault((cid, net), chid)
    return _Lookup(clients, channels, first)


_DRAFT_COLUMNS = (
    "client",
    "channel",
    "audience_time",
    "utc_time",
    "text",
    "audience_tz",
    "link",
    "tags",
    "status",
)


class NativeRows:
    """Turns records of a native CSV into post drafts: finds the client and the channel (a missing channel of
    a known client is to be created, under a negative placeholder id), reads the wall time. The post itself
    is checked by the posts' one check (services/schedule/post_writes.py), not here."""

    def __init__(self, db: Database, header: list[str]) -> None:
        self.index = {name: i for i, name in enumerate(header)}
        self.width = len(header)
        self.lookup = _load_lookup(db)
        self.create_missing: dict[int, NewChannel] = {}
        self.labels: dict[int, str] = {}  # placeholder -> "Client network:handle" of a channel to create
        self._read = [self.index.get(name) for name in _DRAFT_COLUMNS]

    def cell(self, cells: list[str], name: str) -> str:
        i = self.index.get(name)
        return unneutralise(cells[i]) if i is not None and i < len(cells) else ""

    def draft(self, cells: list[str]) -> PostDraft:
        """The draft of one record; raises UserError when the record names no post (the reason is the
        row's error)."""
        if len(cells) != self.width:
            raise ValidationError(f"{len(cells)} cells, the header has {self.width}")
        client, channel, wall_text, utc_text, text, tz, link, tags, status = (
            "" if i is None else unneutralise(cells[i]) for i in self._read
        )
        client_name = " ".join(client.split())
        known = self.lookup.clients.get(name_key(client_name))
        if known is None:
            raise ValidationError(f"unknown client {client_name!r}" if client_name else "client is empty")
        client_id, client_name = known  # reports name the client as stored, not as typed
        network_text, _, handle = channel.partition(":")
        network = check_network(network_text)
        handle = handle.strip()
        key = (client_id, network, handle)
        lookup = self.lookup
        channel_id = lookup.channels.get(key) if handle else lookup.first_channel.get((client_id, network))
        if channel_id is None:
            channel_id = -1 - len(self.create_missing)
            self.create_missing[channel_id] = NewChannel(client_id, network, handle)
            self.labels[channel_id] = f"{client_name} {channel_label(network, handle)}"
            lookup.channels[key] = channel_id
            lookup.first_channel.setdefault((client_id, network), channel_id)
        wall_text = wall_text.strip()
        try:
            wall = parse_wall(wall_text)
        except ValueError:
            raise ValidationError(f"audience_time {wall_text!r} is not a valid YYYY-MM-DD HH:MM") from None
        utc_hint = None
        utc_text = utc_text.strip()
        if utc_text:  # only says which occurrence of a doubled time was meant
            with suppress(ValueError):
                utc_hint = timezones.parse_utc(utc_text)
        return PostDraft(
            channel_id,
            text,
            wall,
            tz.strip(),
            link=link,
            tags=tags,
            status=status or "scheduled",
            utc_hint=utc_hint,
        )


def check_header(path: Path, header: list[str]) -> None:
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise UserError(f"{str(path)!r}: missing column(s) {', '.join(missing)} (header is line 1)")


def import_csv(db: Database, path: Path | str, progress: Progress | None = None) -> ImportReport:
    """Import every row of a native CSV, or none: raises ImportFailed listing each bad row by line.

    Rows become drafts here; checking and writing them is `PostService.add_many`, as for every post."""
    path = Path(path)
    header, records = read_csv_records(path)
    check_header(path, header)
    reader = NativeRows(db, header)
    total = len(records)
    errors: list[RowError] = []
    drafts: list[PostDraft] = []
    lines: list[int] = []
    for n, (line, cells) in enumerate(records, 1):
        try:
            drafts.append(reader.draft(cells))
            lines.append(line)
        except (UserError, ValueError) as err:
            errors.append(RowError(line, str(err)))
        if progress and n % 2000 == 0:
            progress(n, total * 2)
    posts = PostService(db)
    if errors:  # nothing will be written: the other rows are checked only to be reported too
        checker = posts.checker(create_missing=reader.create_missing)
        for line, draft in zip(lines, drafts, strict=True):
            checked = checker.check(draft)
            if checked.errors:
                errors.append(RowError(line, str(checked.errors[0])))
        raise ImportFailed(str(path), sorted(errors, key=lambda e: e.line))
    written = None if progress is None else (lambda done: progress(total + done, total * 2))
    try:
        posts.add_many(drafts, create_missing=reader.create_missing, progress=written)
    except DraftsRefused as err:
        bad = sorted(err.first_by_index().items())
        raise ImportFailed(str(path), [RowError(lines[i], p.message) for i, p in bad]) from None
    return ImportReport(len(drafts), sorted(reader.labels.values()))
