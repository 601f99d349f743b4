"""Table models of the Clients page: the clients, and the channels of the selected client."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from nomadcm import timezones
from nomadcm.services.schedule.clients import ChannelInfo, ClientInfo, ClientService
from nomadcm.ui.clients.reading import ChannelRows, ClientRows, read_channels, read_clients
from nomadcm.ui.formatting import fmt_int, fmt_time
from nomadcm.ui.widgets.table_model import RowsTableModel

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ClientsModel(RowsTableModel[ClientInfo]):
    NAME, ZONE, LOCAL_TIME, COUNTRY, CHANNELS, POSTS = range(6)
    COLUMN_COUNT = 6

    def __init__(self, clients: ClientService, parent: Any = None) -> None:
        super().__init__(parent)
        self._service = clients
        self._channels: dict[int, int] = {}
        self._posts: dict[int, int] = {}
        self._headers = (
            self.tr("Client"),
            self.tr("Audience zone"),
            self.tr("Their time now"),
            self.tr("Country"),
            self.tr("Channels"),
            self.tr("Posts"),
        )

    def reload(self, read: ClientRows | None = None) -> None:
        """Read again (or show `read`, already read: ui/clients/reading.py)."""
        read = read or read_clients(self._service)
        self.beginResetModel()
        self._rows, self._channels, self._posts = read.clients, read.channels, read.posts
        self.endResetModel()

    def refresh_clock(self) -> None:
        """The "their time now" column moved on."""
        self.column_changed(self.LOCAL_TIME, [Qt.ItemDataRole.DisplayRole])

    def client_at(self, row: int) -> ClientInfo:
        return self.row_at(row)

    def row_of(self, client_id: int) -> int | None:
        return self.find_row(lambda c: c.id == client_id)

    def post_count(self, client_id: int) -> int:
        return self._posts.get(client_id, 0)

    def _data(self, c: ClientInfo, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NAME:
                return c.name
            if col == self.ZONE:
                return c.audience_tz
            if col == self.LOCAL_TIME:
                now = timezones.now_utc()
                return f"{fmt_time(timezones.wall_at(now, c.audience_tz))} {timezones.abbreviation(now, c.audience_tz)}"
            if col == self.COUNTRY:
                return c.country or ""
            if col == self.CHANNELS:
                return fmt_int(self._channels.get(c.id, 0))
            if col == self.POSTS:
                return fmt_int(self._posts.get(c.id, 0))
        if role == Qt.ItemDataRole.DecorationRole and col == self.NAME:
            return QColor(c.colour)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.CHANNELS, self.POSTS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.NAME and c.notes:
            return c.notes
        if role == ID_ROLE:
            return c.id
        return None


class ChannelsModel(RowsTableModel[ChannelInfo]):
    NETWORK, HANDLE, LIMIT, POSTS = range(4)
    COLUMN_COUNT = 4

    def __init__(self, clients: ClientService, parent: Any = None) -> None:
        super().__init__(parent)
        self._service = clients
        self._client_id: int | None = None
        self._posts: dict[int, int] = {}
        self._headers = (self.tr("Network"), self.tr("Handle"), self.tr("Text limit"), self.tr("Posts"))

    def set_client(self, client_id: int | None, read: ChannelRows | None = None) -> None:
        self._client_id = client_id
        self.reload(read)

    def client_id(self) -> int | None:
        return self._client_id

    def reload(self, read: ChannelRows | None = None) -> None:
        if read is None or read.client_id != self._client_id:
            read = read_channels(self._service, self._client_id)
        self.beginResetModel()
        self._rows, self._posts = read.channels, read.posts
        self.endResetModel()

    def channel_at(self, row: int) -> ChannelInfo:
        return self.row_at(row)

    def post_count(self, channel_id: int) -> int:
        return self._posts.get(channel_id, 0)

    def _data(self, ch: ChannelInfo, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NETWORK:
                return ch.network
            if col == self.HANDLE:
                return ch.handle
            if col == self.LIMIT:
                return fmt_int(ch.text_limit) if ch.text_limit is not None else self.tr("no limit")
            if col == self.POSTS:
                return fmt_int(self._posts.get(ch.id, 0))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.LIMIT, self.POSTS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return ch.id
        return None
