"""Screen time a person types is refused when it ends in the future, as speed tests and work sessions are;
timers, importers and the sample data write what their own clock says."""

from __future__ import annotations

from datetime import timedelta

import pytest

from nomadcm import timezones
from nomadcm.errors import ValidationError
from nomadcm.services.wellbeing.record_values import FUTURE_SLACK, check_past


def test_typed_screen_time_ending_after_now_is_refused(services) -> None:  # type: ignore[no-untyped-def]
    now = timezones.now_utc().replace(microsecond=0)
    wb = services.wellbeing
    with pytest.raises(ValidationError, match="a screen session cannot end in the future"):
        wb.add_screen("laptop", now + timedelta(hours=1), now + timedelta(hours=2), typed=True)
    with pytest.raises(ValidationError, match="cannot end in the future"):
        wb.add_screen_op("laptop", now, now + timedelta(hours=1), typed=True)
    done = wb.add_screen("laptop", now - timedelta(hours=1), now, typed=True)
    assert done.end == now
    assert wb.screens_between(now, now + timedelta(days=1)) == []


def test_an_edit_that_moves_the_end_into_the_future_is_refused(services) -> None:  # type: ignore[no-untyped-def]
    now = timezones.now_utc().replace(microsecond=0)
    wb = services.wellbeing
    info = wb.add_screen("phone", now - timedelta(hours=2), now - timedelta(hours=1), typed=True)
    with pytest.raises(ValidationError, match="cannot end in the future"):
        wb.update_screen_op(info.id, typed=True, end=now + timedelta(hours=1))
    assert wb.update_screen_op(info.id, typed=True, activity="replies").result.activity == "replies"


def test_a_clock_a_little_ahead_is_forgiven() -> None:
    now = timezones.now_utc()
    check_past(now + FUTURE_SLACK - timedelta(seconds=1), "a screen session", now)
    with pytest.raises(ValidationError):
        check_past(now + FUTURE_SLACK + timedelta(seconds=1), "a screen session", now)


def test_what_a_clock_wrote_is_not_typed(services) -> None:  # type: ignore[no-untyped-def]
    """A timer's session, an import's rows and the sample data's days keep their own clock's times."""
    now = timezones.now_utc().replace(microsecond=0)
    info = services.wellbeing.add_screen("laptop", now + timedelta(days=1), now + timedelta(days=1, hours=1))
    assert info.start > now
