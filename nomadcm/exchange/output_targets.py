"""Where an export may be written: the one check every writer of a user-chosen file goes through.

`nomadcm --db x.sqlite3 export csv -o x.sqlite3` used to replace the database with the CSV, and the atomic
rename (exchange/atomic_files.py) would as happily replace a device node, a read-only file, a root-owned
file in the user's folder or a symbolic link itself. `check_target(path)` refuses, naming the path and the
reason (`RefusedTarget`, a UserError: one line and exit 2 in the CLI, a dialog in the GUI):

- the open database, its `-wal`, `-shm` and `-journal` files and its `backups/` folder (every database this
  process opened through `Services` is registered in paths.py; callers may name more), and any SQLite
  database;
- folders (and a name ending in '/', which would otherwise write a file named like the folder), devices,
  named pipes and sockets;
- a file without any write permission bit — even for root, who `os.access` would let through — and a file
  the user may not write (`os.access`), which the rename would replace all the same since it only needs the
  folder; a folder that does not exist or that the user may not write.

A symbolic link is followed: the file it points to is written (atomically) and the link stays a link.
`check_target` returns that real path. Imports nothing of the data stack, nor Qt: both faces call it.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from enum import Enum
from pathlib import Path

from nomadcm.exchange.file_errors import ExportError
from nomadcm.paths import backup_dir, open_databases

SQLITE_HEADER = b"SQLite format 3\x00"
DATABASE_COMPANIONS = ("-wal", "-shm", "-journal")


class Reason(Enum):
    """Why a path is refused. The value is the English text ({detail}: a folder); the GUI translates by
    member (ui/widgets/save_target.py)."""

    NO_NAME = "no file name given"
    ENDS_WITH_SLASH = "the name ends with a slash, as a folder's does: give a file name"
    FOLDER = "it is a folder"
    DEVICE = "it is a device, not a file"
    PIPE = "it is a named pipe, not a file"
    SOCKET = "it is a socket, not a file"
    NOT_A_FILE = "it is not a regular file"
    LINK_LOOP = "it is a symbolic link that loops"
    READ_ONLY = "the file is read-only"
    NOT_WRITABLE = "you are not allowed to write this file"
    NO_FOLDER = "folder {detail!r} does not exist"
    FOLDER_NOT_WRITABLE = "you are not allowed to write in folder {detail!r}"
    DATABASE = "it is the open NomadCM database"
    DATABASE_FILE = "it is a working file of the open NomadCM database"
    BACKUPS = "it is in the database's backups folder"
    SQLITE = "it is an SQLite database, not an export"


class RefusedTarget(ExportError):
    """An export was not written because of where it would go."""

    def __init__(self, path: str, reason: Reason, detail: str = "") -> None:
        self.path = path
        self.reason = reason
        self.detail = detail
        super().__init__(f"cannot write {path!r}: {reason.value.format(detail=detail)}")


# --------------------------------------------------------------------------- the check


def check_target(path: Path | str, *, protected: Iterable[Path | str | None] = ()) -> Path:
    """The real path to write for `path` (symbolic links followed), or `RefusedTarget`.

    Give the text as typed when there is one: a `Path` has already lost a trailing slash. `protected`:
    databases to refuse besides those registered (the CLI names its `--db` before opening it)."""
    text = os.fspath(path)
    if not text.strip():
        raise RefusedTarget(text, Reason.NO_NAME)
    seps = tuple(s for s in (os.sep, os.altsep) if s)
    if text.endswith(seps):
        raise RefusedTarget(text, Reason.ENDS_WITH_SLASH)
    given = Path(text).expanduser()
    try:
        real = Path(os.path.realpath(given, strict=False))
        info = os.stat(real) if os.path.lexists(real) else None
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise RefusedTarget(text, Reason.LINK_LOOP) from None
        raise ExportError(f"cannot write {text!r}: {err.strerror or err}") from None
    except RuntimeError:  # a symbolic link loop, on some Python versions
        raise RefusedTarget(text, Reason.LINK_LOOP) from None
    _refuse_databases(text, real, [*open_databases(), *(Path(p) for p in protected if p)])
    if info is not None:
        _refuse_existing(text, real, info)
    folder = real.parent
    if not folder.is_dir():
        shown = folder if os.path.islink(given) else given.parent  # a link's folder is its target's
        raise RefusedTarget(text, Reason.NO_FOLDER, str(shown))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise RefusedTarget(text, Reason.FOLDER_NOT_WRITABLE, str(folder))
    return real


def _refuse_existing(text: str, real: Path, info: os.stat_result) -> None:
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise RefusedTarget(text, Reason.FOLDER)
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise RefusedTarget(text, Reason.DEVICE)
    if stat.S_ISFIFO(mode):
        raise RefusedTarget(text, Reason.PIPE)
    if stat.S_ISSOCK(mode):
        raise RefusedTarget(text, Reason.SOCKET)
    if not stat.S_ISREG(mode):
        raise RefusedTarget(text, Reason.NOT_A_FILE)
    # The bits, not os.access: root may write anything, yet a file nobody may write was made so on purpose.
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise RefusedTarget(text, Reason.READ_ONLY)
    if not os.access(real, os.W_OK):
        raise RefusedTarget(text, Reason.NOT_WRITABLE)
    if _is_sqlite(real):
        raise RefusedTarget(text, Reason.SQLITE)


def _refuse_databases(text: str, real: Path, databases: list[Path]) -> None:
    for db in databases:
        db_real = Path(os.path.realpath(db.expanduser()))
        if _same(real, db_real):
            raise RefusedTarget(text, Reason.DATABASE)
        if any(_same(real, db_real.with_name(db_real.name + s)) for s in DATABASE_COMPANIONS):
            raise RefusedTarget(text, Reason.DATABASE_FILE)
        backups = Path(os.path.realpath(backup_dir(db_real)))
        if real == backups or backups in real.parents:
            raise RefusedTarget(text, Reason.BACKUPS)
    for suffix in DATABASE_COMPANIONS:  # the working file of any SQLite database beside it
        if real.name.endswith(suffix) and _is_sqlite(real.with_name(real.name[: -len(suffix)])):
            raise RefusedTarget(text, Reason.DATABASE_FILE)


def _same(a: Path, b: Path) -> bool:
    if a == b:
        return True
    try:
        return os.path.samefile(a, b)  # hard links, case-insensitive file systems
    except OSError:
        return False


def _is_sqlite(path: Path) -> bool:
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False
