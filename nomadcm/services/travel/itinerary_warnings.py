"""What in an itinerary deserves a look before it decides "your time" wrongly.

None of these is refused (the user may still be typing the trip, in any order); the Travel page and
`nomadcm trip list` show them:
- `shared_day`: two stays share their travel day but no transit that day says when she moves;
- `missing_transit`: one stay follows another in a zone with another offset, with no transit between them,
  so for a few hours neither (or both) applies;
- `gap`: days between two stays that nothing covers, where NomadCM falls back on the home zone;
- `transit_place`: a transit leaves from (or arrives at) a place other than the stay she is in then;
- `no_wifi`: a stay where none of her workplaces has WiFi (added by `ItineraryService.warnings`, which
  can read the workplaces; see `place_checklist.stays_without_wifi`).

Each warning carries its facts (kind, dates, places, ids) so the GUI can word it in the user's language; its
`message` is the English wording used by the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import pairwise

from nomadcm import timezones
from nomadcm.services.travel.itinerary import Itinerary
from nomadcm.services.travel.trip_records import StayInfo, TransitInfo

WARNING_KINDS: tuple[str, ...] = ("shared_day", "missing_transit", "gap", "transit_place", "no_wifi")


@dataclass(frozen=True)
class ItineraryWarning:
    kind: str
    first_date: date
    last_date: date
    places: tuple[str, ...]  # the places concerned, in trip order
    stay_ids: tuple[int, ...] = ()
    transit_ids: tuple[int, ...] = ()
    zone: str = ""  # gap: the home zone used
    transit: str = ""  # transit_place: "flight AF 346"
    leaving: bool = True  # transit_place: about the departure (True) or the arrival (False)

    @property
    def message(self) -> str:
        a = self.places[0] if self.places else ""
        b = self.places[1] if len(self.places) > 1 else ""
        day = self.first_date.isoformat()
        if self.kind == "shared_day":
            return (
                f"{a} and {b} both include {day} but no transit that day says when you move: "
                "add it so that your time is right that day"
            )
        if self.kind == "missing_transit":
            return (
                f"no transit between {a} (until {day}) and {b} (from {self.last_date.isoformat()}): "
                "add it so that your time is right while you travel"
            )
        if self.kind == "gap":
            span = day if self.first_date == self.last_date else f"{day} to {self.last_date.isoformat()}"
            return f"nothing planned from {span} between {a} and {b}: your home zone ({self.zone}) is used"
        if self.kind == "transit_place":
            verb = "leaves from" if self.leaving else "arrives in"
            return f"your {self.transit} {verb} {a} on {day}, but you are staying in {b} then"
        if self.kind == "no_wifi":
            return (
                f"none of your workplaces with WiFi is in {a} for your stay from {day}: add one or plan one"
            )
        return f"{self.kind}: {', '.join(self.places)}"


def itinerary_warnings(
    stays: list[StayInfo], transits: list[TransitInfo], itinerary: Itinerary
) -> list[ItineraryWarning]:
    out: list[ItineraryWarning] = []
    ordered = sorted(stays, key=lambda s: (s.first_date, s.start_utc, s.id))
    for a, b in pairwise(ordered):
        if a.last_date >= b.first_date:  # sharing their travel day (more is refused on entry)
            lo, hi = max(a.start_utc, b.start_utc), min(a.end_utc, b.end_utc)
            if not _transits_within(transits, lo, hi) and a.place != b.place:
                out.append(
                    ItineraryWarning(
                        "shared_day", b.first_date, b.first_date, (a.place, b.place), (a.id, b.id)
                    )
                )
            continue
        between = _transits_within(transits, a.start_utc, b.end_utc)
        if b.first_date > a.last_date + timedelta(days=1):
            home_days = _home_dates(itinerary, a.end_utc, b.start_utc)
            if home_days:
                out.append(
                    ItineraryWarning(
                        "gap",
                        home_days[0],
                        home_days[1],
                        (a.place, b.place),
                        (a.id, b.id),
                        zone=itinerary.home_tz,
                    )
                )
            continue
        if a.end_utc != b.start_utc and not between:
            out.append(
                ItineraryWarning(
                    "missing_transit", a.last_date, b.first_date, (a.place, b.place), (a.id, b.id)
                )
            )
    for t in transits:
        # The stay she leaves may run on after departure, and the one she goes to may start before arrival
        # (the shared travel day): neither is a mismatch.
        leaving_from = [s for s in stays if s.start_utc < t.depart_utc <= s.end_utc]
        arriving_in = [s for s in stays if s.start_utc <= t.arrive_utc < s.end_utc]
        ends = (
            (t.depart_utc, t.from_place, t.from_tz, True, leaving_from, arriving_in, t.to_place, t.to_tz),
            (t.arrive_utc, t.to_place, t.to_tz, False, arriving_in, leaving_from, t.from_place, t.from_tz),
        )
        for instant, place, zone, leaving, covering, other_end, other_place, other_zone in ends:
            covering = [
                s for s in covering if not (s in other_end and _same_place(s, other_place, other_zone))
            ]
            if covering and not any(_same_place(s, place, zone) for s in covering):
                day = timezones.wall_at(instant, zone).date()
                out.append(
                    ItineraryWarning(
                        "transit_place",
                        day,
                        day,
                        (place, covering[0].place),
                        tuple(s.id for s in covering),
                        (t.id,),
                        transit=f"{t.kind} {t.ref}".strip(),
                        leaving=leaving,
                    )
                )
    return sorted(out, key=lambda w: (w.first_date, WARNING_KINDS.index(w.kind)))


def _transits_within(transits: list[TransitInfo], lo: datetime, hi: datetime) -> list[TransitInfo]:
    return [t for t in transits if t.depart_utc < hi and t.arrive_utc > lo]


def _home_dates(itinerary: Itinerary, start: datetime, end: datetime) -> tuple[date, date] | None:
    """The first and last home-zone dates of the time between `start` and `end` spent "at home"."""
    home = [seg for seg in itinerary.segments(start, end) if seg.where.at_home]
    if not home:
        return None
    zone = itinerary.home_tz
    first = timezones.wall_at(home[0].start, zone).date()
    last = timezones.wall_at(home[-1].end - timedelta(microseconds=1), zone).date()
    return first, last


def _same_place(stay: StayInfo, place: str, zone: str) -> bool:
    return stay.tz == zone or stay.city.casefold() == place.split(",")[0].strip().casefold()
