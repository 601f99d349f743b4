"""How long the GUI thread was busy without coming back to its event loop: the longest gap between two beats
of a fast QTimer, and (optionally) what the GUI thread was running then.

Used by `--measure-stalls` (bench/bench_startup.py: "nothing on the GUI thread for more than 50 ms after the
first paint") and by the GUI tests' start-up watchdog. `where=True` adds a sampling thread that, when the
GUI thread has not beaten for `threshold` seconds, records its Python stack: the report names the function
behind the longest stall. That thread belongs to the watch: `stop()` ends it and waits for it.
"""

from __future__ import annotations

import json
import sys
import threading
import time
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

BEAT_MS = 5


class StallWatch(QObject):
    def __init__(
        self, *, where: bool = False, threshold: float = 0.05, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.longest = 0.0  # seconds: the longest gap between two beats so far
        self.longest_where = ""  # the GUI thread's stack during that gap (with `where`)
        self.gaps_over_threshold = 0
        self.worst: list[tuple[float, str]] = []  # the longest gaps over the threshold, and where (5 kept)
        self.threshold = threshold
        self._last = self._started = 0.0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may beat late by design
        self._timer.setInterval(BEAT_MS)
        self._timer.timeout.connect(self._beat)
        self._where = where
        self._gui_ident = threading.get_ident()
        self._sampled = ""  # the stack seen during the gap in progress
        self._stop = threading.Event()
        self._sampler: threading.Thread | None = None

    def start(self) -> None:
        self._last = self._started = time.perf_counter()
        self._timer.start()
        if self._where and self._sampler is None:
            self._stop.clear()
            self._sampler = threading.Thread(target=self._sample, name="nomadcm-stall-watch", daemon=True)
            self._sampler.start()

    def stop(self) -> None:
        self._timer.stop()
        self._beat()  # a stall in progress counts too
        sampler, self._sampler = self._sampler, None
        if sampler is not None:
            self._stop.set()
            sampler.join()

    def _beat(self) -> None:
        now = time.perf_counter()
        gap = now - self._last
        self._last = now
        # A beat is due every BEAT_MS: only the time beyond it was taken from the loop.
        stalled = max(0.0, gap - BEAT_MS / 1000)
        if stalled > self.threshold:
            self.gaps_over_threshold += 1
            self.worst = sorted([*self.worst, (stalled, self._sampled)], reverse=True)[:5]
        if stalled > self.longest:
            self.longest = stalled
            self.longest_where = self._sampled
        self._sampled = ""

    def _sample(self) -> None:
        """Sampling thread: the GUI thread's innermost frames, once per gap longer than the threshold."""
        while not self._stop.wait(self.threshold / 2):
            if self._sampled or time.perf_counter() - self._last < self.threshold:
                continue
            frames = sys._current_frames()
            frame = frames.get(self._gui_ident)
            if frame is not None:
                stack = traceback.extract_stack(frame, limit=12)
                at = round((time.perf_counter() - self._started) * 1000)
                sampled = f"+{at} ms: " + " <- ".join(_where(f) for f in reversed(stack))
                # What the other threads run meanwhile: a GUI thread in Qt's own code may be waiting for the
                # interpreter's lock one of them holds.
                names = {t.ident: t.name for t in threading.enumerate()}
                others = [
                    f"{names.get(ident, ident)}: {_where(traceback.extract_stack(f, limit=1)[-1])}"
                    for ident, f in frames.items()
                    if ident not in (self._gui_ident, threading.get_ident())
                ]
                self._sampled = sampled + (f" | beside: {'; '.join(others)}" if others else "")

    def report(self) -> dict[str, object]:
        return {
            "longest_stall_ms": round(self.longest * 1000, 1),
            "stalls_over_threshold": self.gaps_over_threshold,
            "threshold_ms": round(self.threshold * 1000),
            "where": self.longest_where,
            "worst": [[round(gap * 1000, 1), where] for gap, where in self.worst],
        }


def _where(f: traceback.FrameSummary) -> str:
    return f"{f.name} ({f.filename.rsplit('/', 2)[-1]}:{f.lineno})"


class StallReport:
    """`nomadcm-gui --measure-stalls SECONDS` (bench/bench_startup.py): a watch started at the frame's first
    paint, ended SECONDS later, when it prints one JSON line on stdout: the longest stall, where it was, and
    when the first page painted with its rows (seconds after the frame's paint)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.watch = StallWatch(where=True)
        self.started = 0.0
        self.marks: dict[str, float] = {}

    def start(self) -> None:
        self.started = time.perf_counter()
        self.watch.start()

    def mark(self, name: str) -> None:
        self.marks[name] = round(time.perf_counter() - self.started, 4)

    def end_after(self, done: Callable[[], None]) -> None:
        """The first page painted with its rows: report when SECONDS have passed since the frame's paint."""
        self.mark("rows_painted_s")
        remaining = max(0.0, self.seconds - (time.perf_counter() - self.started))
        QTimer.singleShot(round(remaining * 1000), lambda: self._end(done))

    def _end(self, done: Callable[[], None]) -> None:
        self.watch.stop()
        print(json.dumps({**self.watch.report(), "watched_s": self.seconds, **self.marks}), flush=True)
        done()
