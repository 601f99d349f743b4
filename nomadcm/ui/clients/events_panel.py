"""The selected client's Events on the Clients page: its events (typed by hand or read from its calendar), the
calendars they come from, and the hours around a launch in which a post is wanted.

Writes go through the page's operation runner (one undo step each); reading a file or a subscribed address
runs on the window's task runner, so a slow server never freezes the page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nomadcm.errors import UserError
from nomadcm.services.changes import Change
from nomadcm.services.container import Services
from nomadcm.services.events.calendars import SyncReport
from nomadcm.services.events.records import EventInfo
from nomadcm.services.schedule.clients import ClientInfo
from nomadcm.ui import plain_text
from nomadcm.ui.changes import CLIENTS, CONFLICTS, EVENTS, POSTS, ChangeBus, touches
from nomadcm.ui.clients.event_dialogs import SubscribeDialog, open_event_dialog
from nomadcm.ui.clients.event_models import CalendarsModel, EventsModel
from nomadcm.ui.clients.page_view import row_table
from nomadcm.ui.clients.reading import ClientEvents, read_events
from nomadcm.ui.errors import show_user_error
from nomadcm.ui.operations import OpRunner
from nomadcm.ui.tasks import Cancelled


class EventsPanel(QGroupBox):
    status_message = Signal(str)

    def __init__(
        self,
        services: Services,
        changes: ChangeBus,
        ops: OpRunner,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Events"), parent)
        self.services = services
        self.changes = changes
        self.ops = ops
        self.undo_stack = undo_stack
        self.client: ClientInfo | None = None
        self.dialog: QWidget | None = None
        self.events_model = EventsModel(self)
        self.calendars_model = CalendarsModel(self)
        self._build()
        self._connect()
        changes.changed.connect(self._on_changed)
        self.set_client(None)

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.add_button = QPushButton(self.tr("Add event…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.window_spin = QSpinBox()
        self.window_spin.setRange(1, 720)
        self.window_spin.setSuffix(self.tr(" h"))
        self.window_spin.setToolTip(
            self.tr("A launch with no post this many hours before or after it is flagged as a conflict")
        )
        top = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            top.addWidget(button)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Posts wanted around a launch: ±")))
        top.addWidget(self.window_spin)
        self.events_table = row_table()
        self.events_table.setModel(self.events_model)
        header = self.events_table.horizontalHeader()
        header.setSectionResizeMode(EventsModel.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (EventsModel.WHEN, EventsModel.KIND, EventsModel.SOURCE, EventsModel.WARNING):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.calendars_table: QTableView = row_table()
        self.calendars_table.setModel(self.calendars_model)
        self.calendars_table.setMaximumHeight(110)
        cal_header = self.calendars_table.horizontalHeader()
        cal_header.setSectionResizeMode(CalendarsModel.SOURCE, QHeaderView.ResizeMode.Stretch)
        self.import_button = QPushButton(self.tr("Import .ics…"))
        self.subscribe_button = QPushButton(self.tr("Subscribe…"))
        self.refresh_button = QPushButton(self.tr("Refresh now"))
        self.remove_calendar_button = QPushButton(self.tr("Remove calendar"))
        bottom = QHBoxLayout()
        for button in (self.import_button, self.subscribe_button, self.refresh_button):
            bottom.addWidget(button)
        bottom.addStretch(1)
        bottom.addWidget(self.remove_calendar_button)
        self.status = plain_text.plain_label()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.events_table, 2)
        layout.addWidget(QLabel(self.tr("Client's calendars")))
        layout.addWidget(self.calendars_table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.status)

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.new_event)
        self.edit_button.clicked.connect(self.edit_event)
        self.delete_button.clicked.connect(self.delete_event)
        self.events_table.doubleClicked.connect(lambda _i: self.edit_event())
        self.events_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.calendars_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.import_button.clicked.connect(self.import_file)
        self.subscribe_button.clicked.connect(self.subscribe)
        self.refresh_button.clicked.connect(self.refresh)
        self.remove_calendar_button.clicked.connect(self.remove_calendar)
        self.window_spin.editingFinished.connect(self._window_changed)

    # ------------------------------------------------------------------ state

    def set_client(self, client: ClientInfo | None, read: ClientEvents | None = None) -> None:
        """The client whose events to show; `read`: hers, already read (ui/clients/reading.py)."""
        self.client = client
        self.setEnabled(client is not None)
        self.reload(read)

    def reload(self, read: ClientEvents | None = None) -> None:
        client = self.client
        if client is None:
            self.events_model.set_events([], {})
            self.calendars_model.set_rows([])
            self._update_buttons()
            return
        selected = self.current_event()
        if read is None or read.client_id != client.id:
            read = read_events(self.services, client.id)
        self.events_model.set_events(read.events, read.gaps)
        self.calendars_model.set_rows(read.calendars)
        self.window_spin.blockSignals(True)
        self.window_spin.setValue(read.window_hours)
        self.window_spin.blockSignals(False)
        if selected is not None:
            row = self.events_model.row_of(selected.id)
            if row is not None:
                self.events_table.selectRow(row)
        self._update_buttons()

    def current_event(self) -> EventInfo | None:
        rows = self.events_table.selectionModel().selectedRows()
        return self.events_model.event_at(rows[0].row()) if rows else None

    def current_calendar_id(self) -> int | None:
        rows = self.calendars_table.selectionModel().selectedRows()
        return self.calendars_model.calendar_at(rows[0].row()).id if rows else None

    @Slot()
    def _update_buttons(self, *_args: object) -> None:
        event = self.current_event()
        self.edit_button.setEnabled(event is not None)
        self.delete_button.setEnabled(event is not None and event.by_hand)
        self.remove_calendar_button.setEnabled(self.current_calendar_id() is not None)
        self.refresh_button.setEnabled(self.calendars_model.rowCount() > 0)

    @Slot(object)
    def _on_changed(self, areas: object) -> None:
        if touches(areas, EVENTS, CLIENTS, POSTS, CONFLICTS):
            self.reload()

    # ------------------------------------------------------------------ events

    @Slot()
    def new_event(self) -> None:
        if self.client is not None:
            self.dialog = open_event_dialog(self, self.services, self._write, self.client)

    @Slot()
    def edit_event(self) -> None:
        event = self.current_event()
        if self.client is not None and event is not None:
            self.dialog = open_event_dialog(self, self.services, self._write, self.client, event)

    @Slot()
    def delete_event(self) -> None:
        event = self.current_event()
        if event is None or not event.by_hand:
            return
        answer = plain_text.ask(
            self,
            self.tr("Delete event"),
            self.tr("Delete the event “{title}”?").format(title=event.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._write(lambda: self.services.events.delete_op([event.id]))

    @Slot()
    def _window_changed(self) -> None:
        client = self.client
        hours = self.window_spin.value()
        if client is not None and hours != self.services.events.launch_window(client.id):
            self._write(lambda: self.services.events.set_launch_window_op(client.id, hours))

    # ------------------------------------------------------------------ calendars

    @Slot()
    def import_file(self) -> None:
        client = self.client
        if client is None:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import the client's calendar"),
            "",
            self.tr("iCalendar files (*.ics *.ical *.ifb);;All files (*)"),
        )
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> None:
        """Reads an .ics file into the client's calendars (on the task runner when there is one)."""
        from nomadcm.exchange.event_import import import_file_op

        client = self.client
        if client is not None:
            self._background(lambda: import_file_op(self.services, client.id, path))

    @Slot()
    def subscribe(self) -> None:
        client = self.client
        if client is None:
            return
        dialog = SubscribeDialog(client, self)

        def save() -> bool:
            self.subscribe_to(dialog.url.text(), dialog.name.text().strip() or None)
            return True

        dialog.save = save
        self._open(dialog)

    def subscribe_to(self, url: str, name: str | None = None) -> None:
        from nomadcm.exchange.event_import import subscribe

        client = self.client
        if client is not None:
            self.status.setText(self.tr("Downloading the calendar…"))
            self._background(lambda: subscribe(self.services, client.id, url, name, undoable=True))  # type: ignore[arg-type, return-value]

    @Slot()
    def refresh(self) -> None:
        from nomadcm.exchange.event_import import refresh_due

        tasks = self.ops.tasks
        self.status.setText(self.tr("Reading the calendars again…"))
        if tasks is None:
            self._refreshed(refresh_due(self.services, force=True))
            self.changes.notify(EVENTS, CONFLICTS)
            return
        tasks.run(
            lambda _report: refresh_due(self.services, force=True),
            self,
            on_success=self._refreshed,
            on_failure=self._failed,
            changes=self.changes,
            areas=(EVENTS, CONFLICTS),
        )

    def _refreshed(self, outcomes: list[Any]) -> None:
        problems = [o.error for o in outcomes if o.error]
        self.status.setText(problems[0] if problems else self.tr("Calendars read again."))

    @Slot()
    def remove_calendar(self) -> None:
        calendar_id = self.current_calendar_id()
        if calendar_id is None:
            return
        calendar = self.services.calendars.get(calendar_id)
        answer = plain_text.ask(
            self,
            self.tr("Remove calendar"),
            self.tr("Remove the calendar “{name}” and the {count} events read from it?").format(
                name=calendar.name, count=calendar.events
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._write(lambda: self.services.calendars.remove_op(calendar_id))

    # ------------------------------------------------------------------ running writes

    def _write(self, write: Callable[[], Change]) -> Change | None:
        return self.ops.run(write, self, stack=self.undo_stack)

    def _background(self, write: Callable[[], Change]) -> None:
        if self.ops.tasks is None:
            done = self._write(write)
            if done is not None:
                self._imported(done.result)
            return
        self.ops.run_in_background(
            lambda _report: write(),
            self,
            stack=self.undo_stack,
            on_success=self._imported,
            on_failure=self._failed,
        )

    def _imported(self, report: SyncReport) -> None:
        text = self.tr("{name}: {added} added, {updated} updated, {removed} removed.").format(
            name=report.calendar.name, added=report.added, updated=report.updated, removed=report.removed
        )
        if report.skipped:
            text += " " + self.tr("Left out: {what}").format(what="; ".join(report.skipped[:3]))
        self.status.setText(text)
        self.status_message.emit(text)

    def _failed(self, err: BaseException) -> None:
        self.status.setText("")
        if isinstance(err, Cancelled):
            return
        if isinstance(err, UserError):
            show_user_error(self, err)
        else:
            raise err

    def _open(self, dialog: QWidget) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))  # type: ignore[attr-defined]
        dialog.open()  # type: ignore[attr-defined]
