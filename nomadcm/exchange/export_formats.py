"""Every export of the schedule behind one door (the GUI's export dialog): what a format would write — how
many rows, the rows its rules drop and why, the times it rounds, how far a series with no end is listed —
before writing, then the writing itself.

Formats: the native CSV (`native`, `excel` for French Excel), the bulk schedulers' upload files
(`hootsuite`, `sprout`, `publer`: exchange/bulk_export.py, scheduled posts only, their rules applied) and
iCalendar (`ics`: exchange/ics.py, a series written as one repeating event). The CLI keeps its own commands
(`export csv`, `export ics`) over the same functions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from nomadcm import timezones
from nomadcm.errors import ValidationError
from nomadcm.exchange.bulk_export import Issue
from nomadcm.services.schedule.occurrences import load_series
from nomadcm.services.schedule.query import ScheduleFilter, ScheduleQuery
from nomadcm.services.schedule.stored_rows import SkippedRow
from nomadcm.storage import Database

FORMATS = ("native", "excel", "hootsuite", "sprout", "publer", "ics")
BULK = ("hootsuite", "sprout", "publer")
SUFFIXES = {"ics": ".ics"}  # the others are .csv


@dataclass(frozen=True)
class ExportRequest:
    fmt: str
    client_id: int | None = None
    client_name: str | None = None  # the exchange functions take the client by name
    date_from: date | None = None
    date_to: date | None = None
    in_zone: str | None = None  # bulk formats: the zone of the tool's profile (None: the posts' own)
    date_style: str = "dmy"  # hootsuite, sprout

    def __post_init__(self) -> None:
        if self.fmt not in FORMATS:
            raise ValidationError(f"unknown export format {self.fmt!r}: one of {', '.join(FORMATS)}")
        if self.date_from and self.date_to and self.date_to < self.date_from:
            raise ValidationError(f"the end date {self.date_to} is before the start date {self.date_from}")

    @property
    def suffix(self) -> str:
        return SUFFIXES.get(self.fmt, ".csv")


@dataclass(frozen=True)
class EndlessSeries:
    """A repeating post with no end in the export: listed until `listed_until` (a date in the post's own
    zone), or written as a rule a calendar repeats for ever (`as_rule`, ICS)."""

    post_id: int
    text: str
    listed_until: date | None
    as_rule: bool = False


@dataclass
class ExportPlan:
    """What the export would write (`count` rows or events), and what it would not."""

    request: ExportRequest
    count: int = 0
    dropped: list[Issue] = field(default_factory=list)  # the format's rules refuse them (bulk)
    moved: list[Issue] = field(default_factory=list)  # written at a time rounded to the tool's step
    skipped: list[SkippedRow] = field(default_factory=list)  # values an older NomadCM let in
    endless: list[EndlessSeries] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)  # after writing: where (a bulk export may be split)


def plan_export(db: Database, req: ExportRequest, now: datetime | None = None) -> ExportPlan:
    """What `write_export` would write, without writing."""
    now = now or timezones.now_utc()
    plan = ExportPlan(req, endless=endless_series(db, req, now))
    if req.fmt in BULK:
        from nomadcm.exchange import bulk_export

        rows, report = bulk_export.plan_export(db, req.fmt, now=now, **_bulk_options(req))
        plan.count, plan.dropped, plan.moved, plan.skipped = (
            len(rows),
            report.rejected,
            report.moved,
            report.skipped,
        )
    elif req.fmt == "ics":
        from nomadcm.exchange import ics

        _cal, ics_report = ics.build_calendar(db, now=now, **_range(req))
        plan.count, plan.skipped = ics_report.events, ics_report.skipped
    else:
        flt = ScheduleFilter(client_id=req.client_id, date_from=req.date_from, date_to=req.date_to)
        plan.count = ScheduleQuery(db, flt, now=now).count()
    return plan


def write_export(db: Database, req: ExportRequest, path: Path) -> ExportPlan:
    """Writes the export to `path` (atomically; a bulk file too big for its tool is split beside it) and
    says what it wrote."""
    plan = ExportPlan(req, endless=endless_series(db, req, timezones.now_utc()), files=[path])
    if req.fmt in BULK:
        from nomadcm.exchange import bulk_export

        report = bulk_export.export_bulk(db, req.fmt, path, **_bulk_options(req))
        plan.count, plan.dropped, plan.moved = report.rows, report.rejected, report.moved
        plan.skipped, plan.files = report.skipped, report.files
    elif req.fmt == "ics":
        from nomadcm.exchange import ics

        ics_report = ics.export_ics(db, path, **_range(req))
        plan.count, plan.skipped = ics_report.events, ics_report.skipped
    else:
        from nomadcm.exchange.csv_native_export import export_csv

        plan.count = export_csv(
            db,
            path,
            date_from=req.date_from,
            date_to=req.date_to,
            client=req.client_name,
            excel=req.fmt == "excel",
            skipped=plan.skipped,
        )
    return plan


def endless_series(db: Database, req: ExportRequest, now: datetime) -> list[EndlessSeries]:
    """The series with no end (no COUNT, no UNTIL) the export holds, and how far each is listed: to the
    end date asked for, else to the listing's horizon (services/schedule/series.py: a year ahead). In ICS a
    series is one repeating event, which calendars repeat for ever."""
    found = []
    for series in load_series(db, client_id=req.client_id):
        if not series.rule.open_ended:
            continue
        if req.fmt in BULK and series.status != "scheduled":
            continue
        if req.fmt == "ics":
            found.append(EndlessSeries(series.post_id, series.text, None, as_rule=True))
            continue
        until = req.date_to or timezones.wall_at(series.horizon(now), series.tz).date()
        first = timezones.wall_at(series.first_utc, series.tz).date()
        if first > until or (req.date_from is not None and until < req.date_from):
            continue
        found.append(EndlessSeries(series.post_id, series.text, until))
    return found


def _range(req: ExportRequest) -> dict[str, object]:
    return {"date_from": req.date_from, "date_to": req.date_to, "client": req.client_name}


def _bulk_options(req: ExportRequest) -> dict[str, object]:
    return {**_range(req), "in_zone": req.in_zone, "date_style": req.date_style}
