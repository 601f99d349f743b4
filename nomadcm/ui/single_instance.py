"""One NomadCM per user and database: a second launch brings the first window forward and exits.

The first instance takes a lock file (QLockFile notices the lock of a process that died) and listens on a
local socket whose name comes from the user and the database path. A later launch on the same database
finds the lock taken, connects, says "raise", waits for "ok" and exits 0 — well within a second. Two
databases (the user's and the sample one) are two instances.
"""

from __future__ import annotations

import getpass
import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile, QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

RAISE = b"raise\n"
ACK = b"ok\n"
CONNECT_MS = 500
REPLY_MS = 1500


def instance_key(db_path: Path | str | None) -> str:
    """A short name for this user + database: safe as a socket and file name on every platform."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (containers)
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    where = str(Path(db_path).expanduser().resolve()) if db_path else ":memory:"
    digest = hashlib.sha256(f"{user}\0{where}".encode()).hexdigest()[:20]
    return f"nomadcm-{digest}"


class SingleInstance(QObject):
    """`acquire()` once at start: True -> this is the first instance (it listens); False -> another one was
    told to come forward (or does not answer: `answered` says which)."""

    activated = Signal()  # another launch asked this instance to show its window

    def __init__(self, db_path: Path | str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = instance_key(db_path)
        self.lock = QLockFile(os.path.join(QDir.tempPath(), f"{self.key}.lock"))
        self.lock.setStaleLockTime(0)  # only a dead process's lock is stale, however old
        self.server: QLocalServer | None = None
        self.answered = False

    def acquire(self) -> bool:
        if self.lock.tryLock(100):
            self._listen()
            return True
        self.answered = self.notify_running()
        return False

    def notify_running(self, attempts: int = 4) -> bool:
        """Asks the running instance to raise its window; False when it never answered."""
        for _ in range(attempts):  # it may still be starting: the lock comes before the socket
            socket = QLocalSocket()
            socket.connectToServer(self.key)
            if socket.waitForConnected(CONNECT_MS):
                socket.write(RAISE)
                socket.flush()
                socket.waitForBytesWritten(CONNECT_MS)
                ok = socket.waitForReadyRead(REPLY_MS) and bytes(socket.readAll().data()).startswith(ACK)
                socket.disconnectFromServer()
                return ok
            socket.abort()
        return False

    def _listen(self) -> None:
        QLocalServer.removeServer(self.key)  # a socket left by a crashed instance (we hold the lock)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if server.listen(self.key):
            server.newConnection.connect(self._on_connection)
            self.server = server

    @Slot()
    def _on_connection(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._on_message(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():  # arrived before readyRead was connected: no second signal
                self._on_message(socket)

    def _on_message(self, socket: QLocalSocket) -> None:
        if socket.canReadLine() and bytes(socket.readLine().data()) == RAISE:
            socket.write(ACK)
            socket.flush()
            self.activated.emit()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        if self.lock.isLocked():
            self.lock.unlock()
