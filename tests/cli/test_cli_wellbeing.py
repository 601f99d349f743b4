"""`nomadcm log screen|rest`, `import activitywatch|sleep-as-android|wellbeing-csv`, `report`, `chart`, settings."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cli_runner import Cli as CliRunner

DATA = Path(__file__).parent.parent / "data" / "wellbeing"


class Cli(CliRunner):
    def report(self, first: str, last: str) -> list[dict]:
        return json.loads(self.ok("report", "--from", first, "--to", last, "--json"))["days"]


@pytest.fixture(autouse=True)
def _clock_after_the_logged_days(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sessions logged here are in 2027; typed screen time may not end in the future (checked against
    the real clock in test_cli_future_screen_time.py), so this module's clock reads 2028."""
    monkeypatch.setattr("nomadcm.timezones.now_utc", lambda: datetime(2028, 1, 10, 12, tzinfo=UTC))


@pytest.fixture
def cli(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(db_path, capsys)


def test_log_and_report_json_contract(cli: Cli) -> None:
    out = cli.ok(
        "log", "screen", "--device", "laptop", "--from", "2027-03-27 09:00", "--to", "2027-03-27 14:12"
    )
    assert out == "logged laptop screen time: 2027-03-27 09:00–14:12 Europe/Paris (5 h 12)\n"
    cli.ok("log", "screen", "--device", "phone", "--from", "2027-03-27 21:00", "--to", "2027-03-27 21:45")
    cli.ok(
        "log",
        "rest",
        "--kind",
        "sleep",
        "--from",
        "2027-03-26 23:30",
        "--to",
        "2027-03-27 07:00",
        "--quality",
        "4",
    )
    cli.ok("log", "rest", "--kind", "break", "--from", "2027-03-27 12:30", "--to", "2027-03-27 13:40")
    days = cli.report("2027-03-26", "2027-03-28")
    assert days == [
        {
            "date": "2027-03-26",
            "zone": "Europe/Paris",
            "screen_minutes": {},
            "screen_total_minutes": 0,
            "sleep_minutes": 0,
            "rest_minutes": 0,
            "warnings": [],
        },
        {
            "date": "2027-03-27",
            "zone": "Europe/Paris",
            "screen_minutes": {"laptop": 312, "phone": 45},
            "screen_total_minutes": 357,
            "sleep_minutes": 450,
            "rest_minutes": 520,
            "warnings": [],
        },
        {
            "date": "2027-03-28",
            "zone": "Europe/Paris",
            "screen_minutes": {},
            "screen_total_minutes": 0,
            "sleep_minutes": 0,
            "rest_minutes": 0,
            "warnings": [],
        },
    ]
    table = cli.ok("report", "--from", "2027-03-27", "--to", "2027-03-27")
    assert table.splitlines()[0].split() == [
        "date",
        "zone",
        "laptop",
        "phone",
        "screen",
        "sleep",
        "rest",
        "warnings",
    ]
    assert "5 h 12" in table and "5 h 57" in table


def test_times_without_tz_are_where_she_was(cli: Cli) -> None:
    cli.ok("settings", "set", "home-tz", "America/Toronto")
    data = json.loads(
        cli.ok(
            "log",
            "screen",
            "--device",
            "tablet",
            "--from",
            "2027-03-27 09:00",
            "--to",
            "2027-03-27 10:00",
            "--json",
        )
    )
    assert (data["start"], data["tz"]) == ("2027-03-27T13:00:00Z", "America/Toronto")
    data = json.loads(
        cli.ok(
            "log",
            "rest",
            "--kind",
            "sport",
            "--from",
            "2027-03-27 09:00",
            "--to",
            "2027-03-27 10:00",
            "--tz",
            "Asia/Tokyo",
            "--json",
        )
    )
    assert (data["start"], data["tz"]) == ("2027-03-27T00:00:00Z", "Asia/Tokyo")


def test_typed_time_problems_stop_before_writing(cli: Cli) -> None:
    err = cli.refused(
        "log", "screen", "--device", "phone", "--from", "2027-03-28 02:30", "--to", "2027-03-28 04:00"
    )
    assert "2027-03-28 02:30 does not exist in Europe/Paris" in err and "03:00" in err
    err = cli.refused(
        "log", "rest", "--kind", "sleep", "--from", "2027-03-27 23:00", "--to", "2027-03-27 07:00"
    )
    assert "--to '2027-03-27 07:00'" in err and "is not after --from" in err
    assert "sleep quality '9'" in cli.refused(
        "log",
        "rest",
        "--kind",
        "sleep",
        "--from",
        "2027-03-26 23:00",
        "--to",
        "2027-03-27 07:00",
        "--quality",
        "9",
    )
    assert "unknown time zone 'Mars/Base'" in cli.refused(
        "log",
        "screen",
        "--device",
        "tv",
        "--from",
        "2027-03-26 20:00",
        "--to",
        "2027-03-26 21:00",
        "--tz",
        "Mars/Base",
    )
    assert "no client named 'Dupont'" in cli.refused(
        "log",
        "screen",
        "--device",
        "laptop",
        "--client",
        "Dupont",
        "--from",
        "2027-03-26 20:00",
        "--to",
        "2027-03-26 21:00",
    )
    assert cli.report("2027-03-26", "2027-03-28")[1]["screen_total_minutes"] == 0


def test_a_time_lived_twice_is_noted(cli: Cli) -> None:
    code, out, err = cli(
        "log", "rest", "--kind", "sleep", "--from", "2027-10-31 02:30", "--to", "2027-10-31 08:00"
    )
    assert code == 0 and "happened twice where you were" in err and "2027-10-31T00:30:00Z" in err
    assert "(6 h 30)" in out


def test_imports(cli: Cli) -> None:
    out = cli.ok("import", "activitywatch", str(DATA / "aw-buckets-export-python.json"))
    assert "screen sessions: 3 added" in out and "app usage rows: 4 added" in out
    assert "skipped 1 other bucket(s): aw-watcher-web-firefox_lina-thinkpad" in out
    out = cli.ok("import", "activitywatch", str(DATA / "aw-buckets-export-rust.json"), "--device", "laptop")
    assert "screen sessions: 0 added, 0 updated, 3 already there" in out
    assert "nights: 3 added" in cli.ok("import", "sleep-as-android", str(DATA / "sleep-export.csv"))
    assert "rest periods: 3 added" in cli.ok("import", "wellbeing-csv", str(DATA / "wellbeing.csv"))
    day = cli.report("2027-03-26", "2027-03-26")[0]
    assert day["screen_minutes"] == {"laptop": 300, "phone": 40, "tv": 90}
    err = cli.refused("import", "sleep-as-android", str(DATA / "sleep-export-bad.csv"))
    assert "nothing imported, 3 bad row(s): line 2:" in err
    err = cli.refused("import", "activitywatch", "--server", "http://127.0.0.1:9")
    assert "no ActivityWatch server answers at http://127.0.0.1:9" in err
    assert "--since works with --server" in cli.refused(
        "import", "activitywatch", str(DATA / "aw-buckets-export-rust.json"), "--since", "2027-03-01"
    )


def test_phone_and_spreadsheet_imports(cli: Cli) -> None:
    out = cli.ok("import", "activitywatch", str(DATA / "aw-android-export.json"))
    assert "phone screen sessions: 4 added" in out and "4 phone unlocks" in out
    out = cli.ok("import", "activitywatch", str(DATA / "aw-android-export.json"))
    assert "phone screen sessions: 0 added, 0 updated, 4 already there" in out
    assert [day["screen_minutes"] for day in cli.report("2027-03-26", "2027-03-27")] == [
        {"phone": 90},
        {"phone": 15},
    ]
    # a real export re-saved by a spreadsheet (Ids written 1.58544E+12): read, not refused
    out = cli.ok("import", "sleep-as-android", str(DATA / "sleep-export-spreadsheet-2020.csv"))
    assert "nights: 6 added" in out


def test_chart_png_and_svg(cli: Cli, tmp_path: Path) -> None:
    cli.ok("import", "activitywatch", str(DATA / "aw-buckets-export-python.json"))
    cli.ok("import", "sleep-as-android", str(DATA / "sleep-export.csv"))
    png = tmp_path / "week.png"
    assert cli.ok("chart", "--from", "2027-03-22", "--to", "2027-03-28", "-o", str(png)) == f"wrote {png}\n"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = tmp_path / "year.svg"
    cli.ok("chart", "--from", "2027-01-01", "--to", "2027-12-31", "-o", str(svg), "--view", "rest")
    assert svg.read_text().lstrip().startswith("<?xml") and "<svg" in svg.read_text()
    assert "saved as .png or .svg" in cli.refused("chart", "-o", str(tmp_path / "x.pdf"))


def test_goal_settings_with_their_sources(cli: Cli) -> None:
    assert cli.ok("settings", "set", "sleep-goal-hours", "7.5") == "sleep-goal-hours = 7.5\n"
    assert cli.ok("settings", "set", "break-reminders", "on") == "break-reminders = true\n"
    assert cli.ok("settings", "set", "day-start", "5:30") == "day-start = 05:30\n"
    assert "daily-rest-hours: '30' is outside 0-24" in cli.refused(
        "settings", "set", "daily-rest-hours", "30"
    )
    cli.ok("log", "rest", "--kind", "sleep", "--from", "2027-03-26 23:30", "--to", "2027-03-27 06:50")
    day = cli.report("2027-03-27", "2027-03-27")[0]
    assert day["warnings"] == ["slept 7 h 20, under the 7 h 30 sleep goal (AASM/SRS)"]
    from nomadcm.services.wellbeing.goals import SPECS

    assert "2003/88/EC" in SPECS["daily_rest_hours"].help and "AASM" not in SPECS["daily_rest_hours"].help
    assert "Academy of Sleep Medicine" in SPECS["sleep_goal_hours"].help
    assert "HSE" in SPECS["short_break_every_min"].help
