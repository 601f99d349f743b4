"""ActivityWatch exports (Python and Rust layouts), a live aw-server over HTTP, idempotency, bad events."""

from __future__ import annotations

import copy
import json
import socket
import threading
import typing
from datetime import UTC, date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from sqlalchemy import func, select

from nomadcm.errors import UserError
from nomadcm.exchange import activitywatch as aw
from nomadcm.exchange.wellbeing_io import WellbeingImportFailed
from nomadcm.models import AppUsage, ScreenSession
from nomadcm.services.wellbeing.wellbeing_report import build_report

DATA = Path(__file__).parent.parent / "data" / "wellbeing"
PY = DATA / "aw-buckets-export-python.json"
RUST = DATA / "aw-buckets-export-rust.json"


def sessions(db) -> list[tuple[datetime, datetime, str]]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        rows = s.execute(select(ScreenSession).order_by(ScreenSession.start_utc)).scalars()
        return [(r.start_utc, r.end_utc, r.device) for r in rows]


def app_rows(db) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.execute(select(func.count()).select_from(AppUsage)).scalar_one()


def test_python_export_gives_the_union_of_not_afk_events(db) -> None:  # type: ignore[no-untyped-def]
    result = aw.import_file(db, PY)
    assert result.layout == "aw-server"
    assert (result.screen.added, result.apps.added) == (3, 4)
    assert result.skipped_buckets == ["aw-watcher-web-firefox_lina-thinkpad"]
    assert sessions(db) == [
        (datetime(2027, 3, 26, 7, tzinfo=UTC), datetime(2027, 3, 26, 8, 30, tzinfo=UTC), "laptop"),
        (
            datetime(2027, 3, 26, 9, 0, 0, 500000, tzinfo=UTC),
            datetime(2027, 3, 26, 10, 30, 0, 500000, tzinfo=UTC),
            "laptop",
        ),
        (datetime(2027, 3, 26, 12, tzinfo=UTC), datetime(2027, 3, 26, 14, tzinfo=UTC), "laptop"),
    ]
    day = build_report(db, date(2027, 3, 26), date(2027, 3, 26)).days[0]
    assert day.screen_minutes == {"laptop": 300}  # overlapping events never counted twice


def test_rust_layout_is_read_and_the_same_data_twice_changes_nothing(db) -> None:  # type: ignore[no-untyped-def]
    first = aw.import_file(db, PY)
    before = sessions(db)
    with db.session() as s:
        ids = sorted(s.execute(select(ScreenSession.id)).scalars())
    again = aw.import_file(db, RUST)
    assert again.layout == "aw-server-rust"
    assert (again.screen.added, again.screen.updated, again.screen.unchanged) == (0, 0, 3)
    assert (again.apps.added, again.apps.updated, again.apps.unchanged) == (0, 0, 4)
    assert sessions(db) == before and app_rows(db) == first.apps.added
    with db.session() as s:
        assert sorted(s.execute(select(ScreenSession.id)).scalars()) == ids


def test_a_newer_export_extends_and_adds_instead_of_copying(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    aw.import_file(db, PY)
    newer = json.loads(PY.read_text())
    afk = newer["buckets"]["aw-watcher-afk_lina-thinkpad"]["events"]
    afk.append({"timestamp": "2027-03-26T12:00:00+00:00", "duration": 9000.0, "data": {"status": "not-afk"}})
    afk.append({"timestamp": "2027-03-26T16:00:00+00:00", "duration": 600.0, "data": {"status": "not-afk"}})
    windows = newer["buckets"]["aw-watcher-window_lina-thinkpad"]["events"]
    windows[0] = {**windows[0], "duration": windows[0]["duration"] + 60}
    path = tmp_path / "newer.json"
    path.write_text(json.dumps(newer))
    result = aw.import_file(db, path, device="laptop")
    assert (result.screen.added, result.screen.updated, result.screen.unchanged) == (1, 1, 2)
    assert (result.apps.added, result.apps.updated) == (0, 1)
    assert [(a.hour, a.minute, b.hour, b.minute) for a, b, _ in sessions(db)][2:] == [
        (12, 0, 14, 30),
        (16, 0, 16, 10),
    ]


def test_device_is_the_users_choice(db) -> None:  # type: ignore[no-untyped-def]
    aw.import_file(db, PY, device="tablet")
    assert {dev for *_, dev in sessions(db)} == {"tablet"}
    with pytest.raises(UserError, match="device 'watch'"):
        aw.import_file(db, PY, device="watch")


def test_bad_events_are_all_reported_and_nothing_is_written(db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(WellbeingImportFailed) as err:
        aw.import_file(db, DATA / "aw-export-bad-events.json")
    reasons = [str(p) for p in err.value.problems]
    assert reasons == [
        "bucket aw-watcher-afk_lina-thinkpad, event 1: no 'duration' field",
        "bucket aw-watcher-afk_lina-thinkpad, event 2: duration -3 is not a number of seconds >= 0",
        "bucket aw-watcher-afk_lina-thinkpad, event 3: timestamp '2027-03-26T10:00:00' has no zone",
        "bucket aw-watcher-afk_lina-thinkpad, event 4: status 'maybe' is neither afk nor not-afk",
    ]
    assert "nothing imported, 4 bad row(s)" in str(err.value)
    assert sessions(db) == [] and app_rows(db) == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not an ActivityWatch JSON export: line 1"),
        ('{"buckets": {}}', "no buckets found"),
        ("[1, 2]", "no buckets found"),
    ],
)
def test_files_that_are_not_exports_are_named(db, tmp_path, content, message) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.json"
    path.write_text(content)
    with pytest.raises(UserError, match=message):
        aw.import_file(db, path)
    with pytest.raises(UserError, match="cannot read"):
        aw.import_file(db, tmp_path / "missing.json")


def test_an_export_without_the_buckets_wrapper_is_read(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(json.loads(PY.read_text())["buckets"]))
    assert aw.import_file(db, path).screen.added == 3


class _FakeAwServer(BaseHTTPRequestHandler):
    """Answers like aw-server: /api/0/buckets/ and /api/0/buckets/<id>/events."""

    export = json.loads(RUST.read_text())["buckets"]
    seen: typing.ClassVar[list[str]] = []

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        self.seen.append(self.path)
        if parts.path == "/api/0/buckets/":
            body = {k: {key: v for key, v in b.items() if key != "events"} for k, b in self.export.items()}
        elif parts.path.startswith("/api/0/buckets/") and parts.path.endswith("/events"):
            bucket = unquote(parts.path[len("/api/0/buckets/") : -len("/events")])
            body = copy.deepcopy(self.export[bucket]["events"])
        else:
            self.send_error(404)
            return
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


def test_reading_a_running_aw_server(db) -> None:  # type: ignore[no-untyped-def]
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeAwServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        result = aw.import_server(db, url, device="laptop")
    finally:
        server.shutdown()
        server.server_close()
    assert (result.screen.added, result.apps.added) == (3, 4)
    assert any(
        p.startswith("/api/0/buckets/aw-watcher-afk_lina-thinkpad/events?limit=") for p in _FakeAwServer.seen
    )
    assert not any("web-firefox" in p and "events" in p for p in _FakeAwServer.seen)  # only buckets it needs


def test_no_server_answering_is_a_clear_message(db) -> None:  # type: ignore[no-untyped-def]
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(UserError, match=f"no ActivityWatch server answers at http://127.0.0.1:{port}"):
        aw.import_server(db, f"http://127.0.0.1:{port}")
    with pytest.raises(UserError, match="is not an http URL"):
        aw.import_server(db, "ftp://example.org")
