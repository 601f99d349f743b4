"""Builds the sample database behind a progress dialog (on a worker thread), for the wizard and the File menu."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from nomadcm.errors import UserError
from nomadcm.ui.errors import show_user_error
from nomadcm.ui.tasks import TaskRunner, report_unexpected


def build_sample_database(path: Path, language: str = "", parent: QWidget | None = None) -> bool:
    """Creates (or replaces) the sample database at `path`; True when it is ready to open.

    `language` is copied into it, so the sample speaks the language the user just chose.
    """
    from nomadcm.services.desktop.demo import create_demo_database

    def work(report) -> object:  # type: ignore[no-untyped-def]
        return create_demo_database(
            path,
            replace=True,
            progress=report,
            settings={"language": language, "setup_done": True},
        )

    progress = QProgressDialog(
        QCoreApplication.translate("SampleData", "Preparing a month of sample data…"), "", 0, 0, parent
    )
    progress.setWindowTitle(QCoreApplication.translate("SampleData", "Sample data"))
    progress.setCancelButton(None)  # a few seconds; stopping half-way would leave nothing anyway
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(0)
    progress.show()
    loop = QEventLoop()
    outcome: dict[str, object] = {}

    def done(key: str, value: object) -> None:
        outcome[key] = value
        loop.quit()

    def on_progress(step: int, steps: int) -> None:
        progress.setMaximum(steps)
        progress.setValue(step)

    # No window yet (the next one opens on the database built here): a runner for this one job, shut down
    # (the thread ended) before returning.
    tasks = TaskRunner()
    try:
        tasks.run(
            work,
            on_progress=on_progress,
            on_success=lambda summary: done("summary", summary),
            on_failure=lambda err: done("error", err),
        )
        loop.exec()
    finally:
        tasks.shutdown()
    progress.close()
    err = outcome.get("error")
    if isinstance(err, UserError):
        show_user_error(parent, err)
        return False
    if isinstance(err, BaseException):
        report_unexpected(err)
        return False
    return "summary" in outcome
