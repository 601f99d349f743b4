"""File > Export schedule as CSV…: which posts (client, audience dates), which flavour, then where.

The file is written by `exchange.csv_native_export.export_csv` on the window's task runner (atomically: a failed
export leaves no half file), and the dialog says where it went; closed before the end, the status bar says it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from nomadcm import APP_NAME
from nomadcm.errors import UserError
from nomadcm.file_names import safe_filename
from nomadcm.services.container import Services
from nomadcm.services.schedule.clients import ClientInfo
from nomadcm.services.schedule.query import ScheduleFilter
from nomadcm.services.schedule.stored_rows import SkippedRow
from nomadcm.ui.formatting import fmt_int, plural, pydate, qdate
from nomadcm.ui.plain_text import plain_label
from nomadcm.ui.tasks import Task, TaskRunner, report_unexpected
from nomadcm.ui.widgets.date_inputs import DateInput
from nomadcm.ui.widgets.save_target import checked_save_path

SETTINGS_FOLDER = "export/folder"
SETTINGS_EXCEL = "export/excel"
SKIPPED_SHOWN = 10  # posts left out of an export, named in its message (the rest counted)


def default_folder(settings: QSettings) -> str:
    saved = settings.value(SETTINGS_FOLDER, "")
    if isinstance(saved, str) and saved and Path(saved).is_dir():
        return saved
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return docs if docs and Path(docs).is_dir() else str(Path.home())


class ExportDialog(QDialog):
    exported = Signal(str)  # "Exported N posts to PATH", for the status bar

    def __init__(
        self,
        services: Services,
        tasks: TaskRunner,
        current: ScheduleFilter | None = None,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.tasks = tasks
        self.settings = settings or QSettings(APP_NAME, APP_NAME)
        self.job: Task | None = None
        self.written_to: Path | None = None
        self.setWindowTitle(self.tr("Export schedule as CSV"))
        self.setMinimumWidth(460)
        self._build(services.clients.list_clients())
        if current is not None:
            self._preselect(current)
        self.buttons.accepted.connect(self.choose_file_and_export)
        self.buttons.rejected.connect(self.reject)
        self.from_check.toggled.connect(self.from_edit.setEnabled)
        self.to_check.toggled.connect(self.to_edit.setEnabled)
        self.from_edit.setEnabled(self.from_check.isChecked())
        self.to_edit.setEnabled(self.to_check.isChecked())
        for signal in (
            self.client_combo.currentIndexChanged,
            self.from_check.toggled,
            self.to_check.toggled,
            self.from_edit.dateChanged,
            self.to_edit.dateChanged,
        ):
            signal.connect(self._update_count)
        self._update_count()

    def _build(self, clients: list[ClientInfo]) -> None:
        """The form (client, audience dates, Excel flavour), the count, the error, the progress, the buttons."""
        self.client_combo = QComboBox()
        self.client_combo.addItem(self.tr("All clients"), None)
        for client in clients:
            self.client_combo.addItem(client.name, client.id)
        self.from_check = QCheckBox(self.tr("From"))
        self.from_edit = DateInput(date.today())
        self.to_check = QCheckBox(self.tr("to"))
        self.to_edit = DateInput(date.today() + timedelta(days=30))
        for edit in (self.from_edit, self.to_edit):
            edit.setEnabled(False)
        dates = QHBoxLayout()
        dates.addWidget(self.from_check)
        dates.addWidget(self.from_edit)
        dates.addWidget(self.to_check)
        dates.addWidget(self.to_edit)
        dates.addStretch(1)
        self.excel_check = QCheckBox(self.tr("For Excel in French (semicolons, UTF-8 with BOM)"))
        self.excel_check.setChecked(self.settings.value(SETTINGS_EXCEL, "false") in (True, "true"))
        self.count_label = plain_label()
        self.count_label.setStyleSheet("color: palette(mid);")
        self.error_label = plain_label()
        self.error_label.setStyleSheet("color: #c53030;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()

        form = QFormLayout()
        form.addRow(self.tr("&Client:"), self.client_combo)
        form.addRow(self.tr("Audience dates:"), dates)
        form.addRow("", self.excel_check)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(
            self.tr("Export…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.count_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

    def _preselect(self, current: ScheduleFilter) -> None:
        """Starts from the Schedule's filters: its client and its dates."""
        self.client_combo.setCurrentIndex(max(self.client_combo.findData(current.client_id), 0))
        if current.date_from is not None:
            self.from_check.setChecked(True)
            self.from_edit.setDate(qdate(current.date_from))
        if current.date_to is not None:
            self.to_check.setChecked(True)
            self.to_edit.setDate(qdate(current.date_to))

    def selection(self) -> ScheduleFilter:
        return ScheduleFilter(
            client_id=self.client_combo.currentData(),
            date_from=pydate(self.from_edit.date()) if self.from_check.isChecked() else None,
            date_to=pydate(self.to_edit.date()) if self.to_check.isChecked() else None,
        )

    @Slot()
    def _update_count(self) -> None:
        flt = self.selection()
        if flt.date_from and flt.date_to and flt.date_to < flt.date_from:
            self.count_label.setText(self.tr("The end date is before the start date."))
            self.export_button.setEnabled(False)
            return
        count = self.services.schedule(flt).count()  # rows, as the file will have them
        self.count_label.setText(plural(self.tr("%n post(s) will be exported.", "", count), count))
        self.export_button.setEnabled(True)

    def suggested_name(self) -> str:
        flt = self.selection()
        name = "nomadcm-schedule"
        if flt.client_id is not None:
            client = "".join(ch if ch.isalnum() else "-" for ch in self.client_combo.currentText())
            name += f"-{client.lower()}"
        return safe_filename(f"{name}-{date.today():%Y-%m-%d}", ".csv")

    @Slot()
    def choose_file_and_export(self) -> None:
        start = str(Path(default_folder(self.settings)) / self.suggested_name())
        path, _selected = QFileDialog.getSaveFileName(
            self, self.tr("Export schedule as CSV"), start, self.tr("CSV files (*.csv);;All files (*)")
        )
        if not path:
            return
        if not Path(path).suffix:
            path += ".csv"
        if checked_save_path(self, path, show=self._refused) is None:  # never the database, a folder...
            return
        self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        flt = self.selection()
        client_name = self.client_combo.currentText() if flt.client_id is not None else None
        excel = self.excel_check.isChecked()
        self.settings.setValue(SETTINGS_FOLDER, str(path.parent))
        self.settings.setValue(SETTINGS_EXCEL, "true" if excel else "false")
        db = self.services.db
        skipped: list[SkippedRow] = []  # posts the file cannot hold (services/schedule/stored_rows.py)

        def work(_report) -> int:  # type: ignore[no-untyped-def]
            from nomadcm.exchange.csv_native_export import export_csv

            return export_csv(
                db,
                path,
                date_from=flt.date_from,
                date_to=flt.date_to,
                client=client_name,
                excel=excel,
                skipped=skipped,
            )

        self._set_busy(True)
        self.error_label.hide()
        done_text = self.tr("Exported {count} posts to {path}")  # now: the dialog may be gone by then
        self.job = self.tasks.run(
            work,
            self,
            on_success=lambda count: self._finished(path, int(count), skipped),
            on_failure=self._failed,
            label=self.tr("Export"),
            summary=lambda count: done_text.format(count=fmt_int(int(count)), path=path),
        )

    def _refused(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.export_button.setEnabled(not busy)
        for widget in (self.client_combo, self.from_check, self.to_check, self.excel_check):
            widget.setEnabled(not busy)

    def _finished(self, path: Path, count: int, skipped: Sequence[SkippedRow] = ()) -> None:
        self._set_busy(False)
        self.job = None
        self.written_to = path
        text = self.tr("Exported {count} posts to {path}").format(count=fmt_int(count), path=path)
        self.exported.emit(text)
        icon = QMessageBox.Icon.Warning if skipped else QMessageBox.Icon.Information
        box = QMessageBox(icon, self.tr("Export done"), text, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # a path the person chose
        if skipped:  # left out, not fatal: values an older NomadCM let in
            shown = "\n".join(str(s) for s in skipped[:SKIPPED_SHOWN])
            more = len(skipped) - SKIPPED_SHOWN
            box.setInformativeText(
                plural(
                    self.tr("%n post(s) left out (fix or delete them, then export again):", "", len(skipped)),
                    len(skipped),
                )
                + "\n"
                + shown
                + ("\n" + plural(self.tr("…and %n more", "", more), more) if more > 0 else "")
            )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addButton(QMessageBox.StandardButton.Ok)
        folder_button = box.addButton(self.tr("Show folder"), QMessageBox.ButtonRole.ActionRole)
        folder_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: self.accept())
        self.result_box = box
        box.open()

    def _failed(self, err: BaseException) -> None:
        self._set_busy(False)
        self.job = None
        if isinstance(err, UserError):
            self.error_label.setText(self.tr("Nothing was written: {reason}").format(reason=err))
            self.error_label.show()
            return
        report_unexpected(err)
