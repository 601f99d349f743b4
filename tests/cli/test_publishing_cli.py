"""The publishing commands: post add --rrule, export csv --format, export ics, import bulk, queue, reminders."""

from __future__ import annotations

import csv
from pathlib import Path

import icalendar
import pytest

from nomadcm.cli import main


def cli(db: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "cli.sqlite3"
    assert cli(path, capsys, "client", "add", "Maison Léa", "--tz", "Europe/Paris")[0] == 0
    assert cli(path, capsys, "channel", "add", "Maison Léa", "instagram")[0] == 0
    return path


def test_post_add_with_rrule_lists_occurrences_and_flags_dst(db, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli(
        db,
        capsys,
        "post",
        "add",
        "--client",
        "Maison Léa",
        "--channel",
        "instagram",
        "--at",
        "2026-03-23 02:30",
        "--text",
        "Lundi",
        "--rrule",
        "FREQ=WEEKLY;BYDAY=MO;COUNT=7",
    )
    assert code == 0, err
    assert "Mon 2026-03-23 02:30 CET" in out and "7 occurrences in all" in out
    code, out, _ = cli(db, capsys, "export", "csv")
    rows = list(csv.reader(out.splitlines()))[1:]
    assert len(rows) == 7 and {r[0] for r in rows} == {"1"}
    assert [r[5] for r in rows[:2]] == ["2026-03-23 02:30", "2026-03-30 02:30"]
    code, out, _ = cli(db, capsys, "post", "occurrences", "1", "--json")
    assert code == 0 and '"audience_time": "2026-04-06 02:30"' in out


def test_post_add_with_a_gap_occurrence_says_so(db, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli(
        db,
        capsys,
        "post",
        "add",
        "--client",
        "Maison Léa",
        "--channel",
        "instagram",
        "--at",
        "2026-03-28 02:30",
        "--text",
        "x",
        "--rrule",
        "FREQ=DAILY;COUNT=3",
    )
    assert code == 0 and "2026-03-29 02:30 does not exist in Europe/Paris" in err and "03:30" in err


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("FREQ=FORTNIGHTLY", "--rrule: FREQ=FORTNIGHTLY is not a frequency"),
        ("FREQ=DAILY;COUNT=x", "--rrule: COUNT=X"),
        ("FREQ=YEARLY;BYMONTH=13", "--rrule: BYMONTH=13 is out of range: 1 to 12"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "--rrule: BYMONTHDAY=30 never falls in BYMONTH=2"),
        (
            "FREQ=MINUTELY;INTERVAL=15",
            "--rrule: FREQ=MINUTELY repeats within a day: such a rule needs an end",
        ),
        ("FREQ=HOURLY;COUNT=5000", "--rrule: COUNT=5000: FREQ=HOURLY repeats within a day, so at most 1000"),
        ("FREQ=DAILY;BYSECOND=30", "--rrule: BYSECOND=30: posts go out on whole minutes"),
        (
            "FREQ=DAILY;RSCALE=CHINESE",
            "--rrule: recurrence part RSCALE (RFC 7529 calendars) is not supported",
        ),
        ("FREQ=MONTHLY;BYSETPOS=-1", "--rrule: BYSETPOS needs another BY part"),
    ],
)
def test_bad_rrule_is_one_line_exit_2(db, capsys, rule, message) -> None:  # type: ignore[no-untyped-def]
    code, _out, err = cli(
        db,
        capsys,
        "post",
        "add",
        "--client",
        "Maison Léa",
        "--channel",
        "instagram",
        "--at",
        "2026-03-23 09:00",
        "--text",
        "x",
        "--rrule",
        rule,
    )
    assert code == 2 and message in err and err.count("\n") == 1
    assert cli(db, capsys, "post", "list", "--json")[1].strip() == "[]"


def test_export_bulk_formats_and_options(db, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    cli(
        db,
        capsys,
        "post",
        "add",
        "--client",
        "Maison Léa",
        "--channel",
        "instagram",
        "--at",
        "2030-03-23 09:02",
        "--text",
        "Bonjour",
    )
    code, out, err = cli(
        db,
        capsys,
        "export",
        "csv",
        "--format",
        "hootsuite",
        "--in-zone",
        "America/Toronto",
        "--date-style",
        "mdy",
    )
    assert code == 0 and out.strip() == "03/23/2030 04:00,Bonjour," and "moved to 04:00" in err
    out_file = tmp_path / "sprout.csv"
    code, _, err = cli(db, capsys, "export", "csv", "--format", "sprout", "-o", str(out_file))
    assert code == 0 and out_file.read_text(encoding="utf-8").startswith("date,time_24hr,message_text")
    code, _, err = cli(db, capsys, "export", "csv", "--in-zone", "Europe/Paris")
    assert code == 2 and "--in-zone applies to --format" in err
    code, _, err = cli(db, capsys, "export", "csv", "--format", "publer", "--date-style", "dmy")
    assert code == 2 and "--date-style applies to hootsuite and sprout" in err
    code, _, err = cli(db, capsys, "export", "csv", "--format", "hootsuite", "--in-zone", "Mars/Olympus")
    assert code == 2 and "--in-zone: unknown time zone 'Mars/Olympus'" in err


def test_export_ics_parses_back(db, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    cli(
        db,
        capsys,
        "post",
        "add",
        "--client",
        "Maison Léa",
        "--channel",
        "instagram",
        "--at",
        "2026-03-23 09:00",
        "--text",
        "Lundi",
        "--rrule",
        "FREQ=WEEKLY;COUNT=3",
    )
    out_file = tmp_path / "plan.ics"
    code, _, err = cli(db, capsys, "export", "ics", "-o", str(out_file))
    assert code == 0 and "1 event(s)" in err
    cal = icalendar.Calendar.from_ical(out_file.read_bytes())
    [event] = cal.walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == "Europe/Paris" and "RRULE" in event


def test_import_bulk_file_all_or_nothing(db, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "hoot.csv"
    f.write_text("16/03/2026 09:00,Un,\n31/02/2026 09:00,Deux,\n", encoding="utf-8")
    code, _, err = cli(
        db,
        capsys,
        "import",
        "csv",
        str(f),
        "--format",
        "hootsuite",
        "--client",
        "Maison Léa",
        "--channel",
        "instagram",
    )
    assert code == 2 and "line 2:" in err and "nothing imported" in err
    code, _, err = cli(db, capsys, "import", "csv", str(f), "--format", "hootsuite")
    assert code == 2 and "give --client and --channel" in err
    f.write_text("16/03/2026 09:00,Un,\n17/03/2026 09:00,Deux,\n", encoding="utf-8")
    code, out, _ = cli(
        db,
        capsys,
        "import",
        "csv",
        str(f),
        "--format",
        "hootsuite",
        "--client",
        "Maison Léa",
        "--channel",
        "instagram",
    )
    assert code == 0 and "2 post(s) imported" in out


def test_queue_commands(db, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = cli(
        db,
        capsys,
        "queue",
        "slots",
        "--client",
        "Maison Léa",
        "--channel",
        "instagram",
        "--set",
        "Mo-Fr 09:00",
    )
    assert code == 0 and "Mo 09:00" in out and "Fr 09:00" in out
    code, out, _ = cli(
        db, capsys, "queue", "add", "--client", "Maison Léa", "--channel", "instagram", "--text", "q"
    )
    assert code == 0 and "queued" in out and "09:00" in out
    code, out, _ = cli(
        db, capsys, "queue", "list", "--client", "Maison Léa", "--channel", "instagram", "--json"
    )
    assert code == 0 and '"free": false' in out and '"free": true' in out
    code, _, err = cli(
        db, capsys, "queue", "slots", "--client", "Maison Léa", "--channel", "instagram", "--set", "Zz 09:00"
    )
    assert code == 2 and "'zz' is not a day" in err


def test_skip_one_occurrence_and_reminders_list(db, capsys) -> None:  # type: ignore[no-untyped-def]
    cli(
        db,
        capsys,
        "post",
        "add",
        "--client",
        "Maison Léa",
        "--channel",
        "instagram",
        "--at",
        "2026-03-23 09:00",
        "--text",
        "Lundi",
        "--rrule",
        "FREQ=WEEKLY;COUNT=3",
    )
    code, out, _ = cli(db, capsys, "post", "skip", "1", "--at", "2026-03-30 09:00")
    assert code == 0 and "deleted" in out
    code, out, _ = cli(db, capsys, "post", "list", "--json")
    assert out.count('"id": 1') == 2
    code, _, err = cli(db, capsys, "post", "skip", "1", "--at", "2026-03-31 09:00")
    assert code == 2 and "no occurrence" in err
    code, out, _ = cli(db, capsys, "reminders", "list")
    assert code == 0
    code, out, _ = cli(db, capsys, "settings", "set", "reminder-minutes", "15")
    assert code == 0 and "15" in out
