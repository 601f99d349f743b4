"""The database handle every service gets: sessions, the single writer, and opening with migrations.

Opening a file:
1. its folder is created; a file that is not SQLite, is corrupt, locked or unreadable becomes a
   DatabaseError whose message names the file; a SQLite file of another program (tables, but no NomadCM
   schema revision) is refused before anything is written to it;
2. its schema revision is read straight from `alembic_version` (no alembic import on the fast path);
3. a revision this NomadCM does not know means a newer NomadCM wrote it: refused, never touched;
4. an older revision is backed up with SQLite's backup API, checked, then migrated by alembic.

Writes go through `write()`, which holds a process-wide lock: one writer at a time (SQLite up to 3.51.2
could corrupt a WAL database when two connections of one process wrote or checkpointed at once).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import exc as sa_exc
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from nomadcm.errors import DatabaseError
from nomadcm.storage import engine as storage_engine
from nomadcm.storage.change_counter import ChangeCounter, NullChangeCounter, SQLiteChangeCounter
from nomadcm.storage.engine import make_engine, sqlite_url
from nomadcm.storage.schema import HEAD_REVISION, KNOWN_REVISIONS


class Database:
    """An open, migrated database. Thread-safe: each thread opens its own sessions."""

    def __init__(self, engine: Engine, path: Path | None = None) -> None:
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._write_lock = threading.RLock()
        self._counters: list[ChangeCounter] = []

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: Path | str, *, migrate: bool = True) -> Database:
        """Open (creating if needed) the SQLite file at `path`, migrated to the current schema."""
        path = Path(path)
        if path.is_dir():
            raise DatabaseError(f"database path {str(path)!r} is a folder, not a file")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise DatabaseError(
                f"cannot create the folder for database {str(path)!r}: {err.strerror}"
            ) from None
        refuse_foreign_sqlite(path)
        db = cls(make_engine(sqlite_url(path)), path)
        try:
            db._prepare(migrate)
        except BaseException:
            db.close()
            raise
        return db

    @classmethod
    def open_url(cls, url: str, *, migrate: bool = True) -> Database:
        """Open a database by SQLAlchemy URL (PostgreSQL, or `sqlite://` in memory for tests)."""
        db = cls(make_engine(url))
        db._prepare(migrate)
        return db

    def _prepare(self, migrate: bool) -> None:
        with translate_errors(self.path):
            revision = self.current_revision()
            if revision == HEAD_REVISION:
                return
            if revision is not None and revision not in KNOWN_REVISIONS:
                where = f"{str(self.path)!r}" if self.path else "the database"
                raise DatabaseError(
                    f"{where} was written by a newer NomadCM (schema {revision!r}); "
                    "update NomadCM to open it — it was left untouched"
                )
            if not migrate:
                raise DatabaseError(f"database schema {revision!r} is out of date")
            from nomadcm.storage.migrate import upgrade

            upgrade(self, revision)

    def current_revision(self) -> str | None:
        with self.engine.connect() as conn:
            if self.engine.dialect.name == "sqlite":
                # Reading the schema forces SQLite to read the header: "file is not a database" shows here.
                exists = conn.exec_driver_sql(
                    "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
                ).first()
            else:
                from sqlalchemy import inspect

                exists = inspect(conn).has_table("alembic_version")
            if not exists:
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def close(self) -> None:
        for counter in self._counters:
            counter.close()
        self._counters.clear()
        self.engine.dispose()

    def change_counter(self) -> ChangeCounter:
        """Answers "has another process written since I last asked?" cheaply (`poll()`), for a window that
        must show changes made from the command line or another window. SQLite: `PRAGMA data_version` on a
        dedicated connection, our own commits absorbed (see storage/change_counter.py); other engines: a
        counter that never changes, for now. Closed with the database."""
        if self.engine.dialect.name != "sqlite" or self.path is None:
            return NullChangeCounter()
        counter = SQLiteChangeCounter(self.path, self.engine)
        self._counters.append(counter)
        return counter

    # ------------------------------------------------------------------ sessions

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A short-lived session for reading. Closing it discards anything written in it (never committed);
        objects loaded in it stay readable afterwards (detached, not expired)."""
        with translate_errors(self.path), self._sessions() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session that commits on success, rolls back on error; one writer at a time."""
        with self._write_lock, translate_errors(self.path), self._sessions() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @property
    def write_lock(self) -> threading.RLock:
        """For Core bulk writers that manage their own connection."""
        return self._write_lock


def refuse_foreign_sqlite(path: Path) -> None:
    """Refuse a SQLite file that has tables but no `alembic_version`: it belongs to another program (a
    mistyped `--db`), and migrating would add NomadCM's tables to it. Checked read-only, before the
    connection pragmas switch the file to WAL."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=storage_engine.BUSY_TIMEOUT_MS / 1000
        )
    except (OSError, sqlite3.Error):
        return  # unreadable or not SQLite: opening it below says so
    try:
        tables = [
            str(row[0])
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!' "
                "ORDER BY name"
            )
        ]
    except sqlite3.Error as err:
        if "locked" in str(err).lower() or "busy" in str(err).lower():
            raise DatabaseError(describe_sqlite_error(path, err)) from None  # don't wait a second time
        return  # not SQLite, damaged...: opening it below says so
    finally:
        conn.close()
    if tables and "alembic_version" not in tables:
        shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
        raise DatabaseError(
            f"{str(path)!r} is a SQLite database of another program (tables: {shown}), not a NomadCM "
            "database; it was left untouched — choose another file"
        )


@contextmanager
def translate_errors(path: Path | None) -> Iterator[None]:
    """Turns the database errors a user can act on (locked, corrupt, unreadable, full) into DatabaseError."""
    try:
        yield
    except sa_exc.OperationalError as err:
        raise DatabaseError(describe_sqlite_error(path, err.orig)) from err
    except sa_exc.DatabaseError as err:
        if isinstance(err.orig, sqlite3.DatabaseError) and not isinstance(err.orig, sqlite3.IntegrityError):
            raise DatabaseError(describe_sqlite_error(path, err.orig)) from err
        raise


def describe_sqlite_error(path: Path | None, err: BaseException | None) -> str:
    name = f"{str(path)!r}" if path else "the database"
    msg = str(err or "").lower()
    if "locked" in msg or "busy" in msg:
        return f"database {name} is locked by another program; close it and try again"
    if "not a database" in msg or "malformed" in msg or "corrupt" in msg:
        return (
            f"{name} is not a NomadCM database or is damaged ({err}); restore a copy from its backups folder"
        )
    if "unable to open" in msg or "readonly" in msg or "read-only" in msg:
        return f"cannot open database {name}: check that the file and its folder are readable and writable"
    if "disk" in msg and ("full" in msg or "i/o" in msg):
        return f"cannot write database {name}: {err}"
    return f"database {name}: {err}"
