"""`nomadcm backup list|now|restore`, and a damaged file refused by every other command (issue 12)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from damaged_databases import corrupt, fill

from nomadcm.cli import main
from nomadcm.storage import Database

# sqlite_only: backups of the SQLite file
pytestmark = pytest.mark.sqlite_only


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def client_names(path: Path) -> list[str]:
    raw = sqlite3.connect(path)
    try:
        return [r[0] for r in raw.execute("SELECT name FROM client ORDER BY name")]
    finally:
        raw.close()


def test_list_now_and_json(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fill(db_path, clients=2)
    code, out, _ = run(["--db", str(db_path), "backup", "list"], capsys)
    assert code == 0 and "no backup" in out and str(db_path.parent / "backups") in out
    code, out, _ = run(["--db", str(db_path), "backup", "now"], capsys)
    assert code == 0 and "backed up" in out
    Database.open(db_path).close()  # the day's backup was made by `backup now`: no daily one
    code, out, _ = run(["--db", str(db_path), "backup", "list", "--json"], capsys)
    listed = json.loads(out)
    assert [c["kind"] for c in listed] == ["manual"] and listed[0]["name"].endswith("-manual.sqlite3")
    code, out, _ = run(["--db", str(db_path), "backup", "list"], capsys)
    assert "backup now" in out


def test_a_damaged_file_is_refused_then_restored(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fill(db_path)
    run(["--db", str(db_path), "backup", "now"], capsys)
    corrupt(db_path)
    db_path.with_name(f".{db_path.name}.open-999999-1").touch()  # the GUI was killed with it open
    code, out, err = run(["--db", str(db_path), "client", "add", "Nouveau", "--tz", "Europe/Paris"], capsys)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1  # one line: the file, what is wrong, what to do
    assert str(db_path) in err and "damaged" in err and "backup restore" in err
    code, out, err = run(["--db", str(db_path), "backup", "restore"], capsys)
    assert code == 0, err
    assert "restored" in out and ".damaged-" in out
    code, out, err = run(["--db", str(db_path), "client", "add", "Nouveau", "--tz", "Europe/Paris"], capsys)
    assert code == 0, err
    assert "Nouveau" in client_names(db_path) and len(client_names(db_path)) == 301
    kept = list(db_path.parent.glob(f"{db_path.name}.damaged-*"))
    assert len([k for k in kept if not k.name.endswith(("-wal", "-shm"))]) == 1


def test_restore_errors_are_one_line(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fill(db_path, clients=1)
    code, _, err = run(["--db", str(db_path), "backup", "restore"], capsys)
    assert code == 2 and "no backup" in err and len(err.splitlines()) == 1
    run(["--db", str(db_path), "backup", "now"], capsys)
    code, _, err = run(["--db", str(db_path), "backup", "restore", "nope.sqlite3"], capsys)
    assert code == 2 and "no backup named 'nope.sqlite3'" in err
