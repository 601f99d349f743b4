"""Copies of the SQLite file made with SQLite's backup API (consistent even while the file is open)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from nomadcm.errors import DatabaseError
from nomadcm.paths import backup_dir

if TYPE_CHECKING:
    from nomadcm.storage.database import Database

KEEP_BACKUPS = 10


def backup_to(db_path: Path, target: Path) -> Path:
    """Copy the database at `db_path` into `target` page by page; the target is replaced atomically."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(db_path)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(target)
    return target


def backup_before_migration(db: Database, revision: str) -> Path:
    assert db.path is not None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = backup_dir(db.path)
    target = folder / f"{db.path.stem}-{stamp}-{revision}.sqlite3"
    copy = backup_to(db.path, target)
    _prune(folder, db.path.stem)
    return copy


def quick_check(db: Database) -> None:
    """Refuse to migrate a damaged file: PRAGMA quick_check must answer 'ok'."""
    with db.engine.connect() as conn:
        rows = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
    if rows != ["ok"]:
        # quick_check's rows hold newlines: keep the message on one line (the CLI prints one line).
        detail = "; ".join(line.strip() for row in rows[:3] for line in str(row).splitlines() if line.strip())
        raise DatabaseError(f"database {str(db.path)!r} is damaged: {detail}")


def _prune(folder: Path, stem: str) -> None:
    copies = sorted(folder.glob(f"{stem}-*.sqlite3"))
    for old in copies[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)
