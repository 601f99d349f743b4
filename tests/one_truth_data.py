"""Random schedules for the one-truth tests (test_one_truth.py): scenarios, the database built from them, and
the oracles the views are checked against — none of them NomadCM's own code.

- Clocks: stdlib `zoneinfo` with the tzdata package (never `nomadcm.timezones`, which uses pytz).
- Where the CM is: `TripModel`, written from the rules in services/travel/itinerary.py's docstring for the
  itineraries drawn here (home; one stay; stays chained by flights). In a team scenario (issue 13) each member
  has hers, and a post is at its assignee's (an unassigned one: at the viewer's).
- When she sleeps and works: `RhythmSpec`, a window and a range of days written here, one per member.
- Every write goes through the services a person's actions go through: clients, channels, `posts.add`,
  `trips.add_stay` / `add_transit`, the occurrence editor (delete, move, re-status, re-text, split).
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from nomadcm.errors import UserError
from nomadcm.services.container import Services
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.team_roles import RoleError
from nomadcm.services.travel.rhythm import set_sleep, set_work_hours
from nomadcm.services.travel.trip_records import StayInput, TransitInput
from nomadcm.storage import Database

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


def second_pass(t: datetime, zone: str) -> bool:
    """Whether the instant is the second of two with the same wall time in `zone` (zoneinfo)."""
    wall = wall_in(t, zone)
    return ambiguous(wall, zone) and instant_of(wall, zone, 1) == t


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


@dataclass(frozen=True)
class RhythmSpec:
    """A sleep window [start, end) in minutes after midnight (running past midnight when end < start), and
    working hours: days first..last (Monday 0), from start to end minutes — the rules' meaning, written
    here."""

    sleep: tuple[int, int]
    work_days: tuple[int, int]
    work: tuple[int, int]

    @property
    def sleep_text(self) -> str:
        return f"{_clock(self.sleep[0])}-{_clock(self.sleep[1])}"

    @property
    def work_text(self) -> str:
        first, last = (DAY_CODES[d] for d in self.work_days)
        return f"{first}-{last} {_clock(self.work[0])}-{_clock(self.work[1])}"

    def asleep(self, wall: datetime) -> bool:
        minute, (start, end) = wall.hour * 60 + wall.minute, self.sleep
        return start <= minute < end if start < end else minute >= start or minute < end

    def working(self, wall: datetime) -> bool:
        minute = wall.hour * 60 + wall.minute
        first, last = self.work_days
        return first <= wall.weekday() <= last and self.work[0] <= minute < self.work[1]


DAY_CODES = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
SLEEPS = ((23 * 60, 7 * 60), (22 * 60, 6 * 60), (60, 9 * 60), (0, 8 * 60), (21 * 60 + 30, 5 * 60 + 30))
WORK = (((0, 4), (9 * 60, 18 * 60)), ((0, 6), (8 * 60, 23 * 60)), ((1, 5), (7 * 60 + 30, 16 * 60)))


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


# ---------------------------------------------------------------------- random scenarios


MEMBERS = ("Ana", "Bob", "Cleo")  # a team's members, the first its founder


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
    assignee: int | None = None  # team: the member (index in MEMBERS) it is assigned to; None: nobody


@dataclass(frozen=True)
class FilterSpec:
    client: int | None
    status: str | None
    date_from: int | None
    date_to: int | None
    start_hours: int | None
    end_hours: int | None = None
    search: str | None = None  # literal text, ASCII letters without case


@dataclass(frozen=True)
class TripSpec:
    home: str
    trip: str  # home | stay | chain
    zones: tuple[str, ...]
    hours: tuple[int, ...]  # first departure, then (duration, stop) pairs, in hours/minutes
    lead_days: int
    tail_days: int


@dataclass(frozen=True)
class Scenario:
    first_day: date
    clients: tuple[tuple[str, tuple[str, ...]], ...]  # (audience zone, networks)
    trips: tuple[TripSpec, ...]  # one: a CM alone; two or three: a team's members (MEMBERS), each hers
    rhythms: tuple[RhythmSpec, ...]  # one per itinerary
    viewer: int  # team: the member every view is read as
    founder_first: bool  # team: her itinerary and rhythm predate the team (the founder claims them)
    posts: tuple[PostSpec, ...]
    filters: tuple[FilterSpec, ...]
    second_folds: bool  # allow the second of two ambiguous wall times (else every fold is 0)
    page_size: int
    ack: int | None


def _rules(draw: st.DrawFn) -> str:
    """A rule; UNTIL=@N@KIND stands for N days after the first occurrence's date, as a date or in UTC."""
    freq = draw(st.sampled_from(("DAILY", "DAILY", "WEEKLY", "MONTHLY")))
    parts = [f"FREQ={freq}"]
    if freq == "DAILY" and draw(st.booleans()):
        parts.append(f"INTERVAL={draw(st.integers(2, 3))}")
    if freq == "WEEKLY" and draw(st.booleans()):
        days = draw(
            st.lists(
                st.sampled_from(("MO", "TU", "WE", "TH", "FR", "SA", "SU")),
                min_size=1,
                max_size=3,
                unique=True,
            )
        )
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
    op = draw(
        st.sampled_from(("delete", "move", "move", "status", "text", "delete_following", "shift_following"))
    )
    minutes = draw(st.sampled_from((-1440, -90, -60, -30, 30, 45, 60, 120, 1440, 2880)))
    return EditSpec(
        op, draw(st.integers(0, 30)), minutes, draw(st.sampled_from(STATUSES)), draw(st.integers(0, 1))
    )


@st.composite
def post_specs(draw: st.DrawFn, n_clients: int, n_flights: int, n_members: int) -> PostSpec:
    kinds = ["single", "series", "series"] + (["flight"] if n_flights else [])
    kind = draw(st.sampled_from(kinds))
    day = draw(st.integers(0, WINDOW_DAYS - 1))
    # Hours 1 and 2 hold the gaps and folds of Paris, Toronto and Lord Howe.
    hour = draw(st.sampled_from((1, 2, 2, 3, 9, 12, 17, 22, 23)))
    minute = draw(st.sampled_from((0, 15, 30, 45, 59)))
    zone = draw(st.none() | st.none() | st.sampled_from(ZONES))
    aim = draw(st.sampled_from((None, "gap", "gap", "fold")))
    rule = _rules(draw) if kind == "series" else None
    if kind == "series" and aim == "gap" and draw(st.booleans()):  # a rule sure to walk into the gap
        rule = f"FREQ={draw(st.sampled_from(('DAILY', 'WEEKLY')))};COUNT={draw(st.integers(5, 12))}"
    return PostSpec(
        kind,
        draw(st.integers(0, n_clients - 1)),
        draw(st.integers(0, 1)),
        draw(st.sampled_from((*STATUSES, "scheduled"))),
        day,
        hour,
        minute,
        draw(st.integers(0, 1)),
        zone,
        flight=draw(st.integers(0, max(n_flights - 1, 0))),
        fraction=draw(st.floats(0.0, 0.99)),
        rule=rule,
        aim=aim,
        edits=tuple(draw(st.lists(edit_specs(), max_size=4))) if kind == "series" else (),
        assignee=draw(st.none() | st.integers(0, n_members - 1)) if n_members > 1 else None,
    )


@st.composite
def trip_specs(draw: st.DrawFn) -> TripSpec:
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
    return TripSpec(
        draw(st.sampled_from(ZONES)),
        trip,
        tuple(zones),
        tuple(hours),
        draw(st.integers(0, 5)),
        draw(st.integers(0, 10)),
    )


@st.composite
def rhythm_specs(draw: st.DrawFn) -> RhythmSpec:
    days, work = draw(st.sampled_from(WORK))
    return RhythmSpec(draw(st.sampled_from(SLEEPS)), days, work)


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    year = draw(st.integers(2026, 2030))
    month, day = draw(st.sampled_from(ANCHORS))
    first_day = date(year, month, day) + timedelta(days=draw(st.integers(0, 6)))
    n_clients = draw(st.integers(1, 3))
    clients = tuple(
        (
            draw(st.sampled_from(ZONES)),
            tuple(draw(st.lists(st.sampled_from(NETWORKS), min_size=2, max_size=2, unique=True))),
        )
        for _ in range(n_clients)
    )
    n_members = draw(st.sampled_from((1, 1, 2, 3)))  # 2 or 3: a team scenario (issue 13)
    trips = tuple(draw(trip_specs()) for _ in range(n_members))
    rhythms = tuple(draw(rhythm_specs()) for _ in range(n_members))
    n_flights = max(len(t.zones) - 1 if t.trip == "chain" else 0 for t in trips)
    posts = tuple(draw(st.lists(post_specs(n_clients, n_flights, n_members), min_size=1, max_size=9)))
    filters = tuple(
        FilterSpec(
            draw(st.none() | st.integers(0, n_clients - 1)),
            draw(st.none() | st.sampled_from(STATUSES)),
            draw(st.none() | st.integers(0, WINDOW_DAYS)),
            draw(st.none() | st.integers(0, WINDOW_DAYS + 60)),
            draw(st.none() | st.integers(0, WINDOW_DAYS * 24)),
            draw(st.none() | st.integers(0, (WINDOW_DAYS + 60) * 24)),
            draw(st.none() | st.sampled_from(("EDITED", "post 1", "hello", "%", "Post 1: hello (edited)"))),
        )
        for _ in range(draw(st.integers(1, 2)))
    )
    return Scenario(
        first_day,
        clients,
        trips,
        rhythms,
        draw(st.integers(0, n_members - 1)),
        draw(st.booleans()),
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
        folder_made = tempfile.mkdtemp(prefix="nomadcm-one-truth-")
        atexit.register(shutil.rmtree, folder_made, True)
        made = Path(folder_made) / "template.sqlite3"
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
    """What a scenario made: each itinerary's model (one per member in a team, in MEMBERS' order), the
    members' ids, whose each post is — the oracle of a row is `trips[assignee or viewer]`."""

    rhythms: tuple[RhythmSpec, ...]
    viewer: int = 0
    trips: list[TripModel] = field(default_factory=list)
    member_ids: list[int] = field(default_factory=list)  # empty: a CM alone
    owners: dict[int, int | None] = field(default_factory=dict)  # post id -> its assignee (MEMBERS index)
    posts: list[int] = field(default_factory=list)

    def whose(self, post_id: int) -> int:
        """Whose time the post is at: its assignee's, else the viewer's (a CM alone: hers, 0)."""
        owner = self.owners.get(post_id)
        return self.viewer if owner is None else owner

    def where(self, post_id: int, utc: datetime) -> tuple[str, bool]:
        return self.trips[self.whose(post_id)].where(utc)

    def rhythm_of(self, post_id: int) -> RhythmSpec:
        return self.rhythms[self.whose(post_id)]

    def assignee_id(self, post_id: int) -> int | None:
        owner = self.owners.get(post_id)
        return None if owner is None else self.member_ids[owner]

    @property
    def cli_as(self) -> tuple[str, ...]:
        """`nomadcm`'s global option to read as the viewer (a CM alone: none)."""
        return ("--as", MEMBERS[self.viewer]) if self.member_ids else ()

    def flights_for(self, owner: int | None) -> list[Flight]:
        """The flights of whose time a post will be at; someone else's if she has none."""
        own = self.trips[self.viewer if owner is None else owner].flights
        return own or next(t.flights for t in self.trips if t.flights)


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


def build_trip(services: Services, spec: TripSpec, first_day: date) -> TripModel:
    services.settings.set_home_tz(spec.home)
    model = TripModel(spec.home)
    base = datetime.combine(first_day, datetime.min.time()).replace(tzinfo=UTC)
    if spec.trip == "stay":
        zone = spec.zones[0]
        first = first_day + timedelta(days=spec.hours[0])
        last = first + timedelta(days=spec.hours[1])
        _add_stay(services, model, zone, first, last)
    elif spec.trip == "chain":
        t = base + timedelta(hours=spec.hours[0])
        for k in range(len(spec.zones) - 1):
            depart = t
            arrive = depart + timedelta(minutes=spec.hours[1 + 2 * k])
            model.flights.append(Flight(spec.zones[k], spec.zones[k + 1], depart, arrive))
            t = arrive + timedelta(hours=spec.hours[2 + 2 * k])
        fl = model.flights
        first = _local(fl[0].depart, fl[0].from_zone)[0].date() - timedelta(days=spec.lead_days)
        for k, zone in enumerate(spec.zones):
            if k:
                first = max(_local(fl[k - 1].arrive, zone)[0].date(), last)
            last = max(
                _local(fl[k].depart, zone)[0].date()
                if k < len(fl)
                else _local(fl[-1].arrive, zone)[0].date() + timedelta(days=spec.tail_days),
                first,  # a short stop after a flight west over the date line
            )
            _add_stay(services, model, zone, first, last)
        for f in fl:
            dep, dep_fold = _local(f.depart, f.from_zone)
            arr, arr_fold = _local(f.arrive, f.to_zone)
            services.trips.add_transit(
                TransitInput(
                    "flight",
                    CITIES[f.from_zone][0],
                    f.from_zone,
                    CITIES[f.to_zone][0],
                    f.to_zone,
                    dep,
                    arr,
                    CITIES[f.from_zone][1],
                    CITIES[f.to_zone][1],
                    dep_fold,
                    arr_fold,
                )
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
    return (
        f"{instant_of(datetime.combine(day, datetime.min.time()) + timedelta(hours=12), zone):%Y%m%dT%H%M%SZ}"
    )


def _personal(services: Services, sc: Scenario, k: int) -> TripModel:
    """Itinerary k's home zone, rhythm, stays and flights, written as whoever the handle acts for."""
    set_sleep(services.settings, sc.rhythms[k].sleep_text)
    set_work_hours(services.settings, sc.rhythms[k].work_text)
    return build_trip(services, sc.trips[k], sc.first_day)


def _found_team(services: Services, sc: Scenario, built: Built, clients: list[str]) -> None:
    """The first member founds the team (owner of every client) and adds the others as editors; each then
    writes her own itinerary and rhythm while acting as herself."""
    for k in range(len(sc.trips)):
        built.member_ids.append(services.members.add(MEMBERS[k], f"{MEMBERS[k].lower()}@example.org").id)
        if k == 0:
            services.members.use(MEMBERS[0])
        else:
            services.members.set_role(MEMBERS[k], clients, "editor")
    for k in range(len(sc.trips)):
        if k or not sc.founder_first:
            services.members.use(MEMBERS[k])
            built.trips.append(_personal(services, sc, k))
    services.members.use(MEMBERS[0])


def build(services: Services, sc: Scenario) -> Built:
    built = Built(sc.rhythms, sc.viewer)
    channels: list[list[int]] = []
    names: list[str] = []
    for i, (zone, networks) in enumerate(sc.clients):
        client = services.clients.add_client(f"Client {i} {zone.split('/')[1]}", zone)
        names.append(client.name)
        channels.append([services.clients.add_channel(client.id, n, f"@c{i}").id for n in networks])
    team = len(sc.trips) > 1
    if not team or sc.founder_first:  # a CM alone; in a team, what the founder had before it she keeps
        built.trips.append(_personal(services, sc, 0))
    if team:
        _found_team(services, sc, built, names)
    audience = [zone for zone, _ in sc.clients]
    for n, spec in enumerate(sc.posts):
        # each post is written by its assignee (an editor), an unassigned one by the founder
        writer = spec.assignee or 0
        if team and services.db.member_id != built.member_ids[writer]:
            services.members.use(MEMBERS[writer])
        zone = spec.zone or audience[spec.client]
        fold = spec.fold if sc.second_folds else 0
        if spec.kind == "flight":
            flights = built.flights_for(spec.assignee)
            f = flights[spec.flight % len(flights)]
            utc = f.depart + (f.arrive - f.depart) * spec.fraction
            wall, fold = _local(utc.replace(second=0, microsecond=0), zone)
            if fold and not sc.second_folds:
                wall, fold = _local(instant_of(wall, zone, 1) + timedelta(hours=1), zone)
        else:
            day = sc.first_day + timedelta(days=spec.day)
            wall = datetime.combine(day, datetime.min.time()).replace(hour=spec.hour, minute=spec.minute)
            aimed = [(z, c) for z in (zone, *ZONES) for c in dst_changes(z, sc.first_day) if c[0] == spec.aim]
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
        draft = PostDraft(
            channels[spec.client][spec.channel],
            f"Post {n}: hello",
            wall,
            None if zone == audience[spec.client] else zone,
            fold,
            status=spec.status,
            rrule=rule,
            assignee_id=None if spec.assignee is None else built.member_ids[spec.assignee],
        )
        try:
            info = services.posts.add(draft)
        except RoleError:  # an editor writes her clients' posts: a refusal would hide the scenario
            raise
        except UserError:  # e.g. a rule whose UNTIL is before its first occurrence: refused, fine
            continue
        built.posts.append(info.id)
        built.owners[info.id] = spec.assignee
        for edit in spec.edits:
            _edit(services, info.id, edit, sc.second_folds)
        if any(e.op == "shift_following" for e in spec.edits):  # a split: the new post keeps the assignee
            for o in services.schedule().stream():
                built.owners.setdefault(o.post_id, spec.assignee)
    if team:
        services.members.use(MEMBERS[0])
    alive = sorted({o.post_id for o in services.schedule().stream()})  # edits may have deleted a series
    if sc.ack is not None and alive:
        services.conflicts.acknowledge(alive[sc.ack % len(alive)], ["sleep", "off_hours"])
    if team:
        services.members.use(MEMBERS[sc.viewer])  # every view is read as the viewer
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
        occ.wall,
        occ.fold,
        occ.text,
        occ.link,
        occ.status,
    )
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
    except RoleError:
        raise
    except UserError:  # a gap time, or two occurrences at one instant: refused with a message, fine
        return
