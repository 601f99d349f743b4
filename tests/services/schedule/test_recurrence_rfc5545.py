"""All of RFC 5545 on wall time: the parts beyond DAILY/WEEKLY/MONTHLY, the canonical text, the product's
limits, and sub-daily rules across DST gaps (moved past the gap, in instant order, a duplicate counted once),
checked against an oracle that is not the code under test: python-dateutil's naive walls made instants by
the stdlib's zoneinfo with RFC 5545's gap rule."""

from __future__ import annotations

import time as clock
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from nomadcm.errors import ValidationError
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.schedule.posts import PostService
from nomadcm.services.schedule.recurrence_expansion import check_rule_for, expand
from nomadcm.services.schedule.recurrence_rule import RecurrenceRule, canonical_rule

PARIS, NEW_YORK = "Europe/Paris", "America/New_York"
# Days the clocks change in the zones below (2026): the starts of the property test fall just before them.
CLOCK_CHANGES = [
    datetime(2026, m, d) for m, d in ((3, 8), (3, 29), (4, 5), (9, 6), (10, 4), (10, 25), (11, 1))
]


def walls(rule: str, start: datetime, tz: str) -> list[tuple[datetime, bool]]:
    return [(g.wall, g.gap_shifted) for g in expand(RecurrenceRule.parse(rule, tz), start, tz)]


def oracle(rule: str, start: datetime, tz: str) -> list[datetime]:
    """dateutil's walls made instants by zoneinfo: a wall in a gap read with the offset before the gap
    (RFC 5545 §3.3.5), in a fold the first instant; sorted, a duplicate instant once."""
    zone = ZoneInfo(tz)
    out = set()
    for wall in rrulestr(rule, dtstart=start):
        aware = wall.replace(tzinfo=zone, fold=0)
        if aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != wall:  # in a gap
            before = (wall - timedelta(hours=6)).replace(tzinfo=zone).utcoffset()
            assert before is not None
            out.add((wall - before).replace(tzinfo=UTC))
        else:
            out.add(aware.astimezone(UTC))
    return sorted(out)


# ---------------------------------------------------------------------- reading and writing rules


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("FREQ=YEARLY;BYDAY=FR;BYMONTHDAY=23,24,25,26,27,28,29;BYMONTH=11",
         "FREQ=YEARLY;BYMONTH=11;BYDAY=FR;BYMONTHDAY=23,24,25,26,27,28,29"),
        ("freq=monthly;byday=mo,tu,we,th,fr;bysetpos=-1;wkst=MO", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"),
        ("FREQ=WEEKLY;WKST=SU;INTERVAL=2;BYDAY=TU,SU;COUNT=4", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=SU;COUNT=4"),
        ("FREQ=YEARLY;BYWEEKNO=20,-1;BYDAY=MO", "FREQ=YEARLY;BYWEEKNO=20,-1;BYDAY=MO"),
        ("FREQ=YEARLY;BYYEARDAY=1,-1;INTERVAL=3", "FREQ=YEARLY;INTERVAL=3;BYYEARDAY=1,-1"),
        ("FREQ=DAILY;BYMINUTE=0,20,40;BYHOUR=9,10", "FREQ=DAILY;BYHOUR=9,10;BYMINUTE=0,20,40"),
        ("FREQ=MINUTELY;INTERVAL=90;COUNT=4", "FREQ=MINUTELY;INTERVAL=90;COUNT=4"),
        ("FREQ=SECONDLY;BYSECOND=0;COUNT=3", "FREQ=SECONDLY;BYSECOND=0;COUNT=3"),
        ("FREQ=YEARLY;BYEASTER=-2", "FREQ=YEARLY;BYEASTER=-2"),
        ("FREQ=MONTHLY;BYDAY=MO,MO,TU", "FREQ=MONTHLY;BYDAY=MO,TU"),
    ],
)  # fmt: skip
def test_every_rfc5545_part_is_read_and_stored_in_one_canonical_text(typed: str, stored: str) -> None:
    assert canonical_rule(typed, PARIS) == stored
    assert canonical_rule(stored, PARIS) == stored  # stable


def test_a_number_on_a_weekly_byday_is_dropped_with_a_note_and_nonstandard_parts_are_noted() -> None:
    rule = RecurrenceRule.parse("FREQ=WEEKLY;BYDAY=1TU,-1TH")
    assert rule.to_text() == "FREQ=WEEKLY;BYDAY=TU,TH"
    assert "BYDAY=1TU" in rule.notes[0] and "the number was dropped" in rule.notes[0]
    assert "python-dateutil extension" in RecurrenceRule.parse("FREQ=YEARLY;BYEASTER=0").notes[0]
    assert "BYMONTHDAY with FREQ=WEEKLY" in RecurrenceRule.parse("FREQ=WEEKLY;BYMONTHDAY=1").notes[0]
    assert RecurrenceRule.parse("FREQ=MONTHLY;BYDAY=-1FR").notes == ()


def test_a_frequent_rule_with_until_must_end_within_1000_occurrences_of_its_start() -> None:
    start = datetime(2026, 1, 5, 9)
    assert check_rule_for(start, PARIS, 0, "FREQ=HOURLY;UNTIL=20260106")[0] is not None  # 39 hours
    with pytest.raises(ValidationError, match="more than 1000 occurrences"):
        check_rule_for(start, PARIS, 0, "FREQ=HOURLY;UNTIL=20260301")


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (
            "FREQ=MONTHLY;BYMONTHDAY=1;BYSETPOS=5",
            "BYSETPOS=5: each month has at most 1 occurrence to pick from",
        ),
        ("FREQ=HOURLY;BYHOUR=9;BYSETPOS=2;COUNT=5", "BYSETPOS=2: each hour has at most 1 occurrence"),
        ("FREQ=DAILY;BYMONTH=1;BYWEEKNO=20", "BYWEEKNO=20 never falls in BYMONTH=1"),
        ("FREQ=YEARLY;BYMONTH=1;BYEASTER=0", "BYEASTER=0 never falls in BYMONTH=1"),
        ("FREQ=DAILY;BYMONTH=11;BYYEARDAY=-1", "BYYEARDAY=-1 never falls in BYMONTH=11"),
        ("FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=30;COUNT=5", "BYMONTHDAY=30 never falls in BYMONTH=2"),
        # Not told by its parts: found by the search (YEARLY: to the year 9999 in well under a second).
        ("FREQ=YEARLY;BYYEARDAY=1;BYWEEKNO=20", "produces no occurrence from 2026-01-01 09:00"),
        # dateutil refuses it for this start: every 2 hours from 09:00 never reaches 10:00.
        ("FREQ=HOURLY;INTERVAL=2;BYHOUR=10;COUNT=3", "never reaches its BYHOUR/BYMINUTE"),
    ],
)
def test_a_rule_that_never_matches_is_refused_at_once(rule: str, message: str) -> None:
    """dateutil alone would search to the year 9999 (seconds for DAILY, 20 s for HOURLY) to find nothing."""
    began = clock.perf_counter()
    with pytest.raises(ValidationError, match=message):
        check_rule_for(datetime(2026, 1, 1, 9), PARIS, 0, rule)
    assert clock.perf_counter() - began < 5


# ---------------------------------------------------------------------- on wall time, across DST


def test_black_friday_stays_at_nine_in_new_york_every_year() -> None:
    rule = "FREQ=YEARLY;BYMONTH=11;BYDAY=FR;BYMONTHDAY=23,24,25,26,27,28,29;COUNT=4"
    got = list(expand(RecurrenceRule.parse(rule, NEW_YORK), datetime(2026, 11, 27, 9), NEW_YORK))
    assert [g.wall for g in got] == [
        datetime(y, 11, d, 9) for y, d in ((2026, 27), (2027, 26), (2028, 24), (2029, 23))
    ]
    assert {g.utc.hour for g in got} == {14}  # EST


def test_the_last_weekday_of_the_month_in_both_hemispheres() -> None:
    rule = "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=4"
    for tz in (PARIS, "Australia/Sydney"):
        got = walls(rule, datetime(2026, 1, 1, 18), tz)
        assert [w.date().isoformat() for w, _ in got] == [
            "2026-01-30",
            "2026-02-27",
            "2026-03-31",
            "2026-04-30",
        ]


def test_hourly_through_a_gap_moves_past_it_keeps_order_and_counts_a_duplicate_once() -> None:
    # Paris, 29 March 2026: 02:00 -> 03:00. Every 30 minutes from 01:00: 02:00 and 02:30 are moved past the
    # gap (03:00, 03:30), the instants of the 03:00 and 03:30 the rule also gives: each goes out once.
    rule = RecurrenceRule.parse("FREQ=MINUTELY;INTERVAL=30;COUNT=8", PARIS)
    got = list(expand(rule, datetime(2026, 3, 29, 1), PARIS))
    instants = [g.utc for g in got]
    assert instants == sorted(set(instants))
    assert [g.wall.strftime("%H:%M") for g in got] == ["01:00", "01:30", "03:00", "03:30", "04:00", "04:30"]
    assert not any(g.gap_shifted for g in got)  # the moved ones landed on times the rule has anyway


def test_a_half_hour_gap_with_quarter_hours_stays_in_order() -> None:
    # Lord Howe, 4 October 2026: 02:00 -> 02:30. 02:15 moves to 02:45, after the 02:30 generated later.
    got = list(expand(RecurrenceRule.parse("FREQ=MINUTELY;INTERVAL=15;COUNT=6"), datetime(2026, 10, 4, 1, 45),
                      "Australia/Lord_Howe"))  # fmt: skip
    assert [(g.wall.strftime("%H:%M"), g.gap_shifted) for g in got] == [
        ("01:45", False), ("02:30", False), ("02:45", False), ("03:00", False),
    ]  # fmt: skip
    assert [g.utc for g in got] == sorted({g.utc for g in got})


def test_times_of_day_in_a_gap_are_flagged_when_alone() -> None:
    got = walls("FREQ=DAILY;BYHOUR=2,9;BYMINUTE=30;COUNT=6", datetime(2026, 3, 28, 2, 30), PARIS)
    assert (datetime(2026, 3, 29, 3, 30), True) in got  # 02:30 does not exist that night
    assert [w for w, _ in got] == sorted(w for w, _ in got)


@settings(max_examples=150, deadline=None)
@given(
    tz=st.sampled_from([PARIS, NEW_YORK, "Australia/Sydney", "Australia/Lord_Howe", "America/Santiago"]),
    start=st.builds(
        lambda day, back, minutes: day - timedelta(days=back) + timedelta(minutes=minutes),
        st.sampled_from(CLOCK_CHANGES),
        st.integers(0, 2),
        st.integers(0, 24 * 60 - 1),
    ),
    rule=st.sampled_from([
        "FREQ=HOURLY;COUNT=60",
        "FREQ=MINUTELY;INTERVAL=20;COUNT=200",
        "FREQ=MINUTELY;INTERVAL=45;BYHOUR=0,1,2,3;COUNT=60",
        "FREQ=DAILY;BYHOUR=0,1,2,3,23;BYMINUTE=0,30;COUNT=60",
        "FREQ=WEEKLY;BYDAY=SU;BYHOUR=1,2,3;BYMINUTE=15,45;COUNT=40",
        "FREQ=MONTHLY;BYDAY=-1SU;BYHOUR=2;BYMINUTE=0,30;COUNT=24",
        "FREQ=YEARLY;BYMONTH=3,4,9,10,11;BYDAY=1SU,-1SU;BYHOUR=2;COUNT=20",
    ]),
)  # fmt: skip
def test_expansion_agrees_with_dateutil_and_zoneinfo(tz: str, start: datetime, rule: str) -> None:
    """The near-the-clock-change days of random starts: instants in order, each once, as the oracle says."""
    parsed = RecurrenceRule.parse(rule, tz)
    got = [g.utc for g in expand(parsed, start, tz)]
    assert got == oracle(rule, start, tz)


def test_a_yearly_post_is_stored_on_its_first_occurrence_and_listed(db) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.services.schedule.clients import ClientService
    from nomadcm.services.schedule.query import ScheduleFilter, ScheduleQuery

    clients = ClientService(db)
    channel = clients.add_channel(clients.add_client("Boutique", NEW_YORK).id, "instagram")
    post = PostService(db).add(
        PostDraft(channel.id, "Black Friday", datetime(2026, 1, 10, 9),
                  rrule="FREQ=YEARLY;BYMONTH=11;BYDAY=FR;BYMONTHDAY=23,24,25,26,27,28,29")
    )  # fmt: skip
    assert post.wall == datetime(2026, 11, 27, 9)
    rows = list(
        ScheduleQuery(db, ScheduleFilter(post_ids=(post.id,)), now=datetime(2026, 1, 10, tzinfo=UTC)).stream()
    )
    # An open series is listed up to its horizon: a year after its start (or after now, if later).
    assert [r.wall for r in rows] == [datetime(2026, 11, 27, 9), datetime(2027, 11, 26, 9)]
