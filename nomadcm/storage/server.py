"""A team database on a PostgreSQL server: its URL, its address for messages, and its errors as one line.

The password never appears in a message or a log line: URLs are shown through
`URL.render_as_string(hide_password=True)` (or `paths.DatabaseUrl.shown`), addresses as host:port. When the URL
carries no password, libpq itself looks in $PGPASSWORD and ~/.pgpass; when the server still asks for one,
`PasswordRequiredError` lets the face ask the person (CLI: getpass on a terminal; GUI: a dialog) and open
again with it — it lives in memory only.

Errors of the server are told apart by what a person can do: the server cannot be reached (its address and
the reason), it wants a password, the database does not exist, the connection was lost during a write
(nothing was saved), the server's disk is full. Everything else is the server's own first line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from sqlalchemy.engine import URL, make_url

from nomadcm.errors import DatabaseError, PasswordRequiredError, ServerUnreachableError, ValidationError
from nomadcm.paths import DatabaseUrl

DEFAULT_PORT = 5432

# libpq options that bound how long a gone server or network takes to show: a connection attempt gives up
# after CONNECT_TIMEOUT_S, an idle connection is probed by TCP keepalives, and unacknowledged data fails the
# socket after TCP_USER_TIMEOUT_MS — a write on a dead network is refused in seconds, not the kernel's 15
# minutes. A value given in the URL's query wins.
CONNECT_TIMEOUT_S = 5
LIVENESS_OPTIONS: dict[str, int] = {
    "connect_timeout": CONNECT_TIMEOUT_S,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
    "tcp_user_timeout": 15000,
}


@dataclass(frozen=True)
class ServerAddress:
    """Where a team database is, for messages: host:port, the database's name, the user."""

    host: str
    port: int
    database: str
    user: str

    def __str__(self) -> str:
        return f"{self.host}:{self.port}"


def server_url(target: DatabaseUrl) -> URL:
    """The SQLAlchemy URL to connect with: the one given, plus the password typed (if any)."""
    try:
        url = make_url(target.url)
    except Exception as err:  # ArgumentError, ValueError (a port that is not a number)
        raise ValidationError(f"--db: {target.shown!r} is not a valid database URL ({err})") from None
    if target.password is not None:
        url = url.set(password=target.password)
    return url


def liveness_options(url: URL) -> dict[str, int]:
    """`LIVENESS_OPTIONS` not already set by the URL's query (connect arguments for the engine and the
    listener of storage/pg_changes.py)."""
    return {key: value for key, value in LIVENESS_OPTIONS.items() if key not in url.query}


def address_of(url: URL) -> ServerAddress:
    """The server's address as libpq will use it: the URL's, else $PGHOST/$PGPORT/..., else libpq's defaults."""
    host = url.host or url.query.get("host") or os.environ.get("PGHOST") or "localhost"
    port = url.port or os.environ.get("PGPORT") or DEFAULT_PORT
    user = url.username or os.environ.get("PGUSER") or _login_name()
    database = url.database or os.environ.get("PGDATABASE") or user
    return ServerAddress(str(host), int(port), str(database), str(user))


def shown(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def describe_server_error(
    address: ServerAddress, err: BaseException | None, *, connecting: bool
) -> DatabaseError:
    """One line a person can act on, for an error of the server's driver (psycopg)."""
    first = _first_line(err)
    low = str(err or "").lower()
    where = f"the team database at {address}"
    if "no password supplied" in low or "password authentication failed" in low:
        wrong = "password authentication failed" in low
        what = "refused the password of" if wrong else "asks for a password for"
        return PasswordRequiredError(
            f"{where} {what} user {address.user!r}: type it when asked, or set PGPASSWORD, or put it in "
            "~/.pgpass",
            wrong=wrong,
        )
    if "does not exist" in low and "database" in low and connecting:
        return DatabaseError(
            f"the server at {address} has no database {address.database!r}: create it first (createdb -h "
            f"{address.host} -p {address.port} {address.database}), then run: nomadcm team init URL"
        )
    if "role" in low and "does not exist" in low and connecting:
        return DatabaseError(f"the server at {address} knows no user {address.user!r}: ask its administrator")
    sqlstate = getattr(err, "sqlstate", None) or ""
    if sqlstate == "53100" or "no space left" in low or "disk full" in low:
        return DatabaseError(f"{where} is out of disk space: nothing was saved; ask its administrator")
    if sqlstate in ("40001", "40P01"):
        return DatabaseError(
            f"{where} stopped this write because another one crossed it ({first}): nothing was saved — try again"
        )
    if connecting:
        return ServerUnreachableError(f"cannot reach {where} ({first})")
    if any(word in low for word in ("closed", "terminat", "lost", "connection", "timeout", "timed out")):
        return ServerUnreachableError(
            f"lost the connection to {where} ({first}): nothing was saved — try again"
        )
    return DatabaseError(f"{where}: {first}")


def _first_line(err: BaseException | None) -> str:
    """libpq's message without its prefixes and hints: 'Connection refused', 'FATAL: ...' -> its text."""
    text = str(err or "").strip()
    line = text.splitlines()[0].strip() if text else "no reason given"
    if "failed: " in line:
        line = line.rsplit("failed: ", 1)[1]
    for prefix in ("FATAL:", "ERROR:"):
        if line.startswith(prefix):
            line = line[len(prefix) :].strip()
    return line or "no reason given"


def _login_name() -> str:
    try:
        return os.getlogin()
    except OSError:
        import getpass

        return getpass.getuser()
