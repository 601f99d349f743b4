"""Opening hours: parsed by the OSM parser, read on the place's own clock, unknown when unreadable."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from nomadcm.services.workplaces.opening_hours import HoursState, check_hours, one_line_error, parse_hours

WEEKDAYS = "Mo-Fr 08:00-18:00; Sa 09:00-13:00"


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_a_wall_time_is_read_as_is():
    hours = parse_hours(WEEKDAYS)
    assert hours.known and hours.error is None
    assert hours.state_at_wall(datetime(2024, 7, 15, 8, 0)) is HoursState.OPEN  # Monday
    assert hours.state_at_wall(datetime(2024, 7, 15, 7, 59)) is HoursState.CLOSED
    assert hours.state_at_wall(datetime(2024, 7, 15, 18, 0)) is HoursState.CLOSED  # the end is exclusive
    assert hours.state_at_wall(datetime(2024, 7, 13, 12, 30)) is HoursState.OPEN  # Saturday
    assert hours.state_at_wall(datetime(2024, 7, 14, 12, 30)) is HoursState.CLOSED  # Sunday


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("Europe/Lisbon", HoursState.OPEN),  # 08:30 WEST
        ("Europe/Paris", HoursState.OPEN),  # 09:30 CEST
        ("America/Toronto", HoursState.CLOSED),  # 03:30 EDT
        ("Asia/Kolkata", HoursState.OPEN),  # 13:00 IST
        ("Asia/Tokyo", HoursState.CLOSED),  # 16:30 JST, just after closing
        ("Pacific/Auckland", HoursState.CLOSED),  # 19:30 NZST
    ],
)
def test_the_same_instant_on_each_places_own_clock(zone, expected):
    hours = parse_hours("Mo-Fr 08:00-16:00", zone)
    instant = utc(2024, 7, 15, 7, 30)  # Monday 07:30 UTC
    assert hours.state_at(instant) is expected


def test_dst_moves_the_utc_instant_of_opening_time():
    hours = parse_hours("Mo-Su 08:00-18:00", "Europe/Paris")
    # Saturday 30 March 2024, CET (UTC+1): 07:30 UTC is 08:30 local.
    assert hours.state_at(utc(2024, 3, 30, 7, 30)) is HoursState.OPEN
    assert hours.state_at(utc(2024, 3, 30, 6, 30)) is HoursState.CLOSED
    # Sunday 31 March, CEST (UTC+2) from 01:00 UTC: 06:30 UTC is already 08:30 local.
    assert hours.state_at(utc(2024, 3, 31, 6, 30)) is HoursState.OPEN
    assert hours.state_at(utc(2024, 3, 31, 5, 30)) is HoursState.CLOSED


def test_an_unreadable_string_is_kept_flagged_and_never_open():
    hours = parse_hours("lundi-vendredi 9h-18h", "Europe/Paris")
    assert hours.text == "lundi-vendredi 9h-18h"
    assert not hours.known
    assert hours.error and "column 1" in hours.error
    for when in (datetime(2024, 7, 15, 10), datetime(2024, 7, 15, 3)):
        assert hours.state_at_wall(when) is HoursState.UNKNOWN
        assert not hours.is_open_at_wall(when)
    assert hours.state_at(utc(2024, 7, 15, 10)) is HoursState.UNKNOWN
    assert check_hours("lundi-vendredi 9h-18h") == hours.error
    assert check_hours("24/7") is None


def test_empty_hours_are_unknown_without_an_error():
    hours = parse_hours("  ")
    assert hours.empty and hours.error is None
    assert hours.state_at_wall(datetime(2024, 7, 15, 10)) is HoursState.UNKNOWN


def test_an_explicit_unknown_rule_stays_unknown():
    hours = parse_hours('Mo-Fr 08:00-18:00; Sa unknown "call first"')
    state, comment = hours.state_and_comment_at_wall(datetime(2024, 7, 13, 10))
    assert state is HoursState.UNKNOWN and comment == "call first"


def test_a_trailing_semicolon_is_accepted_with_a_warning():
    hours = parse_hours("Mo-Fr 08:00-18:00;")
    assert hours.known and "trailing ';' ignored" in hours.warnings
    assert hours.is_open_at_wall(datetime(2024, 7, 15, 9))


def test_public_holidays_need_the_country():
    text = "Mo-Fr 08:00-18:00; PH off"
    assumption_day = datetime(2024, 8, 15, 10)  # a Thursday, Assumption: a public holiday in France
    assert parse_hours(text, "Europe/Paris", "FR").state_at_wall(assumption_day) is HoursState.CLOSED
    assert parse_hours(text, "Europe/Paris").state_at_wall(assumption_day) is HoursState.OPEN
    # A code the parser has no calendar for is not an error: PH is then never a holiday.
    assert parse_hours(text, "Europe/Paris", "XX").state_at_wall(assumption_day) is HoursState.OPEN


def test_hours_past_midnight():
    hours = parse_hours("Mo-Su 18:00-02:00")
    assert hours.is_open_at_wall(datetime(2024, 7, 16, 1, 30))
    assert not hours.is_open_at_wall(datetime(2024, 7, 16, 2, 30))


def test_without_a_zone_an_instant_has_no_local_time():
    hours = parse_hours("24/7")
    assert hours.is_open_at_wall(datetime(2024, 7, 15, 3))
    assert hours.state_at(utc(2024, 7, 15, 3)) is HoursState.UNKNOWN
    assert hours.state_at(utc(2024, 7, 15, 3), "Asia/Tokyo") is HoursState.OPEN


def test_sun_times_use_the_places_position():
    lisbon = parse_hours("sunrise-sunset", "Europe/Lisbon", "PT", (38.72, -9.14))
    change = lisbon.next_change_wall(datetime(2024, 7, 14, 3, 0))
    assert change is not None and change.hour == 6 and 15 <= change.minute <= 30  # sunrise ~06:23 WEST


def test_next_change_and_day_windows():
    hours = parse_hours(WEEKDAYS, "Europe/Paris")
    assert hours.next_change_wall(datetime(2024, 7, 15, 10)) == datetime(2024, 7, 15, 18)
    assert hours.open_ranges(datetime(2024, 7, 13).date()) == [
        (datetime(2024, 7, 13, 9), datetime(2024, 7, 13, 13))
    ]
    assert parse_hours("nonsense").day_windows(datetime(2024, 7, 13).date()) == []


def test_one_line_error_reduces_the_parser_report():
    report = "Failed to parse expression:  --> 1:7\n  |\n1 | Mo-Fr 25:00\n  |       ^---\n  |\n  = expected EOI or timespan"
    assert one_line_error(report) == "at column 7: expected EOI or timespan"


def test_naive_instant_is_refused_by_state_at_wall_with_aware():
    with pytest.raises(ValueError):
        parse_hours("24/7").state_at_wall(utc(2024, 7, 15, 10))
