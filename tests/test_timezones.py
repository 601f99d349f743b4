"""nomadcm/timezones.py against an oracle: stdlib zoneinfo fed only by the tzdata PyPI package.

timezones.py reads its rules from the same package (through zoneinfo), so the oracle checks what it builds on
top of them — gaps, folds, transitions, day spans — over 1971-2100; tests/test_timezones_2100.py covers the
years past pytz's 2037 horizon and the named cases of issue 11.

Zones covered on purpose: half-hour and 45-minute offsets (Kolkata, Kathmandu, Adelaide, St John's, Lord Howe
with its 30-minute DST, Eucla, Chatham), southern-hemisphere DST (Sydney, Auckland, Santiago), zones whose
rules changed (Moscow 2011/2014, Sao Paulo without DST since 2019, Apia skipping 30 Dec 2011, Casablanca's
Ramadan DST, Istanbul 2016, Pyongyang 2015/2018, Caracas), DST at midnight (Havana, Santiago) and Dublin's
negative DST. The uniform properties draw from every common zone.
"""

from __future__ import annotations

import functools
import zoneinfo
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import tzdata
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from nomadcm import timezones
from nomadcm.errors import TimeError, ValidationError
from tests.tzdata_oracle import tzdata_only, zi, zoneinfo_changes  # noqa: F401 (tzdata_only: autouse fixture)

YEAR_MIN = 1971
YEAR_MAX = 2100  # instants are exact to 2100 (pytz's tables, used before, stopped at 2037)

NAMED_ZONES = (
    "Europe/Paris",
    "America/Toronto",
    "America/New_York",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Australia/Adelaide",
    "America/St_Johns",
    "Australia/Lord_Howe",
    "Australia/Eucla",
    "Pacific/Chatham",
    "Australia/Sydney",
    "Pacific/Auckland",
    "America/Santiago",
    "Europe/Moscow",
    "America/Sao_Paulo",
    "Pacific/Apia",
    "Africa/Casablanca",
    "Europe/Istanbul",
    "Asia/Pyongyang",
    "America/Caracas",
    "America/Havana",
    "Europe/Dublin",
    "Asia/Tehran",
    "Antarctica/Troll",
    "Indian/Antananarivo",
)
# Every common zone, Africa/Monrovia included (-00:44:30 until 1972, which pytz rounded to whole minutes).
ALL_ZONES = tuple(sorted(timezones.zone_names()))

PROPERTY = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ---------------------------------------------------------------------- the oracle


@functools.cache
def oracle_transitions(name: str) -> tuple[tuple[datetime, timedelta, timedelta], ...]:
    """(instant, offset before, offset after) of every offset change in [YEAR_MIN, YEAR_MAX], from zoneinfo.

    Sampled every two days: no zone changes its offset twice within a week in 1970-2100 (test_timezones_2100.py
    checks that on the tzdata files)."""
    start, end = datetime(YEAR_MIN, 1, 1, tzinfo=UTC), datetime(YEAR_MAX + 1, 1, 1, tzinfo=UTC)
    return tuple(zoneinfo_changes(name, start, end, timedelta(days=2)))


def oracle_meanings(wall: datetime, name: str) -> list[datetime]:
    """The instants whose local time in `name` is `wall`, earliest first: [] in a gap, two in a fold."""
    zone = zi(name)
    found = set()
    for fold in (0, 1):
        instant = wall.replace(tzinfo=zone, fold=fold).astimezone(UTC)
        if instant.astimezone(zone).replace(tzinfo=None) == wall:
            found.add(instant)
    return sorted(found)


def oracle_fold_instant(wall: datetime, name: str, fold: int) -> datetime:
    """zoneinfo's PEP 495 reading of `wall` (in a gap, fold=0 uses the offset before the jump)."""
    return wall.replace(tzinfo=zi(name), fold=fold).astimezone(UTC)


# ---------------------------------------------------------------------- strategies

zones = st.sampled_from(ALL_ZONES)
named_zones = st.sampled_from(NAMED_ZONES)
instants = st.datetimes(
    min_value=datetime(YEAR_MIN, 1, 1),
    max_value=datetime(YEAR_MAX, 12, 31, 23, 59, 59),
    timezones=st.just(UTC),
)
walls = st.datetimes(min_value=datetime(YEAR_MIN, 1, 2), max_value=datetime(YEAR_MAX, 12, 30))


@st.composite
def walls_near_transitions(draw: st.DrawFn) -> tuple[str, datetime]:
    """A zone and a wall time within a few hours of one of its transitions (where gaps and folds live)."""
    name = draw(named_zones)
    found = oracle_transitions(name)
    assume(found)
    instant, before, _after = draw(st.sampled_from(found))
    wall = (instant + before).replace(tzinfo=None)  # the local time the clocks showed when they changed
    minutes = draw(st.integers(-180, 180))
    seconds = draw(st.sampled_from([0, 0, 0, 1, 59]))
    return name, wall + timedelta(minutes=minutes, seconds=seconds)


any_wall = st.one_of(walls_near_transitions(), st.tuples(zones, walls))


# ---------------------------------------------------------------------- release check


def test_rules_come_from_the_tzdata_package() -> None:
    assert timezones.rules_version() == f"tzdata {tzdata.IANA_VERSION}"


def test_oracle_reads_the_tzdata_package() -> None:
    assert zoneinfo.TZPATH == ()
    # With no search path, only the tzdata package can answer.
    assert zi("Asia/Kathmandu").utcoffset(datetime(2024, 1, 1)) == timedelta(hours=5, minutes=45)


def test_oracle_finds_known_transitions() -> None:
    """The oracle itself: Paris 2024 springs forward at 01:00 UTC on 31 March."""
    paris_2024 = [t for t in oracle_transitions("Europe/Paris") if t[0].year == 2024]
    assert paris_2024[0] == (datetime(2024, 3, 31, 1, tzinfo=UTC), timedelta(hours=1), timedelta(hours=2))
    assert [t[0].date() for t in oracle_transitions("Pacific/Apia") if t[0].year == 2011] == [
        date(2011, 4, 2),
        date(2011, 9, 24),
        date(2011, 12, 30),
    ]


# ---------------------------------------------------------------------- instant -> local


@PROPERTY
@given(instant=instants, name=zones)
def test_to_local_matches_zoneinfo(instant: datetime, name: str) -> None:
    ours = timezones.to_local(instant, name)
    theirs = instant.astimezone(zi(name))
    assert ours.replace(tzinfo=None) == theirs.replace(tzinfo=None)
    assert ours.utcoffset() == theirs.utcoffset()
    assert ours.tzname() == theirs.tzname()
    assert timezones.wall_at(instant, name) == theirs.replace(tzinfo=None)
    assert timezones.utc_offset(instant, name) == theirs.utcoffset()
    assert timezones.abbreviation(instant, name) == theirs.tzname()


@PROPERTY
@given(name=named_zones, data=st.data(), seconds=st.integers(-7200, 7200))
def test_to_local_matches_zoneinfo_around_transitions(name: str, data: st.DataObject, seconds: int) -> None:
    found = oracle_transitions(name)
    assume(found)
    instant = data.draw(st.sampled_from(found))[0] + timedelta(seconds=seconds)
    theirs = instant.astimezone(zi(name))
    assert timezones.wall_at(instant, name) == theirs.replace(tzinfo=None)
    assert timezones.utc_offset(instant, name) == theirs.utcoffset()


def test_to_local_accepts_any_aware_instant() -> None:
    paris_noon = datetime(2024, 7, 1, 12, tzinfo=ZoneInfo("Europe/Paris"))
    assert timezones.wall_at(paris_noon, "Asia/Kathmandu") == datetime(2024, 7, 1, 15, 45)


# ---------------------------------------------------------------------- wall -> instant


@PROPERTY
@given(data=any_wall, fold=st.sampled_from([0, 1]))
def test_resolve_and_localize_match_zoneinfo(data: tuple[str, datetime], fold: int) -> None:
    name, wall = data
    meanings = oracle_meanings(wall, name)
    res = timezones.resolve(wall, name, fold)
    assert res.wall == wall
    assert res.zone == name
    if not meanings:  # a gap
        assert res.instant is None
        assert res.gap is not None
        gap = res.gap
        assert gap.start <= wall < gap.end
        assert oracle_meanings(gap.end, name) != [], "gap.end must be a valid wall time"
        assert oracle_meanings(gap.end - timedelta(seconds=1), name) == [], "gap.end must be the first one"
        assert oracle_meanings(gap.start, name) == []
        assert oracle_meanings(gap.start - timedelta(seconds=1), name) != []
        jump = oracle_fold_instant(gap.end, name, 0)
        assert (
            gap.length
            == zi(name).utcoffset(gap.end) - (jump - timedelta(seconds=1)).astimezone(zi(name)).utcoffset()
        )
        with pytest.raises(timezones.NonExistentTimeError) as caught:
            timezones.localize(wall, name, fold)
        assert caught.value.gap == gap
        assert f"{gap.end:%Y-%m-%d %H:%M}" in str(caught.value)
        assert isinstance(caught.value, ValidationError)
    elif len(meanings) == 2:  # a fold: fold=0 the first instant, fold=1 the second, as zoneinfo reads it
        assert res.ambiguous
        assert res.gap is None
        assert res.fold == fold
        assert res.instant == meanings[fold] == oracle_fold_instant(wall, name, fold)
        assert res.other_instant == meanings[1 - fold]
        assert timezones.localize(wall, name, fold) == meanings[fold]
    else:
        assert not res.ambiguous
        assert res.gap is None
        assert res.instant == meanings[0]
        assert timezones.localize(wall, name, fold) == meanings[0]
    if res.instant is not None:
        assert res.instant.tzinfo is UTC
        assert timezones.wall_at(res.instant, name) == wall


@PROPERTY
@given(data=any_wall, fold=st.sampled_from([0, 1]))
def test_localize_shifting_gaps_moves_by_the_gap_length(data: tuple[str, datetime], fold: int) -> None:
    name, wall = data
    instant, gap = timezones.localize_shifting_gaps(wall, name, fold)
    if oracle_meanings(wall, name):
        assert gap is None
        assert instant == timezones.localize(wall, name, fold)
    else:
        assert gap is not None
        assert timezones.wall_at(instant, name) == wall + gap.length
        # RFC 5545: the wall time read with the offset in force before the jump (zoneinfo's fold=0).
        assert instant == oracle_fold_instant(wall, name, 0)


# ---------------------------------------------------------------------- days


@PROPERTY
@given(
    name=st.one_of(named_zones, zones),
    day=st.dates(min_value=date(YEAR_MIN, 1, 2), max_value=date(YEAR_MAX, 12, 30)),
    at=st.sampled_from([time(0), time(4), time(2, 30)]),
)
def test_local_day_span_matches_zoneinfo(name: str, day: date, at: time) -> None:
    start, end = timezones.local_day_span(day, name, at)
    assert start == oracle_fold_instant(datetime.combine(day, at), name, 0)
    assert end == oracle_fold_instant(datetime.combine(day + timedelta(days=1), at), name, 0)
    assert start.tzinfo is UTC
    # The day is 24 h, minus what the clocks skipped, plus what they repeated (when neither end of the day
    # fell in a gap: a boundary moved past a gap makes its own length).
    bounds_exist = all(oracle_meanings(datetime.combine(d, at), name) for d in (day, day + timedelta(days=1)))
    if bounds_exist:
        offsets = timezones.utc_offset(start, name) - timezones.utc_offset(end, name)
        assert end - start == timedelta(days=1) + offsets


@pytest.mark.parametrize(
    ("name", "day", "hours"),
    [
        ("Europe/Paris", date(2024, 3, 31), 23),
        ("Europe/Paris", date(2024, 10, 27), 25),
        ("Europe/Paris", date(2024, 6, 1), 24),
        ("Australia/Sydney", date(2024, 10, 6), 23),
        ("Australia/Sydney", date(2024, 4, 7), 25),
        ("America/Santiago", date(2024, 9, 8), 23),
        ("America/Santiago", date(2024, 4, 6), 25),
        ("Australia/Lord_Howe", date(2024, 10, 6), 23.5),
        ("Australia/Lord_Howe", date(2024, 4, 7), 24.5),
        ("America/Havana", date(2024, 3, 10), 23),  # clocks jump at midnight: the day starts at 01:00
        ("Asia/Kathmandu", date(2024, 3, 31), 24),
        ("Pacific/Apia", date(2011, 12, 29), 24),
        ("Pacific/Apia", date(2011, 12, 30), 0),  # skipped by Samoa: no hours at all
        ("Europe/Moscow", date(2014, 10, 26), 25),  # permanent change back to UTC+3
    ],
)
def test_dst_days_have_23_or_25_hours(name: str, day: date, hours: float) -> None:
    start, end = timezones.local_day_span(day, name)
    assert end - start == timedelta(hours=hours)


def test_day_start_at_four_in_the_morning() -> None:
    start, end = timezones.local_day_span(date(2024, 10, 27), "Europe/Paris", time(4))
    assert start == datetime(2024, 10, 27, 3, tzinfo=UTC)  # 04:00 comes after the fold: CET, UTC+1
    assert end == datetime(2024, 10, 28, 3, tzinfo=UTC)
    assert timezones.local_midnight(date(2024, 3, 10), "America/Havana") == datetime(
        2024, 3, 10, 5, tzinfo=UTC
    )


# ---------------------------------------------------------------------- transitions


@settings(max_examples=60, deadline=None)
@given(name=named_zones, year=st.integers(YEAR_MIN, YEAR_MAX))
@example(name="Africa/Casablanca", year=2024)  # DST suspended for Ramadan: four changes, weeks apart
@example(name="Pacific/Apia", year=2011)
@example(name="Europe/Moscow", year=2011)
@example(name="Australia/Lord_Howe", year=2024)
def test_transitions_match_zoneinfo(name: str, year: int) -> None:
    start, end = datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)
    expected = [t for t in oracle_transitions(name) if start <= t[0] < end]
    assert timezones.transitions(name, start, end) == expected


# ---------------------------------------------------------------------- named cases from the issue


def test_gap_is_refused_with_the_first_valid_time() -> None:
    with pytest.raises(timezones.NonExistentTimeError) as caught:
        timezones.localize(datetime(2024, 3, 31, 2, 30), "Europe/Paris")
    err = caught.value
    assert err.gap.start == datetime(2024, 3, 31, 2, 0)
    assert err.gap.end == datetime(2024, 3, 31, 3, 0)
    assert err.gap.length == timedelta(hours=1)
    assert "2024-03-31 02:30" in str(err) and "Europe/Paris" in str(err)
    assert "first valid time is 2024-03-31 03:00" in str(err)


def test_lord_howe_half_hour_gap_and_fold() -> None:
    res = timezones.resolve(datetime(2024, 10, 6, 2, 10), "Australia/Lord_Howe")
    assert res.gap is not None and res.gap.length == timedelta(minutes=30)
    assert res.gap.end == datetime(2024, 10, 6, 2, 30)
    first = timezones.localize(datetime(2024, 4, 7, 1, 45), "Australia/Lord_Howe", fold=0)
    second = timezones.localize(datetime(2024, 4, 7, 1, 45), "Australia/Lord_Howe", fold=1)
    assert second - first == timedelta(minutes=30)


def test_fold_takes_first_unless_told_second() -> None:
    wall = datetime(2024, 11, 3, 1, 30)  # New York falls back at 02:00 EDT
    res = timezones.resolve(wall, "America/New_York")
    assert res.ambiguous and res.fold == 0
    assert res.instant == datetime(2024, 11, 3, 5, 30, tzinfo=UTC)
    assert res.other_instant == datetime(2024, 11, 3, 6, 30, tzinfo=UTC)
    assert timezones.localize(wall, "America/New_York", fold=1) == datetime(2024, 11, 3, 6, 30, tzinfo=UTC)


def test_fold_without_a_dst_flag_change() -> None:
    """Moscow 2014: standard time both sides (pytz cannot tell the occurrences apart by is_dst)."""
    wall = datetime(2014, 10, 26, 1, 30)
    res = timezones.resolve(wall, "Europe/Moscow", fold=1)
    assert res.ambiguous
    assert res.instant == datetime(2014, 10, 25, 22, 30, tzinfo=UTC)
    assert res.other_instant == datetime(2014, 10, 25, 21, 30, tzinfo=UTC)


def test_apia_skipped_a_whole_day() -> None:
    res = timezones.resolve(datetime(2011, 12, 30, 12, 0), "Pacific/Apia")
    assert res.gap is not None
    assert res.gap.start == datetime(2011, 12, 30, 0, 0)
    assert res.gap.end == datetime(2011, 12, 31, 0, 0)
    assert res.gap.length == timedelta(days=1)


def test_sao_paulo_has_no_dst_after_2019() -> None:
    # 2018-11-04 00:30 was in a gap; the same date in 2019 is an ordinary time.
    assert timezones.resolve(datetime(2018, 11, 4, 0, 30), "America/Sao_Paulo").gap is not None
    res = timezones.resolve(datetime(2019, 11, 3, 0, 30), "America/Sao_Paulo")
    assert res.gap is None and not res.ambiguous
    assert timezones.utc_offset(res.instant, "America/Sao_Paulo") == timedelta(hours=-3)


# ---------------------------------------------------------------------- zone names and instants


def test_zone_names_and_canonical_spelling() -> None:
    assert timezones.check_zone(" europe/paris ") == "Europe/Paris"
    assert timezones.is_zone("Asia/Kathmandu")
    assert "Europe/Paris" in timezones.zone_names()
    assert "MG" in timezones.zone_country_codes("Indian/Antananarivo")


@pytest.mark.parametrize("bad", ["", "   ", "Mars/Olympus", "Europe/Pariss", "../etc/passwd", "CEST+1"])
def test_unknown_zone_names_the_value(bad: str) -> None:
    assert not timezones.is_zone(bad)
    with pytest.raises(timezones.UnknownZoneError) as caught:
        timezones.check_zone(bad)
    assert repr(bad) in str(caught.value)
    assert isinstance(caught.value, TimeError)


def test_naive_instants_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        timezones.ensure_utc(datetime(2024, 1, 1, 12))
    with pytest.raises(ValueError, match="naive"):
        timezones.to_local(datetime(2024, 1, 1, 12), "Europe/Paris")


def test_resolve_refuses_aware_walls_and_bad_folds() -> None:
    with pytest.raises(ValueError):
        timezones.resolve(datetime(2024, 1, 1, tzinfo=UTC), "Europe/Paris")
    with pytest.raises(TimeError, match="fold"):
        timezones.resolve(datetime(2024, 1, 1), "Europe/Paris", fold=2)


@PROPERTY
@given(instant=instants)
def test_format_and_parse_utc_round_trip(instant: datetime) -> None:
    text = timezones.format_utc(instant)
    assert len(text) == 20 and text.endswith("Z") and text[10] == "T"
    assert timezones.parse_utc(text) == instant.replace(microsecond=0)


def test_parse_utc_accepts_offsets() -> None:
    assert timezones.parse_utc("2024-07-01T14:00:00+02:00") == datetime(2024, 7, 1, 12, tzinfo=UTC)
    with pytest.raises(ValueError):
        timezones.parse_utc("2024-07-01 14:00")  # no zone: refused, not guessed
