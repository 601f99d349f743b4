"""Writing the schedule for a bulk scheduler (Hootsuite, Sprout Social, Publer): `export csv --format`.

Times are written in the zone the target profile uses (`in_zone`, default the client's audience zone), as
the tools read naive times in the profile's zone. Rows a tool would reject (exchange/bulk_profiles.py) are
reported, never silently written; times rounded to the tool's step are reported too. Only `scheduled` posts
are exported (drafts are not ready, published and cancelled ones are done). A file larger than the tool
takes is split in several, each written atomically.

Cells are written exactly as the post has them: no leading `'` against spreadsheet formulas. These files go
to a publishing tool, which would publish the `'` with the text (`'@nasa congrats…`); the guard belongs to
files meant for a spreadsheet (the native CSV, the places CSV: exchange/csv_cells.py).
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import IO, Any

from nomadcm import timezones
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.exchange.atomic_files import atomic_text_file
from nomadcm.exchange.bulk_profiles import DATE_STYLES, BulkProfile, check_format, format_when
from nomadcm.exchange.file_errors import ExportError
from nomadcm.exchange.output_targets import check_target
from nomadcm.services.schedule.query import ScheduleFilter, ScheduleQuery
from nomadcm.services.schedule.stored_rows import SkippedRow, usable
from nomadcm.storage import Database


@dataclass(frozen=True)
class Issue:
    post_id: int
    wall: datetime  # the occurrence's time in the post's own zone
    message: str  # in English, for the CLI
    # for a translated text (ui/schedule/export_texts.py): moved, past, too_soon, too_long, duplicate,
    # too_close; `detail` holds the numbers the message names
    kind: str = ""
    detail: dict[str, object] = field(default_factory=dict, compare=False)

    def __str__(self) -> str:
        return f"post {self.post_id} at {self.wall:%Y-%m-%d %H:%M}: {self.message}"


@dataclass
class BulkExport:
    files: list[Path] = field(default_factory=list)
    rows: int = 0
    moved: list[Issue] = field(default_factory=list)  # written, at a rounded time
    rejected: list[Issue] = field(default_factory=list)  # not written: the tool would refuse them
    # not written: values an older NomadCM let in (services/schedule/stored_rows.py)
    skipped: list[SkippedRow] = field(default_factory=list)


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
    skipped: list[SkippedRow] = []
    try:
        occurrences = list(usable(ScheduleQuery(db, flt, now=now).stream(), skipped))
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
    report = BulkExport(skipped=skipped)
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
                Issue(
                    o.post_id,
                    o.wall,
                    f"moved to {local:%H:%M} ({profile.name} takes {profile.step_minutes}-minute steps)",
                    "moved",
                    {"to": local, "step": profile.step_minutes},
                )
            )
        problem: tuple[str, str, dict[str, object]] | None = None
        if instant < now + profile.min_lead:
            lead = _whole_minutes(profile.min_lead)
            problem = (
                ("is in the past", "past", {})
                if instant <= now
                else (f"is less than {lead} minutes from now", "too_soon", {"minutes": lead})
            )
            problem = (f"{problem[0]} ({profile.name} refuses it)", problem[1], problem[2])
        elif (limit := limits.get(o.channel_id)) is not None and len(o.text) > limit:
            problem = (
                f"text is {len(o.text)} characters, over the {limit}-character limit of {o.network}",
                "too_long",
                {"length": len(o.text), "limit": limit, "network": o.network},
            )
        elif profile.no_duplicates and o.text in seen_text:
            problem = (
                f"the same text is already in the file ({profile.name} refuses duplicates)",
                "duplicate",
                {},
            )
        elif profile.min_spacing and last_kept is not None and instant - last_kept < profile.min_spacing:
            spacing = _whole_minutes(profile.min_spacing)
            problem = (
                f"is less than {spacing} minutes after the previous post "
                f"({profile.name} wants them {spacing} minutes apart)",
                "too_close",
                {"minutes": spacing},
            )
        if problem:
            report.rejected.append(Issue(o.post_id, o.wall, *problem))
            continue
        seen_text.add(o.text)
        last_kept = instant
        rows.append(_row(fmt, o, local, date_style))
    report.rows = len(rows)
    return rows, report


def _row(fmt: str, o: Any, local: datetime, style: str) -> list[str]:
    """One row, its text, link and tags exactly as the post has them (see the module's docstring)."""
    text, link = o.text, o.link
    if fmt == "hootsuite":
        return [format_when(local, style, fmt), text, link]
    tags = ",".join(t.strip() for t in o.tags.split(",") if t.strip())
    if fmt == "sprout":
        return [format_when(local, style, fmt), f"{local:%H:%M}", text, link, "", tags]
    return [format_when(local, style, fmt), text, link, "", "", tags, "", "", "", "", "", ""]


def _whole_minutes(delta: timedelta) -> int:
    return int(delta.total_seconds() // 60)


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
    for path in paths:  # every part's place first (exchange/output_targets.py): never half a split export
        check_target(path)
    for path, chunk in zip(paths, chunks, strict=True):
        with atomic_text_file(path) as fh:
            write_rows(chunk, fh, profile)
    report.files = paths
    return report
