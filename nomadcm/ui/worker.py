"""Long jobs (imports, exports) on a worker QThread, reporting progress and the outcome by signals.

The job function runs on the worker thread and gets a `report(done, total)` callable; the services open their
own sessions there (the database is thread-safe, one writer at a time). `cancel()` makes the next
`report()` raise `Cancelled`, so an all-or-nothing import rolls back and writes nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

Report = Callable[[int, int], None]


class Cancelled(Exception):
    """The user stopped the job."""


class Job(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    done = Signal()  # after succeeded/failed, whatever happened

    def __init__(self, work: Callable[[Report], Any]) -> None:
        super().__init__()
        self._work = work
        self._cancelled = False
        self.thread: QThread | None = None

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def _report(self, done: int, total: int) -> None:
        if self._cancelled:
            raise Cancelled()
        self.progress.emit(done, total)

    @Slot()
    def run(self) -> None:
        try:
            result = self._work(self._report)
        except BaseException as err:  # handed to the GUI thread, which decides what to show
            self.failed.emit(err)
        else:
            self.succeeded.emit(result)
        finally:
            self.done.emit()


def start_job(
    work: Callable[[Report], Any],
    parent: QObject,
    *,
    on_progress: Callable[[int, int], None] | None = None,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
) -> Job:
    """Starts `work(report)` on a new thread; the callbacks run on the GUI thread."""
    thread = QThread(parent)
    job = Job(work)
    job.thread = thread
    job.moveToThread(thread)
    # Plain callables connected straight to the job would run on the worker thread: go through a
    # QObject living on the GUI thread, so the signals are queued to it.
    relay = _Relay(on_progress, on_success, on_failure, parent)
    relay.job = job  # the job has no Qt parent (it moves to the thread): keep it alive until the end
    job.progress.connect(relay.progress)
    job.succeeded.connect(relay.succeeded)
    job.failed.connect(relay.failed)
    thread.finished.connect(relay.deleteLater)
    thread.started.connect(job.run)
    # quit() is thread-safe: call it from the worker at once, so the thread ends even if the GUI loop is
    # already gone (no "QThread destroyed while running" at exit).
    job.done.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    thread.finished.connect(job.deleteLater)
    thread.finished.connect(thread.deleteLater)
    thread.start()
    return job


class _Relay(QObject):
    def __init__(self, on_progress, on_success, on_failure, parent: QObject) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._on_progress = on_progress
        self._on_success = on_success
        self._on_failure = on_failure
        self.job: Job | None = None

    @Slot(int, int)
    def progress(self, done: int, total: int) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total)

    @Slot(object)
    def succeeded(self, result: object) -> None:
        if self._on_success is not None:
            self._on_success(result)

    @Slot(object)
    def failed(self, err: object) -> None:
        if self._on_failure is not None:
            self._on_failure(err)  # type: ignore[arg-type]


def report_unexpected(err: BaseException) -> None:
    """A bug in a job: to the crash handler, as if it had happened here."""
    sys.excepthook(type(err), err, err.__traceback__)
