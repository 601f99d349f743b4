"""Bulk-scheduler CSV files: Hootsuite, Sprout Social and Publer, out and in.

Each tool's bulk upload has its own columns and rules; what we know of them is written down once, in
`PROFILES`, from each vendor's help pages (see docs/publishing-formats.md):

- Hootsuite (bulk composer): no header row; columns date-time, message, link; date-time `DD/MM/YYYY HH:MM`
  (or `MM/DD/YYYY HH:MM`, chosen at upload); minutes must end in 0 or 5; at least 10 minutes in the future;
  no duplicate messages; at most 350 posts a file.
- Sprout Social: header `date,time_24hr,message_text,link,image_url,tags` (case-sensitive); date `dd/mm/yyyy`
  or `mm/dd/yyyy` (an import preference), 24-hour time; posts at least 10 minutes apart and at least 10
  minutes after the upload; text within the network's limit; at most 350 messages an import.
- Publer: the 12-column template `Date,Text,Link(s),Media URL(s),Title,Label(s),Alt text(s),Comment(s),
  Pin board,Post subtype,CTA,Reminder` (columns kept even when empty); date `YYYY-MM-DD HH:MM`; a time in
  the past is refused. Publer documents no minimum spacing; we split files at 500 rows (assumption).

Times are written in the zone the target profile uses (`in_zone`, default the client's audience zone), as
the tools read naive times in the profile's zone. Rows a tool would reject are reported, never silently
written; times rounded to the tool's step are reported too. Only `scheduled` posts are exported (drafts are
not ready, published and cancelled ones are done).
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from nomadcm import timezones
from nomadcm.errors import NotFoundError, UserError, ValidationError
from nomadcm.exchange.csv_native import (
    ExportError,
    atomic_text_file,
    neutralise,
    unneutralise,
)
from nomadcm.services.schedule.query import ScheduleFilter, ScheduleQuery
from nomadcm.storage import Database

if TYPE_CHECKING:
    from nomadcm.services.schedule.posts import PostDraft

FORMATS: tuple[str, ...] = ("hootsuite", "sprout", "publer")
DATE_STYLES: tuple[str, ...] = ("dmy", "mdy")
PUBLER_COLUMNS: tuple[str, ...] = (
    "Date",
    "Text",
    "Link(s)",
    "Media URL(s)",
    "Title",
    "Label(s)",
    "Alt text(s)",
    "Comment(s)",
    "Pin board",
    "Post subtype",
    "CTA",
    "Reminder",
)
SPROUT_COLUMNS: tuple[str, ...] = ("date", "time_24hr", "message_text", "link", "image_url", "tags")


@dataclass(frozen=True)
class BulkProfile:
    name: str
    header: tuple[str, ...] | None  # None: the file has no header row
    max_rows: int  # per file; a larger export is split
    min_lead: timedelta  # how far in the future a post must be at upload
    min_spacing: timedelta | None  # between two posts of the file
    step_minutes: int | None  # times must fall on this step (rounded, and reported)
    no_duplicates: bool  # the same text twice is refused
    date_styles: tuple[str, ...]  # () : one fixed ISO form


PROFILES: dict[str, BulkProfile] = {
    "hootsuite": BulkProfile("Hootsuite", None, 350, timedelta(minutes=10), None, 5, True, DATE_STYLES),
    "sprout": BulkProfile(
        "Sprout Social",
        SPROUT_COLUMNS,
        350,
        timedelta(minutes=10),
        timedelta(minutes=10),
        None,
        False,
        DATE_STYLES,
    ),
    "publer": BulkProfile("Publer", PUBLER_COLUMNS, 500, timedelta(0), None, None, False, ()),
}


@dataclass(frozen=True)
class Issue:
    post_id: int
    wall: datetime  # the occurrence's time in the post's own zone
    message: str

    def __str__(self) -> str:
        return f"post {self.post_id} at {self.wall:%Y-%m-%d %H:%M}: {self.message}"


@dataclass
class BulkExport:
    files: list[Path] = field(default_factory=list)
    rows: int = 0
    moved: list[Issue] = field(default_factory=list)  # written, at a rounded time
    rejected: list[Issue] = field(default_factory=list)  # not written: the tool would refuse them


def check_format(fmt: str) -> BulkProfile:
    if fmt not in PROFILES:
        raise ValidationError(f"unknown format {fmt!r} (one of: native, {', '.join(FORMATS)})")
    return PROFILES[fmt]


def _fmt_date(d: datetime, style: str, fmt: str) -> str:
    if fmt == "publer":
        return f"{d:%Y-%m-%d %H:%M}"
    day = f"{d:%d/%m/%Y}" if style == "dmy" else f"{d:%m/%d/%Y}"
    return day if fmt == "sprout" else f"{day} {d:%H:%M}"


def _round_to_step(wall: datetime, step: int) -> datetime:
    minutes = wall.hour * 60 + wall.minute
    rounded = int((minutes + step / 2) // step) * step  # 09:02 -> 09:00, 09:03 -> 09:05
    return wall.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(minutes=rounded)


def plan_export(
    db: Database,
    fmt: str,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    client: str | None = None,
    in_zone: str | None = None,
    date_style: str = "dmy",
    now: datetime | None = None,
) -> tuple[list[list[str]], BulkExport]:
    """The rows to write and what was moved or rejected, without writing anything."""
    profile = check_format(fmt)
    if date_style not in DATE_STYLES:
        raise ValidationError(f"--date-style {date_style!r}: one of {', '.join(DATE_STYLES)}")
    zone = timezones.check_zone(in_zone) if in_zone else None
    now = now or timezones.now_utc()
    flt = ScheduleFilter(client_name=client, date_from=date_from, date_to=date_to, statuses=("scheduled",))
    try:
        occurrences = list(ScheduleQuery(db, flt, now=now).stream())
    except NotFoundError:
        raise ValidationError(f"--client: unknown client {client!r}") from None
    if zone is None:
        zones = sorted({o.tz for o in occurrences})
        if len(zones) > 1:
            raise ValidationError(
                f"the posts are planned in several zones ({', '.join(zones)}): a {profile.name} profile has "
                "one; give --in-zone (or --client)"
            )
        zone = zones[0] if zones else "UTC"
    limits = _channel_limits(db)
    report = BulkExport()
    rows: list[list[str]] = []
    seen_text: set[str] = set()
    last_kept: datetime | None = None
    for o in occurrences:
        local = timezones.wall_at(o.utc, zone)
        instant = o.utc
        if profile.step_minutes and local.minute % profile.step_minutes:
            rounded = _round_to_step(local, profile.step_minutes)
            instant = timezones.localize_shifting_gaps(rounded, zone)[0]
            local = timezones.wall_at(instant, zone)
            report.moved.append(
                Issue(o.post_id, o.wall, f"moved to {local:%H:%M} ({profile.name} takes 5-minute steps)")
            )
        problem = None
        if instant < now + profile.min_lead:
            problem = (
                "is in the past" if instant <= now else f"is less than {_minutes(profile.min_lead)} from now"
            ) + f" ({profile.name} refuses it)"
        elif (limit := limits.get(o.channel_id)) is not None and len(o.text) > limit:
            problem = f"text is {len(o.text)} characters, over the {limit}-character limit of {o.network}"
        elif profile.no_duplicates and o.text in seen_text:
            problem = f"the same text is already in the file ({profile.name} refuses duplicates)"
        elif profile.min_spacing and last_kept is not None and instant - last_kept < profile.min_spacing:
            problem = (
                f"is less than {_minutes(profile.min_spacing)} after the previous post "
                f"({profile.name} wants them {_minutes(profile.min_spacing)} apart)"
            )
        if problem:
            report.rejected.append(Issue(o.post_id, o.wall, problem))
            continue
        seen_text.add(o.text)
        last_kept = instant
        rows.append(_row(fmt, o, local, date_style))
    report.rows = len(rows)
    return rows, report


def _row(fmt: str, o: Any, local: datetime, style: str) -> list[str]:
    text, link = neutralise(o.text), neutralise(o.link)
    if fmt == "hootsuite":
        return [_fmt_date(local, style, fmt), text, link]
    if fmt == "sprout":
        tags = ",".join(t.strip() for t in o.tags.split(",") if t.strip())
        return [_fmt_date(local, style, fmt), f"{local:%H:%M}", text, link, "", neutralise(tags)]
    labels = ",".join(t.strip() for t in o.tags.split(",") if t.strip())
    return [_fmt_date(local, style, fmt), text, link, "", "", neutralise(labels), "", "", "", "", "", ""]


def _minutes(delta: timedelta) -> str:
    return f"{int(delta.total_seconds() // 60)} minutes"


def _channel_limits(db: Database) -> dict[int, int | None]:
    from sqlalchemy import select

    from nomadcm.models import Channel

    with db.session() as s:
        return dict(s.execute(select(Channel.id, Channel.text_limit)).all())  # type: ignore[arg-type]


def split_paths(target: Path, parts: int) -> list[Path]:
    """`hootsuite.csv` -> [hootsuite.csv] or [hootsuite-1.csv, hootsuite-2.csv, ...] next to it."""
    if parts <= 1:
        return [target]
    return [target.with_name(f"{target.stem}-{i}{target.suffix or '.csv'}") for i in range(1, parts + 1)]


def write_rows(rows: Sequence[list[str]], out: IO[str], profile: BulkProfile) -> None:
    writer = csv.writer(out, lineterminator="\r\n")
    if profile.header is not None:
        writer.writerow(profile.header)
    writer.writerows(rows)


def export_bulk(
    db: Database,
    fmt: str,
    target: Path | None,
    *,
    out: IO[str] | None = None,
    **options: Any,
) -> BulkExport:
    """Writes the export to `target` (split in files of the tool's maximum size) or to `out`/stdout."""
    profile = check_format(fmt)
    rows, report = plan_export(db, fmt, **options)
    chunks = [rows[i : i + profile.max_rows] for i in range(0, len(rows), profile.max_rows)] or [[]]
    if target is None:
        if len(chunks) > 1:
            raise ExportError(
                f"{len(rows)} posts is more than {profile.name} takes in one file ({profile.max_rows}): "
                "give -o FILE to split them into several files"
            )
        write_rows(chunks[0], out or sys.stdout, profile)
        return report
    paths = split_paths(Path(target), len(chunks))
    for path, chunk in zip(paths, chunks, strict=True):
        with atomic_text_file(path) as fh:
            write_rows(chunk, fh, profile)
    report.files = paths
    return report


# ---------------------------------------------------------------------- import


@dataclass
class PreviewRow:
    """One data row of a file being imported, as the preview shows it."""

    line: int  # the file's line number (a header is line 1)
    wall: datetime | None = None  # in `zone`
    zone: str = ""
    client: str = ""
    channel: str = ""
    text: str = ""
    link: str = ""
    tags: tuple[str, ...] = ()
    error: str | None = None
    fold: int = 0


@dataclass
class ImportPreview:
    fmt: str
    path: Path
    rows: list[PreviewRow]
    channel_id: int | None = None  # bulk formats: the channel every row goes to

    @property
    def errors(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.error]

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.errors


def _parse_when(date_text: str, time_text: str | None, fmt: str, style: str) -> datetime:
    text = date_text.strip() if time_text is None else f"{date_text.strip()} {time_text.strip()}"
    if fmt == "publer":
        forms = ["%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M", "%Y-%m-%d %H:%M:%S"]
    elif style == "dmy":
        forms = ["%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S"]
    else:
        forms = ["%m/%d/%Y %H:%M", "%m/%d/%Y %H:%M:%S"]
    for form in forms:
        try:
            return datetime.strptime(text, form)
        except ValueError:
            continue
    expected = (
        "YYYY-MM-DD HH:MM"
        if fmt == "publer"
        else ("DD/MM/YYYY HH:MM" if style == "dmy" else "MM/DD/YYYY HH:MM")
    )
    raise ValidationError(f"{text!r} is not a date and time ({expected})")


def _read_all(path: Path) -> list[tuple[int, list[str]]]:
    """Every non-empty record with its line number, header included (Hootsuite files have none)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as err:
        raise UserError(f"cannot read {str(path)!r}: {err.strerror}") from None
    except UnicodeDecodeError as err:
        raise UserError(f"{str(path)!r} is not UTF-8 text (byte {err.start}); save it as UTF-8 CSV") from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    out: list[tuple[int, list[str]]] = []
    try:
        while True:
            line = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                break
            if any(c.strip() for c in cells):
                out.append((line, cells))
    except csv.Error as err:
        raise UserError(f"{str(path)!r} line {reader.line_num}: not valid CSV ({err})") from None
    if not out:
        raise UserError(f"{str(path)!r} is empty")
    return out


def read_bulk(path: Path, fmt: str, date_style: str = "dmy") -> list[PreviewRow]:
    """The data rows of a Hootsuite, Sprout or Publer file: wall times as written, or why a row is unreadable."""
    check_format(fmt)
    records = _read_all(Path(path))
    if fmt == "hootsuite":
        if records and not any(ch.isdigit() for ch in records[0][1][0]):
            records = records[1:]  # a header someone added
        index = {"date": 0, "text": 1, "link": 2}
    else:
        header = [h.strip().lower() for h in records[0][1]]
        records = records[1:]
        names = (
            ("date", "message_text", "link", "tags")
            if fmt == "sprout"
            else ("date", "text", "link(s)", "label(s)")
        )
        missing = [n for n in names[:2] if n not in header]
        if missing:
            raise UserError(f"{str(path)!r}: missing column(s) {', '.join(missing)} for the {fmt} format")
        index = {
            key: header.index(n)
            for key, n in zip(("date", "text", "link", "tags"), names, strict=True)
            if n in header
        }
        if fmt == "sprout":
            if "time_24hr" not in header:
                raise UserError(f"{str(path)!r}: missing column time_24hr for the sprout format")
            index["time"] = header.index("time_24hr")

    def cell(cells: list[str], key: str) -> str:
        i = index.get(key)
        return unneutralise(cells[i]) if i is not None and i < len(cells) else ""

    rows: list[PreviewRow] = []
    for line, cells in records:
        row = PreviewRow(line, text=cell(cells, "text"), link=cell(cells, "link").strip())
        row.tags = tuple(t.strip().lstrip("#") for t in cell(cells, "tags").split(",") if t.strip())
        try:
            row.wall = _parse_when(
                cell(cells, "date"), cell(cells, "time") if "time" in index else None, fmt, date_style
            )
        except ValidationError as err:
            row.error = str(err)
        rows.append(row)
    return rows


def preview_import(
    db: Database,
    path: Path | str,
    fmt: str,
    *,
    channel_id: int | None = None,
    tz: str | None = None,
    date_style: str = "dmy",
) -> ImportPreview:
    """Reads and checks every row of a file without writing anything (the GUI shows it before importing).

    Bulk formats carry no client, channel or zone: every row goes to `channel_id`, its times in `tz`
    (default: the channel's client's audience zone). Each row is checked by the posts' one check.
    """
    path = Path(path)
    if fmt == "native":
        return _preview_native(db, path)
    check_format(fmt)
    if channel_id is None:
        raise ValidationError(f"a {PROFILES[fmt].name} file names no channel: choose the client and channel")
    from nomadcm.services.schedule.clients import ClientService
    from nomadcm.services.schedule.posts import PostService

    channel = ClientService(db).get_channel(channel_id)
    client = ClientService(db).get_client(channel.client_id)
    zone = timezones.check_zone(tz or client.audience_tz)
    rows = read_bulk(path, fmt, date_style)
    checker = PostService(db).checker(channel_ids=[channel_id])
    for r in rows:
        r.zone, r.client, r.channel = zone, client.name, channel.label
        if r.error:
            continue
        checked = checker.check(_draft(channel_id, r))
        if checked.errors:
            r.error = str(checked.errors[0])
        else:
            r.link, r.tags = checked.link, checked.tags
    return ImportPreview(fmt, path, rows, channel_id)


def _draft(channel_id: int, row: PreviewRow) -> PostDraft:
    """The post a bulk file's row asks for (these tools only take posts to publish: `scheduled`)."""
    from nomadcm.services.schedule.posts import PostDraft

    assert row.wall is not None
    return PostDraft(channel_id, row.text, row.wall, row.zone, row.fold, row.link, row.tags)


def _preview_native(db: Database, path: Path) -> ImportPreview:
    from nomadcm.exchange import csv_native
    from nomadcm.services.schedule.posts import PostService

    header, records = csv_native.read_csv_records(path)
    csv_native.check_header(path, header)
    reader = csv_native.NativeRows(db, header)
    cell = reader.cell
    rows: list[PreviewRow] = []
    drafts = []
    for line, cells in records:
        row = PreviewRow(
            line,
            zone=cell(cells, "audience_tz").strip(),
            client=cell(cells, "client").strip(),
            channel=cell(cells, "channel").strip(),
            text=cell(cells, "text"),
            link=cell(cells, "link"),
        )
        try:
            row.wall = csv_native.parse_wall(cell(cells, "audience_time").strip())
        except ValueError:
            row.wall = None
        try:
            drafts.append((row, reader.draft(cells)))
        except (UserError, ValueError) as err:
            row.error = str(err)
        rows.append(row)
    checker = PostService(db).checker(create_missing=reader.create_missing)
    for row, draft in drafts:
        checked = checker.check(draft)
        if checked.errors:
            row.error = str(checked.errors[0])
        else:
            row.fold, row.zone, row.wall, row.tags = checked.fold, checked.tz, checked.wall, checked.tags
    return ImportPreview("native", path, rows)


def commit_import(db: Database, preview: ImportPreview) -> int:
    """Writes every row of a checked preview, or none; returns how many posts were added."""
    if preview.errors:
        first = preview.errors[0]
        raise UserError(
            f"nothing imported: {len(preview.errors)} bad row(s); line {first.line}: {first.error}"
        )
    if preview.fmt == "native":
        from nomadcm.exchange import csv_native

        return csv_native.import_csv(db, preview.path).imported
    from nomadcm.services.schedule.posts import DraftsRefused, PostService

    assert preview.channel_id is not None
    drafts = [_draft(preview.channel_id, r) for r in preview.rows]
    try:
        return len(PostService(db).add_many(drafts))
    except DraftsRefused as err:  # the database changed since the preview (a channel deleted...)
        bad = sorted(err.first_by_index().items())
        index, problem = bad[0]
        raise UserError(
            f"nothing imported: {len(bad)} bad row(s); line {preview.rows[index].line}: {problem.message}"
        ) from None
