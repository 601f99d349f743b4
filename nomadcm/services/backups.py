"""Backups of a database file for the two faces: list them, make one, put one back.

Module functions over a path, not a service of the container: a restore must work on a file that cannot be
opened (damaged), and must not have it open. What is copied, when and where: storage/backup.py.
"""

from __future__ import annotations

from pathlib import Path

from nomadcm.storage import backup
from nomadcm.storage.backup import BackupCopy, Restored

__all__ = ["BackupCopy", "Restored", "backup_folder", "backup_now", "list_backups", "restore"]


def list_backups(db_path: Path) -> list[BackupCopy]:
    """The copies of `db_path`, newest first."""
    return backup.list_backups(db_path)


def backup_folder(db_path: Path) -> Path:
    from nomadcm.paths import backup_dir

    return backup_dir(db_path)


def backup_now(db_path: Path) -> BackupCopy:
    """A checked copy now, kept until its owner deletes it."""
    return backup.backup_now(db_path)


def restore(db_path: Path, name: str | None = None) -> Restored:
    """Put the backup `name` (default: the newest sound one) in place of `db_path`, whose file is kept
    beside it. Refused while a NomadCM window or command has the database open."""
    return backup.restore(db_path, name)
