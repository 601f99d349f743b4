"""`nomadcm place add|list|show|import|export|worked|remove` and `nomadcm speedtest add|list`, end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import Cli as CliRunner

DATA = Path(__file__).parent.parent / "data"
JSON_FIELDS = {
    "id", "name", "kind", "city", "country", "lat", "lon", "tz", "ssid", "fee", "opening_hours",
    "down_mbps", "up_mbps", "ping_ms", "tests",
    "score_wifi", "score_power", "score_quiet", "score_comfort", "score_price",
}  # fmt: skip


class Cli(CliRunner):
    def places(self, *args: str) -> list[dict]:
        return json.loads(self.ok("place", "list", "--json", *args))


@pytest.fixture
def cli(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(db_path, capsys)


def test_add_as_in_the_issue_and_list_json_fields(cli):
    out = cli.ok(
        "place", "add", "Copenhagen Coffee Lab", "--city", "Lisbon", "--country", "PT", "--kind", "cafe",
        "--lat", "38.7146", "--lon", "-9.1520", "--ssid", "CCL-Guest", "--wifi-password", "latte42",
        "--fee", "customers", "--hours", "Mo-Fr 07:30-19:00; Sa,Su 08:30-19:00", "--power", "4", "--quiet", "3",
        "--note", "upstairs is quieter",
    )  # fmt: skip
    assert "place #1 'Copenhagen Coffee Lab' added" in out and "Europe/Lisbon" in out
    (place,) = cli.places()
    assert set(place) >= JSON_FIELDS
    assert (place["tz"], place["fee"], place["score_power"], place["score_quiet"]) == (
        "Europe/Lisbon",
        "customers",
        4,
        3,
    )
    assert place["down_mbps"] is None and place["tests"] == 0
    assert "latte42" not in json.dumps(place) and "password" not in " ".join(
        k for k in place if k != "has_password"
    )


def test_speedtests_give_medians(cli):
    cli.ok("place", "add", "Lab", "--city", "Lisbon")
    cli.ok(
        "speedtest", "add", "Lab", "--down", "50", "--up", "10", "--ping", "20", "--at", "2024-07-15 10:00"
    )
    cli.ok("speedtest", "add", "lab", "--down", "30", "--up", "6", "--ping", "30", "--tool", "fast.com")
    out = cli.ok("speedtest", "add", "1", "--down", "90", "--up", "30", "--ping", "10", "--tool", "nperf")
    assert "median now 50.0 down / 10.0 up Mbit/s over 3 test(s)" in out
    (place,) = cli.places()
    assert (place["down_mbps"], place["up_mbps"], place["ping_ms"], place["tests"]) == (50, 10, 20, 3)
    tests = json.loads(cli.ok("speedtest", "list", "Lab", "--json"))
    assert tests[0]["local_time"] == "2024-07-15 10:00" and tests[0]["measured_at"] == "2024-07-15T09:00:00Z"
    assert [t["tool"] for t in tests[1:]] == ["fast.com", "nperf"]


def test_list_filters_and_open_at_on_the_places_clock(cli):
    cli.ok("place", "add", "Lab", "--city", "Lisbon", "--hours", "Mo-Fr 08:00-18:00", "--power", "4")
    cli.ok("place", "add", "Olimpico", "--city", "Montréal", "--hours", "Mo-Su 07:00-24:00")
    cli.ok("place", "add", "Mystery", "--city", "Lisbon", "--hours", "lundi 9h-18h")
    cli.ok("speedtest", "add", "Lab", "--down", "50", "--up", "10", "--ping", "20")
    names = lambda *a: [p["name"] for p in cli.places(*a)]  # noqa: E731
    assert names("--open-at", "2024-07-15 08:30") == ["Lab", "Olimpico"]
    assert names("--open-at", "2024-07-14 12:00") == ["Olimpico"]  # a Sunday
    assert names("--city", "Lisboa") == ["Lab", "Mystery"]
    assert names("--min-down", "40") == ["Lab"]
    assert names("--kind", "cafe", "--min-power", "4") == ["Lab"]
    table = cli.ok("place", "list")
    assert "Lab" in table and "? (hours not understood)" in table


def test_unreadable_hours_are_kept_with_a_warning(cli):
    code, _out, err = cli("place", "add", "Mystery", "--city", "Paris", "--hours", "lundi 9h-18h")
    assert code == 0 and "warning: opening hours 'lundi 9h-18h' not understood" in err
    (place,) = cli.places()
    assert place["opening_hours"] == "lundi 9h-18h" and place["hours_error"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("place", "add", "X", "--city", "Paris", "--power", "7"), "power score 7"),
        (("place", "add", "X", "--city", "Paris", "--kind", "spaceship"), "unknown kind 'spaceship'"),
        (("place", "add", "X", "--city", "Paris", "--lat", "3"), "--lat and --lon go together"),
        (("place", "add", "X", "--city", "Paris", "--country", "France"), "country 'France'"),
        (("place", "list", "--open-at", "2024-07-15 25:00"), "--open-at: '2024-07-15 25:00'"),
        (("place", "list", "--min-down", "-1"), "--min-down -1"),
        (("speedtest", "add", "Nowhere", "--down", "1", "--up", "1", "--ping", "1"), "no place named 'Nowhere'"),
        (("speedtest", "add", "Lab", "--down", "-5", "--up", "1", "--ping", "1"), "--down -5"),
        (("speedtest", "add", "Lab", "--down", "5", "--up", "1", "--ping", "1", "--tool", "x"), "tool 'x'"),
        (("speedtest", "add", "Lab", "--down", "5", "--up", "1", "--ping", "1", "--at", "2024-03-31 01:30"),
         "does not exist in Europe/Lisbon"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_exit_2_and_nothing_written(cli, args, message):
    cli.ok("place", "add", "Lab", "--city", "Lisbon")
    err = cli.refused(*args)
    assert message in err
    (place,) = cli.places()
    assert place["name"] == "Lab" and place["tests"] == 0


def test_import_export_round_trip_and_passwords(cli, tmp_path):
    out = cli.ok("place", "import", str(DATA / "osm_lisbon_overpass.json"))
    assert "9 place(s) added, 0 updated; 3 skipped" in out
    cli.ok("place", "add", "Hideout", "--city", "Paris", "--wifi-password", "s3cret!")
    geo, table = tmp_path / "p.geojson", tmp_path / "p.csv"
    assert "10 place(s) written" in cli.ok("place", "export", str(geo))
    cli.ok("place", "export", str(table))
    assert "s3cret!" not in geo.read_text() and "s3cret!" not in table.read_text()
    assert "with WiFi passwords" in cli.ok("place", "export", str(geo), "--with-passwords")
    assert "s3cret!" in geo.read_text()
    assert "0 place(s) added, 10 updated" in cli.ok("place", "import", str(table))
    assert "refused" not in cli.refused("place", "export", str(tmp_path / "p.txt"))


def test_a_bad_file_lists_every_bad_record(cli, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,score_power\nA,9\nB,8\nC,2\n", encoding="utf-8")
    code, _out, err = cli("place", "import", str(bad))
    assert code == 2
    assert "line 2: power score '9'" in err and "line 3: power score '8'" in err
    assert cli.places() == []


def test_worked_here_show_and_remove(cli):
    cli.ok("place", "add", "Lab", "--city", "Lisbon", "--hours", "Mo-Fr 08:00-18:00")
    out = cli.ok(
        "place", "worked", "Lab", "--from", "2024-07-15 09:00", "--to", "12:30", "--activity", "replies"
    )
    assert "2024-07-15 09:00–12:30 Europe/Lisbon (3.5 h)" in out
    assert "overlaps" in cli.refused("place", "worked", "Lab", "--from", "2024-07-15 12:00", "--to", "13:00")
    shown = json.loads(cli.ok("place", "show", "Lab", "--json"))
    assert shown["work_sessions"][0]["start"] == "2024-07-15T08:00:00Z"
    assert "worked here: 1 session(s), 3.5 h" in cli.ok("place", "show", "Lab")
    assert "removed" in cli.ok("place", "remove", "Lab")
    assert cli.places() == []
