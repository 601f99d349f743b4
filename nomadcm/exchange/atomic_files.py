"""Files that appear complete or not at all, for every exporter (CSV, bulk formats, ICS, places, checklist).

A crash, a full disk or an exception halfway through an export must never leave a half-written file where
the user (or a scheduling tool) will read it: the text goes to a temporary file in the same folder, which is
synced and then renamed over the target in one step.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from nomadcm.exchange.file_errors import ExportError


@contextmanager
def atomic_text_file(path: Path) -> Iterator[IO[str]]:
    """A file that appears at `path` complete or not at all (temp file in the same folder, then rename)."""
    path = path.expanduser()
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ExportError(f"cannot write {str(path)!r}: it is a folder")
    if not folder.is_dir():
        raise ExportError(f"cannot write {str(path)!r}: folder {str(folder)!r} does not exist")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as err:
        raise ExportError(f"cannot write {str(path)!r}: {err.strerror}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"cannot write {str(path)!r}: {err.strerror or err}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
