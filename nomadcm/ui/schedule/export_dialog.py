"""File > Export…: one dialog for every export — the format (NomadCM CSV, CSV for French Excel, Hootsuite,
Sprout Social, Publer, iCalendar), which posts (client, audience dates), for a bulk tool the zone of its
profile and its date style — then where.

Before anything is written it says what the format would write: how many rows, the rows its rules drop and
why (a bulk tool refuses a post in the past, a duplicate, a text over the limit…), the times it rounds, and
how far a repeating post with no end is listed (exchange/export_formats.py; a bulk or ICS preview is read on
the window's task runner). The file is written there too (atomically: a failed export leaves no half file),
and the dialog says where it went; closed before the end, the status bar says it.
"""

from __future__ import annotations

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
from nomadcm.exchange.export_formats import BULK, FORMATS, ExportPlan, ExportRequest, endless_series
from nomadcm.file_names import safe_filename
from nomadcm.services.container import Services
from nomadcm.services.schedule.clients import ClientInfo
from nomadcm.services.schedule.query import ScheduleFilter
from nomadcm.ui.formatting import pydate, qdate
from nomadcm.ui.plain_text import plain_label
from nomadcm.ui.schedule import export_texts
from nomadcm.ui.tasks import Cancelled, Task, TaskRunner, report_unexpected
from nomadcm.ui.widgets.date_inputs import DateInput
from nomadcm.ui.widgets.save_target import checked_save_path
from nomadcm.ui.widgets.zone_picker import ZonePicker

SETTINGS_FOLDER = "export/folder"
SETTINGS_EXCEL = "export/excel"
SETTINGS_FORMAT = "export/format"


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
        self.preview_job: Task | None = None
        self.plan: ExportPlan | None = None  # what the chosen format would write, once known
        self._generation = 0
        self.written_to: Path | None = None
        self.setWindowTitle(self.tr("Export the schedule"))
        self.setMinimumWidth(520)
        self._clients = services.clients.list_clients()
        self._build(self._clients)
        if current is not None:
            self._preselect(current)
        self.buttons.accepted.connect(self.choose_file_and_export)
        self.buttons.rejected.connect(self.reject)
        self.from_check.toggled.connect(self.from_edit.setEnabled)
        self.to_check.toggled.connect(self.to_edit.setEnabled)
        self.from_edit.setEnabled(self.from_check.isChecked())
        self.to_edit.setEnabled(self.to_check.isChecked())
        # The Excel box of the first version of this dialog is the "excel" format now; kept in step.
        self.excel_check.toggled.connect(self._excel_toggled)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.client_combo.currentIndexChanged.connect(self._client_changed)
        for signal in (
            self.format_combo.currentIndexChanged,
            self.client_combo.currentIndexChanged,
            self.from_check.toggled,
            self.to_check.toggled,
            self.from_edit.dateChanged,
            self.to_edit.dateChanged,
            self.zone_picker.zoneChanged,
            self.date_style.currentIndexChanged,
        ):
            signal.connect(self._update_count)
        self._format_changed()
        self._update_count()

    def _build(self, clients: list[ClientInfo]) -> None:
        """The form (format, client, audience dates, a bulk tool's zone and date style), what will be written
        and left out, the error, the progress, the buttons."""
        self.format_combo = QComboBox()
        for fmt, name in export_texts.format_names().items():
            self.format_combo.addItem(name, fmt)
        saved = self.settings.value(SETTINGS_FORMAT, "")
        if saved in FORMATS:
            self.format_combo.setCurrentIndex(self.format_combo.findData(saved))
        elif self.settings.value(SETTINGS_EXCEL, "false") in (True, "true"):
            self.format_combo.setCurrentIndex(self.format_combo.findData("excel"))
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
        self.excel_check.setChecked(self.format_combo.currentData() == "excel")
        self.excel_check.hide()  # the format list says it
        self.zone_picker = ZonePicker()
        self.zone_picker.setToolTip(self.tr("The zone of the tool's profile: times are written on its clock"))
        self.date_style = QComboBox()
        self.date_style.addItem(self.tr("Day first (31/12/2026)"), "dmy")
        self.date_style.addItem(self.tr("Month first (12/31/2026)"), "mdy")
        self.count_label = plain_label()
        self.count_label.setWordWrap(True)
        self.dropped_label = plain_label()  # the rows the format's rules drop, and why
        self.dropped_label.setWordWrap(True)
        self.dropped_label.setStyleSheet("color: #b7791f;")
        self.dropped_label.hide()
        self.endless_label = plain_label()  # how far a series with no end is listed
        self.endless_label.setWordWrap(True)
        self.endless_label.setStyleSheet("color: palette(mid);")
        self.endless_label.hide()
        self.error_label = plain_label()
        self.error_label.setStyleSheet("color: #c53030;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()

        form = QFormLayout()
        form.addRow(self.tr("F&ormat:"), self.format_combo)
        form.addRow(self.tr("&Client:"), self.client_combo)
        form.addRow(self.tr("Audience dates:"), dates)
        form.addRow(self.tr("Times in &zone:"), self.zone_picker)
        form.addRow(self.tr("&Dates written:"), self.date_style)
        self._form = form
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(
            self.tr("Export…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.count_label)
        layout.addWidget(self.dropped_label)
        layout.addWidget(self.endless_label)
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

    def fmt(self) -> str:
        return str(self.format_combo.currentData())

    def request(self) -> ExportRequest:
        """What to export, as the exchange takes it (raises ValidationError for reversed dates)."""
        flt = self.selection()
        bulk = self.fmt() in BULK
        return ExportRequest(
            self.fmt(),
            client_id=flt.client_id,
            client_name=self.client_combo.currentText() if flt.client_id is not None else None,
            date_from=flt.date_from,
            date_to=flt.date_to,
            in_zone=(self.zone_picker.zone() or None) if bulk else None,
            date_style=str(self.date_style.currentData()),
        )

    @Slot()
    def _format_changed(self, *_args: object) -> None:
        fmt = self.fmt()
        self._form.setRowVisible(self.zone_picker, fmt in BULK)
        self._form.setRowVisible(self.date_style, fmt in ("hootsuite", "sprout"))
        if self.excel_check.isChecked() != (fmt == "excel"):
            self.excel_check.setChecked(fmt == "excel")

    @Slot(bool)
    def _excel_toggled(self, checked: bool) -> None:
        if checked and self.fmt() != "excel":
            self.format_combo.setCurrentIndex(self.format_combo.findData("excel"))
        elif not checked and self.fmt() == "excel":
            self.format_combo.setCurrentIndex(self.format_combo.findData("native"))

    @Slot()
    def _client_changed(self, *_args: object) -> None:
        """A bulk tool's profile is usually the client's: its audience zone is offered."""
        client = next((c for c in self._clients if c.id == self.client_combo.currentData()), None)
        if client is not None:
            self.zone_picker.setZone(client.audience_tz)

    @Slot()
    def _update_count(self, *_args: object) -> None:
        """What the chosen format would write and leave out: the native CSV counted now, a bulk file or a
        calendar planned on the task runner (its rules read every post)."""
        self._generation += 1
        self.plan = None
        self.dropped_label.hide()
        try:
            req = self.request()
        except UserError:
            self.count_label.setText(self.tr("The end date is before the start date."))
            self.endless_label.hide()
            self.export_button.setEnabled(False)
            return
        self.export_button.setEnabled(True)
        from nomadcm import timezones

        endless = endless_series(self.services.db, req, timezones.now_utc())
        self.endless_label.setText(export_texts.endless_text(endless))
        self.endless_label.setVisible(bool(endless))
        if req.fmt in ("native", "excel"):
            count = self.services.schedule(self.selection()).count()  # rows, as the file will have them
            self.count_label.setText(export_texts.count_text(req.fmt, count))
            return
        self.count_label.setText(self.tr("Checking what this format takes…"))
        generation, db = self._generation, self.services.db
        from nomadcm.exchange.export_formats import plan_export

        self.preview_job = self.tasks.run(
            lambda _report: plan_export(db, req),
            self,
            on_success=lambda plan: self._planned(generation, plan),
            on_failure=lambda err: self._plan_failed(generation, err),
        )

    def _planned(self, generation: int, plan: ExportPlan) -> None:
        if generation != self._generation:
            return  # the choice changed meanwhile
        self.plan = plan
        self.count_label.setText(export_texts.count_text(plan.request.fmt, plan.count))
        dropped = export_texts.dropped_text(plan)
        self.dropped_label.setText(dropped)
        self.dropped_label.setVisible(bool(dropped))

    def _plan_failed(self, generation: int, err: BaseException) -> None:
        if generation != self._generation or isinstance(err, Cancelled):
            return
        if isinstance(err, UserError):
            self.count_label.setText(str(err))
            self.export_button.setEnabled(False)
        else:
            report_unexpected(err)

    def suggested_name(self) -> str:
        flt = self.selection()
        name = "nomadcm-schedule" if self.fmt() in ("native", "excel") else f"nomadcm-{self.fmt()}"
        if flt.client_id is not None:
            client = "".join(ch if ch.isalnum() else "-" for ch in self.client_combo.currentText())
            name += f"-{client.lower()}"
        return safe_filename(f"{name}-{date.today():%Y-%m-%d}", self.request().suffix)

    @Slot()
    def choose_file_and_export(self) -> None:
        start = str(Path(default_folder(self.settings)) / self.suggested_name())
        suffix = self.request().suffix
        kinds = (
            self.tr("iCalendar files (*.ics);;All files (*)")
            if suffix == ".ics"
            else self.tr("CSV files (*.csv);;All files (*)")
        )
        path, _selected = QFileDialog.getSaveFileName(self, self.tr("Export the schedule"), start, kinds)
        if not path:
            return
        if not Path(path).suffix:
            path += suffix
        if checked_save_path(self, path, show=self._refused) is None:  # never the database, a folder...
            return
        self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        req = self.request()
        self.settings.setValue(SETTINGS_FOLDER, str(path.parent))
        self.settings.setValue(SETTINGS_FORMAT, req.fmt)
        self.settings.setValue(SETTINGS_EXCEL, "true" if req.fmt == "excel" else "false")
        db = self.services.db

        def work(_report) -> ExportPlan:  # type: ignore[no-untyped-def]
            from nomadcm.exchange.export_formats import write_export

            return write_export(db, req, path)

        self._set_busy(True)
        self.error_label.hide()
        self.job = self.tasks.run(
            work,
            self,
            on_success=lambda plan: self._finished(path, plan),
            on_failure=self._failed,
            label=self.tr("Export"),
            summary=lambda plan: export_texts.done_text(plan, path),  # the dialog may be gone by then
        )

    def _refused(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.export_button.setEnabled(not busy)
        for widget in (
            self.format_combo,
            self.client_combo,
            self.from_check,
            self.to_check,
            self.zone_picker,
        ):
            widget.setEnabled(not busy)

    def _finished(self, path: Path, plan: ExportPlan) -> None:
        self._set_busy(False)
        self.job = None
        self.written_to = plan.files[0] if plan.files else path
        text = export_texts.done_text(plan, path)
        self.exported.emit(text)
        left_out = export_texts.dropped_text(plan)
        icon = QMessageBox.Icon.Warning if plan.skipped or plan.dropped else QMessageBox.Icon.Information
        box = QMessageBox(icon, self.tr("Export done"), text, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # a path the person chose
        if left_out:  # left out, not fatal: the format's rules, values an older NomadCM let in
            box.setInformativeText(left_out)
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
