"""Break reminders on a fake clock: due times, postpone, skip, breaks taken, pauses, the daily limit."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from nomadcm.services.wellbeing.breaks import BreakScheduler
from nomadcm.services.wellbeing.goals import ReminderSettings

T0 = datetime(2027, 3, 26, 8, 0, tzinfo=UTC)
ON = ReminderSettings(enabled=True)


def m(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def test_nothing_is_due_while_reminders_are_off_or_no_timer_runs() -> None:
    off = BreakScheduler(ReminderSettings())
    off.work_started(T0)
    assert off.due(m(500)) is None
    on = BreakScheduler(ON)
    assert on.due(m(500)) is None


def test_short_break_after_50_minutes_long_after_150() -> None:
    s = BreakScheduler(ON)
    s.work_started(T0)
    assert s.due(m(49)) is None
    due = s.due(m(50))
    assert (due.kind, due.minutes, due.worked_minutes) == ("short", 5, 50)
    s.break_taken(m(50), m(55))
    assert s.due(m(104)) is None
    assert s.due(m(105)).kind == "short"
    s.break_taken(m(105), m(110))
    assert s.due(m(159)) is None  # 150 min of screen time not reached: breaks are not screen time
    assert s.due(m(160)).kind == "long"
    s.break_taken(m(160), m(175))  # long enough: both counts restart
    assert s.due(m(224)) is None and s.due(m(225)).kind == "short"


def test_postpone_asks_again_later_and_skip_waits_a_full_interval() -> None:
    s = BreakScheduler(ON)
    s.work_started(T0)
    assert s.postpone(m(50)) == m(60)
    assert s.due(m(59)) is None
    assert s.due(m(60)).kind == "short"
    s.skip(m(60))
    assert s.due(m(61)) is None
    assert s.due(m(109)) is None and s.due(m(110)).kind == "short"


def test_a_pause_of_the_timers_counts_as_a_break() -> None:
    s = BreakScheduler(ON)
    s.work_started(T0)
    s.work_stopped(m(40))
    s.work_started(m(42))  # 2 min: not a break
    assert s.due(m(52)).kind == "short"
    s.work_stopped(m(52))
    s.work_started(m(60))  # 8 min away: a short break
    assert s.due(m(100)) is None and s.due(m(110)).kind == "short"
    assert s.worked(m(110)) == (timedelta(minutes=50), timedelta(minutes=100))


def test_daily_limit_warns_once_a_day() -> None:
    s = BreakScheduler(ON)
    today = date(2027, 3, 26)
    assert not s.limit_warning(today, 7 * 3600, 8)
    assert s.limit_warning(today, 8 * 3600 + 1, 8)
    assert not s.limit_warning(today, 9 * 3600, 8)
    assert s.limit_warning(today + timedelta(days=1), 9 * 3600, 8)
    assert not BreakScheduler(ReminderSettings(enabled=True, limit_warning=False)).limit_warning(
        today, 1e6, 8
    )
