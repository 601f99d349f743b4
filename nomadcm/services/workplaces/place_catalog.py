"""A snapshot of every workplace with its speed-test medians, and the filters over it.

Why a snapshot: SQLite has no median, and opening hours are an expression to evaluate, not a column. So the
places and their tests are read once (SQLAlchemy Core, two queries), medians computed in Python, and every
filter after that (a slider move, "open at 14:00") runs in memory: 10,000 places in a few milliseconds.
The GUI reloads the snapshot when the "workplaces" area changes; the CLI loads it once per command.
The filters themselves are in `place_filter`.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from nomadcm import timezones
from nomadcm.models import SpeedTest, Workplace
from nomadcm.services.travel.cities import fold
from nomadcm.services.workplaces.opening_hours import Hours, HoursAnswer, HoursState, parse_hours
from nomadcm.services.workplaces.place_geo import city_key
from nomadcm.storage import Database

if TYPE_CHECKING:
    from nomadcm.services.workplaces.place_filter import PlaceFilter

# OSM `internet_access` values that mean there is no WiFi (wired and terminal are a cable or a kiosk PC).
NOT_WIFI_ACCESS = frozenset({"no", "wired", "terminal"})

PLACE_COLUMNS = (
    Workplace.id,
    Workplace.name,
    Workplace.kind,
    Workplace.address,
    Workplace.city,
    Workplace.country,
    Workplace.lat,
    Workplace.lon,
    Workplace.tz,
    Workplace.ssid,
    (Workplace.wifi_password != "").label("has_password"),  # never the password itself
    Workplace.fee,
    Workplace.price,
    Workplace.opening_hours,
    Workplace.score_wifi,
    Workplace.score_power,
    Workplace.score_quiet,
    Workplace.score_comfort,
    Workplace.score_price,
    Workplace.food,
    Workplace.notes,
    Workplace.favourite,
    Workplace.last_visit,
    Workplace.osm_id,
    Workplace.extra_tags,
    Workplace.city_key,
)


@dataclass(frozen=True)
class SpeedSummary:
    """The medians of a place's tests, how many there are, and when the latest was measured."""

    down_mbps: float | None = None
    up_mbps: float | None = None
    ping_ms: float | None = None
    tests: int = 0
    last_test_at: datetime | None = None

    def age_days(self, now: datetime | None = None) -> int | None:
        if self.last_test_at is None:
            return None
        return max(0, ((now or datetime.now(UTC)) - self.last_test_at).days)


@dataclass(frozen=True, eq=False)
class PlaceInfo:
    """A workplace as shown and exported. The WiFi password is not here: `has_password` says if one is
    stored, and `WorkplaceService.wifi_password(id)` reads it when the user asks to see it."""

    id: int
    name: str
    kind: str
    address: str = ""
    city: str = ""
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    tz: str | None = None
    ssid: str = ""
    has_password: bool = False
    fee: str | None = None
    price: str = ""
    opening_hours: str = ""
    score_wifi: int | None = None
    score_power: int | None = None
    score_quiet: int | None = None
    score_comfort: int | None = None
    score_price: int | None = None
    food: bool = False
    notes: str = ""
    favourite: bool = False
    last_visit: date | None = None
    osm_id: str | None = None
    extra_tags: dict[str, str] = field(default_factory=dict)
    speed: SpeedSummary = SpeedSummary()
    city_key: str | None = None  # as stored (services/travel/city_keys.py); None: not made yet

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PlaceInfo) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)

    # ------------------------------------------------------------------ derived

    @property
    def down_mbps(self) -> float | None:
        return self.speed.down_mbps

    @property
    def up_mbps(self) -> float | None:
        return self.speed.up_mbps

    @property
    def ping_ms(self) -> float | None:
        return self.speed.ping_ms

    @property
    def tests(self) -> int:
        return self.speed.tests

    @property
    def coords(self) -> tuple[float, float] | None:
        return (self.lat, self.lon) if self.lat is not None and self.lon is not None else None

    @cached_property
    def hours(self) -> Hours:
        return parse_hours(self.opening_hours, self.tz, self.country, self.coords)

    @cached_property
    def search_key(self) -> str:
        """Folded name, address, city, notes and SSID, for the search box."""
        return fold(f"{self.name} {self.address} {self.city} {self.notes} {self.ssid}")

    @property
    def hours_error(self) -> str | None:
        return self.hours.error

    @property
    def internet_access(self) -> str:
        return self.extra_tags.get("internet_access", "")

    @property
    def has_wifi(self) -> bool:
        """Evidence of WiFi wins; a place is assumed to have WiFi unless something says it has none.

        Evidence for: an SSID, a speed test, a WiFi score above 0, OSM internet_access=wlan/yes.
        Against: a WiFi score of 0, or OSM internet_access=no/wired/terminal.
        """
        if self.ssid or self.speed.tests or (self.score_wifi or 0) > 0:
            return True
        if self.score_wifi == 0:
            return False
        return self.internet_access not in NOT_WIFI_ACCESS

    @property
    def place_label(self) -> str:
        where = ", ".join(p for p in (self.city, self.country or "") if p)
        return f"{self.name} ({where})" if where else self.name

    def open_state(self, when: datetime) -> HoursState:
        """Open, closed or unknown at `when`: an aware instant read on the place's clock, or a naive wall
        time of the place's own clock."""
        return self.open_answer(when).state

    def open_answer(self, when: datetime) -> HoursAnswer:
        """`open_state` with what the hours say about it (their comment, an open end)."""
        if when.tzinfo is None:
            return self.hours.answer_at_wall(when)
        return self.hours.answer_at(when)

    def to_json(self) -> dict[str, object]:
        """The fields of `place list --json` (never the password)."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "address": self.address,
            "city": self.city,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "tz": self.tz,
            "ssid": self.ssid,
            "has_password": self.has_password,
            "fee": self.fee,
            "price": self.price,
            "opening_hours": self.opening_hours,
            "hours_error": self.hours_error,
            "down_mbps": self.down_mbps,
            "up_mbps": self.up_mbps,
            "ping_ms": self.ping_ms,
            "tests": self.tests,
            "last_test_at": timezones.format_utc(self.speed.last_test_at)
            if self.speed.last_test_at
            else None,
            "score_wifi": self.score_wifi,
            "score_power": self.score_power,
            "score_quiet": self.score_quiet,
            "score_comfort": self.score_comfort,
            "score_price": self.score_price,
            "food": self.food,
            "favourite": self.favourite,
            "last_visit": self.last_visit.isoformat() if self.last_visit else None,
            "notes": self.notes,
            "osm_id": self.osm_id,
            "has_wifi": self.has_wifi,
        }


class PlaceCatalog:
    """Every place, with medians, ready to filter and look up."""

    def __init__(self, places: Sequence[PlaceInfo]) -> None:
        self.places = list(places)
        self._by_id = {p.id: p for p in self.places}

    def __len__(self) -> int:
        return len(self.places)

    def get(self, place_id: int) -> PlaceInfo | None:
        return self._by_id.get(place_id)

    def filter(self, flt: PlaceFilter) -> list[PlaceInfo]:
        keep = flt.prepare()
        return [p for p in self.places if keep(p)]

    def cities(self) -> list[str]:
        """One name per city ("Lisboa" and "Lisbon" are one), the most used spelling, sorted. By the keys the
        places store (made when saved): the city table (half a second) is loaded only for a place that has
        none yet — the Workplaces page lists its cities on the GUI thread as it opens."""
        counts: dict[str, dict[str, int]] = {}
        for p in self.places:
            if p.city:
                key = p.city_key if p.city_key is not None else city_key(p.city, p.country)
                names = counts.setdefault(key, {})
                names[p.city] = names.get(p.city, 0) + 1
        labels = [max(names.items(), key=lambda kv: (kv[1], kv[0]))[0] for names in counts.values()]
        return sorted(labels, key=fold)


def median_summary(
    rows: Iterable[tuple[float, float, float | None]], last: datetime | None = None
) -> SpeedSummary:
    downs: list[float] = []
    ups: list[float] = []
    pings: list[float] = []
    for down, up, ping in rows:
        downs.append(down)
        ups.append(up)
        if ping is not None:
            pings.append(ping)
    if not downs:
        return SpeedSummary()
    return SpeedSummary(
        statistics.median(downs),
        statistics.median(ups),
        statistics.median(pings) if pings else None,
        len(downs),
        last,
    )


def load_catalog(db: Database, place_ids: Iterable[int] | None = None) -> PlaceCatalog:
    """Read places (all, or the given ids) and their tests with three Core queries (10,000 places with
    30,000 tests in a few hundred milliseconds: plain tuples, no ORM objects)."""
    ids = list(place_ids) if place_ids is not None else None
    place_q = select(*PLACE_COLUMNS).order_by(Workplace.id)
    test_q = select(SpeedTest.workplace_id, SpeedTest.down_mbps, SpeedTest.up_mbps, SpeedTest.ping_ms)
    last_q = select(SpeedTest.workplace_id, func.max(SpeedTest.measured_at)).group_by(SpeedTest.workplace_id)
    if ids is not None:
        place_q = place_q.where(Workplace.id.in_(ids))
        test_q = test_q.where(SpeedTest.workplace_id.in_(ids))
        last_q = last_q.where(SpeedTest.workplace_id.in_(ids))
    with db.session() as s:
        conn = s.connection()
        place_rows = conn.execute(place_q).all()
        tests: dict[int, list[tuple[float, float, float | None]]] = {}
        for wid, down, up, ping in conn.execute(test_q):
            tests.setdefault(wid, []).append((down, up, ping))
        last = dict(conn.execute(last_q).all())
    empty = SpeedSummary()
    places = [
        place_from_row(row, median_summary(tests[row[0]], last.get(row[0])) if row[0] in tests else empty)
        for row in place_rows
    ]
    return PlaceCatalog(_with_private_passwords(db, places))


def _with_private_passwords(db: Database, places: list[PlaceInfo]) -> list[PlaceInfo]:
    """On a team database, a place whose password she keeps to herself has one too (private_passwords.py)."""
    from nomadcm.services.workplaces.private_passwords import PrivatePasswords

    private = PrivatePasswords.of(db)
    mine = private.all() if private is not None else {}
    if not mine:
        return places
    return [replace(p, has_password=True) if p.id in mine and not p.has_password else p for p in places]


def place_from_row(row, speed: SpeedSummary) -> PlaceInfo:  # type: ignore[no-untyped-def]
    (
        pid, name, kind, address, city, country, lat, lon, tz, ssid, has_password, fee, price, hours,
        s_wifi, s_power, s_quiet, s_comfort, s_price, food, notes, favourite, last_visit, osm_id, tags,
        stored_key,
    ) = row  # fmt: skip
    return PlaceInfo(
        pid,
        name,
        kind,
        address or "",
        city or "",
        country,
        lat,
        lon,
        tz,
        ssid or "",
        bool(has_password),
        fee,
        price or "",
        hours or "",
        s_wifi,
        s_power,
        s_quiet,
        s_comfort,
        s_price,
        bool(food),
        notes or "",
        bool(favourite),
        last_visit,
        osm_id,
        decode_tags(tags),
        speed,
        stored_key,
    )


def decode_tags(text: str | None) -> dict[str, str]:
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def encode_tags(tags: dict[str, str]) -> str:
    return json.dumps(dict(sorted(tags.items())), ensure_ascii=False) if tags else ""
