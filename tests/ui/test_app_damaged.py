"""Start-up on a damaged database: the restore offer, and a smoke test that never waits for a click (issue 12).
The files are really damaged (tests/damaged_databases.py)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from damaged_databases import corrupt, fill, quick_check
from PySide6.QtWidgets import QMessageBox

from nomadcm.app import EXIT_BAD_DATABASE, _open_database, gui_main
from nomadcm.storage import Database
from nomadcm.ui import damaged_database, plain_text

# sqlite_only: a damaged SQLite file and its backups
pytestmark = pytest.mark.sqlite_only


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """300 clients, a backup of them, a client page overwritten, and a NomadCM killed with the file open."""
    path = tmp_path / "nomadcm.sqlite3"
    fill(path)
    Database.open(path).close()  # today's backup
    corrupt(path)
    path.with_name(f".{path.name}.open-999999-1").touch()
    return path


@pytest.fixture
def no_modal(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> int:
        raise AssertionError("a modal dialog would wait for a click")

    monkeypatch.setattr(QMessageBox, "exec", refuse)
    monkeypatch.setattr(damaged_database, "choose_restore", refuse)


def test_exit_after_startup_on_a_damaged_file_exits_2_with_the_message(
    qapp, damaged: Path, no_modal: None, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    before = digest(damaged)
    assert gui_main(["--db", str(damaged), "--exit-after-startup"]) == EXIT_BAD_DATABASE
    err = capsys.readouterr().err
    assert str(damaged) in err and "damaged" in err and "backup restore" in err
    assert digest(damaged) == before


def test_the_offer_restores_the_newest_backup_and_opens_it(
    qapp, damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(
        damaged_database, "choose_restore", lambda parent, path, err, newest: asked.append(newest) or True
    )
    monkeypatch.setattr(plain_text, "inform", lambda parent, title, text, *a: told.append(text))
    db = _open_database(qapp, damaged, exit_after_startup=False)
    assert isinstance(db, Database)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM client").scalar() == 300
    finally:
        db.close()
    assert len(asked) == 1
    (kept,) = [
        p for p in damaged.parent.glob(f"{damaged.name}.damaged-*") if not p.name.endswith(("wal", "shm"))
    ]
    assert quick_check(kept) != ["ok"]  # the damaged file, kept
    assert str(kept) in told[0] and "nothing was deleted" in told[0]


def test_declining_the_offer_quits_and_touches_nothing(
    qapp, damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    before = digest(damaged)
    monkeypatch.setattr(damaged_database, "choose_restore", lambda *args: False)
    assert _open_database(qapp, damaged, exit_after_startup=False) == EXIT_BAD_DATABASE
    assert digest(damaged) == before
    assert not list(damaged.parent.glob("*.damaged-*"))


def test_without_a_backup_there_is_no_offer_only_the_message(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "nomadcm.sqlite3"
    fill(path)
    corrupt(path)
    path.with_name(f".{path.name}.open-999999-1").touch()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    monkeypatch.setattr(damaged_database, "choose_restore", lambda *args: pytest.fail("no backup to offer"))
    assert _open_database(qapp, path, exit_after_startup=False) == EXIT_BAD_DATABASE
    assert shown and str(path) in shown[0] and ".recover" in shown[0]


def test_damage_met_after_the_open_ends_a_smoke_test_with_an_error(tmp_path: Path) -> None:
    """The file was backed up today and closed cleanly, so the open does not check it; the first page then
    reads the damaged page. `nomadcm-gui --exit-after-startup` must end, non-zero, the error on stderr."""
    path = tmp_path / "nomadcm.sqlite3"
    fill(path)
    Database.open(path).close()
    corrupt(path)
    done = subprocess.run(
        [sys.executable, "-m", "nomadcm.app", "--db", str(path), "--exit-after-startup"],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert done.returncode not in (0, -11, 139), done.stderr[-2000:]  # an error, not a hang nor a crash
    assert "damaged" in done.stderr or "malformed" in done.stderr


def test_damage_met_by_the_first_reads_is_reported_not_raised(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_modal: None, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.errors import DatabaseDamagedError
    from nomadcm.services.schedule import zone_rule_updates

    def damaged_read(db: Database) -> None:
        raise DatabaseDamagedError(f"{db.path} is damaged (database disk image is malformed)", db.path, 0)

    monkeypatch.setattr(zone_rule_updates, "ensure_instants_current", damaged_read)
    path = tmp_path / "nomadcm.sqlite3"
    assert gui_main(["--db", str(path), "--exit-after-startup"]) == EXIT_BAD_DATABASE
    assert "is damaged" in capsys.readouterr().err
