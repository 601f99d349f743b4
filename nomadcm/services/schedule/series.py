"""Occurrences and series: one time a post goes out, and a recurring post with its exceptions, expanded.

A recurring post is one `post` row with `rrule` set. Its occurrences are generated, never stored: `Series`
expands its rule on wall times (services/schedule/recurrence_expansion.py) and applies what the user changed
about single occurrences. Those exceptions live in `post_occurrence` (models/publishing.py), keyed by the
generated wall time (`series_wall`), so they survive every re-expansion.

Loading series is services/schedule/occurrences.py, listing posts in a range is the schedule query
(services/schedule/query.py); editing one occurrence, this and following, or all is
services/schedule/occurrence_edits.py. An open-ended series in an open-ended listing stops at a horizon
(`OPEN_SERIES_HORIZON` after now or after its start), so a listing is never infinite.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from nomadcm import timezones
from nomadcm.services.schedule.recurrence_expansion import (
    Generated,
    generates,
    wall_instants,
    zone_clock,
)
from nomadcm.services.schedule.recurrence_rule import RecurrenceRule

if TYPE_CHECKING:
    from nomadcm.services.travel.itinerary import Whereabouts

OPEN_SERIES_HORIZON = timedelta(days=366)


@dataclass(slots=True)
class Occurrence:
    """One time a post goes out: a single post, or one occurrence of a recurring one.

    Not frozen on purpose: listings build tens of thousands of them and a frozen dataclass's __init__ is
    twice as slow. Treat it as a value all the same.
    """

    post_id: int
    utc: datetime
    wall: datetime
    tz: str
    fold: int
    status: str
    text: str
    link: str
    tags: str  # comma-joined, as stored
    channel_id: int
    client_id: int
    client_name: str
    colour: str
    network: str
    handle: str
    series_wall: datetime | None = None  # None: a single post; else the occurrence's identity in its series
    gap_shifted: bool = False  # moved past a DST gap (RFC 5545)
    moved: bool = False  # this occurrence alone was moved
    edited: bool = False  # this occurrence alone differs from its series (text, link, status or time)
    # "Your time", filled by the schedule query (services/schedule/your_time.py) and nothing else.
    cm: Whereabouts | None = None
    cm_wall: datetime | None = None  # naive, in cm.zone
    assignee_id: int | None = None  # team mode: whose post it is ("your time" is hers)

    @property
    def recurring(self) -> bool:
        return self.series_wall is not None

    @property
    def tag_list(self) -> tuple[str, ...]:
        return tuple(t for t in self.tags.split(",") if t)

    @property
    def tz_abbr(self) -> str:
        return timezones.abbreviation(self.utc, self.tz)

    @property
    def cm_zone(self) -> str:
        assert self.cm is not None, "listed outside the schedule query"
        return self.cm.zone

    @property
    def cm_abbr(self) -> str:
        return timezones.abbreviation(self.utc, self.cm_zone)

    @property
    def in_transit(self) -> bool:
        return self.cm is not None and self.cm.in_transit

    @property
    def key(self) -> tuple[datetime, int]:
        return (self.utc, self.post_id)


@dataclass(frozen=True)
class OverrideInfo:
    series_wall: datetime
    deleted: bool = False
    wall: datetime | None = None
    fold: int = 0
    text: str | None = None
    link: str | None = None
    status: str | None = None


@dataclass
class Series:
    """A recurring post with its exceptions, ready to expand."""

    post_id: int
    rule: RecurrenceRule
    dtstart: datetime
    tz: str
    fold: int
    status: str
    text: str
    link: str
    tags: str
    channel_id: int
    client_id: int
    client_name: str
    colour: str
    network: str
    handle: str
    first_utc: datetime
    overrides: dict[datetime, OverrideInfo] = field(default_factory=dict)
    assignee_id: int | None = None

    def horizon(self, now: datetime) -> datetime:
        return max(now, self.first_utc) + OPEN_SERIES_HORIZON

    def occurrences(
        self, start: datetime | None = None, end: datetime | None = None, include_deleted: bool = False
    ) -> Iterator[Occurrence]:
        """Occurrences with start <= utc < end in instant order, exceptions applied."""
        gen = self._generate(start, end, include_deleted)
        moved = sorted(
            (o for o in self._moved() if (start is None or o.utc >= start) and (end is None or o.utc < end)),
            key=lambda o: o.utc,
        )
        return heapq.merge(gen, moved, key=lambda o: o.utc) if moved else gen

    def _generate(
        self, start: datetime | None, end: datetime | None, include_deleted: bool
    ) -> Iterator[Occurrence]:
        """The expansion with the exceptions applied: the hot path of every listing (a year of daily posts for
        200 series is 73,000 occurrences), so the series' fields are read once into locals."""
        overrides = self.overrides
        pid, tz, dtstart, series_fold = self.post_id, self.tz, self.dtstart, self.fold
        status, text, link, tags = self.status, self.text, self.link, self.tags
        channel_id, client_id, client_name = self.channel_id, self.client_id, self.client_name
        colour, network, handle, assignee_id = self.colour, self.network, self.handle, self.assignee_id
        for wall, instant, shown, shifted in wall_instants(self.rule, dtstart, tz, series_fold, start, end):
            if overrides and wall in overrides:
                o = self._from_generated(
                    Generated(wall, instant, shown, shifted), keep_deleted=include_deleted
                )
                if o is not None:
                    yield o
                continue
            yield Occurrence(
                pid,
                instant,
                shown,
                tz,
                series_fold if wall == dtstart else 0,
                status,
                text,
                link,
                tags,
                channel_id,
                client_id,
                client_name,
                colour,
                network,
                handle,
                wall,
                shifted,
                assignee_id=assignee_id,
            )

    def occurrence_at(self, series_wall: datetime) -> Occurrence | None:
        """The occurrence whose identity is `series_wall` (deleted ones too), or None."""
        ov = self.overrides.get(series_wall)
        if ov is not None and ov.wall is not None:
            # moved: listed only while the rule still makes its original (a split can end the series first)
            return self._moved_one(ov) if self._still_in_series(series_wall) else None
        if not generates(self.rule, self.dtstart, series_wall):
            return None
        fold = self.fold if series_wall == self.dtstart else 0
        instant, shifted = zone_clock(self.tz).instant(series_wall, fold)
        if self.rule.until is not None and instant > self.rule.until:
            return None
        wall = timezones.wall_at(instant, self.tz) if shifted else series_wall
        return self._from_generated(Generated(series_wall, instant, wall, shifted), keep_deleted=True)

    def _from_generated(self, g: Generated, keep_deleted: bool = False) -> Occurrence | None:
        ov = self.overrides.get(g.series_wall)
        if ov is None:
            return Occurrence(
                self.post_id,
                g.utc,
                g.wall,
                self.tz,
                self.fold if g.series_wall == self.dtstart else 0,
                self.status,
                self.text,
                self.link,
                self.tags,
                self.channel_id,
                self.client_id,
                self.client_name,
                self.colour,
                self.network,
                self.handle,
                g.series_wall,
                g.gap_shifted,
                assignee_id=self.assignee_id,
            )
        if ov.wall is not None:
            return None  # listed at its new time by _moved()
        if ov.deleted and not keep_deleted:
            return None
        return self._overridden(ov, g.utc, g.wall, 0, g.gap_shifted, moved=False)

    def _moved(self) -> Iterator[Occurrence]:
        for ov in self.overrides.values():
            if ov.wall is not None and not ov.deleted and self._still_in_series(ov.series_wall):
                yield self._moved_one(ov)

    def _moved_one(self, ov: OverrideInfo) -> Occurrence:
        assert ov.wall is not None
        instant, shifted = (
            zone_clock(self.tz).instant(ov.wall, ov.fold)
            if ov.fold == 0
            else (timezones.localize_shifting_gaps(ov.wall, self.tz, ov.fold)[0], False)
        )
        wall = timezones.wall_at(instant, self.tz) if shifted else ov.wall
        return self._overridden(ov, instant, wall, ov.fold, shifted, moved=True)

    def _overridden(
        self, ov: OverrideInfo, utc: datetime, wall: datetime, fold: int, shifted: bool, moved: bool
    ) -> Occurrence:
        """An occurrence changed on its own: the override's text, link and status over the series'."""
        return Occurrence(
            self.post_id,
            utc,
            wall,
            self.tz,
            fold,
            _DELETED if ov.deleted else (ov.status or self.status),
            _or(ov.text, self.text),
            _or(ov.link, self.link),
            self.tags,
            self.channel_id,
            self.client_id,
            self.client_name,
            self.colour,
            self.network,
            self.handle,
            ov.series_wall,
            shifted,
            moved,
            True,
            assignee_id=self.assignee_id,
        )

    def _still_in_series(self, series_wall: datetime) -> bool:
        cache = self.__dict__.setdefault("_membership", {})
        if series_wall not in cache:
            ok = generates(self.rule, self.dtstart, series_wall)
            if ok and self.rule.until is not None:
                ok = zone_clock(self.tz).instant(series_wall)[0] <= self.rule.until
            cache[series_wall] = ok
        return bool(cache[series_wall])


_DELETED = "deleted"  # status of a deleted occurrence, only ever seen with include_deleted=True


def _or(value: str | None, default: str) -> str:
    return default if value is None else value
