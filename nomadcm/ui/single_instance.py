"""One NomadCM per user and database: a second launch brings the first window forward and exits.

The first instance takes a lock file (QLockFile notices the lock of a process that died) and listens on a
local socket, both named from the user and the database path. A later launch on the same database finds the
lock taken, connects, says "raise", waits for "ok" and exits 0 — well within a second. Two databases (the
user's and the sample one) are two instances.

Both live in the user's private runtime folder (`paths.runtime_dir()`: $XDG_RUNTIME_DIR, else a 0700 folder in
the data folder), never in the shared temporary folder: there, another user of the machine could create the
lock or the socket first, and NomadCM would say "already open" and show nothing. On POSIX the server listens on
the socket's full path inside that folder. Windows' named pipes share one namespace for every user, so there
the pipe's name carries a random part kept in the private folder: nobody else can take it first, or answer in
the running instance's place.

The server reads at most `MAX_MESSAGE` bytes from a connection and drops it after `IDLE_MS` without a
complete message: a local process cannot make it hold memory or connections.
"""

from __future__ import annotations

import getpass
import os
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from nomadcm import paths
from nomadcm.paths import DatabaseUrl

RAISE = b"raise\n"
ACK = b"ok\n"
CONNECT_MS = 500
REPLY_MS = 1500
MAX_MESSAGE = 64 * 1024  # bytes a connection may send before its line ends; more is dropped
IDLE_MS = 5000  # a connection that says nothing useful for this long is dropped
MAX_PENDING = 8


def sha256_hex(data: bytes) -> str:
    """SHA-256 of `data` in hex, from the interpreter's built-in module when it has one: `hashlib` loads
    OpenSSL (6 ms) before the window's first paint otherwise. The same digest (tests/ui/test_single_instance.py
    compares it with hashlib's)."""
    try:
        from _sha256 import sha256  # type: ignore[import-not-found]  # CPython 3.11
    except ImportError:
        try:
            from _sha2 import sha256  # type: ignore[import-not-found,no-redef]  # CPython 3.12+
        except ImportError:
            from hashlib import sha256  # type: ignore[assignment]
    return sha256(data).hexdigest()  # type: ignore[no-any-return]


def instance_key(db_path: Path | str | DatabaseUrl | None) -> str:
    """A short name for this user + database: safe as a socket and file name on every platform (a team
    database: its URL without the password)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (containers)
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    if isinstance(db_path, DatabaseUrl):
        where = db_path.without_password
    else:
        where = str(Path(db_path).expanduser().resolve()) if db_path else ":memory:"
    digest = sha256_hex(f"{user}\0{where}".encode())[:20]
    return f"nomadcm-{digest}"


class SingleInstance(QObject):
    """`acquire()` once at start: True -> this is the first instance (it listens); False -> another one was
    told to come forward (or does not answer: `answered` says which)."""

    activated = Signal()  # another launch asked this instance to show its window

    def __init__(
        self,
        db_path: Path | str | DatabaseUrl | None,
        parent: QObject | None = None,
        *,
        folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.key = instance_key(db_path)
        self.folder = folder if folder is not None else paths.runtime_dir()
        self.lock = QLockFile(str(self.folder / f"{self.key}.lock"))
        self.lock.setStaleLockTime(0)  # only a dead process's lock is stale, however old
        self.server: QLocalServer | None = None
        self.answered = False
        self.idle_ms = IDLE_MS

    # ------------------------------------------------------------------ names

    @property
    def _pipe_file(self) -> Path:
        return self.folder / f"{self.key}.pipe"

    def server_name(self) -> str | None:
        """What a second launch connects to: the socket's full path (POSIX), or the pipe's name read from
        the private folder (Windows; None until the first instance wrote it)."""
        if os.name != "nt":
            return str(self.folder / f"{self.key}.sock")
        try:
            return self._pipe_file.read_text(encoding="ascii").strip() or None
        except (OSError, UnicodeDecodeError):
            return None

    def _new_server_name(self) -> str:
        if os.name != "nt":
            return str(self.folder / f"{self.key}.sock")
        return f"{self.key}-{os.urandom(16).hex()}"  # secrets.token_hex(16), without importing it

    # ------------------------------------------------------------------ both sides

    def acquire(self) -> bool:
        if self.lock.tryLock(100):
            self._listen()
            return True
        self.answered = self.notify_running()
        return False

    def notify_running(self, attempts: int = 4) -> bool:
        """Asks the running instance to raise its window; False when it never answered."""
        for _ in range(attempts):  # it may still be starting: the lock comes before the socket
            name = self.server_name()
            if name is None:  # Windows: the pipe's name is not written yet
                time.sleep(CONNECT_MS / 1000)
                continue
            socket = QLocalSocket()
            socket.connectToServer(name)
            if socket.waitForConnected(CONNECT_MS):
                socket.write(RAISE)
                socket.flush()
                socket.waitForBytesWritten(CONNECT_MS)
                ok = socket.waitForReadyRead(REPLY_MS) and bytes(socket.readAll().data()).startswith(ACK)
                socket.disconnectFromServer()
                return ok
            socket.abort()
        return False

    # ------------------------------------------------------------------ the first instance

    def _listen(self) -> None:
        name = self._new_server_name()
        if os.name != "nt":
            QLocalServer.removeServer(name)  # a socket left by a crashed instance (we hold the lock)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.setMaxPendingConnections(MAX_PENDING)
        if not server.listen(name):
            return  # the window still opens; a second launch will say this one does not answer
        if os.name == "nt":
            try:
                self._pipe_file.write_text(name, encoding="ascii")
            except OSError:
                server.close()
                return
        server.newConnection.connect(self._on_connection)
        self.server = server

    @Slot()
    def _on_connection(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.setReadBufferSize(MAX_MESSAGE)
            idle = QTimer(socket)
            idle.setSingleShot(True)
            idle.timeout.connect(lambda s=socket: s.abort())  # said nothing (complete) in time: dropped
            idle.start(self.idle_ms)
            socket.readyRead.connect(lambda s=socket: self._on_message(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():  # arrived before readyRead was connected: no second signal
                self._on_message(socket)

    def _on_message(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() >= MAX_MESSAGE:
                socket.abort()  # a line longer than any message: not one of ours
            return
        line = bytes(socket.readLine(MAX_MESSAGE).data())
        if line != RAISE:
            socket.abort()
            return
        socket.write(ACK)
        socket.flush()
        self.activated.emit()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
            if os.name == "nt":
                self._pipe_file.unlink(missing_ok=True)
        if self.lock.isLocked():
            self.lock.unlock()
