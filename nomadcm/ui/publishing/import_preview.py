"""Import a native or bulk-scheduler CSV with a preview: every row and its problem shown before any write.

The file is read and checked on a worker thread (exchange/bulk_import.py `preview_import`); the rows appear
in a table (model/view), bad ones in red with the reason; "Import" stays disabled until every row is good,
and then writes all rows or none (on the worker thread too).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nomadcm.errors import UserError
from nomadcm.exchange.bulk_import import ImportPreview, PreviewRow, commit_import_op, preview_import
from nomadcm.services.container import Services
from nomadcm.services.schedule.clients import ChannelInfo
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.formatting import fmt_date, fmt_int, fmt_time, plural
from nomadcm.ui.operations import OpRunner
from nomadcm.ui.tasks import Task, TaskRunner, report_unexpected
from nomadcm.ui.widgets.table_model import RowsTableModel
from nomadcm.ui.widgets.zone_picker import ZonePicker

FORMATS = ("native", "hootsuite", "sprout", "publer")


class PreviewModel(RowsTableModel[PreviewRow]):
    LINE, WHEN, ZONE, CLIENT, CHANNEL, TEXT, PROBLEM = range(7)
    COLUMN_COUNT = 7

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("Line"),
            self.tr("When"),
            self.tr("Zone"),
            self.tr("Client"),
            self.tr("Channel"),
            self.tr("Text"),
            self.tr("Problem"),
        )

    def _data(self, r: PreviewRow, col: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == self.LINE:
                return fmt_int(r.line)
            if col == self.WHEN:
                return f"{fmt_date(r.wall)} {fmt_time(r.wall)}" if r.wall else ""
            if col == self.ZONE:
                return r.zone
            if col == self.CLIENT:
                return r.client
            if col == self.CHANNEL:
                return r.channel
            if col == self.TEXT:
                first = next((line for line in r.text.splitlines() if line.strip()), "")
                return first if role == Qt.ItemDataRole.DisplayRole else r.text
            if col == self.PROBLEM:
                return r.error or ""
        if role == Qt.ItemDataRole.ForegroundRole and r.error:
            return QColor("#c53030")
        return None


def finished_text(count: int) -> str:
    """For the status bar when the import ends after its dialog was closed (no `self.tr` then)."""
    return plural(
        QCoreApplication.translate("ImportPreviewDialog", "Import finished: %n post(s).", "", count), count
    )


class ImportPreviewDialog(QDialog):
    def __init__(
        self,
        services: Services,
        changes: ChangeBus,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        ops: OpRunner | None = None,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.changes = changes
        self.tasks = tasks
        # The import is one undoable step (on `undo_stack`, else the shown page's); no parent: it outlives
        # the dialog.
        self.ops = ops or OpRunner(changes, tasks)
        self.undo_stack = undo_stack
        self.job: Task | None = None
        self.preview: ImportPreview | None = None
        self.setWindowTitle(self.tr("Import posts"))
        self.resize(860, 520)

        self._build(services.clients.list_channels())
        self.browse_button.clicked.connect(self.browse)
        self.preview_button.clicked.connect(self.run_preview)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.channel_combo.currentIndexChanged.connect(self._channel_changed)
        for signal in (
            self.path_edit.textChanged,
            self.format_combo.currentIndexChanged,
            self.channel_combo.currentIndexChanged,
            self.zone_picker.zoneChanged,
            self.date_style.currentIndexChanged,
        ):
            signal.connect(self._invalidate)
        self._format_changed()
        self._channel_changed()

    def _build(self, channels: list[ChannelInfo]) -> None:
        """The form (file, format, and for a bulk file its channel, zone and date style), the preview table,
        the summary and the buttons."""
        self.model = PreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.preview_button = QPushButton(self.tr("&Preview"))
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_form(channels))
        layout.addWidget(self.preview_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

    def _build_form(self, channels: list[ChannelInfo]) -> QFormLayout:
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("A CSV file"))
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.format_combo = QComboBox()
        labels = {
            "native": self.tr("NomadCM CSV"),
            "hootsuite": self.tr("Hootsuite bulk file"),
            "sprout": self.tr("Sprout Social bulk file"),
            "publer": self.tr("Publer bulk file"),
        }
        for fmt in FORMATS:
            self.format_combo.addItem(labels[fmt], fmt)
        self.channel_combo = QComboBox()
        for ch in channels:
            self.channel_combo.addItem(f"{ch.client_name} — {ch.label}", ch.id)
        self.zone_picker = ZonePicker()
        self.date_style = QComboBox()
        self.date_style.addItem(self.tr("Day first (31/12/2026)"), "dmy")
        self.date_style.addItem(self.tr("Month first (12/31/2026)"), "mdy")
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(self.tr("&File:"), file_row)
        form.addRow(self.tr("F&ormat:"), self.format_combo)
        self.bulk_rows = [
            (self.tr("Pos&ts for:"), self.channel_combo),
            (self.tr("Times are in &zone:"), self.zone_picker),
            (self.tr("&Dates:"), self.date_style),
        ]
        for label, widget in self.bulk_rows:
            form.addRow(label, widget)
        self._form = form
        return form

    # ------------------------------------------------------------------ actions

    @Slot()
    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import posts"),
            self.path_edit.text(),
            self.tr("CSV files (*.csv *.txt);;All files (*)"),
        )
        if path:
            self.path_edit.setText(path)
            self.run_preview()

    @Slot()
    def run_preview(self) -> None:
        path = Path(self.path_edit.text().strip())
        fmt = str(self.format_combo.currentData())
        if not path.is_file():
            self._say(self.tr("Choose a file to import."), error=True)
            return
        channel_id = self.channel_combo.currentData() if fmt != "native" else None
        if fmt != "native" and channel_id is None:
            self._say(self.tr("Add a client and a channel first: the file names none."), error=True)
            return
        zone = self.zone_picker.zone() or None
        style = str(self.date_style.currentData())
        self.preview_button.setEnabled(False)
        self._say(self.tr("Reading the file…"))
        db = self.services.db
        self.job = self.tasks.run(  # no label: a preview nobody waits for any more is not worth a word
            lambda _report: preview_import(db, path, fmt, channel_id=channel_id, tz=zone, date_style=style),
            self,
            on_success=self._previewed,
            on_failure=self._failed,
        )

    def _previewed(self, preview: ImportPreview) -> None:
        self.preview_button.setEnabled(True)
        self.preview = preview
        self.model.set_rows(preview.rows)
        bad = len(preview.errors)
        if not preview.rows:
            self._say(self.tr("The file has no post."), error=True)
        elif bad:
            self._say(
                self.tr(
                    "%n row(s) cannot be imported: fix them in the file, then preview again. Nothing is written until every row is good.",
                    "",
                    bad,
                ),
                error=True,
            )
        else:
            self._say(self.tr("%n post(s) ready to import.", "", len(preview.rows)))
        self.import_button.setEnabled(preview.ok)

    def _failed(self, err: BaseException) -> None:
        self.preview_button.setEnabled(True)
        if isinstance(err, UserError):
            self._say(str(err), error=True)
        else:
            report_unexpected(err)

    @Slot()
    def run_import(self) -> None:
        preview = self.preview
        if preview is None or not preview.ok:
            return
        self.import_button.setEnabled(False)
        self._say(self.tr("Importing…"))
        db = self.services.db
        self.job = self.ops.run_in_background(
            lambda _report: commit_import_op(db, preview),
            self,
            stack=self.undo_stack,
            on_success=self._imported,
            on_failure=self._failed,
            label=self.tr("Import of {name}").format(name=preview.path.name),
            summary=lambda count: finished_text(int(count)),
        )

    def _imported(self, count: int) -> None:
        self.imported_count = count
        self._say(self.tr("%n post(s) imported.", "", count))
        self.accept()

    # ------------------------------------------------------------------ internals

    @Slot()
    def _format_changed(self) -> None:
        bulk = self.format_combo.currentData() != "native"
        for _label, widget in self.bulk_rows:
            self._form.setRowVisible(widget, bulk)
        self.date_style.setEnabled(self.format_combo.currentData() in ("hootsuite", "sprout"))

    @Slot()
    def _channel_changed(self) -> None:
        channel_id = self.channel_combo.currentData()
        if channel_id is None:
            return
        channel = self.services.clients.get_channel(channel_id)
        self.zone_picker.setZone(self.services.clients.get_client(channel.client_id).audience_tz)

    @Slot()
    def _invalidate(self) -> None:
        self.preview = None
        self.import_button.setEnabled(False)

    def _say(self, text: str, error: bool = False) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #c53030;" if error else "")
