"""Where NomadCM keeps its files. Nothing else in the code knows a path.

The database is `nomadcm.sqlite3` in the platform's user data folder unless `--db` or the `NOMADCM_DB`
environment variable says otherwise: a file path, or the URL of a team database on a PostgreSQL server
(`postgresql://USER@HOST[:PORT]/DATABASE`). Text starting with `scheme://` is a URL, never a file name: an
unknown scheme is refused rather than created as a folder named after it. Logs and crash reports sit next to
it, in the log folder.

This module imports no SQLAlchemy (the CLI's parser must stay light): URLs are recognised and their password
masked with the same pattern SQLAlchemy parses them with (sqlalchemy.engine.url._parse_url).
"""

from __future__ import annotations

import os
import re
import stat
import threading
from pathlib import Path
from urllib.parse import unquote

from nomadcm.errors import ValidationError

APP_DIR_NAME = "NomadCM"
DB_ENV = "NOMADCM_DB"
DB_FILENAME = "nomadcm.sqlite3"
DEMO_DB_FILENAME = "nomadcm-demo.sqlite3"


def data_dir() -> Path:
    import platformdirs  # here: a command given --db never needs it (a few ms of every start)

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def log_dir() -> Path:
    import platformdirs

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


def private_dir(path: Path, create: bool = True) -> bool:
    """`path` is (made) a real folder of this user that nobody else may enter (0700 on POSIX)."""
    return _private_dir(path, create)


def _private_dir(path: Path, create: bool = True) -> bool:
    """See `private_dir`."""
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


# ---------------------------------------------------------------------- databases by URL

URL_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")
# The driver NomadCM ships (psycopg 3, the `postgres` extra): `postgresql://` alone would mean psycopg2 to
# SQLAlchemy, which is not installed.
SERVER_DRIVER = "postgresql+psycopg"
SERVER_SCHEMES = frozenset({"postgresql", "postgres", SERVER_DRIVER})
URL_HELP = "postgresql://USER@HOST[:PORT]/DATABASE"
# user:password@ as SQLAlchemy reads it (user: no ':' or '/'; password: up to the '@'), and ?password=...
_USERINFO_PASSWORD_RE = re.compile(r"^(?P<head>[A-Za-z][A-Za-z0-9+.\-]*://[^:/@]*):[^@]*@")
_QUERY_PASSWORD_RE = re.compile(r"(?P<head>[?&]password=)[^&]*", re.IGNORECASE)


def mask_password(url: str) -> str:
    """`url` with its password (if any) shown as ***, for every message and log line."""
    masked = _USERINFO_PASSWORD_RE.sub(r"\g<head>:***@", url, count=1)
    return _QUERY_PASSWORD_RE.sub(r"\g<head>***", masked)


class DatabaseUrl:
    """A team database on a server, by URL (`postgresql+psycopg://...`). `str()` and `repr()` never show a
    password; `password` (from a prompt or dialog) is kept apart from the URL, in memory only."""

    __slots__ = ("password", "url")

    def __init__(self, url: str, password: str | None = None) -> None:
        self.url = url
        self.password = password

    def with_password(self, password: str | None) -> DatabaseUrl:
        return DatabaseUrl(self.url, password)

    @property
    def shown(self) -> str:
        """The URL without its password: what messages, logs, titles and settings hold."""
        return mask_password(self.url)

    @property
    def without_password(self) -> str:
        """The URL with any password removed (not masked): what may be remembered in the settings."""
        bare = _USERINFO_PASSWORD_RE.sub(r"\g<head>@", self.url, count=1)
        base, _, query = bare.partition("?")
        kept = [p for p in query.split("&") if p and not p.lower().startswith("password=")]
        return f"{base}?{'&'.join(kept)}" if kept else base

    @property
    def inline_password(self) -> str | None:
        """The password written in the URL itself (user:PASSWORD@), decoded; None when there is none."""
        match = re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*://[^:/@]*:(?P<pw>[^@]*)@", self.url)
        return unquote(match.group("pw")) if match else None

    def __str__(self) -> str:
        return self.shown

    def __repr__(self) -> str:
        return f"DatabaseUrl({self.shown!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DatabaseUrl) and other.url == self.url

    def __hash__(self) -> int:
        return hash(self.url)


DatabaseTarget = Path | DatabaseUrl


def is_database_url(text: str | os.PathLike[str]) -> bool:
    return URL_SCHEME_RE.match(os.fspath(text)) is not None


def database_target(text: str | os.PathLike[str]) -> DatabaseTarget:
    """A `--db` value: a file path, or a server URL. `scheme://` is always a URL: `sqlite:///PATH` is the
    file PATH, `postgresql://`, `postgres://` and `postgresql+psycopg://` a team database; any other scheme is
    refused (ValidationError naming it, the password masked)."""
    raw = os.fspath(text)
    match = URL_SCHEME_RE.match(raw)
    if match is None:
        return Path(raw).expanduser()
    scheme, rest = match.group(1).lower(), raw[match.end() :]
    if scheme == "sqlite":
        if not rest.startswith("/") or rest == "/":
            raise ValidationError(
                f"--db: {mask_password(raw)!r} names no file: use sqlite:///PATH, or just the file's path"
            )
        return Path(rest[1:]).expanduser()
    if scheme in SERVER_SCHEMES:
        if not rest.strip("/"):
            raise ValidationError(f"--db: {mask_password(raw)!r} names no server: use {URL_HELP}")
        return DatabaseUrl(f"{SERVER_DRIVER}://{rest}")
    hint = " (NomadCM ships psycopg 3: use postgresql://)" if scheme.startswith("postgresql+") else ""
    raise ValidationError(
        f"--db: unknown database URL scheme {scheme!r} in {mask_password(raw)!r}{hint}: NomadCM opens a SQLite "
        f"file (give its path) or a PostgreSQL team database ({URL_HELP})"
    )


def resolve_database(cli_value: str | os.PathLike[str] | None = None) -> DatabaseTarget:
    """The database the user asked for: `--db`, else $NOMADCM_DB, else the default file."""
    if cli_value:
        return database_target(cli_value)
    env = os.environ.get(DB_ENV)
    if env:
        return database_target(env)
    return default_db_path()


def resolve_db_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The database FILE the user asked for (backups, restore): a team database's URL is refused, its backups
    are the server's job (pg_dump)."""
    target = resolve_database(cli_value)
    if isinstance(target, DatabaseUrl):
        raise ValidationError(
            f"{target.shown} is a team database on a server: NomadCM keeps no copies of it; back it up on the "
            "server (pg_dump)"
        )
    return target


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
