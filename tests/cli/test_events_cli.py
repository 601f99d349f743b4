"""`nomadcm event add|list|import|remove|check|ack|unack|kind|window`, end to end: one JSON document with
--json, one line naming the bad value (exit 2) otherwise, nothing written by a refusal."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import Cli

GOOGLE = Path(__file__).resolve().parents[1] / "data" / "ics" / "google_export.ics"


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    c = Cli(tmp_path / "cli.sqlite3", capsys)
    c.ok("client", "add", "Atelier Boréal", "--tz", "America/Toronto", "--country", "CA")
    c.ok("channel", "add", "Atelier Boréal", "instagram")
    return c


def test_add_and_list(cli: Cli) -> None:
    launch = cli.json(
        "event", "add", "atelier boréal", "Lancement collection", "--kind", "launch", "--start", "2027-03-14 10:00",
    )  # fmt: skip
    assert launch == {
        "id": 1, "client": "Atelier Boréal", "client_id": 1, "title": "Lancement collection", "kind": "launch",
        "all_day": False, "start": "2027-03-14 10:00", "end": "2027-03-14 11:00", "tz": "America/Toronto",
        "start_utc": "2027-03-14T14:00:00Z", "end_utc": "2027-03-14T15:00:00Z", "notes": "", "calendar_id": None,
        "calendar": None, "uid": None, "recurrence_id": None,
    }  # fmt: skip  # 10:00 EDT: the clocks went forward that night
    closed = cli.json(
        "event", "add", "Atelier Boréal", "Fermé", "--kind", "closure", "--date", "2027-03-20", "--until", "2027-03-22",
    )  # fmt: skip
    assert (closed["all_day"], closed["start"], closed["end"]) == (True, "2027-03-20", "2027-03-22")  # type: ignore[index]
    listed = cli.json("event", "list")
    assert [e["id"] for e in listed] == [1, 2]  # type: ignore[union-attr, index]
    assert [e["id"] for e in cli.json("event", "list", "--from", "2027-03-21", "--to", "2027-03-30")] == [2]  # type: ignore[union-attr, index]
    assert [e["id"] for e in cli.json("event", "list", "--kind", "launch")] == [1]  # type: ignore[union-attr, index]
    table = cli.ok("event", "list")
    assert "Lancement collection" in table and "2027-03-20 → 2027-03-22" in table and "(by hand)" in table
    assert "event 3 added" in cli.ok(
        "event", "add", "Atelier Boréal", "Presse", "--start", "2027-03-15 09:00"
    )


def test_import_a_file_list_calendars_and_remove(cli: Cli) -> None:
    report = cli.json("event", "import", "Atelier Boréal", str(GOOGLE))
    assert report["added"] > 0 and report["calendar"]["name"] == "Atelier Boréal — communication"  # type: ignore[index, operator]
    again = cli.json("event", "import", "Atelier Boréal", str(GOOGLE))
    assert again["added"] == 0 and again["unchanged"] == report["added"]  # type: ignore[index]
    (calendar,) = cli.json("event", "list", "--calendars")  # type: ignore[misc]
    assert calendar["url"] is None and calendar["events"] == report["added"]  # type: ignore[index]
    text = cli.ok("event", "import", "Atelier Boréal", str(GOOGLE))
    assert "0 added, 0 updated, 0 removed" in text
    first = cli.json("event", "list")[0]  # type: ignore[index]
    assert "delete it in the client's calendar" in cli.refused("event", "remove", str(first["id"]))
    kind = cli.json("event", "kind", str(first["id"]), "press")
    assert kind["kind"] == "press"  # type: ignore[index]
    removed = cli.json("event", "remove", "--calendar", str(calendar["id"]))  # type: ignore[index]
    assert removed["removed_calendar"]["id"] == calendar["id"] and cli.json("event", "list") == []  # type: ignore[index]


def test_remove_events_typed_by_hand(cli: Cli) -> None:
    cli.ok("event", "add", "Atelier Boréal", "A", "--start", "2027-05-01 10:00")
    cli.ok("event", "add", "Atelier Boréal", "B", "--date", "2027-05-02")
    removed = cli.json("event", "remove", "1", "2")
    assert [e["title"] for e in removed["removed"]] == ["A", "B"]  # type: ignore[index]
    assert "no event with id 1" in cli.refused("event", "remove", "1")


def test_check_ack_unack_and_the_window(cli: Cli) -> None:
    cli.ok("event", "add", "Atelier Boréal", "Lancement", "--kind", "launch", "--start", "2027-05-10 10:00")
    (gap,) = cli.json("event", "check")  # type: ignore[misc]
    assert gap["event_id"] == 1 and gap["kinds"] == ["launch"] and gap["window_hours"] == 24  # type: ignore[index]
    assert "no post around it" in cli.ok("event", "check")
    cli.ok(
        "post", "add", "--client", "Atelier Boréal", "--channel", "instagram", "--at", "2027-05-08 10:00",
        "--text", "Teaser",
    )  # fmt: skip
    assert len(cli.json("event", "check")) == 1  # type: ignore[arg-type]
    assert cli.json("event", "window", "Atelier Boréal", "48") == {
        "client": "Atelier Boréal", "client_id": 1, "launch_window_hours": 48,
    }  # fmt: skip
    assert cli.json("event", "check") == []
    cli.ok("event", "window", "Atelier Boréal", "12")
    assert cli.json("event", "ack", "1", "--note", "annoncé par le client") == {
        "event_id": 1, "acknowledged": ["launch"],
    }  # fmt: skip
    assert cli.json("event", "check") == []
    assert cli.json("event", "check", "--all")[0]["acknowledged"] == ["launch"]  # type: ignore[index]
    assert cli.json("event", "unack", "1") == {"event_id": 1, "unacknowledged": ["launch"]}
    assert cli.ok("event", "check", "--from", "2027-06-01") == "every launch has a post around it\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("event", "add", "Atelier Boréal", "X"), "give --start"),
        (("event", "add", "Atelier Boréal", "X", "--start", "2027-03-14 02:30"), "does not exist in America/Toronto"),
        (("event", "add", "Atelier Boréal", "X", "--start", "2027-05-01 10:00", "--end", "2027-05-01 09:00"), "is before its start"),
        (("event", "add", "Atelier Boréal", "X", "--date", "2101-01-01"), "--date: 2101-01-01 is outside"),
        (("event", "add", "Atelier Boréal", "X", "--date", "2027-05-01", "--end", "2027-05-02 10:00"), "--end and --tz go with --start"),
        (("event", "add", "Nobody", "X", "--date", "2027-05-01"), "unknown client 'Nobody'"),
        (("event", "add", "Atelier Boréal", "X", "--kind", "party", "--date", "2027-05-01"), "invalid choice: 'party'"),
        (("event", "add", "Atelier Boréal", "X", "--start", "2027-05-01 10:00", "--tz", "Mars/Olympus"), "unknown time zone"),
        (("event", "import", "Atelier Boréal"), "give an .ics file or --url"),
        (("event", "import", "Atelier Boréal", "/nonexistent.ics"), "no such file"),
        (("event", "import", "Atelier Boréal", "--url", "ftp://example.com/x.ics"), "is not a web address"),
        (("event", "import", "--refresh", "Atelier Boréal"), "--refresh reads every calendar again"),
        (("event", "import", "Atelier Boréal", "--url", "http://127.0.0.1:9/x.ics", "--timeout", "1"), "cannot be reached"),
        (("event", "remove"), "give the ids of events typed by hand"),
        (("event", "remove", "--calendar", "7"), "no calendar with id 7"),
        (("event", "window", "Atelier Boréal", "0"), "hours: 0 is not hours from 1 to 720"),
        (("event", "ack", "5"), "no event with id 5"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_and_writes_nothing(cli: Cli, args: tuple[str, ...], message: str) -> None:
    before = cli.ok("event", "list", "--json"), cli.ok("event", "list", "--calendars", "--json")
    assert message in cli.refused(*args)
    assert (cli.ok("event", "list", "--json"), cli.ok("event", "list", "--calendars", "--json")) == before


def test_a_file_that_is_no_calendar_is_refused_by_name(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "agenda.ics"
    bad.write_text("not a calendar at all", encoding="utf-8")
    assert "agenda.ics" in cli.refused("event", "import", "Atelier Boréal", str(bad))
    assert cli.json("event", "list", "--calendars") == []
