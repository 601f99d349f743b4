"""The widgets of the Clients page: the clients table on the left; on the right the selected client's
details and its channels; a hint instead of both while there is no client.

Layout only: `page.ClientsPage` wires the signals, talks to the services and refreshes. The widgets are
attributes of the page itself (`clients_table`, `details_text`, `add_channel_button`...), as the page and
the tests use them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nomadcm.ui.clients.table_models import ChannelsModel, ClientsModel
from nomadcm.ui.plain_text import plain_label


def row_table() -> QTableView:
    """A read-only table of whole rows, one selected at a time."""
    table = QTableView()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setHighlightSections(False)
    return table


class ClientsPageView(QWidget):
    def build(self, clients_model: ClientsModel, channels_model: ChannelsModel) -> None:
        self.clients_model = clients_model
        self.channels_model = channels_model
        top = self._build_toolbar()
        self._build_clients_table()
        self._build_details()
        self.empty_label = QLabel(
            self.tr("No client yet. A client has an audience in one time zone and posts on a few channels.")
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: palette(mid); font-size: 12pt;")

        splitter = QSplitter()
        splitter.addWidget(self.clients_table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)  # the list takes most of the width: names are shown whole
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        # The list and its details above, the selected client's events below at full width (the page adds
        # them): side by side, neither the names nor the events' titles had room at the default size.
        self.body = QSplitter(Qt.Orientation.Vertical)
        self.body.addWidget(splitter)
        self.body.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.body, 1)

    def _build_toolbar(self) -> QHBoxLayout:
        title = QLabel(self.tr("Clients"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.add_button = QPushButton(self.tr("New client"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.delete_button = QPushButton(self.tr("Delete"))
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.add_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        return top

    def _build_clients_table(self) -> None:
        self.clients_table = row_table()
        self.clients_table.setModel(self.clients_model)
        header = self.clients_table.horizontalHeader()
        header.setSectionResizeMode(ClientsModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column in range(1, ClientsModel.COLUMN_COUNT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def _build_details(self) -> None:
        """The selected client: its name, its facts, its notes and its channels."""
        self.details_title = QLabel()
        self.details_title.setTextFormat(Qt.TextFormat.RichText)
        self.details_title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.details_title.setWordWrap(True)  # a long name wraps: it must not widen the panel over the list
        self.details_text = plain_label()
        self.details_text.setWordWrap(True)
        self.details_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes_label = plain_label()
        self.notes_label.setWordWrap(True)
        self.notes_label.setStyleSheet("font-style: italic;")
        self.channels_table = row_table()
        self.channels_table.setModel(self.channels_model)
        ch_header = self.channels_table.horizontalHeader()
        ch_header.setSectionResizeMode(ChannelsModel.HANDLE, QHeaderView.ResizeMode.Stretch)
        for column in (ChannelsModel.NETWORK, ChannelsModel.LIMIT, ChannelsModel.POSTS):
            ch_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.add_channel_button = QPushButton(self.tr("Add channel"))
        self.edit_channel_button = QPushButton(self.tr("Edit"))
        self.delete_channel_button = QPushButton(self.tr("Delete"))
        channel_buttons = QHBoxLayout()
        channel_buttons.addStretch(1)
        channel_buttons.addWidget(self.add_channel_button)
        channel_buttons.addWidget(self.edit_channel_button)
        channel_buttons.addWidget(self.delete_channel_button)
        channels_box = QGroupBox(self.tr("Channels"))
        channels_layout = QVBoxLayout(channels_box)
        channels_layout.addWidget(self.channels_table)
        channels_layout.addLayout(channel_buttons)
        self.details = QWidget()
        details_layout = QVBoxLayout(self.details)
        details_layout.addWidget(self.details_title)
        details_layout.addWidget(self.details_text)
        details_layout.addWidget(self.notes_label)
        details_layout.addWidget(channels_box, 1)
