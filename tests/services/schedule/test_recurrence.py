"""Recurring posts: the rule subset, expansion on wall times across DST in both hemispheres, listings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nomadcm import timezones
from nomadcm.errors import ValidationError
from nomadcm.services.schedule.clients import ClientService
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.schedule.posts import PostService
from nomadcm.services.schedule.query import ScheduleFilter, ScheduleQuery
from nomadcm.services.schedule.recurrence_expansion import expand, zone_clock
from nomadcm.services.schedule.recurrence_rule import RecurrenceRule


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.fixture
def channel(db):  # type: ignore[no-untyped-def]
    clients = ClientService(db)
    client = clients.add_client("Maison Léa", "Europe/Paris")
    return clients.add_channel(client.id, "instagram")


# ---------------------------------------------------------------------- the rule


def test_rule_round_trips_to_canonical_text() -> None:
    rule = RecurrenceRule.parse("rrule:freq=weekly;byday=mo,we;interval=2;count=7")
    assert rule.to_text() == "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=7"
    assert RecurrenceRule.parse(rule.to_text()) == rule


def test_until_as_a_date_means_the_end_of_that_day_in_the_posts_zone() -> None:
    rule = RecurrenceRule.parse("FREQ=DAILY;UNTIL=20260705", "Europe/Paris")
    assert rule.until == utc(2026, 7, 5, 21, 59, 59)  # 23:59:59 CEST
    assert rule.to_text().endswith("UNTIL=20260705T215959Z")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("FREQ=BIWEEKLY", "FREQ=BIWEEKLY is not a frequency"),
        ("FREQ=WEEKLY;BYDAY=XX", "XX"),
        ("FREQ=DAILY;COUNT=0", "COUNT=0"),
        ("FREQ=DAILY;COUNT=3;UNTIL=20260101", "both COUNT and UNTIL"),
        ("FREQ=WEEKLY;BYSETPOS=1", "BYSETPOS needs another BY part"),
        ("FREQ=DAILY;UNTIL=tomorrow", "UNTIL=TOMORROW"),
        ("BYDAY=MO", "FREQ"),
        ("FREQ=MONTHLY;BYDAY=6MO", "BYDAY=6MO: the number must be 1 to 5"),
        ("FREQ=YEARLY;BYDAY=54MO", "BYDAY=54MO: the number must be 1 to 53"),
        ("FREQ=MONTHLY;BYDAY=0MO", "BYDAY=0MO"),
        ("FREQ=YEARLY;BYMONTH=0", "BYMONTH=0 is out of range: 1 to 12"),
        ("FREQ=YEARLY;BYWEEKNO=54", "BYWEEKNO=54 is out of range"),
        ("FREQ=YEARLY;BYYEARDAY=0", "BYYEARDAY=0 is out of range: 1 to 366 or -366 to -1"),
        ("FREQ=MONTHLY;BYMONTHDAY=-32", "BYMONTHDAY=-32"),
        ("FREQ=DAILY;BYHOUR=24", "BYHOUR=24 is out of range: 0 to 23"),
        ("FREQ=DAILY;BYMINUTE=60", "BYMINUTE=60"),
        ("FREQ=MONTHLY;BYSETPOS=0;BYDAY=MO", "BYSETPOS=0"),
        ("FREQ=WEEKLY;WKST=XX", "WKST=XX is not a weekday"),
        ("FREQ=DAILY;BYHOUR=9;BYHOUR=10", "gives BYHOUR twice"),
        ("FREQ=DAILY;BYHOUR=", "'BYHOUR=' is not NAME=VALUE"),
        ("FREQ=DAILY;BYHOUR=1,,2", "BYHOUR=1,,2 has an empty value"),
        ("FREQ=DAILY;X-NAME=1", "recurrence part X-NAME is unknown"),
        ("FREQ=YEARLY;BYEASTER=-115", "BYEASTER=-115 is out of range: -80 to 249"),
        ("FREQ=YEARLY;BYMONTH=4,6;BYMONTHDAY=31", "BYMONTHDAY=31 never falls in BYMONTH=4,6"),
        ("FREQ=YEARLY;BYMONTH=1;BYYEARDAY=-1", "BYYEARDAY=-1 never falls in BYMONTH=1"),
        # The product's limits: whole minutes, and an end for a rule repeating within a day.
        ("FREQ=DAILY;BYSECOND=0,30", "BYSECOND=30: posts go out on whole minutes"),
        ("FREQ=SECONDLY;COUNT=5", "FREQ=SECONDLY: posts go out on whole minutes"),
        ("FREQ=HOURLY", "FREQ=HOURLY repeats within a day: such a rule needs an end, COUNT=1000 at most"),
        ("FREQ=MINUTELY;COUNT=1001", "COUNT=1001: FREQ=MINUTELY repeats within a day, so at most 1000"),
        ("FREQ=DAILY;BYHOUR=9,10,11,12,13;BYMINUTE=0,10,20,30,40", "BYHOUR and BYMINUTE give 25 times a day"),
        ("FREQ=DAILY;COUNT=10001", "COUNT=10001 is not a whole number from 1 to 10000"),
    ],
)
def test_bad_rules_are_refused_naming_the_bad_part(text: str, names: str) -> None:
    with pytest.raises(ValidationError, match=names):
        RecurrenceRule.parse(text)


# ---------------------------------------------------------------------- expansion across DST


def walls(rule: str, start: datetime, tz: str) -> list[tuple[datetime, datetime, bool]]:
    return [(g.wall, g.utc, g.gap_shifted) for g in expand(RecurrenceRule.parse(rule, tz), start, tz)]


@pytest.mark.parametrize(
    ("tz", "start", "offsets"),
    [
        # Northern hemisphere: Paris goes to summer time on 29 March 2026.
        ("Europe/Paris", datetime(2026, 3, 23, 9), [1, 2]),
        # Southern hemisphere: Sydney leaves summer time on 5 April 2026.
        ("Australia/Sydney", datetime(2026, 3, 30, 9), [11, 10]),
        # Chile (southern) leaves summer time on 5 April 2026 too, at midnight.
        ("America/Santiago", datetime(2026, 3, 30, 9), [-3, -4]),
    ],
)
def test_weekly_keeps_its_wall_time_across_dst(tz: str, start: datetime, offsets: list[int]) -> None:
    got = walls("FREQ=WEEKLY;COUNT=2", start, tz)
    assert [w for w, _, _ in got] == [start, start + timedelta(days=7)]
    assert [(w - u.replace(tzinfo=None)) / timedelta(hours=1) for w, u, _ in got] == offsets


def test_an_occurrence_in_a_gap_moves_past_it_by_the_gap_length_and_is_flagged() -> None:
    got = walls("FREQ=DAILY;COUNT=3", datetime(2026, 3, 28, 2, 30), "Europe/Paris")
    assert got[1] == (datetime(2026, 3, 29, 3, 30), utc(2026, 3, 29, 1, 30), True)
    assert not got[0][2] and not got[2][2]
    assert got[2][0] == datetime(2026, 3, 30, 2, 30)  # the next day is back to 02:30


def test_a_half_hour_gap_shifts_by_half_an_hour() -> None:
    # Lord Howe Island moves its clocks by 30 minutes (02:00 -> 02:30 on 4 October 2026).
    got = walls("FREQ=DAILY;COUNT=2", datetime(2026, 10, 3, 2, 15), "Australia/Lord_Howe")
    assert got[1][0] == datetime(2026, 10, 4, 2, 45) and got[1][2]


def test_an_occurrence_in_a_fold_takes_the_first_instant() -> None:
    got = walls("FREQ=DAILY;COUNT=2", datetime(2026, 10, 24, 2, 30), "Europe/Paris")
    assert got[1][:2] == (datetime(2026, 10, 25, 2, 30), utc(2026, 10, 25, 0, 30))  # CEST, not CET


def test_the_first_occurrence_keeps_the_fold_the_user_chose() -> None:
    rule = RecurrenceRule.parse("FREQ=WEEKLY;COUNT=2")
    got = list(expand(rule, datetime(2026, 11, 1, 1, 30), "America/New_York", fold=1))
    assert got[0].utc == utc(2026, 11, 1, 6, 30)  # the second 01:30 (EST)
    assert got[1].utc == utc(2026, 11, 8, 6, 30)


def test_monthly_on_the_31st_skips_short_months_and_by_weekday_ordinals_work() -> None:
    got = walls("FREQ=MONTHLY;BYMONTHDAY=31;COUNT=3", datetime(2026, 1, 31, 9), "Europe/Paris")
    assert [w.date().isoformat() for w, _, _ in got] == ["2026-01-31", "2026-03-31", "2026-05-31"]
    got = walls("FREQ=MONTHLY;BYDAY=-1FR;COUNT=2", datetime(2026, 1, 30, 9), "Europe/Paris")
    assert [w.date().isoformat() for w, _, _ in got] == ["2026-01-30", "2026-02-27"]


def test_until_is_compared_on_instants() -> None:
    rule = RecurrenceRule.parse("FREQ=DAILY;UNTIL=20260103T080000Z")
    got = list(expand(rule, datetime(2026, 1, 1, 9), "Europe/Paris"))  # 08:00Z each day
    assert [g.utc.day for g in got] == [1, 2, 3]


def test_expansion_inside_a_window_only() -> None:
    rule = RecurrenceRule.parse("FREQ=DAILY")
    got = list(
        expand(rule, datetime(2026, 1, 1, 9), "Europe/Paris", start=utc(2026, 6, 1), end=utc(2026, 6, 4))
    )
    assert [g.wall.day for g in got] == [1, 2, 3]


@settings(max_examples=300, deadline=None)
@given(
    zone=st.sampled_from(
        [
            "Europe/Paris",
            "America/New_York",
            "Australia/Sydney",
            "Pacific/Auckland",
            "Australia/Lord_Howe",
            "America/Santiago",
            "Asia/Kolkata",
            "America/St_Johns",
        ]
    ),
    wall=st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31)).map(
        lambda d: d.replace(second=0, microsecond=0)
    ),
)
def test_fast_zone_clock_agrees_with_zoneinfo(zone: str, wall: datetime) -> None:
    """The cached per-day offset path gives the instant the stdlib's zoneinfo (tzdata) gives."""
    instant, shifted = zone_clock(zone).instant(wall)
    exact, gap = timezones.localize_shifting_gaps(wall, zone)
    assert (instant, shifted) == (exact, gap is not None)
    if not shifted:
        oracle = wall.replace(tzinfo=ZoneInfo(zone), fold=0).astimezone(UTC)
        assert instant == oracle


# ---------------------------------------------------------------------- storing and listing


def test_post_with_rule_starts_on_its_first_occurrence(db, channel) -> None:  # type: ignore[no-untyped-def]
    posts = PostService(db)
    # Typed on a Wednesday, "every Monday": the series starts on the next Monday.
    post = posts.add(
        PostDraft(channel.id, "Lundi !", datetime(2026, 3, 18, 9), rrule="FREQ=WEEKLY;BYDAY=MO;COUNT=3")
    )
    assert post.rrule == "FREQ=WEEKLY;BYDAY=MO;COUNT=3"
    assert post.wall == datetime(2026, 3, 23, 9)
    assert post.utc == utc(2026, 3, 23, 8)


def test_schedule_pages_list_each_occurrence_merged_in_order(db, channel) -> None:  # type: ignore[no-untyped-def]
    posts = PostService(db)
    series = posts.add(PostDraft(channel.id, "weekly", datetime(2026, 3, 23, 9), rrule="FREQ=WEEKLY;COUNT=4"))
    single = posts.add(PostDraft(channel.id, "single", datetime(2026, 3, 31, 12)))
    rows = ScheduleQuery(db, ScheduleFilter()).rows(limit=10)
    assert [(r.post_id, r.wall) for r in rows] == [
        (series.id, datetime(2026, 3, 23, 9)),
        (series.id, datetime(2026, 3, 30, 9)),
        (single.id, datetime(2026, 3, 31, 12)),
        (series.id, datetime(2026, 4, 6, 9)),
        (series.id, datetime(2026, 4, 13, 9)),
    ]
    assert rows[1].utc == utc(2026, 3, 30, 7) and rows[1].series_wall == datetime(2026, 3, 30, 9)
    assert rows[2].series_wall is None
    # keyset paging: two rows at a time gives the same sequence
    paged, after = [], None
    while True:
        page = ScheduleQuery(db, ScheduleFilter()).rows(after=after, limit=2)
        paged.extend(page)
        if len(page) < 2:
            break
        after = (page[-1].utc, page[-1].post_id)
    assert [(r.post_id, r.wall) for r in paged] == [(r.post_id, r.wall) for r in rows]
    # descending, paged
    down, after = [], None
    while True:
        page = ScheduleQuery(db, ScheduleFilter()).rows(after=after, limit=2, descending=True)
        down.extend(page)
        if len(page) < 2:
            break
        after = (page[-1].utc, page[-1].post_id)
    assert [(r.post_id, r.wall) for r in down] == [(r.post_id, r.wall) for r in reversed(rows)]


def test_schedule_filters_apply_to_occurrences(db, channel) -> None:  # type: ignore[no-untyped-def]
    posts = PostService(db)
    posts.add(PostDraft(channel.id, "weekly", datetime(2026, 3, 23, 9), rrule="FREQ=WEEKLY;COUNT=4"))
    from datetime import date

    rows = ScheduleQuery(db, ScheduleFilter(date_from=date(2026, 3, 30), date_to=date(2026, 4, 6))).rows()
    assert [r.wall.day for r in rows] == [30, 6]
    assert ScheduleQuery(db, ScheduleFilter(search="nothing like it")).rows() == []


def test_open_ended_series_stop_at_the_horizon(db, channel) -> None:  # type: ignore[no-untyped-def]
    posts = PostService(db)
    start = timezones.wall_at(timezones.now_utc(), "Europe/Paris").replace(second=0, microsecond=0)
    posts.add(PostDraft(channel.id, "forever", start + timedelta(days=1), rrule="FREQ=WEEKLY"))
    query = ScheduleQuery(db, ScheduleFilter())
    rows, after = [], None
    while True:
        page = query.rows(after=after, limit=100)
        rows.extend(page)
        if len(page) < 100:
            break
        after = (page[-1].utc, page[-1].post_id)
    assert 50 <= len(rows) <= 54
    assert query.count() == len(rows)  # counted to the same horizon


def test_stream_merges_singles_and_series_in_a_range(db, channel) -> None:  # type: ignore[no-untyped-def]
    posts = PostService(db)
    s = posts.add(PostDraft(channel.id, "daily", datetime(2026, 3, 27, 2, 30), rrule="FREQ=DAILY;COUNT=5"))
    p = posts.add(PostDraft(channel.id, "single", datetime(2026, 3, 29, 12)))
    got = list(ScheduleQuery(db, ScheduleFilter(start=utc(2026, 3, 28), end=utc(2026, 3, 30))).stream())
    assert [(o.post_id, o.wall, o.gap_shifted) for o in got] == [
        (s.id, datetime(2026, 3, 28, 2, 30), False),
        (s.id, datetime(2026, 3, 29, 3, 30), True),
        (p.id, datetime(2026, 3, 29, 12), False),
    ]
    everything = list(ScheduleQuery(db, ScheduleFilter()).stream())
    assert len(everything) == 6
