"""Python's cycle collector runs on the GUI thread only, while the GUI runs.

CPython's cyclic garbage collector runs on whichever thread allocates when a generation's count passes its
threshold. A cycle that holds a Qt wrapper — a table model whose slots are its own bound methods, a dialog
with a lambda on itself — can therefore be collected on the task runner's worker (or the start-up thread, or
a team database's listener), and its C++ object destroyed there while the GUI thread's event loop is using
it: a native crash, at random. Measured: the worker's collections found `ScheduleModel`/`PaintGate` cycles
of earlier views, and the PostgreSQL test pass died with a segmentation fault in the GUI thread's event loop
while the worker read posts for an export.

The well-known cure (the "GarbageCollector" of PyQt applications, Anki's `aqt` has one too): automatic
collection is switched off while the GUI runs, and a timer on the GUI thread collects by generation with the
interpreter's own thresholds, so the same garbage goes at about the same pace, on the one thread that may
destroy Qt objects. Reference counting, which frees almost everything, is untouched.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer, Slot

from nomadcm import startup_gc
from nomadcm.ui import startup

INTERVAL_MS = 500  # how often the counts are looked at; a look costs a microsecond
STARTUP_GRACE_S = 30.0  # no collection while the window starts, for this long at most


class _LongLived:
    """CPython's guard against quadratic full collections (gcmodule.c): the oldest generation is collected
    only once the objects that reached it since the last full collection are a quarter of those it held
    then. Without it a full collection of a large heap (1.4 s in the test suite) ran every tenth time."""

    total = 0  # objects in the oldest generation after the last full collection
    pending = 0  # objects moved into it since


def collect_due(threshold: tuple[int, int, int]) -> int | None:
    """Collects the oldest generation whose count passed its threshold, as the interpreter would, on the
    calling thread (the GUI thread). Returns the generation collected, or None."""
    counts = gc.get_count()
    generation = None
    for gen in (2, 1, 0):
        if not threshold[gen] or counts[gen] <= threshold[gen]:
            continue
        if gen == 2 and _LongLived.pending < _LongLived.total // 4:
            continue
        generation = gen
        break
    if generation is None:
        return None
    if generation == 2:
        gc.collect(2)
        _LongLived.total, _LongLived.pending = len(gc.get_objects(2)), 0
    elif generation == 1:  # the survivors of both young generations move to the oldest
        young = len(gc.get_objects(0)) + len(gc.get_objects(1))
        _LongLived.pending += max(young - gc.collect(1), 0)
    else:
        gc.collect(0)
    return generation


class GuiThreadCollector(QObject):
    """Created on the GUI thread once the application exists; `stop()` gives the collector back to the
    interpreter (the window closed, no worker runs any more)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self._was_enabled = startup_gc.handed_over()  # running before the start-up paused it
        self._since = time.monotonic()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    @Slot()
    def check(self) -> None:
        # What the start-up builds is frozen at its end (startup_gc.settle): a collection meanwhile would scan
        # it all, on the GUI thread (measured: a 60-80 ms stall). A start-up that never ends (a window that
        # never paints, minimised at once) still gets its collections after STARTUP_GRACE_S.
        if startup.starting() and time.monotonic() - self._since < STARTUP_GRACE_S:
            return
        collect_due(self.threshold)

    def stop(self) -> None:
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
