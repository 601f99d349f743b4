"""Files only their owner can read: the database, its backups, and the folders NomadCM creates for them.

A CM's database holds her clients, her itinerary and her health data: created 0600 (folders 0700) whatever
the umask. SQLite gives the -wal, -shm and -journal files the permissions of their database, so they follow.
Files and folders that exist already keep the permissions their owner gave them.
"""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def make_private_folder(folder: Path) -> None:
    """Create `folder` (and its missing parents) if needed; the folder itself 0700 when created here.
    Raises OSError."""
    if folder.is_dir():
        return
    folder.parent.mkdir(parents=True, exist_ok=True)
    try:
        folder.mkdir(mode=FOLDER_MODE)
    except FileExistsError:
        if not folder.is_dir():
            raise
        return
    os.chmod(folder, FOLDER_MODE)  # mkdir's mode went through the umask


def create_private_file(path: Path) -> bool:
    """Create `path` empty with mode 0600 unless it exists; True when it was created here. Raises OSError."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0), FILE_MODE)
    except FileExistsError:
        return False
    os.close(fd)
    return True
