"""The Hours & pay page: each client's month (worked, paid, unpaid, earned, per hour worked) with a warning
when the unpaid time reaches the `unpaid_warning_hours` setting, the selected client's work of the month (a
day's part of each timer session, screen time or hand entry; hand entries can be edited here), the chart of
paid and unpaid hours over months, the contract editor and "Export statement…" (PDF or CSV, in the client's
language, written on the window's task runner).

Every number comes from `Services.billing` (services/billing/hours.py says which day an hour counts on).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QFileDialog, QWidget

from nomadcm import APP_NAME
from nomadcm.errors import UserError
from nomadcm.file_names import safe_filename
from nomadcm.services.billing.hours import HAND, WorkPiece, month_days, next_month
from nomadcm.services.changes import BILLING, Change
from nomadcm.services.container import Services
from nomadcm.ui.billing.dialogs import ContractDialog, ContractValues, EntryValues, WorkEntryDialog
from nomadcm.ui.billing.money import fmt_hours
from nomadcm.ui.billing.page_view import HoursPageView
from nomadcm.ui.changes import CLIENTS, ITINERARY, SETTINGS, WELLBEING, WORKPLACES, ChangeBus, touches
from nomadcm.ui.errors import show_user_error
from nomadcm.ui.formatting import qdate
from nomadcm.ui.operations import OpRunner
from nomadcm.ui.tasks import TaskRunner
from nomadcm.ui.widgets.save_target import checked_save_path

SETTINGS_FOLDER = "billing/folder"


class HoursPage(HoursPageView):
    loaded = Signal()

    def __init__(
        self,
        services: Services,
        changes: ChangeBus,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        ops: OpRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.changes = changes
        self.tasks = tasks
        self.undo_stack = QUndoStack(self)
        self.ops = ops or OpRunner(changes, tasks, self.undo_stack, self)
        self.month = services.billing.this_month()
        self.warnings: list[str] = []
        self.build()
        self.chart.use_tasks(tasks)  # the chart draws on the task runner, not on the GUI thread
        self._connect()
        changes.changed.connect(self._on_changed)
        self.refresh()
        QTimer.singleShot(0, self.loaded.emit)

    def _connect(self) -> None:
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.this_month_button.clicked.connect(self.go_this_month)
        self.log_button.clicked.connect(lambda: self.log_work())
        self.contract_button.clicked.connect(lambda: self.edit_contract())
        self.statement_button.clicked.connect(lambda: self.export_statement())
        self.chart_button.clicked.connect(lambda: self.export_chart())
        self.edit_button.clicked.connect(lambda: self.edit_selected())
        self.delete_button.clicked.connect(self.delete_selected)
        self.month_table.selectionModel().selectionChanged.connect(self._on_client_selected)
        self.pieces_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.pieces_table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.tabs.currentChanged.connect(lambda _i: self.refresh_chart())
        self.chart_span.currentIndexChanged.connect(lambda _i: self.refresh_chart())
        delete_action = QAction(self)
        delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete_action.triggered.connect(self.delete_selected)
        self.pieces_table.addAction(delete_action)

    # ------------------------------------------------------------------ month

    def step(self, direction: int) -> None:
        self.month = (
            next_month(self.month) if direction > 0 else (self.month - timedelta(days=1)).replace(day=1)
        )
        self.refresh()

    def go_this_month(self) -> None:
        self.month = self.services.billing.this_month()
        self.refresh()

    def set_month(self, month: date) -> None:
        self.month = month.replace(day=1)
        self.refresh()

    def selected_client(self) -> int | None:
        rows = self.month_table.selectionModel().selectedRows()
        if not rows:
            return None
        return int(self.month_model.row_at(rows[0].row()).client_id)

    def select_client(self, client_id: int) -> None:
        row = self.month_model.find_row(lambda m: m.client_id == client_id)
        if row is not None:
            self.month_table.selectRow(row)

    # ------------------------------------------------------------------ data

    def refresh(self) -> None:
        billing = self.services.billing
        selected = self.selected_client()
        try:
            months = billing.month(self.month)
        except UserError as err:
            show_user_error(self, err)
            return
        threshold = billing.threshold_seconds()
        self.month_label.setText(QLocale().toString(qdate(self.month), "MMMM yyyy"))
        self.month_model.set_months(months, threshold)
        self.warnings = [
            self._warning_text(m.client_name, m.unpaid_seconds, bool(m.contracts))
            for m in months
            if m.warns(threshold)
        ]
        self.warning.setText("\n".join(self.warnings))
        self.warning.setVisible(bool(self.warnings))
        if months:
            self.select_client(
                selected
                if selected is not None and any(m.client_id == selected for m in months)
                else months[0].client_id
            )
        self.refresh_pieces()
        self.refresh_chart()
        self._update_buttons()

    def _warning_text(self, name: str, unpaid_seconds: int, has_contract: bool) -> str:
        hours = fmt_hours(unpaid_seconds)
        if not has_contract:
            return self.tr("No contract with {client}: you gave {hours} this month.").format(
                client=name, hours=hours
            )
        return self.tr("You gave {client} {hours} this month.").format(client=name, hours=hours)

    def refresh_pieces(self) -> None:
        client_id = self.selected_client()
        if client_id is None:
            self.pieces_model.set_rows([])
            self.pieces_hint.setText(self.tr("Add a client on the Clients page to count its hours."))
        else:
            statement = self.services.billing.statement(client_id, self.month)
            self.pieces_model.set_rows(statement.pieces)
            self.pieces_hint.setText(
                self.tr("Hand entries can be edited here; measured time on the Wellbeing page.")
            )
        self._update_buttons()

    def refresh_chart(self) -> None:
        if self.tabs.currentIndex() != 1:
            return  # drawn when shown
        count = int(self.chart_span.currentData())
        first = self.month
        for _ in range(count - 1):
            first = (first - timedelta(days=1)).replace(day=1)
        billing = self.services.billing
        months = billing.months(first, self.month)
        self.chart.set_months(months, {c.id: c.colour for c in billing.clients()})

    def _on_client_selected(self) -> None:
        self.refresh_pieces()

    def _on_changed(self, areas: object) -> None:
        if touches(areas, BILLING, CLIENTS, WELLBEING, ITINERARY, SETTINGS, WORKPLACES):
            self.refresh()

    # ------------------------------------------------------------------ hand entries

    def _selected_pieces(self) -> list[WorkPiece]:
        rows = sorted({i.row() for i in self.pieces_table.selectionModel().selectedRows()})
        return [self.pieces_model.row_at(r) for r in rows]

    def _update_buttons(self) -> None:
        hand = [p for p in self._selected_pieces() if p.source == HAND]
        self.edit_button.setEnabled(len({p.ref_id for p in hand}) == 1)
        self.delete_button.setEnabled(bool(hand))
        has_client = self.selected_client() is not None
        self.contract_button.setEnabled(has_client)
        self.statement_button.setEnabled(has_client)

    def _write(self, write: Callable[[], Change]) -> Change | None:
        """A write through the operation runner on this page's stack; a UserError reaches the dialog."""
        return self.ops.run(write, stack=self.undo_stack)

    def log_work(self) -> WorkEntryDialog:
        billing = self.services.billing

        def submit(v: EntryValues) -> None:
            self._write(
                lambda: billing.add_entry_op(
                    v.client_id, v.start, v.end, tz=v.tz, note=v.note, billable=v.billable
                )
            )

        dialog = WorkEntryDialog(self.services, submit, self, client_id=self.selected_client())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def edit_selected(self) -> WorkEntryDialog | None:
        hand = {p.ref_id for p in self._selected_pieces() if p.source == HAND}
        if len(hand) != 1:
            return None
        billing = self.services.billing
        try:
            entry = billing.get_entry(hand.pop())
        except UserError as err:
            show_user_error(self, err)
            return None

        def submit(v: EntryValues) -> None:
            self._write(
                lambda: billing.update_entry_op(
                    entry.id,
                    client_id=v.client_id,
                    start=v.start,
                    end=v.end,
                    tz=v.tz,
                    note=v.note,
                    billable=v.billable,
                )
            )

        dialog = WorkEntryDialog(self.services, submit, self, entry=entry)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def delete_selected(self) -> None:
        ids = sorted({p.ref_id for p in self._selected_pieces() if p.source == HAND})
        if ids:
            self.ops.run(lambda: self.services.billing.delete_entries_op(ids), self, stack=self.undo_stack)

    def new_item(self) -> None:
        self.log_work()

    # ------------------------------------------------------------------ contract

    def edit_contract(self) -> ContractDialog | None:
        client_id = self.selected_client()
        if client_id is None:
            return None
        billing = self.services.billing
        client = billing.client(client_id)

        def submit(v: ContractValues) -> None:
            self._write(
                lambda: billing.set_contract_op(client_id, v.terms, v.start, v.end, language=v.language)
            )

        dialog = ContractDialog(client, billing.list_contracts(client_id), submit, self, start=self.month)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ files

    def _folder(self) -> Path:
        return Path(str(QSettings(APP_NAME, APP_NAME).value(SETTINGS_FOLDER, "") or Path.home()))

    def export_statement(self, on_done: Callable[[Path], None] | None = None) -> Path | None:
        """Asks where, then writes the selected client's statement (PDF or CSV by the suffix) on the task
        runner; `on_done(path)` once written."""
        client_id = self.selected_client()
        if client_id is None:
            return None
        billing = self.services.billing
        client = billing.client(client_id)
        suggested = self._folder() / safe_filename(
            f"{client.name}-{self.month:%Y-%m}", ".pdf", fallback="statement"
        )
        path, selected = QFileDialog.getSaveFileName(
            self,
            self.tr("Export statement"),
            str(suggested),
            self.tr("PDF document (*.pdf);;CSV file (*.csv)"),
        )
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() not in (".pdf", ".csv"):
            target = target.with_suffix(".csv" if "csv" in selected.lower() else ".pdf")
        if checked_save_path(self, target) is None:  # never the database, a folder, a read-only file...
            return None
        statement = billing.statement(client_id, self.month)

        def work(_report: object) -> Path:
            if target.suffix.lower() == ".pdf":
                from nomadcm.exchange.statement_pdf import write_statement_pdf

                return write_statement_pdf(statement, target)
            from nomadcm.exchange.statement_csv import write_statement_csv

            return write_statement_csv(statement, target)

        def done(written: Path) -> None:
            QSettings(APP_NAME, APP_NAME).setValue(SETTINGS_FOLDER, str(written.parent))
            if on_done is not None:
                on_done(written)

        self.tasks.run(
            work,
            self,
            on_success=done,
            on_failure=lambda err: show_user_error(self, err),
            label=self.tr("Statement export"),
            summary=lambda written: self.tr("Saved {path}").format(path=str(written)),
        )
        return target

    def export_chart(self) -> Path | None:
        first, _last = month_days(self.month)
        suggested = self._folder() / f"hours-{first:%Y-%m}.png"
        path, selected = QFileDialog.getSaveFileName(
            self, self.tr("Save the chart"), str(suggested), self.tr("PNG image (*.png);;SVG drawing (*.svg)")
        )
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() not in (".png", ".svg"):
            target = target.with_suffix(".svg" if "svg" in selected.lower() else ".png")
        if checked_save_path(self, target) is None:
            return None
        if self.tabs.currentIndex() != 1:
            self.tabs.setCurrentIndex(1)  # draws it
        try:
            self.chart.export(target)
        except UserError as err:
            show_user_error(self, err)
            return None
        return target
