"""Where the CM is at an instant — the one function behind every "your time" — and the stays and transits
that decide it.

Rules of `Itinerary.where(instant)`, in order:
1. during a transit [depart, arrive) she is in transit, and her zone is the departure zone;
2. a transit wins over stays: after a transit's arrival she is at its arrival place until a stay there (or the
   next transit) takes over, and before a departure she is at its departure place — so "Paris 1–10 March,
   Montréal 10–31 March" with a flight on the 10th reads right on the 10th;
3. otherwise the stay covering the instant (first date 00:00 to the day after the last date, in its zone);
4. otherwise home (the `home_tz` setting).

An `Itinerary` is an immutable snapshot with sorted start instants, so `where()` is a few bisects, fast for
100,000 posts; `segments()` cuts a span into pieces where the answer does not change, for sweeps over many
posts at once (the conflicts check) and for drawing (the day view).

The stays and transits themselves are added, changed and removed by `ItineraryService` (services/trips.py).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from typing import Any

from sqlalchemy import select

from nomadcm import timezones
from nomadcm.models import Stay, Transit
from nomadcm.services.acting import ACTING, MemberRef, member_of
from nomadcm.services.settings import SettingsService
from nomadcm.storage import Database


@dataclass(frozen=True)
class StaySpan:
    id: int
    city: str
    country: str | None
    tz: str
    start: datetime  # aware UTC, inclusive
    end: datetime  # aware UTC, exclusive


@dataclass(frozen=True)
class TransitSpan:
    id: int
    kind: str
    from_place: str
    from_tz: str
    to_place: str
    to_tz: str
    depart: datetime  # aware UTC
    arrive: datetime  # aware UTC
    ref: str = ""


@dataclass(frozen=True)
class Whereabouts:
    """Where she is: the zone her clock shows, a place to name, and what decided it."""

    zone: str
    place: str
    in_transit: bool = False
    stay_id: int | None = None
    transit_id: int | None = None
    at_home: bool = False
    member_id: int | None = None  # whose itinerary answered (team mode; None: a CM alone)


@dataclass(frozen=True)
class Segment:
    """A span [start, end) during which `where()` gives the same answer."""

    start: datetime
    end: datetime
    where: Whereabouts


class Itinerary:
    """A snapshot of stays and transits, answering `where(instant)`."""

    def __init__(
        self,
        home_tz: str,
        stays: Sequence[StaySpan] = (),
        transits: Sequence[TransitSpan] = (),
        member_id: int | None = None,
    ) -> None:
        self.home_tz = home_tz
        self.member_id = member_id  # whose itinerary this is (team mode); every answer names her
        self.stays = sorted(stays, key=lambda s: (s.start, s.id))
        self.transits = sorted(transits, key=lambda t: (t.depart, t.id))
        self._stay_starts = [s.start for s in self.stays]
        self._max_end: list[datetime] = []  # running maximum of stay ends, in start order
        for s in self.stays:
            self._max_end.append(max(s.end, self._max_end[-1]) if self._max_end else s.end)
        self._transit_departs = [t.depart for t in self.transits]
        self._arrivals = sorted(self.transits, key=lambda t: (t.arrive, t.id))
        self._arrive_times = [t.arrive for t in self._arrivals]
        self._home = Whereabouts(home_tz, "", at_home=True, member_id=member_id)

    def zone_at(self, instant: datetime) -> str:
        return self.where(instant).zone

    def where(self, instant: datetime) -> Whereabouts:
        # 1. in transit?  (transits never overlap each other: the service refuses it)
        i = bisect.bisect_right(self._transit_departs, instant) - 1
        if i >= 0 and instant < self.transits[i].arrive:
            t = self.transits[i]
            return Whereabouts(
                t.from_tz, t.from_place, in_transit=True, transit_id=t.id, member_id=self.member_id
            )
        prev_arrival = self._previous_arrival(instant)
        next_departure = self.transits[i + 1] if i + 1 < len(self.transits) else None
        # 3. stays covering the instant, checked against the transits around it (rule 2)
        covering = self._covering_stays(instant)
        consistent = [s for s in covering if self._agrees(s, prev_arrival, next_departure)]
        if consistent:
            return self._at_stay(consistent[-1])
        if covering or self._between_stay_and_transit(instant, prev_arrival, next_departure):
            if prev_arrival is not None and (
                not covering or prev_arrival.arrive > max(s.start for s in covering)
            ):
                return Whereabouts(
                    prev_arrival.to_tz,
                    prev_arrival.to_place,
                    transit_id=prev_arrival.id,
                    member_id=self.member_id,
                )
            if next_departure is not None:
                return Whereabouts(
                    next_departure.from_tz,
                    next_departure.from_place,
                    transit_id=next_departure.id,
                    member_id=self.member_id,
                )
        return self._home

    def boundaries(self, start: datetime, end: datetime) -> list[datetime]:
        """The instants in (start, end) where `where()` may change: every stay and transit edge."""
        edges: set[datetime] = set()
        for s in self.stays:
            edges.update((s.start, s.end))
        for t in self.transits:
            edges.update((t.depart, t.arrive))
        return sorted(e for e in edges if start < e < end)

    def segments(self, start: datetime, end: datetime) -> list[Segment]:
        """[start, end) cut where the answer changes; neighbours with the same answer are merged."""
        out: list[Segment] = []
        cuts = [start, *self.boundaries(start, end), end]
        for a, b in pairwise(cuts):
            w = self.where(a)
            if out and out[-1].where == w:
                out[-1] = Segment(out[-1].start, b, w)
            else:
                out.append(Segment(a, b, w))
        return out

    def span(self) -> tuple[datetime, datetime] | None:
        """From the first stay or transit to the end of the last one; None for an empty itinerary."""
        starts = [s.start for s in self.stays] + [t.depart for t in self.transits]
        ends = [s.end for s in self.stays] + [t.arrive for t in self.transits]
        return (min(starts), max(ends)) if starts else None

    # ------------------------------------------------------------------ internals

    def _covering_stays(self, instant: datetime) -> list[StaySpan]:
        j = bisect.bisect_right(self._stay_starts, instant)
        found: list[StaySpan] = []
        k = j - 1
        # Walk back while some earlier stay still lasts past the instant (stays overlap by a day at most,
        # so this is one or two steps).
        while k >= 0 and self._max_end[k] > instant:
            if self.stays[k].end > instant:
                found.append(self.stays[k])
            k -= 1
        found.reverse()
        return found

    def _previous_arrival(self, instant: datetime) -> TransitSpan | None:
        k = bisect.bisect_right(self._arrive_times, instant) - 1
        return self._arrivals[k] if k >= 0 else None

    @staticmethod
    def _agrees(stay: StaySpan, prev: TransitSpan | None, nxt: TransitSpan | None) -> bool:
        if prev is not None and prev.arrive > stay.start and not _same_place(stay, prev.to_tz, prev.to_place):
            return False
        return not (
            nxt is not None and nxt.depart < stay.end and not _same_place(stay, nxt.from_tz, nxt.from_place)
        )

    def _between_stay_and_transit(
        self, instant: datetime, prev: TransitSpan | None, nxt: TransitSpan | None
    ) -> bool:
        """No stay covers `instant`: is a transit nearer than any stay on one side?"""
        j = bisect.bisect_right(self._stay_starts, instant)
        next_stay_start = self.stays[j].start if j < len(self.stays) else None
        last_end = self._max_end[j - 1] if j > 0 else None
        if prev is not None and (last_end is None or prev.arrive >= last_end):
            return True
        return nxt is not None and (next_stay_start is None or nxt.depart <= next_stay_start)

    def _at_stay(self, stay: StaySpan) -> Whereabouts:
        place = f"{stay.city}, {stay.country}" if stay.country else stay.city
        return Whereabouts(stay.tz, place, stay_id=stay.id, member_id=self.member_id)


def _same_place(stay: StaySpan, tz: str, place: str) -> bool:
    return stay.tz == tz or stay.city.casefold() == place.split(",")[0].strip().casefold()


def load_itinerary(db: Database, home_tz: str | None = None, member: MemberRef = ACTING) -> Itinerary:
    """The current itinerary snapshot of `member` (default: whoever the handle acts for; a CM alone: the
    stays and transits that belong to nobody) — her stays, her transits, her home zone."""
    member_id = member_of(db, member)
    home = home_tz or SettingsService(db, member_id).home_tz()
    with db.session() as s:
        stays = [
            StaySpan(r.id, r.city, r.country, r.tz, r.start_utc, r.end_utc)
            for r in s.execute(owned_by(select(Stay), Stay, member_id).order_by(Stay.start_utc)).scalars()
        ]
        transits = [
            TransitSpan(
                r.id, r.kind, r.from_place, r.from_tz, r.to_place, r.to_tz, r.depart_utc, r.arrive_utc, r.ref
            )
            for r in s.execute(
                owned_by(select(Transit), Transit, member_id).order_by(Transit.depart_utc)
            ).scalars()
        ]
    timezones.check_zone(home)
    return Itinerary(home, stays, transits, member_id)


def owned_by(stmt: Any, model: type[Stay] | type[Transit], member_id: int | None) -> Any:
    """`stmt` limited to the stays or transits of `member_id` (None: those of nobody, a CM alone's)."""
    column = model.member_id
    return stmt.where(column.is_(None) if member_id is None else column == member_id)


# The editing API moved to services/trips.py; these names are still found here for the modules not yet
# updated (ui/travel/dialogs.py). New code imports them from nomadcm.services.travel.trips.
