"""Downloading a subscribed calendar: http(s) (webcal:// is https), within a deadline and a size cap.

A subscription is never required: NomadCM works from the copy last stored, and a refresh that fails (offline,
a server down, a slow or huge answer) leaves it as it was and says why (services/events/calendars.py).

- How long: one deadline for the whole download, redirects included (default 30 s); a server that drips one
  byte at a time never times out a single read, so a watchdog shuts the socket at the deadline.
- How much: at most MAX_BYTES; a bigger answer is refused, not read.
- Where: http and https only, at most MAX_REDIRECTS redirects, each to http(s) again.
- What is shown: the address without any `user:password@`, in every message.
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import socket
import ssl
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass

from nomadcm import __version__
from nomadcm.errors import UserError, ValidationError
from nomadcm.exchange.ics_events import MAX_BYTES
from nomadcm.services.events.records import shown_url

DEADLINE = 30.0  # seconds, for the whole download
READ_TIMEOUT = 10.0  # seconds a single read may wait (within the deadline)
MAX_REDIRECTS = 5
CHUNK = 64 * 1024

Fetch = Callable[[str], bytes]  # what refreshing takes: the tests give one that reads no network


class FetchError(UserError):
    """The calendar could not be downloaded: offline, refused, too slow, too big."""


@dataclass(frozen=True)
class Limits:
    deadline: float = DEADLINE
    max_bytes: int = MAX_BYTES


def check_url(url: str) -> str:
    """A calendar's address as stored: trimmed, webcal:// read as https://; anything but http(s) refused."""
    raw = url.strip()
    if raw.lower().startswith("webcal://"):
        raw = "https://" + raw[len("webcal://") :]
    try:
        parts = urllib.parse.urlsplit(raw)
        host = parts.hostname
        _ = parts.port
    except ValueError:
        raise ValidationError(f"calendar address {shown_url(raw)!r} is not a web address") from None
    if parts.scheme.lower() not in ("http", "https") or not host:
        raise ValidationError(
            f"calendar address {shown_url(raw)!r} is not a web address (https://…, http://… or webcal://…)"
        )
    if any(ch.isspace() or ord(ch) < 32 for ch in raw):
        raise ValidationError(f"calendar address {shown_url(raw)!r} holds spaces or control characters")
    return raw


def fetch(url: str, limits: Limits | None = None) -> bytes:
    """The body of GET `url`, following redirects, within the deadline and the size cap."""
    limits = limits or Limits()
    deadline = time.monotonic() + limits.deadline
    current = check_url(url)
    shown = shown_url(current)
    for _ in range(MAX_REDIRECTS + 1):
        status, location, body = _get(current, deadline, limits, shown)
        if status in (301, 302, 303, 307, 308) and location:
            current = check_url(urllib.parse.urljoin(current, location))
            continue
        if status != 200:
            raise FetchError(f"the calendar at {shown} answered {status}: not refreshed")
        return body
    raise FetchError(f"the calendar at {shown} redirects more than {MAX_REDIRECTS} times: not refreshed")


def _get(url: str, deadline: float, limits: Limits, shown: str) -> tuple[int, str, bytes]:
    parts = urllib.parse.urlsplit(url)
    left = deadline - time.monotonic()
    if left <= 0:
        raise _too_slow(shown, limits)
    host, port = parts.hostname or "", parts.port
    timeout = min(READ_TIMEOUT, left)
    conn: http.client.HTTPConnection
    if parts.scheme.lower() == "https":
        conn = http.client.HTTPSConnection(host, port, timeout=timeout, context=ssl.create_default_context())
    else:
        conn = http.client.HTTPConnection(host, port, timeout=timeout)
    sockets: list[socket.socket] = []  # the watchdog shuts the socket even once the response holds it alone
    watchdog = threading.Timer(left, _shut, (conn, sockets))
    watchdog.daemon = True
    watchdog.start()
    try:
        headers = {"Accept": "text/calendar, */*;q=0.5", "User-Agent": f"NomadCM/{__version__}"}
        if parts.username is not None:
            user = urllib.parse.unquote(parts.username)
            secret = urllib.parse.unquote(parts.password or "")
            headers["Authorization"] = "Basic " + base64.b64encode(f"{user}:{secret}".encode()).decode(
                "ascii"
            )
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        try:
            conn.request("GET", path, headers=headers)
            if conn.sock is not None:
                sockets.append(conn.sock)
            response = conn.getresponse()
        except (OSError, http.client.HTTPException) as err:
            raise _unreachable(shown, err, deadline, limits) from None
        if response.status in (301, 302, 303, 307, 308):
            return response.status, response.getheader("Location") or "", b""
        if response.status != 200:
            return response.status, "", b""
        length = response.getheader("Content-Length")
        if length and length.strip().isdigit() and int(length) > limits.max_bytes:
            raise _too_big(shown, limits)
        chunks: list[bytes] = []
        size = 0
        while True:
            try:
                chunk = response.read(CHUNK)
            except (OSError, http.client.HTTPException) as err:
                raise _unreachable(shown, err, deadline, limits) from None
            if not chunk:
                break
            size += len(chunk)
            if size > limits.max_bytes:
                raise _too_big(shown, limits)
            chunks.append(chunk)
        if time.monotonic() >= deadline:  # the watchdog shut the socket: what came is not the whole
            raise _too_slow(shown, limits)
        return 200, "", b"".join(chunks)
    finally:
        watchdog.cancel()
        conn.close()


def _shut(conn: http.client.HTTPConnection, sockets: list[socket.socket]) -> None:
    for sock in [conn.sock, *sockets]:
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


def _too_slow(shown: str, limits: Limits) -> FetchError:
    return FetchError(f"the calendar at {shown} did not arrive within {limits.deadline:g} s: not refreshed")


def _too_big(shown: str, limits: Limits) -> FetchError:
    mib = limits.max_bytes / (1024 * 1024)
    return FetchError(f"the calendar at {shown} is larger than {mib:g} MiB: not refreshed")


def _unreachable(shown: str, err: BaseException, deadline: float, limits: Limits) -> FetchError:
    if time.monotonic() >= deadline:
        return _too_slow(shown, limits)
    reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err) or type(err).__name__
    return FetchError(f"the calendar at {shown} cannot be reached ({reason}): not refreshed")
