"""Crash logs: the details of an unexpected error, written to a new file in the log folder.

Shared by both faces: the GUI's excepthook dialog (ui/errors.py) and the command line, whose `main()` prints
one line naming the file instead of a traceback (exit 1). Imports no Qt.
"""

from __future__ import annotations

import sys
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from nomadcm import __version__, paths

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def write_crash_log(details: str, folder: Path | None = None) -> Path | None:
    """Writes the report to a new file in the log folder; None when even that fails (disk full...)."""
    folder = folder or paths.log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S-%f}.log"
        path.write_text(details, encoding="utf-8", errors="backslashreplace")
    except OSError:
        return None
    return path


def format_report(exc: ExcInfo) -> str:
    lines = traceback.format_exception(*exc)
    return (
        f"NomadCM {__version__} — Python {sys.version.split()[0]} — {sys.platform}\n"
        f"{datetime.now().isoformat(timespec='seconds')}\n\n" + "".join(lines)
    )


def setup_logging() -> None:
    """Log warnings and errors to nomadcm.log in the log folder (crash reports sit beside it): the window's
    start calls it (nomadcm/app.py)."""
    import logging
    import logging.handlers

    logger = logging.getLogger("nomadcm")
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in logger.handlers):
        return
    try:
        folder = paths.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / "nomadcm.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return  # a read-only home must not stop the app
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
