"""ActivityWatch: its JSON export (aw-server in Python and aw-server-rust) or a running local aw-server.

Both servers export `{"buckets": {bucket_id: bucket}}` (GET /api/0/export, or the web UI's "Export all
buckets as JSON"); a bucket has `type`, `hostname`, ... and `events`: `{timestamp, duration (s), data}`.
They differ in details this reader absorbs: the Python server scrubs event ids and writes `+00:00`
timestamps; the Rust server keeps ids, writes `Z`, adds `metadata`/`last_updated`. Older exports are the
bucket dict without the `buckets` wrapper.

- Screen time = the union of `not-afk` events of `afkstatus` buckets (aw-watcher-afk): events overlap
  (heartbeat merging, pulsetime) and are never counted twice. One screen session per stretch, device
  `laptop` unless the user says otherwise, source id `<hostname>@<start>`; a newer export extends or joins
  the stretches already imported instead of adding copies.
- `currentwindow` buckets (aw-watcher-window) become AppUsage rows (the per-app breakdown), source id
  `<bucket>@<start>`; a longer copy of the same event extends it.
- aw-android (the phone app, which embeds aw-server-rust) writes no afk bucket: its `currentwindow` bucket
  (`aw-watcher-android-test`, renamed `aw-watcher-android` in 2026; `...-synced-from-<host>` once synced
  by aw-sync) holds one event per app in the foreground, from the moment it is resumed to the moment it is
  paused, which is when the screen is on and unlocked. Phone screen time is the union of those events
  (aw-android's own screen-time total is their sum), on the `phone` device, source id `aw-android@<start>`
  whatever the bucket's name or hostname, so an export of the phone and a synced copy meet; the events are
  also the phone's AppUsage rows (`aw-android:<package>@<start>`). Its `os.lockscreen.unlocks` bucket
  (`aw-watcher-android-unlock`) holds zero-length heartbeats, one per unlock: counted, not timed (an
  unlock event with a length would count as screen time).
- The server is read only when asked (`import_server`), over HTTP, on this computer unless allowed, within
  a deadline and a size cap (exchange/activitywatch_server.py), with a clear message when nothing answers.

Exports and server replies are read as a stream (exchange/json_stream.py): each event is checked as it
comes, window events are written in batches inside the import's one transaction, and not-afk stretches are
kept merged; memory follows one batch and the stretches, not the size of the export (a year is about a
million events). A bad event is listed by bucket and position and nothing is written: the rest of the file
is still read so that every bad event is listed, and the transaction rolls back.
"""

from __future__ import annotations

import os
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

from nomadcm import date_bounds
from nomadcm.errors import UserError
from nomadcm.exchange.activitywatch_server import (
    DEADLINE,
    DEFAULT_SERVER,
    MAX_BYTES,
    ServerError,
    ServerLimits,
    Session,
    parse_server,
)
from nomadcm.exchange.activitywatch_store import WindowWriter, sync_sessions
from nomadcm.exchange.json_stream import JsonStream
from nomadcm.exchange.wellbeing_io import ImportSummary, ProblemList, Progress
from nomadcm.services.travel.itinerary import load_itinerary
from nomadcm.services.wellbeing import days as d
from nomadcm.services.wellbeing.record_values import check_device
from nomadcm.storage import Database

__all__ = ["DEADLINE", "DEFAULT_SERVER", "MAX_BYTES", "AwImportResult", "import_file", "import_server"]

AFK_TYPE = "afkstatus"
WINDOW_TYPE = "currentwindow"
UNLOCK_TYPE = "os.lockscreen.unlocks"
TYPES = (AFK_TYPE, WINDOW_TYPE, UNLOCK_TYPE)
ANDROID_CLIENT = "aw-android"
ANDROID_BUCKET = "aw-watcher-android"  # the start of every aw-android bucket id
ANDROID_HOST = "aw-android"  # the source id prefix of phone screen sessions
PROGRESS_EVERY = 5000  # events
EXPORT = "an ActivityWatch JSON export"
# Events must lie in the dates NomadCM handles (date_bounds.py), end included.
_FIRST = datetime.combine(date_bounds.EARLIEST, datetime.min.time(), UTC).timestamp()
_AFTER_LAST = datetime.combine(date_bounds.LATEST + timedelta(days=1), datetime.min.time(), UTC).timestamp()

Window = tuple[str, str, str, str, str]  # source key, start, end (naive UTC text), app, title


@dataclass
class AwImportResult:
    layout: str
    events: int
    screen: ImportSummary
    apps: ImportSummary
    skipped_buckets: list[str]
    phone_screen: ImportSummary = field(default_factory=lambda: ImportSummary("phone screen sessions"))
    unlocks: int = 0
    android: bool = False

    def __str__(self) -> str:
        phone = f"; {self.phone_screen}; {self.unlocks} phone unlocks" if self.android else ""
        return f"ActivityWatch ({self.layout}, {self.events} events): {self.screen}{phone}; {self.apps}"


def is_android(bucket_id: str, bucket: Mapping[str, Any]) -> bool:
    """A bucket written by aw-android, the phone app (by its client, its id, or its unlock type)."""
    return (
        bucket.get("client") == ANDROID_CLIENT
        or str(bucket_id).startswith(ANDROID_BUCKET)
        or bucket.get("type") == UNLOCK_TYPE
    )


class _Stretches:
    """Screen-on intervals as they come, merged whenever they pile up: memory follows the stretches (a few
    a day), not the events (thousands a day)."""

    def __init__(self) -> None:
        self.items: list[d.Interval] = []
        self.limit = 50_000

    def add(self, a: float, b: float) -> None:
        self.items.append((a, b))
        if len(self.items) > self.limit:
            self.items = d.union(self.items)
            self.limit = max(50_000, 2 * len(self.items))

    def union(self) -> list[d.Interval]:
        return d.union(self.items)


# --------------------------------------------------------------------------- checking and writing


class AwImport:
    """One import, fed bucket by bucket, event by event, inside one write transaction (`conn`).

    Each event is checked as it comes; window rows are written in batches as long as no event was bad;
    `finish()` refuses the import when one was (WellbeingImportFailed lists them by bucket and position, and
    the caller's transaction rolls back), else writes the screen stretches and says what changed."""

    def __init__(
        self,
        conn: Any,
        source_name: str,
        device: str,
        phone_device: str,
        progress: Callable[[], None] | None = None,
    ) -> None:
        self.conn = conn
        self.source_name = source_name
        self.device = device
        self.phone_device = phone_device
        self.progress = progress
        self.problems = ProblemList()
        self.rust = False
        self.events = 0
        self.android = False
        self.skipped_buckets: list[str] = []
        self.not_afk: dict[str, _Stretches] = {}  # hostname -> not-afk events
        self.phone_use = _Stretches()  # aw-android app events
        # one per app and start: a synced copy of the phone repeats them
        self.phone_windows: dict[tuple[str, str], Window] = {}
        self.unlocks: set[float] = set()  # aw-android's zero-length unlock events (distinct instants)
        self.apps = ImportSummary("app usage rows")
        self.windows = WindowWriter(conn, self.apps)

    def problem(self, position: str, reason: str) -> None:
        self.problems.add(position, reason)
        self.windows.stop()  # nothing more is written: the rest is only checked

    def wants(self, bucket_id: str, meta: Mapping[str, Any]) -> bool:
        """Whether the bucket is one NomadCM reads (afk, window, unlock); the others are listed as skipped."""
        if "metadata" in meta or "last_updated" in meta:
            self.rust = True
        if meta.get("type") in TYPES:
            return True
        self.skipped_buckets.append(bucket_id)
        return False

    def bucket(self, bucket_id: str, meta: Mapping[str, Any], events: Iterable[Any]) -> None:
        """Checks and takes every event of a wanted bucket (reads `events` to the end)."""
        kind = meta.get("type")
        android = is_android(bucket_id, meta)
        self.android = self.android or android
        host = str(meta.get("hostname") or bucket_id.rpartition("_")[2] or bucket_id)
        afk = kind == AFK_TYPE
        unlock = kind == UNLOCK_TYPE
        intervals: _Stretches | None = None
        if android and not afk:
            intervals = self.phone_use
        elif afk:
            intervals = self.not_afk.setdefault(host, _Stretches())
        device = self.phone_device if android else self.device
        fromiso = datetime.fromisoformat
        for i, event in enumerate(events, 1):
            self.events += 1
            if self.progress is not None and self.events % PROGRESS_EVERY == 0:
                self.progress()
            if i == 1 and isinstance(event, dict) and "id" in event:
                self.rust = True
            try:
                stamp = event["timestamp"]
                duration = event["duration"]
                payload = event["data"]
                start = fromiso(stamp)
                if start.tzinfo is None:
                    raise ValueError(f"timestamp {stamp!r} has no zone")
                if type(duration) not in (int, float) or not duration >= 0:
                    raise ValueError(f"duration {duration!r} is not a number of seconds >= 0")
                a = start.timestamp()
                if not a >= _FIRST or not a + duration < _AFTER_LAST:
                    raise ValueError(
                        f"timestamp {stamp!r} + {duration:g} s is outside the dates NomadCM handles "
                        f"({date_bounds.RANGE_TEXT})"
                    )
                if afk:
                    status = payload["status"]
                    if status == "not-afk":
                        if duration:
                            intervals.add(a, a + duration)  # type: ignore[union-attr]
                    elif status != "afk":
                        raise ValueError(f"status {status!r} is neither afk nor not-afk")
                elif unlock:
                    if not isinstance(payload, dict):
                        raise TypeError
                    if duration:
                        intervals.add(a, a + duration)  # type: ignore[union-attr]
                    else:
                        self.unlocks.add(a)
                elif duration:
                    if not isinstance(payload, dict):
                        raise TypeError
                    if start.utcoffset():
                        start = start.astimezone(UTC)
                    naive = start.replace(tzinfo=None)
                    begin = naive.isoformat(" ", "microseconds")
                    end = (naive + timedelta(seconds=duration)).isoformat(" ", "microseconds")
                    app = str(payload.get("app") or "unknown")[:200]
                    title = str(payload.get("title") or "")
                    if not android:
                        self.windows.add((bucket_id, begin, end, app, title), device)
                        continue
                    intervals.add(a, a + duration)  # type: ignore[union-attr]
                    app_key = str(payload.get("package") or payload.get("app") or "unknown")[:200]
                    row = (f"{ANDROID_HOST}:{app_key}", begin, end, app, title or app_key)
                    known = self.phone_windows.get((row[0], begin))
                    if known is None or row[2] > known[2]:
                        self.phone_windows[(row[0], begin)] = row
            except (KeyError, TypeError, AttributeError, IndexError) as err:
                self.problem(f"bucket {bucket_id}, event {i}", _missing(err))
            except (ValueError, OverflowError) as err:
                self.problem(f"bucket {bucket_id}, event {i}", str(err))

    def finish(self, timeline: d.ZoneTimeline) -> AwImportResult:
        """Refuses the import if an event was bad; else writes the screen stretches and the phone's app rows."""
        self.problems.raise_if_any(self.source_name)
        screen = ImportSummary("screen sessions")
        phone = ImportSummary("phone screen sessions")
        for host, stretches in self.not_afk.items():
            sync_sessions(self.conn, host, stretches.union(), self.device, timeline, screen)
        sync_sessions(self.conn, ANDROID_HOST, self.phone_use.union(), self.phone_device, timeline, phone)
        for row in self.phone_windows.values():
            self.windows.add(row, self.phone_device)
        self.windows.close()
        layout = "aw-server-rust" if self.rust else "aw-server"
        return AwImportResult(
            layout,
            self.events,
            screen,
            self.apps,
            self.skipped_buckets,
            phone,
            len(self.unlocks),
            self.android,
        )


def _missing(err: BaseException) -> str:
    if isinstance(err, KeyError):
        return f"no {err.args[0]!r} field"
    return "not an event object with timestamp, duration and data"


def _items(stream: JsonStream) -> Iterator[Any]:
    """Each item of the array whose start was just read, built one at a time."""
    for first in stream.items():
        yield stream.value(first)


# --------------------------------------------------------------------------- an export file

_LATE = object()  # a bucket whose events came before its type: read again once the type is known
_NOT_A_LIST = object()


def import_file(
    db: Database,
    path: Path | str,
    device: str = "laptop",
    progress: Progress | None = None,
    phone_device: str = "phone",
) -> AwImportResult:
    """Imports an ActivityWatch export (aw-server or aw-server-rust JSON): every event, or none."""
    device = check_device(device)
    phone_device = check_device(phone_device)
    path = Path(path)
    source = repr(str(path))
    timeline = d.ZoneTimeline(load_itinerary(db))
    with _open(path) as fh, db.write_connection() as conn:
        size = os.fstat(fh.fileno()).st_size
        stream = JsonStream(fh, source, EXPORT)
        tick = None if progress is None else (lambda: progress(min(stream.position, size), size))
        imp = AwImport(conn, source, device, phone_device, tick)
        late = _read_export(stream, imp)
        if late:  # rare: a bucket listed its events before saying what it is
            with _open(path) as again:
                _read_export(JsonStream(again, source, EXPORT), imp, late)
        result = imp.finish(timeline)
        if progress is not None:
            progress(size, size)
        return result


def _open(path: Path) -> IO[bytes]:
    try:
        return path.open("rb")
    except OSError as err:
        raise UserError(f"cannot read {str(path)!r}: {err.strerror}") from None


def _read_export(
    stream: JsonStream, imp: AwImport, late: dict[str, Mapping[str, Any]] | None = None
) -> dict[str, Mapping[str, Any]]:
    """Walks an export, `{"buckets": {id: bucket}}` or the older bare `{id: bucket}`, feeding `imp`.

    First pass (`late` None): returns the buckets whose events came before their type. Second pass: reads
    only their events, with the bucket's fields found by the first."""
    not_export = UserError(f"{imp.source_name} is not an ActivityWatch export: no buckets found")
    first = stream.next()
    if first[0] != "start_map":
        raise not_export
    found = 0
    wrapped = False
    stray = False  # in "buckets", a value that is no bucket (an object with events or a type)
    stray_top = False  # the same at the top, which only matters without the wrapper
    pending: dict[str, Mapping[str, Any]] = {}
    for key in stream.members():
        event = stream.next()
        if key == "buckets" and event[0] == "start_map" and not wrapped:
            wrapped = True
            for bucket_id in stream.members():
                found += 1
                stray = not _read_bucket(stream, imp, bucket_id, stream.next(), pending, late) or stray
        elif event[0] == "start_map" and not wrapped:  # the older layout, or what comes before "buckets"
            found += 1
            stray_top = not _read_bucket(stream, imp, key, event, pending, late) or stray_top
        else:
            stream.skip(event)
            stray_top = True
    stream.end()
    if not found or stray or (stray_top and not wrapped):
        raise not_export
    return pending


def _read_bucket(
    stream: JsonStream,
    imp: AwImport,
    bucket_id: str,
    first: tuple[str, Any],
    pending: dict[str, Mapping[str, Any]],
    late: dict[str, Mapping[str, Any]] | None,
) -> bool:
    """One bucket object; False when it is no bucket at all."""
    if first[0] != "start_map":
        stream.skip(first)
        return False
    meta: dict[str, Any] = {}
    events: object = None  # what its "events" were: absent (None), read, _LATE or _NOT_A_LIST
    for key in stream.members():
        if key != "events":
            if late is None:
                meta[key] = stream.value()
            else:
                stream.skip()
            continue
        event = stream.next()
        if late is not None:  # second pass: only the buckets left for it
            if bucket_id in late and event[0] == "start_array":
                imp.bucket(bucket_id, late[bucket_id], _items(stream))
            else:
                stream.skip(event)
        elif events is not None:  # "events" twice: the first one counts
            stream.skip(event)
        elif event[0] == "start_array" and "type" in meta:  # the usual order: what it is, then events
            events = "read"
            if imp.wants(bucket_id, meta):
                imp.bucket(bucket_id, meta, _items(stream))
            else:
                stream.skip(event)
        else:  # null, not a list, or a list before the type (read in a second pass)
            events = {"null": "null", "start_array": _LATE}.get(event[0], _NOT_A_LIST)
            stream.skip(event)
    if late is not None:
        return True
    if events is _LATE or events is _NOT_A_LIST:
        if imp.wants(bucket_id, meta):
            if events is _LATE:
                pending[bucket_id] = meta
            else:
                imp.problem(f"bucket {bucket_id}", "its events are not a list")
    elif events != "read" and "type" in meta:
        imp.wants(bucket_id, meta)  # no events (or null): listed as skipped when not wanted
    return events is not None or "type" in meta


# --------------------------------------------------------------------------- a running aw-server


def import_server(
    db: Database,
    url: str = DEFAULT_SERVER,
    device: str = "laptop",
    since: datetime | None = None,
    progress: Progress | None = None,
    phone_device: str = "phone",
    *,
    deadline: float = DEADLINE,
    max_bytes: int = MAX_BYTES,
    allow_remote: bool = False,
) -> AwImportResult:
    """Imports the afk, window and unlock buckets of a running aw-server: every event, or none.

    The server must be this computer unless `allow_remote`; the whole import stops after `deadline`
    seconds and refuses more than `max_bytes` of replies (exchange/activitywatch_server.py)."""
    device = check_device(device)
    phone_device = check_device(phone_device)
    server = parse_server(url, allow_remote)
    session = Session(server, ServerLimits(deadline, max_bytes, allow_remote))
    source = f"ActivityWatch server {server.shown}"
    timeline = d.ZoneTimeline(load_itinerary(db))
    with session.get("/api/0/buckets/") as body:
        stream = JsonStream(body, source)
        buckets = stream.value()
        stream.end()
    if not isinstance(buckets, dict):
        raise ServerError(f"{server.shown} answered, but not like an ActivityWatch server (no bucket list)")
    with db.write_connection() as conn:
        imp = AwImport(conn, source, device, phone_device)
        if progress is not None:
            imp.progress = lambda: progress(imp.events, 0)
        for bucket_id, meta in buckets.items():
            if not isinstance(meta, dict) or meta.get("type") not in TYPES:
                continue
            imp.wants(bucket_id, meta)
            query = {"limit": "1000000000"}
            if since is not None:
                query["start"] = since.astimezone(UTC).isoformat()
            quoted = urllib.parse.quote(bucket_id, safe="")
            with session.get(f"/api/0/buckets/{quoted}/events?{urllib.parse.urlencode(query)}") as body:
                stream = JsonStream(body, source)
                first = stream.next()
                if first[0] == "start_array":
                    imp.bucket(bucket_id, meta, _items(stream))
                else:
                    stream.skip(first)
                    imp.problem(f"bucket {bucket_id}", "its events are not a list")
                stream.end()
        return imp.finish(timeline)
