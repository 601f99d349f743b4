"""`place list --open-at`: unknown is not open. Hours that say `unknown`, a lone comment ("on request",
"Maybe open. Call us.") or an open end (`17:00+`) are *unknown* (opening_hours.js's reading; the cases are
tests/services/workplaces/test_opening_hours_unknowns.py): never listed as open, listed with
`--include-unknown`, and "unknown" in the column and in the JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from nomadcm.cli import main

PLACES = {
    "Always": "Mo-Su 08:00-20:00",
    "Unknown": "unknown",
    "OnRequest": '"on request"',
    "Maybe": 'Mo-Su 10:00-20:00 "Maybe open. Call us."',
    "OpenEnd": "17:00+",
    "Female": 'Mo-Su 09:00-13:00 open "female only"',
    "Garbled": "lundi 9h",
    "NoHours": "",
}


def run(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(["--db", str(db), *args])
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "places.sqlite3"
    for name, hours in PLACES.items():
        code, _, err = run(
            path, capsys, "place", "add", name, "--city", "Lisbon", "--tz", "Europe/Lisbon", "--hours", hours
        )
        assert code == 0, err
    return path


def listed(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, dict[str, Any]]:
    code, out, err = run(db, capsys, "place", "list", "--json", *args)
    assert code == 0, err
    return {p["name"]: p for p in json.loads(out)}


def test_open_at_lists_only_what_is_open(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    evening = listed(db, capsys, "--open-at", "2024-07-15 18:00")  # a Monday, Lisbon time
    assert sorted(evening) == ["Always"]
    noon = listed(db, capsys, "--open-at", "2024-07-15 12:00")
    assert sorted(noon) == ["Always", "Female"]
    assert noon["Female"]["hours_state"] == "open" and noon["Female"]["hours_comment"] == "female only"


def test_include_unknown_lists_them_as_unknown(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    evening = listed(db, capsys, "--open-at", "2024-07-15 18:00", "--include-unknown")
    assert {name: p["hours_state"] for name, p in evening.items()} == {
        "Always": "open",
        "Unknown": "unknown",
        "OnRequest": "unknown",
        "Maybe": "unknown",
        "OpenEnd": "unknown",
        "Garbled": "unknown",
        "NoHours": "unknown",
    }
    assert evening["OnRequest"]["hours_comment"] == "on request"
    assert evening["Maybe"]["hours_comment"] == "Maybe open. Call us."
    assert evening["OpenEnd"]["hours_open_end"] is True and evening["OpenEnd"]["hours_comment"] == ""
    morning = listed(db, capsys, "--open-at", "2024-07-15 07:00", "--include-unknown")
    assert "OpenEnd" not in morning  # closed before 17:00, not unknown
    assert "Maybe" not in morning  # closed outside its stretch


def test_the_state_column(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(db, capsys, "place", "list", "--open-at", "2024-07-15 18:00", "--include-unknown")
    assert code == 0
    lines = {line.split()[1]: line for line in out.splitlines()[1:]}
    assert lines["Always"].rstrip().endswith("open")
    assert lines["Unknown"].rstrip().endswith("unknown")
    assert lines["OnRequest"].rstrip().endswith("unknown ('on request')")
    assert lines["OpenEnd"].rstrip().endswith("unknown (open end)")
    assert lines["Garbled"].rstrip().endswith("? (hours not understood)")
    assert next(iter(lines)) == "Always"  # the open ones first
    code, out, _ = run(db, capsys, "place", "list", "--open-at", "2024-07-15 18:00")
    assert "unknown" not in out and "OpenEnd" not in out


def test_plain_list_shows_unknown_not_open(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    states = {name: p["hours_state"] for name, p in listed(db, capsys).items()}
    assert states["OnRequest"] == states["Unknown"] == states["NoHours"] == "unknown"
    assert len(states) == len(PLACES)


def test_include_unknown_needs_a_time(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(db, capsys, "place", "list", "--include-unknown")
    assert code == 2 and out == ""
    assert err.strip() == "nomadcm: error: --include-unknown goes with --open-at or --open-now"
