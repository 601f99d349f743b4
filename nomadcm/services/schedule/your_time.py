"""Your time: where the CM is at an instant and what her clock shows — the one answer every view gives.

`YourTime.at(utc)` is the only caller of `Itinerary.where` for a post: the schedule query fills every row's
`cm` / `cm_wall` through it, and the post dialog's live line asks it for the instant being typed. So the
Schedule, the Calendar's "my time" lens, the exports and the conflict check can never disagree about a post
(a post during a flight is at the departure zone's time, `cm.in_transit` set).

In team mode (issue 13) a post's "your time" is its assignee's: her itinerary, her home zone (an unassigned
post: the viewer's). `Itineraries` loads each person's itinerary once per listing and `YourTimes` keeps one
`YourTime` per person, so rows of several people still cost an addition each.

Answers come by stretches: between two itinerary edges the place does not change, and between two DST
changes of that place's zone the offset does not either, so rows that arrive in time order cost an
addition each; an instant outside the current stretch finds its own with two bisects.
"""

from __future__ import annotations

import bisect
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from nomadcm import timezones
from nomadcm.services.acting import ACTING, MemberRef, member_of
from nomadcm.services.travel.itinerary import Itinerary, Whereabouts, load_itinerary

if TYPE_CHECKING:
    from nomadcm.storage import Database

_MIN, _MAX = datetime.min, datetime.max


class YourTime:
    def __init__(self, itinerary: Itinerary) -> None:
        self.itinerary = itinerary
        self._edges = [e.replace(tzinfo=None) for e in itinerary.boundaries(_aware(_MIN), _aware(_MAX))]
        self._lo, self._hi = _MAX, _MIN  # empty stretch: the first call looks up
        self._where: Whereabouts = Whereabouts(itinerary.home_tz, "", at_home=True)
        self._offset = timedelta(0)

    def at(self, utc: datetime) -> tuple[Whereabouts, datetime]:
        """(where she is, her naive wall time) at the aware UTC instant `utc`."""
        naive = utc.replace(tzinfo=None)
        if not (self._lo <= naive < self._hi):
            self._locate(utc, naive)
        try:
            return self._where, naive + self._offset
        except OverflowError:  # a post an older NomadCM stored in year 9999 or 1: shown, never exported
            return self._where, _MAX if self._offset > timedelta(0) else _MIN  # (stored_rows.py skips it)

    def zone_at(self, utc: datetime) -> str:
        return self.at(utc)[0].zone

    def _locate(self, utc: datetime, naive: datetime) -> None:
        where = self.itinerary.where(utc)
        k = bisect.bisect_right(self._edges, naive)
        lo = self._edges[k - 1] if k else _MIN
        hi = self._edges[k] if k < len(self._edges) else _MAX
        zlo, zhi, offset = timezones.offset_span(naive, where.zone)
        self._lo, self._hi = max(lo, zlo), min(hi, zhi)
        self._where, self._offset = where, offset


class Itineraries:
    """The itineraries one listing reads, each loaded once: the viewer's (`viewer`, default whoever the
    handle acts for) and, in team mode, each assignee's. `fixed`: one itinerary for every row (a lens: the
    day view shows every post at the viewer's time)."""

    def __init__(self, db: Database, viewer: MemberRef = ACTING, fixed: Itinerary | None = None) -> None:
        self.db = db
        self.viewer_id = member_of(db, viewer) if fixed is None else fixed.member_id
        self.fixed = fixed
        self._loaded: dict[int | None, Itinerary] = {} if fixed is None else {self.viewer_id: fixed}

    @property
    def viewer(self) -> Itinerary:
        return self.of(None)

    def of(self, member_id: int | None) -> Itinerary:
        """`member_id`'s itinerary (None: the viewer's); with `fixed`, that one for everybody."""
        if self.fixed is not None:
            return self.fixed
        key = self.viewer_id if member_id is None else member_id
        found = self._loaded.get(key)
        if found is None:
            found = self._loaded[key] = load_itinerary(self.db, member=key)
        return found

    def loaded(self) -> list[Itinerary]:
        """Every itinerary read so far (the conflicts check looks a transit up among them)."""
        return list(self._loaded.values())


class YourTimes:
    """ "Your time" for rows of several people: `at(utc, assignee)` answers on the assignee's clock (None: the
    viewer's), one `YourTime` sweep per person."""

    def __init__(self, itineraries: Itineraries) -> None:
        self.itineraries = itineraries
        self._viewer = itineraries.viewer_id
        self._clocks: dict[int | None, YourTime] = {}

    def at(self, utc: datetime, member_id: int | None = None) -> tuple[Whereabouts, datetime]:
        return self.clock(member_id).at(utc)

    def clock(self, member_id: int | None = None) -> YourTime:
        """`member_id`'s sweep (None: the viewer's): a stream of rows asks once per change of assignee."""
        key = self._viewer if member_id is None or self.itineraries.fixed is not None else member_id
        clock = self._clocks.get(key)
        if clock is None:
            clock = self._clocks[key] = YourTime(self.itineraries.of(key))
        return clock


def _aware(naive: datetime) -> datetime:
    return naive.replace(tzinfo=UTC)
