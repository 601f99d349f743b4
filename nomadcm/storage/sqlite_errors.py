"""Database errors a person can act on — locked, damaged, unreadable, disk full — as messages naming the file.

SQLite says why it failed in its error code (Python 3.11 gives it as `sqlite_errorcode`); the text is the
fallback. A full disk is said in those words even when SQLite calls it "disk I/O error" (it does when the
space runs out while it grows a file rather than while it writes one): the free space of the folder decides.
Every message is one line (the CLI prints it as is).
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import exc as sa_exc

from nomadcm.errors import DatabaseDamagedError, DatabaseError
from nomadcm.storage import engine as storage_engine

if TYPE_CHECKING:
    from nomadcm.storage.server import ServerAddress

SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT = 3, 8, 10, 11
SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 13, 14, 26
LOW_SPACE_BYTES = 4 * 1024 * 1024  # below this, an I/O error while writing is taken for a full disk
DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})


@contextmanager
def translate_errors(
    path: Path | None,
    on_damage: Callable[[], None] | None = None,
    *,
    own_files: bool = False,
    server: ServerAddress | None = None,
) -> Iterator[None]:
    """Turns the database errors a user can act on into DatabaseError (DatabaseDamagedError for a damaged
    file, after calling `on_damage`); anything else is a bug and goes through unchanged.

    SQLAlchemy's errors always come from the database. `own_files`: the block works on the database's files
    itself (opening, backups, restore), so the sqlite3 module's errors and OSError are about them too —
    not so inside a session, where an importer may read a file of its own. `server`: the database is a team
    database on a server (storage/server.py says its errors)."""
    try:
        yield
    except DatabaseDamagedError:
        if on_damage is not None:
            on_damage()
        raise
    except DatabaseError:
        raise
    except sa_exc.DBAPIError as err:
        orig = err.orig
        if server is not None and not isinstance(orig, sqlite3.Error):
            if isinstance(err, sa_exc.OperationalError | sa_exc.InterfaceError) or err.connection_invalidated:
                from nomadcm.storage.server import describe_server_error

                raise describe_server_error(server, orig, connecting=err.statement is None) from err
            raise
        if isinstance(err, sa_exc.OperationalError) or (
            isinstance(orig, sqlite3.DatabaseError) and not isinstance(orig, sqlite3.IntegrityError)
        ):
            raise _user_error(path, orig, on_damage) from err
        raise
    except sqlite3.DatabaseError as err:
        if not own_files or isinstance(err, sqlite3.IntegrityError):
            raise
        raise _user_error(path, err, on_damage) from err
    except OSError as err:
        if not own_files:
            raise
        raise DatabaseError(describe_os_error(path, err)) from err


def _user_error(
    path: Path | None, err: BaseException | None, on_damage: Callable[[], None] | None
) -> DatabaseError:
    if is_damage(err):
        if on_damage is not None:
            on_damage()
        return damaged_error(path, str(err))
    return DatabaseError(describe_sqlite_error(path, err))


def is_damage(err: BaseException | None) -> bool:
    code = _code(err)
    if code is not None:
        return code in (SQLITE_CORRUPT, SQLITE_NOTADB)
    msg = str(err or "").lower()
    return "not a database" in msg or "malformed" in msg or "corrupt" in msg


def describe_sqlite_error(path: Path | None, err: BaseException | None) -> str:
    name = _name(path)
    code, msg = _code(err), str(err or "").lower()
    if storage_engine.is_busy(err) or (code is None and ("locked" in msg or "busy" in msg)):
        return (
            f"database {name} is locked by another program; try again in a moment, or close the program "
            "that is writing to it"
        )
    if is_damage(err):
        return damaged_error(path, str(err)).args[0]
    if code == SQLITE_FULL or "disk is full" in msg or "database or disk is full" in msg:
        return disk_full_message(path)
    if code == SQLITE_IOERR or "disk i/o error" in msg:
        if path is not None and free_space(path) < LOW_SPACE_BYTES:
            return disk_full_message(path)
        return f"cannot read or write database {name}: the disk reported an error ({err}); check the disk"
    if code in (SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_PERM) or any(
        word in msg for word in ("unable to open", "readonly", "read-only")
    ):
        return f"cannot open database {name}: check that the file and its folder are readable and writable"
    return f"database {name}: {err}"


def describe_os_error(path: Path | None, err: OSError) -> str:
    if err.errno in DISK_FULL_ERRNOS:
        return disk_full_message(path)
    where = f" ({err.filename})" if err.filename else ""
    return f"cannot write the files of database {_name(path)}: {err.strerror or err}{where}"


def disk_full_message(path: Path | None) -> str:
    where = f" ({_free_text(path)} free on it)" if path is not None else ""
    return (
        f"the disk of database {_name(path)} is full{where}: nothing was changed; free some space, then "
        "try again"
    )


def damaged_error(path: Path | None, detail: str) -> DatabaseDamagedError:
    """The one message for a damaged file: what is wrong and what to do, on one line."""
    from nomadcm.storage import backup  # backup imports this module

    lines = [line.strip() for line in detail.replace("; ", "\n").splitlines() if line.strip()]
    lines = [line for line in lines if not line.startswith("*** in database")]  # quick_check's heading
    detail = "; ".join(lines[:2]) + ("; …" if len(lines) > 2 else "")
    name = _name(path)
    if path is None:
        return DatabaseDamagedError(f"{name} is damaged ({detail})", None, 0)
    copies = len(backup.list_backups(path))
    if copies:
        advice = (
            "NomadCM writes nothing more to it. Restore its newest backup (the damaged file is kept beside "
            f"it): start the NomadCM app again and accept its offer, or run: nomadcm --db {_quoted(path)} "
            "backup restore"
        )
    else:
        advice = (
            "NomadCM writes nothing more to it, and it has no backup yet: keep a copy of the file and "
            "recover what can be read with the sqlite3 tool's .recover command"
        )
    return DatabaseDamagedError(
        f"{name} is not a NomadCM database or is damaged ({detail}). {advice}", path, copies
    )


def free_space(path: Path) -> int:
    folder = path if path.is_dir() else path.parent
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return LOW_SPACE_BYTES  # unknown: don't claim the disk is full


def _free_text(path: Path | None) -> str:
    size = float(free_space(path) if path is not None else 0)
    if size < 1024:
        return f"{size:.0f} bytes"
    for unit in ("KiB", "MiB"):
        size /= 1024
        if size < 1024:
            return f"{size:.1f} {unit}"
    return f"{size / 1024:.1f} GiB"


def _code(err: BaseException | None) -> int | None:
    code = getattr(err, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def _name(path: Path | None) -> str:
    return f"{str(path)!r}" if path else "the database"


def _quoted(path: Path) -> str:
    text = os.fspath(path)
    return f'"{text}"' if any(c.isspace() for c in text) else text
