"""Where NomadCM keeps its files. Nothing else in the code knows a path.

The database is `nomadcm.sqlite3` in the platform's user data folder unless `--db PATH` or the `NOMADCM_DB`
environment variable says otherwise. Logs and crash reports sit next to it, in the log folder.
"""

from __future__ import annotations

import os
import stat
import threading
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


def runtime_dir() -> Path:
    """A folder only this user can enter, for the single-instance lock and socket (ui/single_instance.py).

    $XDG_RUNTIME_DIR/NomadCM when $XDG_RUNTIME_DIR is ours and private (Linux: what Qt's RuntimeLocation
    gives, checked here without Qt's warnings), else `run/` in the user data folder. The folder is made 0700
    and refused when it is a link, or not ours: never the shared temporary folder, where another user could
    create the names first.
    """
    xdg = os.environ.get("XDG_RUNTIME_DIR", "")
    if xdg and os.path.isabs(xdg) and _private_dir(Path(xdg), create=False):
        candidate = Path(xdg) / APP_DIR_NAME
        if _private_dir(candidate):
            return candidate
    fallback = data_dir() / "run"
    if not _private_dir(fallback):
        raise PermissionError(f"{fallback} is not a private folder of this user")
    return fallback


def _private_dir(path: Path, create: bool = True) -> bool:
    """`path` is (made) a real folder of this user that nobody else may enter (0700 on POSIX)."""
    try:
        if create:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.lstat(path)
    except OSError:
        return False
    if not stat.S_ISDIR(st.st_mode):
        return False  # a symbolic link (or a file) in its place
    if os.name != "posix":
        return True  # the user's own profile folders: private by their ACLs
    if st.st_uid != os.getuid():
        return False
    if st.st_mode & 0o077:
        if not create:
            return False
        try:
            os.chmod(path, 0o700)
        except OSError:
            return False
    return True


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


# The databases this process has open (registered by services.container.Services): exports must never
# overwrite them (exchange/output_targets.py). Real paths, counted, since two containers may share a file.
_open_lock = threading.Lock()
_open_databases: dict[str, int] = {}


def register_open_database(path: Path | None) -> None:
    if path is None:
        return
    key = os.path.realpath(Path(path).expanduser())
    with _open_lock:
        _open_databases[key] = _open_databases.get(key, 0) + 1


def unregister_open_database(path: Path | None) -> None:
    if path is None:
        return
    key = os.path.realpath(Path(path).expanduser())
    with _open_lock:
        left = _open_databases.pop(key, 0) - 1
        if left > 0:
            _open_databases[key] = left


def open_databases() -> list[Path]:
    with _open_lock:
        return [Path(p) for p in _open_databases]


def resource_path(*parts: str) -> Path:
    """A file shipped inside the package (icons, translations, the city table)."""
    return Path(__file__).resolve().parent.joinpath("resources", *parts)
