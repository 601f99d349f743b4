"""The Clients page's first show from the sidebar (ui/clients/reading.py, ui/page_loading.py): the clients with
their counts and the first client's channels and events are read on the window's task runner; the GUI thread
only builds the page, which shows what a page built at once shows."""

from __future__ import annotations

from datetime import timedelta

from nomadcm import timezones
from nomadcm.services.events.records import EventDraft
from nomadcm.ui.clients import events_panel, reading, table_models
from nomadcm.ui.pages import PAGES
from tests.gui_thread_spy import on_gui_thread

CLIENTS_ROW = next(i for i, spec in enumerate(PAGES) if spec.key == "clients")


def _table(model) -> list[list[object]]:  # type: ignore[no-untyped-def]
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def _shown(page) -> tuple[object, ...]:  # type: ignore[no-untyped-def]
    panel = page.events_panel
    return (
        _table(page.clients_model),
        _table(page.channels_model),
        _table(panel.events_model),
        _table(panel.calendars_model),
        panel.window_spin.value(),
        page.current_client().name,
    )


def test_the_first_click_reads_the_clients_off_the_gui_thread(
    window, services, paris_client, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    other = services.clients.add_client("Érablière Tremblay", "America/Toronto", country="CA")
    services.clients.add_channel(other.id, "facebook", "@erable")
    services.events.set_launch_window(paris_client.id, 12)
    start = timezones.wall_at(timezones.now_utc(), "Europe/Paris").replace(
        second=0, microsecond=0
    ) + timedelta(days=3)
    services.events.add(EventDraft(paris_client.id, "Galette", start, kind="launch"))
    worker = on_gui_thread(monkeypatch, reading, "read_first")
    on_gui = {
        "clients": on_gui_thread(monkeypatch, table_models, "read_clients"),
        "channels": on_gui_thread(monkeypatch, table_models, "read_channels"),
        "events": on_gui_thread(monkeypatch, events_panel, "read_events"),
    }
    schedule = window.stack.currentWidget()
    window.sidebar.setCurrentRow(CLIENTS_ROW)  # her click
    assert window.stack.currentWidget() is schedule
    qtbot.waitUntil(lambda: "clients" in window._pages, timeout=10_000)
    page = window._pages["clients"]
    assert window.stack.currentWidget() is page
    assert worker == [False] and on_gui == {"clients": [], "channels": [], "events": []}
    first = _shown(page)
    assert first[-1] == "Boulangerie Dupont" and first[4] == 12  # the first client (by name), her window
    assert any("Galette" in map(str, row) for row in first[2])  # her launch, in the events panel
    page.reload()  # read again on the GUI thread: the same on screen
    assert on_gui["clients"] == [True] and on_gui["events"] == [True]
    assert _shown(page) == first
    page.select_client(other.id)  # another client: her own panels, read then
    assert page.events_panel.events_model.rowCount() == 0 and page.channels_model.rowCount() == 1


def test_no_client_yet(window, services, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.sidebar.setCurrentRow(CLIENTS_ROW)
    qtbot.waitUntil(lambda: "clients" in window._pages, timeout=10_000)
    page = window._pages["clients"]
    assert page.clients_model.rowCount() == 0 and page.current_client() is None
    assert page.empty_label.isVisibleTo(page) and not page.events_panel.isEnabled()


def test_the_preload_is_made_of_the_same_reads(services, paris_client) -> None:  # type: ignore[no-untyped-def]
    first = reading.read_first(services)
    assert first.clients == reading.read_clients(services.clients)
    assert first.channels == reading.read_channels(services.clients, paris_client.id)
    assert first.events is not None and first.events.client_id == paris_client.id
    assert first.events.window_hours == services.events.launch_window(paris_client.id)
