"""Schema migrations with alembic, after a backup copy of the file (imported only when a migration runs)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from nomadcm.storage.backup import backup_before_migration, quick_check

if TYPE_CHECKING:
    from nomadcm.storage.database import Database

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def script_revisions() -> list[str]:
    """Revision ids of the migration scripts, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def upgrade(db: Database, from_revision: str | None) -> None:
    """Bring `db` to the head revision; an existing SQLite file is checked and backed up first."""
    if db.path is not None and from_revision is not None:
        quick_check(db)
        copy = backup_before_migration(db, from_revision)
        log.info("backed up %s to %s before migrating", db.path, copy)
    cfg = alembic_config()
    with db.write_connection() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
