"""Cycles holding Qt objects are collected on the GUI thread only (nomadcm/ui/gui_gc.py).

The crash it prevents: the task runner's worker, allocating while it read posts for an export, ran an
automatic collection that found earlier views' `ScheduleModel`/`PaintGate` cycles and destroyed them there
while the GUI thread's event loop ran (a segmentation fault on the PostgreSQL pass).
"""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QAbstractTableModel

from nomadcm.ui.gui_gc import GuiThreadCollector, collect_due


@pytest.fixture
def automatic_gc() -> Iterator[None]:
    """The interpreter's default, as when the app starts (the test suite itself runs with it off)."""
    gc.enable()
    try:
        yield
    finally:
        gc.disable()


class _CyclicModel(QAbstractTableModel):
    """Like the Schedule's model: a Qt object in a reference cycle with itself."""

    def __init__(self) -> None:
        super().__init__()
        self.me = self

    def rowCount(self, _parent=None) -> int:  # type: ignore[no-untyped-def,override]
        return 0

    def columnCount(self, _parent=None) -> int:  # type: ignore[no-untyped-def,override]
        return 0

    def data(self, _index, _role=0):  # type: ignore[no-untyped-def,override]
        return None


def _allocate_cycles(count: int) -> None:
    for _ in range(count):
        a: list[object] = []
        a.append(a)


def test_a_worker_never_collects_a_qt_object_the_gui_thread_does(qtbot, automatic_gc) -> None:  # type: ignore[no-untyped-def]
    collections: list[int] = []

    def record(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(threading.get_ident())

    freed_on: list[int] = []
    collector = GuiThreadCollector()
    gc.callbacks.append(record)
    try:
        assert not gc.isenabled()
        model = _CyclicModel()
        weakref.finalize(model, lambda: freed_on.append(threading.get_ident()))
        del model
        worker = threading.Thread(target=_allocate_cycles, args=(50_000,))  # far past every threshold
        worker.start()
        worker.join()
        assert worker.ident not in collections, "the worker ran a collection"
        assert freed_on == []
        qtbot.waitUntil(lambda: freed_on != [], timeout=5_000)  # the timer's collection, on this thread
        assert freed_on == [threading.get_ident()]
    finally:
        gc.callbacks.remove(record)
        collector.stop()
    assert gc.isenabled(), "stop() gives the collector back to the interpreter"


def test_without_it_the_worker_would_collect_there(automatic_gc) -> None:
    """The hazard is real: the same allocations on a thread with automatic collection on collect there."""
    freed_on: list[int] = []
    model = _CyclicModel()
    weakref.finalize(model, lambda: freed_on.append(threading.get_ident()))
    del model
    gc.collect()  # the cycle is collected here, on the main thread, before the worker could meet it
    assert freed_on == [threading.get_ident()]
    collections: list[int] = []

    def record(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(threading.get_ident())

    gc.callbacks.append(record)
    try:
        worker = threading.Thread(target=_allocate_cycles, args=(50_000,))
        worker.start()
        worker.join()
    finally:
        gc.callbacks.remove(record)
    assert worker.ident in collections


def test_collect_due_collects_the_oldest_generation_past_its_threshold() -> None:
    gc.collect()
    assert collect_due((700, 10, 10)) is None  # nothing allocated yet
    _allocate_cycles(1_000)
    assert collect_due((700, 10, 10)) == 0
    assert gc.get_count()[0] < 700


def test_the_oldest_generation_waits_for_a_quarter_of_new_long_lived_objects(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """CPython's own guard: a full collection of a large heap (1.4 s in this suite) is not run each time the
    oldest generation's count passes its threshold, only once enough objects reached it."""
    from nomadcm.ui import gui_gc

    monkeypatch.setattr(gui_gc._LongLived, "total", 1_000_000)
    monkeypatch.setattr(gui_gc._LongLived, "pending", 0)
    for _ in range(12):
        gc.collect(1)  # each counts one toward the oldest generation's threshold
    assert gc.get_count()[2] > 10
    kept: list[list[object]] = []
    for _ in range(3):
        kept.append([[] for _ in range(800)])
        assert collect_due((700, 10, 10)) in (0, 1)  # not 2: too few new long-lived objects
    monkeypatch.setattr(gui_gc._LongLived, "pending", 250_000)
    assert collect_due((700, 10, 10)) == 2
    assert gui_gc._LongLived.pending == 0 and gui_gc._LongLived.total > 0


def test_no_collection_while_the_window_starts(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """While the data stack loads beside the painted frame, a collection would scan everything the start-up
    is building, on the GUI thread; it waits for the start-up's end, which freezes those objects
    (nomadcm/startup_gc.py), then collects as before."""
    from nomadcm.ui import gui_gc, startup

    collector = GuiThreadCollector()
    try:
        _allocate_cycles(5_000)
        monkeypatch.setattr(startup, "starting", lambda: True)
        collector.check()
        assert gc.get_count()[0] > 700, "collected while starting"
        monkeypatch.setattr(startup, "starting", lambda: False)
        collector.check()
        assert gc.get_count()[0] < 700
        # A start-up that never ends (a window that never paints) gets its collections after the grace time.
        monkeypatch.setattr(startup, "starting", lambda: True)
        _allocate_cycles(5_000)
        collector._since -= gui_gc.STARTUP_GRACE_S + 1
        collector.check()
        assert gc.get_count()[0] < 700
    finally:
        collector.stop()
