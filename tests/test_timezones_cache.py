"""The per-zone transition cache (nomadcm/zone_transitions.py `wall_table`, which timezones.py reads: a wall
time's offsets by a bisect over the zone's cached transitions) against the oracle: stdlib zoneinfo reading
only the tzdata package, with
PEP 495's fold=0/1 and the gap rules timezones.py documents (a typed time in a gap is refused and the first
valid time proposed; a generated one moves past the gap by its length, RFC 5545).

Every transition of 1971-2100 of the zones named below is checked at its edges, then hypothesis draws wall
times over 1970-2100 in every common zone and near the transitions of the named ones. Pacific/Apia skipped
30 December 2011 (a 24-hour gap), Australia/Lord_Howe moves by 30 minutes, America/Sao_Paulo had DST at
midnight until 2019, Europe/Dublin's DST is negative in tzdata (winter is the "saving" time).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from nomadcm import timezones, zone_transitions
from tests.tzdata_oracle import offset_change, tzdata_only, zi, zoneinfo_changes  # noqa: F401 (tzdata_only: autouse fixture)

EDGE_ZONES = (
    "Pacific/Apia",
    "Australia/Lord_Howe",
    "America/Sao_Paulo",
    "Europe/Dublin",
    "Europe/Paris",
    "America/Santiago",
    "America/Havana",
    "Pacific/Chatham",
    "Africa/Casablanca",
    "Antarctica/Troll",
    "Europe/Moscow",
    "America/St_Johns",
)
ALL_ZONES = tuple(sorted(timezones.zone_names()))
PROPERTY = settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SECOND = timedelta(seconds=1)


def oracle_changes(
    name: str, first: int = 1971, last: int = 2100
) -> list[tuple[datetime, timedelta, timedelta]]:
    """(instant, offset before, offset after) of the zone's offset changes, found with zoneinfo alone: a scan
    every 6 hours (no zone changes twice within a week), then a bisect to the second."""
    start, end = datetime(first, 1, 1, tzinfo=UTC), datetime(last + 1, 1, 1, tzinfo=UTC)
    return zoneinfo_changes(name, start, end, timedelta(hours=6))


def oracle_meanings(wall: datetime, name: str) -> list[datetime]:
    """The instants whose wall time in `name` is `wall`, earliest first: none in a gap, two in a fold."""
    zone = zi(name)
    found = set()
    for fold in (0, 1):
        instant = wall.replace(tzinfo=zone, fold=fold).astimezone(UTC)
        if instant.astimezone(zone).replace(tzinfo=None) == wall:
            found.add(instant)
    return sorted(found)


def oracle_gap(wall: datetime, name: str) -> tuple[datetime, datetime]:
    """(first missing wall time, first valid wall time after it) of the gap holding `wall`: the change lies
    between the fold=1 and the fold=0 readings of `wall` (PEP 495); found there to the second."""
    zone = zi(name)
    lo = int(wall.replace(tzinfo=zone, fold=1).timestamp())
    hi = int(wall.replace(tzinfo=zone, fold=0).timestamp())
    before = datetime.fromtimestamp(lo, UTC).astimezone(zone).utcoffset()
    change = offset_change(zone, lo, hi)
    assert before is not None
    start = (change + before).replace(tzinfo=None)
    return start, change.astimezone(zone).replace(tzinfo=None)


def check_against_oracle(wall: datetime, name: str, fold: int) -> None:
    """Every outcome of the wall -> instant functions for `wall` in `name`, as zoneinfo says."""
    zone = zi(name)
    early = wall.replace(tzinfo=zone, fold=0).utcoffset()
    late = wall.replace(tzinfo=zone, fold=1).utcoffset()
    assert zone_transitions.wall_offsets(wall, name) == (early, late), (wall, name)
    meanings = oracle_meanings(wall, name)
    assert timezones.plain_instant(wall, name) == (meanings[0] if len(meanings) == 1 else None)
    res = timezones.resolve(wall, name, fold)
    if not meanings:  # a gap: refused when typed, moved past by its length when generated
        start, end = oracle_gap(wall, name)
        assert res.instant is None and res.gap == timezones.Gap(name, start, end)
        with pytest.raises(timezones.NonExistentTimeError) as refused:
            timezones.localize(wall, name, fold)
        assert refused.value.gap.end == end
        assert f"first valid time is {end:%Y-%m-%d %H:%M}" in str(refused.value)
        shifted, gap = timezones.localize_shifting_gaps(wall, name, fold)
        assert gap == res.gap
        assert shifted == (wall + (end - start)).replace(tzinfo=zone).astimezone(UTC)
        assert shifted == wall.replace(tzinfo=zone, fold=0).astimezone(UTC)  # RFC 5545 = PEP 495's fold=0
        return
    assert res.gap is None
    expected = meanings[fold] if len(meanings) == 2 else meanings[0]
    assert res.instant == expected == wall.replace(tzinfo=zone, fold=fold).astimezone(UTC)
    assert res.ambiguous == (len(meanings) == 2)
    if res.ambiguous:
        assert (res.fold, res.other_instant) == (fold, meanings[1 - fold])
    assert timezones.localize(wall, name, fold) == expected
    assert timezones.localize_shifting_gaps(wall, name, fold) == (expected, None)


@pytest.mark.parametrize("name", EDGE_ZONES)
def test_every_transition_edge_of_1971_to_2100_resolves_as_zoneinfo_says(name: str) -> None:
    changes = oracle_changes(name)
    assert changes, f"{name} has no change to check"
    for moment, before, after in changes:
        at = moment.replace(tzinfo=None)
        low, high = at + min(before, after), at + max(before, after)
        edges = {low - SECOND, low, low + SECOND, low + (high - low) / 2, high - SECOND, high, high + SECOND}
        for wall in edges | {low - timedelta(hours=1), high + timedelta(hours=1), at - timedelta(days=1)}:
            for fold in (0, 1):
                check_against_oracle(wall, name, fold)


def test_the_named_cases_come_out_of_the_table() -> None:
    """What the zones below are known for, read through the cache: Apia has no 30 December 2011, Lord Howe
    gains 30 minutes, Dublin's winter clocks are an hour behind its summer ones."""
    gap = timezones.resolve(datetime(2011, 12, 30, 12, 0), "Pacific/Apia").gap
    assert gap == timezones.Gap("Pacific/Apia", datetime(2011, 12, 30), datetime(2011, 12, 31))
    lord_howe = zone_transitions.wall_offsets(datetime(2024, 4, 7, 1, 45), "Australia/Lord_Howe")
    assert lord_howe == (timedelta(hours=11), timedelta(hours=10, minutes=30))
    dublin = timezones.resolve(datetime(2024, 10, 27, 1, 30), "Europe/Dublin", fold=1)
    assert dublin.ambiguous and dublin.instant == datetime(2024, 10, 27, 1, 30, tzinfo=UTC)


@st.composite
def walls_near_transitions(draw: st.DrawFn) -> tuple[datetime, str]:
    name = draw(st.sampled_from(EDGE_ZONES))
    moment, before, _after = draw(st.sampled_from(_changes(name)))
    wall = (moment + before).replace(tzinfo=None)
    return wall + timedelta(minutes=draw(st.integers(-1500, 1500)), seconds=draw(st.integers(0, 59))), name


_CHANGES: dict[str, list[tuple[datetime, timedelta, timedelta]]] = {}


def _changes(name: str) -> list[tuple[datetime, timedelta, timedelta]]:
    if name not in _CHANGES:
        _CHANGES[name] = oracle_changes(name, 1970, 2100)
    return _CHANGES[name]


walls = st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2100, 12, 30, 23, 59, 59, 999_999))


@PROPERTY
@given(
    case=st.one_of(walls_near_transitions(), st.tuples(walls, st.sampled_from(ALL_ZONES))),
    fold=st.sampled_from([0, 1]),
)
@example(case=(datetime(2011, 12, 30, 0, 0), "Pacific/Apia"), fold=0)
@example(case=(datetime(2011, 12, 29, 23, 59, 59), "Pacific/Apia"), fold=1)
@example(case=(datetime(2019, 2, 16, 23, 30), "America/Sao_Paulo"), fold=1)
@example(case=(datetime(2018, 11, 4, 0, 15), "America/Sao_Paulo"), fold=0)
@example(case=(datetime(2100, 10, 31, 1, 59, 59), "Europe/Dublin"), fold=1)
@example(case=(datetime(1970, 6, 1, 12, 0), "Europe/Dublin"), fold=0)
def test_wall_times_of_1970_to_2100_resolve_as_zoneinfo_says(case: tuple[datetime, str], fold: int) -> None:
    wall, name = case
    check_against_oracle(wall, name, fold)


def test_the_table_is_built_once_per_zone_and_year() -> None:
    """The point of the cache: 10,000 wall times of one zone and year read one table."""
    zone_transitions.wall_table.cache_clear()
    for minute in range(10_000):
        timezones.resolve(datetime(2030, 3, 1) + timedelta(minutes=37 * minute), "Australia/Lord_Howe")
    info = zone_transitions.wall_table.cache_info()
    assert (info.misses, info.hits) == (1, 9_999)
