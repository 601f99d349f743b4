"""What a killed NomadCM leaves behind, removed at the next open of the database.

Only files NomadCM itself names, only in the database's folder and its backups folder, and only once nobody
can still be writing them (older than STALE_AFTER_S: a backup, a restore or an export that is running
touches its file all the time):

- backups/NAME-YYYYmmdd-HHMMSS-KIND.sqlite3.part (+ -journal, -wal, -shm): a backup cut short;
- NAME.restore.part (+ -journal): a restore cut short (the database itself was not touched yet);
- .TARGET.XXXXXXXX.part, TARGET one of our export formats: an export into the database's folder cut short
  (exchange/atomic_files.py);
- .NAME.opening-PID-N: an open-marker cut short before it got its name (storage/open_marks.py).

The markers of a process that died (`.NAME.open-PID-N`) are not litter: they tell the next open to check
the file, and storage/open_marks.py removes them once it passed.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import time
from pathlib import Path

from nomadcm.paths import backup_dir

log = logging.getLogger(__name__)

STALE_AFTER_S = 3600.0
_SQLITE_SIDE_FILES = r"(?:-journal|-wal|-shm)?"
EXPORT_EXTENSIONS = "csv|tsv|ics|json|geojson|md|txt|html|pdf|png|svg"  # what NomadCM's exporters write


def litter_patterns(db_path: Path) -> tuple[tuple[Path, re.Pattern[str]], ...]:
    name, stem = re.escape(db_path.name), re.escape(db_path.stem)
    return (
        (backup_dir(db_path), re.compile(rf"^{stem}-\d{{8}}-\d{{6}}-.+\.sqlite3\.part{_SQLITE_SIDE_FILES}$")),
        (db_path.parent, re.compile(rf"^{name}\.restore\.part{_SQLITE_SIDE_FILES}$")),
        (
            db_path.parent,
            re.compile(rf"^\..+\.(?:{EXPORT_EXTENSIONS})\.[a-z0-9_]{{8}}\.part$", re.IGNORECASE),
        ),
        (db_path.parent, re.compile(rf"^\.{name}\.opening-\d+-\d+$")),
    )


def sweep(db_path: Path, *, now: float | None = None) -> list[Path]:
    """Removes the stale litter around `db_path`; returns what it removed. Never raises."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    for folder, pattern in litter_patterns(db_path):
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if not pattern.match(entry.name):
                continue
            with contextlib.suppress(OSError):
                if not entry.is_file(follow_symlinks=False):
                    continue
                if now - entry.stat(follow_symlinks=False).st_mtime < STALE_AFTER_S:
                    continue
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    if removed:
        log.info("removed what an interrupted NomadCM left: %s", ", ".join(p.name for p in removed))
    return removed
