"""Talking to a running aw-server over HTTP: this computer only unless asked, within a deadline and a size cap.

- Where: ActivityWatch listens on 127.0.0.1:5600 and has no authentication, so a server elsewhere is
  someone else's data or a mistyped address. `localhost`, 127.0.0.0/8 and ::1 are accepted; any other host
  only with `allow_remote` (the CLI's `--allow-remote-server`). Names are not resolved to decide.
- How long: one deadline for the whole import (default 60 s), whatever the server does — a reply that drips
  one byte every few seconds never times out a single read, so a watchdog shuts the socket at the deadline,
  and every read waits at most what is left (and never more than `READ_TIMEOUT`).
- How much: every reply counts against one byte budget (default 512 MiB); a bigger answer is refused, not
  read. The replies are parsed as they arrive (exchange/json_stream.py), never held whole.
- What is shown: the URL without any `user:password@`, in every message.
"""

from __future__ import annotations

import base64
import http.client
import ipaddress
import socket
import ssl
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass

from nomadcm.errors import UserError

DEFAULT_SERVER = "http://127.0.0.1:5600"
DEADLINE = 60.0  # seconds, for the whole import
MAX_BYTES = 512 * 1024 * 1024  # over every reply of one import
READ_TIMEOUT = 10.0  # seconds a single read may wait (within the deadline)


@dataclass(frozen=True)
class ServerLimits:
    deadline: float = DEADLINE
    max_bytes: int = MAX_BYTES
    allow_remote: bool = False


class ServerError(UserError):
    """The server cannot be read: not there, not allowed, too slow, too big, or not an aw-server."""


def shown_url(url: str) -> str:
    """`url` as it may be printed: without the `user:password@` it may carry."""
    try:
        parts = urllib.parse.urlsplit(url.strip())
    except ValueError:
        return "(an unreadable URL)"
    if "@" not in parts.netloc:
        return url.strip()
    host = parts.netloc.rpartition("@")[2]
    return urllib.parse.urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def is_loopback(host: str) -> bool:
    """`localhost` (and names under it, RFC 6761), 127.0.0.0/8 or ::1 (also written as an IPv4-mapped
    address). Other names are not resolved: what they point to can change between the check and the call."""
    name = host.strip().rstrip(".").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(name.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


@dataclass(frozen=True)
class Server:
    scheme: str
    host: str
    port: int
    base_path: str
    shown: str  # the URL as messages show it (no credentials)
    authorization: str | None = None


def parse_server(url: str, allow_remote: bool = False) -> Server:
    raw = (url or DEFAULT_SERVER).strip().rstrip("/")
    if "://" not in raw:
        raw = "http://" + raw
    shown = shown_url(raw)
    try:
        parts = urllib.parse.urlsplit(raw)
        host = parts.hostname
        port = parts.port
    except ValueError:
        raise ServerError(f"--server {shown!r} is not an http URL such as {DEFAULT_SERVER}") from None
    if parts.scheme not in ("http", "https") or not host:
        raise ServerError(f"--server {shown!r} is not an http URL such as {DEFAULT_SERVER}")
    if not allow_remote and not is_loopback(host):
        raise ServerError(
            f"--server {shown}: {host} is not this computer (localhost, 127.0.0.0/8 or ::1); an "
            "ActivityWatch server elsewhere is read only when allowed (--allow-remote-server)"
        )
    path = parts.path
    for suffix in ("/api/0", "/api"):
        if path.endswith(suffix):
            path = path[: -len(suffix)]
    authorization = None
    if parts.username is not None:
        user = urllib.parse.unquote(parts.username)
        secret = urllib.parse.unquote(parts.password or "")
        authorization = "Basic " + base64.b64encode(f"{user}:{secret}".encode()).decode("ascii")
    default_port = 443 if parts.scheme == "https" else 80
    return Server(
        parts.scheme, host, port or default_port, path.rstrip("/"), shown.rstrip("/"), authorization
    )


class Session:
    """The requests of one import: they share one deadline and one byte budget."""

    def __init__(self, server: Server, limits: ServerLimits) -> None:
        self.server = server
        self.limits = limits
        self.deadline = time.monotonic() + limits.deadline
        self.received = 0

    def left(self) -> float:
        return self.deadline - time.monotonic()

    def too_slow(self) -> ServerError:
        return ServerError(
            f"the ActivityWatch server at {self.server.shown} did not finish answering within "
            f"{self.limits.deadline:g} s: nothing imported (a slower server needs a longer --deadline)"
        )

    def too_big(self) -> ServerError:
        mib = self.limits.max_bytes / (1024 * 1024)
        return ServerError(
            f"the ActivityWatch server at {self.server.shown} sent more than {mib:g} MiB: nothing imported "
            "(use --since to read less, or raise --max-size)"
        )

    def gone(self, reason: object) -> ServerError:
        if self.left() <= 0:
            return self.too_slow()
        return ServerError(
            f"no ActivityWatch server answers at {self.server.shown} ({reason}); start ActivityWatch, or "
            "import its export file instead"
        )

    @contextmanager
    def get(self, path: str) -> Iterator[Body]:
        """The body of GET `path` (below the server's base), read as it arrives."""
        server = self.server
        if self.left() <= 0:
            raise self.too_slow()
        timeout = min(READ_TIMEOUT, self.left())
        if server.scheme == "https":
            conn: http.client.HTTPConnection = http.client.HTTPSConnection(
                server.host, server.port, timeout=timeout, context=ssl.create_default_context()
            )
        else:
            conn = http.client.HTTPConnection(server.host, server.port, timeout=timeout)
        watchdog = threading.Timer(self.left(), _shut, (conn,))
        watchdog.daemon = True
        watchdog.start()
        try:
            headers = {"Accept": "application/json", "User-Agent": "NomadCM"}
            if server.authorization:
                headers["Authorization"] = server.authorization
            try:
                conn.request("GET", server.base_path + path, headers=headers)
                response = conn.getresponse()
            except (OSError, http.client.HTTPException) as err:
                raise self.gone(_reason(err)) from None
            if response.status != 200:
                where = path.split("?", 1)[0]
                raise ServerError(
                    f"the ActivityWatch server at {server.shown} answered {response.status} "
                    f"{response.reason} for {where}"
                )
            length = response.getheader("Content-Length")
            if length and length.strip().isdigit() and self.received + int(length) > self.limits.max_bytes:
                raise self.too_big()
            yield Body(self, conn, response)
        finally:
            watchdog.cancel()
            conn.close()


class Body:
    """A reply's bytes for the JSON parser: each read waits at most what is left of the deadline, counts
    against the byte budget, and turns every way the connection fails into a ServerError."""

    def __init__(
        self, session: Session, conn: http.client.HTTPConnection, response: http.client.HTTPResponse
    ) -> None:
        self.session = session
        self.conn = conn
        self.response = response

    def read(self, size: int = -1) -> bytes:
        session = self.session
        if size == 0:
            return b""
        left = session.left()
        if left <= 0:
            raise session.too_slow()
        if self.conn.sock is not None:
            self.conn.sock.settimeout(min(READ_TIMEOUT, left))
        budget = session.limits.max_bytes - session.received
        want = 64 * 1024 if size is None or size < 0 else size
        try:
            data = self.response.read1(min(want, budget + 1))
        except (OSError, http.client.HTTPException) as err:
            raise session.gone(_reason(err)) from None
        session.received += len(data)
        if session.received > session.limits.max_bytes:
            raise session.too_big()
        if not data and session.left() <= 0:  # the watchdog shut the socket
            raise session.too_slow()
        return data


def _shut(conn: http.client.HTTPConnection) -> None:
    """At the deadline: wake up a read that is waiting (shutdown, not close: the reading thread closes)."""
    sock = conn.sock
    if sock is not None:
        with suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


def _reason(err: BaseException) -> str:
    reason = getattr(err, "reason", None) or getattr(err, "strerror", None) or str(err)
    return str(reason) or type(err).__name__
