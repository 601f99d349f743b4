"""The database handle every service gets: sessions, the single writer, and opening with checks,
migrations and backups.

Opening a file:
1. its folder is created (0700) and the file too (0600); what an interrupted NomadCM left there is removed
   (storage/crash_litter.py);
2. a file that is not SQLite, is corrupt, locked or unreadable becomes a DatabaseError whose message names
   the file; a SQLite file of another program (tables, but no NomadCM schema revision) is refused before
   anything is written to it;
3. when a NomadCM ended without closing it (storage/open_marks.py), the file gets a `PRAGMA quick_check`
   first: a damaged file is refused (DatabaseDamagedError), nothing is written to it;
4. its schema revision is read straight from `alembic_version` (no alembic import on the fast path); a
   revision this NomadCM does not know means a newer NomadCM wrote it: refused, never touched; an older
   one is checked, backed up with SQLite's backup API, then migrated by alembic;
5. the first open of a day copies it to `backups/` and checks the copy (storage/backup.py).

A team database on a PostgreSQL server (`open_url`) gets none of the file's steps: its backups are the
server's job (pg_dump), and it is never migrated on open — a shared schema changes only through
`nomadcm team init|upgrade` (storage/team_schema.py), so one member's newer NomadCM cannot lock the others out
by surprise. A missing, older or newer schema is refused with a message saying what to run.

Writes go through `write()` (or `write_connection()` for Core bulk writers), which holds a process-wide
lock — one writer at a time (SQLite up to 3.51.2 could corrupt a WAL database when two connections of one
process wrote or checkpointed at once) — and begins IMMEDIATE on SQLite, so a writer of another process is
waited for (storage/engine.py). Once the file showed damage, every write is refused.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from nomadcm.errors import DatabaseDamagedError, DatabaseError, ServerUnreachableError
from nomadcm.paths import DatabaseTarget, DatabaseUrl, database_target
from nomadcm.storage import backup, crash_litter, open_marks
from nomadcm.storage import engine as storage_engine
from nomadcm.storage.change_counter import ChangeCounter, NullChangeCounter, SQLiteChangeCounter
from nomadcm.storage.engine import make_engine, sqlite_url, write_engine
from nomadcm.storage.members import stamp_member_on_checkout
from nomadcm.storage.private_files import create_private_file, make_private_folder
from nomadcm.storage.schema import HEAD_REVISION, KNOWN_REVISIONS
from nomadcm.storage.server import ServerAddress, address_of, liveness_options, server_url, shown
from nomadcm.storage.sqlite_errors import damaged_error, describe_sqlite_error, translate_errors

log = logging.getLogger(__name__)


class Database:
    """An open, migrated database. Thread-safe: each thread opens its own sessions."""

    def __init__(
        self,
        engine: Engine,
        path: Path | None = None,
        *,
        server: ServerAddress | None = None,
        shown_url: str = "",
    ) -> None:
        self.engine = engine
        self.path = path
        self.server = server  # a team database on a server: its address, for messages
        self.shown_url = shown_url  # its URL without the password
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._write_engine = write_engine(engine)  # same pool; its transactions BEGIN IMMEDIATE on SQLite
        self._write_sessions = sessionmaker(self._write_engine, expire_on_commit=False)
        self._write_lock = threading.RLock()
        self._writing = threading.local()  # .depth: write() calls open on this thread
        self._counters: list[ChangeCounter] = []
        self._notify_token = ""  # a team database: the token its commits' notifications carry (pg_changes)
        self._mark: open_marks.OpenMark | None = None
        self.damaged = False  # the file showed damage: nothing more is written to it
        # The team member this handle acts for (team mode; None: a CM alone): stamped on every row written
        # through it (storage/members.py).
        self.member_id: int | None = None
        stamp_member_on_checkout(engine, lambda: self.member_id)

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: Path | str, *, migrate: bool = True, daily_backup: bool = True) -> Database:
        """Open (creating if needed) the SQLite file at `path`, checked, migrated to the current schema and
        backed up once a day."""
        path = Path(path)
        if path.is_dir():
            raise DatabaseError(f"database path {str(path)!r} is a folder, not a file")
        try:
            make_private_folder(path.parent)
        except OSError as err:
            raise DatabaseError(
                f"cannot create the folder for database {str(path)!r}: {err.strerror}"
            ) from None
        refuse_foreign_sqlite(path)
        crash_litter.sweep(path)  # a folder with a NomadCM database in it (or to be)
        try:
            created = create_private_file(path) or path.stat().st_size == 0
        except OSError:
            created = False  # opening it below says why
        left = [] if created else open_marks.left_by_crashes(path)
        db = cls(make_engine(sqlite_url(path)), path)
        db._mark = open_marks.OpenMark.take(path)
        try:
            if left:
                log.info("NomadCM was not closed cleanly on %s: checking it", path)
                with db._errors(own_files=True):
                    backup.quick_check(db)
            db._prepare(migrate)
            if daily_backup and not created:
                db._daily_backup()
            open_marks.remove(left)
        except BaseException:
            # Refused at open: the same check refuses it next time (the markers it found stay), so this
            # Database's own marker goes — a file that is no database at all gets no litter.
            db._close(keep_mark=False)
            raise
        return db

    @classmethod
    def open_url(cls, url: str | DatabaseUrl, *, migrate: bool = True) -> Database:
        """Open a team database by URL (PostgreSQL; `sqlite://` in memory for tests, migrated when `migrate`).
        A server's schema must be the current one: it is never created or migrated here (see the module's
        docstring). Password: the URL's, else libpq's ($PGPASSWORD, ~/.pgpass), else PasswordRequiredError."""
        target = url if isinstance(url, DatabaseUrl) else DatabaseUrl(url)
        if target.url.startswith("sqlite"):
            db = cls(make_engine(target.url))
            db._prepare(migrate)
            return db
        db = cls.connect_server(target)
        try:
            db._prepare(migrate=False)
        except BaseException:
            db.close()
            raise
        return db

    @classmethod
    def connect_server(cls, target: DatabaseUrl) -> Database:
        """A team database's handle, its first connection made (so a wrong address or password shows here) but
        its schema not checked: for `open_url` and storage/team_schema.py."""
        url = server_url(target)
        address = address_of(url)
        try:
            # pre_ping: a connection the server closed while the app sat idle is replaced, not an error.
            engine = make_engine(url, pool_pre_ping=True, connect_args=liveness_options(url))
        except ImportError as err:  # the `postgres` extra is not installed
            raise DatabaseError(
                f"opening {shown(url)} needs the PostgreSQL driver ({err.name or 'psycopg'}): "
                "pip install 'nomadcm[postgres]'"
            ) from None
        db = cls(engine, server=address, shown_url=shown(url))
        from nomadcm.storage import pg_changes

        db._notify_token = pg_changes.install_notify_hooks(engine)
        try:
            with db._errors(), db.engine.connect():
                pass
        except BaseException:
            db.close()
            raise
        return db

    @property
    def where(self) -> str:
        """The database in a message: the file's path, or the team database's address."""
        if self.path is not None:
            return repr(str(self.path))
        if self.server is not None:
            return f"the team database {self.server.database!r} at {self.server}"
        return "the database"

    def _prepare(self, migrate: bool) -> None:
        with self._errors(own_files=True):
            revision = self.current_revision()
            if revision == HEAD_REVISION:
                return
            if revision is not None and revision not in KNOWN_REVISIONS:
                raise DatabaseError(
                    f"{self.where} was written by a newer NomadCM (schema {revision!r}); "
                    "update NomadCM to open it — it was left untouched"
                )
            if self.server is not None:
                if revision is None:
                    raise DatabaseError(
                        f"{self.where} has no NomadCM schema yet: run nomadcm team init {self.shown_url}"
                    )
                raise DatabaseError(
                    f"{self.where} has an older NomadCM schema ({revision!r}; this NomadCM needs "
                    f"{HEAD_REVISION!r}): back it up (pg_dump), then run: nomadcm team upgrade {self.shown_url}"
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

    def _daily_backup(self) -> None:
        """Today's checked copy (storage/backup.py). A damaged copy means a damaged file: refused. Any other
        failure (a full disk, a read-only folder) is logged, and NomadCM goes on without it."""
        assert self.path is not None
        try:
            with self._errors(own_files=True):
                copy = backup.daily_backup(self.path)
        except DatabaseDamagedError:
            raise
        except DatabaseError as err:
            log.warning("no backup today: %s", err)
            return
        if copy is not None:
            log.info("backed up %s to %s", self.path, copy)

    def close(self) -> None:
        self._close(keep_mark=self.damaged)  # damage met while running: the next open checks the file

    def _close(self, *, keep_mark: bool) -> None:
        for counter in self._counters:
            counter.close()
        self._counters.clear()
        self.engine.dispose()
        if self._mark is not None:
            self._mark.release(clean=not keep_mark)
            self._mark = None

    def change_counter(self) -> ChangeCounter:
        """Answers "has another process written since I last asked?" cheaply (`poll()`), for a window that
        must show changes made from the command line or another window. SQLite: `PRAGMA data_version` on a
        dedicated connection, our own commits absorbed (see storage/change_counter.py); a team database:
        LISTEN/NOTIFY on a dedicated connection, which also says when the server cannot be reached
        (storage/pg_changes.py); other engines: a counter that never changes. Closed with the database."""
        counter: ChangeCounter
        if self._notify_token:
            from nomadcm.storage.pg_changes import PostgresChangeCounter

            counter = PostgresChangeCounter(self.engine, self._notify_token)
        elif self.engine.dialect.name != "sqlite" or self.path is None:
            return NullChangeCounter()
        else:
            counter = SQLiteChangeCounter(self.path, self.engine)
        self._counters.append(counter)
        return counter

    # ------------------------------------------------------------------ sessions

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A short-lived session for reading. Closing it discards anything written in it (never committed);
        objects loaded in it stay readable afterwards (detached, not expired)."""
        with self._errors(), self._sessions() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session that commits on success, rolls back on error; one writer at a time. On SQLite it begins
        IMMEDIATE, waiting for a writer of another process (storage/engine.py) — except a write() opened
        inside another one on the same thread, which keeps a deferred BEGIN (it can only read: the outer
        one holds the lock)."""
        with self._write_lock, self._errors():
            self._refuse_if_damaged()
            self._refuse_if_unreachable()
            depth = getattr(self._writing, "depth", 0)
            sessions = self._write_sessions if depth == 0 else self._sessions
            self._writing.depth = depth + 1
            try:
                with sessions() as session:
                    try:
                        yield session
                        session.commit()
                    except BaseException:
                        session.rollback()
                        raise
            finally:
                self._writing.depth = depth

    @contextmanager
    def write_connection(self) -> Iterator[Connection]:
        """A Core connection in one write transaction (committed on success), for bulk writers; one writer
        at a time, BEGIN IMMEDIATE on SQLite."""
        with self._write_lock, self._errors():
            self._refuse_if_damaged()
            self._refuse_if_unreachable()
            with self._write_engine.begin() as conn:
                yield conn

    @property
    def write_lock(self) -> threading.RLock:
        """The process-wide writer lock (prefer `write_connection()`, which also begins IMMEDIATE)."""
        return self._write_lock

    def _errors(self, *, own_files: bool = False) -> AbstractContextManager[None]:
        return translate_errors(self.path, self._note_damage, own_files=own_files, server=self.server)

    def _note_damage(self) -> None:
        if not self.damaged:
            log.info("database %s is damaged: no more writes to it", self.path)
        self.damaged = True

    def _refuse_if_unreachable(self) -> None:
        """A team database whose listener lost the server (storage/pg_changes.py): the write is refused at
        once — not after a connection attempt that could hang on a dead network — and the window's banner
        says when the next try comes."""
        for counter in self._counters:
            status = counter.status()
            if not status.reachable:
                raise ServerUnreachableError(
                    f"{status.reason}: nothing was saved — try again once it is back"
                )

    def _refuse_if_damaged(self) -> None:
        if self.damaged:
            raise damaged_error(self.path, "it failed an earlier read or check")


def open_database(target: DatabaseTarget | str, *, daily_backup: bool = True) -> Database:
    """The one way the faces and services open the database the person named: a file path (opened,
    checked, migrated, backed up: `Database.open`) or a team database's URL (`Database.open_url`). A string is
    read as `--db` is (paths.database_target: `scheme://` is never a file)."""
    if isinstance(target, str):
        target = database_target(target)
    if isinstance(target, DatabaseUrl):
        return Database.open_url(target)
    return Database.open(target, daily_backup=daily_backup)


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


__all__ = ["Database", "describe_sqlite_error", "open_database", "refuse_foreign_sqlite", "translate_errors"]
