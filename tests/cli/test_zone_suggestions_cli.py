"""A zone the CLI does not know is refused in one line that proposes the closest ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from nomadcm.cli import main


def refused(db: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    try:
        code = main(["--db", str(db), *argv])
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and err.count("\n") == 1, (code, out, err)
    return err.strip()


def test_a_typo_in_tz_gets_did_you_mean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = refused(tmp_path / "z.sqlite3", capsys, "client", "add", "Boulangerie", "--tz", "Europe/Pari")
    assert err == "nomadcm: error: --tz: unknown time zone 'Europe/Pari' — did you mean Europe/Paris?"


def test_a_city_is_proposed_by_its_zone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = refused(
        tmp_path / "z.sqlite3", capsys, "stay", "add", "--city", "Paris", "--tz", "Montrel",
        "--from", "2027-03-01", "--to", "2027-03-05",
    )  # fmt: skip
    assert err.endswith(
        "--tz: unknown time zone 'Montrel' — did you mean America/Toronto (Montréal, Canada)?"
    )


def test_nothing_close_keeps_the_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = refused(tmp_path / "z.sqlite3", capsys, "client", "add", "Lune", "--tz", "Mars/Olympus")
    assert err.endswith("--tz: unknown time zone 'Mars/Olympus' (use an IANA name such as Europe/Paris)")
