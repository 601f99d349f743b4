"""`nomadcm stay / transit / trip / city / check / conflict` and the rhythm settings, end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import Cli as CliRunner


class Cli(CliRunner):
    def trip(self) -> dict:
        return json.loads(self.ok("trip", "list", "--json"))


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(tmp_path / "cli.sqlite3", capsys)


def add_trip(cli: Cli) -> None:
    cli.ok("stay", "add", "--city", "Paris", "--from", "2027-03-01", "--to", "2027-03-10")
    cli.ok(
        "stay", "add", "--city", "montreal", "--from", "2027-03-10", "--to", "2027-03-31", "--note", "coloc"
    )
    cli.ok(
        "transit",
        "add",
        "--kind",
        "flight",
        "--from-city",
        "Paris",
        "--to-city",
        "Montréal",
        "--depart",
        "2027-03-10 13:00",
        "--arrive",
        "2027-03-10 15:30",
        "--ref",
        "AF346",
    )


def test_stay_add_finds_the_city_and_its_zone(cli) -> None:
    out = cli.ok("stay", "add", "--city", "montreal", "--from", "2027-03-10", "--to", "2027-03-24", "--json")
    stay = json.loads(out)
    assert (stay["city"], stay["country"], stay["tz"]) == ("Montréal", "CA", "America/Toronto")
    assert stay["start_utc"] == "2027-03-10T05:00:00Z" and stay["end_utc"] == "2027-03-25T04:00:00Z"
    assert stay["lat"] == pytest.approx(45.5, abs=0.1)


def test_trip_list_shows_stays_transits_and_no_warnings_for_a_sound_trip(cli) -> None:
    add_trip(cli)
    trip = cli.trip()
    assert [s["city"] for s in trip["stays"]] == ["Paris", "Montréal"]
    assert trip["stays"][1]["notes"] == "coloc"
    [flight] = trip["transits"]
    assert flight["depart_utc"] == "2027-03-10T12:00:00Z" and flight["arrive_utc"] == "2027-03-10T20:30:00Z"
    assert flight["ref"] == "AF346" and flight["to_tz"] == "America/Toronto"
    assert trip["warnings"] == []
    text = cli.ok("trip", "list")
    assert (
        "Paris → Montréal AF346" in text and "2027-03-10 13:00 CET" in text and "2027-03-10 15:30 EST" in text
    )


def test_shared_day_warning_is_printed_after_the_second_stay(cli) -> None:
    cli.ok("stay", "add", "--city", "Paris", "--from", "2027-03-01", "--to", "2027-03-10")
    code, _, err = cli("stay", "add", "--city", "Montréal", "--from", "2027-03-10", "--to", "2027-03-31")
    assert code == 0 and err.startswith("warning: ") and "2027-03-10" in err
    assert [w["kind"] for w in cli.trip()["warnings"]] == ["shared_day"]


def test_overlapping_stay_is_refused_naming_both_and_nothing_written(cli) -> None:
    cli.ok("stay", "add", "--city", "Paris", "--from", "2027-03-01", "--to", "2027-03-10")
    err = cli.refused("stay", "add", "--city", "Lyon", "--from", "2027-03-05", "--to", "2027-03-12")
    assert "Lyon" in err and "Paris" in err
    assert len(cli.trip()["stays"]) == 1


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--city", "Qwxzvv", "--from", "2027-03-01", "--to", "2027-03-02"], "'Qwxzvv'"),
        (
            ["--city", "Paris", "--country", "Atlantis", "--from", "2027-03-01", "--to", "2027-03-02"],
            "'Atlantis'",
        ),
        (
            ["--city", "Paris", "--tz", "Europe/Pariss", "--from", "2027-03-01", "--to", "2027-03-02"],
            "'Europe/Pariss'",
        ),
        (["--city", "Paris", "--from", "2027-02-30", "--to", "2027-03-02"], "'2027-02-30'"),
        (["--city", "Paris", "--from", "2027-03-05", "--to", "2027-03-02"], "before --from"),
    ],
)
def test_bad_stay_input_is_refused(cli, args, named) -> None:
    assert named in cli.refused("stay", "add", *args)
    assert not Path(cli.db).exists() or cli.trip()["stays"] == []


def test_city_not_in_the_table_works_with_an_explicit_zone(cli) -> None:
    stay = json.loads(
        cli.ok(
            "stay",
            "add",
            "--city",
            "Koh Lipe",
            "--country",
            "TH",
            "--tz",
            "Asia/Bangkok",
            "--from",
            "2027-05-01",
            "--to",
            "2027-05-09",
            "--json",
        )
    )
    assert (stay["city"], stay["country"], stay["tz"], stay["lat"]) == (
        "Koh Lipe",
        "TH",
        "Asia/Bangkok",
        None,
    )


def test_country_and_tz_options_pick_and_override(cli) -> None:
    stay = json.loads(
        cli.ok(
            "stay",
            "add",
            "--city",
            "Paris",
            "--country",
            "US",
            "--from",
            "2027-05-01",
            "--to",
            "2027-05-02",
            "--json",
        )
    )
    assert stay["country"] == "US" and stay["tz"] == "America/Chicago"
    stay = json.loads(
        cli.ok(
            "stay",
            "add",
            "--city",
            "Lisboa",
            "--tz",
            "Atlantic/Azores",
            "--from",
            "2027-06-01",
            "--to",
            "2027-06-02",
            "--json",
        )
    )
    assert stay["city"] == "Lisbon" and stay["tz"] == "Atlantic/Azores"


def test_stay_edit_and_delete(cli) -> None:
    cli.ok("stay", "add", "--city", "Paris", "--from", "2027-03-01", "--to", "2027-03-10")
    cli.ok("stay", "edit", "1", "--to", "2027-03-12", "--note", "longer")
    [stay] = cli.trip()["stays"]
    assert stay["last_date"] == "2027-03-12" and stay["notes"] == "longer" and stay["city"] == "Paris"
    cli.ok("stay", "edit", "1", "--city", "Lyon")
    assert cli.trip()["stays"][0]["city"] == "Lyon"
    cli.ok("stay", "edit", "1", "--city", "Montréal")  # another country: not searched in France
    stay = cli.trip()["stays"][0]
    assert (stay["city"], stay["country"], stay["tz"]) == ("Montréal", "CA", "America/Toronto")
    assert "Montréal" in cli.ok("stay", "delete", "1")
    assert cli.trip()["stays"] == []
    assert "no stay with id 1" in cli.refused("stay", "delete", "1")


def test_transit_in_a_dst_gap_is_refused_with_the_next_valid_time(cli) -> None:
    err = cli.refused(
        "transit",
        "add",
        "--kind",
        "train",
        "--from-city",
        "Paris",
        "--to-city",
        "Lyon",
        "--depart",
        "2027-03-28 02:30",
        "--arrive",
        "2027-03-28 05:00",
    )
    assert "--depart" in err and "2027-03-28 02:30" in err and "2027-03-28 03:00" in err
    assert cli.trip()["transits"] == []


def test_ambiguous_transit_time_is_noted_and_fold_chooses(cli) -> None:
    base = [
        "transit",
        "add",
        "--kind",
        "train",
        "--from-city",
        "Paris",
        "--to-city",
        "Lyon",
        "--depart",
        "2027-10-31 02:30",
        "--arrive",
        "2027-10-31 06:00",
    ]
    code, _out, err = cli(*base)
    assert code == 0 and "happens twice" in err and "--depart-fold 1" in err
    cli.ok("transit", "delete", "1")
    cli.ok(*base, "--depart-fold", "1")
    assert cli.trip()["transits"][0]["depart_utc"] == "2027-10-31T01:30:00Z"


def test_bad_transit_input_is_refused(cli) -> None:
    base = ["transit", "add", "--from-city", "Paris", "--to-city", "Lyon", "--depart", "2027-03-10 13:00"]
    assert "'rocket'" in cli.refused(*base, "--kind", "rocket", "--arrive", "2027-03-10 15:00")
    assert "not after departure" in cli.refused(*base, "--kind", "train", "--arrive", "2027-03-10 12:00")
    assert "'2027-03-10 25:00'" in cli.refused(*base, "--kind", "train", "--arrive", "2027-03-10 25:00")
    cli.ok(*base, "--kind", "train", "--arrive", "2027-03-10 15:00")
    assert "overlaps" in cli.refused(*base, "--kind", "bus", "--arrive", "2027-03-10 14:00")
    assert len(cli.trip()["transits"]) == 1


def test_city_search(cli) -> None:
    found = json.loads(cli.ok("city", "search", "Lisboa", "--json"))
    assert (
        found[0]["name"] == "Lisbon" and found[0]["tz"] == "Europe/Lisbon" and found[0]["matched"] == "Lisboa"
    )
    assert "Montréal" in cli.ok("city", "search", "montreal")
    us = json.loads(cli.ok("city", "search", "Paris", "--country", "US", "--json"))
    assert us and all(c["country"] == "US" for c in us)
    code, _, err = cli("city", "search", "Qwxzvvq")
    assert code == 0 and "no city matches" in err
    assert "'Narnia'" in cli.refused("city", "search", "Paris", "--country", "Narnia")


def test_rhythm_settings(cli) -> None:
    assert cli.ok("settings", "set", "sleep", "23h30-7h").strip() == "sleep = 23:30-07:00"
    out = cli.ok("settings", "set", "work-hours", "Mo-Th 09:00-17:00; Fr 09:00-12:00")
    assert out.strip() == "work-hours = Mo-Th 09:00-17:00; Fr 09:00-12:00"
    assert "'25:00'" in cli.refused("settings", "set", "sleep", "23:00-25:00")
    assert "'Xy'" in cli.refused("settings", "set", "work-hours", "Xy 09:00-17:00")
    values = json.loads(cli.ok("settings", "list", "--json"))
    assert values["sleep"] == "23:30-07:00" and values["work_hours"] == "Mo-Th 09:00-17:00; Fr 09:00-12:00"


def _post(cli: Cli, at: str, client: str = "Boulangerie") -> int:
    out = cli.ok(
        "post", "add", "--client", client, "--channel", "instagram", "--at", at, "--text", "Bonjour", "--json"
    )
    return int(json.loads(out)["id"])


def test_check_json_contract(cli) -> None:
    add_trip(cli)
    cli.ok("client", "add", "Boulangerie", "--tz", "Europe/Paris", "--country", "FR")
    cli.ok("channel", "add", "Boulangerie", "instagram")
    night = _post(cli, "2027-03-15 09:00")  # 08:00 UTC, 04:00 in Montréal
    fine = _post(cli, "2027-03-16 15:00")  # 10:00 in Montréal
    found = json.loads(cli.ok("check", "--json"))
    mine = [c for c in found if c["post_id"] == night]
    assert mine and fine not in {c["post_id"] for c in found if set(c["kinds"]) & {"sleep", "off_hours"}}
    entry = mine[0]
    assert set(entry) == {"post_id", "utc_time", "cm_tz", "cm_time", "kinds", "detail"}
    assert entry["utc_time"] == "2027-03-15T08:00:00Z"
    assert entry["cm_tz"] == "America/Toronto" and entry["cm_time"] == "2027-03-15 04:00"
    assert entry["kinds"][:2] == ["sleep", "off_hours"]
    assert "sleep" in entry["detail"]
    table = cli.ok("check")
    assert "2027-03-15 04:00 EDT" in table and "sleep, off_hours" in table
    assert json.loads(cli.ok("check", "--from", "2027-03-16", "--json")) == [
        c for c in found if c["post_id"] != night
    ]
    assert "before --from" in cli.refused("check", "--from", "2027-03-16", "--to", "2027-03-01")


def test_check_without_posts_and_conflict_ack(cli) -> None:
    assert cli.ok("check").strip() == "no conflicts"
    assert json.loads(cli.ok("check", "--json")) == []
    cli.ok("client", "add", "Boulangerie", "--tz", "Europe/Paris", "--country", "FR")
    cli.ok("channel", "add", "Boulangerie", "instagram")
    pid = _post(cli, "2027-03-15 03:00")
    [entry] = json.loads(cli.ok("check", "--json"))
    assert "sleep" in entry["kinds"]
    assert "acknowledged" in cli.ok("conflict", "ack", str(pid), *entry["kinds"], "--note", "auto")
    assert json.loads(cli.ok("check", "--json")) == []
    assert json.loads(cli.ok("check", "--all", "--json"))[0]["kinds"] == []
    assert "'nap'" in cli.refused("conflict", "ack", str(pid), "nap")
    assert "no longer acknowledged" in cli.ok("conflict", "undo", str(pid), "sleep")
    assert json.loads(cli.ok("check", "--json"))[0]["kinds"] == ["sleep"]
