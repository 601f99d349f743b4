"""`nomadcm check --json` against an independent oracle: bench/check_baseline.py computes the same listing
with sqlite3, zoneinfo and python-holidays only (no NomadCM code), and both must print the same bytes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import Cli

BASELINE = Path(__file__).resolve().parents[2] / "bench" / "check_baseline.py"


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(tmp_path / "oracle.sqlite3", capsys)


def baseline(db: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BASELINE), db], capture_output=True, text=True, encoding="utf-8", timeout=60
    )


def post(cli: Cli, client: str, at: str, status: str = "scheduled") -> int:
    out = cli.ok("post", "add", "--client", client, "--channel", "instagram", "--at", at, "--text", "hello",
                 "--status", status, "--json")  # fmt: skip
    return int(json.loads(out)["id"])


def test_check_json_is_the_baselines_byte_for_byte(cli: Cli) -> None:
    cli.ok("settings", "set", "home-tz", "Europe/Lisbon")
    cli.ok("settings", "set", "sleep", "23:30-07:00")
    cli.ok("settings", "set", "work-hours", "Mo-Th 09:00-17:00; Fr 09:00-12:00")
    cli.ok("client", "add", "Boulangerie", "--tz", "Europe/Paris", "--country", "FR")
    cli.ok("client", "add", "Érablière", "--tz", "America/Toronto")  # country from the zone: CA
    for name in ("Boulangerie", "Érablière"):
        cli.ok("channel", "add", name, "instagram")
    cli.ok("stay", "add", "--city", "Paris", "--from", "2027-03-01", "--to", "2027-03-10")
    cli.ok("stay", "add", "--city", "Montréal", "--from", "2027-03-10", "--to", "2027-03-31")
    cli.ok("transit", "add", "--kind", "flight", "--from-city", "Paris", "--to-city", "Montréal",
           "--depart", "2027-03-10 13:00", "--arrive", "2027-03-10 15:30", "--ref", "AF346")  # fmt: skip
    home_saturday = post(cli, "Boulangerie", "2027-02-20 10:00")  # Lisbon 09:00 on a Saturday: off hours
    paris_night = post(cli, "Boulangerie", "2027-03-05 02:00")  # in Paris: sleep and off hours
    post(cli, "Boulangerie", "2027-03-05 10:00")  # Friday 10:00 in Paris: no conflict, not listed
    post(cli, "Boulangerie", "2027-03-05 02:30", status="draft")  # a draft is never checked
    flying = post(cli, "Boulangerie", "2027-03-10 14:00")  # 13:00Z, on the flight (departure zone's clock)
    landed = post(
        cli, "Boulangerie", "2027-03-10 23:00"
    )  # 22:00Z, 17:00 in Montréal: off hours (end excluded)
    post(cli, "Érablière", "2027-03-14 03:30")  # the night Toronto moves to summer time: sleep
    bastille = post(cli, "Boulangerie", "2027-07-14 12:00")  # home again (Lisbon 11:00): holiday in FR
    canada_day = post(cli, "Érablière", "2027-07-01 06:00")  # holiday in CA, Lisbon 11:00
    cli.ok("conflict", "ack", str(paris_night), "sleep")  # off_hours stays to look at
    cli.ok("conflict", "ack", str(bastille), "holiday")  # nothing left: not listed

    ours = cli.ok("check", "--json")
    theirs = baseline(cli.db)
    assert theirs.returncode == 0, theirs.stderr
    assert ours == theirs.stdout
    found = {c["post_id"]: c for c in json.loads(ours)}
    assert bastille not in found and found[paris_night]["kinds"] == ["off_hours"]
    assert found[home_saturday]["cm_tz"] == "Europe/Lisbon" and found[home_saturday]["kinds"] == ["off_hours"]
    assert found[flying]["kinds"][0] == "transit" and found[flying]["cm_tz"] == "Europe/Paris"
    assert found[landed]["cm_time"] == "2027-03-10 17:00" and found[landed]["cm_tz"] == "America/Toronto"
    assert "public holiday in CA" in found[canada_day]["detail"]
    assert {k for c in found.values() for k in c["kinds"]} == {"sleep", "transit", "off_hours", "holiday"}


def test_the_baseline_refuses_what_it_does_not_reproduce(cli: Cli) -> None:
    cli.ok("client", "add", "Boulangerie", "--tz", "Europe/Paris")
    cli.ok("channel", "add", "Boulangerie", "instagram")
    assert cli.ok("check", "--json") == "[]\n" == baseline(cli.db).stdout
    cli.ok("post", "add", "--client", "Boulangerie", "--channel", "instagram", "--at", "2027-03-05 02:00",
           "--text", "weekly", "--rrule", "FREQ=WEEKLY;COUNT=3")  # fmt: skip
    refused = baseline(cli.db)
    assert refused.returncode == 2 and "recurring scheduled posts" in refused.stderr
