"""Wellbeing imports from the GUI: ActivityWatch (file or local server), Sleep as Android, generic CSV.

Each runs on the window's task runner (ui.tasks) with a progress bar; nothing is written unless the whole file is
good, and the dialog then lists every bad row by position. Cancel stops the job and writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from nomadcm.errors import UserError
from nomadcm.exchange.wellbeing_io import WellbeingImportFailed, import_op
from nomadcm.services.container import Services
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.operations import OpRunner
from nomadcm.ui.plain_text import plain_label
from nomadcm.ui.tasks import Cancelled, Task, TaskRunner, report_unexpected

Work = Callable[[Callable[[int, int], None]], Any]


def activitywatch_file_job(services: Services, path: Path, device: str) -> Work:
    def work(report: Callable[[int, int], None]) -> Any:
        from nomadcm.exchange import activitywatch

        db = services.personal_db  # her own file on a team database (services/wellbeing/personal_file.py)
        return import_op(
            db, lambda: activitywatch.import_file(db, path, device, report, shared=services.db), path.name
        )

    return work


def activitywatch_server_job(services: Services, url: str, device: str) -> Work:
    def work(report: Callable[[int, int], None]) -> Any:
        from nomadcm.exchange import activitywatch
        from nomadcm.exchange.activitywatch_server import shown_url

        db = services.personal_db
        return import_op(  # this computer only, within the deadline and size cap (activitywatch_server.py)
            db,
            lambda: activitywatch.import_server(db, url, device, progress=report, shared=services.db),
            shown_url(url),
        )

    return work


def sleep_android_job(services: Services, path: Path) -> Work:
    def work(report: Callable[[int, int], None]) -> Any:
        from nomadcm.exchange import sleep_android

        db = services.personal_db
        return import_op(db, lambda: sleep_android.import_file(db, path, report), path.name)

    return work


def csv_job(services: Services, path: Path) -> Work:
    def work(report: Callable[[int, int], None]) -> Any:
        from nomadcm.exchange import rest_csv

        db = services.personal_db
        return import_op(db, lambda: rest_csv.import_file(db, path, report, shared=services.db), path.name)

    return work


class WellbeingImportDialog(QDialog):
    """Progress, then what was imported, or every bad row (nothing imported)."""

    def __init__(
        self,
        title: str,
        work: Work,
        changes: ChangeBus,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        ops: OpRunner | None = None,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.changes = changes
        self.tasks = tasks
        # The job returns a Change: the runner makes the import one undoable step on `undo_stack`.
        self.ops = ops or OpRunner(changes, tasks)
        self.undo_stack = undo_stack
        self.work = work
        self.job: Task | None = None
        self.outcome = ""  # "imported", "failed", "cancelled", "error"
        self.result: Any = None
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.title = plain_label(self.tr("Importing…"))
        self.title.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.message = plain_label()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.cancel_or_close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)

    def start(self) -> None:
        label = self.windowTitle()
        done_text = self.tr("{task}: {summary}")  # now: the dialog may be gone when the job ends
        self.job = self.ops.run_in_background(
            self.work,
            self,
            stack=self.undo_stack,
            on_progress=self._progress,
            on_success=self._done,
            on_failure=self._failed,
            label=label,
            summary=lambda result: done_text.format(task=label, summary=result),
        )

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * done / total))

    def _finish(self) -> None:
        self.job = None
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

    def _done(self, result: Any) -> None:
        self.outcome = "imported"
        self.result = result
        self._finish()
        self.title.setText(self.tr("Imported."))
        self.message.setText(str(result))

    def _failed(self, err: BaseException) -> None:
        self._finish()
        if isinstance(err, Cancelled):
            self.outcome = "cancelled"
            self.title.setText(self.tr("Cancelled: nothing was imported."))
            return
        if isinstance(err, WellbeingImportFailed):
            self.outcome = "failed"
            self.title.setText(
                self.tr("Nothing was imported: %n row(s) need fixing first.", "", len(err.problems))
            )
            self.problems.setPlainText("\n".join(str(p) for p in err.problems))
            self.problems.show()
            return
        if isinstance(err, UserError):
            self.outcome = "failed"
            self.title.setText(self.tr("Nothing was imported."))
            self.message.setText(str(err))
            return
        self.outcome = "error"
        self.title.setText(self.tr("The import stopped on an unexpected error; nothing was imported."))
        report_unexpected(err)

    def cancel_or_close(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.title.setText(self.tr("Cancelling…"))
        else:
            self.reject()
