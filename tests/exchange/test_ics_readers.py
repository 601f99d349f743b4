"""Every reader finds the CSV's instants in the ICS file (issue 11, "ICS that every reader reads the same").

RFC 5545 §3.3.5 reads a local time with a TZID that the clocks show twice as the FIRST of the two instants, and
one they skip with the offset from before the gap; readers add an event's length to an occurrence's local
start. So a post at the second pass of a repeated hour (`--fold 1`), an event ending in it (Lord Howe's 01:45
on its April night: DTEND before DTSTART), or an occurrence whose 15 minutes cross a clock change was read
an hour or half an hour off. nomadcm/exchange/ics_times.py says how such times are written now.

The truth is the product's native CSV (`nomadcm export csv`, its `utc_time`; the CSV's instants are held
against stdlib zoneinfo in tests/services/schedule/test_query.py and tests/test_one_truth.py); an event lasts
15 minutes on the absolute timeline. Both `nomadcm export ics` and `export ics --expand` are read by readers
we did not write (tests/ics_readers.py): icalendar 7.3 + recurring-ical-events 3.8 (zoneinfo), ical 14.3
(allenporter's, strict, its own tz database), and both again with the zones taken from the file's
VTIMEZONEs only (dateutil's tzical; ical's own). Each expands every series over 2020-2040 and must give,
event for event, the CSV's (post, start, start + 15 min) — for an open-ended series, up to the last
occurrence the CSV lists. The VTIMEZONEs themselves are held against zoneinfo quarter hour by quarter hour.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.tz import tzical
from ical.calendar_stream import IcsCalendarStream
from ical.timezone import IcsTimezoneInfo
from ics_readers import READERS, Reading

from nomadcm import cli
from nomadcm.exchange.ics_vtimezone import vtimezone
from nomadcm.services.container import Services
from nomadcm.services.schedule.post_writes import PostDraft

LENGTH = timedelta(minutes=15)


@dataclass
class Plan:
    ids: dict[str, int] = field(default_factory=dict)
    open_ended: set[int] = field(default_factory=set)


@pytest.fixture
def plan(services: Services) -> Plan:
    """One post or series per case the issue names, in the zones where clocks do odd things."""
    clients = services.clients
    client = clients.add_client("Maison Léa", "Europe/Paris")
    channel = clients.add_channel(client.id, "instagram", "maisonlea").id
    p = Plan()

    def add(name: str, wall: datetime, tz: str | None = None, fold: int = 0, rrule: str | None = None) -> int:
        info = services.posts.add(PostDraft(channel, name, wall, tz, fold, rrule=rrule))
        p.ids[name] = info.id
        if rrule is not None and "COUNT" not in rrule and "UNTIL" not in rrule:
            p.open_ended.add(info.id)
        return info.id

    # Paris: clocks jump 02:00 -> 03:00 on 2027-03-28, and go back 03:00 -> 02:00 on 2027-10-31.
    add("fold=1 single", datetime(2027, 10, 31, 2, 30), fold=1)
    add("ends in the second pass", datetime(2027, 10, 31, 2, 50))
    add("daily through the repeated hour", datetime(2027, 10, 29, 2, 30), rrule="FREQ=DAILY;COUNT=5")
    add("starts at the second pass", datetime(2027, 10, 31, 2, 15), fold=1, rrule="FREQ=WEEKLY;COUNT=3")
    add("daily through the gap", datetime(2027, 3, 26, 2, 30), rrule="FREQ=DAILY;COUNT=5")
    add("15 minutes across the jump", datetime(2027, 3, 27, 1, 55), rrule="FREQ=DAILY;COUNT=3")
    add("normal weekly", datetime(2027, 3, 1, 9), rrule="FREQ=WEEKLY;BYDAY=MO;COUNT=8")
    # Toronto: 02:00 -> 03:00 on 2027-03-14.
    add("Sunday in the gap", datetime(2027, 3, 7, 2, 30), "America/Toronto", rrule="FREQ=WEEKLY;COUNT=3")
    # Lord Howe: back 02:00 -> 01:30 on 2027-04-04, forward 02:00 -> 02:30 on 2027-10-03 (half an hour).
    add("Lord Howe April", datetime(2027, 4, 1, 1, 45), "Australia/Lord_Howe", rrule="FREQ=DAILY;COUNT=7")
    add("Lord Howe October", datetime(2027, 9, 30, 1, 45), "Australia/Lord_Howe", rrule="FREQ=DAILY;COUNT=7")
    add("Lord Howe gap", datetime(2027, 9, 30, 2, 15), "Australia/Lord_Howe", rrule="FREQ=DAILY;COUNT=7")
    # Chatham, UTC+12:45/+13:45: back 03:45 -> 02:45 on 2027-04-04, forward 02:45 -> 03:45 on 2027-09-26.
    add("Chatham fold", datetime(2027, 4, 2, 3, 15), "Pacific/Chatham", rrule="FREQ=DAILY;COUNT=5")
    add("Chatham open-ended", datetime(2027, 9, 19, 3), "Pacific/Chatham", rrule="FREQ=WEEKLY;BYDAY=SU")
    # Kathmandu, UTC+05:45 all year.
    add("Kathmandu single", datetime(2027, 5, 3, 9, 15), "Asia/Kathmandu")
    add("Kathmandu weekly", datetime(2027, 5, 3, 9), "Asia/Kathmandu", rrule="FREQ=WEEKLY;COUNT=4")
    # Rules repeating within a day: a gap moves 02:30 onto the 03:30 the rule also generates (listed once).
    add("hourly through the gap", datetime(2027, 3, 28, 0, 30), rrule="FREQ=HOURLY;COUNT=5")
    add("twice a day, fold", datetime(2027, 10, 30, 2, 30), rrule="FREQ=DAILY;BYHOUR=2,9;BYMINUTE=30;COUNT=6")
    add("hourly, no exception", datetime(2027, 6, 1, 8), rrule="FREQ=HOURLY;COUNT=4")
    # Occurrence edits: moved to the second pass, text edited, deleted, cancelled.
    edited = add("edited Sundays", datetime(2027, 10, 17, 2, 30), rrule="FREQ=WEEKLY;BYDAY=SU;COUNT=6")
    editor = services.occurrence_editor
    editor.move(edited, datetime(2027, 10, 24, 2, 30), datetime(2027, 10, 31, 2, 40), fold=1)
    draft = services.posts.get(edited).to_draft()
    draft.wall, draft.text, draft.rrule = datetime(2027, 10, 17, 2, 30), "edited Sundays (changed)", None
    editor.edit(edited, datetime(2027, 10, 17, 2, 30), draft, "one")
    editor.delete(edited, datetime(2027, 11, 7, 2, 30), "one")
    editor.set_status(edited, datetime(2027, 11, 14, 2, 30), "cancelled")
    gap = p.ids["daily through the gap"]
    editor.delete(gap, datetime(2027, 3, 28, 2, 30), "one")  # the gap-shifted one: an EXDATE in the gap
    editor.move(gap, datetime(2027, 3, 29, 2, 30), datetime(2027, 3, 29, 10))
    return p


def run_cli(*argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main(list(argv))
    assert code == 0, f"nomadcm {' '.join(argv)} -> {code}: {err.getvalue()}"
    return out.getvalue()


def csv_truth(db_arg: str) -> Reading:
    rows = csv.DictReader(io.StringIO(run_cli("--db", db_arg, "export", "csv")))
    truth: Reading = Counter()
    for row in rows:
        start = datetime.strptime(row["utc_time"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        truth[(int(row["id"]), start, start + LENGTH)] += 1
    return truth


def within_listing(reading: Reading, truth: Reading, open_ended: set[int]) -> Reading:
    """An open-ended series goes on forever in a reader and up to a horizon in the CSV: compare its events
    up to the last one the CSV lists. Every other post is compared whole."""
    last = {pid: max(t[1] for t in truth if t[0] == pid) for pid in open_ended}
    return Counter({k: n for k, n in reading.items() if k[0] not in last or k[1] <= last[k[0]]})


@pytest.mark.parametrize("expand", [False, True], ids=["rrule", "expand"])
@pytest.mark.parametrize("reader", sorted(READERS))
def test_every_reader_finds_the_csv_instants(db_arg: str, plan: Plan, expand: bool, reader: str) -> None:
    truth = csv_truth(db_arg)
    assert len(truth) > 60 and all(n == 1 for n in truth.values())
    text = run_cli("--db", db_arg, "export", "ics", *(["--expand"] if expand else []))
    read = within_listing(READERS[reader](text), truth, plan.open_ended)
    names = {pid: name for name, pid in plan.ids.items()}
    missing = sorted((names[k[0]], k[1], k[2]) for k in truth - read)
    extra = sorted((names[k[0]], k[1], k[2]) for k in read - truth)
    assert (missing, extra) == ([], []), f"{reader}: CSV events not read, events read that the CSV lacks"


def _ics(db_arg: str, *args: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(run_cli("--db", db_arg, "export", "ics", *args))


def _events_of(cal: icalendar.Calendar, post_id: int) -> list[icalendar.Event]:
    return [e for e in cal.walk("VEVENT") if int(str(e["X-NOMADCM-POST-ID"])) == post_id]


def test_a_second_pass_is_written_in_utc_and_a_plain_time_with_its_zone(db_arg: str, plan: Plan) -> None:
    cal = _ics(db_arg)
    (single,) = _events_of(cal, plan.ids["fold=1 single"])
    assert single["DTSTART"].to_ical() == b"20271031T013000Z"  # 02:30 CET, not 02:30 CEST
    assert single["DTEND"].to_ical() == b"20271031T014500Z"
    (kathmandu,) = _events_of(cal, plan.ids["Kathmandu single"])
    assert kathmandu["DTSTART"].params["TZID"] == "Asia/Kathmandu"
    assert kathmandu["DTSTART"].to_ical() == b"20270503T091500"


def test_only_occurrences_readers_could_misplace_are_written_again(db_arg: str, plan: Plan) -> None:
    cal = _ics(db_arg)
    (weekly,) = _events_of(cal, plan.ids["normal weekly"])  # 09:00 across the spring change: nothing to add
    assert weekly["DTSTART"].params["TZID"] == "Europe/Paris"
    assert weekly["DURATION"].to_ical() == b"PT15M" and "DTEND" not in weekly
    master, *own = _events_of(cal, plan.ids["Lord Howe April"])
    assert master["DTSTART"].to_ical() == b"20270401T014500" and "RECURRENCE-ID" not in master
    (april_4,) = own  # the 01:45 that happens twice on 2027-04-04
    assert april_4["RECURRENCE-ID"].to_ical() == b"20270404T014500"
    assert april_4["RECURRENCE-ID"].params["TZID"] == "Australia/Lord_Howe"
    assert (april_4["DTSTART"].to_ical(), april_4["DTEND"].to_ical()) == (
        b"20270403T144500Z",
        b"20270403T150000Z",
    )
    master, *own = _events_of(cal, plan.ids["starts at the second pass"])
    assert master["DTSTART"].to_ical() == b"20271031T021500"  # the rule's first wall time, as generated
    assert [e["RECURRENCE-ID"].to_ical() for e in own] == [b"20271031T021500"]
    assert own[0]["DTSTART"].to_ical() == b"20271031T011500Z"


def test_a_series_repeating_within_a_day_is_written_whole_only_when_it_needs_no_exception(
    db_arg: str, plan: Plan
) -> None:
    """recurring-ical-events looks exceptions up by UTC and local time in one table (ics_times.py): such a
    series with an EXDATE or a RECURRENCE-ID is written occurrence by occurrence."""
    cal = _ics(db_arg)
    (hourly,) = _events_of(cal, plan.ids["hourly, no exception"])
    assert hourly["RRULE"].to_ical() == b"FREQ=HOURLY;COUNT=4"
    gap = _events_of(cal, plan.ids["hourly through the gap"])
    assert [e["DTSTART"].to_ical() for e in gap] == [
        b"20270328T003000",
        b"20270328T013000",
        b"20270328T033000",  # 02:30 moved past the gap is 03:30, which the rule also generates: once
        b"20270328T043000",
    ]
    assert not any("RRULE" in e or "RECURRENCE-ID" in e for e in gap)


@pytest.mark.parametrize(
    "zone", ["Europe/Paris", "America/Toronto", "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Kathmandu"]
)
def test_a_vtimezone_says_the_zone_rules_of_the_span(zone: str) -> None:
    """Read by dateutil's tzical (icalendar's reader for a TZID it does not know) and by `ical`, the VTIMEZONE
    gives zoneinfo's offset at every quarter hour of the span, and for every local time that happens once.
    icalendar's own VTIMEZONEs put a spring-forward onset an hour (Lord Howe: half an hour) late (RFC 5545
    §3.6.5 reads DTSTART in TZOFFSETFROM) and, with one onset per observance, gave `ical` no onset at all."""
    first, last = datetime(2027, 3, 1, tzinfo=UTC), datetime(2027, 11, 30, tzinfo=UTC)
    text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
    text += vtimezone(zone, first, last).to_ical().decode() + "END:VCALENDAR\r\n"
    by_dateutil = tzical(io.StringIO(text)).get()
    by_ical = IcsTimezoneInfo.from_timezone(IcsCalendarStream.calendar_from_ics(text).timezones[0])
    oracle = ZoneInfo(zone)
    t = first
    while t <= last:
        assert t.astimezone(by_dateutil).utcoffset() == t.utcoffset() + t.astimezone(oracle).utcoffset(), t
        wall = t.astimezone(oracle).replace(tzinfo=None, fold=0)
        if wall.replace(tzinfo=oracle, fold=1).utcoffset() == wall.replace(tzinfo=oracle).utcoffset():
            assert wall.replace(tzinfo=by_ical).utcoffset() == t.astimezone(oracle).utcoffset(), wall
        t += timedelta(minutes=15)
