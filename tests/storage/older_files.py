"""A SQLite file as an older NomadCM left it: the migration scripts run up to a revision (for the migration
tests of tests/storage)."""

from __future__ import annotations

from pathlib import Path

from alembic import command

from nomadcm.storage import migrate
from nomadcm.storage.engine import make_engine, sqlite_url


def file_at(path: Path, revision: str) -> None:
    """A database built by the migration scripts up to `revision` (an older NomadCM's file)."""
    engine = make_engine(sqlite_url(path))
    cfg = migrate.alembic_config()
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    finally:
        engine.dispose()
