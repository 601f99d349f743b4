"""Day splitting at the day start, across DST and travel; typed times read where she was; interval maths."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nomadcm import timezones
from nomadcm.errors import TimeError
from nomadcm.services.travel.itinerary import Itinerary, StaySpan, TransitSpan
from nomadcm.services.wellbeing import days as d

FOUR = time(4)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def hours(bounds: list[float]) -> list[float]:
    return [(b - a) / 3600 for a, b in itertools.pairwise(bounds)]


def test_paris_dst_days_have_23_and_25_real_hours() -> None:
    tl = d.ZoneTimeline.fixed("Europe/Paris")
    bounds, zones = tl.day_bounds(date(2027, 3, 27), date(2027, 3, 28), FOUR)
    assert hours(bounds) == [23.0, 24.0]
    assert zones == ["Europe/Paris", "Europe/Paris"]
    assert d.from_ts(bounds[0]) == utc(2027, 3, 27, 3)  # 04:00 CET
    assert d.from_ts(bounds[1]) == utc(2027, 3, 28, 2)  # 04:00 CEST
    bounds, _ = tl.day_bounds(date(2027, 10, 30), date(2027, 10, 31), FOUR)
    assert hours(bounds) == [25.0, 24.0]


def test_sessions_crossing_the_day_start_are_split() -> None:
    tl = d.ZoneTimeline.fixed("Europe/Paris")
    bounds, _ = tl.day_bounds(date(2027, 3, 26), date(2027, 3, 27), FOUR)
    # 03:00-05:00 Paris on the 27th (CET): one hour for the 26th, one for the 27th
    session = (d.ts(utc(2027, 3, 27, 2)), d.ts(utc(2027, 3, 27, 4)))
    assert d.split_by_days([session], bounds) == [3600.0, 3600.0]


def test_a_session_over_the_spring_gap_counts_real_minutes() -> None:
    tl = d.ZoneTimeline.fixed("Europe/Paris")
    bounds, _ = tl.day_bounds(date(2027, 3, 27), date(2027, 3, 28), FOUR)
    # 01:00 CET -> 04:30 CEST is 2 h 30 of real time; the day starts at 04:00 CEST
    session = (
        d.ts(timezones.localize(datetime(2027, 3, 28, 1), "Europe/Paris")),
        d.ts(timezones.localize(datetime(2027, 3, 28, 4, 30), "Europe/Paris")),
    )
    assert d.split_by_days([session], bounds) == [7200.0, 1800.0]


def travel() -> Itinerary:
    paris = StaySpan(
        1,
        "Paris",
        "FR",
        "Europe/Paris",
        utc(2027, 3, 1, 0) - timedelta(hours=1),
        utc(2027, 3, 11, 0) - timedelta(hours=1),
    )
    montreal = StaySpan(2, "Montréal", "CA", "America/Toronto", utc(2027, 3, 10, 5), utc(2027, 3, 31, 4))
    flight = TransitSpan(
        1,
        "flight",
        "Paris",
        "Europe/Paris",
        "Montréal",
        "America/Toronto",
        utc(2027, 3, 10, 12),
        utc(2027, 3, 10, 19, 30),
    )
    back = TransitSpan(
        2,
        "flight",
        "Montréal",
        "America/Toronto",
        "Paris",
        "Europe/Paris",
        utc(2027, 3, 30, 23),
        utc(2027, 3, 31, 6, 30),
    )
    return Itinerary("Europe/Paris", [paris, montreal], [flight, back])


def test_flying_west_makes_the_day_longer_and_east_shorter() -> None:
    tl = d.ZoneTimeline(travel())
    bounds, zones = tl.day_bounds(date(2027, 3, 9), date(2027, 3, 31), FOUR)
    lengths = hours(bounds)
    assert lengths[0] == 24  # 9 March in Paris
    assert lengths[1] == 30  # 10 March: Paris 04:00 -> Montréal 04:00 next day (EST, 6 h behind Paris)
    assert zones[1] == "Europe/Paris"  # 16.5 of its 30 hours on Paris time, the flight included
    assert zones[0] == "Europe/Paris"
    # 30 March: starts 04:00 Montréal, ends when her clock reads 31 March 04:00: she is over the
    # Atlantic on Montréal time (04:00 EDT = 08:00 UTC is after landing at 06:30 UTC): the day ends on landing
    assert d.from_ts(bounds[-3]) == utc(2027, 3, 30, 8)
    assert d.from_ts(bounds[-2]) == utc(2027, 3, 31, 6, 30)
    assert d.from_ts(bounds[-1]) == utc(2027, 4, 1, 2)  # 1 April 04:00 in Paris (CEST)
    assert lengths[-2] == 22.5  # 30 March, shortened by flying east
    assert all(b >= a for a, b in itertools.pairwise(bounds))
    assert sum(lengths) * 3600 == pytest.approx(bounds[-1] - bounds[0])


def test_typed_times_are_read_where_she_was() -> None:
    tl = d.ZoneTimeline(travel())
    paris = d.resolve_typed(tl, datetime(2027, 3, 5, 9))
    assert paris.zone == "Europe/Paris" and paris.instant == utc(2027, 3, 5, 8)
    mtl = d.resolve_typed(tl, datetime(2027, 3, 20, 9))
    assert mtl.zone == "America/Toronto" and mtl.instant == utc(2027, 3, 20, 13)


def test_a_wall_time_lived_twice_on_a_westward_flight_takes_the_first() -> None:
    tl = d.ZoneTimeline(travel())
    # (Montréal is on EST, UTC-5, until 14 March 2027)
    typed = d.resolve_typed(tl, datetime(2027, 3, 10, 15, 0))
    # 15:00 Paris = 14:00 UTC (in flight, Paris clock) and 15:00 Montréal = 20:00 UTC (landed at 19:30)
    assert typed.instant == utc(2027, 3, 10, 14) and typed.zone == "Europe/Paris"
    assert typed.alternatives == ((utc(2027, 3, 10, 20), "America/Toronto"),)
    once = d.resolve_typed(tl, datetime(2027, 3, 10, 10, 0))  # 09:00 UTC: only Paris fits
    assert once.alternatives == ()
    twice = d.resolve_typed(tl, datetime(2027, 3, 10, 20, 0))
    # 20:00 Paris = 19:00 UTC (in flight, Paris clock) and 20:00 Montréal = 01:00 UTC (landed): both
    assert twice.instant == utc(2027, 3, 10, 19) and twice.zone == "Europe/Paris"
    assert twice.alternatives == ((utc(2027, 3, 11, 1), "America/Toronto"),)
    second = d.resolve_typed(tl, datetime(2027, 3, 10, 20, 0), fold=1)
    assert second.instant == utc(2027, 3, 11, 1)


def test_a_wall_time_jumped_over_flying_east_is_refused() -> None:
    tl = d.ZoneTimeline(travel())
    # the night flight back: 03:00 on 31 March happened neither in Montréal (landed in Paris by then)
    # nor in Paris (she was still on Montréal time in the air)
    with pytest.raises(TimeError, match="did not happen where you were"):
        d.resolve_typed(tl, datetime(2027, 3, 31, 3, 0))


def test_a_typed_time_in_a_dst_gap_is_refused_with_the_gap() -> None:
    tl = d.ZoneTimeline.fixed("Europe/Paris")
    with pytest.raises(timezones.NonExistentTimeError) as err:
        d.resolve_typed(tl, datetime(2027, 3, 28, 2, 30))
    assert err.value.gap.end == datetime(2027, 3, 28, 3, 0)


def test_a_fold_takes_the_first_occurrence_and_names_the_second() -> None:
    tl = d.ZoneTimeline.fixed("Europe/Paris")
    typed = d.resolve_typed(tl, datetime(2027, 10, 31, 2, 30))
    assert typed.instant == utc(2027, 10, 31, 0, 30)
    assert typed.alternatives == ((utc(2027, 10, 31, 1, 30), "Europe/Paris"),)


def test_union_never_counts_overlaps_twice() -> None:
    assert d.union([(0, 10), (5, 15), (20, 30), (30, 31), (40, 40)]) == [(0, 15), (20, 31)]
    assert d.total(d.union([(0, 60), (30, 90), (10, 20)])) == 90


def test_subtract_and_gaps() -> None:
    assert d.subtract([(0, 100)], [(10, 20), (50, 60), (90, 120)]) == [(0, 10), (20, 50), (60, 90)]
    assert d.subtract([(0, 10), (20, 30)], [(5, 25)]) == [(0, 5), (25, 30)]
    assert d.gaps([(10, 20), (30, 40)]) == [(d.NEG_INF, 10), (20, 30), (40, d.POS_INF)]


def test_round_minutes_rounds_halves_up() -> None:
    assert [d.round_minutes(s) for s in (29.9, 30, 89.9, 90, 150)] == [0, 1, 1, 2, 3]


intervals = st.lists(
    st.tuples(st.integers(0, 300), st.integers(1, 60)).map(lambda t: (float(t[0]), float(t[0] + t[1]))),
    max_size=25,
)


@given(intervals)
def test_union_measures_the_covered_minutes(items: list[tuple[float, float]]) -> None:
    covered = {m for a, b in items for m in range(int(a), int(b))}
    merged = d.union(items)
    assert d.total(merged) == len(covered)
    assert all(b1 < a2 for (_, b1), (a2, _) in itertools.pairwise(merged))


@given(intervals, intervals)
def test_subtract_removes_exactly_the_cut(
    base: list[tuple[float, float]], cut: list[tuple[float, float]]
) -> None:
    kept = {m for a, b in d.subtract(d.union(base), d.union(cut)) for m in range(int(a), int(b))}
    expected = {m for a, b in base for m in range(int(a), int(b))} - {
        m for a, b in cut for m in range(int(a), int(b))
    }
    assert kept == expected


@given(intervals)
def test_splitting_by_days_keeps_every_second(items: list[tuple[float, float]]) -> None:
    bounds = [0.0, 50.0, 50.0, 120.0, 400.0]  # with a zero-length day
    merged = d.union(items)
    assert sum(d.split_by_days(merged, bounds)) == pytest.approx(d.total(merged))
    assert d.split_by_days(merged, bounds)[1] == 0


def test_touching_intervals_are_joined_unless_asked_not_to() -> None:
    spans = [(0.0, 10.0), (10.0, 20.0), (15.0, 30.0), (40.0, 50.0)]
    assert d.union(spans) == [(0.0, 30.0), (40.0, 50.0)]
    # sleeps back to back stay apart; sleeps sharing time are one
    assert d.union(spans, join_touching=False) == [(0.0, 10.0), (10.0, 30.0), (40.0, 50.0)]


def test_a_span_belongs_to_the_day_holding_its_last_moment() -> None:
    bounds = [0.0, 10.0, 10.0, 20.0]  # the middle day has no length (the date line crossed eastwards)
    assert [d.day_ending(t, bounds) for t in (0.0, 5.0, 10.0, 10.5, 20.0, 20.5)] == [None, 0, 0, 2, 2, None]
