"""Client events typed by hand: wall times in the client's zone (DST gaps refused, folds chosen), all-day
dates in any zone, listing by instants, calendar events' kind kept, undo, the launch window, the JSON shape."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.services.container import Services
from nomadcm.services.events.calendars import ImportedEvent
from nomadcm.services.events.records import EventDraft


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.fixture
def paris(services: Services):  # type: ignore[no-untyped-def]
    return services.clients.add_client("Atelier Lumière", "Europe/Paris", country="FR")


@pytest.fixture
def auckland(services: Services):  # type: ignore[no-untyped-def]
    return services.clients.add_client("Kiwi Coffee", "Pacific/Auckland", country="NZ")


def test_a_timed_event_is_a_wall_time_in_the_clients_zone(services: Services, paris) -> None:  # type: ignore[no-untyped-def]
    e = services.events.add(EventDraft(paris.id, "Lancement", datetime(2027, 3, 10, 10, 0), kind="launch"))
    assert (e.tz, e.start_wall, e.end_wall) == (
        "Europe/Paris",
        datetime(2027, 3, 10, 10),
        datetime(2027, 3, 10, 11),
    )
    assert e.start_utc == datetime(2027, 3, 10, 10, tzinfo=ZoneInfo("Europe/Paris")).astimezone(UTC)
    assert e.end_utc - e.start_utc == timedelta(hours=1)  # no end given: an hour
    assert services.events.get(e.id) == e


def test_an_event_across_the_spring_forward_night_lasts_what_the_clocks_say(
    services: Services, paris
) -> None:  # type: ignore[no-untyped-def]
    e = services.events.add(
        EventDraft(paris.id, "Nuit blanche", datetime(2027, 3, 27, 22, 0), datetime(2027, 3, 28, 6, 0))
    )
    assert e.end_utc - e.start_utc == timedelta(hours=7)  # 22:00 -> 06:00 is 7 hours that night
    assert e.start_utc == utc(2027, 3, 27, 21) and e.end_utc == utc(2027, 3, 28, 4)


def test_a_time_in_the_dst_gap_is_refused_with_the_first_valid_time(services: Services, paris) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match=r"2027-03-28 02:30 does not exist in Europe/Paris.*use 03:00"):
        services.events.add(EventDraft(paris.id, "Live", datetime(2027, 3, 28, 2, 30)))


def test_an_ambiguous_time_is_the_first_unless_the_second_is_chosen(services: Services, paris) -> None:  # type: ignore[no-untyped-def]
    wall = datetime(2027, 10, 31, 2, 30)
    first = services.events.add(EventDraft(paris.id, "A", wall, wall + timedelta(minutes=20)))
    second = services.events.add(
        EventDraft(paris.id, "B", wall, wall + timedelta(minutes=20), start_fold=1, end_fold=1)
    )
    assert first.start_utc == utc(2027, 10, 31, 0, 30)
    assert second.start_utc == utc(2027, 10, 31, 1, 30) and second.start_fold == 1


def test_all_day_events_cover_their_dates_in_the_clients_zone(services: Services, paris, auckland) -> None:  # type: ignore[no-untyped-def]
    closed = services.events.add(
        EventDraft(paris.id, "Fermeture", date(2027, 8, 1), date(2027, 8, 21), "closure", all_day=True)
    )
    assert (closed.first_date, closed.last_date) == (date(2027, 8, 1), date(2027, 8, 21))
    assert closed.start_utc == utc(2027, 7, 31, 22) and closed.end_utc == utc(2027, 8, 21, 22)
    # the same date in Auckland starts half a day earlier: an all-day event is the client's date
    kiwi = services.events.add(
        EventDraft(auckland.id, "Closed", date(2027, 8, 1), kind="closure", all_day=True)
    )
    assert kiwi.start_utc == utc(2027, 7, 31, 12) and kiwi.end_utc == utc(2027, 8, 1, 12)
    # on a DST day the all-day event lasts 23 hours (the day it covers)
    spring = services.events.add(EventDraft(paris.id, "Printemps", date(2027, 3, 28), all_day=True))
    assert spring.end_utc - spring.start_utc == timedelta(hours=23)


def test_listing_by_instants_finds_overlapping_events_in_time_order(
    services: Services, paris, auckland
) -> None:  # type: ignore[no-untyped-def]
    a = services.events.add(EventDraft(paris.id, "A", datetime(2027, 5, 3, 9, 0)))
    b = services.events.add(EventDraft(auckland.id, "B", date(2027, 5, 3), all_day=True))
    c = services.events.add(EventDraft(paris.id, "C", datetime(2027, 5, 4, 9, 0), datetime(2027, 5, 4, 9, 0)))
    found = services.events.list_events(start=utc(2027, 5, 3, 6), end=utc(2027, 5, 4, 8))
    assert [e.id for e in found] == [b.id, a.id, c.id]  # C: an instant-long event at 07:00Z
    assert [e.id for e in services.events.list_events(client_id=paris.id)] == [a.id, c.id]
    assert services.events.list_events(start=utc(2027, 5, 4, 7, 1)) == []
    assert [e.id for e in services.events.list_events(kinds=["event"])] == [b.id, a.id, c.id]


def test_bad_values_name_themselves(services: Services, paris) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="unknown event kind 'party'"):
        services.events.add(EventDraft(paris.id, "X", datetime(2027, 5, 3, 9), kind="party"))
    with pytest.raises(ValidationError, match="needs a title"):
        services.events.add(EventDraft(paris.id, "  \n", datetime(2027, 5, 3, 9)))
    with pytest.raises(ValidationError, match="end 2027-05-03 08:00 is before its start 2027-05-03 09:00"):
        services.events.add(EventDraft(paris.id, "X", datetime(2027, 5, 3, 9), datetime(2027, 5, 3, 8)))
    with pytest.raises(ValidationError, match="end 2027-05-01 is before its start 2027-05-03"):
        services.events.add(EventDraft(paris.id, "X", date(2027, 5, 3), date(2027, 5, 1), all_day=True))
    with pytest.raises(ValidationError, match=r"2101-01-01.*outside the dates NomadCM handles"):
        services.events.add(EventDraft(paris.id, "X", date(2101, 1, 1), all_day=True))
    with pytest.raises(NotFoundError, match="no client with id 99"):
        services.events.add(EventDraft(99, "X", datetime(2027, 5, 3, 9)))
    with pytest.raises(NotFoundError, match="no event with id 42"):
        services.events.get(42)


def test_titles_are_one_line_and_notes_keep_their_lines(services: Services, paris) -> None:  # type: ignore[no-untyped-def]
    e = services.events.add(
        EventDraft(paris.id, "Soldes\n d'été\x1b[2J", datetime(2027, 6, 1, 9), notes="ligne 1\nligne 2")
    )
    assert e.title == "Soldes d'été[2J" and e.notes == "ligne 1\nligne 2"


def test_edit_delete_and_undo(services: Services, paris) -> None:  # type: ignore[no-untyped-def]
    events = services.events
    change = events.add_op(EventDraft(paris.id, "Presse", datetime(2027, 6, 1, 9), kind="press"))
    e = change.result
    edit = events.update_op(
        e.id, EventDraft(paris.id, "Presse locale", datetime(2027, 6, 1, 11), kind="press")
    )
    assert events.get(e.id).title == "Presse locale" and events.get(e.id).start_wall.hour == 11
    redo_edit = edit.undo()
    assert events.get(e.id).title == "Presse"
    redo_edit.undo()
    assert events.get(e.id).title == "Presse locale"
    deleted = events.delete_op([e.id])
    assert events.list_events() == []
    deleted.undo()  # back under its own id
    assert events.get(e.id).title == "Presse locale"
    change.undo()  # the add taken back
    assert events.list_events() == []


def test_a_calendars_events_keep_their_times_but_take_a_kind_and_notes(services: Services, paris) -> None:  # type: ignore[no-untyped-def]
    start = utc(2027, 6, 2, 8)
    row = ImportedEvent("u1", "", "Salon", "event", False, datetime(2027, 6, 2, 10), datetime(2027, 6, 2, 11),
                        0, 0, "Europe/Paris", start, start + timedelta(hours=1))  # fmt: skip
    report = services.calendars.sync(paris.id, "Agenda", [row], "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    (e,) = services.events.list_events()
    assert e.calendar_id == report.calendar.id and e.calendar_name == "Agenda"
    ignored = EventDraft(paris.id, "ignored", datetime(2027, 1, 1, 1), kind="press", notes="stand B12")
    changed = services.events.update(e.id, ignored)
    assert (changed.title, changed.start_wall, changed.kind, changed.notes) == (
        "Salon", datetime(2027, 6, 2, 10), "press", "stand B12",
    )  # fmt: skip
    services.calendars.sync(paris.id, "Agenda", [row], "", calendar_id=report.calendar.id)
    again = services.events.get(e.id)
    assert again.kind == "press" and again.kind_by_hand  # the calendar read again keeps the chosen kind
    with pytest.raises(ValidationError, match=r"comes from the calendar 'Agenda'.*--calendar"):
        services.events.delete([e.id])


def test_the_launch_window_is_a_client_setting(services: Services, paris, auckland) -> None:  # type: ignore[no-untyped-def]
    events = services.events
    assert events.launch_window(paris.id) == 24
    events.set_launch_window(paris.id, 48)
    assert events.launch_window(paris.id) == 48 and events.launch_window(auckland.id) == 24
    undo = events.set_launch_window_op(paris.id, 6).undo
    assert events.launch_window(paris.id) == 6
    assert undo is not None
    undo()
    assert events.launch_window(paris.id) == 48
    for bad in (0, 721, True, "12"):
        with pytest.raises(ValidationError, match="launch window"):
            events.set_launch_window(paris.id, bad)  # type: ignore[arg-type]


def test_deleting_a_client_deletes_its_events_and_undo_brings_them_back(services: Services, paris) -> None:  # type: ignore[no-untyped-def]
    e = services.events.add(EventDraft(paris.id, "Lancement", datetime(2027, 6, 1, 9), kind="launch"))
    services.events.set_launch_window(paris.id, 12)
    change = services.clients.delete_client_op(paris.id)
    assert services.events.list_events() == []
    change.undo()
    (back,) = services.events.list_events()
    assert (back.id, back.title, back.client_id) == (e.id, "Lancement", paris.id)
    assert services.events.launch_window(paris.id) == 12


def test_the_json_contract(services: Services, paris) -> None:  # type: ignore[no-untyped-def]
    e = services.events.add(EventDraft(paris.id, "Fermé", date(2027, 8, 15), kind="closure", all_day=True))
    assert e.to_json() == {
        "id": e.id, "client": "Atelier Lumière", "client_id": paris.id, "title": "Fermé", "kind": "closure",
        "all_day": True, "start": "2027-08-15", "end": "2027-08-15", "tz": "Europe/Paris",
        "start_utc": "2027-08-14T22:00:00Z", "end_utc": "2027-08-15T22:00:00Z", "notes": "",
        "calendar_id": None, "calendar": None, "uid": None, "recurrence_id": None,
    }  # fmt: skip


def test_instants_follow_wall_times_when_the_zone_rules_change(services: Services, paris) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import update

    from nomadcm.models import ClientEvent
    from nomadcm.services.schedule.zone_rule_updates import RULES_VERSION_KEY, ensure_instants_current

    e = services.events.add(EventDraft(paris.id, "Live", datetime(2027, 7, 1, 18), datetime(2027, 7, 1, 19)))
    ensure_instants_current(services.db)
    with services.db.write() as s:  # as if computed under older rules: an hour off
        s.execute(update(ClientEvent).values(start_utc=utc(2027, 7, 1, 17), end_utc=utc(2027, 7, 1, 18)))
    services.settings.set(RULES_VERSION_KEY, "1999a")
    assert ensure_instants_current(services.db) == 1
    assert (services.events.get(e.id).start_utc, services.events.get(e.id).end_utc) == (
        utc(2027, 7, 1, 16),
        utc(2027, 7, 1, 17),
    )
