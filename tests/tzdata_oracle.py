"""The oracle of the time-zone tests: stdlib zoneinfo reading only the tzdata package (the rules
nomadcm/timezones.py reads), never the system's /usr/share/zoneinfo. A test module imports both names:
`tzdata_only` (an autouse, module-scoped fixture) and `zi`."""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest


@pytest.fixture(scope="module", autouse=True)
def tzdata_only() -> Iterator[None]:
    """zoneinfo reads only the tzdata package during the module that imports this fixture."""
    saved = zoneinfo.TZPATH
    zoneinfo.reset_tzpath(to=[])
    ZoneInfo.clear_cache()
    try:
        yield
    finally:
        zoneinfo.reset_tzpath(to=list(saved))
        ZoneInfo.clear_cache()


def zi(name: str) -> ZoneInfo:
    assert zoneinfo.TZPATH == (), "the oracle must read only the tzdata package"
    return ZoneInfo(name)


def zoneinfo_changes(
    name: str, start: datetime, end: datetime, step: timedelta
) -> list[tuple[datetime, timedelta, timedelta]]:
    """(instant, offset before, offset after) of the zone's offset changes in [start, end), found with zoneinfo
    alone: a scan every `step` (shorter than the closest two changes), then a bisect to the second."""
    zone = zi(name)
    t = start
    before = t.astimezone(zone).utcoffset()
    found = []
    while t < end:
        nxt = t + step
        after = nxt.astimezone(zone).utcoffset()
        if after != before:
            assert before is not None and after is not None
            found.append((offset_change(zone, int(t.timestamp()), int(nxt.timestamp())), before, after))
            before = after
        t = nxt
    return found


def offset_change(zone: ZoneInfo, lo: int, hi: int) -> datetime:
    """The instant, to the second, where the zone's offset at `lo` (a POSIX time) stops holding before `hi`
    (one change between them): a bisect with zoneinfo alone."""
    before = datetime.fromtimestamp(lo, UTC).astimezone(zone).utcoffset()
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if datetime.fromtimestamp(mid, UTC).astimezone(zone).utcoffset() != before:
            hi = mid
        else:
            lo = mid
    return datetime.fromtimestamp(hi, UTC)
