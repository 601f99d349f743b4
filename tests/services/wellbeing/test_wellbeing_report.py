"""The report: days with zeros, splitting, unions, sleep on the wake-up day, goals and warnings."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from nomadcm import timezones
from nomadcm.models import ScreenSession
from nomadcm.services.wellbeing.days import ZoneTimeline
from nomadcm.services.wellbeing.goals import Goals
from nomadcm.services.wellbeing.records import WellbeingService
from nomadcm.services.wellbeing.report_service import current_week_badges, local_today
from nomadcm.services.wellbeing.wellbeing_report import build_report

PARIS = "Europe/Paris"


def at(text: str, zone: str = PARIS) -> datetime:
    return timezones.localize(datetime.strptime(text, "%Y-%m-%d %H:%M"), zone)


@pytest.fixture
def wb(db) -> WellbeingService:  # type: ignore[no-untyped-def]
    return WellbeingService(db)


def codes(day) -> list[str]:  # type: ignore[no-untyped-def]
    return [w.code for w in day.warnings]


def test_json_has_every_day_of_the_range_with_zeros(db, wb) -> None:  # type: ignore[no-untyped-def]
    wb.add_screen("laptop", at("2027-03-27 09:00"), at("2027-03-27 14:12"))
    wb.add_screen("phone", at("2027-03-27 21:00"), at("2027-03-27 21:45"))
    wb.add_rest("sleep", at("2027-03-26 23:30"), at("2027-03-27 07:00"))
    out = build_report(db, date(2027, 3, 26), date(2027, 3, 28)).to_json()
    assert [day["date"] for day in out["days"]] == ["2027-03-26", "2027-03-27", "2027-03-28"]
    assert out["days"][0] == {
        "date": "2027-03-26",
        "zone": PARIS,
        "screen_minutes": {},
        "screen_total_minutes": 0,
        "sleep_minutes": 0,
        "rest_minutes": 0,
        "warnings": [],
    }
    day = out["days"][1]
    assert day["screen_minutes"] == {"laptop": 312, "phone": 45}
    assert day["screen_total_minutes"] == 357
    assert day["sleep_minutes"] == 450  # the night ending on the 27th counts for the 27th
    assert day["rest_minutes"] == 450
    assert day["warnings"] == []


def test_night_counts_whole_for_the_wake_up_day(db, wb) -> None:  # type: ignore[no-untyped-def]
    wb.add_rest("sleep", at("2027-03-26 22:00"), at("2027-03-27 06:30"))  # crosses the 04:00 day start
    days = build_report(db, date(2027, 3, 26), date(2027, 3, 27)).days
    assert [d.sleep_minutes for d in days] == [0, 510]


def test_day_start_splits_screen_time_and_is_a_setting(db, wb, services) -> None:  # type: ignore[no-untyped-def]
    wb.add_screen("laptop", at("2027-03-26 23:00"), at("2027-03-27 05:00"))
    days = build_report(db, date(2027, 3, 26), date(2027, 3, 27)).days
    assert [d.screen_total_minutes for d in days] == [300, 60]
    services.settings.set("day_start", "06:00")
    days = build_report(db, date(2027, 3, 26), date(2027, 3, 27)).days
    assert [d.screen_total_minutes for d in days] == [360, 0]


def test_dst_day_sums_real_minutes(db, wb) -> None:  # type: ignore[no-untyped-def]
    # the whole 23-hour day of 27 March 2027 (04:00 CET -> 04:00 CEST) on the TV
    wb.add_screen("tv", at("2027-03-27 04:00"), at("2027-03-28 04:00"))
    day = build_report(db, date(2027, 3, 27), date(2027, 3, 27)).days[0]
    assert day.screen_minutes == {"tv": 23 * 60}
    assert day.hours == 23


def test_overlapping_sessions_of_a_device_count_once(db, wb) -> None:  # type: ignore[no-untyped-def]
    wb.add_screen("laptop", at("2027-03-26 09:00"), at("2027-03-26 11:00"))
    wb.add_screen("laptop", at("2027-03-26 10:00"), at("2027-03-26 12:00"), source="timer")
    wb.add_screen("phone", at("2027-03-26 10:00"), at("2027-03-26 10:30"))
    day = build_report(db, date(2027, 3, 26), date(2027, 3, 26)).days[0]
    assert day.screen_minutes == {"laptop": 180, "phone": 30}
    assert day.screen_total_minutes == 210


def test_worked_here_sessions_count_as_laptop_time(db, wb) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        s.add(
            ScreenSession(
                device="other",
                start_utc=at("2027-03-26 09:00"),
                end_utc=at("2027-03-26 10:00"),
                tz=PARIS,
                source="workplace",
            )
        )
    wb.add_screen("laptop", at("2027-03-26 09:30"), at("2027-03-26 10:30"))
    day = build_report(db, date(2027, 3, 26), date(2027, 3, 26)).days[0]
    assert day.screen_minutes == {"laptop": 90}


def test_rest_includes_sleep_and_overlaps_count_once(db, wb) -> None:  # type: ignore[no-untyped-def]
    wb.add_rest("sleep", at("2027-03-26 23:00"), at("2027-03-27 07:00"))
    wb.add_rest("day_off", at("2027-03-27 04:00"), at("2027-03-28 04:00"))  # the whole day off
    wb.add_rest("sport", at("2027-03-27 10:00"), at("2027-03-27 11:00"))  # inside the day off
    day = build_report(db, date(2027, 3, 27), date(2027, 3, 27)).days[0]
    assert day.sleep_minutes == 480
    # 23 h day (DST): the day off covers it all; the sleep's 3 hours before 04:00 count with the sleep
    assert day.rest_minutes == 480 + (23 * 60 - 180)


def test_seconds_round_to_the_nearest_minute(db, wb) -> None:  # type: ignore[no-untyped-def]
    start = at("2027-03-26 09:00")
    wb.add_screen("laptop", start, start + timedelta(minutes=10, seconds=30))
    wb.add_screen("phone", start, start + timedelta(minutes=10, seconds=29))
    day = build_report(db, date(2027, 3, 26), date(2027, 3, 26)).days[0]
    assert day.screen_minutes == {"laptop": 11, "phone": 10}
    assert day.screen_total_minutes == 21


def test_sleep_and_screen_warnings(db, wb) -> None:  # type: ignore[no-untyped-def]
    wb.add_rest("sleep", at("2027-03-25 01:00"), at("2027-03-25 07:00"))  # 6 h: short
    wb.add_screen("laptop", at("2027-03-25 08:00"), at("2027-03-25 17:30"))  # 9 h 30: over 8 h
    days = build_report(db, date(2027, 3, 24), date(2027, 3, 25)).days
    assert codes(days[0]) == []  # nothing logged is not a bad night
    assert codes(days[1]) == ["sleep_short", "screen_day_over"]
    assert days[1].to_json()["warnings"][0].startswith("slept 6 h 00, under the 7 h 00 sleep goal")


def test_daily_rest_needs_eleven_hours_in_a_row(db, wb) -> None:  # type: ignore[no-untyped-def]
    # screens 08:00-22:00, then 06:00-21:00 the next day: 8 h of rest in between, and 10 h before the
    # first day (22:00 the day before).
    wb.add_screen("phone", at("2027-03-23 12:00"), at("2027-03-23 22:00"))
    wb.add_screen("laptop", at("2027-03-24 08:00"), at("2027-03-24 22:00"))
    wb.add_screen("laptop", at("2027-03-25 06:00"), at("2027-03-25 21:00"))
    days = build_report(db, date(2027, 3, 24), date(2027, 3, 26), goals=Goals(screen_day_hours=0)).days
    assert "daily_rest_short" in codes(days[0])  # 10 h before, 8 h after
    assert days[0].longest_rest_seconds == 10 * 3600
    assert "daily_rest_short" not in codes(days[1])  # the open evening after the 25th touches it
    # a logged sleep in the middle of phone scrolling still counts as rest
    wb.add_rest("sleep", at("2027-03-24 20:00"), at("2027-03-25 07:30"))
    days = build_report(db, date(2027, 3, 24), date(2027, 3, 24), goals=Goals(screen_day_hours=0)).days
    assert "daily_rest_short" not in codes(days[0])


def test_weekly_limits(db, wb) -> None:  # type: ignore[no-untyped-def]
    # Monday 22 March 2027 onwards: 7 h of laptop a day, every day, 08:00-15:00
    for k in range(7):
        day = date(2027, 3, 22) + timedelta(days=k)
        wb.add_screen("laptop", at(f"{day} 08:00"), at(f"{day} 15:00"))
    now = at("2027-04-05 12:00")
    report = build_report(db, date(2027, 3, 22), date(2027, 3, 28), now=now)
    # 40 h passed on Saturday (6 x 7 = 42)
    assert [("screen_week_over" in codes(d)) for d in report.days] == [False] * 5 + [True, False]
    assert report.days[5].warnings[-1].value == 42 * 3600
    # no 24 h rest all week: 17 h stretches only; judged on the week's last day, the week being over
    assert "weekly_rest_missing" in codes(report.days[6])
    assert report.weeks[0].complete
    # a week not over yet is not judged
    early = build_report(db, date(2027, 3, 22), date(2027, 3, 28), now=at("2027-03-27 12:00"))
    assert "weekly_rest_missing" not in codes(early.days[6])


def test_a_day_off_keeps_the_weekly_rest(db, wb) -> None:  # type: ignore[no-untyped-def]
    for k in (0, 1, 2, 3, 5, 6):  # Thursday off
        day = date(2027, 3, 22) + timedelta(days=k)
        wb.add_screen("laptop", at(f"{day} 08:00"), at(f"{day} 15:00"))
    report = build_report(db, date(2027, 3, 22), date(2027, 3, 28), now=at("2027-04-05 12:00"))
    assert report.weeks[0].longest_rest_seconds == 41 * 3600
    assert all("weekly_rest_missing" not in codes(d) for d in report.days)


def test_days_follow_the_itinerary(db, wb, services) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.models import Stay

    with db.write() as s:
        s.add(
            Stay(
                city="Lisboa",
                country="PT",
                tz="Europe/Lisbon",
                first_date=date(2027, 3, 1),
                last_date=date(2027, 3, 31),
                start_utc=datetime(2027, 3, 1, tzinfo=UTC),
                end_utc=datetime(2027, 4, 1, tzinfo=UTC) - timedelta(hours=1),
                notes="",
            )
        )
    # 03:30 Lisbon is before Lisbon's 04:00 day start: the day before
    wb.add_screen("phone", at("2027-03-10 03:00", "Europe/Lisbon"), at("2027-03-10 03:30", "Europe/Lisbon"))
    days = build_report(db, date(2027, 3, 9), date(2027, 3, 10)).days
    assert [d.zone for d in days] == ["Europe/Lisbon", "Europe/Lisbon"]
    assert [d.screen_total_minutes for d in days] == [30, 0]
    assert wb.read_typed(datetime(2027, 3, 10, 9)).zone == "Europe/Lisbon"


def test_badges_name_what_this_week_broke(db, wb) -> None:  # type: ignore[no-untyped-def]
    wb.add_rest("sleep", at("2027-03-23 01:00"), at("2027-03-23 06:00"))
    wb.add_rest("sleep", at("2027-03-24 01:00"), at("2027-03-24 06:30"))
    wb.add_screen("laptop", at("2027-03-24 08:00"), at("2027-03-24 18:00"))
    now = at("2027-03-25 10:00")
    assert local_today(db, now) == date(2027, 3, 25)
    assert local_today(db, at("2027-03-25 03:00")) == date(2027, 3, 24)  # before the day start
    assert dict(current_week_badges(db, now=now)) == {"sleep_short": 2, "screen_day_over": 1}


def test_badges_reuse_this_weeks_report_and_only_this_weeks(db, wb, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The Wellbeing page showing this week hands its report over: the week is not built a second time."""
    import nomadcm.services.wellbeing.report_service as service

    wb.add_rest("sleep", at("2027-03-23 01:00"), at("2027-03-23 06:00"))
    wb.add_screen("laptop", at("2027-03-24 08:00"), at("2027-03-24 18:00"))
    now = at("2027-03-25 10:00")
    week = build_report(db, date(2027, 3, 22), date(2027, 3, 28), now=now)
    month = build_report(db, date(2027, 3, 1), date(2027, 3, 31), now=now)
    built: list[tuple[date, date]] = []
    monkeypatch.setattr(service, "build_report", lambda _db, first, last, **kw: (built.append((first, last)), build_report(_db, first, last, **kw))[1])  # fmt: skip
    expected = {"sleep_short": 1, "screen_day_over": 1}
    assert dict(current_week_badges(db, now=now, report=week)) == expected and built == []
    assert dict(current_week_badges(db, now=now, report=month)) == expected  # another period: built anew
    assert built == [(date(2027, 3, 22), date(2027, 3, 28))]


def test_report_range_is_checked(db) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.errors import ValidationError

    with pytest.raises(ValidationError, match="before"):
        build_report(db, date(2027, 3, 2), date(2027, 3, 1))


LONDON = "Europe/London"


@pytest.mark.parametrize(
    ("start", "end", "day", "minutes"),
    [
        ("2020-03-25 17:47", "2020-03-26 02:37", date(2020, 3, 25), 530),  # across midnight, before 04:00
        ("2020-03-26 00:30", "2020-03-26 03:59", date(2020, 3, 25), 209),  # all after midnight, before 04:00
        ("2020-03-26 02:37", "2020-03-26 06:10", date(2020, 3, 26), 213),  # ends after 04:00
        ("2020-03-29 03:00", "2020-03-29 04:00", date(2020, 3, 28), 60),  # ends at the day start sharp
        (
            "2020-03-28 22:00",
            "2020-03-29 03:30",
            date(2020, 3, 28),
            270,
        ),  # spring forward: 22:00 GMT-03:30 BST
        ("2020-03-28 23:00", "2020-03-29 07:00", date(2020, 3, 29), 420),  # spring forward, woke after 04:00
        ("2020-10-24 23:00", "2020-10-25 07:00", date(2020, 10, 25), 540),  # fall back: 23:00 BST-07:00 GMT
        ("2020-10-25 00:30", "2020-10-25 03:30", date(2020, 10, 24), 240),  # fall back, before 04:00 GMT
    ],
)
def test_a_night_counts_for_the_day_it_ends_in(db, wb, start, end, day, minutes) -> None:  # type: ignore[no-untyped-def]
    wb.add_rest("sleep", at(start, LONDON), at(end, LONDON))
    timeline = ZoneTimeline.fixed(LONDON)
    days = build_report(db, day - timedelta(days=1), day + timedelta(days=1), timeline=timeline).days
    assert [d.sleep_minutes for d in days] == [0, minutes, 0]
    assert [d.rest_minutes for d in days] == [0, minutes, 0]


def test_dst_days_last_23_and_25_hours_in_london(db) -> None:  # type: ignore[no-untyped-def]
    timeline = ZoneTimeline.fixed(LONDON)
    spring = build_report(db, date(2020, 3, 28), date(2020, 3, 29), timeline=timeline).days
    fall = build_report(db, date(2020, 10, 24), date(2020, 10, 25), timeline=timeline).days
    assert [d.hours for d in (*spring, *fall)] == [23, 24, 25, 24]


def test_sleeps_back_to_back_stay_apart_and_overlapping_ones_are_one(db, wb) -> None:  # type: ignore[no-untyped-def]
    timeline = ZoneTimeline.fixed(LONDON)
    # tracking stopped at 02:37 and started again at once: two sleeps, on their own wake-up days
    wb.add_rest("sleep", at("2020-03-25 17:47", LONDON), at("2020-03-26 02:37", LONDON))
    wb.add_rest("sleep", at("2020-03-26 02:37", LONDON), at("2020-03-26 06:10", LONDON))
    # the same night logged twice (tracked, and typed by hand over it): counted once, on the later wake-up
    wb.add_rest("sleep", at("2020-03-26 23:00", LONDON), at("2020-03-27 07:00", LONDON))
    wb.add_rest("sleep", at("2020-03-26 23:30", LONDON), at("2020-03-27 03:00", LONDON))
    days = build_report(db, date(2020, 3, 25), date(2020, 3, 27), timeline=timeline).days
    assert [d.sleep_minutes for d in days] == [530, 213, 480]
