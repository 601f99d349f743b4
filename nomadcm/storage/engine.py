"""Engines: SQLite pragmas on every connection, BEGIN IMMEDIATE for writes, and the URL for a path.

Why BEGIN IMMEDIATE: a write that starts with a plain (deferred) BEGIN reads first and asks for the write
lock only at its first INSERT or UPDATE. When another connection committed in between, SQLite cannot give
it the lock without losing that commit and fails at once (SQLITE_BUSY_SNAPSHOT) — the busy timeout is never
used, and the user sees "database is locked" although the other writer was done in milliseconds. A
transaction that will write therefore takes the write lock in its BEGIN (SQLAlchemy's documented pysqlite
recipe: the sqlite3 module issues no BEGIN of its own, the engine's "begin" event does). Waiting happens
there: SQLite's busy handler for BUSY_TIMEOUT_MS, then a few more tries with a growing pause, up to
WRITE_WAIT_S in all; only then does the write fail as locked.

Connections of `write_engine(engine)` write; the plain engine's transactions stay deferred, so readers never
queue behind a writer (WAL lets them read the last commit meanwhile). Other databases (PostgreSQL) get none
of this: their engine has no such events.

On every engine, a text holding a NUL character (U+0000) is refused before it reaches the database
(`ValidationError` naming the table and column): PostgreSQL cannot store one, and a SQLite file must stay
movable to a team database. The services refuse it earlier where they can name the row (a post's text);
this is the net under every other write and search. On SQLite, lower() folds every letter as Python does
(SQLite's own folds ASCII only), so a case-insensitive search finds "É" for "é" on both engines (a team
server's UTF-8 locale does the same).
"""

from __future__ import annotations

import re
import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, Connection, Engine

from nomadcm.errors import ValidationError

BUSY_TIMEOUT_MS = 5000  # SQLite's own wait for a lock, on every connection
WRITE_WAIT_S = 10.0  # how long a write waits in all for another writer before it says "locked"
WRITES = "nomadcm_writes"  # execution option of the write engine: its transactions BEGIN IMMEDIATE
# Execution option of a statement whose every text was checked for NUL by its caller (the posts' bulk insert,
# services/schedule/post_writer.py: its drafts' check refuses or removes one in each text it writes), so the
# guard does not scan its rows a second time — 100,000 rows of 15 values each.
NUL_CHECKED = "nomadcm_nul_checked"

SQLITE_BUSY, SQLITE_LOCKED = 5, 6


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def make_engine(url: str | URL, **kwargs: Any) -> Engine:
    """An engine for `url`; on SQLite every connection gets WAL, synchronous=FULL, foreign keys, a busy timeout."""
    if str(url).startswith("sqlite"):
        kwargs.setdefault("connect_args", {}).update(
            {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
        )
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    event.listen(engine, "before_cursor_execute", _refuse_nul_text)
    return engine


_TABLE_RE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)', re.IGNORECASE)
_BATCH_SUFFIX_RE = re.compile(r"(?:__\d+|_\d+)$")


def _refuse_nul_text(
    _conn: Connection, _cursor: Any, statement: str, parameters: Any, context: Any, _executemany: bool
) -> None:
    # One row (a dict, or a tuple of values) or many (a list of them): `executemany` does not say which —
    # an "insertmanyvalues" batch of one row comes as the row itself.
    many = (
        isinstance(parameters, list | tuple)
        and bool(parameters)
        and isinstance(parameters[0], dict | list | tuple)
    )
    if context is not None and context.execution_options.get(NUL_CHECKED):
        return
    rows = parameters if many else (parameters,)
    bulk = many and all(row.__class__ is tuple for row in rows)  # a bulk insert: one search over its texts
    if bulk and "\x00" not in "".join([value for row in rows for value in row if value.__class__ is str]):
        return
    for row in rows:
        items = row.items() if isinstance(row, dict) else enumerate(row or ())
        for key, value in items:
            if value.__class__ is str and "\x00" in value:
                raise ValidationError(_nul_message(statement, key, context))


def _nul_message(statement: str, key: object, context: Any) -> str:
    if isinstance(key, int):
        names = getattr(getattr(context, "compiled", None), "positiontup", None) or _insert_columns(statement)
        key = names[key] if key < len(names) else ""
    column = _BATCH_SUFFIX_RE.sub("", str(key)) if key else ""
    match = _TABLE_RE.match(statement)
    where = ".".join(part for part in (match.group(1) if match else "", column) if part)
    shown = f" ({where})" if where else ""
    return (
        f"a text holds a NUL character (\\x00){shown}: NomadCM neither stores nor searches one (a team "
        "database on PostgreSQL cannot hold it); remove it and try again"
    )


_INSERT_COLUMNS_RE = re.compile(r'^\s*INSERT\s+INTO\s+"?\w+"?\s*\(([^)]*)\)', re.IGNORECASE)


def _insert_columns(statement: str) -> list[str]:
    """The columns of a plain-SQL `INSERT INTO t (a, b) VALUES (?, ?)` (a bulk insert's rows name none)."""
    match = _INSERT_COLUMNS_RE.match(statement)
    return [name.strip().strip('"') for name in match.group(1).split(",")] if match else []


def write_engine(engine: Engine) -> Engine:
    """The same engine (same pool) for transactions that write: on SQLite they begin IMMEDIATE."""
    if engine.dialect.name != "sqlite":
        return engine
    return engine.execution_options(**{WRITES: True})


def is_busy(err: BaseException | None) -> bool:
    """SQLITE_BUSY or SQLITE_LOCKED, in any of their extended forms."""
    code = getattr(err, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED)
    msg = str(err or "").lower()
    return isinstance(err, sqlite3.OperationalError) and ("locked" in msg or "busy" in msg)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Take transaction control from the sqlite3 module (it would otherwise BEGIN lazily and COMMIT
    # behind SQLAlchemy's back); SQLAlchemy's "begin" event below issues the BEGIN.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    try:
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        # Every b-tree page is checked as it is read: a damaged page (a bad sector, a sync tool's half copy)
        # is then SQLITE_CORRUPT at once, always. Without it, cell pointers past the page's end could be read
        # before SQLite noticed, and whether it noticed varied from run to run (a flaky damage test showed it).
        cur.execute("PRAGMA cell_size_check = ON")
    finally:
        cur.close()
    dbapi_connection.create_function("lower", 1, _unicode_lower, deterministic=True)


def _unicode_lower(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def _sqlite_begin(conn: Connection) -> None:
    if conn.get_execution_options().get(WRITES):
        begin_immediate(conn)
    else:
        conn.exec_driver_sql("BEGIN")


def begin_immediate(conn: Connection) -> None:
    """BEGIN IMMEDIATE, retried with a growing pause while another writer holds the lock, for WRITE_WAIT_S."""
    deadline = time.monotonic() + WRITE_WAIT_S
    pause = 0.05
    while True:
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            return
        except sa_exc.OperationalError as err:
            remaining = deadline - time.monotonic()
            if not is_busy(err.orig) or remaining <= 0:
                raise
        time.sleep(min(pause, remaining))
        pause = min(pause * 2, 1.0)
