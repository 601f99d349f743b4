"""Copies of the SQLite file made with SQLite's backup API (consistent even while the file is open), and
putting one back.

All copies live in `backups/` beside the database (`paths.backup_dir`), named
`STEM-YYYYmmdd-HHMMSS-KIND.sqlite3`, KIND being:

- `daily`: the first open of a day makes one (none when the file was just created); the last KEEP_DAILY
  are kept. The copy is checked (`PRAGMA quick_check`) before it gets its name, so a damaged database is
  noticed within a day even when no NomadCM ever crashed on it — and is never copied over a good backup;
- a schema revision (`0001_initial`): the file as it was before a migration from that revision; the last
  KEEP_BACKUPS are kept;
- `manual`: `nomadcm backup now`; never removed by NomadCM.

A copy is written to `NAME.part` (created 0600, never over another one) and renamed when complete, so a
crash leaves a `.part` (removed later by storage/crash_litter.py), never a half copy under a backup's name.
A restore copies the backup into `DBNAME.restore.part` first, then moves the current file (with its -wal and
-shm) aside as `DBNAME.damaged-STAMP` (or `.replaced-STAMP` when it was sound) and renames the copy in:
nothing is ever deleted.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from nomadcm.errors import DatabaseError, NotFoundError
from nomadcm.paths import backup_dir
from nomadcm.storage import open_marks
from nomadcm.storage.private_files import FILE_MODE, make_private_folder
from nomadcm.storage.sqlite_errors import damaged_error, translate_errors

if TYPE_CHECKING:
    from nomadcm.storage.database import Database

KEEP_BACKUPS = 10  # copies made before migrations
KEEP_DAILY = 7
DAILY, MANUAL = "daily", "manual"
STAMP = "%Y%m%d-%H%M%S"
SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class BackupCopy:
    path: Path
    taken: datetime  # local time, from the name
    kind: str  # "daily", "manual", or the schema revision the file had before a migration
    size: int

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def before_migration(self) -> bool:
        return self.kind not in (DAILY, MANUAL)


@dataclass(frozen=True)
class Restored:
    copy: BackupCopy
    kept_as: Path | None  # where the file it replaced went (None: there was none)
    damaged: bool  # the replaced file failed its check
    skipped: tuple[BackupCopy, ...] = ()  # newer copies passed over because they are damaged too


# ---------------------------------------------------------------------------------------------- copies


def backup_to(db_path: Path, target: Path) -> Path:
    """Copy the database at `db_path` into `target` page by page; the target appears complete or not at all."""
    make_private_folder(target.parent)
    partial = target.with_name(target.name + ".part")
    _copy_database(db_path, partial)
    os.replace(partial, target)
    _sync_folder(target.parent)
    return target


def backup_before_migration(db: Database, revision: str) -> Path:
    assert db.path is not None
    return _take(db.path, revision, KEEP_BACKUPS)


def backup_now(db_path: Path) -> BackupCopy:
    """A copy kept until its owner deletes it (`nomadcm backup now`)."""
    with translate_errors(db_path, own_files=True):
        if not db_path.is_file():
            raise NotFoundError(f"there is no database {str(db_path)!r} to back up")
        path = _take(db_path, MANUAL, None, check=True)
    return next(c for c in list_backups(db_path) if c.path == path)


def daily_backup_due(db_path: Path, now: datetime | None = None) -> bool:
    """No copy of any kind was made today (local time)."""
    today = (now or datetime.now()).date()
    return not any(copy.taken.date() == today for copy in list_backups(db_path))


def daily_backup(db_path: Path, now: datetime | None = None) -> Path | None:
    """Today's checked copy, when none was made yet; None when not due or another process is making it.
    Raises DatabaseDamagedError when the copy (hence the file) fails its check."""
    if not daily_backup_due(db_path, now):
        return None
    try:
        return _take(db_path, DAILY, KEEP_DAILY, check=True, now=now)
    except FileExistsError:
        return None  # another NomadCM started at the same second and makes it


def _take(
    db_path: Path, kind: str, keep: int | None, *, check: bool = False, now: datetime | None = None
) -> Path:
    folder = backup_dir(db_path)
    make_private_folder(folder)
    target = folder / f"{db_path.stem}-{(now or datetime.now()).strftime(STAMP)}-{kind}.sqlite3"
    partial = target.with_name(target.name + ".part")
    _copy_database(db_path, partial)
    if check:
        problems = quick_check_file(partial)
        if problems:
            _remove_with_side_files(partial)
            raise damaged_error(db_path, "; ".join(problems))
    os.replace(partial, target)
    _sync_folder(folder)
    if keep is not None:
        _prune(db_path, kind, keep)
    return target


def _copy_database(source: Path, partial: Path) -> None:
    """SQLite's backup API into `partial`, created here (0600); removed again when the copy fails."""
    fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0), FILE_MODE)
    os.close(fd)
    try:
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                # A copy is a file on its own: no -wal or -shm beside it, whoever opens it.
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
    except BaseException:
        _remove_with_side_files(partial)
        raise


# ---------------------------------------------------------------------------------------------- checks


def quick_check_file(path: Path) -> list[str]:
    """What `PRAGMA quick_check` finds wrong in the file at `path` (read only); [] when it is sound."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
        finally:
            conn.close()
    except sqlite3.DatabaseError as err:
        return [str(err)]
    return [] if rows == ["ok"] else _one_line(rows)


def quick_check(db: Database) -> None:
    """Refuse to go on with a damaged file: PRAGMA quick_check must answer 'ok'."""
    with db.engine.connect() as conn:
        rows = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
    if rows != ["ok"]:
        raise damaged_error(db.path, "; ".join(_one_line(rows)))


def _one_line(rows: list[str]) -> list[str]:
    # quick_check's rows hold newlines: keep the message on one line (the CLI prints one line).
    return [line.strip() for row in rows[:3] for line in row.splitlines() if line.strip()]


# ---------------------------------------------------------------------------------------------- listing


def _name_pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(db_path.stem)}-(\d{{8}}-\d{{6}})-(.+)\.sqlite3$")


def list_backups(db_path: Path) -> list[BackupCopy]:
    """The copies of `db_path` in its backups folder, newest first."""
    pattern = _name_pattern(db_path)
    try:
        entries = list(os.scandir(backup_dir(db_path)))
    except OSError:
        return []
    copies = []
    for entry in entries:
        match = pattern.match(entry.name)
        if not match:
            continue
        try:
            taken = datetime.strptime(match.group(1), STAMP)
            size = entry.stat().st_size
        except (ValueError, OSError):
            continue
        copies.append(BackupCopy(Path(entry.path), taken, match.group(2), size))
    return sorted(copies, key=lambda c: (c.taken, c.name), reverse=True)


def _prune(db_path: Path, kind: str, keep: int) -> None:
    daily = kind == DAILY
    same = [c for c in list_backups(db_path) if (c.kind == DAILY) == daily and c.kind != MANUAL]
    for old in same[keep:]:
        old.path.unlink(missing_ok=True)


# ---------------------------------------------------------------------------------------------- restore


def restore(db_path: Path, name: str | None = None, *, now: datetime | None = None) -> Restored:
    """Put a backup (by file name; by default the newest sound one) in place of the database."""
    with translate_errors(db_path, own_files=True):
        copies = list_backups(db_path)
        if not copies:
            raise NotFoundError(
                f"database {str(db_path)!r} has no backup to restore (none in {str(backup_dir(db_path))!r})"
            )
        skipped: list[BackupCopy] = []
        if name is not None:
            chosen = next((c for c in copies if name in (c.name, c.path.stem)), None)
            if chosen is None:
                raise NotFoundError(f"no backup named {name!r} (`nomadcm backup list` shows them)")
            problems = quick_check_file(chosen.path)
            if problems:
                raise DatabaseError(f"backup {chosen.name!r} is damaged too ({'; '.join(problems)})")
        else:
            for copy in copies:
                if not quick_check_file(copy.path):
                    chosen = copy
                    break
                skipped.append(copy)
            else:
                raise DatabaseError(f"every backup of {str(db_path)!r} is damaged too; none was restored")
        if open_marks.held(db_path):
            raise DatabaseError(
                f"NomadCM has database {str(db_path)!r} open (a window or a command): close it, then restore"
            )
        partial = db_path.with_name(db_path.name + ".restore.part")
        _remove_with_side_files(partial)  # our own leftover: nobody else writes under this name
        _copy_database(chosen.path, partial)
        kept_as, damaged = _move_aside(db_path, now)
        os.replace(partial, db_path)
        _sync_folder(db_path.parent)
    return Restored(chosen, kept_as, damaged, tuple(skipped))


def _move_aside(db_path: Path, now: datetime | None) -> tuple[Path | None, bool]:
    """Rename the database and its side files out of the way, never over anything; (new name, damaged)."""
    if not db_path.exists():
        return None, False
    damaged = bool(quick_check_file(db_path))
    label = "damaged" if damaged else "replaced"
    stamp = (now or datetime.now()).strftime(STAMP)
    kept = db_path.with_name(f"{db_path.name}.{label}-{stamp}")
    n = 1
    while any(Path(f"{kept}{side}").exists() for side in ("", *SIDE_FILES)):
        n += 1
        kept = db_path.with_name(f"{db_path.name}.{label}-{stamp}-{n}")
    os.rename(db_path, kept)
    for side in SIDE_FILES:
        with contextlib.suppress(FileNotFoundError):
            os.rename(f"{db_path}{side}", f"{kept}{side}")
    return kept, damaged


def _remove_with_side_files(path: Path) -> None:
    for side in ("", *SIDE_FILES):
        with contextlib.suppress(OSError):
            os.unlink(f"{path}{side}")


def _sync_folder(folder: Path) -> None:
    """The rename itself reaches the disk (POSIX); best effort elsewhere."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
