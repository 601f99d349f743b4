"""Engine, sessions, migrations, backups."""

from nomadcm.storage.database import Database

__all__ = ["Database"]
