"""The window's task runner: one worker thread, jobs in order, outcomes on the GUI thread, owners that go away."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import text

from nomadcm.errors import UserError
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.tasks import Cancelled, TaskRunner


def test_jobs_run_in_order_on_one_thread(qtbot, task_runner: TaskRunner) -> None:
    owner = QObject()
    ran: list[tuple[int, int]] = []  # (job, thread id) as they ran
    results: list[int] = []

    def job(i: int):  # type: ignore[no-untyped-def]
        def work(_report):  # type: ignore[no-untyped-def]
            time.sleep(0.02 * (3 - i))  # the first is the slowest: a pool would finish it last
            ran.append((i, threading.get_ident()))
            return i

        return work

    for i in range(3):
        task_runner.run(job(i), owner, on_success=results.append)
    assert task_runner.busy()
    qtbot.waitUntil(lambda: len(results) == 3)
    assert [i for i, _t in ran] == [0, 1, 2] and results == [0, 1, 2]
    assert {t for _i, t in ran} == {task_runner.worker_ident}
    assert task_runner.worker_ident != threading.main_thread().ident
    assert not task_runner.busy()


def test_progress_and_outcome_arrive_on_the_gui_thread(qtbot, task_runner: TaskRunner) -> None:
    owner = QObject()
    progress: list[tuple[int, int, bool]] = []
    seen: dict[str, object] = {}

    def work(report):  # type: ignore[no-untyped-def]
        for i in range(3):
            report(i + 1, 3)
        return 42

    def done(result: object) -> None:
        seen["result"] = result
        seen["on_main"] = threading.current_thread() is threading.main_thread()

    task = task_runner.run(
        work,
        owner,
        on_progress=lambda d, t: progress.append(
            (d, t, threading.current_thread() is threading.main_thread())
        ),
        on_success=done,
    )
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen == {"result": 42, "on_main": True} and task.done
    assert progress and progress[-1] == (3, 3, True)  # coalesced: the latest value always arrives
    assert all(on_main for _d, _t, on_main in progress)


def test_failures_come_back_as_the_exception(qtbot, task_runner: TaskRunner) -> None:
    owner = QObject()
    failures: list[BaseException] = []

    def work(_report):  # type: ignore[no-untyped-def]
        raise UserError("the file names no client")

    task_runner.run(work, owner, on_failure=failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    assert isinstance(failures[0], UserError) and str(failures[0]) == "the file names no client"


def test_cancel_stops_at_the_next_report_and_nothing_is_written(qtbot, services, task_runner) -> None:  # type: ignore[no-untyped-def]
    owner = QObject()
    started, release = threading.Event(), threading.Event()
    failures: list[BaseException] = []
    db = services.db

    def work(report):  # type: ignore[no-untyped-def]
        with db.write() as session:
            session.execute(text("INSERT INTO setting (key, value) VALUES ('cancel_probe', '1')"))
            session.flush()
            started.set()
            release.wait(5)
            report(1, 2)  # raises Cancelled: the transaction rolls back
        return "written"

    task = task_runner.run(work, owner, on_failure=failures.append, on_success=lambda r: failures.append(r))
    assert started.wait(5)
    task.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(failures))
    assert isinstance(failures[0], Cancelled)
    with db.session() as session:
        assert session.execute(text("SELECT count(*) FROM setting WHERE key = 'cancel_probe'")).scalar() == 0


def test_a_job_queued_then_cancelled_never_runs(qtbot, task_runner: TaskRunner) -> None:
    owner = QObject()
    release = threading.Event()
    ran: list[str] = []
    outcomes: list[object] = []
    task_runner.run(lambda _r: release.wait(5), owner, on_success=outcomes.append)
    second = task_runner.run(lambda _r: ran.append("second"), owner, on_failure=outcomes.append)
    second.cancel()
    release.set()
    qtbot.waitUntil(lambda: len(outcomes) == 2)
    assert ran == [] and isinstance(outcomes[1], Cancelled)


def test_closing_the_dialog_while_its_job_runs_reports_in_the_status_bar(qtbot, task_runner) -> None:  # type: ignore[no-untyped-def]
    dialog = QDialog()
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    bus = ChangeBus()
    announced: list[object] = []
    bus.changed.connect(announced.append)
    unattended: list[str] = []
    task_runner.finished_unattended.connect(unattended.append)
    started, release = threading.Event(), threading.Event()
    called: list[object] = []

    def work(report):  # type: ignore[no-untyped-def]
        started.set()
        release.wait(5)
        report(120, 120)
        return 120

    task_runner.run(
        work,
        dialog,
        on_progress=lambda d, t: called.append((d, t)),
        on_success=called.append,
        label="Import",
        summary=lambda n: f"Import finished: {n} posts",
        changes=bus,
        areas=("posts",),
    )
    assert started.wait(5)
    dialog.close()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))  # WA_DeleteOnClose: deleted, not just hidden
    release.set()
    qtbot.waitUntil(lambda: bool(unattended))
    assert unattended == ["Import finished: 120 posts"]
    assert called == []  # nothing ran on the deleted dialog
    assert announced == [frozenset({"posts"})]  # the pages still hear of the new rows


def test_an_unattended_failure_says_why(qtbot, task_runner: TaskRunner) -> None:
    owner = QObject()
    unattended: list[str] = []
    task_runner.finished_unattended.connect(unattended.append)
    release = threading.Event()

    def work(_report):  # type: ignore[no-untyped-def]
        release.wait(5)
        raise UserError("line 3: no such client\nline 4: no such channel")

    task_runner.run(work, owner, on_failure=lambda err: pytest.fail("owner is gone"), label="Import of a.csv")
    owner.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(owner))
    release.set()
    qtbot.waitUntil(lambda: bool(unattended))
    assert unattended == ["Import of a.csv: failed — line 3: no such client"]


def test_shutdown_cancels_the_running_job_and_waits_for_it() -> None:
    runner = TaskRunner()
    started = threading.Event()
    finished: list[str] = []

    def work(report):  # type: ignore[no-untyped-def]
        started.set()
        try:
            for i in range(500):
                time.sleep(0.01)
                report(i, 500)
        finally:
            finished.append("left")

    runner.run(work)
    assert started.wait(5)
    assert runner.shutdown()
    assert finished == ["left"]  # the job was over before shutdown returned
    refused = runner.run(lambda _r: pytest.fail("ran after shutdown"))
    assert refused.cancelled and refused.done


def test_shutdown_waits_for_a_job_that_cannot_be_stopped() -> None:
    runner = TaskRunner()
    started = threading.Event()
    finished: list[str] = []

    def work(_report):  # type: ignore[no-untyped-def]
        started.set()
        time.sleep(0.3)  # never reports: cancel cannot stop it
        finished.append("done")

    runner.run(work)
    assert started.wait(5)
    begin = time.monotonic()
    assert runner.shutdown()
    assert finished == ["done"] and time.monotonic() - begin > 0.1


def test_the_window_owns_the_runner_and_export_reports_after_its_dialog_closed(
    qtbot, window, services, paris_client, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()

    def slow_export(_db, path, **_kw):  # type: ignore[no-untyped-def]
        release.wait(5)
        Path(path).write_text("id\n", encoding="utf-8")
        return 7

    monkeypatch.setattr("nomadcm.exchange.csv_native_export.export_csv", slow_export)
    target = tmp_path / "out.csv"
    window.export_action.trigger()
    dialog = window.export_dialog
    dialog.export_to(target)
    assert window.tasks.busy()
    dialog.close()  # allowed while exporting: the export goes on without it
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))
    release.set()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Exported 7 posts"))
    assert str(target) in window.statusBar().currentMessage()
    window.close()
    assert window.tasks._thread is not None and not window.tasks._thread.is_alive()
