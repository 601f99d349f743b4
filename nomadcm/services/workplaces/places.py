"""Workplaces with WiFi: places, their speed tests, "worked here" sessions, and the per-stay checklist.

Rules kept here (the CLI and the GUI only call them):
- every field is checked by `place_fields`, whichever face or file it came from;
- speed tests are dated rows, never overwritten; a place shows their medians (`place_catalog`);
- a place's zone comes from an explicit choice, else its coordinates (timezonefinder's offline polygons),
  else its city (the offline city table), else a stay in a city of that name; opening hours are read on
  that zone's clock;
- "worked here" is a `ScreenSession(device="laptop", source="workplace")` from-to in the place's zone, which
  the wellbeing area counts as screen time (place_sessions.py);
- logging a speed test or a work session marks the visit: the place's last visit, and the checklist of the
  stay it falls in (tested / visited).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, select, update
from sqlalchemy.orm import Session

from nomadcm import date_bounds, timezones
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.models import ChecklistItem, ScreenSession, SpeedTest, Stay, Workplace
from nomadcm.services.settings import SettingsService
from nomadcm.services.travel.cities import fold
from nomadcm.services.travel.city_keys import key_for
from nomadcm.services.workplaces import place_checklist
from nomadcm.services.workplaces.place_catalog import PlaceCatalog, PlaceInfo, encode_tags, load_catalog
from nomadcm.services.workplaces.place_fields import (
    check_fields,
    check_mbps,
    check_ping,
    check_tool,
)
from nomadcm.services.workplaces.place_filter import PlaceFilter
from nomadcm.services.workplaces.place_geo import ZoneGuess, guess_zone
from nomadcm.services.workplaces.place_ops import WorkplaceOps
from nomadcm.services.workplaces.place_sessions import FUTURE_SLACK, PlaceSessions
from nomadcm.services.workplaces.place_sessions import WorkSessionInfo as WorkSessionInfo  # re-exported
from nomadcm.services.workplaces.private_passwords import PrivatePasswords
from nomadcm.services.workplaces.work_spots import SpotOrder, WorkSpots, work_spots
from nomadcm.storage import Database

# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class SpeedTestInfo:
    id: int
    workplace_id: int
    measured_at: datetime  # aware UTC
    down_mbps: float
    up_mbps: float
    ping_ms: float | None
    tool: str


# --------------------------------------------------------------------------- the service


class WorkplaceService(WorkplaceOps, PlaceSessions):
    def __init__(self, db: Database, personal: Callable[[], Database] | None = None) -> None:
        """`personal`: where her "worked here" sessions go (her own file on a team database, opened on
        first use: services/wellbeing/personal_file.py); default `db`."""
        self.db = db
        self._personal = personal

    # ------------------------------------------------------------------ reading

    def catalog(self) -> PlaceCatalog:
        return load_catalog(self.db)

    def list_places(self, flt: PlaceFilter | None = None) -> list[PlaceInfo]:
        catalog = self.catalog()
        return catalog.filter(flt) if flt is not None else catalog.places

    def get_place(self, place_id: int) -> PlaceInfo:
        found = load_catalog(self.db, [place_id]).get(place_id)
        if found is None:
            raise NotFoundError(f"no place with id {place_id}")
        return found

    def find_place(self, text: str) -> PlaceInfo:
        """A place by id ("12", "#12") or by name (accents and case ignored); ambiguity is an error."""
        raw = str(text).strip()
        if raw.lstrip("#").isdigit():
            return self.get_place(int(raw.lstrip("#")))
        key = fold(raw)
        if not key:
            raise ValidationError("give a place name or id")
        with self.db.session() as s:
            rows = s.execute(select(Workplace.id, Workplace.name, Workplace.city)).all()
        matches = [r for r in rows if fold(r.name) == key]
        if not matches:
            near = [r for r in rows if key in fold(r.name)]
            hint = f"; did you mean {', '.join(repr(r.name) for r in near[:3])}?" if near else ""
            raise NotFoundError(f"no place named {raw!r}{hint}")
        if len(matches) > 1:
            listed = ", ".join(f"#{r.id} in {r.city or '?'}" for r in matches[:5])
            raise ValidationError(f"several places are named {raw!r} ({listed}): give the id instead")
        return self.get_place(matches[0].id)

    def wifi_password(self, place_id: int) -> str:
        """The place's password: the one shared in the database, else (a team database) her own."""
        with self.db.session() as s:
            place = s.get(Workplace, place_id)
            if place is None:
                raise NotFoundError(f"no place with id {place_id}")
            shared = place.wifi_password or ""
        private = PrivatePasswords.of(self.db)
        return shared or (private.get(place_id) if private is not None else "")

    def keeps_private_passwords(self) -> bool:
        """A team database: a WiFi password is hers unless she shares it (private_passwords.py)."""
        return PrivatePasswords.of(self.db) is not None

    def password_shared(self, place_id: int) -> bool:
        """On a team database: the place's password is in the database, for every member (a SQLite file: True,
        the file is hers alone)."""
        with self.db.session() as s:
            shared = s.scalar(select(Workplace.wifi_password).where(Workplace.id == place_id))
        return PrivatePasswords.of(self.db) is None or bool(shared)

    def passwords(self, place_ids: Iterable[int] | None = None) -> dict[int, str]:
        """Stored passwords by place id (only for an export the user asked to include them in): the shared
        ones, and on a team database hers."""
        ids = list(place_ids) if place_ids is not None else None
        q = select(Workplace.id, Workplace.wifi_password).where(Workplace.wifi_password != "")
        if ids is not None:
            q = q.where(Workplace.id.in_(ids))
        with self.db.session() as s:
            found = {r.id: r.wifi_password for r in s.execute(q)}
        private = PrivatePasswords.of(self.db)
        if private is not None:
            with self.db.session() as s:
                known = set(s.scalars(select(Workplace.id)))
            mine = {k: v for k, v in private.all().items() if k in known and (ids is None or k in ids)}
            found = {**mine, **found}
        return found

    def cities(self) -> list[str]:
        return self.catalog().cities()

    def work_spots(self, instant: datetime, order: str = "fastest") -> WorkSpots:
        """The workplaces near her at `instant` (the itinerary) and open then (services/work_spots.py)."""
        return work_spots(self.db, instant, order=SpotOrder(order))

    def guess_zone(self, city: str, country: str | None, lat: float | None, lon: float | None) -> ZoneGuess:
        """A place's zone from its coordinates, its city, or a stay in that city."""
        return guess_zone(self.db, city, country, lat, lon)

    # ------------------------------------------------------------------ writing places

    def add_place(self, name: str, *, share_password: bool = False, **fields: Any) -> PlaceInfo:
        """A new place. On a team database its WiFi password stays hers (on this computer) unless
        `share_password` (private_passwords.py)."""
        values = check_fields({"name": name, **fields})
        private = PrivatePasswords.of(self.db)
        kept = values.pop("wifi_password", "") if private is not None and not share_password else ""
        values.setdefault("kind", "cafe")
        values.setdefault("city", "")
        if not values.get("tz"):
            guess = guess_zone(
                self.db, values["city"], values.get("country"), values.get("lat"), values.get("lon")
            )
            values["tz"] = guess.tz
            if values.get("country") is None:
                values["country"] = guess.country
        tags = values.pop("extra_tags", {})
        values["city_key"] = key_for(values["city"], values.get("country"))  # the no_wifi rule's
        with self.db.write() as s:
            self._refuse_duplicate(s, values["name"], values["city"], None)
            place = Workplace(**values, extra_tags=encode_tags(tags))
            s.add(place)
            s.flush()
            new_id = place.id
        if private is not None and kept:
            private.set(new_id, kept)
        return self.get_place(new_id)

    def update_place(self, place_id: int, *, share_password: bool | None = None, **fields: Any) -> PlaceInfo:
        """Change any place field; a new city, country or position moves the zone unless one is given.

        On a team database `share_password` puts the WiFi password in the database for every member (True)
        or keeps it hers only (False); None leaves it where it is, shared or hers."""
        values = check_fields(fields)
        private = PrivatePasswords.of(self.db)
        mine: str | None = None
        with self.db.write() as s:
            place = s.get(Workplace, place_id)
            if place is None:
                raise NotFoundError(f"no place with id {place_id}")
            if private is not None:
                mine = private.place_edit(place.id, place.wifi_password or "", values, share_password)
            moved = any(
                k in values and values[k] != getattr(place, k) for k in ("city", "country", "lat", "lon")
            )
            if "name" in values or "city" in values:
                self._refuse_duplicate(
                    s, values.get("name", place.name), values.get("city", place.city), place_id
                )
            if "extra_tags" in values:
                values["extra_tags"] = encode_tags(values["extra_tags"])
            for key, value in values.items():
                setattr(place, key, value)
            if moved and "tz" not in values:
                guess = guess_zone(self.db, place.city, place.country, place.lat, place.lon)
                if guess.tz:
                    place.tz = guess.tz
            if "city" in values or "country" in values:
                place.city_key = key_for(place.city, place.country)
        if private is not None and mine is not None:
            private.set(place_id, mine)
        return self.get_place(place_id)

    def set_favourite(self, place_id: int, favourite: bool) -> PlaceInfo:
        return self.update_place(place_id, favourite=favourite)

    def delete_place(self, place_id: int) -> None:
        """Deletes the place, its speed tests and checklist entries; its work sessions stay as screen
        time (their place becomes empty)."""
        with self.db.write() as s:
            place = s.get(Workplace, place_id)
            if place is None:
                raise NotFoundError(f"no place with id {place_id}")
            s.execute(
                update(ScreenSession).where(ScreenSession.workplace_id == place_id).values(workplace_id=None)
            )
            s.delete(place)
        private = PrivatePasswords.of(self.db)
        if private is not None:
            private.forget([place_id])

    @staticmethod
    def _refuse_duplicate(s: Session, name: str, city: str, own_id: int | None) -> None:
        key, where = fold(name), fold(city)
        for row in s.execute(select(Workplace.id, Workplace.name, Workplace.city)):
            if row.id != own_id and fold(row.name) == key and fold(row.city) == where:
                in_city = f" in {city}" if city else ""
                raise ValidationError(f"a place named {name!r}{in_city} already exists (#{row.id})")

    # ------------------------------------------------------------------ speed tests

    def add_speed_test(
        self,
        place_id: int,
        down_mbps: Any,
        up_mbps: Any,
        ping_ms: Any = None,
        at: datetime | None = None,
        tool: str | None = None,
    ) -> SpeedTestInfo:
        """Record one measurement (never replaces another). `at` is an aware instant, default now."""
        down = check_mbps(down_mbps, "download")
        up = check_mbps(up_mbps, "upload")
        ping = check_ping(ping_ms)
        measured = timezones.ensure_utc(at) if at is not None else timezones.now_utc()
        date_bounds.check_date(measured, "speed test")
        if measured > timezones.now_utc() + FUTURE_SLACK:
            raise ValidationError(f"a speed test cannot be in the future ({timezones.format_utc(measured)})")
        tool_name = check_tool(tool)
        with self.db.write() as s:
            place = self._place(s, place_id)
            test = SpeedTest(
                workplace_id=place_id,
                measured_at=measured,
                down_mbps=down,
                up_mbps=up,
                ping_ms=ping,
                tool=tool_name,
            )
            s.add(test)
            self._mark_visit(s, place, measured, tested=True)
            s.flush()
            return _test_info(test)

    def speed_tests(self, place_id: int) -> list[SpeedTestInfo]:
        """Oldest first (the chart's order)."""
        with self.db.session() as s:
            rows = s.scalars(
                select(SpeedTest)
                .where(SpeedTest.workplace_id == place_id)
                .order_by(SpeedTest.measured_at, SpeedTest.id)
            )
            return [_test_info(t) for t in rows]

    def delete_speed_test(self, test_id: int) -> None:
        """Removes a mistaken measurement (tests are never edited, only added or removed)."""
        with self.db.write() as s:
            test = s.get(SpeedTest, test_id)
            if test is None:
                raise NotFoundError(f"no speed test with id {test_id}")
            s.delete(test)

    # ------------------------------------------------------------------ checklist (per stay)

    def stays(self) -> list[place_checklist.StayRef]:
        return place_checklist.list_stays(self.db)

    def checklist(self, stay_id: int) -> list[place_checklist.ChecklistEntry]:
        return place_checklist.entries(self.db, stay_id)

    def add_to_checklist(self, stay_id: int, place_ids: Iterable[int], note: str = "") -> int:
        return place_checklist.add(self.db, stay_id, place_ids, note)

    def update_checklist_item(self, item_id: int, **fields: Any) -> None:
        place_checklist.update(self.db, item_id, **fields)

    def remove_from_checklist(self, item_id: int) -> None:
        place_checklist.remove(self.db, item_id)

    def checklist_candidates(self, stay_id: int) -> list[PlaceInfo]:
        return place_checklist.candidates(self.db, stay_id)

    def stays_without_wifi(self) -> list[place_checklist.StayRef]:
        return place_checklist.stays_without_wifi(self.db)

    # ------------------------------------------------------------------ internals

    @staticmethod
    def _place(s: Session, place_id: int) -> Workplace:
        place = s.get(Workplace, place_id)
        if place is None:
            raise NotFoundError(f"no place with id {place_id}")
        return place

    def _mark_visit(self, s: Session, place: Workplace, at: datetime, *, tested: bool = False) -> None:
        """Last visit (local date), and tick the checklist of the stay covering `at`: visited, and tested
        too when it is a speed test."""
        zone = place.tz or SettingsService(self.db).home_tz()
        day = timezones.wall_at(at, zone).date()
        if place.last_visit is None or day > place.last_visit:
            place.last_visit = day
        stay_ids = select(Stay.id).where(and_(Stay.start_utc <= at, Stay.end_utc > at))
        values: dict[str, bool] = {"visited": True}
        if tested:
            values["tested"] = True
        s.execute(
            update(ChecklistItem)
            .where(ChecklistItem.workplace_id == place.id, ChecklistItem.stay_id.in_(stay_ids))
            .values(**values)
        )


def _test_info(t: SpeedTest) -> SpeedTestInfo:
    return SpeedTestInfo(t.id, t.workplace_id, t.measured_at, t.down_mbps, t.up_mbps, t.ping_ms, t.tool)


def stays_without_wifi(db: Database) -> list[place_checklist.StayRef]:
    """Stays where no known workplace has WiFi: the itinerary's warning and the `no_wifi` conflict."""
    return place_checklist.stays_without_wifi(db)
