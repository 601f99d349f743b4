"""Reading a file to import — a bulk scheduler's (Hootsuite, Sprout Social, Publer) or the native CSV —
into a preview that shows every row and why it would be refused, before anything is written.

The GUI's import dialog and `nomadcm import csv --format` read through `preview_import`; `commit_import`
then writes all its rows or none through the posts' one write path. Bulk files carry no client, channel or
zone (the person chooses them); their columns and date forms are exchange/bulk_profiles.py. A bulk file's
cells are read as written (its text is what the tool would publish); only the native CSV's cells carry the
spreadsheet guard of exchange/csv_cells.py, which its reader removes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from nomadcm import timezones
from nomadcm.errors import UserError, ValidationError
from nomadcm.exchange.bulk_profiles import PROFILES, check_format, parse_when
from nomadcm.exchange.csv_cells import read_records
from nomadcm.exchange.csv_native import parse_wall
from nomadcm.exchange.csv_native_import import NativeRows, check_header, import_csv_op, read_csv_records
from nomadcm.services.changes import Change
from nomadcm.services.schedule.clients import ClientService
from nomadcm.services.schedule.post_writes import DraftsRefused, PostDraft
from nomadcm.services.schedule.posts import PostService
from nomadcm.storage import Database


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


def _read_all(path: Path) -> list[tuple[int, list[str]]]:
    """Every non-empty record with its line number, header included (Hootsuite files have none)."""
    out = [(line, cells) for line, cells in read_records(path) if any(c.strip() for c in cells)]
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
        """A cell as written: a leading `'` is the post's own (bulk files carry no spreadsheet guard)."""
        i = index.get(key)
        return cells[i] if i is not None and i < len(cells) else ""

    rows: list[PreviewRow] = []
    for line, cells in records:
        row = PreviewRow(line, text=cell(cells, "text"), link=cell(cells, "link").strip())
        row.tags = tuple(t.strip().lstrip("#") for t in cell(cells, "tags").split(",") if t.strip())
        try:
            row.wall = parse_when(
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
    assert row.wall is not None
    return PostDraft(channel_id, row.text, row.wall, row.zone, row.fold, row.link, row.tags)


def _preview_native(db: Database, path: Path) -> ImportPreview:
    header, records = read_csv_records(path)
    check_header(path, header)
    reader = NativeRows(db, header)
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
            row.wall = parse_wall(cell(cells, "audience_time").strip())
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
    return int(commit_import_op(db, preview).result)


def commit_import_op(db: Database, preview: ImportPreview) -> Change:
    """`commit_import`, saying what it changed (result: how many posts were added): undo deletes exactly
    the posts (and channels) it added, as one step; redo puts them back."""
    if preview.errors:
        first = preview.errors[0]
        raise UserError(
            f"nothing imported: {len(preview.errors)} bad row(s); line {first.line}: {first.error}"
        )
    if preview.fmt == "native":
        done = import_csv_op(db, preview.path)
        return replace(done, result=done.result.imported)
    assert preview.channel_id is not None
    drafts = [_draft(preview.channel_id, r) for r in preview.rows]
    try:
        added = PostService(db).add_many_op(drafts)
    except DraftsRefused as err:  # the database changed since the preview (a channel deleted...)
        bad = sorted(err.first_by_index().items())
        index, problem = bad[0]
        raise UserError(
            f"nothing imported: {len(bad)} bad row(s); line {preview.rows[index].line}: {problem.message}"
        ) from None
    return replace(added, label="import_posts", result=len(added.result), subject=preview.path.name)
