"""Engine, sessions, migrations, backups."""

from nomadcm.storage.database import Database, open_database

__all__ = ["Database", "open_database"]
