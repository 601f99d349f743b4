"""Has another process written to the database since we last looked? (`Database.change_counter()`)

SQLite: `PRAGMA data_version`, read on one dedicated long-lived connection (autocommit, never inside a
transaction), changes whenever ANOTHER connection committed — another process, but also the other
connections of this process (the engine's pool). Our own commits are absorbed here, at the storage layer,
so that only foreign ones count:

- just before one of our connections commits (the engine's `commit` event; the ORM has flushed by then, so
  when anything was written we hold SQLite's write lock and no other process can commit until we do), a
  change seen since the last poll is remembered as foreign;
- when that connection goes back to the pool (the `checkin` event), the counter takes the new value as seen.

The race that remains: another process committing in the microseconds between our COMMIT and our checkin is
taken for ours, and shows at its next change or a View > Refresh. A poll landing in that same window (a
job's commit on the worker thread) takes our commit for a foreign one: one refresh too many, nothing missed.

A team database on PostgreSQL gets storage/pg_changes.py's counter (LISTEN/NOTIFY), which can also lose its
server: `status()` says whether the database can be reached (a SQLite file and `NullChangeCounter` always
can) and `retry_now()` asks for a new try. Other engines get `NullChangeCounter` (never changed).
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import event
from sqlalchemy.engine import Engine

from nomadcm.storage import engine as storage_engine

_COMMITTED = "nomadcm_committed"  # set in a pooled connection's info between its commit and its checkin


@dataclass(frozen=True)
class ConnectionStatus:
    """Can the database be reached? `retry_in_s`: seconds until the next try (0 while one runs); `reason`:
    why not, one line, without a password."""

    reachable: bool = True
    retry_in_s: float = 0.0
    reason: str = ""


REACHABLE = ConnectionStatus()


class ChangeCounter(Protocol):
    def poll(self) -> bool:
        """True when another process (or another connection) wrote since the last poll."""
        ...

    def status(self) -> ConnectionStatus: ...

    def retry_now(self) -> None: ...

    def close(self) -> None: ...


class NullChangeCounter:
    """For engines without a cheap "changed?" question: never reports a change."""

    def poll(self) -> bool:
        return False

    def status(self) -> ConnectionStatus:
        return REACHABLE

    def retry_now(self) -> None:
        pass

    def close(self) -> None:
        pass


class SQLiteChangeCounter:
    def __init__(self, path: Path, engine: Engine) -> None:
        self._engine = engine
        self._lock = threading.Lock()  # polled on the GUI thread, absorbed on the writer's thread
        self._conn: sqlite3.Connection | None = sqlite3.connect(
            str(path),
            timeout=storage_engine.BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,  # autocommit: no transaction ever holds a snapshot (or a checkpoint) back
            check_same_thread=False,
        )
        self._seen = self._read()
        self._foreign = False
        event.listen(engine, "commit", self._before_local_commit)
        event.listen(engine, "checkin", self._after_local_commit)

    def poll(self) -> bool:
        with self._lock:
            if self._conn is None:
                return False
            value = self._read()
            changed = self._foreign or value != self._seen
            self._seen = value
            self._foreign = False
            return changed

    def status(self) -> ConnectionStatus:
        return REACHABLE

    def retry_now(self) -> None:
        pass

    def close(self) -> None:
        with self._lock:
            if self._conn is None:
                return
            event.remove(self._engine, "commit", self._before_local_commit)
            event.remove(self._engine, "checkin", self._after_local_commit)
            self._conn.close()
            self._conn = None

    def _read(self) -> int:
        assert self._conn is not None
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def _before_local_commit(self, conn: Any) -> None:
        with self._lock:
            if self._conn is None:
                return
            value = self._read()
            if value != self._seen:
                self._foreign = True
                self._seen = value
        conn.info[_COMMITTED] = True

    def _after_local_commit(self, _dbapi_connection: Any, record: Any) -> None:
        info = getattr(record, "info", None)
        if not info or not info.pop(_COMMITTED, False):
            return
        with self._lock:
            if self._conn is not None:
                self._seen = self._read()
