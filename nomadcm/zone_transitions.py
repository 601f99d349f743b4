"""Each zone's offset changes, read once per zone and year from the tzdata package and cached: the tables
`timezones.py` computes with (its `transitions`, `offset_span`, `resolve`, `localize`, `plain_instant`).

A wall time's two PEP 495 readings (`wall_offsets`) are a bisect over the wall-time spans the changes touch
(`wall_table`), as exact as asking zoneinfo (tests/test_timezones_cache.py checks every change of 1971-2100
of the zones known for their oddities against it). Imports nothing of NomadCM; only timezones.py uses it.
"""

from __future__ import annotations

import bisect
import functools
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo


class _Zone(ZoneInfo):
    """A zone read from the tzdata package. Pickles and deep-copies by name, as `ZoneInfo(key)` does (a zone
    built from a file would refuse)."""

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return load_zone, (str(self.key),)


@functools.cache
def load_zone(name: str) -> _Zone:
    """One zone object per canonical name, read like `zoneinfo` reads tzdata, skipping the system's files."""
    from importlib import resources

    *folders, file = name.split("/")
    package = ".".join(["tzdata.zoneinfo", *folders])
    with resources.files(package).joinpath(file).open("rb") as data:
        return _Zone.from_file(data, key=name)


# Offset changes are found by reading a zone's offset at each local midnight (zoneinfo answers that without
# building a datetime) and bisecting to the second where it differs. Exact as long as no zone changes its
# offset twice within one step: in tzdata the closest two changes of a zone from 1970 to 2100 are 7 days
# apart (tests/test_timezones_2100.py checks the installed release against its files).
SCAN_STEP = timedelta(days=1)


def zone_offsets(wall: datetime, tz: ZoneInfo) -> tuple[timedelta, timedelta]:
    """The UTC offsets of the wall time's two PEP 495 readings (equal unless it is in a gap or a fold)."""
    early = tz.utcoffset(wall.replace(fold=0) if wall.fold else wall)
    late = tz.utcoffset(wall.replace(fold=1))
    assert early is not None and late is not None
    return early, late


# Wall times of these local years read their offsets from the zone's cached transitions (`wall_table`);
# others ask zoneinfo (`zone_offsets`). `year_changes` is exact from 1970 (tests/test_timezones_2100.py),
# and a table of year Y reads the changes of Y - 1 to Y + 1.
TABLE_YEARS = range(1971, 9990)


def wall_offsets(wall: datetime, name: str) -> tuple[timedelta, timedelta]:
    """`zone_offsets` of a naive wall time in canonical zone `name`, by a bisect over the zone's transitions.

    Around a change from offset `before` to `after` at instant T, the wall times in [T + min, T + max) are
    the gap (after > before) or the doubled hour (after < before): there, PEP 495's fold=0 reading takes
    `before` and fold=1 takes `after`, as zoneinfo does; everywhere else both take the offset in force."""
    if wall.year not in TABLE_YEARS:
        return zone_offsets(wall, load_zone(name))
    lows, highs, offsets = wall_table(name, wall.year)
    i = bisect.bisect_right(lows, wall)
    if i and wall < highs[i - 1]:
        return offsets[i - 1], offsets[i]
    return offsets[i], offsets[i]


@functools.lru_cache(maxsize=4096)
def wall_table(
    name: str, year: int
) -> tuple[tuple[datetime, ...], tuple[datetime, ...], tuple[timedelta, ...]]:
    """Zone `name`'s offset changes from UTC year `year - 1` to `year + 1` (those a wall time of local year
    `year` can meet: a clock is less than a day from UTC) as (lows, highs, offsets): change i touches the
    naive wall times [lows[i], highs[i]); offsets[i] is in force before it and offsets[i + 1] after it.
    Built once per zone and year from `year_changes` (the table `transitions` and `offset_span` read)."""
    changes = [c for y in range(year - 1, year + 2) for c in year_changes(name, y)]
    if not changes:  # one offset over the three years
        offset = load_zone(name).utcoffset(datetime(year, 7, 1))
        assert offset is not None
        return (), (), (offset,)
    naive = [(moment.replace(tzinfo=None), before, after) for moment, before, after in changes]
    lows = tuple(t + min(before, after) for t, before, after in naive)
    highs = tuple(t + max(before, after) for t, before, after in naive)
    return lows, highs, (changes[0][1], *[after for _t, _b, after in changes])


@functools.lru_cache(maxsize=16_384)
def year_changes(name: str, year: int) -> tuple[tuple[datetime, timedelta, timedelta], ...]:
    """Offset changes of zone `name` during UTC year `year`: (instant, offset before, offset after).

    Cached: the rules are fixed for the life of the process. A change shows as the first wall time whose
    (fold=0) offset is the new one: the end of the gap, or of the repeated hour, so the instant is that wall
    time read with the larger of the two offsets."""
    if not 2 <= year <= 9997:
        return ()
    tz = load_zone(name)
    start, end = datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)
    wall, last = datetime(year - 1, 12, 31), datetime(year + 1, 1, 2)  # the UTC year, seen on any clock
    before = tz.utcoffset(wall)
    found: list[tuple[datetime, timedelta, timedelta]] = []
    while wall < last:
        step = wall + SCAN_STEP
        if tz.utcoffset(step) == before:
            wall = step
            continue
        wall = first_wall_after(wall, step, tz)
        after = tz.utcoffset(wall)
        assert before is not None and after is not None
        moment = (wall - max(before, after)).replace(tzinfo=UTC)
        if start <= moment < end:
            found.append((moment, before, after))
        before = after
    return tuple(found)


def first_wall_after(lo: datetime, hi: datetime, tz: ZoneInfo) -> datetime:
    """The first whole second of wall time in (lo, hi] whose offset differs from lo's (one exists)."""
    before = tz.utcoffset(lo)
    a, b = 0, int((hi - lo).total_seconds())
    while b - a > 1:
        mid = (a + b) // 2
        if tz.utcoffset(lo + timedelta(seconds=mid)) != before:
            b = mid
        else:
            a = mid
    return lo + timedelta(seconds=b)
