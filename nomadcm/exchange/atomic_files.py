"""Files that appear complete or not at all, for every exporter (CSV, bulk formats, ICS, places, checklist,
charts).

A crash, a full disk or an exception halfway through an export must never leave a half-written file where
the user (or a scheduling tool) will read it: the content goes to a temporary file in the same folder, which
is synced and then renamed over the target in one step.

Where the file goes is checked first (exchange/output_targets.py: never the open database, a folder, a
device, a read-only file...). A symbolic link is followed: its target is replaced, the link stays. A file
that existed keeps its permission bits (and, where allowed, its owner and group); a new one gets the usual
rw-r--r-- less the umask, or rw------- when `private` (a file holding passwords).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from nomadcm.exchange.file_errors import ExportError
from nomadcm.exchange.output_targets import check_target

NEW_FILE_MODE = 0o666  # less the umask: 0644 for most people
PRIVATE_FILE_MODE = 0o600


@contextmanager
def atomic_text_file(path: Path | str, *, private: bool = False) -> Iterator[IO[str]]:
    """A UTF-8 text file (no newline translation) that appears at `path` complete or not at all."""
    with _atomic(path, private) as fd, os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
        yield out
        out.flush()
        os.fsync(out.fileno())


@contextmanager
def atomic_binary_file(path: Path | str, *, private: bool = False) -> Iterator[IO[bytes]]:
    """The same for bytes (a PNG or SVG chart)."""
    with _atomic(path, private) as fd, os.fdopen(fd, "wb") as out:
        yield out
        out.flush()
        os.fsync(out.fileno())


def write_bytes_atomically(path: Path | str, data: bytes, *, private: bool = False) -> None:
    with atomic_binary_file(path, private=private) as out:
        out.write(data)


@contextmanager
def _atomic(path: Path | str, private: bool) -> Iterator[int]:
    shown = os.fspath(path)
    target = check_target(path)
    try:
        existing = os.stat(target)
    except FileNotFoundError:
        existing = None
    except OSError as err:
        raise ExportError(f"cannot write {shown!r}: {err.strerror or err}") from None
    fd, tmp = _create_temp(target, shown, PRIVATE_FILE_MODE if private or existing else NEW_FILE_MODE)
    try:
        yield fd
        if existing is not None:
            _keep_permissions(tmp, existing)
        os.replace(tmp, target)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"cannot write {shown!r}: {err.strerror or err}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)


def _create_temp(target: Path, shown: str, mode: int) -> tuple[int, Path]:
    """A new file beside `target`, created with `mode` (the umask applies), never an existing one."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(100):
        # os.urandom is what secrets.token_hex reads; importing secrets (hmac, hashlib) cost every export
        tmp = target.with_name(f".{target.name}.{os.urandom(4).hex()}.part")
        try:
            return os.open(tmp, flags, mode), tmp
        except FileExistsError:
            continue
        except OSError as err:
            raise ExportError(f"cannot write {shown!r}: {err.strerror or err}") from None
    raise ExportError(f"cannot write {shown!r}: no free temporary name beside it")


def _keep_permissions(tmp: Path, existing: os.stat_result) -> None:
    """The replaced file's mode, owner and group (the owner only where we may: root, or ourselves)."""
    if hasattr(os, "chown"):
        try:
            os.chown(tmp, existing.st_uid, existing.st_gid)
        except OSError:
            with contextlib.suppress(OSError):  # not root: at least the group, if we belong to it
                os.chown(tmp, -1, existing.st_gid)
    os.chmod(tmp, existing.st_mode & 0o7777)


def _sync_folder(folder: Path) -> None:
    """The rename itself reaches the disk (POSIX); best effort elsewhere."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
