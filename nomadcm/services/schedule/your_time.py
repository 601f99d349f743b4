"""Your time: where the CM is at an instant and what her clock shows — the one answer every view gives.

`YourTime.at(utc)` is the only caller of `Itinerary.where` for a post: the schedule query fills every row's
`cm` / `cm_wall` through it, and the post dialog's live line asks it for the instant being typed. So the
Schedule, the Calendar's "my time" lens, the exports and the conflict check can never disagree about a post
(a post during a flight is at the departure zone's time, `cm.in_transit` set).

Answers come by stretches: between two itinerary edges the place does not change, and between two DST
changes of that place's zone the offset does not either, so rows that arrive in time order cost an
addition each; an instant outside the current stretch finds its own with two bisects.
"""

from __future__ import annotations

import bisect
from datetime import UTC, datetime, timedelta

from nomadcm import timezones
from nomadcm.services.travel.itinerary import Itinerary, Whereabouts

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


def _aware(naive: datetime) -> datetime:
    return naive.replace(tzinfo=UTC)
