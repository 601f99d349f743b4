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
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

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
from nomadcm.exchange.json_stream import JsonStream
from nomadcm.exchange.wellbeing_io import Progress
from nomadcm.services.travel.itinerary import load_itinerary
from nomadcm.services.wellbeing import days as d
from nomadcm.services.wellbeing.record_values import check_device
from nomadcm.storage import Database

__all__ = ["DEADLINE", "DEFAULT_SERVER", "MAX_BYTES", "AwImportResult", "import_file", "import_server"]

from nomadcm.exchange.activitywatch_buckets import EXPORT, TYPES, AwImport, AwImportResult


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
    *,
    shared: Database | None = None,
) -> AwImportResult:
    """Imports an ActivityWatch export (aw-server or aw-server-rust JSON) into `db`: every event, or none.
    `shared`: the database of her itinerary, when `db` is her own file beside a team database."""
    device = check_device(device)
    phone_device = check_device(phone_device)
    path = Path(path)
    source = repr(str(path))
    timeline = d.ZoneTimeline(load_itinerary(shared if shared is not None else db))
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
    shared: Database | None = None,
) -> AwImportResult:
    """Imports the afk, window and unlock buckets of a running aw-server: every event, or none.

    The server must be this computer unless `allow_remote`; the whole import stops after `deadline`
    seconds and refuses more than `max_bytes` of replies (exchange/activitywatch_server.py). `shared` as
    for `import_file`."""
    device = check_device(device)
    phone_device = check_device(phone_device)
    server = parse_server(url, allow_remote)
    session = Session(server, ServerLimits(deadline, max_bytes, allow_remote))
    source = f"ActivityWatch server {server.shown}"
    timeline = d.ZoneTimeline(load_itinerary(shared if shared is not None else db))
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
