"""Start-up: paint first, load after.

The window paints before the data stack exists: `nomadcm.app` shows the frame (`ui.show_frame`: the sidebar,
the menus, the toolbar and the shown page's stand-in — Qt and light modules only), waits for its first paint,
and only then imports SQLAlchemy, the models and the services and opens the database, on a thread of its own
(`run_beside_loop`) while the GUI thread's event loop keeps the frame painted and responsive. `ui.run` then
reads the shown page's first rows the same way (its `PageSpec.preload`), builds the page in place of its
frame (the same layout: nothing moves, the rows appear) and the shell around the window.

Work that can wait until the window has painted with its data (the reminders, the tray, the badges) waits
for it: `ui.run()` opens the gate with `begin()` and runs what waited with `finish()` right after; outside a
start-up (tests, a page opened later) `after_first_paint` runs the work at once, so code using it behaves the
same everywhere, only sooner or later. What is slow in it runs on the window's task runner, never on the GUI
thread (bench/bench_startup.py measures the longest stall of the GUI thread after the first paint).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal, SignalInstance, Slot

T = TypeVar("T")

_waiting: list[Callable[[], None]] | None = None  # None: not starting up

# While starting, the GUI thread shares the interpreter with the loading thread (run_beside_loop) and the task
# runner: each call Qt makes into Python (a table's data(), an event filter) waits for the interpreter's lock.
# Handed over every millisecond rather than every five, a repaint that needs a hundred such calls stays short.
# Only while starting: afterwards the threads rarely compete, and each hand-over costs the running thread.
STARTUP_SWITCH_INTERVAL_S = 0.001
_switch_interval_before: float | None = None


def begin() -> None:
    global _waiting, _switch_interval_before
    _waiting = []
    if _switch_interval_before is None:  # begin() may come twice (the frame, then the window)
        _switch_interval_before = sys.getswitchinterval()
        sys.setswitchinterval(STARTUP_SWITCH_INTERVAL_S)


def _end_of_startup() -> None:
    global _switch_interval_before
    if _switch_interval_before is not None:
        sys.setswitchinterval(_switch_interval_before)
        _switch_interval_before = None


def finish() -> None:
    """Runs the work that waited, in order (and stops deferring)."""
    global _waiting
    waiting, _waiting = _waiting or [], None
    _end_of_startup()
    for work in waiting:
        work()


def cancel() -> None:
    """Drops what waited (the window it was for is closing)."""
    global _waiting
    _waiting = None
    _end_of_startup()


def starting() -> bool:
    return _waiting is not None


def after_first_paint(work: Callable[[], None]) -> bool:
    """Runs `work` now (True), or once the window has painted (False) during a start-up."""
    if _waiting is None:
        work()
        return True
    _waiting.append(work)
    return False


class _Waiter(QObject):
    """Lives on the GUI thread and ends its loop there: the loading thread emits `finished`, which Qt queues
    to the GUI thread (the receiver's), so the loop can only be asked to end while it runs."""

    finished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.loop = QEventLoop()
        self.done = threading.Event()
        self.finished.connect(self._end)

    @Slot()
    def _end(self) -> None:
        self.loop.quit()

    def wait(self) -> None:
        while not self.done.is_set():
            self.loop.exec()


def run_beside_loop(work: Callable[[], T], name: str = "nomadcm-start") -> T:
    """`work()` on a thread of its own while the GUI thread runs its event loop (the window keeps painting and
    answering); its result, or its exception raised here.

    The thread belongs to this call: it is joined before the call returns, whatever happens, so it never
    outlives its owner. `work` must create no Qt object (import modules, open the database, read rows). A
    request to end the loop meanwhile (`QApplication.exit`) does not end the wait: the caller decides after.
    """
    outcome: dict[str, Any] = {}
    waiter = _Waiter()

    def target() -> None:
        try:
            outcome["result"] = work()
        except BaseException as err:  # handed to the GUI thread
            outcome["error"] = err
        finally:
            waiter.done.set()
            waiter.finished.emit()

    thread = threading.Thread(target=target, name=name)
    thread.start()
    try:
        waiter.wait()
    finally:
        thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]  # type: ignore[no-any-return]


def wait_for(signal: SignalInstance, timeout_ms: int) -> bool:
    """Runs the event loop until `signal` is emitted (True) or `timeout_ms` passed (False)."""
    loop = QEventLoop()
    fired: list[bool] = []

    def on_signal(*_args: object) -> None:
        fired.append(True)
        loop.quit()

    signal.connect(on_signal)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(timeout_ms)
    try:
        loop.exec()
    finally:
        timer.stop()
        signal.disconnect(on_signal)
    return bool(fired)
