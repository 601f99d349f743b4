"""Who has the database open, and did the last one close it cleanly?

Each open `Database` holds a small marker file beside its file, `.NAME.open-PID-N`, locked for as long as it
is open: an advisory lock (flock) on POSIX, a byte-range lock on Windows; the system drops the lock when the
process ends, however it ends. `Database.close()` deletes the marker. So at the next open:

- a marker nobody holds was left by a NomadCM that was killed, crashed or lost power with the file open:
  the file gets a `PRAGMA quick_check` before anything is written to it (the marker is removed once it
  passed; a damaged file keeps it, and is checked again at every open until it is restored);
- a marker somebody holds is another window or command using the file now: a restore waits for it to end.

On POSIX the marker is created under a temporary name, locked, then renamed, so nobody ever sees it
unlocked while its owner lives. A folder where no marker can be written (read-only) simply gets none.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import threading
from pathlib import Path

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt
else:
    import fcntl

_counter = itertools.count(1)
_counter_lock = threading.Lock()


def _pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(rf"^\.{re.escape(db_path.name)}\.open-\d+-\d+$")


class OpenMark:
    """This process's marker for one open database: `release()` it when the database is closed."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def take(cls, db_path: Path) -> OpenMark | None:
        """A new locked marker beside `db_path`; None when the folder takes no file (read-only...)."""
        with _counter_lock:
            n = next(_counter)
        name = f".{db_path.name}.open-{os.getpid()}-{n}"
        final = db_path.with_name(name)
        staging = final if os.name == "nt" else db_path.with_name(name.replace(".open-", ".opening-"))
        try:
            fd = os.open(staging, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600)
        except OSError:
            return None
        try:
            _lock(fd)
            if staging != final:
                os.replace(staging, final)
        except OSError:
            os.close(fd)
            with contextlib.suppress(OSError):
                staging.unlink()
            return None
        return cls(final, fd)

    def release(self, *, clean: bool) -> None:
        """Unlock; delete the marker when the database was closed cleanly (else the next open checks it)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        if clean and os.name == "nt":  # pragma: no cover - Windows deletes no file that is open
            os.close(fd)
            with contextlib.suppress(OSError):
                self.path.unlink()
            return
        if clean:
            with contextlib.suppress(OSError):
                self.path.unlink()  # before unlocking: nobody takes it for a dead process's marker
        os.close(fd)


def markers(db_path: Path) -> list[Path]:
    """Every marker beside `db_path`, held or not."""
    pattern = _pattern(db_path)
    try:
        names = os.listdir(db_path.parent)
    except OSError:
        return []
    return [db_path.with_name(n) for n in sorted(names) if pattern.match(n)]


def left_by_crashes(db_path: Path) -> list[Path]:
    """Markers nobody holds: a NomadCM ended without closing this database."""
    return [m for m in markers(db_path) if is_held(m) is False]


def held(db_path: Path) -> list[Path]:
    """Markers of the NomadCM windows and commands that have this database open now."""
    return [m for m in markers(db_path) if is_held(m) is True]


def remove(paths: list[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()


def is_held(marker: Path) -> bool | None:
    """True: its owner lives; False: left behind; None: gone meanwhile (closed cleanly) or unreadable."""
    try:
        fd = os.open(marker, os.O_RDWR)
    except OSError:
        return None
    try:
        try:
            _lock(fd)
        except OSError:
            return True
        _unlock(fd)
        return False
    finally:
        os.close(fd)


def _lock(fd: int) -> None:
    """An exclusive lock without waiting; OSError when somebody holds it."""
    if os.name == "nt":  # pragma: no cover
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock(fd: int) -> None:
    if os.name == "nt":  # pragma: no cover
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
