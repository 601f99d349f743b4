"""File > Import schedule from CSV…: runs off the GUI thread with a progress bar; all rows or none.

When a row is bad nothing is imported and the dialog lists every bad row by line number (the header is
line 1) and reason, ready to copy. Cancel stops the job and nothing is written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nomadcm import APP_NAME
from nomadcm.errors import UserError
from nomadcm.services.container import Services
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.formatting import plural
from nomadcm.ui.operations import OpRunner
from nomadcm.ui.plain_text import plain_label
from nomadcm.ui.tasks import Cancelled, Task, TaskRunner, report_unexpected

SETTINGS_FOLDER = "import/folder"


def start_import(
    services: Services,
    changes: ChangeBus,
    tasks: TaskRunner,
    parent: QWidget,
    settings: QSettings | None = None,
    ops: OpRunner | None = None,
) -> ImportDialog | None:
    """Asks for a file, then imports it in an ImportDialog (returned, already running)."""
    settings = settings or QSettings(APP_NAME, APP_NAME)
    from nomadcm.ui.schedule.export_dialog import default_folder

    start = str(settings.value(SETTINGS_FOLDER, "") or default_folder(settings))
    path, _selected = QFileDialog.getOpenFileName(
        parent,
        QGuiApplication.translate("ImportDialog", "Import schedule from CSV"),
        start,
        QGuiApplication.translate("ImportDialog", "CSV files (*.csv *.txt);;All files (*)"),
    )
    if not path:
        return None
    settings.setValue(SETTINGS_FOLDER, str(Path(path).parent))
    dialog = ImportDialog(services, changes, tasks, Path(path), parent, ops=ops)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.start()
    return dialog


def finished_text(result: object, name: str) -> str:
    """For the status bar when the import ends after its dialog was closed (no `self.tr` then)."""
    count = int(getattr(result, "imported", 0))
    return plural(
        QGuiApplication.translate("ImportDialog", "Import finished: %n post(s) from {name}.", "", count),
        count,
    ).format(name=name)


class ImportDialog(QDialog):
    def __init__(
        self,
        services: Services,
        changes: ChangeBus,
        tasks: TaskRunner,
        path: Path,
        parent: QWidget | None = None,
        *,
        ops: OpRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.changes = changes
        self.tasks = tasks
        # The import is one undoable step (Ctrl+Z deletes what it added); no parent: it outlives the dialog.
        self.ops = ops or OpRunner(changes, tasks)
        self.path = path
        self.job: Task | None = None
        self.outcome = ""  # "imported", "failed", "cancelled", "error" once finished
        self.setWindowTitle(self.tr("Import schedule from CSV"))
        self.setMinimumWidth(520)

        self.title = plain_label(self.tr("Importing {name}…").format(name=path.name))
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: 600;")
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.message = plain_label()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.report.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.copy_button = QPushButton(self.tr("Copy report"))
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.report.toPlainText())
        )
        self.copy_button.hide()
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.buttons)

    def start(self) -> None:
        db, path = self.services.db, self.path

        def work(report):  # type: ignore[no-untyped-def]
            from nomadcm.exchange.csv_native_import import import_csv_op

            return import_csv_op(db, path, progress=report)

        self.job = self.ops.run_in_background(
            work,
            self,
            on_progress=self._on_progress,
            on_success=self._on_success,
            on_failure=self._on_failure,
            label=self.tr("Import of {name}").format(name=path.name),
            summary=lambda result: finished_text(result, path.name),
        )

    def running(self) -> bool:
        return self.job is not None

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _finish(self, outcome: str, title: str, message: str) -> None:
        self.job = None
        self.outcome = outcome
        self.progress.hide()
        self.title.setText(title)
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.copy_button.setVisible(self.report.isVisible())

    def _on_success(self, result: object) -> None:
        imported = int(getattr(result, "imported", 0))
        created = list(getattr(result, "channels_created", []))
        message = ""
        if created:
            message = self.tr("New channels were added: {channels}").format(channels=", ".join(created))
        self._finish(
            "imported",
            plural(self.tr("Imported %n post(s) from {name}.", "", imported), imported).format(
                name=self.path.name
            ),
            message,
        )

    def _on_failure(self, err: BaseException) -> None:
        if isinstance(err, Cancelled):
            self._finish("cancelled", self.tr("Import cancelled."), self.tr("Nothing was imported."))
            return
        errors = getattr(err, "errors", None)
        if errors:
            self.report.setPlainText(
                "\n".join(
                    self.tr("line {line}: {reason}").format(line=e.line, reason=e.message) for e in errors
                )
            )
            self.report.show()
            count = len(errors)
            self._finish(
                "failed",
                self.tr("Nothing was imported from {name}.").format(name=self.path.name),
                plural(
                    QCoreApplication.translate(
                        "ImportDialog",
                        "%n row(s) have problems (the header is line 1). Fix them in the file and import it again.",
                        "",
                        count,
                    ),
                    count,
                ),
            )
            return
        if isinstance(err, UserError):
            self._finish(
                "failed", self.tr("Nothing was imported from {name}.").format(name=self.path.name), str(err)
            )
            return
        self._finish(
            "error", self.tr("The import stopped on an unexpected error."), self.tr("Nothing was imported.")
        )
        report_unexpected(err)

    def reject(self) -> None:
        if self.job is not None:
            self.job.cancel()  # the job stops at its next progress report; _on_failure then says so
            self.title.setText(self.tr("Cancelling…"))
            return
        super().reject()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self.job is not None:
            self.reject()
            event.ignore()
            return
        super().closeEvent(event)
