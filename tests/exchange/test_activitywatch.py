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
        ("{not json", "is not an ActivityWatch JSON export: not valid JSON"),
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


# --------------------------------------------------------------------------- aw-android (the phone)

# Built from aw-android's bucket and event shapes (sources in tests/data/wellbeing/README.md): an app bucket
# `aw-watcher-android-test` (currentwindow) and `aw-watcher-android-unlock` (os.lockscreen.unlocks, four
# zero-length unlocks), hostname "unknown", in aw-server-rust's export layout.
ANDROID = DATA / "aw-android-export.json"


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def test_aw_android_app_events_are_phone_screen_time(db) -> None:  # type: ignore[no-untyped-def]
    result = aw.import_file(db, ANDROID)
    assert (result.layout, result.android, result.unlocks, result.skipped_buckets) == (
        "aw-server-rust",
        True,
        4,
        [],
    )
    assert (result.screen.added, result.phone_screen.added, result.apps.added) == (0, 4, 6)
    assert "4 phone unlocks" in str(result)
    # the union of the app events: Clock then Chrome back to back, Instagram and Meta Business Suite
    # overlapping 5 minutes (a legacy heartbeat), a zero-length Launcher event left out
    assert sessions(db) == [
        (utc(2027, 3, 26, 6, 30), utc(2027, 3, 26, 6, 50), "phone"),
        (utc(2027, 3, 26, 12, 0), utc(2027, 3, 26, 12, 25), "phone"),
        (utc(2027, 3, 26, 20, 0), utc(2027, 3, 26, 20, 30), "phone"),
        (utc(2027, 3, 27, 2, 45), utc(2027, 3, 27, 3, 15), "phone"),
    ]
    days = build_report(db, date(2027, 3, 26), date(2027, 3, 27)).days
    # Paris (CET): 07:30-07:50 (20) + 13:00-13:25 (25) + 21:00-21:30 (30) + Reddit 03:45-04:15 on the 27th,
    # split at the 04:00 day start (15 for the 26th, 15 for the 27th)
    assert [d.screen_minutes for d in days] == [{"phone": 20 + 25 + 30 + 15}, {"phone": 15}]
    with db.session() as s:
        rows = s.execute(select(AppUsage.app, AppUsage.title, AppUsage.device, AppUsage.source_id)).all()
    assert ("Instagram", "com.instagram.android", "phone") in {r[:3] for r in rows}
    assert all(r.source_id.startswith("aw-android:com.") for r in rows)


def test_aw_android_again_adds_nothing(db) -> None:  # type: ignore[no-untyped-def]
    aw.import_file(db, ANDROID)
    before = sessions(db)
    again = aw.import_file(db, ANDROID)
    summary = again.phone_screen
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, 4)
    assert (again.apps.added, again.apps.updated, again.apps.unchanged) == (0, 0, 6)
    assert sessions(db) == before and app_rows(db) == 6


def test_the_phone_synced_to_the_laptop_meets_what_was_imported(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    aw.import_file(db, ANDROID)
    # later: the laptop's own export, holding the phone's buckets as aw-sync copies them (renamed, with the
    # device's name as hostname, as aw-android names them since 2026), one app event newer
    laptop = json.loads(PY.read_text())
    phone = json.loads(ANDROID.read_text())["buckets"]
    apps = {**phone["aw-watcher-android-test"], "id": "aw-watcher-android-synced-from-pixel_7"}
    apps["hostname"] = "pixel_7"
    gmail = {
        "app": "Gmail",
        "package": "com.google.android.gm",
        "classname": "com.google.android.gm.ConversationListActivityGmail",
    }
    apps["events"] = [{"id": 8, "timestamp": "2027-03-27T08:00:00.000Z", "duration": 600.0, "data": gmail}]
    apps["events"] += phone["aw-watcher-android-test"]["events"]
    laptop["buckets"]["aw-watcher-android-synced-from-pixel_7"] = apps
    unlocks = {**phone["aw-watcher-android-unlock"], "id": "aw-watcher-android-unlock-synced-from-pixel_7"}
    laptop["buckets"][unlocks["id"]] = unlocks
    laptop["buckets"]["aw-watcher-android-unlock"] = phone["aw-watcher-android-unlock"]  # the same, twice
    path = tmp_path / "aw-buckets-export.json"
    path.write_text(json.dumps(laptop))
    result = aw.import_file(db, path)
    assert (result.phone_screen.added, result.phone_screen.updated, result.phone_screen.unchanged) == (
        1,
        0,
        4,
    )
    assert (result.screen.added, result.apps.added, result.apps.unchanged) == (3, 4 + 1, 6)
    assert result.unlocks == 4
    day = build_report(db, date(2027, 3, 26), date(2027, 3, 26)).days[0]
    assert day.screen_minutes == {"laptop": 300, "phone": 90}


def test_the_phone_can_be_a_tablet(db) -> None:  # type: ignore[no-untyped-def]
    aw.import_file(db, ANDROID, phone_device="tablet")
    assert {dev for *_, dev in sessions(db)} == {"tablet"}


# --------------------------------------------------------------------------- read as a stream (issue 12)


@pytest.mark.parametrize("layout", ["events first", "extra top-level field", "bare", "null events"])
def test_the_order_of_fields_does_not_matter(db, tmp_path, layout) -> None:  # type: ignore[no-untyped-def]
    """The export is read as a stream: a bucket whose events come before its type is read again once the
    type is known; fields NomadCM does not read are skipped."""
    doc = json.loads(PY.read_text())
    if layout == "events first":
        doc = {"buckets": {k: {"events": b["events"], **b} for k, b in doc["buckets"].items()}}
    elif layout == "extra top-level field":
        doc = {"version": 1, "info": {"nested": [1, 2]}, **doc}
    elif layout == "bare":
        doc = doc["buckets"]
    else:
        doc["buckets"]["aw-watcher-web-firefox_lina-thinkpad"]["events"] = None
    path = tmp_path / "export.json"
    path.write_text(json.dumps(doc))
    result = aw.import_file(db, path)
    assert (result.screen.added, result.apps.added, result.events) == (3, 4, 13)
    assert result.skipped_buckets == ["aw-watcher-web-firefox_lina-thinkpad"]


def test_every_bad_event_is_counted_but_a_thousand_are_listed(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = [{"timestamp": "2027-03-26T07:00:00+00:00", "duration": -1, "data": {}} for _ in range(1500)]
    doc = {"buckets": {"aw-watcher-afk_x": {"type": "afkstatus", "hostname": "x", "events": bad}}}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(WellbeingImportFailed, match="1500 bad row") as failed:
        aw.import_file(db, path)
    assert len(failed.value.problems) == 1000 and failed.value.total == 1500
    assert sessions(db) == []
