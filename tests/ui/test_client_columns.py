"""Issue 16: on the Clients page at the window's default size, a long client name and an event's title are
shown whole — their column takes the room, the others size to their contents."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QTableView

from nomadcm.services.events.records import EventDraft
from nomadcm.ui.clients.event_models import EventsModel
from nomadcm.ui.clients.table_models import ClientsModel

LONG_NAME = "Boulangerie-Pâtisserie Dupont & Fils"
LONG_TITLE = "Lancement de la collection printemps-été — boutique de la Croix-Rousse"


def shown_whole(table: QTableView, column: int, text: str) -> bool:
    """The column is at least as wide as the text in the table's font, and as Qt's own measure of the
    cells (the text plus the icon and the margins)."""
    width = table.columnWidth(column)
    return width >= table.fontMetrics().horizontalAdvance(text) and width >= table.sizeHintForColumn(column)


def test_a_long_client_name_and_event_title_are_not_cut(window, services, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert (window.width(), window.height()) == (1280, 760)  # the default size: nothing remembered
    client = services.clients.add_client(LONG_NAME, "Europe/Paris")
    services.clients.add_channel(client.id, "instagram")
    services.events.add(
        EventDraft(
            client.id, LONG_TITLE, datetime(2027, 3, 14, 10, 0), datetime(2027, 3, 14, 11, 0), "launch"
        )
    )
    page = window.show_page("clients")
    page.reload(client.id)
    clients, events = page.clients_table, page.events_panel.events_table
    qtbot.waitUntil(lambda: events.model().rowCount() == 1 and clients.isVisible() and events.isVisible())
    assert clients.model().data(clients.model().index(0, ClientsModel.NAME)) == LONG_NAME
    assert events.model().data(events.model().index(0, EventsModel.TITLE)) == LONG_TITLE
    assert shown_whole(clients, ClientsModel.NAME, LONG_NAME), clients.columnWidth(ClientsModel.NAME)
    assert shown_whole(events, EventsModel.TITLE, LONG_TITLE), events.columnWidth(EventsModel.TITLE)
    for column in range(1, ClientsModel.COLUMN_COUNT):  # the others as wide as their contents
        assert clients.columnWidth(column) >= clients.sizeHintForColumn(column)
