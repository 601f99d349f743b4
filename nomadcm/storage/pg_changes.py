"""Live changes on a team database: PostgreSQL LISTEN/NOTIFY behind the same `ChangeCounter` as SQLite's.

Sending: every transaction NomadCM commits through its engine after an INSERT, UPDATE or DELETE sends
`pg_notify('nomadcm_changes', '<token> <tables>')` just before its COMMIT (the engine's `commit` event), so
the notification is delivered if and only if the write is: PostgreSQL queues it with the transaction. The
token is this engine's (one per opened database), the tables those written, for the curious reader
(`LISTEN nomadcm_changes` in psql). An engine hook rather than triggers: triggers are schema, which a team
database changes only through `nomadcm team upgrade` (a migration) and which a viewer could not install;
the hook needs no privilege. The cost: a write made with psql, outside NomadCM, shows at the next refresh.

Listening: `PostgresChangeCounter` keeps one dedicated autocommit psycopg connection outside the pool that
LISTENs, and `poll()` drains what arrived without waiting (`notifies(timeout=0)`), from the window's half-
second timer. A notification carrying our own token is our own commit: absorbed, like our own commits on
SQLite. The connection is made on a thread of its own — the first one too: a remote server's handshake is no
work for the GUI thread — and the first poll once it is made says "changed", for what was written before we
listened. It has TCP keepalives (storage/server.py), so a server that stops or a network that goes away
breaks it within seconds; the counter then reports itself unreachable (`status()`) and tries again, first
after RETRY_FIRST_S and then twice as long each time up to RETRY_MAX_S, at once on `retry_now()`; back
online, `poll()` says "changed" once, since anything may have been written meanwhile.
"""

from __future__ import annotations

import logging
import re
import threading
import time
import uuid
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from nomadcm.storage.change_counter import REACHABLE, ConnectionStatus
from nomadcm.storage.server import address_of, describe_server_error, liveness_options

log = logging.getLogger(__name__)

CHANNEL = "nomadcm_changes"
RETRY_FIRST_S = 2.0  # first new try after the connection was lost
RETRY_MAX_S = 30.0  # the pause between tries doubles up to this
PAYLOAD_MAX = 7000  # PostgreSQL refuses a payload of 8000 bytes or more
_WRITTEN = "nomadcm_written_tables"  # in a pooled connection's info: tables written in its transaction
_WRITE_RE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)', re.IGNORECASE)


def install_notify_hooks(engine: Engine) -> str:
    """Make every committed write through `engine` send a notification; returns the token it carries."""
    token = uuid.uuid4().hex

    def after_execute(conn: Connection, _cursor: Any, statement: str, *_args: Any) -> None:
        match = _WRITE_RE.match(statement)
        if match:
            conn.info.setdefault(_WRITTEN, set()).add(match.group(1).lower())

    def before_commit(conn: Connection) -> None:
        tables = conn.info.pop(_WRITTEN, None)
        if not tables:
            return
        payload = f"{token} {','.join(sorted(tables))}"[:PAYLOAD_MAX]
        driver = conn.connection.driver_connection
        assert driver is not None
        with driver.cursor() as cursor:  # the driver's own cursor: no engine event sees this statement
            cursor.execute("SELECT pg_notify(%s, %s)", (CHANNEL, payload))

    def after_rollback(conn: Connection) -> None:
        if not conn.invalidated:  # an invalidated connection's info goes with it (and asking would raise)
            conn.info.pop(_WRITTEN, None)

    event.listen(engine, "after_cursor_execute", after_execute)
    event.listen(engine, "commit", before_commit)
    event.listen(engine, "rollback", after_rollback)
    return token


class PostgresChangeCounter:
    """`ChangeCounter` of a team database; see the module docstring. Polled on one thread (the GUI's)."""

    def __init__(self, engine: Engine, token: str) -> None:
        self._token = token
        self._address = address_of(engine.url)
        self._dbapi = engine.dialect.loaded_dbapi
        cargs, cparams = engine.dialect.create_connect_args(engine.url)
        self._connect_args = (cargs, {**cparams, **liveness_options(engine.url), "autocommit": True})
        self._lock = threading.Lock()
        self._conn: Any = None
        self._closed = False
        self._attempt: threading.Thread | None = None
        self._attempt_result: Any = None  # the attempt's connection, or its exception
        self._failures = 0  # tries failed in a row: the pause before the next one doubles with each
        self._retry_at = 0.0  # time.monotonic() of the next try, while unreachable
        self._reason = ""
        self._starting = True  # the first connection is being made: reachable as far as anyone knows
        with self._lock:
            self._start_attempt()  # a remote server's TLS handshake is no work for the GUI thread

    # ------------------------------------------------------------------ ChangeCounter

    def poll(self) -> bool:
        """True when another process committed a write since the last poll, or when the server came back."""
        with self._lock:
            if self._closed:
                return False
            if self._conn is None:
                return self._reconnect_step()
            try:
                notes = list(self._conn.notifies(timeout=0))
            except self._dbapi.Error as err:
                self._lost(err)
                return False
        return any(not note.payload.startswith(self._token) for note in notes)

    def status(self) -> ConnectionStatus:
        with self._lock:
            if self._conn is not None or self._closed or self._starting:
                return REACHABLE
            waiting = 0.0 if self._attempt is not None else max(0.0, self._retry_at - time.monotonic())
            return ConnectionStatus(False, waiting, self._reason)

    def retry_now(self) -> None:
        """Try to reach the server at once (the banner's Retry now); the next polls tell how it went."""
        with self._lock:
            if self._conn is None and not self._closed and self._attempt is None:
                self._start_attempt()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            conn, self._conn = self._conn, None
            attempt = self._attempt
        _close_quietly(conn)
        if attempt is not None:
            attempt.join(timeout=0.1)  # it ends by itself within connect_timeout and closes what it made

    # ------------------------------------------------------------------ connecting

    def _listen(self) -> Any:
        cargs, cparams = self._connect_args
        conn = self._dbapi.connect(*cargs, **cparams)
        try:
            conn.execute(f"LISTEN {CHANNEL}")
        except BaseException:
            _close_quietly(conn)
            raise
        return conn

    def _lost(self, err: BaseException) -> None:
        """The connection broke (or could not be made): unreachable until a try succeeds. Lock held."""
        _close_quietly(self._conn)
        self._conn = None
        first = not self._reason
        self._reason = str(describe_server_error(self._address, err, connecting=True))
        pause = min(RETRY_FIRST_S * 2**self._failures, RETRY_MAX_S)
        self._failures += 1
        self._retry_at = time.monotonic() + pause
        if first:
            log.warning("team database unreachable: %s", self._reason)

    def _reconnect_step(self) -> bool:
        """While unreachable: collect a finished try, or start one when due. Lock held."""
        if self._attempt is not None:
            if self._attempt.is_alive():
                return False
            self._attempt = None
            result, self._attempt_result = self._attempt_result, None
            starting, self._starting = self._starting, False
            if isinstance(result, BaseException):
                self._lost(result)
                return False
            self._conn = result
            self._failures = 0
            if not starting:
                log.warning("team database reachable again at %s", self._address)
            self._reason = ""
            return True  # anything may have been written while we could not hear (or had not started)
        if time.monotonic() >= self._retry_at:
            self._start_attempt()
        return False

    def _start_attempt(self) -> None:
        self._attempt = threading.Thread(target=self._attempt_connect, name="nomadcm-listen", daemon=True)
        self._attempt.start()

    def _attempt_connect(self) -> None:
        try:
            result: Any = self._listen()
        except Exception as err:  # the driver's errors, and whatever else a connection attempt may raise
            result = err
        with self._lock:
            if self._closed:
                if not isinstance(result, BaseException):
                    _close_quietly(result)
                return
            self._attempt_result = result


def _close_quietly(conn: Any) -> None:
    if conn is None:
        return
    try:
        conn.close()
    except Exception:  # a broken connection may fail to close: nothing more to do with it
        log.debug("closing the listener's connection failed", exc_info=True)
