"""Reading every view of the schedule for the one-truth tests: the Schedule model, the Calendar page, the
CLI in-process, and an ICS file expanded by readers NomadCM did not write (tests/ics_readers.py: icalendar +
recurring-ical-events, `ical`, and the file's own VTIMEZONEs).
"""

from __future__ import annotations

import functools
import inspect
import io
from collections import Counter
from contextlib import redirect_stderr, redirect_stdout
from datetime import UTC, date, datetime, timedelta
from unittest import mock

from ics_readers import READERS

from nomadcm import cli
from nomadcm.services.container import Services
from nomadcm.services.schedule.query import ScheduleFilter
from nomadcm.ui.tasks import TaskRunner

ICS_EVENT_LENGTH = timedelta(minutes=15)


Row = tuple[int, datetime | None, datetime, str, datetime]  # post, series wall, utc, your zone, your wall


def rows_key(o) -> Row:  # type: ignore[no-untyped-def]
    return (o.post_id, o.series_wall, o.utc, o.cm_zone, o.cm_wall)


def flat(rows) -> Counter:  # type: ignore[no-untyped-def, type-arg]
    """(post, utc, your zone, your wall) — what the files and the CLI say of a row."""
    return Counter((r[0], r[2], r[3], r[4]) for r in rows)


_build_parser = cli.build_parser


@functools.cache
def _parser():  # type: ignore[no-untyped-def]
    return _build_parser()


def run_cli(*argv: str) -> str:
    """`nomadcm ARGV` in-process, its stdout. The argument parser is built once per session (building it
    takes longer than most commands run: argparse translates every help text)."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err), mock.patch.object(cli, "build_parser", _parser):
        code = cli.main(list(argv))
    assert code == 0, f"nomadcm {' '.join(argv)} -> {code}: {err.getvalue()}"
    return out.getvalue()


def parse_utc(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def parse_wall(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M")


def schedule_model_rows(services: Services, page_size: int, flt: ScheduleFilter | None = None) -> list:  # type: ignore[type-arg]
    from nomadcm.ui.schedule.table_models import ROW_ROLE, ScheduleModel

    model = ScheduleModel(services, page_size=page_size)
    model.set_filter(flt or ScheduleFilter())
    announced = model.total()  # asked before the rows are all loaded: the footer's "of N"
    while model.canFetchMore():
        model.fetchMore()
    rows = [model.data(model.index(r, 0), ROW_ROLE) for r in range(model.rowCount())]
    assert announced == len(rows) == model.total(), "the Schedule's total is not its number of rows"
    yours = [model.data(model.index(r, model.YOURS)) for r in range(model.rowCount())]
    marks = [model.conflicts_of(r) for r in range(model.rowCount())]
    model.deleteLater()
    return list(zip(rows, yours, marks, strict=True))


def calendar_rows(  # type: ignore[type-arg]
    services: Services, tasks: TaskRunner, months: list[date]
) -> list[tuple[list, list]]:
    """For each month shown (month view, "my time" lens): (items placed, days)."""
    from nomadcm.ui.calendar.page import MONTH, MY_TIME, CalendarPage

    page = page_of(CalendarPage, services, tasks)
    assert page.lens_zone() == MY_TIME
    out = []
    page.set_mode(MONTH)
    for month in months:
        page.show_date(month)
        out.append((list(page.items), list(page.days)))
    page.close()
    page.deleteLater()
    return out


def ics_instants(text: str) -> Counter:  # type: ignore[type-arg]
    """(post id, UTC instant) of every event the independent readers expand from an ICS file: they must all
    read the same events, each lasting 15 minutes on the absolute timeline (issue 11)."""
    readings = {name: read(text) for name, read in READERS.items()}
    first = readings["icalendar"]
    for name, reading in readings.items():
        assert reading == first, f"ICS: {name} reads {reading - first}, icalendar {first - reading}"
    assert all(end - start == ICS_EVENT_LENGTH for _pid, start, end in first), "ICS: an event is not 15 min"
    return Counter({(pid, start): n for (pid, start, _end), n in first.items()})


def months_of(rows: list[Row]) -> list[date]:
    if not rows:
        return []
    lo = min(min(r[4].date(), r[2].date()) for r in rows) - timedelta(days=1)
    hi = max(max(r[4].date(), r[2].date()) for r in rows) + timedelta(days=1)
    out, m = [], lo.replace(day=1)
    while m <= hi:
        out.append(m)
        m = (m + timedelta(days=32)).replace(day=1)
    return out


def page_of(cls, services: Services, tasks: TaskRunner):  # type: ignore[no-untyped-def]
    """A page built as the window builds it (with the task runner when the page takes one)."""
    from nomadcm.ui.changes import ChangeBus

    if "tasks" in inspect.signature(cls).parameters:
        return cls(services, ChangeBus(), tasks)
    return cls(services, ChangeBus())
