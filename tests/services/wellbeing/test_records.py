"""Logging, editing, deleting (with what undo needs) screen sessions and rest periods."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.services.wellbeing.goals import Goals, ReminderSettings, parse_setting
from nomadcm.services.wellbeing.records import WellbeingService


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


@pytest.fixture
def wb(db) -> WellbeingService:  # type: ignore[no-untyped-def]
    return WellbeingService(db)


def test_add_screen_takes_the_zone_where_she_was(wb, services) -> None:  # type: ignore[no-untyped-def]
    services.settings.set_home_tz("America/Toronto")
    info = wb.add_screen("laptop", utc(2027, 3, 26, 14), utc(2027, 3, 26, 15), activity="moderation")
    assert (info.device, info.tz, info.source, info.minutes) == ("laptop", "America/Toronto", "manual", 60)
    assert wb.get_screen(info.id) == info


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"device": "watch"}, "device 'watch' is not one of laptop"),
        ({"end": utc(2027, 3, 26, 13)}, "ends .* before it starts"),
        ({"end": utc(2027, 3, 28, 15)}, "more than 24 h"),
        ({"client_id": 99}, "no client #99"),
    ],
)
def test_bad_screen_sessions_are_refused_naming_the_value(wb, kwargs, message) -> None:  # type: ignore[no-untyped-def]
    args = {"device": "laptop", "start": utc(2027, 3, 26, 14), "end": utc(2027, 3, 26, 15), **kwargs}
    with pytest.raises((ValidationError, NotFoundError), match=message):
        wb.add_screen(args.pop("device"), args.pop("start"), args.pop("end"), **args)


def test_rest_quality_and_kind_are_checked(wb) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="rest kind 'nap'"):
        wb.add_rest("nap", utc(2027, 3, 26, 14), utc(2027, 3, 26, 15))
    with pytest.raises(ValidationError, match="sleep quality '7'"):
        wb.add_rest("sleep", utc(2027, 3, 26, 0), utc(2027, 3, 26, 7), quality="7")
    with pytest.raises(ValidationError, match=r"sleep quality .3\.5."):
        wb.add_rest("sleep", utc(2027, 3, 26, 0), utc(2027, 3, 26, 7), quality="3.5")
    info = wb.add_rest("day-off", utc(2027, 3, 26, 0), utc(2027, 3, 28, 0), quality="4", note="sea")
    assert (info.kind, info.quality, info.note) == ("day_off", 4, "sea")


def test_update_delete_and_restore_keep_the_id(wb) -> None:  # type: ignore[no-untyped-def]
    info = wb.add_screen("phone", utc(2027, 3, 26, 20), utc(2027, 3, 26, 21))
    changed = wb.update_screen(info.id, device="tablet", end=utc(2027, 3, 26, 22))
    assert (changed.device, changed.minutes) == ("tablet", 120)
    gone = wb.delete_screen(info.id)
    with pytest.raises(NotFoundError, match=f"no screen session #{info.id}"):
        wb.get_screen(info.id)
    assert wb.restore_screen(gone) == changed
    rest = wb.add_rest("break", utc(2027, 3, 26, 10), utc(2027, 3, 26, 10, 10))
    old = wb.delete_rest(rest.id)
    assert wb.restore_rest(old) == rest
    assert wb.update_rest(rest.id, quality=2).quality == 2


def test_listing_between_two_instants(wb) -> None:  # type: ignore[no-untyped-def]
    wb.add_screen("laptop", utc(2027, 3, 26, 8), utc(2027, 3, 26, 9))
    wb.add_screen("laptop", utc(2027, 3, 27, 8), utc(2027, 3, 27, 9))
    wb.add_rest("sleep", utc(2027, 3, 25, 23), utc(2027, 3, 26, 6))
    found = wb.screens_between(utc(2027, 3, 26), utc(2027, 3, 27))
    assert [s.start for s in found] == [utc(2027, 3, 26, 8)]
    assert len(wb.rests_between(utc(2027, 3, 26), utc(2027, 3, 27))) == 1


def test_clients_by_name(wb, services) -> None:  # type: ignore[no-untyped-def]
    client = services.clients.add_client("Boulangerie Dupont", "Europe/Paris")
    assert wb.find_client_id("boulangerie dupont") == client.id
    with pytest.raises(NotFoundError, match="no client named 'Nobody'"):
        wb.find_client_id("Nobody")
    info = wb.add_screen("laptop", utc(2027, 3, 26, 8), utc(2027, 3, 26, 9), client_id=client.id)
    assert info.client_name == "Boulangerie Dupont"


def test_typed_time_with_an_explicit_zone(wb) -> None:  # type: ignore[no-untyped-def]
    typed = wb.read_typed(datetime(2027, 3, 26, 9), "Asia/Kathmandu")
    assert typed.instant == utc(2027, 3, 26, 3, 15) and typed.zone == "Asia/Kathmandu"


def test_goal_settings_are_typed_and_ranged(services) -> None:  # type: ignore[no-untyped-def]
    assert Goals.from_settings(services.settings) == Goals(7.0, 11.0, 24.0, 8.0, 40.0)
    assert parse_setting("sleep_goal_hours", "7,5") == 7.5
    assert parse_setting("break_reminders", "on") is True
    with pytest.raises(ValidationError, match="outside 0-24"):
        parse_setting("daily_rest_hours", "30")
    with pytest.raises(ValidationError, match="not a number"):
        parse_setting("short_break_min", "five")
    services.settings.set("screen_limit_day_hours", "bad")  # hand-edited: falls back, never crashes
    assert Goals.from_settings(services.settings).screen_day_hours == 8.0
    assert ReminderSettings.from_settings(services.settings).enabled is False  # off by default


def test_app_totals_clip_to_the_range(db, wb) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.models import AppUsage

    with db.write() as s:
        s.add(
            AppUsage(
                app="firefox", start_utc=utc(2027, 3, 26, 23), end_utc=utc(2027, 3, 27, 1), source_id="a"
            )
        )
        s.add(
            AppUsage(
                app="Code", start_utc=utc(2027, 3, 26, 8), end_utc=utc(2027, 3, 26, 8, 30), source_id="b"
            )
        )
    totals = wb.app_totals(utc(2027, 3, 26), utc(2027, 3, 27))
    assert [(a, round(s)) for a, s in totals] == [("Code", 1800), ("firefox", 3600)] or [
        (a, round(s)) for a, s in totals
    ] == [("firefox", 3600), ("Code", 1800)]
    assert totals[0] == ("firefox", pytest.approx(3600, abs=1))


def test_durations_longer_than_a_day_are_refused_for_screens_not_for_rest(wb) -> None:  # type: ignore[no-untyped-def]
    start = utc(2027, 7, 1)
    assert wb.add_rest("day_off", start, start + timedelta(days=7)).minutes == 7 * 24 * 60
    with pytest.raises(ValidationError, match="more than 744 h"):
        wb.add_rest("day_off", start, start + timedelta(days=40))
