"""The schedule query's stream keeps one clock per person and switches only when the assignee changes (issue
14's hot path): rows of two people interleaved across both zones' DST changes still get each person's own
"your time", the same as a page of rows, and the native CSV writes exactly that. Checked against zoneinfo,
which NomadCM does not use for this (it adds its own per-stretch offsets)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from nomadcm.exchange.csv_native_export import export_csv
from nomadcm.services.container import Services
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.travel.trip_records import StayInput

PARIS, MONTREAL = "Europe/Paris", "America/Toronto"


def _team(services: Services) -> tuple[int, int, int]:
    """Ana in Paris and Bob in Montréal for March and April 2027 (both zones change to summer time then, on
    different days); the handle acts for Ana. (channel id, Ana's id, Bob's id)"""
    client = services.clients.add_client("Érable Café", MONTREAL)
    channel = services.clients.add_channel(client.id, "instagram")
    ana = services.members.add("Ana", "ana@example.org")
    services.members.use("Ana")
    bob = services.members.add("Bob", "bob@example.org")
    services.members.set_role("Bob", ["Érable Café"], "editor")
    services.members.use("Bob")
    services.trips.add_stay(StayInput("Montréal", MONTREAL, date(2027, 3, 1), date(2027, 4, 30), "CA"))
    services.members.use("Ana")
    services.trips.add_stay(StayInput("Paris", PARIS, date(2027, 3, 1), date(2027, 4, 30), "FR"))
    return channel.id, ana.id, bob.id


def test_interleaved_assignees_each_get_their_own_clock(services: Services) -> None:
    channel_id, ana, bob = _team(services)
    owners = [ana, bob, None, bob, bob, ana]  # runs of one person, and switches back and forth
    expected: dict[str, tuple[str, datetime]] = {}
    instants: dict[str, datetime] = {}
    utc = datetime(2027, 3, 10, 0, 5, tzinfo=UTC)
    k = 0
    while utc < datetime(2027, 4, 5, tzinfo=UTC):  # over 14 March (Montréal) and 28 March (Paris)
        owner = owners[k % len(owners)]
        zone = MONTREAL if owner == bob else PARIS  # an unassigned post: the viewer's (Ana's) time
        text = f"post {k}"
        wall = utc.astimezone(ZoneInfo(MONTREAL)).replace(tzinfo=None)  # the audience's wall time
        services.posts.add(PostDraft(channel_id, text, wall, assignee_id=owner))
        expected[text] = (zone, utc.astimezone(ZoneInfo(zone)).replace(tzinfo=None))
        instants[text] = utc
        utc += timedelta(hours=7, minutes=10)
        k += 1
    streamed = {o.text: (o.cm.zone, o.cm_wall) for o in services.schedule().stream()}  # type: ignore[union-attr]
    assert streamed == expected
    page = {o.text: (o.cm.zone, o.cm_wall) for o in services.schedule().rows(limit=len(expected) + 1)}  # type: ignore[union-attr]
    assert page == expected

    out = io.StringIO(newline="")
    assert export_csv(services.db, out) == len(expected)
    records = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert len(records) == len(expected)
    for record in records:
        zone, cm_wall = expected[record["text"]]
        assert (record["cm_tz"], record["cm_time"]) == (zone, cm_wall.strftime("%Y-%m-%d %H:%M"))
        assert record["utc_time"] == instants[record["text"]].strftime("%Y-%m-%dT%H:%M:%SZ")


def test_an_empty_schedule_exports_its_header_only(services: Services) -> None:
    out = io.StringIO(newline="")
    assert export_csv(services.db, out) == 0
    assert out.getvalue() == (
        "id,client,channel,status,audience_tz,audience_time,utc_time,cm_tz,cm_time,text,link,tags\r\n"
    )
