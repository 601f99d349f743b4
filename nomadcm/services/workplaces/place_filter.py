"""The filters over the place catalog: what the user asked for, turned into one predicate per search.

A filter runs in memory over the snapshot of `place_catalog` (a slider move re-runs it on every place), so
`prepare` builds the predicate once, cheapest tests first, and remembers each zone's wall time and each
opening-hours answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from nomadcm import timezones
from nomadcm.services.travel.cities import fold
from nomadcm.services.workplaces.opening_hours import HoursState
from nomadcm.services.workplaces.place_catalog import PlaceInfo
from nomadcm.services.workplaces.place_geo import city_key


@dataclass(frozen=True)
class PlaceFilter:
    """What the user asked for. `open_at`: an aware instant is read on each place's own clock ("open at
    the time of this post"); a naive wall time is each place's local time (`place list --open-at`).
    Only places whose state then is *open* are kept; `include_unknown` keeps those whose state is
    unknown too (hours not given, not understood, "on request", an open end): unknown is never open."""

    text: str = ""
    city: str = ""
    kind: str = ""
    min_down: float | None = None
    open_at: datetime | None = None
    min_power: int | None = None
    min_quiet: int | None = None
    favourites: bool = False
    include_unknown: bool = False  # with open_at: keep the places whose state is unknown too

    @property
    def active(self) -> bool:
        return self != PlaceFilter()

    def prepare(self) -> Callable[[PlaceInfo], bool]:
        """A predicate for this filter. It caches each zone's wall time, so call it on many places."""
        tests: list[Callable[[PlaceInfo], bool]] = []
        if self.favourites:
            tests.append(lambda p: p.favourite)
        if self.kind:
            kind = self.kind
            tests.append(lambda p: p.kind == kind)
        if self.city:
            city = city_key(self.city)
            tests.append(lambda p: city_key(p.city, p.country) == city)
        if self.min_down is not None and self.min_down > 0:
            floor = self.min_down
            tests.append(lambda p: p.speed.down_mbps is not None and p.speed.down_mbps >= floor)
        if self.min_power is not None and self.min_power > 0:
            power = self.min_power
            tests.append(lambda p: p.score_power is not None and p.score_power >= power)
        if self.min_quiet is not None and self.min_quiet > 0:
            quiet = self.min_quiet
            tests.append(lambda p: p.score_quiet is not None and p.score_quiet >= quiet)
        if self.text.strip():
            words = fold(self.text).split()
            tests.append(lambda p: all(w in p.search_key for w in words))
        if self.open_at is not None:  # last: the dearest test runs on the fewest places
            tests.append(_open_test(self.open_at, self.include_unknown))

        def keep(p: PlaceInfo) -> bool:
            for test in tests:  # noqa: SIM110 - a plain loop: no generator object per place
                if not test(p):
                    return False
            return True

        return keep


def _open_test(when: datetime, include_unknown: bool = False) -> Callable[[PlaceInfo], bool]:
    """Open (or, with `include_unknown`, open or unknown) at `when`, remembered per (expression, wall
    time): places that share their hours and zone (most of a city's cafés) are evaluated once."""
    memo: dict[tuple[object, datetime], bool] = {}
    walls: dict[str, datetime] = {}
    kept = {HoursState.OPEN, HoursState.UNKNOWN} if include_unknown else {HoursState.OPEN}

    def test(p: PlaceInfo) -> bool:
        if when.tzinfo is None:
            wall = when
        elif not p.tz:
            return include_unknown  # no zone, no local clock: unknown, never open
        else:
            wall = walls.get(p.tz)  # type: ignore[assignment]
            if wall is None:
                wall = walls[p.tz] = timezones.wall_at(when, p.tz)
        hours = p.hours
        key = (hours.key, wall)
        found = memo.get(key)
        if found is None:
            found = memo[key] = hours.state_at_wall(wall) in kept
        return found

    return test
