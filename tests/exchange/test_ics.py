"""ICS export: TZID + VTIMEZONE, RRULE with EXDATE and RECURRENCE-ID, stable UIDs, parses back."""

from __future__ import annotations

from datetime import UTC, datetime

import icalendar
import pytest

from nomadcm.exchange.ics import export_ics
from nomadcm.services.schedule.clients import ClientService
from nomadcm.services.schedule.occurrence_edits import OccurrenceEditor
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.schedule.posts import PostService

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


@pytest.fixture
def posts(db):  # type: ignore[no-untyped-def]
    clients = ClientService(db)
    client = clients.add_client("Maison Léa", "Europe/Paris")
    channel = clients.add_channel(client.id, "instagram", "maisonlea")
    svc = PostService(db)
    single = svc.add(
        PostDraft(channel.id, "Soldes !\nDernier jour", datetime(2026, 3, 16, 9), tags=["soldes"])
    )
    series = svc.add(
        PostDraft(
            channel.id, "Lundi", datetime(2026, 3, 23, 9), tz="America/Toronto", rrule="FREQ=WEEKLY;COUNT=4"
        )
    )
    editor = OccurrenceEditor(db)
    editor.delete(series.id, datetime(2026, 3, 30, 9), "one")
    editor.move(series.id, datetime(2026, 4, 6, 9), datetime(2026, 4, 7, 10))
    return single, series


def parse(path) -> icalendar.Calendar:  # type: ignore[no-untyped-def]
    return icalendar.Calendar.from_ical(path.read_bytes())


def test_events_carry_tzid_and_matching_vtimezones(db, posts, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _single, _series = posts
    out = tmp_path / "plan.ics"
    report = export_ics(db, out, now=NOW)
    cal = parse(out)
    assert {tz["TZID"] for tz in cal.walk("VTIMEZONE")} == {"Europe/Paris", "America/Toronto"}
    events = cal.walk("VEVENT")
    assert report.events == len(events) == 3  # the single post, the series, one moved occurrence
    first = events[0]
    assert first["DTSTART"].params["TZID"] == "Europe/Paris"
    assert first.decoded("DTSTART").astimezone(UTC) == datetime(2026, 3, 16, 8, tzinfo=UTC)
    assert str(first["SUMMARY"]) == "Maison Léa · instagram maisonlea: Soldes !"
    assert first["CATEGORIES"].cats == ["soldes"]
    master = next(e for e in events if "RRULE" in e)
    assert master["RRULE"].to_ical() == b"FREQ=WEEKLY;COUNT=4"
    assert master["DTSTART"].params["TZID"] == "America/Toronto"
    exdates = [d.dt for d in master["EXDATE"].dts]
    assert [d.astimezone(UTC) for d in exdates] == [datetime(2026, 3, 30, 13, tzinfo=UTC)]
    moved = next(e for e in events if "RECURRENCE-ID" in e)
    assert moved["UID"] == master["UID"]
    assert moved.decoded("RECURRENCE-ID").astimezone(UTC) == datetime(2026, 4, 6, 13, tzinfo=UTC)
    assert moved.decoded("DTSTART").astimezone(UTC) == datetime(2026, 4, 7, 14, tzinfo=UTC)


def test_uids_are_stable_across_exports_and_unique(db, posts, tmp_path) -> None:  # type: ignore[no-untyped-def]
    a, b = tmp_path / "a.ics", tmp_path / "b.ics"
    export_ics(db, a, now=NOW)
    export_ics(db, b, now=NOW)
    uids_a = [str(e["UID"]) for e in parse(a).walk("VEVENT") if "RECURRENCE-ID" not in e]
    assert uids_a == [str(e["UID"]) for e in parse(b).walk("VEVENT") if "RECURRENCE-ID" not in e]
    assert len(set(uids_a)) == len(uids_a)


def test_expanded_export_has_one_event_per_occurrence(db, posts, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "x.ics"
    export_ics(db, out, expand=True, now=NOW)
    events = parse(out).walk("VEVENT")
    starts = sorted(e.decoded("DTSTART").astimezone(UTC) for e in events)
    assert starts == [
        datetime(2026, 3, 16, 8, tzinfo=UTC),
        datetime(2026, 3, 23, 13, tzinfo=UTC),
        datetime(2026, 4, 7, 14, tzinfo=UTC),
        datetime(2026, 4, 13, 13, tzinfo=UTC),
    ]
    assert len({str(e["UID"]) for e in events}) == 4 and not any("RRULE" in e for e in events)
