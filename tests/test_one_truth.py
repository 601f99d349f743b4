"""One truth for the schedule (issue 10): every view gives the same occurrences, instants and "your time".

A hypothesis test builds random data — clients in several audience zones (DST and no DST, a half-hour DST in
Lord Howe, the date line at Apia), single posts, recurring posts (DAILY/WEEKLY/MONTHLY with COUNT or UNTIL,
across DST changes, wall times inside DST gaps so occurrences get gap-shifted, occurrences deleted, moved,
re-statused, re-texted and split through the occurrence editor), all four statuses, a home zone and a random
itinerary (stays and flights between zones, posts falling during flights) — and checks that these agree on
(post, occurrence, UTC instant, your zone, your wall time), each restricted to what it covers:

  (a) the Schedule table model, fetched to the end through `fetchMore`, read through `data(ROW_ROLE)`;
  (b) the Calendar page's placed items with the "my time" lens (a post sits at its row's `cm_wall`);
  (c) `nomadcm post list --json`;
  (d) the native CSV (`export_csv`);
  (e) the ICS file (`nomadcm export ics`, with RRULE/EXDATE/RECURRENCE-ID, and `--expand`) expanded by a
      reader we did not write (`icalendar` + `recurring-ical-events`), instant by instant against the CSV;
  (f) the conflict check (`services.conflicts.check` and `nomadcm check --json`) and the Schedule's marks;

and that every count shown is the number of rows it describes (the model's total, the query's count for
random filters, the export dialog's "N posts will be exported" against the file written).

Oracles are not the code under test (docs/DESIGN.md §2): "your" wall time and the audience wall time are
recomputed from the instant with stdlib `zoneinfo` (tzdata), never with `nomadcm.timezones`; where the CM is
comes from an itinerary model written here from the rules in services/travel/itinerary.py's docstring; the
instants of recurring posts are checked by the independent ICS reader.

Two deterministic tests pin the cases the issue reports: a post during the Montréal -> Paris flight, and an
open-ended daily series whose footer once read "200 of 1 posts".
"""

from __future__ import annotations

import csv
import functools
import inspect
import io
import json
import os
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from unittest import mock
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication

from nomadcm import cli
from nomadcm.errors import UserError
from nomadcm.exchange.csv_native import export_csv
from nomadcm.services.container import Services
from nomadcm.services.schedule.posts import PostDraft
from nomadcm.services.schedule.query import ScheduleFilter
from nomadcm.services.travel.trip_records import StayInput, TransitInput
from nomadcm.storage import Database
from nomadcm.ui.tasks import TaskRunner

ZONES = (
    "Europe/Paris",
    "America/Toronto",
    "Indian/Reunion",
    "Australia/Lord_Howe",
    "Pacific/Apia",
    "America/Sao_Paulo",
)
CITIES = {
    "Europe/Paris": ("Paris", "FR"),
    "America/Toronto": ("Montréal", "CA"),
    "Indian/Reunion": ("Saint-Denis", "RE"),
    "Australia/Lord_Howe": ("Lord Howe Island", "AU"),
    "Pacific/Apia": ("Apia", "WS"),
    "America/Sao_Paulo": ("São Paulo", "BR"),
}
NETWORKS = ("instagram", "facebook", "linkedin", "blog")
STATUSES = ("draft", "scheduled", "published", "cancelled")
# Windows that hold DST changes: Toronto (2nd Sunday of March, 1st of November), Paris (last Sundays of March
# and October), Lord Howe (1st Sunday of April: back 30 min; 1st Sunday of October: forward 30 min).
ANCHORS = ((3, 1), (3, 18), (3, 24), (9, 24), (10, 20), (10, 26))
WINDOW_DAYS = 42
ICS_RANGE = (datetime(2020, 1, 1, tzinfo=UTC), datetime(2040, 1, 1, tzinfo=UTC))


@pytest.fixture(autouse=True)
def _british_locale() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(previous)


# ---------------------------------------------------------------------- oracles (stdlib zoneinfo)


def wall_in(utc: datetime, zone: str) -> datetime:
    """The naive wall time in `zone` at the aware instant `utc` (zoneinfo, not nomadcm.timezones)."""
    return utc.astimezone(ZoneInfo(zone)).replace(tzinfo=None, fold=0)


def instant_of(wall: datetime, zone: str, fold: int = 0) -> datetime:
    return wall.replace(tzinfo=ZoneInfo(zone), fold=fold).astimezone(UTC)


def in_gap(wall: datetime, zone: str) -> bool:
    return wall_in(instant_of(wall, zone), zone) != wall


def ambiguous(wall: datetime, zone: str) -> bool:
    return not in_gap(wall, zone) and instant_of(wall, zone, 0) != instant_of(wall, zone, 1)


@dataclass(frozen=True)
class Flight:
    from_zone: str
    to_zone: str
    depart: datetime  # aware UTC
    arrive: datetime


@dataclass
class TripModel:
    """Where the CM is, written from the rules of services/travel/itinerary.py for itineraries of this
    test's shape: home; or one stay; or stays chained by flights (each flight leaves the zone of the stay
    before it for the zone of the stay after it; stays share at most their travel day)."""

    home: str
    stays: list[tuple[str, datetime, datetime]] = field(default_factory=list)  # zone, start, end (UTC)
    flights: list[Flight] = field(default_factory=list)

    def where(self, t: datetime) -> tuple[str, bool]:
        for f in self.flights:  # rule 1: in the air, on the departure's clock
            if f.depart <= t < f.arrive:
                return f.from_zone, True
        covered = [zone for zone, start, end in self.stays if start <= t < end]
        if not self.flights:  # rules 3 and 4
            return (covered[-1] if covered else self.home), False
        first = self.flights[0]
        if t < first.depart:
            # Rule 2, before a departure: at its place while a stay covers the instant (across the date
            # line the next stay may begin first, in absolute time) or when no stay starts before it.
            later = [start for _zone, start, _end in self.stays if start > t]
            if covered or (later and first.depart <= min(later)):
                return first.from_zone, False
            return self.home, False
        last = max(k for k, f in enumerate(self.flights) if f.arrive <= t)
        if last == len(self.flights) - 1:  # after the last arrival: there while a stay lasts, then home
            return (self.flights[-1].to_zone if covered else self.home), False
        return self.flights[last].to_zone, False  # between two flights: where the first one landed


# ---------------------------------------------------------------------- random scenarios


@dataclass(frozen=True)
class EditSpec:
    op: str  # delete | move | status | text | delete_following | shift_following
    index: int  # which occurrence (modulo how many there are when the edit is made)
    minutes: int = 0
    status: str = "scheduled"
    fold: int = 0


@dataclass(frozen=True)
class PostSpec:
    kind: str  # single | flight | series
    client: int
    channel: int
    status: str
    day: int  # days after the window's first day
    hour: int
    minute: int
    fold: int
    zone: str | None  # None: the client's audience zone
    flight: int = 0
    fraction: float = 0.5
    rule: str | None = None
    edits: tuple[EditSpec, ...] = ()
    aim: str | None = None  # "gap" / "fold": start near a DST change of the zone so occurrences hit it


@dataclass(frozen=True)
class FilterSpec:
    client: int | None
    status: str | None
    date_from: int | None
    date_to: int | None
    start_hours: int | None


@dataclass(frozen=True)
class Scenario:
    first_day: date
    home: str
    clients: tuple[tuple[str, tuple[str, ...]], ...]  # (audience zone, networks)
    trip: str  # home | stay | chain
    trip_zones: tuple[str, ...]
    trip_hours: tuple[int, ...]  # first departure, then (duration, stop) pairs, in hours/minutes
    lead_days: int
    tail_days: int
    posts: tuple[PostSpec, ...]
    filters: tuple[FilterSpec, ...]
    second_folds: bool  # allow the second of two ambiguous wall times (ICS limitation, see issue 11)
    page_size: int
    ack: int | None


def _rules(draw: st.DrawFn) -> str:
    """A rule; UNTIL=@N@KIND stands for N days after the first occurrence's date, as a date or in UTC."""
    freq = draw(st.sampled_from(("DAILY", "DAILY", "WEEKLY", "MONTHLY")))
    parts = [f"FREQ={freq}"]
    if freq == "DAILY" and draw(st.booleans()):
        parts.append(f"INTERVAL={draw(st.integers(2, 3))}")
    if freq == "WEEKLY" and draw(st.booleans()):
        days = draw(st.lists(st.sampled_from(("MO", "TU", "WE", "TH", "FR", "SA", "SU")), min_size=1,
                             max_size=3, unique=True))
        parts.append("BYDAY=" + ",".join(days))
    if freq == "MONTHLY":
        pick = draw(st.sampled_from(("plain", "-1SU", "1SU", "2SU", "monthday")))
        if pick == "monthday":
            parts.append(f"BYMONTHDAY={draw(st.sampled_from((1, 15, 28, 31, -1)))}")
        elif pick != "plain":
            parts.append(f"BYDAY={pick}")
    if draw(st.booleans()):
        top = {"DAILY": 16, "WEEKLY": 6, "MONTHLY": 3}[freq]
        parts.append(f"COUNT={draw(st.integers(1, top))}")
    else:
        reach = {"DAILY": 20, "WEEKLY": 35, "MONTHLY": 80}[freq]
        parts.append(f"UNTIL=@{draw(st.integers(0, reach))}@{draw(st.sampled_from(('date', 'utc')))}")
    return ";".join(parts)


@st.composite
def edit_specs(draw: st.DrawFn) -> EditSpec:
    op = draw(st.sampled_from(("delete", "move", "move", "status", "text", "delete_following",
                               "shift_following")))
    minutes = draw(st.sampled_from((-1440, -90, -60, -30, 30, 45, 60, 120, 1440, 2880)))
    return EditSpec(op, draw(st.integers(0, 30)), minutes, draw(st.sampled_from(STATUSES)),
                    draw(st.integers(0, 1)))


@st.composite
def post_specs(draw: st.DrawFn, n_clients: int, n_flights: int) -> PostSpec:
    kinds = ["single", "series", "series"] + (["flight"] if n_flights else [])
    kind = draw(st.sampled_from(kinds))
    day = draw(st.integers(0, WINDOW_DAYS - 1))
    # Hours 1 and 2 hold the gaps and folds of Paris, Toronto and Lord Howe.
    hour = draw(st.sampled_from((1, 2, 2, 3, 9, 12, 17, 22, 23)))
    minute = draw(st.sampled_from((0, 15, 30, 45, 59)))
    zone = draw(st.none() | st.none() | st.sampled_from(ZONES))
    return PostSpec(
        kind,
        draw(st.integers(0, n_clients - 1)),
        draw(st.integers(0, 1)),
        draw(st.sampled_from(STATUSES + ("scheduled",))),
        day,
        hour,
        minute,
        draw(st.integers(0, 1)),
        zone,
        flight=draw(st.integers(0, max(n_flights - 1, 0))),
        fraction=draw(st.floats(0.0, 0.99)),
        rule=_rules(draw) if kind == "series" else None,
        aim=draw(st.sampled_from((None, None, "gap", "fold"))),
        edits=tuple(draw(st.lists(edit_specs(), max_size=4))) if kind == "series" else (),
    )


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    year = draw(st.integers(2026, 2030))
    month, day = draw(st.sampled_from(ANCHORS))
    first_day = date(year, month, day) + timedelta(days=draw(st.integers(0, 6)))
    n_clients = draw(st.integers(1, 3))
    clients = tuple(
        (draw(st.sampled_from(ZONES)), tuple(draw(st.lists(st.sampled_from(NETWORKS), min_size=2, max_size=2,
                                                          unique=True))))
        for _ in range(n_clients)
    )
    trip = draw(st.sampled_from(("home", "stay", "chain", "chain")))
    n_flights = draw(st.integers(1, 3)) if trip == "chain" else 0
    zones: list[str] = [draw(st.sampled_from(ZONES))]
    for _ in range(n_flights):
        zones.append(draw(st.sampled_from([z for z in ZONES if z != zones[-1]])))
    hours = [draw(st.integers(0, 14 * 24))] + [
        draw(st.integers(1, 20 * 60)) if k % 2 == 0 else draw(st.integers(3, 5 * 24))
        for k in range(2 * n_flights)
    ]
    if trip == "stay":
        hours = [draw(st.integers(0, WINDOW_DAYS - 1)), draw(st.integers(0, 20))]
    posts = tuple(draw(st.lists(post_specs(n_clients, n_flights), min_size=1, max_size=9)))
    filters = tuple(
        FilterSpec(
            draw(st.none() | st.integers(0, n_clients - 1)),
            draw(st.none() | st.sampled_from(STATUSES)),
            draw(st.none() | st.integers(0, WINDOW_DAYS)),
            draw(st.none() | st.integers(0, WINDOW_DAYS + 60)),
            draw(st.none() | st.integers(0, WINDOW_DAYS * 24)),
        )
        for _ in range(draw(st.integers(1, 2)))
    )
    return Scenario(
        first_day,
        draw(st.sampled_from(ZONES)),
        clients,
        trip,
        tuple(zones),
        tuple(hours),
        draw(st.integers(0, 5)),
        draw(st.integers(0, 10)),
        posts,
        filters,
        draw(st.booleans()),
        draw(st.sampled_from((3, 7, 200))),
        draw(st.none() | st.integers(0, 8)),
    )


# ---------------------------------------------------------------------- building the database


_TEMPLATE: list[Path] = []


def fresh_database(folder: Path) -> Path:
    """A new migrated database file in `folder`: a copy of one made once per session (migrating takes a
    while; copying a closed SQLite file does not)."""
    if not _TEMPLATE:
        made = Path(tempfile.mkdtemp(prefix="nomadcm-one-truth-")) / "template.sqlite3"
        Database.open(made).close()
        _TEMPLATE.append(made)
    path = folder / "nomadcm.sqlite3"
    shutil.copyfile(_TEMPLATE[0], path)
    return path


@contextmanager
def opened(path: Path) -> Iterator[Services]:
    services = Services(Database.open(path))
    try:
        yield services
    finally:
        services.close()


@dataclass
class Built:
    trip: TripModel
    posts: list[int] = field(default_factory=list)


@functools.cache
def dst_changes(zone: str, first_day: date) -> tuple[tuple[str, datetime, timedelta], ...]:
    """The zone's clock changes around the window (zoneinfo): ("gap" or "fold", first wall time skipped or
    repeated, how long)."""
    out = []
    t = datetime.combine(first_day, datetime.min.time()).replace(tzinfo=UTC) - timedelta(days=2)
    step = timedelta(minutes=15)
    before = t.astimezone(ZoneInfo(zone)).utcoffset()
    for _ in range((WINDOW_DAYS + 4) * 96):
        t += step
        after = t.astimezone(ZoneInfo(zone)).utcoffset()
        if after != before:
            assert after is not None and before is not None
            if after > before:
                out.append(("gap", wall_in(t, zone) - (after - before), after - before))
            else:
                out.append(("fold", wall_in(t, zone), before - after))
            before = after
    return tuple(out)


def _valid_wall(wall: datetime, zone: str) -> datetime:
    """A typed time is refused inside a DST gap: step out of it as a person would."""
    while in_gap(wall, zone):
        wall += timedelta(minutes=30)
    return wall


def _local(utc: datetime, zone: str) -> tuple[datetime, int]:
    local = utc.astimezone(ZoneInfo(zone))
    return local.replace(tzinfo=None, fold=0), local.fold


def build_trip(services: Services, sc: Scenario) -> TripModel:
    services.settings.set_home_tz(sc.home)
    model = TripModel(sc.home)
    base = datetime.combine(sc.first_day, datetime.min.time()).replace(tzinfo=UTC)
    if sc.trip == "stay":
        zone = sc.trip_zones[0]
        first = sc.first_day + timedelta(days=sc.trip_hours[0])
        last = first + timedelta(days=sc.trip_hours[1])
        _add_stay(services, model, zone, first, last)
    elif sc.trip == "chain":
        t = base + timedelta(hours=sc.trip_hours[0])
        for k in range(len(sc.trip_zones) - 1):
            depart = t
            arrive = depart + timedelta(minutes=sc.trip_hours[1 + 2 * k])
            model.flights.append(Flight(sc.trip_zones[k], sc.trip_zones[k + 1], depart, arrive))
            t = arrive + timedelta(hours=sc.trip_hours[2 + 2 * k])
        fl = model.flights
        first = _local(fl[0].depart, fl[0].from_zone)[0].date() - timedelta(days=sc.lead_days)
        for k, zone in enumerate(sc.trip_zones):
            if k:
                first = max(_local(fl[k - 1].arrive, zone)[0].date(), last)
            last = (
                _local(fl[k].depart, zone)[0].date()
                if k < len(fl)
                else max(_local(fl[-1].arrive, zone)[0].date() + timedelta(days=sc.tail_days), first)
            )
            _add_stay(services, model, zone, first, last)
        for f in fl:
            dep, dep_fold = _local(f.depart, f.from_zone)
            arr, arr_fold = _local(f.arrive, f.to_zone)
            services.trips.add_transit(
                TransitInput("flight", CITIES[f.from_zone][0], f.from_zone, CITIES[f.to_zone][0], f.to_zone,
                             dep, arr, CITIES[f.from_zone][1], CITIES[f.to_zone][1], dep_fold, arr_fold)
            )
    return model


def _add_stay(services: Services, model: TripModel, zone: str, first: date, last: date) -> None:
    city, country = CITIES[zone]
    services.trips.add_stay(StayInput(city, zone, first, last, country))
    start = instant_of(datetime.combine(first, datetime.min.time()), zone)
    end = instant_of(datetime.combine(last + timedelta(days=1), datetime.min.time()), zone)
    model.stays.append((zone, start, end))


def _until(token: str, first_day: date, zone: str) -> str:  # first_day: the first occurrence's date
    offset, kind = token.strip("@").split("@")
    day = first_day + timedelta(days=int(offset))
    if kind == "date":
        return f"{day:%Y%m%d}"
    return f"{instant_of(datetime.combine(day, datetime.min.time()) + timedelta(hours=12), zone):%Y%m%dT%H%M%SZ}"


def build(services: Services, sc: Scenario) -> Built:
    built = Built(build_trip(services, sc))
    channels: list[list[int]] = []
    for i, (zone, networks) in enumerate(sc.clients):
        client = services.clients.add_client(f"Client {i} {zone.split('/')[1]}", zone)
        channels.append([services.clients.add_channel(client.id, n, f"@c{i}").id for n in networks])
    audience = [zone for zone, _ in sc.clients]
    for n, spec in enumerate(sc.posts):
        zone = spec.zone or audience[spec.client]
        fold = spec.fold if sc.second_folds else 0
        if spec.kind == "flight":
            f = built.trip.flights[spec.flight]
            utc = f.depart + (f.arrive - f.depart) * spec.fraction
            wall, fold = _local(utc.replace(second=0, microsecond=0), zone)
            if fold and not sc.second_folds:
                wall, fold = _local(instant_of(wall, zone, 1) + timedelta(hours=1), zone)
        else:
            day = sc.first_day + timedelta(days=spec.day)
            wall = datetime.combine(day, datetime.min.time()).replace(hour=spec.hour, minute=spec.minute)
            aimed = [
                (z, c) for z in (zone, *ZONES) for c in dst_changes(z, sc.first_day) if c[0] == spec.aim
            ]
            if aimed:  # in the post's zone if it changes clocks in the window, else in one that does
                tz, (_kind, start, length) = aimed[0]
                zone = tz
                wall = start + length * (spec.minute / 60)  # inside the gap or the fold
                if spec.aim == "gap" or spec.kind == "series":  # the series walks into it
                    weekly = "WEEKLY" in (spec.rule or "") and "BYDAY" not in (spec.rule or "")
                    wall -= timedelta(days=7 * (1 + spec.day % 2) if weekly else 1 + spec.day % 4)
            wall = _valid_wall(wall.replace(second=0, microsecond=0), zone)
        if not ambiguous(wall, zone):
            fold = 0
        rule = spec.rule
        if rule is not None and "UNTIL=@" in rule:
            head, token = rule.split("UNTIL=")
            rule = head + "UNTIL=" + _until(token, wall.date(), zone)
        draft = PostDraft(channels[spec.client][spec.channel], f"Post {n}: hello", wall,
                          None if zone == audience[spec.client] else zone, fold, status=spec.status, rrule=rule)
        try:
            info = services.posts.add(draft)
        except UserError:  # e.g. a rule whose UNTIL is before its first occurrence: refused, fine
            continue
        built.posts.append(info.id)
        for edit in spec.edits:
            _edit(services, info.id, edit, sc.second_folds)
    alive = sorted({o.post_id for o in services.schedule().stream()})  # edits may have deleted a series
    if sc.ack is not None and alive:
        services.conflicts.acknowledge(alive[sc.ack % len(alive)], ["sleep", "off_hours"])
    return built


def _edit(services: Services, post_id: int, e: EditSpec, second_folds: bool) -> None:
    """One change through the occurrence editor (refused changes are fine: the views must agree still)."""
    editor = services.occurrence_editor
    try:
        occurrences = list(editor.series(post_id).occurrences())
    except UserError:  # the series was deleted by an earlier edit
        return
    if not occurrences:
        return
    occ = occurrences[e.index % len(occurrences)]
    assert occ.series_wall is not None
    draft = services.posts.get(post_id).to_draft()
    draft.wall, draft.fold, draft.text, draft.link, draft.status = (
        occ.wall, occ.fold, occ.text, occ.link, occ.status)
    draft.rrule = None
    new_wall = occ.wall + timedelta(minutes=e.minutes)
    fold = e.fold if second_folds and ambiguous(new_wall, occ.tz) else 0
    try:
        if e.op == "delete":
            editor.delete(post_id, occ.series_wall, "one")
        elif e.op == "delete_following":
            editor.delete(post_id, occ.series_wall, "following")
        elif e.op == "move":
            editor.move(post_id, occ.series_wall, new_wall, fold)
        elif e.op == "status":
            editor.set_status(post_id, occ.series_wall, e.status)
        elif e.op == "text":
            draft.text = f"{occ.text} (edited)"
            editor.edit(post_id, occ.series_wall, draft, "one")
        elif e.op == "shift_following":
            draft.wall, draft.fold = new_wall, fold
            editor.edit(post_id, occ.series_wall, draft, "following")
    except UserError:  # a gap time, or two occurrences at one instant: refused with a message, fine
        return


# ---------------------------------------------------------------------- reading every view

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
    """(post id, UTC instant) of every event the independent reader expands from an ICS file."""
    cal = icalendar.Calendar.from_ical(text)
    found: Counter = Counter()  # type: ignore[type-arg]
    for ev in recurring_ical_events.of(cal).between(*ICS_RANGE):
        start = ev["DTSTART"].dt
        assert isinstance(start, datetime) and start.tzinfo is not None, f"floating DTSTART {start!r}"
        found[(int(str(ev["X-NOMADCM-POST-ID"])), start.astimezone(UTC))] += 1
    return found


def second_pass(t: datetime, zone: str) -> bool:
    """Whether the instant is the second of two with the same wall time in `zone` (zoneinfo)."""
    wall = wall_in(t, zone)
    return ambiguous(wall, zone) and instant_of(wall, zone, 1) == t


def issue_11_posts(services: Services, rows: list[Row]) -> set[int]:
    """Posts with an event that starts or ends (15 minutes on) at a second pass: see issue 11."""
    out = set()
    for pid in {r[0] for r in rows}:
        info = services.posts.get(pid)  # a series' master event: its first occurrence, even if deleted
        instants = [info.utc] + [r[2] for r in rows if r[0] == pid]
        if any(second_pass(t, info.tz) or second_pass(t + timedelta(minutes=15), info.tz) for t in instants):
            out.add(pid)
    return out


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


# ---------------------------------------------------------------------- the property


@settings(
    # About two seconds an example on two cores; ONE_TRUTH_EXAMPLES=300 for a longer hunt.
    max_examples=int(os.environ.get("ONE_TRUTH_EXAMPLES", "10")),
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # DEBUG
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                           HealthCheck.data_too_large],
)
@given(sc=scenarios())
def test_every_view_gives_the_same_rows(qtbot, sc: Scenario) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = fresh_database(folder)
        tasks = TaskRunner()
        try:
            with opened(path) as services:
                built = build(services, sc)
                check_views(qtbot, services, tasks, path, folder, sc, built)
        finally:
            tasks.shutdown()
        QApplication.processEvents()


def page_of(cls, services: Services, tasks: TaskRunner):  # type: ignore[no-untyped-def]
    """A page built as the window builds it (with the task runner when the page takes one)."""
    from nomadcm.ui.changes import ChangeBus

    if "tasks" in inspect.signature(cls).parameters:
        return cls(services, ChangeBus(), tasks)
    return cls(services, ChangeBus())


def check_views(  # type: ignore[no-untyped-def]
    qtbot, services: Services, tasks: TaskRunner, path: Path, folder: Path, sc: Scenario, built: Built
) -> None:
    # (a) the Schedule model, every page fetched; this is the reference the others are compared with
    table = schedule_model_rows(services, sc.page_size)
    rows = [rows_key(o) for o, _yours, _mark in table]
    assert len(set(rows)) == len(rows), "a row twice in the Schedule"
    assert [(r[2], r[0]) for r in rows] == sorted((r[2], r[0]) for r in rows), "not in (utc, id) order"
    for (o, yours, _mark), r in zip(table, rows, strict=True):
        # the oracles: zoneinfo for the clocks, the itinerary model for where she is
        assert r[4] == wall_in(r[2], r[3]), f"post {r[0]}: your wall time is not the instant in {r[3]}"
        assert o.wall == wall_in(o.utc, o.tz), f"post {r[0]}: audience time is not the instant in {o.tz}"
        assert (o.cm_zone, o.in_transit) == built.trip.where(o.utc), f"post {r[0]} at {o.utc}: where?"
        assert ("✈" in yours) == o.in_transit, f"post {r[0]}: Your time column {yours!r}"
        assert f"{o.cm_wall:%H:%M}" in yours
    stream = [rows_key(o) for o in services.schedule().stream()]
    assert stream == rows, "stream() and the paged rows differ"
    for label, hit in (
        ("rows", bool(rows)),
        ("an occurrence moved past a DST gap", any(o.gap_shifted for o, _y, _m in table)),
        ("an occurrence moved alone", any(o.moved for o, _y, _m in table)),
        ("an occurrence changed alone", any(o.edited and not o.moved for o, _y, _m in table)),
        ("a post during a flight", any(o.in_transit for o, _y, _m in table)),
    ):
        if hit:
            event(label)
    assert services.schedule().count() == len(rows)

    # (d) native CSV
    buf = io.StringIO()
    written = export_csv(services.db, buf)
    csv_rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert written == len(csv_rows)
    csv_flat = Counter(
        (int(c["id"]), parse_utc(c["utc_time"]), c["cm_tz"], parse_wall(c["cm_time"])) for c in csv_rows
    )
    assert csv_flat == flat(rows), "native CSV"

    # (c) post list --json
    listed = json.loads(run_cli("--db", str(path), "post", "list", "--json"))
    cli_flat = Counter(
        (d["id"], parse_utc(d["utc_time"]), d["cm_tz"], parse_wall(d["cm_time"])) for d in listed
    )
    assert cli_flat == flat(rows), "post list --json"
    assert [d["in_transit"] for d in listed] == [o.in_transit for o, _y, _m in table]

    # (b) the Calendar, month by month, "my time" lens
    check_calendar(services, tasks, rows)

    # (e) ICS read back by an independent reader, instant by instant against the CSV.
    # Known limitation, filed as issue 11 ("ICS that every reader reads the same"): a DTSTART or DTEND at the
    # second pass of a repeated hour (a `--fold 1` post; an event starting in the first pass and ending in
    # the second, as Lord Howe's 01:45 on its April change) is written as a TZID local time, which RFC 5545
    # reads as the first pass: the reader puts it an hour (or half an hour) early, or sees DTEND before
    # DTSTART. The posts with such an event are left out of this comparison only (counted by the
    # `event` below, so the restriction stays visible); every other instant must match exactly.
    unsafe = issue_11_posts(services, rows)
    if unsafe:
        event("ICS: posts left out for issue 11")
    wanted = Counter((r[0], r[2]) for r in rows if r[0] not in unsafe)
    for args in (("export", "ics"), ("export", "ics", "--expand")):
        read = ics_instants(run_cli("--db", str(path), *args))
        assert Counter({k: n for k, n in read.items() if k[0] not in unsafe}) == wanted, " ".join(args)

    # (f) the conflict check: each conflicting scheduled occurrence is the CSV's row for it
    by_key = {(r[0], r[2]): r for r in rows}
    status = {(o.post_id, o.utc): o.status for o, _y, _m in table}
    found = services.conflicts.check(include_acknowledged=True)
    for c in found:
        r = by_key.get((c.post_id, c.utc))
        assert r is not None, f"check lists post {c.post_id} at {c.utc}, which no view shows"
        assert status[(c.post_id, c.utc)] == "scheduled"
        assert (c.cm_tz, c.cm_wall) == (r[3], r[4]), f"check: post {c.post_id} at {c.utc}"
    in_check = {(c.post_id, c.utc) for c in found}
    for o, _yours, mark in table:
        if o.status == "scheduled" and o.in_transit:
            assert (o.post_id, o.utc) in in_check, f"post {o.post_id} goes out during a flight: no conflict"
        assert (mark is not None) == ((o.post_id, o.utc) in in_check), "Schedule's conflict mark vs check"
    as_json = json.loads(run_cli("--db", str(path), "check", "--all", "--json"))
    assert [(d["post_id"], parse_utc(d["utc_time"]), d["cm_tz"], parse_wall(d["cm_time"])) for d in as_json] \
        == [(c.post_id, c.utc, c.cm_tz, c.cm_wall) for c in found], "check --all --json"
    assert [(c.post_id, c.utc) for c in services.conflicts.check()] == [
        (c.post_id, c.utc) for c in found if c.kinds
    ], "check without the acknowledged ones"

    # every count is the number of rows it describes
    check_counts(qtbot, services, tasks, sc, rows, folder)


def check_calendar(services: Services, tasks: TaskRunner, rows: list[Row]) -> None:
    seen: set[Row] = set()
    for items, days in calendar_rows(services, tasks, months_of(rows)):
        # The "my time" lens shows the posts whose date on her clock is one of the days drawn.
        shown = {d.day for d in days}
        expected = Counter(r for r in rows if r[4].date() in shown)
        placed = Counter(rows_key(p.occurrence) for p in items)
        assert placed == expected, f"Calendar {days[0].day}..{days[-1].day}: items differ from the rows"
        for p in items:
            o = p.occurrence
            assert p.local == o.cm_wall, (
                f"Calendar (my time): post {o.post_id} at {o.utc:%Y-%m-%d %H:%M}Z placed at {p.local}, "
                f"its row says {o.cm_wall} {o.cm_zone}"
            )
            assert days[p.day_index].day == o.cm_wall.date(), (
                f"Calendar (my time): post {o.post_id} at {o.utc:%Y-%m-%d %H:%M}Z drawn on "
                f"{days[p.day_index].day}, its row says {o.cm_wall} {o.cm_zone}"
            )
        seen.update(placed)
    assert seen == set(rows), "some rows are on no month of the Calendar"


def check_counts(  # type: ignore[no-untyped-def]
    qtbot, services: Services, tasks: TaskRunner, sc: Scenario, rows: list[Row], folder: Path
) -> None:
    from nomadcm.ui.schedule.export_dialog import ExportDialog

    clients = services.clients.list_clients()
    by_id = {o.post_id: o for o in services.schedule().stream()}
    statuses = {(o.post_id, o.utc): (o.status, o.client_id, o.wall) for o in services.schedule().stream()}
    for f in sc.filters:
        client = clients[f.client % len(clients)] if f.client is not None else None
        d_from = sc.first_day + timedelta(days=f.date_from) if f.date_from is not None else None
        d_to = sc.first_day + timedelta(days=f.date_to) if f.date_to is not None else None
        start = (
            datetime.combine(sc.first_day, datetime.min.time()).replace(tzinfo=UTC)
            + timedelta(hours=f.start_hours)
            if f.start_hours is not None
            else None
        )
        flt = ScheduleFilter(
            client_id=client.id if client else None,
            statuses=(f.status,) if f.status else None,
            date_from=d_from,
            date_to=d_to,
            start=start,
        )
        query = services.schedule(flt)
        streamed = [rows_key(o) for o in query.stream()]
        assert query.count() == len(streamed), f"count() vs stream() for {flt}"

        def wanted(r: Row) -> bool:
            st_, cid, wall = statuses[(r[0], r[2])]
            return (
                (client is None or cid == client.id)
                and (f.status is None or st_ == f.status)
                and (d_from is None or wall.date() >= d_from)
                and (d_to is None or wall.date() <= d_to)
                and (start is None or r[2] >= start)
            )

        assert streamed == [r for r in rows if wanted(r)], f"filter {flt} selects other rows"
        table = schedule_model_rows(services, sc.page_size, flt)
        assert [rows_key(o) for o, _y, _m in table] == streamed

        # the export dialog's "N posts will be exported" and the file it writes (same selection)
        dialog_filter = ScheduleFilter(client_id=flt.client_id, date_from=d_from, date_to=d_to)
        qsettings = QSettings(str(folder / "gui.ini"), QSettings.Format.IniFormat)
        dialog = ExportDialog(services, tasks, dialog_filter, settings=qsettings)
        label = dialog.count_label.text()
        if d_from and d_to and d_to < d_from:
            assert "before" in label
        else:
            announced = int(re.sub(r"[^\d]", "", label))
            target = folder / "export.csv"
            messages: list[str] = []
            dialog.exported.connect(messages.append)
            dialog.export_to(target)  # on the task runner's worker thread, as in the app
            qtbot.waitUntil(lambda: dialog.written_to is not None, timeout=10_000)
            with target.open(encoding="utf-8", newline="") as fh:
                written = sum(1 for _ in csv.DictReader(fh))
            assert announced == written, f"export dialog said {label!r}, wrote {written} rows"
            assert messages and f"Exported {written} posts" in messages[0]
            expected = [
                r for r in rows
                if (client is None or statuses[(r[0], r[2])][1] == client.id)
                and (d_from is None or statuses[(r[0], r[2])][2].date() >= d_from)
                and (d_to is None or statuses[(r[0], r[2])][2].date() <= d_to)
            ]
            assert written == len(expected)
            box = getattr(dialog, "result_box", None)
            if box is not None:
                box.done(0)
        dialog.done(0)
        dialog.deleteLater()
    del by_id


# ---------------------------------------------------------------------- the issue's cases


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown()


def _client_channel(services: Services, name: str, zone: str) -> int:
    client = services.clients.add_client(name, zone)
    return services.clients.add_channel(client.id, "instagram", "@shop").id


def test_a_post_during_the_montreal_paris_flight_is_at_montreal_time_in_every_view(
    qtbot, services: Services, db_path: Path, runner: TaskRunner  # type: ignore[no-untyped-def]
) -> None:
    """Issue 10, case 2: flight Montréal 26/03 19:30 -> Paris 27/03 08:15, Paris stay from 27/03; a post at
    27/03 06:00 Indian/Reunion is Fri 26/03 22:00 Toronto time, in transit — not "Sat 03:00 CET"."""
    from nomadcm.ui.calendar.page import MY_TIME, WEEK, CalendarPage
    from nomadcm.ui.calendar.view import item_label
    from nomadcm.ui.schedule.table_models import ScheduleModel

    services.settings.set_home_tz("America/Toronto")
    services.trips.add_stay(StayInput("Montréal", "America/Toronto", date(2027, 3, 10), date(2027, 3, 26), "CA"))
    services.trips.add_stay(StayInput("Paris", "Europe/Paris", date(2027, 3, 27), date(2027, 4, 10), "FR"))
    services.trips.add_transit(
        TransitInput("flight", "Montréal", "America/Toronto", "Paris", "Europe/Paris",
                     datetime(2027, 3, 26, 19, 30), datetime(2027, 3, 27, 8, 15), "CA", "FR")
    )
    channel = _client_channel(services, "Boutique Réunion", "Indian/Reunion")
    post = services.posts.add(PostDraft(channel, "Bonjour", datetime(2027, 3, 27, 6, 0)))
    utc = datetime(2027, 3, 27, 2, 0, tzinfo=UTC)
    assert post.utc == utc == instant_of(datetime(2027, 3, 27, 6), "Indian/Reunion")
    yours = datetime(2027, 3, 26, 22, 0)
    assert wall_in(utc, "America/Toronto") == yours  # the oracle agrees with the issue's "22:00 EDT"

    # the Schedule
    model = ScheduleModel(services)
    model.set_filter(ScheduleFilter())
    assert model.rowCount() == model.total() == 1
    row = model.row_at(0)
    assert (row.utc, row.cm_zone, row.cm_wall, row.in_transit) == (utc, "America/Toronto", yours, True)
    cell = model.data(model.index(0, ScheduleModel.YOURS))
    assert "22:00" in cell and "EDT" in cell and "✈" in cell

    # the Calendar, week view, "my time" lens
    page = page_of(CalendarPage, services, runner)
    qtbot.addWidget(page)
    assert page.lens_zone() == MY_TIME
    page.show_date(date(2027, 3, 26), WEEK)
    assert len(page.items) == 1
    placed = page.items[0]
    assert placed.local == yours
    assert page.days[placed.day_index].day == date(2027, 3, 26)
    assert "✈" in item_label(placed) and "22:00" in item_label(placed)
    page.show_date(date(2027, 3, 26), "month")
    assert [(p.local, page.days[p.day_index].day) for p in page.items] == [(yours, date(2027, 3, 26))]

    # the check and the CSV
    found = services.conflicts.check(include_acknowledged=True)
    assert [(c.post_id, c.utc, c.cm_tz, c.cm_wall, c.in_transit) for c in found] == [
        (post.id, utc, "America/Toronto", yours, True)
    ]
    assert "transit" in found[0].kinds
    checked = json.loads(run_cli("--db", str(db_path), "check", "--json"))
    assert [(d["post_id"], d["utc_time"], d["cm_tz"], d["cm_time"]) for d in checked] == [
        (post.id, "2027-03-27T02:00:00Z", "America/Toronto", "2027-03-26 22:00")
    ]
    buf = io.StringIO()
    export_csv(services.db, buf)
    (line,) = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert (line["id"], line["utc_time"], line["cm_tz"], line["cm_time"]) == (
        str(post.id), "2027-03-27T02:00:00Z", "America/Toronto", "2027-03-26 22:00"
    )


def test_an_open_ended_daily_series_is_counted_in_rows_in_the_schedule_footer(
    qtbot, services: Services, runner: TaskRunner  # type: ignore[no-untyped-def]
) -> None:
    """Issue 10, case 3: one open-ended daily series; the footer once read "200 of 1 posts shown"."""
    from nomadcm.ui.schedule.page import SchedulePage

    services.settings.set_home_tz("America/Toronto")
    channel = _client_channel(services, "Boulangerie", "Europe/Paris")
    first = date.today() + timedelta(days=7)
    services.posts.add(PostDraft(channel, "Pain du jour", datetime.combine(first, datetime.min.time())
                                 .replace(hour=9), rrule="FREQ=DAILY"))
    page = page_of(SchedulePage, services, runner)
    qtbot.addWidget(page)
    page.resize(1000, 500)
    page.show()
    qtbot.waitExposed(page)
    model = page.model
    assert model.rowCount() == model.page_size == 200 and model.canFetchMore()
    qtbot.waitUntil(lambda: " of " in page.count_label.text())
    shown, total = (int(n.replace(",", "")) for n in re.findall(r"[\d,]+", page.count_label.text())[:2])
    assert shown == 200 and total > shown, page.count_label.text()
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == total == model.total()
    assert total == services.schedule(page.current_filter()).count()
    assert model.row_at(0).post_id == model.row_at(total - 1).post_id  # one post, `total` occurrences
    page._update_state()
    assert re.sub(r"[^\d]", "", page.count_label.text()) == str(total), page.count_label.text()


def test_the_calendar_puts_a_post_at_a_weeks_edge_on_her_date_not_on_the_next_weeks_first_day(
    qtbot, services: Services, runner: TaskRunner  # type: ignore[no-untyped-def]
) -> None:
    """Case 2 at the edge of a week starting on Saturday: the post (Fri 22:00 Toronto, in the air) was left
    out of the week ending Friday and drawn on Saturday 27 at 03:00 (Paris) in the next one."""
    from nomadcm.ui.calendar.page import WEEK, CalendarPage

    services.settings.set_home_tz("America/Toronto")
    services.settings.set("week_start", 6)
    services.trips.add_stay(StayInput("Montréal", "America/Toronto", date(2027, 3, 10), date(2027, 3, 26), "CA"))
    services.trips.add_stay(StayInput("Paris", "Europe/Paris", date(2027, 3, 27), date(2027, 4, 10), "FR"))
    services.trips.add_transit(
        TransitInput("flight", "Montréal", "America/Toronto", "Paris", "Europe/Paris",
                     datetime(2027, 3, 26, 19, 30), datetime(2027, 3, 27, 8, 15), "CA", "FR")
    )
    services.posts.add(PostDraft(_client_channel(services, "Réunion", "Indian/Reunion"), "Bonjour",
                                 datetime(2027, 3, 27, 6, 0)))
    page = page_of(CalendarPage, services, runner)
    qtbot.addWidget(page)
    page.show_date(date(2027, 3, 26), WEEK)
    assert (page.days[0].day, page.days[-1].day) == (date(2027, 3, 20), date(2027, 3, 26))
    assert [(page.days[p.day_index].day, p.local) for p in page.items] == [
        (date(2027, 3, 26), datetime(2027, 3, 26, 22, 0))
    ]
    page.show_date(date(2027, 3, 27), WEEK)
    assert page.days[0].day == date(2027, 3, 27)
    assert page.items == []


def test_a_post_before_a_night_flight_west_is_on_the_date_her_clock_shows(
    qtbot, services: Services, runner: TaskRunner  # type: ignore[no-untyped-def]
) -> None:
    """Paris -> Montréal at 01:00 on 10 June: the day before is drawn from Paris' midnight to Montréal's
    (30 hours). A post at 00:30 on 10 June in Paris, where she still is, was drawn on 9 June."""
    from nomadcm.ui.calendar.page import WEEK, CalendarPage

    services.settings.set_home_tz("Europe/Paris")
    services.trips.add_stay(StayInput("Paris", "Europe/Paris", date(2027, 6, 1), date(2027, 6, 10), "FR"))
    services.trips.add_stay(StayInput("Montréal", "America/Toronto", date(2027, 6, 10), date(2027, 6, 20), "CA"))
    services.trips.add_transit(
        TransitInput("flight", "Paris", "Europe/Paris", "Montréal", "America/Toronto",
                     datetime(2027, 6, 10, 1, 0), datetime(2027, 6, 10, 3, 30), "FR", "CA")
    )
    services.posts.add(PostDraft(_client_channel(services, "Boulangerie", "Europe/Paris"), "Tard",
                                 datetime(2027, 6, 10, 0, 30)))
    (row,) = services.schedule().stream()
    assert (row.cm_zone, row.cm_wall, row.in_transit) == ("Europe/Paris", datetime(2027, 6, 10, 0, 30), False)
    page = page_of(CalendarPage, services, runner)
    qtbot.addWidget(page)
    for mode in (WEEK, "month"):
        page.show_date(date(2027, 6, 10), mode)
        assert [(page.days[p.day_index].day, p.local) for p in page.items] == [
            (date(2027, 6, 10), datetime(2027, 6, 10, 0, 30))
        ], mode
