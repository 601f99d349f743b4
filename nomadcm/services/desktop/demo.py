"""Sample data: a realistic month of a travelling CM, in a database of its own (never the user's).

Everything goes through the real services, so the sample obeys the same rules as typed data (zones, DST,
overlaps, limits). The month is built around a day (default: today): three clients in Paris, Montréal and
Antananarivo with their channels and posting slots; about sixty posts — published before now, scheduled or
drafted after, three weekly series; a trip Paris → Montréal and back by plane; workplaces in both cities with
their speed tests and "worked here" sessions; three weeks of screen time and sleep. The same day always gives
the same month (a seeded random generator adds the small daily variations).

The file is built beside its final path and renamed into place at the end, so a failure never leaves half a
demo behind; the database carries the setting `demo_data = true`, which the window title shows.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from nomadcm import timezones
from nomadcm.errors import UserError
from nomadcm.services.desktop.demo_content import CLIENTS
from nomadcm.services.desktop.demo_places import PLACES
from nomadcm.storage import Database

PARIS = "Europe/Paris"
MONTREAL = "America/Toronto"
DEMO_SETTING = "demo_data"
Progress = Callable[[int, int], None]  # (step done, steps) for a progress bar


@dataclass
class DemoSummary:
    clients: int = 0
    channels: int = 0
    posts: int = 0  # rows in the schedule (a series counts once)
    series: int = 0
    stays: int = 0
    transits: int = 0
    places: int = 0
    speed_tests: int = 0
    screen_sessions: int = 0
    rest_periods: int = 0
    events: int = 0  # the clients' events (typed by hand and read from their calendars)
    first_day: date | None = None
    last_day: date | None = None
    notes: list[str] = field(default_factory=list)

    def describe(self) -> str:
        return (
            f"{self.clients} clients with {self.channels} channels, {self.posts} posts "
            f"({self.series} recurring), {self.stays} stays and {self.transits} flights, "
            f"{self.places} workplaces with {self.speed_tests} speed tests, "
            f"{self.screen_sessions} screen sessions and {self.rest_periods} rest periods "
            f"({self.first_day} to {self.last_day})"
        )


@dataclass(frozen=True)
class Trip:
    """Where the CM is, day by day: Paris, a flight to Montréal, Montréal, a night flight home, Paris."""

    today: date

    @property
    def outbound(self) -> date:
        return self.today - timedelta(days=9)

    @property
    def inbound(self) -> date:
        return self.today + timedelta(days=10)

    @property
    def first_day(self) -> date:
        return self.today - timedelta(days=24)

    @property
    def last_day(self) -> date:
        return self.today + timedelta(days=24)

    def zone_on(self, day: date) -> str:
        """The zone she wakes up in that day."""
        return MONTREAL if self.outbound < day <= self.inbound else PARIS

    def evening_zone(self, day: date) -> str:
        """The zone she goes to bed in that day (the flight out lands in the afternoon)."""
        return MONTREAL if self.outbound <= day < self.inbound else PARIS

    def city_on(self, day: date) -> str:
        return "Montréal" if self.zone_on(day) == MONTREAL else "Paris"


def create_demo_database(
    path: Path,
    today: date | None = None,
    replace: bool = False,
    progress: Progress | None = None,
    settings: dict[str, object] | None = None,
) -> DemoSummary:
    """Builds the sample month in a new database file at `path`.

    `today` may not be in the future: speed tests and screen time of the past weeks must have happened.
    `settings` are stored in it too (the GUI passes the language just chosen, and `setup_done`).
    """
    real_today = date.today()
    today = today or real_today
    if today > real_today:
        raise UserError(f"the demo month is built around a day that has passed, not {today.isoformat()}")
    path = Path(path)
    if path.exists() and not path.is_file():  # --replace deleted whatever was there: a device, a pipe
        raise UserError(f"{path} is not a file: the demo database is written to a new file or replaces one")
    if path.exists() and not replace:
        raise UserError(f"{path} already exists; open it, or replace it with new sample data")
    building = path.with_name(path.name + ".building")
    _remove_database(building)
    db = Database.open(building)
    try:
        summary = _fill(db, today, progress)
        if settings:
            from nomadcm.services.settings import SettingsService

            for key, value in settings.items():
                SettingsService(db).set(key, value)
    except BaseException:
        db.close()
        _remove_database(building)
        raise
    db.close()
    _remove_database(path)
    os.replace(building, path)
    return summary


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def _fill(db: Database, today: date, progress: Progress | None) -> DemoSummary:
    from nomadcm.services.container import Services

    services = Services(db)
    trip = Trip(today)
    rng = random.Random(today.toordinal())
    now = timezones.now_utc()
    if today < date.today():  # a month around a past day: "now" is that day at noon in Paris
        now = timezones.localize(datetime.combine(today, time(12, 0)), PARIS)
    summary = DemoSummary(first_day=trip.first_day, last_day=trip.last_day)
    steps: list[Callable[[], None]] = [
        lambda: _settings(services),
        lambda: _itinerary(services, trip, summary),
        lambda: _clients_and_posts(services, trip, now, summary),
        lambda: _client_events(services, today, summary),
        lambda: _places(services, trip, now, rng, summary),
        lambda: _wellbeing(services, trip, now, rng, summary),
        lambda: _billing(services, trip, now),
    ]
    for done, step in enumerate(steps, start=1):
        step()
        if progress is not None:
            progress(done, len(steps))
    return summary


def _settings(services) -> None:  # type: ignore[no-untyped-def]
    settings = services.settings
    settings.set_home_tz(PARIS)
    settings.set("home_city", "Paris")
    settings.set("sleep", "23:30-07:30")
    settings.set("work_hours", "Mo-Fr 09:00-18:00")
    settings.set(DEMO_SETTING, True)


def _itinerary(services, trip: Trip, summary: DemoSummary) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.services.travel.trip_records import StayInput, TransitInput

    trips = services.trips
    stays = [
        StayInput("Paris", PARIS, trip.first_day, trip.outbound, "FR", 48.8566, 2.3522, "Appartement, 10e"),
        StayInput(
            "Montréal",
            MONTREAL,
            trip.outbound,
            trip.inbound,
            "CA",
            45.5017,
            -73.5673,
            "Sous-location sur le Plateau, rue Rachel",
        ),
        StayInput("Paris", PARIS, trip.inbound + timedelta(days=1), trip.last_day, "FR", 48.8566, 2.3522),
    ]
    for stay in stays:
        trips.add_stay(stay)
    flights = [
        TransitInput(
            "flight",
            "Paris",
            PARIS,
            "Montréal",
            MONTREAL,
            datetime.combine(trip.outbound, time(10, 35)),
            datetime.combine(trip.outbound, time(12, 10)),
            "FR",
            "CA",
            ref="AF 346",
            notes="CDG 2E → YUL. Siège 23A, hublot.",
        ),
        TransitInput(
            "flight",
            "Montréal",
            MONTREAL,
            "Paris",
            PARIS,
            datetime.combine(trip.inbound, time(18, 30)),
            datetime.combine(trip.inbound + timedelta(days=1), time(7, 35)),
            "CA",
            "FR",
            ref="AC 870",
            notes="Vol de nuit : rien de programmé pendant le vol.",
        ),
    ]
    for flight in flights:
        trips.add_transit(flight)
    summary.stays, summary.transits = len(stays), len(flights)


def _clients_and_posts(services, trip: Trip, now: datetime, summary: DemoSummary) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.services.publishing.slots import parse_slots
    from nomadcm.services.schedule.post_writes import PostDraft

    span = (trip.last_day - trip.first_day).days - 8  # posts from 20 days ago to 20 days ahead
    start = trip.first_day + timedelta(days=4)
    drafts: list[PostDraft] = []  # added at once, through the one write path of posts
    for offset, demo in enumerate(CLIENTS):
        client = services.clients.add_client(
            demo.name,
            demo.tz,
            country=demo.country,
            colour=demo.colour,
            notes=demo.notes,
            prime_start_min=demo.prime[0],
            prime_end_min=demo.prime[1],
        )
        channels = {}
        for network, handle in demo.channels:
            channels[network] = services.clients.add_channel(client.id, network, handle)
        summary.clients += 1
        summary.channels += len(channels)
        for network, text in demo.slots.items():
            services.slots.set_slots(channels[network].id, parse_slots(text))

        count = len(demo.texts)
        for index, (network, text) in enumerate(demo.texts):
            day = start + timedelta(days=round(index * span / count) + offset)
            hh, mm = map(int, demo.times[(index + offset) % len(demo.times)].split(":"))
            wall = datetime.combine(day, time(hh, mm))
            instant = timezones.localize(wall, demo.tz)
            if instant <= now:
                status = "published"
            elif index == count - 1 or index % 7 == 5:
                status = "draft"  # still being written: ideas for later in the month
            else:
                status = "scheduled"
            link = "https://www.example.com/" + demo.name.lower().split()[-1] if index % 5 == 1 else ""
            tags = ("à-valider",) if status == "draft" else ()  # waiting for the client's go-ahead
            drafts.append(PostDraft(channels[network].id, text, wall, link=link, tags=tags, status=status))
            summary.posts += 1

        for network, rule, hhmm, text in demo.series:
            hh, mm = map(int, hhmm.split(":"))
            first = datetime.combine(start + timedelta(days=offset), time(hh, mm))
            drafts.append(PostDraft(channels[network].id, text, first, rrule=rule))
            summary.posts += 1
            summary.series += 1
    services.posts.add_many(drafts)
    # The weeks that passed: she published each occurrence and said so (no "missed" reminders at start).
    for reminder in services.reminders.missed(now, days=(now.date() - trip.first_day).days + 1):
        services.reminders.mark_published(reminder)


def _client_events(services, today: date, summary: DemoSummary) -> None:  # type: ignore[no-untyped-def]
    """A launch, a closure and the client's own calendar (a weekly live) per client (demo_events.py)."""
    from nomadcm.services.desktop.demo_events import add_demo_events

    summary.events = sum(add_demo_events(services, today))


def _places(services, trip: Trip, now: datetime, rng: random.Random, summary: DemoSummary) -> None:  # type: ignore[no-untyped-def]
    places = services.workplaces
    montreal = next(s for s in services.trips.list_stays() if s.tz == MONTREAL)
    visits: dict[str, list[date]] = {
        "Paris": [
            trip.first_day + timedelta(days=d) for d in range(1, (trip.outbound - trip.first_day).days)
        ],
        "Montréal": [trip.outbound + timedelta(days=d) for d in range(1, (trip.today - trip.outbound).days)],
    }
    for demo in PLACES:
        fields = dict(demo.fields)
        fields.setdefault("city", demo.city)
        place = places.add_place(demo.name, **fields)
        summary.places += 1
        if demo.city == "Montréal":  # planned before the trip: visits and tests tick the list as they happen
            places.add_to_checklist(montreal.id, [place.id])
        zone = str(fields["tz"])
        days = [d for d in visits.get(demo.city, []) if d.weekday() < 5] or [trip.outbound]
        chosen = sorted(rng.sample(days, min(len(days), len(demo.speeds))))
        for day, (down, up, ping) in zip(chosen, demo.speeds, strict=False):
            wall = datetime.combine(day, time(rng.randint(9, 11), rng.choice((5, 20, 40))))
            if demo.city == "":
                wall = datetime.combine(trip.outbound, time(8, 50))  # waiting for the flight
            at = timezones.localize(wall, zone)
            if at < now:
                places.add_speed_test(
                    place.id, down, up, ping, at=at, tool=rng.choice(("speedtest", "nperf"))
                )
                summary.speed_tests += 1


def _billing(services, trip: Trip, now: datetime) -> None:  # type: ignore[no-untyped-def]
    """Contracts for the three clients and a few calls and workshops (demo_billing.py)."""
    from nomadcm.services.desktop.demo_billing import add_billing

    add_billing(services, trip.today, now, trip.first_day)


def _wellbeing(services, trip: Trip, now: datetime, rng: random.Random, summary: DemoSummary) -> None:  # type: ignore[no-untyped-def]
    """Three weeks of screen time and rest (demo_wellbeing.py)."""
    from nomadcm.services.desktop.demo_wellbeing import add_wellbeing

    add_wellbeing(services, trip, now, rng, summary)
