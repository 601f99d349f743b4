"""`post add` refuses a blank text (exit 2, one line, nothing written); bulk exports write texts exactly."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from nomadcm.cli import main


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "cli.sqlite3"
    for argv in (["client", "add", "Léa", "--tz", "Europe/Paris"], ["channel", "add", "Léa", "x"]):
        assert run(["--db", str(path), *argv], capsys)[0] == 0
    return path


def post_add(db_file: Path, text: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    argv = ["--db", str(db_file), "post", "add", "--client", "Léa", "--channel", "x"]
    return run([*argv, "--at", "2030-03-16 09:00", "--text", text], capsys)


@pytest.mark.parametrize("blank", ["", "   ", "\t\n "])
def test_post_add_refuses_a_blank_text(db_file: Path, blank: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = post_add(db_file, blank, capsys)
    assert code == 2
    assert err.strip().splitlines() == ["nomadcm: error: --text: the value is empty"]
    assert out == ""
    code, out, _ = run(["--db", str(db_file), "post", "list", "--json"], capsys)
    assert code == 0 and out.strip() in ("[]", "")


@pytest.mark.parametrize("fmt", ["hootsuite", "sprout", "publer"])
def test_export_csv_format_writes_the_text_without_an_apostrophe(
    db_file: Path, fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert post_add(db_file, "@nasa congrats", capsys)[0] == 0
    out = tmp_path / f"{fmt}.csv"
    code, _, err = run(["--db", str(db_file), "export", "csv", "--format", fmt, "-o", str(out)], capsys)
    assert code == 0, err
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert [c for row in rows for c in row if "nasa" in c] == ["@nasa congrats"]


def test_native_export_keeps_its_spreadsheet_guard(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert post_add(db_file, "@nasa congrats", capsys)[0] == 0
    out = tmp_path / "native.csv"
    assert run(["--db", str(db_file), "export", "csv", "-o", str(out)], capsys)[0] == 0
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["text"] for r in rows] == ["'@nasa congrats"]
