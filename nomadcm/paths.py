"""Where NomadCM keeps its files. Nothing else in the code knows a path.

The database is `nomadcm.sqlite3` in the platform's user data folder unless `--db PATH` or the `NOMADCM_DB`
environment variable says otherwise. Logs and crash reports sit next to it, in the log folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_DIR_NAME = "NomadCM"
DB_ENV = "NOMADCM_DB"
DB_FILENAME = "nomadcm.sqlite3"
DEMO_DB_FILENAME = "nomadcm-demo.sqlite3"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def demo_db_path() -> Path:
    return data_dir() / DEMO_DB_FILENAME


def resolve_db_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The database the user asked for: `--db`, else $NOMADCM_DB, else the default file."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return default_db_path()


def backup_dir(db_path: Path) -> Path:
    """Backups made before migrations live beside the database, in `backups/`."""
    return db_path.parent / "backups"


def resource_path(*parts: str) -> Path:
    """A file shipped inside the package (icons, translations, the city table)."""
    return Path(__file__).resolve().parent.joinpath("resources", *parts)
