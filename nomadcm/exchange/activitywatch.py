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
- The server is read only when asked (`read_server`), over HTTP with urllib, with a clear message when
  nothing answers.

Big exports (a year is about a million events) go in through the raw driver in batches on SQLite
(`activitywatch_store` writes the rows).
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from nomadcm.errors import UserError
from nomadcm.exchange.activitywatch_store import sync_sessions, write_windows
from nomadcm.exchange.wellbeing_io import ImportProblem, ImportSummary, Progress, WellbeingImportFailed
from nomadcm.services.travel.itinerary import load_itinerary
from nomadcm.services.wellbeing import days as d
from nomadcm.services.wellbeing.record_values import check_device
from nomadcm.storage import Database

DEFAULT_SERVER = "http://127.0.0.1:5600"
AFK_TYPE = "afkstatus"
WINDOW_TYPE = "currentwindow"
HTTP_TIMEOUT = 10.0


@dataclass
class AwData:
    """An export, checked and reduced to what NomadCM keeps."""

    layout: str  # "aw-server" or "aw-server-rust"
    events: int = 0
    not_afk: dict[str, list[d.Interval]] = field(default_factory=dict)  # hostname -> events (s)
    windows: list[tuple[str, str, str, str, str]] = field(
        default_factory=list
    )  # bucket, start, end, app, title
    skipped_buckets: list[str] = field(default_factory=list)


@dataclass
class AwImportResult:
    layout: str
    events: int
    screen: ImportSummary
    apps: ImportSummary
    skipped_buckets: list[str]

    def __str__(self) -> str:
        return f"ActivityWatch ({self.layout}, {self.events} events): {self.screen}; {self.apps}"


# --------------------------------------------------------------------------- reading


def load_file(path: Path | str) -> Any:
    path = Path(path)
    try:
        with path.open("rb") as fh:
            return json.load(fh)
    except OSError as err:
        raise UserError(f"cannot read {str(path)!r}: {err.strerror}") from None
    except UnicodeDecodeError:
        raise UserError(f"{str(path)!r} is not UTF-8 JSON text") from None
    except json.JSONDecodeError as err:
        raise UserError(
            f"{str(path)!r} is not an ActivityWatch JSON export: line {err.lineno} column {err.colno}: {err.msg}"
        ) from None


def read_server(
    url: str = DEFAULT_SERVER, since: datetime | None = None, timeout: float = HTTP_TIMEOUT
) -> Any:
    """The afk and window buckets of a running aw-server, in the export layout."""
    base = _server_base(url)
    buckets = _get_json(f"{base}/api/0/buckets/", url, timeout)
    if not isinstance(buckets, dict):
        raise UserError(f"{url} answered, but not like an ActivityWatch server (no bucket list)")
    out: dict[str, Any] = {}
    for bucket_id, meta in buckets.items():
        if not isinstance(meta, dict) or meta.get("type") not in (AFK_TYPE, WINDOW_TYPE):
            continue
        query = {"limit": "1000000000"}
        if since is not None:
            query["start"] = since.astimezone(UTC).isoformat()
        quoted = urllib.parse.quote(str(bucket_id), safe="")
        events = _get_json(
            f"{base}/api/0/buckets/{quoted}/events?{urllib.parse.urlencode(query)}", url, timeout
        )
        out[bucket_id] = {**meta, "events": events}
    return {"buckets": out}


def _server_base(url: str) -> str:
    raw = (url or DEFAULT_SERVER).strip().rstrip("/")
    if "://" not in raw:
        raw = "http://" + raw
    parts = urllib.parse.urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UserError(f"--server {url!r} is not an http URL such as {DEFAULT_SERVER}")
    path = parts.path
    for suffix in ("/api/0", "/api"):
        if path.endswith(suffix):
            path = path[: -len(suffix)]
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", "")).rstrip("/")


def _get_json(full_url: str, shown: str, timeout: float) -> Any:
    request = urllib.request.Request(full_url, headers={"Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            payload = response.read()
    except urllib.error.HTTPError as err:
        raise UserError(
            f"the ActivityWatch server at {shown} answered {err.code} {err.reason} for {full_url}"
        ) from None
    except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise UserError(
            f"no ActivityWatch server answers at {shown} ({reason}); start ActivityWatch, or import its "
            "export file instead"
        ) from None
    try:
        return json.loads(payload)
    except ValueError:
        raise UserError(f"{shown} answered, but not with JSON: is it an ActivityWatch server?") from None


# --------------------------------------------------------------------------- checking


def parse_export(obj: Any, source_name: str, progress: Progress | None = None) -> AwData:
    """Checks every event; WellbeingImportFailed lists the bad ones by bucket and position."""
    buckets = obj.get("buckets") if isinstance(obj, dict) and isinstance(obj.get("buckets"), dict) else obj
    if (
        not isinstance(buckets, dict)
        or not buckets
        or not all(isinstance(b, dict) and ("events" in b or "type" in b) for b in buckets.values())
    ):
        raise UserError(f"{source_name} is not an ActivityWatch export: no buckets found")
    rust = any(
        "metadata" in b
        or "last_updated" in b
        or any(isinstance(e, dict) and "id" in e for e in (b.get("events") or [])[:1])
        for b in buckets.values()
    )
    data = AwData("aw-server-rust" if rust else "aw-server")
    problems: list[ImportProblem] = []
    total = sum(len(b.get("events") or []) for b in buckets.values() if isinstance(b.get("events"), list))
    seen = 0
    for bucket_id, bucket in buckets.items():
        kind = bucket.get("type")
        events = bucket.get("events")
        if kind not in (AFK_TYPE, WINDOW_TYPE):
            data.skipped_buckets.append(str(bucket_id))
            seen += len(events) if isinstance(events, list) else 0
            continue
        if events is None:
            events = []
        if not isinstance(events, list):
            problems.append(ImportProblem(f"bucket {bucket_id}", "its events are not a list"))
            continue
        host = str(bucket.get("hostname") or str(bucket_id).rpartition("_")[2] or bucket_id)
        afk = kind == AFK_TYPE
        intervals = data.not_afk.setdefault(host, []) if afk else None
        windows = data.windows
        fromiso = datetime.fromisoformat
        for i, event in enumerate(events, 1):
            try:
                stamp = event["timestamp"]
                duration = event["duration"]
                payload = event["data"]
                start = fromiso(stamp)
                if start.tzinfo is None:
                    raise ValueError(f"timestamp {stamp!r} has no zone")
                if type(duration) not in (int, float) or not duration >= 0:
                    raise ValueError(f"duration {duration!r} is not a number of seconds >= 0")
                if afk:
                    status = payload["status"]
                    if status == "not-afk":
                        if duration:
                            a = start.timestamp()
                            intervals.append((a, a + duration))  # type: ignore[union-attr]
                    elif status != "afk":
                        raise ValueError(f"status {status!r} is neither afk nor not-afk")
                elif duration:
                    if start.utcoffset():
                        start = start.astimezone(UTC)
                    naive = start.replace(tzinfo=None)
                    windows.append(
                        (
                            bucket_id,
                            naive.isoformat(" ", "microseconds"),
                            (naive + timedelta(seconds=duration)).isoformat(" ", "microseconds"),
                            str(payload.get("app") or "unknown")[:200],
                            str(payload.get("title") or ""),
                        )
                    )
            except (KeyError, TypeError, AttributeError) as err:
                problems.append(ImportProblem(f"bucket {bucket_id}, event {i}", _missing(err)))
            except (ValueError, OverflowError) as err:
                problems.append(ImportProblem(f"bucket {bucket_id}, event {i}", str(err)))
        seen += len(events)
        data.events += len(events)
        if progress:
            progress(seen, total)
    if problems:
        raise WellbeingImportFailed(source_name, problems)
    return data


def _missing(err: BaseException) -> str:
    if isinstance(err, KeyError):
        return f"no {err.args[0]!r} field"
    return "not an event object with timestamp, duration and data"


# --------------------------------------------------------------------------- writing


def import_data(
    db: Database, data: AwData, device: str = "laptop", progress: Progress | None = None
) -> AwImportResult:
    """Writes the screen sessions and app usage of a checked export, all in one transaction."""
    device = check_device(device)
    timeline = d.ZoneTimeline(load_itinerary(db))
    screen = ImportSummary("screen sessions")
    apps = ImportSummary("app usage rows")
    total = len(data.windows) + sum(len(v) for v in data.not_afk.values())
    with db.write_lock, db.engine.begin() as conn:
        for host, events in data.not_afk.items():
            sync_sessions(conn, host, d.union(events), device, timeline, screen)
        if progress:
            progress(total - len(data.windows), total)
        write_windows(conn, data.windows, device, apps, progress, total)
    return AwImportResult(data.layout, data.events, screen, apps, data.skipped_buckets)


def import_file(
    db: Database, path: Path | str, device: str = "laptop", progress: Progress | None = None
) -> AwImportResult:
    check_device(device)
    data = parse_export(load_file(path), repr(str(path)))
    return import_data(db, data, device, progress)


def import_server(
    db: Database,
    url: str = DEFAULT_SERVER,
    device: str = "laptop",
    since: datetime | None = None,
    progress: Progress | None = None,
) -> AwImportResult:
    check_device(device)
    data = parse_export(read_server(url, since), f"ActivityWatch server {url}")
    return import_data(db, data, device, progress)
