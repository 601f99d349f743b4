"""Rolling backups, crash litter, a full disk and private files (issue 12)."""

from __future__ import annotations

import errno
import os
import sqlite3
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from damaged_databases import corrupt, fill, quick_check

from nomadcm.errors import DatabaseDamagedError, DatabaseError
from nomadcm.services.schedule.clients import ClientService
from nomadcm.storage import Database, backup, crash_litter, database, sqlite_errors

# sqlite_only: copies of the SQLite file; a team database is backed up by its server
pytestmark = pytest.mark.sqlite_only

DAY = datetime(2031, 3, 10, 9, 30)


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


@pytest.fixture
def posix_umask() -> Iterator[None]:
    if os.name != "posix":
        pytest.skip("file modes are POSIX")
    previous = os.umask(0o022)  # the usual one: files 0644 unless NomadCM says otherwise
    yield
    os.umask(previous)


# ---------------------------------------------------------------------------------------------- daily


def test_one_checked_backup_a_day_seven_days_kept(db_path: Path) -> None:
    fill(db_path, clients=3)
    for day in range(10):
        now = DAY + timedelta(days=day)
        assert backup.daily_backup(db_path, now=now) is not None
        assert backup.daily_backup(db_path, now=now + timedelta(hours=5)) is None  # once a day
    copies = backup.list_backups(db_path)
    assert [c.taken.date() for c in copies] == [(DAY + timedelta(days=d)).date() for d in range(9, 2, -1)]
    assert {c.kind for c in copies} == {"daily"} and len(copies) == backup.KEEP_DAILY
    assert names(db_path.parent / "backups") == sorted(c.name for c in copies)  # no .part, no -wal


def test_a_backup_is_a_sound_file_of_its_own(db: Database, db_path: Path, posix_umask: None) -> None:
    ClientService(db).add_client("Sofia Bakery", "Europe/Sofia")  # in the WAL, not yet in the file
    copy = backup.daily_backup(db_path, now=DAY)
    assert copy is not None and copy.name == f"{db_path.stem}-20310310-093000-daily.sqlite3"
    assert quick_check(copy) == ["ok"]
    raw = sqlite3.connect(copy)
    try:
        assert raw.execute("SELECT name FROM client").fetchall() == [("Sofia Bakery",)]
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # no -wal to lose beside it
    finally:
        raw.close()
    assert copy.stat().st_mode & 0o777 == 0o600
    assert copy.parent.stat().st_mode & 0o777 == 0o700


def test_a_new_file_is_not_backed_up_the_next_open_is(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    Database.open(path).close()
    assert backup.list_backups(path) == []
    Database.open(path).close()
    assert [c.kind for c in backup.list_backups(path)] == ["daily"]


def test_a_damaged_file_is_never_copied_over_good_backups(db_path: Path) -> None:
    fill(db_path)
    good = backup.daily_backup(db_path, now=DAY)
    corrupt(db_path)
    with pytest.raises(DatabaseDamagedError):
        backup.daily_backup(db_path, now=DAY + timedelta(days=1))
    assert [c.path for c in backup.list_backups(db_path)] == [good]
    assert names(db_path.parent / "backups") == [good.name]  # the damaged copy went, with its journal


def test_a_daily_backup_that_fails_does_not_stop_nomadcm(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    fill(db_path, clients=1)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup, "_copy_database", full)
    db = Database.open(db_path)
    db.close()
    assert "no backup today" in caplog.text and "full" in caplog.text


def test_kinds_are_pruned_apart_and_other_files_are_left_alone(db: Database, db_path: Path) -> None:
    folder = db_path.parent / "backups"
    folder.mkdir(exist_ok=True)
    for i in range(12):
        (folder / f"{db_path.stem}-20240101-0000{i:02d}-0001_initial.sqlite3").write_text("old")
        (folder / f"{db_path.stem}-202401{i + 1:02d}-000000-daily.sqlite3").write_text("old")
    (folder / f"{db_path.stem}-20200101-000000-manual.sqlite3").write_text("mine")
    (folder / f"{db_path.stem}-demo-20240101-000000-daily.sqlite3").write_text("the demo's")
    (folder / "someone-else.sqlite3").write_text("keep")
    backup.backup_before_migration(db, "0002_publishing")
    backup.daily_backup(db_path, now=DAY)
    kinds = [c.kind for c in backup.list_backups(db_path)]
    assert kinds.count("daily") == backup.KEEP_DAILY
    assert len([k for k in kinds if k not in ("daily", "manual")]) == backup.KEEP_BACKUPS
    assert kinds.count("manual") == 1
    assert (folder / f"{db_path.stem}-demo-20240101-000000-daily.sqlite3").exists()
    assert (folder / "someone-else.sqlite3").exists()


def test_backup_now_is_kept(db_path: Path) -> None:
    fill(db_path, clients=2)
    copy = backup.backup_now(db_path)
    assert copy.kind == "manual" and copy.path.exists()
    for day in range(10):
        backup.daily_backup(db_path, now=DAY + timedelta(days=day))
    assert copy.path.exists()


# ---------------------------------------------------------------------------------------------- litter


def test_stale_litter_is_swept_at_open_fresh_and_foreign_files_stay(db_path: Path) -> None:
    fill(db_path, clients=1)
    folder = db_path.parent
    backups = folder / "backups"
    backups.mkdir(exist_ok=True)
    stale = [
        backups / f"{db_path.stem}-20240101-000000-daily.sqlite3.part",
        backups / f"{db_path.stem}-20240101-000000-0001_initial.sqlite3.part-journal",
        folder / f"{db_path.name}.restore.part",
        folder / ".planning.csv.1a2b3c4d.part",
        folder / f".{db_path.name}.opening-123-1",
    ]
    fresh = backups / f"{db_path.stem}-20240102-000000-daily.sqlite3.part"  # a backup running now
    foreign = [
        folder / "film.mkv.part",
        folder / ".film.mkv.1a2b3c4d.part",  # not one of our export formats
        backups / "other-20240101-000000-daily.sqlite3.part",
    ]
    old = time.time() - 2 * crash_litter.STALE_AFTER_S
    for path in (*stale, fresh, *foreign):
        path.write_text("litter")
        if path is not fresh:
            os.utime(path, (old, old))
    Database.open(db_path).close()
    assert [p for p in stale if p.exists()] == []
    assert fresh.exists() and all(p.exists() for p in foreign)


def test_a_backup_cut_short_leaves_no_part(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fill(db_path, clients=1)
    real_connect = sqlite3.connect

    class Boom(sqlite3.Connection):
        def backup(self, *args: object, **kwargs: object) -> None:  # type: ignore[override]
            raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup.sqlite3, "connect", lambda *a, **k: real_connect(*a, factory=Boom, **k))
    with pytest.raises(sqlite3.OperationalError):
        backup.backup_to(db_path, db_path.parent / "copies" / "copy.sqlite3")
    assert names(db_path.parent / "copies") == []


# ---------------------------------------------------------------------------------------------- disk full


@pytest.fixture
def older_file(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A file that needs a migration (so its open makes a backup first)."""
    fill(db_path, clients=3)
    monkeypatch.setattr(database, "HEAD_REVISION", "9999_next")
    monkeypatch.setattr(database, "KNOWN_REVISIONS", (*database.KNOWN_REVISIONS, "9999_next"))
    return db_path


def _full_sqlite() -> sqlite3.OperationalError:
    err = sqlite3.OperationalError("database or disk is full")
    err.sqlite_errorcode = 13  # type: ignore[attr-defined]
    return err


@pytest.mark.parametrize(
    "failure",
    [_full_sqlite, lambda: OSError(errno.ENOSPC, "No space left on device")],
    ids=["SQLITE_FULL", "ENOSPC"],
)
def test_a_full_disk_during_a_migration_is_said_in_clear_words(
    older_file: Path, monkeypatch: pytest.MonkeyPatch, failure
) -> None:  # type: ignore[no-untyped-def]
    def copy(source: Path, partial: Path) -> None:
        partial.write_bytes(b"half")
        partial.unlink()
        raise failure()

    monkeypatch.setattr(backup, "_copy_database", copy)
    with pytest.raises(DatabaseError) as caught:  # not a traceback of sqlite3 or OSError
        Database.open(older_file)
    message = str(caught.value)
    assert "disk" in message and "is full" in message and str(older_file) in message
    assert "I/O" not in message and "\n" not in message
    assert names(older_file.parent / "backups") == []


def test_an_io_error_on_a_nearly_full_disk_is_a_full_disk(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    err = sqlite3.OperationalError("disk I/O error")
    err.sqlite_errorcode = 10 | (3 << 8)  # type: ignore[attr-defined]  # SQLITE_IOERR_WRITE
    monkeypatch.setattr(sqlite_errors, "free_space", lambda path: 100 * 1024)
    assert "is full (100.0 KiB free on it)" in sqlite_errors.describe_sqlite_error(db_path, err)
    monkeypatch.setattr(sqlite_errors, "free_space", lambda path: 50 * 1024**3)
    assert "disk reported an error" in sqlite_errors.describe_sqlite_error(db_path, err)


# ---------------------------------------------------------------------------------------------- modes


def test_database_wal_shm_backups_and_folders_are_private(tmp_path: Path, posix_umask: None) -> None:
    existing = tmp_path / "existing"
    existing.mkdir(mode=0o755)
    path = tmp_path / "data" / "NomadCM" / "nomadcm.sqlite3"
    db = Database.open(path)
    try:
        ClientService(db).add_client("Sofia Bakery", "Europe/Sofia")
        for side in ("", "-wal", "-shm"):
            assert Path(f"{path}{side}").stat().st_mode & 0o777 == 0o600, side
    finally:
        db.close()
    assert path.parent.stat().st_mode & 0o777 == 0o700  # the folder NomadCM created
    Database.open(path).close()  # today's backup
    (copy,) = backup.list_backups(path)
    assert copy.path.stat().st_mode & 0o777 == 0o600
    assert copy.path.parent.stat().st_mode & 0o777 == 0o700
    other = existing / "mine.sqlite3"
    Database.open(other).close()
    assert existing.stat().st_mode & 0o777 == 0o755  # a folder that existed keeps its mode
    assert other.stat().st_mode & 0o777 == 0o600
