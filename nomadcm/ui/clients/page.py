"""The Clients page: the clients on the left; the selected client's details and channels on the right.

The widgets are built by `page_view.ClientsPageView`; this module fills them and acts on them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from nomadcm import timezones
from nomadcm.services.changes import Change
from nomadcm.services.container import Services
from nomadcm.services.schedule.clients import ClientInfo
from nomadcm.ui import plain_text
from nomadcm.ui.changes import CLIENTS, POSTS, ChangeBus, touches
from nomadcm.ui.clients.dialogs import ChannelDialog, ClientDialog
from nomadcm.ui.clients.events_panel import EventsPanel
from nomadcm.ui.clients.page_view import ClientsPageView
from nomadcm.ui.clients.reading import ClientsFirst
from nomadcm.ui.clients.table_models import ChannelsModel, ClientsModel
from nomadcm.ui.formatting import fmt_time, plural
from nomadcm.ui.hours_text import fmt_clock_range
from nomadcm.ui.operations import OpRunner


class ClientsPage(ClientsPageView):
    status_message = Signal(str)
    navigate = Signal(str)

    def __init__(
        self,
        services: Services,
        changes: ChangeBus,
        parent: QWidget | None = None,
        *,
        ops: OpRunner | None = None,
        preloaded: ClientsFirst | None = None,
    ) -> None:
        """`preloaded`: the list and its first client's panels, read off the GUI thread (reading.read_first)."""
        super().__init__(parent)
        self.services = services
        self._preloaded = preloaded
        self._first_panels: ClientsFirst | None = None  # while the first reload selects its first client
        self.changes = changes
        self.dialog: QDialog | None = None
        self._selections = 0  # times the selected client was shown (reload: once, not twice)
        self.undo_stack = QUndoStack(self)
        self.ops = ops or OpRunner(changes, None, self.undo_stack, self)  # writes: ui/operations.py
        self.build(ClientsModel(services.clients, self), ChannelsModel(services.clients, self))
        self.events_panel = EventsPanel(services, changes, self.ops, self.undo_stack, self)  # issue 16
        self.body.addWidget(self.events_panel)
        self.events_panel.status_message.connect(self.status_message)
        self._connect()
        changes.changed.connect(self._on_changed)
        self._clock = QTimer(self)  # "their time now" keeps up with the clock
        self._clock.setInterval(30_000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self.reload()

    def _connect(self) -> None:
        delete_action = QAction(self.tr("Delete"), self)
        delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_action.triggered.connect(self.delete_client)
        self.clients_table.addAction(delete_action)
        delete_channel_action = QAction(self.tr("Delete"), self)
        delete_channel_action.setShortcut(QKeySequence.StandardKey.Delete)
        delete_channel_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_channel_action.triggered.connect(self.delete_channel)
        self.channels_table.addAction(delete_channel_action)

        self.add_button.clicked.connect(self.new_client)
        self.edit_button.clicked.connect(self.edit_client)
        self.delete_button.clicked.connect(self.delete_client)
        self.add_channel_button.clicked.connect(self.new_channel)
        self.edit_channel_button.clicked.connect(self.edit_channel)
        self.delete_channel_button.clicked.connect(self.delete_channel)
        self.clients_table.doubleClicked.connect(lambda _i: self.edit_client())
        self.channels_table.doubleClicked.connect(lambda _i: self.edit_channel())
        self.clients_table.selectionModel().selectionChanged.connect(self._on_client_selected)
        self.channels_table.selectionModel().selectionChanged.connect(self._update_buttons)

    # ------------------------------------------------------------------ state

    def reload(self, select_id: int | None = None) -> None:
        current = self.current_client()
        select_id = select_id if select_id is not None else (current.id if current else None)
        first, self._preloaded = self._preloaded, None  # the first show's only
        self._first_panels = first
        self.clients_model.reload(first.clients if first is not None else None)
        row = self.clients_model.row_of(select_id) if select_id is not None else None
        if row is None and self.clients_model.rowCount():
            row = 0
        shown = self._selections
        if row is not None:
            self.clients_table.selectRow(
                row
            )  # -> _on_client_selected: the model's reset cleared the selection
        if self._selections == shown:  # no client, or the selection did not change: the panels still follow
            self._on_client_selected()
        self._first_panels = None
        self.empty_label.setVisible(self.clients_model.rowCount() == 0)

    def current_client(self) -> ClientInfo | None:
        rows = self.clients_table.selectionModel().selectedRows()
        return self.clients_model.client_at(rows[0].row()) if rows else None

    def select_client(self, client_id: int) -> None:
        row = self.clients_model.row_of(client_id)
        if row is not None:
            self.clients_table.selectRow(row)

    @Slot()
    def _tick(self) -> None:
        self.clients_model.refresh_clock()
        self._show_details()

    @Slot(object)
    def _on_changed(self, areas: object) -> None:
        if touches(areas, CLIENTS, POSTS):  # post counts are shown here too
            self.reload()

    @Slot()
    @Slot(QItemSelection, QItemSelection)
    def _on_client_selected(self, *_args: object) -> None:
        self._selections += (
            1  # the events panel reads the client's launch gaps: once per selection, not twice
        )
        client = self.current_client()
        first = self._first_panels  # read with the list (a new page's first client): taken when hers
        self.channels_model.set_client(client.id if client else None, first.channels if first else None)
        self.events_panel.set_client(client, first.events if first else None)
        self._show_details()
        self._update_buttons()

    def _show_details(self) -> None:
        client = self.current_client()
        self.details.setEnabled(client is not None)
        if client is None:
            self.details_title.setText("")
            self.details_text.setText("")
            self.notes_label.setText("")
        else:
            now = timezones.now_utc()
            local = timezones.wall_at(now, client.audience_tz)
            prime = fmt_clock_range(client.prime_start_min, client.prime_end_min)
            lines = [
                self.tr("Audience in {zone} — it is {time} {abbr} there now").format(
                    zone=client.audience_tz,
                    time=fmt_time(local),
                    abbr=timezones.abbreviation(now, client.audience_tz),
                ),
                self.tr("Prime hours: {hours} (their time)").format(hours=prime),
            ]
            if client.country:
                lines.append(self.tr("Country: {country}").format(country=client.country))
            count = self.clients_model.post_count(client.id)
            lines.append(
                plural(self.tr("%n post(s) planned", "", count), count)
                if count
                else self.tr("No post planned")
            )
            self.details_title.setText(
                f'<span style="color: {client.colour}">■</span> {plain_text.escape(client.name)}'
            )
            self.details_text.setText("\n".join(lines))
            self.notes_label.setText(client.notes)

    @Slot()
    def _update_buttons(self) -> None:
        has_client = self.current_client() is not None
        self.edit_button.setEnabled(has_client)
        self.delete_button.setEnabled(has_client)
        self.add_channel_button.setEnabled(has_client)
        has_channel = bool(self.channels_table.selectionModel().selectedRows())
        self.edit_channel_button.setEnabled(has_channel)
        self.delete_channel_button.setEnabled(has_channel)

    def _current_channel_row(self) -> int | None:
        rows = self.channels_table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    # ------------------------------------------------------------------ clients

    def new_item(self) -> None:
        self.new_client()

    @Slot()
    def new_client(self) -> None:
        dialog = ClientDialog(
            self.services.clients,
            parent=self,
            default_zone=self.services.settings.home_tz(),
            run=self._run_in_dialog,
        )
        self._open(dialog, self._client_saved)

    @Slot()
    def edit_client(self) -> None:
        client = self.current_client()
        if client is not None:
            self._open(
                ClientDialog(self.services.clients, client, parent=self, run=self._run_in_dialog),
                self._client_saved,
            )

    def _client_saved(self, dialog: QDialog) -> None:
        assert isinstance(dialog, ClientDialog)
        saved = dialog.saved
        if saved is None:
            return
        new = dialog.client is None
        self.select_client(saved.id)
        if new:
            self.status_message.emit(
                self.tr("Client {name} added. Now add the channels you post on for them.").format(
                    name=saved.name
                )
            )

    @Slot()
    def delete_client(self) -> None:
        client = self.current_client()
        if client is None:
            return
        posts = self.services.clients.post_count(client.id)
        if posts:
            question = plural(
                self.tr(
                    "{name} has %n planned post(s). Deleting the client deletes their channels and all these "
                    "posts (Edit > Undo brings them back).",
                    "",
                    posts,
                ),
                posts,
            ).format(name=client.name)
        else:
            question = self.tr("Delete {name} and their channels?").format(name=client.name)
        answer = plain_text.ask(
            self,
            self.tr("Delete client"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self._write(lambda: self.services.clients.delete_client_op(client.id)) is None:
            return
        self.status_message.emit(self.tr("Client {name} deleted.").format(name=client.name))

    # ------------------------------------------------------------------ channels

    @Slot()
    def new_channel(self) -> None:
        client = self.current_client()
        if client is not None:
            self._open(
                ChannelDialog(self.services.clients, client, parent=self, run=self._run_in_dialog),
                self._channel_saved,
            )

    @Slot()
    def edit_channel(self) -> None:
        client = self.current_client()
        row = self._current_channel_row()
        if client is not None and row is not None:
            channel = self.channels_model.channel_at(row)
            self._open(
                ChannelDialog(self.services.clients, client, channel, parent=self, run=self._run_in_dialog),
                self._channel_saved,
            )

    def _channel_saved(self, dialog: QDialog) -> None:
        pass  # the runner announced it

    @Slot()
    def delete_channel(self) -> None:
        row = self._current_channel_row()
        if row is None:
            return
        channel = self.channels_model.channel_at(row)
        posts = self.channels_model.post_count(channel.id)
        label = f"{channel.network} {channel.handle}".strip()
        if posts:
            question = plural(
                self.tr(
                    "The channel {channel} has %n post(s). Deleting it deletes these posts too "
                    "(Edit > Undo brings them back).",
                    "",
                    posts,
                ),
                posts,
            ).format(channel=label)
        else:
            question = self.tr("Delete the channel {channel}?").format(channel=label)
        answer = plain_text.ask(
            self,
            self.tr("Delete channel"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self._write(lambda: self.services.clients.delete_channel_op(channel.id)) is None:
            return
        self.status_message.emit(
            plural(
                QCoreApplication.translate(
                    "ClientsPage", "Channel {channel} deleted (%n post(s)).", "", posts
                ),
                posts,
            ).format(channel=label)
        )

    # ------------------------------------------------------------------ writes

    def _write(self, write: Callable[[], Change]) -> Change | None:
        """Every write of this page: through the runner (one undo command, one announcement)."""
        return self.ops.run(write, self, stack=self.undo_stack)

    def _run_in_dialog(self, write: Callable[[], Change]) -> Change | None:
        """A dialog's save: no parent, so a UserError reaches the dialog, which shows it and stays open."""
        return self.ops.run(write, stack=self.undo_stack)

    # ------------------------------------------------------------------ dialogs

    def _open(self, dialog: QDialog, on_accept) -> None:  # type: ignore[no-untyped-def]
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: on_accept(dialog))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
