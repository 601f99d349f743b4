"""Reading a running aw-server within limits (issue 12): this computer only unless allowed, one deadline for
the whole import whatever the server does, a size cap, and no credentials in any message."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from sqlalchemy import func, select

from nomadcm.errors import UserError
from nomadcm.exchange import activitywatch as aw
from nomadcm.exchange.activitywatch_server import is_loopback, parse_server, shown_url
from nomadcm.models import AppUsage, ScreenSession

DATA = Path(__file__).parent.parent / "data" / "wellbeing"
EXPORT = json.loads((DATA / "aw-buckets-export-rust.json").read_text())["buckets"]


def rows(db) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return (
            s.execute(select(func.count()).select_from(ScreenSession)).scalar_one(),
            s.execute(select(func.count()).select_from(AppUsage)).scalar_one(),
        )


class _Server(BaseHTTPRequestHandler):
    """An aw-server that can misbehave: `drip` seconds between bytes of every body, `padding` bytes of
    white space before the JSON, `headers_drip` seconds between bytes of the status line."""

    drip: ClassVar[float] = 0.0
    headers_drip: ClassVar[float] = 0.0
    padding: ClassVar[int] = 0
    paths: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.paths.append(self.path)
        path = self.path.split("?", 1)[0]
        if path == "/api/0/buckets/":
            body: Any = {k: {f: v for f, v in b.items() if f != "events"} for k, b in EXPORT.items()}
        elif path.startswith("/api/0/buckets/") and path.endswith("/events"):
            body = EXPORT[path[len("/api/0/buckets/") : -len("/events")]]["events"]
        else:
            self.send_error(404)
            return
        data = b" " * self.padding + json.dumps(body).encode()
        try:
            if self.headers_drip:
                for byte in b"HTTP/1.1 200 OK\r\n":
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(self.headers_drip)
                self.wfile.write(b"Content-Type: application/json\r\n\r\n")
            else:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
            if self.drip:
                for byte in data:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(self.drip)
            else:
                self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up: what the test wants
            pass

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serving(**behaviour: Any) -> Iterator[str]:
    handler = type("Server", (_Server,), {**behaviour, "paths": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_well_behaved_server_is_read_whole(db) -> None:  # type: ignore[no-untyped-def]
    with serving() as url:
        result = aw.import_server(db, url, deadline=10)
    assert (result.screen.added, result.apps.added) == (3, 4)


def test_a_server_dripping_bytes_is_stopped_at_the_deadline(db) -> None:  # type: ignore[no-untyped-def]
    # one byte every 0.2 s: no single read ever waits long, yet the reply would take minutes
    with serving(drip=0.2) as url:
        started = time.monotonic()
        with pytest.raises(UserError, match=r"did not finish answering within 1\.5 s: nothing imported"):
            aw.import_server(db, url, deadline=1.5)
        took = time.monotonic() - started
    assert took < 4
    assert rows(db) == (0, 0)


def test_a_server_dripping_its_headers_is_stopped_at_the_deadline(db) -> None:  # type: ignore[no-untyped-def]
    with serving(headers_drip=0.2) as url:
        started = time.monotonic()
        with pytest.raises(UserError, match="did not finish answering within 1 s"):
            aw.import_server(db, url, deadline=1)
        assert time.monotonic() - started < 4


def test_a_reply_over_the_cap_is_refused(db) -> None:  # type: ignore[no-untyped-def]
    # announced by Content-Length: refused before reading
    with serving(padding=300_000) as url, pytest.raises(UserError, match=r"more than 0\.25 MiB: nothing"):
        aw.import_server(db, url, max_bytes=256 * 1024)
    assert rows(db) == (0, 0)


def test_the_cap_counts_every_reply_together(db) -> None:  # type: ignore[no-untyped-def]
    # each reply fits, the four together do not
    with serving(padding=40_000) as url, pytest.raises(UserError, match="sent more than"):
        aw.import_server(db, url, max_bytes=100_000)
    assert rows(db) == (0, 0)


@pytest.mark.parametrize(
    "host",
    ["localhost", "127.0.0.1", "127.8.9.10", "[::1]", "LOCALHOST.", "app.localhost", "[::ffff:127.0.0.1]"],
)
def test_loopback_hosts_are_accepted(host: str) -> None:
    assert parse_server(f"http://{host}:5600").port == 5600


@pytest.mark.parametrize(
    "url",
    [
        "http://192.168.1.20:5600",
        "http://10.0.0.1:5600",
        "http://example.org:5600",
        "http://127.0.0.1.example.org",
        "http://[::2]:5600",
        "https://0.0.0.0",
        "http://localhost@evil.example:5600",
    ],
)
def test_other_hosts_are_refused_unless_allowed(db, url: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UserError, match=r"is not this computer.*--allow-remote-server"):
        aw.import_server(db, url)
    assert parse_server(url, allow_remote=True).host


def test_credentials_are_never_shown(db) -> None:  # type: ignore[no-untyped-def]
    assert shown_url("http://lina:s3cret@127.0.0.1:5600/api") == "http://127.0.0.1:5600/api"
    with pytest.raises(UserError) as refused:
        aw.import_server(db, "http://lina:s3cret@192.168.1.20:5600")
    assert "s3cret" not in str(refused.value) and "lina" not in str(refused.value)
    with serving() as url:
        port = url.rsplit(":", 1)[1]
    with pytest.raises(UserError, match="no ActivityWatch server answers") as gone:  # nobody listens now
        aw.import_server(db, f"http://lina:s3cret@127.0.0.1:{port}")
    assert "s3cret" not in str(gone.value) and "lina" not in str(gone.value)


def test_loopback_is_decided_without_resolving_names() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("my-laptop") and not is_loopback("127.0.0.1.nip.io")


def test_the_cli_options(db_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.cli import main

    code = main(["--db", str(db_path), "import", "activitywatch", "--server", "http://u:pw@192.168.1.2:5600"])
    err = capsys.readouterr().err
    assert code == 2 and "--allow-remote-server" in err and "pw" not in err
    with serving(drip=0.2) as url:
        code = main(["--db", str(db_path), "import", "activitywatch", "--server", url, "--deadline", "1"])
    err = capsys.readouterr().err
    assert code == 2 and "within 1 s" in err and err.count("\n") == 1
    with serving() as url:
        code = main(["--db", str(db_path), "import", "activitywatch", "--server", url, "--max-size", "0.001"])
    assert code == 2 and "sent more than" in capsys.readouterr().err
    with serving() as url:
        assert main(["--db", str(db_path), "import", "activitywatch", "--server", url]) == 0
    assert "3 added" in capsys.readouterr().out
