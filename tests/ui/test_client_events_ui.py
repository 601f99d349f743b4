"""Client events in the GUI: typed, edited and deleted on the Clients page (with undo), a client's calendar
imported there on the task runner, and the events drawn on the Calendar (all-day band, timed blocks, in any
lens), in the Day view, and a lonely launch in the Conflicts panel."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QMessageBox

from nomadcm.services.container import Services
from nomadcm.services.events.records import EventDraft
from nomadcm.ui.calendar.event_layer import band_rows
from nomadcm.ui.calendar.page import CalendarPage
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.clients.event_dialogs import EventDialog
from nomadcm.ui.clients.event_models import CalendarsModel, EventsModel
from nomadcm.ui.clients.event_texts import event_tooltip
from nomadcm.ui.clients.page import ClientsPage
from nomadcm.ui.operations import OpRunner
from nomadcm.ui.plain_text import plain_tooltip
from nomadcm.ui.travel.conflicts_panel import ConflictsPanel
from nomadcm.ui.travel.day_view import DayView

GOOGLE = Path(__file__).resolve().parents[1] / "data" / "ics" / "google_export.ics"


@pytest.fixture
def clients_page(qtbot, services, paris_client, task_runner):  # type: ignore[no-untyped-def]
    changes = ChangeBus()
    page = ClientsPage(services, changes, ops=OpRunner(changes, task_runner))
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_add_edit_delete_an_event_with_undo(qtbot, clients_page, services, paris_client, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    panel = clients_page.events_panel
    assert panel.isEnabled() and panel.events_model.rowCount() == 0
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, EventDialog) and dialog.start.zone() == "Europe/Paris"
    assert not dialog.can_save()  # no title yet
    qtbot.keyClicks(dialog.title, "Lancement <b>galette</b>")
    dialog.kind.setCurrentIndex(dialog.kind.findData("launch"))
    dialog.start.set_value(datetime(2027, 3, 28, 2, 30), "Europe/Paris")  # in the spring-forward gap
    assert not dialog.can_save() and "does not exist" in dialog.summary.text()
    dialog.start.set_value(datetime(2027, 3, 29, 10, 0), "Europe/Paris")
    dialog.end.set_value(datetime(2027, 3, 29, 12, 0), "Europe/Paris")
    assert dialog.can_save() and "2 h" in dialog.summary.text()
    dialog.accept()
    (event,) = services.events.list_events()
    assert (event.title, event.kind, event.start_wall) == (
        "Lancement <b>galette</b>",
        "launch",
        datetime(2027, 3, 29, 10),
    )
    model = panel.events_model
    assert model.rowCount() == 1 and model.data(model.index(0, EventsModel.TITLE)) == event.title
    assert model.data(model.index(0, EventsModel.WARNING)) == "⚠"  # no post around the launch
    tip = model.data(model.index(0, EventsModel.TITLE), Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;galette" in tip  # user data in a tooltip is text, never markup

    panel.events_table.selectRow(0)
    panel.edit_event()
    dialog = panel.dialog
    dialog.all_day.setChecked(True)
    dialog.last_date.setDate(date(2027, 3, 30))
    dialog.accept()
    edited = services.events.get(event.id)
    assert edited.all_day and (edited.first_date, edited.last_date) == (date(2027, 3, 29), date(2027, 3, 30))
    clients_page.undo_stack.undo()
    assert not services.events.get(event.id).all_day

    panel.events_table.selectRow(0)
    monkeypatch.setattr("nomadcm.ui.plain_text.ask", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.delete_event()
    assert services.events.list_events() == [] and model.rowCount() == 0
    clients_page.undo_stack.undo()
    assert [e.id for e in services.events.list_events()] == [event.id]


def test_a_calendar_is_imported_on_the_task_runner(qtbot, clients_page, services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    panel = clients_page.events_panel
    panel.import_path(GOOGLE)
    qtbot.waitUntil(lambda: panel.calendars_model.rowCount() == 1, timeout=10_000)
    calendar = panel.calendars_model.calendar_at(0)
    assert calendar.name == "Atelier Boréal — communication" and calendar.events > 0
    assert "added" in panel.status.text()
    assert (
        panel.calendars_model.data(panel.calendars_model.index(0, CalendarsModel.SOURCE)) == "imported file"
    )
    panel.calendars_table.selectRow(0)
    monkeypatch.setattr("nomadcm.ui.plain_text.ask", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.remove_calendar()
    assert services.calendars.list_calendars() == [] and panel.calendars_model.rowCount() == 0
    clients_page.undo_stack.undo()
    assert len(services.calendars.list_calendars()) == 1


def test_the_launch_window_is_set_on_the_page(clients_page, services, paris_client) -> None:  # type: ignore[no-untyped-def]
    spin = clients_page.events_panel.window_spin
    assert spin.value() == 24
    spin.setValue(36)
    spin.editingFinished.emit()
    assert services.events.launch_window(paris_client.id) == 36
    clients_page.undo_stack.undo()
    assert services.events.launch_window(paris_client.id) == 24 and spin.value() == 24


def test_event_models_pass_the_model_tester(qtmodeltester, services, paris_client) -> None:  # type: ignore[no-untyped-def]
    events = EventsModel()
    services.events.add(EventDraft(paris_client.id, "Presse", datetime(2027, 5, 3, 9), kind="press"))
    events.set_events(services.events.list_events(), {})
    qtmodeltester.check(events)
    calendars = CalendarsModel()
    qtmodeltester.check(calendars)


# --------------------------------------------------------------------------- the calendar


@pytest.fixture
def calendar(qtbot, services, paris_client, task_runner):  # type: ignore[no-untyped-def]
    services.clients.add_client("Atelier Boréal", "America/Toronto")
    changes = ChangeBus()
    page = CalendarPage(services, changes, task_runner)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def _add(services: Services, client: str, *args: object, **kw: object) -> int:
    cid = next(c.id for c in services.clients.list_clients() if c.name == client)
    return services.events.add(EventDraft(cid, *args, **kw)).id  # type: ignore[arg-type]


def test_the_week_shows_all_day_events_in_a_band_on_their_dates_in_any_lens(calendar, services) -> None:  # type: ignore[no-untyped-def]
    closed = _add(
        services, "Boulangerie Dupont", "Fermé", date(2027, 4, 6), date(2027, 4, 7), "closure", True
    )
    calendar.lens.setCurrentIndex(calendar.lens.findData("Europe/Paris"))
    calendar.show_date(date(2027, 4, 6), "week")
    view = calendar.week_view
    (placed,) = view.events
    days = [d.day for d in calendar.days]
    assert placed.banded and (days[placed.first], days[placed.last]) == (date(2027, 4, 6), date(2027, 4, 7))
    assert band_rows(view.events) == 1 and view.grid_top() > 34  # the band pushes the hours down
    calendar.lens.setCurrentIndex(calendar.lens.findData("America/Toronto"))
    (placed,) = calendar.week_view.events
    assert (days[placed.first], days[placed.last]) == (date(2027, 4, 6), date(2027, 4, 7))  # same dates
    rect, found = view.event_rects()[0]
    assert found.event.id == closed and view.event_at(rect.center()) is found


def test_timed_events_are_blocks_at_their_instants_in_the_lens(calendar, services) -> None:  # type: ignore[no-untyped-def]
    launch = _add(
        services,
        "Boulangerie Dupont",
        "Lancement",
        datetime(2027, 4, 6, 10),
        datetime(2027, 4, 6, 12),
        "launch",
    )
    calendar.lens.setCurrentIndex(calendar.lens.findData("Europe/Paris"))
    calendar.show_date(date(2027, 4, 6), "week")
    (block,) = calendar.week_view.events
    assert not block.banded and (block.start_hours, block.end_hours) == (10.0, 12.0)
    assert block.gap_hours == 24  # a launch with no post around it: marked
    calendar.lens.setCurrentIndex(calendar.lens.findData("America/Toronto"))
    (block,) = calendar.week_view.events
    assert (block.start_hours, block.end_hours) == (4.0, 6.0)
    rect, _ = calendar.week_view.event_rects()[0]
    with_signal = []
    calendar.week_view.eventActivated.connect(with_signal.append)
    calendar.week_view.mouseDoubleClickEvent(_double_click(rect.center()))
    assert [e.id for e in with_signal] == [launch]
    assert calendar.post_dialog is not None and calendar.post_dialog.client_event.id == launch


def test_the_month_shows_events_above_the_posts(calendar, services) -> None:  # type: ignore[no-untyped-def]
    _add(services, "Boulangerie Dupont", "Soldes", date(2027, 4, 12), date(2027, 4, 14), "promotion", True)
    calendar.show_date(date(2027, 4, 12), "month")
    shown = calendar.month_view.day_events()
    days = {calendar.days[k].day for k in shown}
    assert days == {date(2027, 4, 12), date(2027, 4, 13), date(2027, 4, 14)}
    assert len(calendar.month_view.event_rects()) == 3


def test_an_event_changed_elsewhere_shows_at_once(calendar, services) -> None:  # type: ignore[no-untyped-def]
    calendar.show_date(date(2027, 4, 6), "week")
    assert calendar.week_view.events == []
    _add(services, "Boulangerie Dupont", "Presse", datetime(2027, 4, 7, 9), kind="press")
    calendar.changes.notify("events")
    assert [p.event.title for p in calendar.week_view.events] == ["Presse"]


def _double_click(pos: QPointF):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QMouseEvent

    return QMouseEvent(
        QEvent.Type.MouseButtonDblClick, pos, pos, Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip


# --------------------------------------------------------------------------- day view and conflicts


def test_the_day_view_draws_each_clients_events_on_its_strip(qtbot, services, paris_client) -> None:  # type: ignore[no-untyped-def]
    _add(services, "Boulangerie Dupont", "Fermé <i>lundi</i>", date(2027, 4, 5), kind="closure", all_day=True)
    view = DayView(services)
    qtbot.addWidget(view)
    view.resize(1000, 400)
    view.show()
    view.set_day(date(2027, 4, 5))
    ((rect, event),) = view.canvas.event_rects()
    assert event.title == "Fermé <i>lundi</i>" and rect.width() > 100
    assert view.canvas.event_at(rect.center()) == event
    assert "&lt;i&gt;" in plain_tooltip(event_tooltip(event))


def test_a_lonely_launch_is_listed_and_acknowledged_in_the_conflicts_panel(
    qtbot, services, paris_client, task_runner
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QUndoStack

    from nomadcm.ui.travel.launch_gaps_panel import LaunchAckDialog

    launch = _add(services, "Boulangerie Dupont", "Lancement", datetime(2027, 4, 6, 10), kind="launch")
    changes = ChangeBus()
    stack = QUndoStack()
    panel = ConflictsPanel(services, changes, task_runner, stack)
    qtbot.addWidget(panel)
    panel.set_range(date(2027, 4, 1), date(2027, 4, 30))
    launches = panel.launches
    assert launches.model.rowCount() == 1 and launches.model.row_at(0).event.id == launch
    launches.table.selectRow(0)
    launches.acknowledge()
    dialog = launches.dialog
    assert isinstance(dialog, LaunchAckDialog)
    dialog.note.setText("annoncé par le client")
    dialog.accept()
    assert services.launch_check.gaps() == []
    stack.undo()
    assert [g.event.id for g in services.launch_check.gaps()] == [launch]


# --------------------------------------------------------------------------- subscriptions


class _Calendar(BaseHTTPRequestHandler):
    body = GOOGLE.read_bytes()

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def calendar_host() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Calendar)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/basic.ics"
    server.shutdown()
    server.server_close()
    thread.join()


def test_subscribe_then_refresh_in_the_background(
    qtbot, clients_page, services, calendar_host, task_runner
) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.ui.clients.event_refresh import CalendarRefresher

    panel = clients_page.events_panel
    panel.subscribe_to(calendar_host)
    qtbot.waitUntil(lambda: panel.calendars_model.rowCount() == 1, timeout=10_000)
    assert panel.calendars_model.calendar_at(0).url == calendar_host
    first = len(services.events.list_events())
    assert first > 0
    clients_page.undo_stack.undo()  # the subscription is one undo step
    assert services.calendars.list_calendars() == []
    clients_page.undo_stack.redo()
    assert len(services.events.list_events()) == first

    _Calendar.body = GOOGLE.read_bytes().replace(b"SUMMARY:Interview presse", b"SUMMARY:Interview radio")
    refresher = CalendarRefresher(services, task_runner, clients_page.changes)
    refresher._network = None  # the platform cannot tell: a download is tried
    with qtbot.waitSignal(clients_page.changes.changed, timeout=10_000):
        refresher.refresh(force=True)
    titles = {e.title for e in services.events.list_events()}
    assert "Interview radio (Le Devoir)" in titles and "Interview presse (Le Devoir)" not in titles
    assert any(
        panel.events_model.event_at(r).title.startswith("Interview radio")
        for r in range(panel.events_model.rowCount())
    )
    _Calendar.body = GOOGLE.read_bytes()


def test_the_background_refresh_asks_nothing_of_the_gui_thread(
    qtbot, services, task_runner, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Five seconds after every start the refresh imported the calendar importer (icalendar, 90 ms) and listed
    the calendars on the GUI thread, even with none: both are the task runner's now."""
    from nomadcm.ui.changes import ChangeBus
    from nomadcm.ui.clients.event_refresh import CalendarRefresher
    from tests.gui_thread_spy import on_gui_thread

    asked_on_gui = on_gui_thread(monkeypatch, services.calendars, "list_calendars")
    refresher = CalendarRefresher(services, task_runner, ChangeBus())
    refresher._network = None
    refresher.refresh()
    qtbot.waitUntil(lambda: refresher._job is not None and refresher._job.done, timeout=10_000)
    assert asked_on_gui == [False]
