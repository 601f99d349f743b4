"""An ActivityWatch import's buckets, one after the other: what each kind of bucket adds (not-afk stretches,
window events, a phone's foreground apps and unlocks), checked event by event, and what the import adds up
to once every bucket is read (`AwImport.finish`). How the buckets arrive — an export file or a running
aw-server, read as a stream — is exchange/activitywatch.py's; the formats are described there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from nomadcm import date_bounds
from nomadcm.exchange.activitywatch_store import WindowWriter, sync_sessions
from nomadcm.exchange.wellbeing_io import ImportSummary, ProblemList
from nomadcm.services.wellbeing import days as d

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
