"""Jobs on a worker thread: results and errors come back on the GUI thread; cancel stops at the next report."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject

from nomadcm.ui.worker import Cancelled, start_job


def test_job_runs_off_the_gui_thread_and_reports_back_on_it(qtbot):
    parent = QObject()
    seen: dict[str, object] = {}
    progress: list[tuple[int, int]] = []

    def work(report):  # type: ignore[no-untyped-def]
        seen["worker"] = threading.current_thread()
        for i in range(3):
            report(i + 1, 3)
        return 42

    def done(result: object) -> None:
        seen["result"] = result
        seen["callback"] = threading.current_thread()

    start_job(work, parent, on_progress=lambda d, t: progress.append((d, t)), on_success=done)
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 42
    assert seen["worker"] is not threading.main_thread()
    assert seen["callback"] is threading.main_thread()
    qtbot.waitUntil(lambda: progress == [(1, 3), (2, 3), (3, 3)])


def test_cancel_stops_the_job_at_its_next_report(qtbot):
    parent = QObject()
    started = threading.Event()
    release = threading.Event()
    failures: list[BaseException] = []
    reached: list[int] = []

    def work(report):  # type: ignore[no-untyped-def]
        started.set()
        release.wait(5)
        for i in range(100):
            report(i, 100)
            reached.append(i)
        return "finished"

    job = start_job(
        work, parent, on_failure=failures.append, on_success=lambda r: failures.append(AssertionError(r))
    )
    assert started.wait(5)
    job.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(failures))
    assert isinstance(failures[0], Cancelled)
    assert reached == []
