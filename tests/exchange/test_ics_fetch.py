"""Subscribed calendars: downloaded within a deadline and a size cap (a local server plays the calendar host),
refreshed idempotently, and never required — offline, the events stay and the window moves from the copy."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from nomadcm.errors import ValidationError
from nomadcm.exchange import event_import
from nomadcm.exchange.ics_fetch import FetchError, Limits, check_url, fetch
from nomadcm.services.container import Services

GOOGLE = Path(__file__).resolve().parents[1] / "data" / "ics" / "google_export.ics"
NOW = datetime(2027, 3, 1, tzinfo=UTC)


class Host(BaseHTTPRequestHandler):
    body = GOOGLE.read_bytes()
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        Host.hits.append(self.path)
        if self.path == "/cal.ics":
            self._send(200, self.body)
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/cal.ics")
            self.end_headers()
        elif self.path == "/loop":
            self.send_response(301)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/big":
            self._send(200, b"x" * 4096)
        elif self.path == "/slow":
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            for _ in range(100):
                self.wfile.write(b"B")
                self.wfile.flush()
                time.sleep(0.05)
        else:
            self._send(404, b"no")

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/calendar")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def host() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Host)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Host.hits = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_a_calendar_is_downloaded_following_redirects(host: str) -> None:
    assert fetch(f"{host}/cal.ics") == GOOGLE.read_bytes()
    assert fetch(f"{host}/moved") == GOOGLE.read_bytes()
    with pytest.raises(FetchError, match="redirects more than 5 times"):
        fetch(f"{host}/loop")
    with pytest.raises(FetchError, match=r"answered 404: not refreshed"):
        fetch(f"{host}/nothing")


def test_a_download_is_capped_in_size_and_time(host: str) -> None:
    with pytest.raises(FetchError, match="larger than"):
        fetch(f"{host}/big", Limits(max_bytes=1000))
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"did not arrive within 0.5 s"):
        fetch(f"{host}/slow", Limits(deadline=0.5))
    assert time.monotonic() - started < 3  # the watchdog ended the dripping reply


def test_unreachable_and_bad_addresses_are_one_clear_line() -> None:
    with pytest.raises(FetchError, match=r"cannot be reached"):
        fetch("http://127.0.0.1:9/cal.ics", Limits(deadline=2))
    assert check_url("webcal://example.com/x.ics") == "https://example.com/x.ics"
    for bad in ("ftp://example.com/x.ics", "calendar", "https://", "https://exa mple.com/"):
        with pytest.raises(ValidationError, match="calendar address"):
            check_url(bad)
    with pytest.raises(ValidationError) as err:
        check_url("ftp://me:secret@example.com/x.ics")
    assert "secret" not in str(err.value)


def test_subscribe_then_refresh_offline_keeps_and_moves_the_events(services: Services, host: str) -> None:
    client = services.clients.add_client("Atelier Boréal", "America/Toronto")
    report = event_import.subscribe(services, client.id, f"{host}/cal.ics", now=NOW)
    assert report.calendar.url == f"{host}/cal.ics" and report.added > 10  # type: ignore[union-attr]
    count = len(services.events.list_events())
    # online again: idempotent
    again = event_import.refresh(services, report.calendar.id, now=NOW)  # type: ignore[union-attr]
    assert again.report is not None and again.report.unchanged == count and again.error == ""

    def offline(url: str) -> bytes:
        raise FetchError(f"the calendar at {url} cannot be reached (offline): not refreshed")

    calendar_id = report.calendar.id  # type: ignore[union-attr]
    soon = event_import.refresh(services, calendar_id, fetcher=offline, now=NOW + timedelta(hours=2))
    assert soon.report is None and "offline" in soon.error  # nothing read again: the window is fresh
    assert len(services.events.list_events()) == count
    assert "offline" in services.calendars.get(calendar_id).last_error
    # a year later, still offline: the stored copy is expanded again over the new window
    later = event_import.refresh(services, calendar_id, fetcher=offline, now=NOW + timedelta(days=400))
    assert later.report is not None and later.report.removed > 0 and "offline" in later.error
    assert all(e.end_utc >= NOW + timedelta(days=400 - 367) for e in services.events.list_events())


def test_a_failed_subscription_subscribes_nothing(services: Services, host: str) -> None:
    client = services.clients.add_client("Atelier Boréal", "America/Toronto")
    with pytest.raises(FetchError, match="404"):
        event_import.subscribe(services, client.id, f"{host}/gone.ics", now=NOW)
    assert services.calendars.list_calendars() == []


def test_refresh_due_downloads_only_what_is_due(services: Services, host: str) -> None:
    client = services.clients.add_client("Atelier Boréal", "America/Toronto")
    event_import.subscribe(services, client.id, f"{host}/cal.ics", now=NOW)
    event_import.import_file(services, client.id, GOOGLE, name="fichier", now=NOW)
    Host.hits = []
    event_import.refresh_due(services)
    assert Host.hits == []  # just downloaded: not due
    outcomes = event_import.refresh_due(services, force=True)
    assert Host.hits == ["/cal.ics"] and len(outcomes) == 2  # the file is read again from its copy
