"""One task runner for the window: long jobs (imports, exports, checks) on ONE worker thread, in order.

Modelled on Anki's `mw.taskman` (`run_in_background(task, on_done)`): the main window creates one
`TaskRunner` and hands it to the pages and dialogs that need it; they call

    tasks.run(work, owner, on_progress=..., on_success=..., on_failure=..., label=..., summary=...)

`work(report)` runs on the worker thread (the services open their own sessions there; the database lets one
writer in at a time) and may call `report(done, total)`; `task.cancel()` makes the next `report()` raise
`Cancelled`, so an all-or-nothing import rolls back and writes nothing. Jobs run one after the other.

Every callback runs on the GUI thread, and only while `owner` (the dialog or page that asked) is alive. When
the owner was closed and deleted meanwhile, the outcome goes to `finished_unattended` ("Import finished: 120
posts", or why it failed), which the window shows in its status bar. A job that changes data names its
`areas`; they are announced on the given change bus on success, whether its owner is still there or not.

The thread is a plain Python thread, not a QObject: no Qt parent can destroy it while it runs (what crashed
the GUI tests when a dialog owned a QThread). `shutdown()` cancels what is queued or running and waits for
the thread to end; the window calls it when it closes, the test fixtures at teardown.
"""

from __future__ import annotations

import logging
import queue
import sys
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

from nomadcm.errors import UserError

if TYPE_CHECKING:
    from nomadcm.ui.changes import ChangeBus

log = logging.getLogger(__name__)

Report = Callable[[int, int], None]
Work = Callable[[Report], Any]

_PROGRESS, _SUCCEEDED, _FAILED = "progress", "succeeded", "failed"


class Cancelled(Exception):
    """The user (or the window closing) stopped the job."""


class Task:
    """One job handed to the runner. `cancel()` is safe from any thread."""

    def __init__(
        self,
        work: Work,
        owner: QObject | None,
        *,
        on_progress: Callable[[int, int], None] | None,
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[BaseException], None] | None,
        on_done: Callable[[Any], Any] | None,
        label: str,
        summary: Callable[[Any], str] | None,
        changes: ChangeBus | None,
        areas: frozenset[str],
    ) -> None:
        self.work = work
        self.owner = owner
        self.on_progress = on_progress
        self.on_success = on_success
        self.on_failure = on_failure
        self.on_done = on_done
        self.label = label
        self.summary = summary
        self.changes = changes
        self.areas = areas
        self.done = False  # set on the GUI thread once the outcome was delivered
        self._cancelled = False
        self._latest: tuple[int, int] = (0, 0)
        self._progress_queued = False
        self._mailbox: _Mailbox | None = None

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def owner_alive(self) -> bool:
        """True when there is no owner, or it still exists: a QPointer-like check (the Python wrapper of a
        deleted QObject stays, invalid). No connection to `destroyed`: a page running a check on every
        change would collect one per job."""
        return self.owner is None or shiboken6.isValid(self.owner)

    def report(self, done: int, total: int) -> None:
        """Called by the job on the worker thread. Progress is coalesced: when the GUI has not yet shown the
        previous value, only the latest is kept (an import reporting every row does not flood the loop)."""
        if self._cancelled:
            raise Cancelled()
        self._latest = (done, total)
        if not self._progress_queued and self._mailbox is not None:
            self._progress_queued = True
            self._mailbox.deliver.emit(self, _PROGRESS, None)

    def _take_progress(self) -> tuple[int, int]:
        self._progress_queued = False  # before reading: a newer report after this emits again
        return self._latest


class _Mailbox(QObject):
    """Lives on the GUI thread with no Qt parent; the worker emits on it, the runner receives (queued)."""

    deliver = Signal(object, str, object)  # task, kind, result or exception


class TaskRunner(QObject):
    """Runs jobs one at a time on one worker thread; see the module docstring."""

    finished_unattended = Signal(str)  # a job ended after its owner was gone: what to tell in the status bar

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._mailbox = _Mailbox()
        self._mailbox.deliver.connect(self._delivered, Qt.ConnectionType.QueuedConnection)
        self._queue: queue.SimpleQueue[Task | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._open: list[Task] = []  # queued or running, or finished but not yet delivered
        self._closed = False

    # ------------------------------------------------------------------ the GUI side

    def run(
        self,
        work: Work,
        owner: QObject | None = None,
        *,
        on_progress: Callable[[int, int], None] | None = None,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_done: Callable[[Any], Any] | None = None,
        label: str = "",
        summary: Callable[[Any], str] | None = None,
        changes: ChangeBus | None = None,
        areas: Iterable[str] = (),
    ) -> Task:
        """Queues `work(report)`; the callbacks run on the GUI thread while `owner` lives.

        `label` names the job in the status bar when it ends unattended ("" = say nothing); `summary(result)`
        is the text for a success then. `areas` are announced on `changes` after a success. `on_done(result)`
        runs on a success whether `owner` lives or not (the operation runner pushes the undo command there);
        what it returns is the result `on_success` and `summary` receive.
        """
        task = Task(
            work,
            owner,
            on_progress=on_progress,
            on_success=on_success,
            on_failure=on_failure,
            on_done=on_done,
            label=label,
            summary=summary,
            changes=changes,
            areas=frozenset(areas),
        )
        if self._closed:  # the window is closing: nothing new starts, nobody waits for it
            log.debug("task refused after shutdown: %s", label or work)
            task.cancel()
            task.done = True
            return task
        task._mailbox = self._mailbox
        self._open.append(task)
        if self._thread is None:
            self._thread = threading.Thread(
                target=_worker_loop, args=(self._queue, self._mailbox), name="nomadcm-tasks", daemon=True
            )
            self._thread.start()
        self._queue.put(task)
        return task

    @property
    def worker_ident(self) -> int | None:
        """The worker thread's id once started (tests check that every job ran on it)."""
        return self._thread.ident if self._thread is not None else None

    def busy(self) -> bool:
        """A job is queued, running, or its outcome is not yet delivered."""
        return bool(self._open)

    def cancel_all(self) -> None:
        for task in self._open:
            task.cancel()

    def shutdown(self, timeout: float | None = None) -> bool:
        """Cancels every job and waits for the worker thread to end (it never dies running).

        Refuses new jobs afterwards. True when the thread ended (always, without a timeout)."""
        self._closed = True
        self.cancel_all()
        thread = self._thread
        if thread is None:
            return True
        if thread.is_alive():
            self._queue.put(None)
            thread.join(timeout)
        return not thread.is_alive()

    @Slot(object, str, object)
    def _delivered(self, task: Task, kind: str, payload: object) -> None:
        if kind == _PROGRESS:
            done, total = task._take_progress()
            if task.on_progress is not None and not task.done and task.owner_alive():
                task.on_progress(done, total)
            return
        task.done = True
        if task in self._open:
            self._open.remove(task)
        if kind == _SUCCEEDED:
            if task.on_done is not None:
                payload = task.on_done(payload)
            if task.areas and task.changes is not None and shiboken6.isValid(task.changes):
                task.changes.notify(task.areas)
            if not task.owner_alive():
                self._unattended(task, self._success_text(task, payload))
            elif task.on_success is not None:
                task.on_success(payload)
            return
        err = payload if isinstance(payload, BaseException) else RuntimeError(str(payload))
        if not task.owner_alive():
            self._unattended(task, self._failure_text(task, err))
        elif task.on_failure is not None:
            task.on_failure(err)
        elif not isinstance(err, Cancelled | UserError):
            report_unexpected(err)

    def _unattended(self, task: Task, text: str) -> None:
        if text:
            self.finished_unattended.emit(text)

    def _success_text(self, task: Task, result: object) -> str:
        if task.summary is not None:
            return task.summary(result)
        if not task.label:
            return ""
        return self.tr("{task}: finished.").format(task=task.label)

    def _failure_text(self, task: Task, err: BaseException) -> str:
        if isinstance(err, Cancelled):
            return (
                self.tr("{task}: cancelled, nothing was written.").format(task=task.label)
                if task.label
                else ""
            )
        if isinstance(err, UserError):
            reason = str(err).splitlines()[0] if str(err) else ""
            return (
                self.tr("{task}: failed — {reason}").format(task=task.label, reason=reason)
                if task.label
                else ""
            )
        report_unexpected(err)
        return (
            self.tr("{task}: stopped on an unexpected error.").format(task=task.label) if task.label else ""
        )


def _worker_loop(jobs: queue.SimpleQueue[Task | None], mailbox: _Mailbox) -> None:
    """The worker thread: one job after the other until `None` (shutdown). It holds no Qt object but the
    mailbox, which has no parent: the runner may go with its window, the mailbox stays valid."""
    while True:
        task = jobs.get()
        if task is None:
            return
        if task.cancelled:
            mailbox.deliver.emit(task, _FAILED, Cancelled())
            continue
        try:
            result = task.work(task.report)
        except BaseException as err:  # handed to the GUI thread, which decides what to show
            mailbox.deliver.emit(task, _FAILED, err)
        else:
            mailbox.deliver.emit(task, _SUCCEEDED, result)


def report_unexpected(err: BaseException) -> None:
    """A bug in a job: to the crash handler, as if it had happened here."""
    sys.excepthook(type(err), err, err.__traceback__)
