"""exchange/export_formats.py: the plan a format announces is what it then writes (read back with csv and
icalendar), and a series with no end says how far it is listed."""

from __future__ import annotations

import csv
from datetime import date, datetime

import icalendar
import pytest

from nomadcm.errors import ValidationError
from nomadcm.exchange.export_formats import ExportRequest, endless_series, plan_export, write_export
from nomadcm.services.schedule.post_writes import PostDraft


@pytest.fixture
def client(services):  # type: ignore[no-untyped-def]
    c = services.clients.add_client("Dupont", "Europe/Paris", country="FR")
    ch = services.clients.add_channel(c.id, "x", "@dupont")
    services.posts.add(PostDraft(ch.id, "Un", datetime(2030, 3, 4, 9)))
    services.posts.add(PostDraft(ch.id, "Deux", datetime(2030, 3, 4, 9, 5)))  # Sprout: under 10 min apart
    services.posts.add(PostDraft(ch.id, "Chaque jour", datetime(2030, 3, 10, 8), rrule="FREQ=DAILY"))
    return c


@pytest.mark.parametrize("fmt", ["native", "excel", "hootsuite", "sprout", "publer", "ics"])
def test_the_plan_is_what_is_written(services, client, tmp_path, fmt) -> None:  # type: ignore[no-untyped-def]
    req = ExportRequest(fmt, client.id, "Dupont", date(2030, 3, 1), date(2030, 3, 12))
    plan = plan_export(services.db, req)
    done = write_export(services.db, req, tmp_path / f"out{req.suffix}")
    assert done.count == plan.count and [str(i) for i in done.dropped] == [str(i) for i in plan.dropped]
    path = done.files[0]
    if fmt == "ics":
        events = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
        assert len(events) == plan.count == 3
        return
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines(), delimiter=";" if fmt == "excel" else ","))
    header = 0 if fmt == "hootsuite" else 1
    assert len(rows) - header == plan.count
    expected = {"native": 5, "excel": 5, "hootsuite": 3, "sprout": 4, "publer": 5}[
        fmt
    ]  # 2 + 3 days; Hootsuite: no text twice
    assert plan.count == expected
    if fmt == "sprout":
        assert len(plan.dropped) == 1 and "10 minutes" in plan.dropped[0].message


def test_a_series_with_no_end_says_how_far_it_is_listed(services, client) -> None:  # type: ignore[no-untyped-def]
    now = datetime.fromisoformat("2026-12-03T10:00:00+00:00")
    open_list = endless_series(services.db, ExportRequest("native", client.id), now)
    assert [(e.text, e.listed_until) for e in open_list] == [("Chaque jour", date(2031, 3, 11))]  # +366 days
    bounded = endless_series(services.db, ExportRequest("native", client.id, date_to=date(2030, 6, 30)), now)
    assert bounded[0].listed_until == date(2030, 6, 30)
    assert (
        endless_series(services.db, ExportRequest("native", client.id, date_to=date(2030, 3, 9)), now) == []
    )
    assert endless_series(services.db, ExportRequest("ics", client.id), now)[0].as_rule


def test_bad_requests_are_refused() -> None:
    with pytest.raises(ValidationError, match="unknown export format 'pdf'"):
        ExportRequest("pdf")
    with pytest.raises(ValidationError, match="before the start date"):
        ExportRequest("native", date_from=date(2030, 3, 2), date_to=date(2030, 3, 1))
