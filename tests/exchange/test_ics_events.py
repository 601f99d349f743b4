"""A client's calendar read as its events: expanded by recurring-ical-events in the product and checked here
against allenporter's `ical` (its own parser, expansion and tz database) and against RFC 5545's published
occurrences, over real-world-like files; stored idempotently; kinds guessed; bad files refused."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from hypothesis import given, settings
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream

from nomadcm import timezones
from nomadcm.errors import ValidationError
from nomadcm.exchange import event_import, ics_events
from nomadcm.exchange.ics_events import read_calendar
from nomadcm.services.container import Services

DATA = Path(__file__).resolve().parents[1] / "data" / "ics"
RFC = DATA / "rfc5545_new_york.ics"
GOOGLE = DATA / "google_export.ics"
NY = ZoneInfo("America/New_York")
RFC_NOW = datetime(1997, 9, 1, tzinfo=UTC)
GOOGLE_NOW = datetime(2027, 3, 1, tzinfo=UTC)


def _key(value: object) -> str:
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert isinstance(value, date)
    return value.isoformat()


def ours(path: Path, zone: str, now: datetime) -> Counter[tuple[str, str, str, str]]:
    """(uid, title, start, end) of every occurrence NomadCM stores: instants in UTC, all-day dates as dates
    (the end exclusive, as in the file)."""
    reading = read_calendar(path.read_bytes(), zone, path.name, now)
    assert reading.skipped == []
    found: Counter[tuple[str, str, str, str]] = Counter()
    for e in reading.events:
        if e.all_day:
            found[(e.uid, e.title, e.start_wall.date().isoformat(), e.end_wall.date().isoformat())] += 1
        else:
            found[(e.uid, e.title, _key(e.start_utc), _key(e.end_utc))] += 1
    return found


def theirs(path: Path, now: datetime) -> Counter[tuple[str, str, str, str]]:
    """The same, as `ical` expands the file over the same window (a year back, two ahead)."""
    cal = IcsCalendarStream.calendar_from_ics(path.read_text(encoding="utf-8"))
    found: Counter[tuple[str, str, str, str]] = Counter()
    for ev in cal.timeline_tz(UTC).overlapping(now - timedelta(days=366), now + timedelta(days=731)):
        found[(str(ev.uid), str(ev.summary), _key(ev.dtstart), _key(ev.end))] += 1
    return found


@pytest.mark.parametrize(
    ("path", "zone", "now"), [(RFC, "America/New_York", RFC_NOW), (GOOGLE, "Europe/Paris", GOOGLE_NOW)]
)
def test_the_expansion_matches_an_independent_reader(path: Path, zone: str, now: datetime) -> None:
    mine, other = ours(path, zone, now), theirs(path, now)
    assert mine == other
    assert sum(mine.values()) > 10


def _starts(path: Path, uid: str, zone: str, now: datetime) -> list[datetime]:
    reading = read_calendar(path.read_bytes(), zone, path.name, now)
    return sorted(e.start_utc for e in reading.events if e.uid == uid)


def _ny(*days: tuple[int, int, int], hour: int = 9) -> list[datetime]:
    return [datetime(y, m, d, hour, tzinfo=NY).astimezone(UTC) for y, m, d in days]


def test_rfc5545_published_occurrences_across_the_dst_change() -> None:
    """The occurrences RFC 5545 §3.8.5.3 lists, 9:00 EDT then 9:00 EST: the wall time is kept."""
    starts = lambda uid: _starts(RFC, uid, "America/New_York", RFC_NOW)  # noqa: E731
    assert starts("daily-10@rfc5545") == _ny(*[(1997, 9, d) for d in range(2, 12)])
    assert starts("biweekly-tu-th@rfc5545") == _ny(
        (1997, 9, 2), (1997, 9, 4), (1997, 9, 16), (1997, 9, 18), (1997, 9, 30), (1997, 10, 2),
        (1997, 10, 14), (1997, 10, 16),
    )  # fmt: skip
    assert starts("first-friday@rfc5545") == _ny(
        (1997, 9, 5), (1997, 10, 3), (1997, 11, 7), (1997, 12, 5), (1998, 1, 2), (1998, 2, 6), (1998, 3, 6),
        (1998, 4, 3), (1998, 5, 1), (1998, 6, 5),
    )  # fmt: skip
    assert starts("last-workday@rfc5545") == _ny(
        (1997, 9, 30), (1997, 10, 31), (1997, 11, 28), (1997, 12, 31), (1998, 1, 30), (1998, 2, 27),
        (1998, 3, 31),
    )  # fmt: skip
    assert starts("first-friday@rfc5545")[2] == datetime(1997, 11, 7, 14, tzinfo=UTC)  # 9:00 EST


def test_exdate_and_a_moved_occurrence() -> None:
    reading = read_calendar(RFC.read_bytes(), "America/New_York", "rfc", RFC_NOW)
    series = sorted((e for e in reading.events if e.uid == "daily-exdate@rfc5545"), key=lambda e: e.start_utc)
    days = [e.start_wall.day for e in series]
    assert days == [2, 3, 4, 7, 8, 9, 10, 11]  # the 5th and 6th excluded
    moved = next(e for e in series if e.start_wall.day == 8)
    assert (moved.start_wall.hour, moved.title) == (15, "Daily, the 8th moved to the afternoon")
    assert moved.recurrence_id == "19970908T130000Z"  # its original start, the key a new reading updates
    assert len({e.recurrence_id for e in series}) == len(series)
    assert all(e.tz == "America/New_York" for e in series)


def test_a_google_export_with_x_wr_timezone() -> None:
    reading = read_calendar(GOOGLE.read_bytes(), "America/Toronto", "google", GOOGLE_NOW)
    assert reading.name == "Atelier Boréal — communication"
    by_title = {e.title: e for e in reading.events}
    closure = by_title["Fermeture annuelle de l'atelier"]
    assert closure.all_day and (closure.start_wall, closure.end_wall) == (
        datetime(2027, 4, 12),
        datetime(2027, 4, 15),
    )
    assert closure.tz == "America/Toronto"  # all-day: the client's dates
    assert closure.kind == "closure" and by_title["Interview presse (Le Devoir)"].kind == "press"
    assert by_title["Blackout : résultats annuels"].kind == "blackout"
    assert by_title["Lancement collection Hiver"].kind == "launch"
    press = by_title["Interview presse (Le Devoir)"]
    assert press.start_utc == datetime(2027, 3, 10, 13, tzinfo=UTC) and press.notes == "Visio"
    new_york = by_title["Salon du design, New York"]
    assert new_york.tz == "America/New_York" and new_york.start_utc == datetime(2027, 3, 14, 14, tzinfo=UTC)
    lives = sorted((e for e in reading.events if e.title.startswith("Live")), key=lambda e: e.start_utc)
    assert [e.start_utc.strftime("%m-%d %H:%M") for e in lives] == [
        "03-03 17:00", "03-10 17:00", "03-24 17:00", "04-01 15:00", "04-07 16:00", "04-14 16:00",
        "04-21 16:00", "04-28 16:00",
    ]  # fmt: skip  # 18:00 Paris on both sides of 28 March; the 17th skipped; the 31st moved to Thursday 17:00;
    # UNTIL 15:59:59Z on 5 May ends the series before that day's 18:00 (16:00Z)
    anniversaries = sorted(e.start_wall.date() for e in reading.events if e.uid == "1e5c7d@google.com")
    assert anniversaries == [
        date(2026, 6, 15),
        date(2027, 6, 15),
        date(2028, 6, 15),
    ]  # inside the window only


def test_a_time_the_clocks_show_twice_keeps_its_instant() -> None:
    reading = read_calendar(GOOGLE.read_bytes(), "Europe/Paris", "google", GOOGLE_NOW)
    blackout = next(e for e in reading.events if e.kind == "blackout")
    # 01:15Z on 31 October 2027 is 02:15 CET, the second pass of 02:15 in Paris: a time given in UTC stays
    # that instant (x-wr-timezone's conversion to Paris would have made it the first pass, an hour early)
    assert (blackout.tz, blackout.start_utc) == ("UTC", datetime(2027, 10, 31, 1, 15, tzinfo=UTC))
    assert timezones.to_local(blackout.start_utc, "Europe/Paris").fold == 1
    launch = next(e for e in reading.events if e.kind == "launch")
    assert (
        launch.start_utc == datetime(2027, 10, 31, 0, 0, tzinfo=UTC) and launch.start_fold == 0
    )  # the first


def test_a_google_series_in_utc_repeats_on_the_calendars_clock() -> None:
    """Google may write a series' times in UTC with X-WR-TIMEZONE: its wall time in that zone repeats."""
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
        "X-WR-TIMEZONE:Europe/Paris\r\nBEGIN:VEVENT\r\nUID:w@google.com\r\nDTSTAMP:20270101T000000Z\r\n"
        "DTSTART:20270322T170000Z\r\nDTEND:20270322T173000Z\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n"
        "SUMMARY:Live\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    reading = read_calendar(text, "America/Toronto", "google", GOOGLE_NOW)
    paris = ZoneInfo("Europe/Paris")
    expected = [datetime(2027, 3, d, 18, tzinfo=paris).astimezone(UTC) for d in (22, 29)]
    expected.append(datetime(2027, 4, 5, 18, tzinfo=paris).astimezone(UTC))
    assert sorted(e.start_utc for e in reading.events) == expected  # 17:00Z, then 16:00Z after 28 March
    assert {e.tz for e in reading.events} == {"Europe/Paris"}


def test_importing_again_is_idempotent_and_follows_the_client(services: Services, tmp_path: Path) -> None:
    client = services.clients.add_client("Atelier Boréal", "America/Toronto", country="CA")
    first = event_import.import_file(services, client.id, GOOGLE, now=GOOGLE_NOW)
    assert first.calendar.name == "Atelier Boréal — communication" and first.removed == 0
    assert first.added == first.calendar.events == sum(theirs(GOOGLE, GOOGLE_NOW).values())
    ids = {(e.uid, e.recurrence_id): e.id for e in services.events.list_events()}
    live = next(e for e in services.events.list_events() if e.title.startswith("Live"))
    services.launch_check.acknowledge(
        next(e.id for e in services.events.list_events() if e.kind == "launch"), note="annoncé par le client"
    )
    again = event_import.import_file(services, client.id, GOOGLE, now=GOOGLE_NOW)
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, first.added)
    # upstream: one occurrence deleted (another EXDATE), one event renamed, the press interview deleted
    text = GOOGLE.read_bytes().decode("utf-8")
    text = text.replace(
        "EXDATE;TZID=Europe/Paris:20270317T180000", "EXDATE;TZID=Europe/Paris:20270317T180000,20270324T180000"
    )
    text = text.replace("SUMMARY:Lancement collection Hiver", "SUMMARY:Lancement collection Hiver (reporté)")
    start = text.index("BEGIN:VEVENT\r\nDTSTART:20270310T130000Z")
    text = text[:start] + text[text.index("END:VEVENT\r\n", start) + len("END:VEVENT\r\n") :]
    changed = tmp_path / "google_export.ics"
    changed.write_text(text, encoding="utf-8", newline="")
    third = event_import.import_file(services, client.id, changed, now=GOOGLE_NOW)
    assert (third.added, third.updated, third.removed) == (0, 1, 2)
    after = {(e.uid, e.recurrence_id): e.id for e in services.events.list_events()}
    assert set(after) < set(ids) and all(after[k] == ids[k] for k in after)  # updated in place: same ids
    assert services.events.get(live.id).title == live.title
    gaps = services.launch_check.gaps(include_acknowledged=True)
    assert [g.note for g in gaps if g.event.title.endswith("(reporté)")] == ["annoncé par le client"]
    assert len(services.calendars.list_calendars()) == 1


def test_the_import_is_one_undo_step(services: Services) -> None:
    client = services.clients.add_client("Atelier Boréal", "America/Toronto")
    change = event_import.import_file_op(services, client.id, GOOGLE, now=GOOGLE_NOW)
    count = len(services.events.list_events())
    assert count == change.result.added > 0
    redo = change.undo()
    assert services.events.list_events() == [] and services.calendars.list_calendars() == []
    redo.undo()
    assert len(services.events.list_events()) == count and len(services.calendars.list_calendars()) == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"hello", "is not an iCalendar file"),
        (b"BEGIN:VCARD\r\nEND:VCARD\r\n", "is not an iCalendar file"),
        (b"\xff\xfe\x00\x00bad", "not an iCalendar file"),
        (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20270301T100000Z\r\n" * 2, "is not an iCalendar file"),
    ],
)
def test_bad_files_are_refused_naming_the_file(data: bytes, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        read_calendar(data, "Europe/Paris", "'calendar.ics'", GOOGLE_NOW)


def test_a_broken_event_is_left_out_and_said() -> None:
    text = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:notadate\r\nSUMMARY:Salon\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    reading = read_calendar(text, "Europe/Paris", "'calendar.ics'", GOOGLE_NOW)
    assert reading.events == [] and reading.skipped == ["event 'Salon': DTSTART Wrong date format notadate"]


def test_events_outside_the_handled_dates_are_left_out_and_said() -> None:
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
        "BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20270101T000000Z\r\nDTSTART:20270302T100000Z\r\nSUMMARY:ok\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:b\r\nDTSTAMP:20270101T000000Z\r\nDTSTART;VALUE=DATE:21050101\r\nSUMMARY:far\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )
    reading = read_calendar(text, "Europe/Paris", "x", datetime(2104, 6, 1, tzinfo=UTC))
    assert [e.title for e in reading.events] == []
    assert any("far" in s and "outside the dates" in s for s in reading.skipped)
    reading = read_calendar(text, "Europe/Paris", "x", GOOGLE_NOW)
    assert [e.title for e in reading.events] == ["ok"] and reading.events[0].end_utc == reading.events[
        0
    ].start_utc


def _series(rule: str, start: str = "20200101T000000Z") -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:m\r\nDTSTAMP:20270101T000000Z\r\n"
        f"DTSTART:{start}\r\nRRULE:{rule}\r\nSUMMARY:tick\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def test_a_rule_repeating_too_often_is_left_out_before_expanding() -> None:
    reading = read_calendar(_series("FREQ=MINUTELY"), "UTC", "x", GOOGLE_NOW)
    assert reading.events == [] and "'tick' repeats too often to expand" in reading.skipped[0]
    fine = read_calendar(_series("FREQ=MINUTELY;COUNT=30", "20270301T090000Z"), "UTC", "x", GOOGLE_NOW)
    assert len(fine.events) == 30 and fine.skipped == []


def test_the_events_of_a_calendar_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ics_events, "MAX_OCCURRENCES", 50)
    reading = read_calendar(_series("FREQ=DAILY"), "UTC", "x", GOOGLE_NOW)
    assert len(reading.events) == 50 and "more than 50 events" in reading.skipped[-1]
    assert reading.events[0].start_utc == datetime(2026, 2, 28, tzinfo=UTC)  # the window: a year back


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 3), st.binary(max_size=12)), max_size=6))
def test_a_damaged_calendar_is_read_or_refused_cleanly(edits: list[tuple[int, int, bytes]]) -> None:
    """Lines dropped, doubled, cut or overwritten: a reading (damaged events left out, said) or one refusal,
    never another exception."""
    lines = GOOGLE.read_bytes().split(b"\r\n")
    for where, how, junk in edits:
        k = where % len(lines)
        if how == 0:
            del lines[k]
        elif how == 1:
            lines.insert(k, lines[(k * 7) % len(lines)])
        elif how == 2:
            lines[k] = lines[k][: len(junk)]
        else:
            lines[k] = lines[k][:4] + junk
        if not lines:
            lines = [b""]
    try:
        reading = read_calendar(b"\r\n".join(lines), "Europe/Paris", "'damaged.ics'", GOOGLE_NOW)
    except ValidationError as err:
        assert "damaged.ics" in str(err)
    else:
        assert len(reading.events) <= ics_events.MAX_OCCURRENCES
        window = (GOOGLE_NOW - timedelta(days=366), GOOGLE_NOW + timedelta(days=731))
        assert all(e.end_utc >= e.start_utc and e.end_utc >= window[0] for e in reading.events)
        # Never more events than an independent expander finds in the same damaged file (a line copied into
        # another event can rightly add a series: recurring-ical-events expands it too).
        try:
            other = recurring_ical_events.of(icalendar.Calendar.from_ical(b"\r\n".join(lines))).between(
                *window
            )
        except Exception:  # the other reader refusing the damage says nothing about ours
            return
        assert len(reading.events) <= len(other)
