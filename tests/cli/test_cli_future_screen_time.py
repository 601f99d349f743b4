"""`nomadcm log screen` refuses screen time that ends in the future, as `speedtest add` refuses a future test:
one line naming the time, exit 2, nothing written. Checked against the real clock."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from cli_runner import Cli


@pytest.fixture
def cli(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(db_path, capsys)


def _wall(instant: datetime) -> str:
    """The wall time in Europe/Paris (the CLI's reading without --tz: no itinerary, home is Paris), by zoneinfo."""
    return instant.astimezone(ZoneInfo("Europe/Paris")).strftime("%Y-%m-%d %H:%M")


def test_screen_time_ending_tomorrow_is_refused_and_nothing_written(cli: Cli) -> None:
    cli.ok("settings", "set", "home-tz", "Europe/Paris")
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    start, end = _wall(tomorrow), _wall(tomorrow + timedelta(hours=1))
    err = cli.refused("log", "screen", "--device", "laptop", "--from", start, "--to", end)
    assert "a screen session cannot end in the future" in err and err.count("\n") == 1
    day = tomorrow.astimezone(ZoneInfo("Europe/Paris")).date().isoformat()
    report = json.loads(cli.ok("report", "--from", day, "--to", day, "--json"))["days"]
    assert report[0]["screen_total_minutes"] == 0


def test_screen_time_that_has_happened_is_logged(cli: Cli) -> None:
    cli.ok("settings", "set", "home-tz", "Europe/Paris")
    ended = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(hours=2)
    out = json.loads(
        cli.ok(
            "log", "screen", "--device", "phone", "--from", _wall(ended - timedelta(minutes=45)),
            "--to", _wall(ended), "--json",
        )
    )  # fmt: skip
    assert out["end"] == ended.strftime("%Y-%m-%dT%H:%M:%SZ")
