"""Sleep window and working hours: parsing, canonical text, membership."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nomadcm.errors import ValidationError
from nomadcm.services.settings import SettingsService
from nomadcm.services.travel.rhythm import SleepWindow, WorkHours, load_rhythm, set_sleep, set_work_hours


def test_sleep_window_wraps_midnight_start_in_end_out() -> None:
    w = SleepWindow.parse("23:00-07:00")
    assert str(w) == "23:00-07:00"
    assert w.contains(datetime(2027, 3, 1, 23, 0))
    assert w.contains(datetime(2027, 3, 1, 3, 30))
    assert w.contains(datetime(2027, 3, 1, 6, 59))
    assert not w.contains(datetime(2027, 3, 1, 7, 0))
    assert not w.contains(datetime(2027, 3, 1, 22, 59))
    assert w.length_minutes == 8 * 60


def test_sleep_window_same_day_and_french_forms() -> None:
    w = SleepWindow.parse("1h30 – 9h")
    assert str(w) == "01:30-09:00"
    assert w.contains(datetime(2027, 1, 1, 1, 30)) and not w.contains(datetime(2027, 1, 1, 0, 0))
    assert str(SleepWindow.parse("22:00-24:00")) == "22:00-00:00"


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("23:00", "'23:00'"),
        ("25:00-07:00", "'25:00'"),
        ("07:00-07:00", "empty"),
        ("ab-cd", "'ab'"),
        ("", "''"),
    ],
)
def test_bad_sleep_window_is_named(text: str, bad: str) -> None:
    with pytest.raises(ValidationError, match=bad):
        SleepWindow.parse(text)


def test_work_hours_default_rule() -> None:
    w = WorkHours.parse("Mo-Fr 09:00-18:00")
    assert str(w) == "Mo-Fr 09:00-18:00"
    monday, saturday = datetime(2027, 3, 15, 9, 0), datetime(2027, 3, 20, 10, 0)
    assert w.contains(monday) and not w.contains(saturday)
    assert not w.contains(datetime(2027, 3, 15, 18, 0))  # end excluded
    assert not w.contains(datetime(2027, 3, 15, 8, 59))


def test_work_hours_several_rules_and_ranges() -> None:
    w = WorkHours.parse("Mo-Th 09:00-17:00; Fr 09:00-12:00")
    assert str(w) == "Mo-Th 09:00-17:00; Fr 09:00-12:00"
    assert w.contains(datetime(2027, 3, 18, 16, 30))  # Thursday
    assert not w.contains(datetime(2027, 3, 19, 16, 30))  # Friday afternoon
    split = WorkHours.parse("Mo,We 09:00-12:00,14:00-18:00")
    assert split.contains(datetime(2027, 3, 17, 15, 0)) and not split.contains(datetime(2027, 3, 17, 13, 0))
    assert not split.contains(datetime(2027, 3, 16, 10, 0))  # Tuesday
    assert split.ranges_on(0) == [(540, 720), (840, 1080)]


def test_later_rule_replaces_earlier_days_and_french_days_are_read() -> None:
    w = WorkHours.parse("lu-ve 9h-18h; ve 9h-12h")
    assert str(w) == "Mo-Th 09:00-18:00; Fr 09:00-12:00"
    assert str(WorkHours.parse("Mo-Fr 09:00-18:00; We off")) == "Mo-Tu 09:00-18:00; Th-Fr 09:00-18:00"


def test_work_hours_past_midnight_and_wrapping_days() -> None:
    w = WorkHours.parse("Fr 22:00-02:00")
    assert w.contains(datetime(2027, 3, 19, 23, 0))  # Friday night
    assert w.contains(datetime(2027, 3, 20, 1, 59))  # ...into Saturday
    assert not w.contains(datetime(2027, 3, 20, 2, 0))
    assert w.ranges_on(5) == [(0, 120)]
    weekend = WorkHours.parse("Sa-Mo 10:00-12:00")
    assert [d for d in range(7) if weekend.days[d]] == [0, 5, 6]
    sunday_night = WorkHours.parse("Su 23:00-01:00")
    assert sunday_night.contains(datetime(2027, 3, 22, 0, 30))  # wraps the week into Monday


def test_no_working_hours() -> None:
    for text in ("off", "", "  "):
        w = WorkHours.parse(text)
        assert str(w) == "off"
        assert not w.contains(datetime(2027, 3, 15, 10, 0))


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("Xx 09:00-18:00", "'Xx'"),
        ("Mo-Fr", "needs days and hours"),
        ("Mo-Fr 09:00", "'09:00'"),
        ("Mo-Fr 09:00-25:00", "'25:00'"),
        ("Mo-Fr-Sa 09:00-10:00", "'Mo-Fr-Sa'"),
        ("Mo 10:00-10:00", "empty"),
    ],
)
def test_bad_work_hours_are_named(text: str, bad: str) -> None:
    with pytest.raises(ValidationError, match=bad):
        WorkHours.parse(text)


def test_settings_store_canonical_text_and_defaults(db) -> None:
    settings = SettingsService(db)
    rhythm = load_rhythm(settings)
    assert str(rhythm.sleep) == "23:00-07:00" and str(rhythm.work) == "Mo-Fr 09:00-18:00"
    assert set_sleep(settings, "0h-8h") == "00:00-08:00"
    assert set_work_hours(settings, "lu-je 9h-17h") == "Mo-Th 09:00-17:00"
    rhythm = load_rhythm(settings)
    assert str(rhythm.sleep) == "00:00-08:00" and str(rhythm.work) == "Mo-Th 09:00-17:00"
    with pytest.raises(ValidationError):
        set_sleep(settings, "nope")
    assert settings.get("sleep") == "00:00-08:00"  # a bad value writes nothing
    set_work_hours(settings, "off")
    assert str(load_rhythm(settings).work) == "off"


# --------------------------------------------------------------------------- properties


_minutes = st.integers(min_value=0, max_value=24 * 60 - 1)
_range = st.tuples(_minutes, st.integers(min_value=1, max_value=24 * 60)).filter(
    lambda r: r[0] != r[1] % 1440
)
_week = st.lists(st.lists(_range, max_size=2).map(tuple), min_size=7, max_size=7).map(tuple)


@given(_week)
def test_work_hours_canonical_text_reads_back_to_the_same_minutes(days) -> None:
    hours = WorkHours(days)
    again = WorkHours.parse(str(hours))
    assert again._table.bits == hours._table.bits
    assert str(again) == str(hours) or not any(days)


@given(_range)
def test_sleep_window_canonical_text_reads_back(window) -> None:
    start, end = window
    sleep = SleepWindow(start, end % 1440)
    again = SleepWindow.parse(str(sleep))
    assert again._table.bits == sleep._table.bits
    assert sum(again._table.bits) == sleep.length_minutes
