"""`post add --rrule` and `post occurrences` with rules beyond DAILY/WEEKLY/MONTHLY: the rule in words, the
notes, and every `--json` of the schedule commands printing exactly one JSON document on stdout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nomadcm.cli import main


def cli(db: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", str(db), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "cli.sqlite3"
    for argv in (
        ("settings", "set", "home-tz", "Europe/Paris"),
        ("client", "add", "Boutique", "--tz", "America/New_York"),
        ("channel", "add", "Boutique", "instagram"),
    ):
        assert cli(path, capsys, *argv)[0] == 0
    return path


def add(
    db: Path, capsys: pytest.CaptureFixture[str], at: str, rule: str, *extra: str
) -> tuple[int, str, str]:
    return cli(
        db, capsys, "post", "add", "--client", "Boutique", "--channel", "instagram", "--at", at,
        "--text", "Promo", "--rrule", rule, *extra,
    )  # fmt: skip


def test_black_friday_every_year_in_words_and_json(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rule = "FREQ=YEARLY;BYMONTH=11;BYDAY=FR;BYMONTHDAY=23,24,25,26,27,28,29"
    code, out, err = add(db, capsys, "2026-01-10 09:00", rule)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith("post 1 scheduled: 2026-11-27 09:00 EST")
    assert lines[1] == "  Every year on the Friday between 23 and 29 November"
    assert lines[2].startswith("  Fri 2026-11-27 09:00 EST") and "with no end" in lines[-1]

    code, out, err = add(db, capsys, "2026-01-10 09:00", rule + ";COUNT=3", "--json")
    post = json.loads(out)  # one document: the preview is inside it
    assert (
        code == 0
        and post["rule_in_words"] == "Every year on the Friday between 23 and 29 November, 3 times in all"
    )
    assert post["rrule"] == rule + ";COUNT=3"
    assert [o["audience_time"] for o in post["next_occurrences"]] == [
        "2026-11-27 09:00", "2027-11-26 09:00", "2028-11-24 09:00",
    ]  # fmt: skip
    assert post["occurrences_in_all"] == 3 and post["notes"] == []

    code, out, _ = cli(db, capsys, "post", "occurrences", str(post["id"]))
    assert (
        code == 0
        and out.splitlines()[1] == "  Every year on the Friday between 23 and 29 November, 3 times in all"
    )


def test_notes_go_inside_the_json_and_to_stderr(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # New York, 8 March 2026: 02:00 -> 03:00. 02:30 does not exist; "BYDAY=2SU" in a DAILY rule loses its 2.
    code, out, err = add(db, capsys, "2026-03-07 02:30", "FREQ=DAILY;BYDAY=2SU,SA;COUNT=3", "--json")
    assert code == 0
    post = json.loads(out)
    assert post["rrule"] == "FREQ=DAILY;BYDAY=SU,SA;COUNT=3"
    assert [o["audience_time"] for o in post["next_occurrences"]] == [
        "2026-03-07 02:30", "2026-03-08 03:30", "2026-03-14 02:30",
    ]  # fmt: skip
    assert post["next_occurrences"][1]["dst_shifted"] is True
    assert any("the number was dropped" in n for n in post["notes"])
    assert any("2026-03-08 02:30 does not exist in America/New_York" in n for n in post["notes"])
    assert [f"note: {n}" for n in post["notes"]] == err.splitlines()


def test_a_duplicate_at_a_gap_goes_out_once_and_says_so(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = add(db, capsys, "2026-03-08 01:00", "FREQ=MINUTELY;INTERVAL=30;COUNT=6", "--json")
    assert code == 0
    post = json.loads(out)
    assert [o["audience_time"][11:] for o in post["next_occurrences"]] == ["01:00", "01:30", "03:00", "03:30"]
    assert post["occurrences_in_all"] == 4 and "each instant goes out once" in err


def test_a_rule_limit_is_one_line_exit_2(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = add(db, capsys, "2026-01-10 09:00", "FREQ=HOURLY;UNTIL=20260301")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "more than 1000 occurrences" in err and "FREQ=HOURLY repeats within a day" in err


def test_every_json_command_prints_one_document(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = add(
        db, capsys, "2025-11-02 01:30", "FREQ=WEEKLY;COUNT=2", "--json"
    )  # a doubled time: a note
    assert code == 0 and json.loads(out)["notes"][0].startswith("01:30 happens twice")
    single = cli(
        db, capsys, "post", "add", "--client", "Boutique", "--channel", "instagram", "--at", "2026-02-01 09:00",
        "--text", "Une fois", "--json",
    )  # fmt: skip
    assert single[0] == 0 and json.loads(single[1])["notes"] == []
    for argv in (
        ("client", "list", "--json"),
        ("post", "list", "--json"),
        ("settings", "list", "--json"),
        ("post", "occurrences", "1", "--json"),
    ):
        code, out, err = cli(db, capsys, *argv)
        assert code == 0, err
        json.loads(out)  # nothing but the document
