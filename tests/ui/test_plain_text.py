"""User data is shown as the characters it is: never as markup (a local image, a link, bold).

A database full of names, texts, notes and addresses made of tags goes through every table model of the GUI
(found by walking `nomadcm.ui`, so a new model must be added here), the pages and dialogs, and the message
boxes: wherever Qt would read markup, what the user sees is the tags as text.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QLabel, QMessageBox, QWidget

import nomadcm.ui
from nomadcm import timezones
from nomadcm.exchange.bulk_import import PreviewRow
from nomadcm.services.container import Services
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.travel.trip_records import StayInput, TransitInput
from nomadcm.ui import plain_text
from nomadcm.ui.widgets.table_model import RowsTableModel

IMG = "<img src=/tmp/x.png>"
BOLD = "<b>bold</b>"
LINK = "<a href=https://e.test>link</a>"
EVIL = f"Evil {BOLD}{IMG}{LINK}"
TAGS = {"x.png": IMG, "bold": BOLD, "href": LINK}  # a piece of the raw data -> what must be seen as text


def shown(text: str) -> str:
    """What Qt shows for a tooltip or an AutoText label: the text itself, or what its markup renders to."""
    if not GuiQt.mightBeRichText(text):
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def assert_seen_as_text(text: str, where: str) -> None:
    """Wherever a piece of the payload reached `text`, the person sees the whole tag it belongs to."""
    seen = shown(text)
    for piece, tag in TAGS.items():
        if piece in text:
            assert tag in seen, f"{where}: {text!r} shows as {seen!r}"


def assert_plain_label(label: QLabel, where: str) -> None:
    if label.textFormat() == Qt.TextFormat.PlainText:
        return
    if label.textFormat() == Qt.TextFormat.RichText:
        document = QTextDocument()
        document.setHtml(label.text())
        seen = document.toPlainText()
        for piece, tag in TAGS.items():
            if piece in label.text():
                assert tag in seen, f"{where}: rich label {label.text()!r}"
        return
    assert_seen_as_text(label.text(), where)


# ---------------------------------------------------------------------- the hostile database


@dataclass
class Evil:
    services: Services
    client_id: int
    channel_id: int
    stay_id: int
    place_id: int
    post_id: int
    today: date


@pytest.fixture
def evil(services: Services) -> Evil:
    now = timezones.now_utc()
    today = timezones.wall_at(now, "Europe/Paris").date()
    services.settings.set_home_tz("Europe/Paris")
    client = services.clients.add_client(EVIL, "Europe/Paris", notes=EVIL)
    channel = services.clients.add_channel(client.id, "instagram", EVIL)
    stay = services.trips.add_stay(
        StayInput(
            EVIL, "Europe/Paris", today - timedelta(days=10), today + timedelta(days=5), "FR", notes=EVIL
        )
    )
    services.trips.add_stay(
        StayInput("Lisbon", "Europe/Lisbon", today + timedelta(days=9), today + timedelta(days=20), "PT")
    )
    later = StayInput(EVIL, "Europe/Paris", today + timedelta(days=30), today + timedelta(days=35), "FR")
    services.trips.add_stay(later)  # a gap before it, no place with WiFi there: warnings name it
    depart = datetime.combine(today + timedelta(days=6), datetime.min.time()).replace(hour=10)
    services.trips.add_transit(
        TransitInput(
            "train",
            EVIL,
            "Europe/Paris",
            EVIL,
            "Europe/Paris",
            depart,
            depart + timedelta(hours=3),
            ref=EVIL,
            notes=EVIL,
        )
    )
    night = datetime.combine(today + timedelta(days=2), datetime.min.time()).replace(hour=3)
    post = services.posts.add(PostDraft(channel.id, EVIL, night, tags=(EVIL,), notes=EVIL))
    services.slots.set_slots(channel.id, [(night.isoweekday(), 3 * 60)])
    place = services.workplaces.add_place(
        EVIL, city=EVIL, address=EVIL, notes=EVIL, tz="Europe/Paris", opening_hours="Mo-Su 08:00-20:00"
    )
    services.workplaces.add_speed_test(place.id, 50, 10, 20, at=now - timedelta(days=2))
    services.workplaces.log_work(
        place.id, now - timedelta(hours=30), now - timedelta(hours=28), activity=EVIL
    )
    services.workplaces.add_to_checklist(stay.id, [place.id], note=EVIL)
    services.wellbeing.add_screen(
        "phone", now - timedelta(hours=6), now - timedelta(hours=5), activity=EVIL, client_id=client.id
    )
    services.wellbeing.add_rest("break", now - timedelta(hours=4), now - timedelta(hours=3), note=EVIL)
    return Evil(services, client.id, channel.id, stay.id, place.id, post.id, today)


# ---------------------------------------------------------------------- every table model


def _ui_model_classes() -> set[type]:
    for info in pkgutil.walk_packages(nomadcm.ui.__path__, "nomadcm.ui."):
        importlib.import_module(info.name)
    found: set[type] = set()
    todo: list[type] = [QAbstractItemModel]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("nomadcm.ui."):
                found.add(sub)
    return found - {RowsTableModel}


def _schedule_columns(e: Evil) -> QAbstractItemModel:
    from nomadcm.ui.schedule.columns import ScheduleColumnsModel

    return ScheduleColumnsModel()  # the page's frame before its rows: headers only


def _schedule(e: Evil) -> QAbstractItemModel:
    from nomadcm.ui.schedule.table_models import ScheduleModel

    model = ScheduleModel(e.services)
    model.reload()
    return model


def _clients(e: Evil) -> QAbstractItemModel:
    from nomadcm.ui.clients.table_models import ClientsModel

    model = ClientsModel(e.services.clients)
    model.reload()
    return model


def _channels(e: Evil) -> QAbstractItemModel:
    from nomadcm.ui.clients.table_models import ChannelsModel

    model = ChannelsModel(e.services.clients)
    model.set_client(e.client_id)
    return model


def _itinerary(e: Evil) -> QAbstractItemModel:
    from nomadcm.ui.travel.table_models import ItineraryModel

    model = ItineraryModel()
    t = e.services.trips
    model.set_itinerary(t.list_stays(), t.list_transits(), t.warnings())
    return model


def _warnings(e: Evil) -> QAbstractItemModel:
    from nomadcm.ui.travel.table_models import WarningsModel

    model = WarningsModel()
    model.set_warnings(e.services.trips.warnings())
    return model


def _conflicts(e: Evil) -> QAbstractItemModel:
    from nomadcm.ui.travel.table_models import ConflictsModel

    model = ConflictsModel()
    model.set_rows(e.services.conflicts.check(e.today, e.today + timedelta(days=5)))
    return model


def _places(e: Evil) -> QAbstractItemModel:
    from nomadcm.ui.workplaces.table_models import PlacesModel

    model = PlacesModel(e.services.workplaces.catalog)
    model.reload()
    return model


def _work_spots(e: Evil) -> QAbstractItemModel:
    from nomadcm.services.workplaces.work_spots import WorkSpot
    from nomadcm.ui.workplaces.work_spots_dialog import WorkSpotsModel

    model = WorkSpotsModel()
    model.set_rows([WorkSpot(e.services.workplaces.get_place(e.place_id), 1.5, None)])
    return model


def _speed_tests(e: Evil) -> QAbstractItemModel:
    from nomadcm.ui.workplaces.visit_table_models import SpeedTestsModel

    model = SpeedTestsModel()
    model.set_tests(e.services.workplaces.speed_tests(e.place_id), "Europe/Paris")
    return model


def _checklist(e: Evil) -> QAbstractItemModel:
    from nomadcm.ui.workplaces.visit_table_models import ChecklistModel

    model = ChecklistModel(lambda _id, _fields: True)
    model.set_entries(e.services.workplaces.checklist(e.stay_id))
    return model


def _work_sessions(e: Evil) -> QAbstractItemModel:
    from nomadcm.ui.workplaces.visit_table_models import WorkSessionsModel

    model = WorkSessionsModel()
    model.set_sessions(e.services.workplaces.work_sessions(e.place_id))
    return model


def _days(e: Evil) -> QAbstractItemModel:
    from nomadcm.ui.wellbeing.table_models import DayTableModel

    model = DayTableModel()
    model.set_days(e.services.wellbeing_reports.build(e.today - timedelta(days=3), e.today).days)
    return model


def _entries(e: Evil) -> QAbstractItemModel:
    from nomadcm.ui.wellbeing.table_models import EntryTableModel

    model = EntryTableModel()
    now = timezones.now_utc()
    w = e.services.wellbeing
    model.set_entries(
        w.screens_between(now - timedelta(days=3), now), w.rests_between(now - timedelta(days=3), now)
    )
    return model


def _apps(e: Evil) -> QAbstractItemModel:
    from nomadcm.ui.wellbeing.table_models import AppTableModel

    model = AppTableModel()
    model.set_totals([(EVIL, 3600.0)])  # an application's name, as ActivityWatch reported it
    return model


def _slots(e: Evil) -> QAbstractItemModel:
    from nomadcm.ui.publishing.queue_view import SlotTableModel

    model = SlotTableModel()
    model.set_rows([(t, "03:00 CET") for t in e.services.slots.upcoming(e.channel_id, days=14)])
    return model


def _preview(e: Evil) -> QAbstractItemModel:
    from nomadcm.ui.publishing.import_preview import PreviewModel

    model = PreviewModel()
    model.set_rows([PreviewRow(2, None, "Europe/Paris", EVIL, EVIL, EVIL + "\n" + EVIL, error=EVIL)])
    return model


def _month_hours(e: Evil) -> QAbstractItemModel:
    from nomadcm.services.billing.contracts import ContractTerms
    from nomadcm.ui.billing.table_models import MonthHoursModel

    terms = ContractTerms("hourly", "EUR", rate_minor=4500)
    e.services.billing.set_contract(e.client_id, terms, e.today.replace(day=1))
    model = MonthHoursModel()
    model.set_months(e.services.billing.month(e.today), 3600)
    return model


def _pieces(e: Evil) -> QAbstractItemModel:
    from nomadcm.ui.billing.table_models import PiecesModel

    end = timezones.now_utc() - timedelta(hours=1)
    e.services.billing.add_entry(e.client_id, end - timedelta(hours=1), end, note=EVIL)
    model = PiecesModel()
    month = timezones.wall_at(end, "Europe/Paris").date()
    model.set_rows(e.services.billing.statement(e.client_id, month).pieces)
    return model


def _events(e: Evil) -> QAbstractItemModel:
    from nomadcm.services.events.records import EventDraft
    from nomadcm.ui.clients.event_models import EventsModel

    draft = EventDraft(
        e.client_id, EVIL, e.today + timedelta(days=60), kind="launch", all_day=True, notes=EVIL
    )
    e.services.events.add(draft)
    model = EventsModel()
    events = e.services.events.list_events(client_id=e.client_id)
    model.set_events(events, {ev.id: 24 for ev in events})
    return model


def _calendars(e: Evil) -> QAbstractItemModel:
    from nomadcm.ui.clients.event_models import CalendarsModel

    report = e.services.calendars.sync(e.client_id, EVIL, [], "", url="https://example.com/agenda.ics")
    e.services.calendars.record_failure(report.calendar.id, EVIL)  # a server's answer, quoted
    model = CalendarsModel()
    model.set_rows(e.services.calendars.list_calendars(e.client_id))
    return model


def _launch_gaps(e: Evil) -> QAbstractItemModel:
    from nomadcm.services.events.records import EventDraft
    from nomadcm.ui.travel.launch_gaps_panel import LaunchGapsModel

    e.services.events.add(
        EventDraft(e.client_id, EVIL, e.today + timedelta(days=90), kind="launch", all_day=True)
    )
    model = LaunchGapsModel()
    model.set_rows(e.services.launch_check.gaps(client_id=e.client_id))
    return model


# class name -> (factory, a cell shows the payload, a tooltip carries it)
FACTORIES: dict[str, tuple[Callable[[Evil], QAbstractItemModel], bool, bool]] = {
    "ScheduleModel": (_schedule, True, True),
    "ScheduleColumnsModel": (_schedule_columns, False, False),
    "ClientsModel": (_clients, True, True),
    "ChannelsModel": (_channels, True, False),
    "ItineraryModel": (_itinerary, True, True),
    "WarningsModel": (_warnings, True, True),
    "ConflictsModel": (_conflicts, True, True),
    "PlacesModel": (_places, True, True),
    "SpeedTestsModel": (_speed_tests, False, False),
    "WorkSpotsModel": (_work_spots, True, False),
    "ChecklistModel": (_checklist, True, True),
    "WorkSessionsModel": (_work_sessions, True, False),
    "DayTableModel": (_days, False, False),
    "EntryTableModel": (_entries, True, True),
    "AppTableModel": (_apps, True, False),
    "SlotTableModel": (_slots, True, False),
    "PreviewModel": (_preview, True, True),
    "MonthHoursModel": (_month_hours, True, False),
    "PiecesModel": (_pieces, True, True),
    "EventsModel": (_events, True, True),
    "CalendarsModel": (_calendars, True, True),
    "LaunchGapsModel": (_launch_gaps, True, True),
}


def test_every_table_model_of_the_gui_is_fed_hostile_data_here() -> None:
    assert {cls.__name__ for cls in _ui_model_classes()} == set(FACTORIES)


def _cells(model: QAbstractItemModel) -> Iterator[QModelIndex]:
    columns = model.columnCount() if not isinstance(model, QAbstractListModel) else 1
    for row in range(model.rowCount()):
        for column in range(columns):
            yield model.index(row, column)


@pytest.mark.parametrize("name", sorted(FACTORIES))
def test_a_model_shows_user_data_as_text(qapp, evil: Evil, name: str) -> None:  # type: ignore[no-untyped-def]
    factory, shows, tips = FACTORIES[name]
    model = factory(evil)
    assert model.rowCount() > 0 or not (shows or tips)
    displayed = tipped = 0
    for index in _cells(model):
        where = f"{name}[{index.row()}, {index.column()}]"
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if isinstance(text, str) and "Evil" in text:
            # The views draw DisplayRole as plain text: it must be the data itself, not an escaped copy.
            assert "&lt;" not in text and "&amp;" not in text, where
            assert "<b>" in text or "<img" in text, where
            displayed += 1
        tip = index.data(Qt.ItemDataRole.ToolTipRole)
        if isinstance(tip, str):
            assert_seen_as_text(tip, where)
            tipped += "x.png" in tip
    assert bool(displayed) or not shows, f"{name}: no cell shows the hostile data"
    assert bool(tipped) or not tips, f"{name}: no tooltip carries the hostile data"


def test_a_plain_tooltip_keeps_lines_and_shows_tags() -> None:
    tip = plain_text.plain_tooltip(f"first line\n{EVIL}\n  indented & <i>")
    assert tip is not None and GuiQt.mightBeRichText(tip)
    assert shown(tip) == f"first line\n{EVIL}\n  indented & <i>"
    assert plain_text.plain_tooltip("") == "" and plain_text.plain_tooltip(None) is None
    assert plain_text.unmarked(EVIL).count("<") == 0 and "img src=/tmp/x.png" in plain_text.unmarked(EVIL)
    assert plain_text.menu_text("Tom & Jerry") == "Tom && Jerry"


# ---------------------------------------------------------------------- message boxes


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox]:
    """Every message box run, answered with its escape button (or the first one) instead of waiting."""
    ran: list[QMessageBox] = []

    def fake_exec(box: QMessageBox) -> int:
        ran.append(box)
        button = box.escapeButton() or (box.buttons()[0] if box.buttons() else None)
        if button is not None:
            button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return ran


def test_the_message_helpers_show_plain_text(qapp, boxes: list[QMessageBox]) -> None:  # type: ignore[no-untyped-def]
    assert plain_text.ask(None, "t", EVIL) in (QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
    plain_text.inform(None, "t", EVIL)
    plain_text.warn(None, "t", EVIL)
    assert len(boxes) == 3
    for box in boxes:
        assert box.textFormat() == Qt.TextFormat.PlainText and box.text() == EVIL


def test_a_user_error_naming_a_value_is_plain(qapp, boxes: list[QMessageBox]) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.errors import ValidationError
    from nomadcm.ui.errors import show_user_error

    show_user_error(None, ValidationError(f"a client named {EVIL!r} already exists"))
    assert boxes and boxes[0].textFormat() == Qt.TextFormat.PlainText and EVIL in boxes[0].text()


def test_no_message_box_of_the_gui_guesses_its_format() -> None:
    """The static QMessageBox functions read markup in their text: the GUI calls `plain_text` instead."""
    from pathlib import Path

    root = Path(nomadcm.ui.__file__).parent
    offenders = [
        f"{path.relative_to(root)}:{n}"
        for path in sorted(root.rglob("*.py"))
        if path.name != "plain_text.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if any(
            f"QMessageBox.{f}(" in line for f in ("question", "information", "warning", "critical", "about")
        )
    ]
    assert offenders == []


# ---------------------------------------------------------------------- pages and dialogs


def _select_first_rows(widget: QWidget) -> None:
    for view in widget.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None and model.rowCount() > 0 and view.selectionModel() is not None:
            view.selectionModel().setCurrentIndex(
                model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )


def _assert_widgets_plain(widget: QWidget, where: str) -> int:
    """Every label and tooltip under `widget` that holds the payload shows it as text; how many held it."""
    held = 0
    for label in widget.findChildren(QLabel):
        if "x.png" in label.text():
            assert_plain_label(label, f"{where}: label {label.objectName() or label.text()[:30]!r}")
            held += 1
    for child in [widget, *widget.findChildren(QWidget)]:
        if "x.png" in child.toolTip():
            assert_seen_as_text(child.toolTip(), f"{where}: tooltip of {type(child).__name__}")
            held += 1
    return held


def test_every_page_shows_user_data_as_text(window, evil: Evil, qtbot, boxes) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.ui.pages import PAGES

    held = 0
    for spec in PAGES:
        page = window.show_page(spec.key)
        qtbot.wait(20)
        _select_first_rows(page)
        qtbot.wait(20)
        held += _assert_widgets_plain(window, spec.key)
    assert held, "no page showed the hostile data in a label or a tooltip"


def test_client_page_details_and_delete_question(window, evil: Evil, qtbot, boxes) -> None:  # type: ignore[no-untyped-def]
    page = window.show_page("clients")
    page.clients_table.selectRow(0)
    assert page.notes_label.textFormat() == Qt.TextFormat.PlainText and page.notes_label.text() == EVIL
    assert_plain_label(page.details_title, "client title")
    assert EVIL in shown(page.details_title.text())
    page.delete_client()
    assert boxes and boxes[-1].textFormat() == Qt.TextFormat.PlainText and EVIL in boxes[-1].text()
    assert evil.services.clients.list_clients()  # the question was cancelled


def test_dialogs_show_user_data_as_text(qtbot, evil: Evil, boxes) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.ui.changes import ChangeBus
    from nomadcm.ui.clients.dialogs import ChannelDialog, ClientDialog
    from nomadcm.ui.publishing.queue_view import QueueDialog
    from nomadcm.ui.schedule.post_dialog import PostDialog
    from nomadcm.ui.travel.conflict_dialogs import AcknowledgeDialog
    from nomadcm.ui.travel.dialogs import StayDialog, TransitDialog
    from nomadcm.ui.workplaces.checklist import AddPlacesDialog
    from nomadcm.ui.workplaces.dialogs import SpeedTestDialog, WorkedHereDialog
    from nomadcm.ui.workplaces.place_dialog import PlaceDialog

    s = evil.services
    client = s.clients.get_client(evil.client_id)
    place = s.workplaces.get_place(evil.place_id)
    channel = s.clients.list_channels(client.id)[0]
    stay_ref = next(r for r in s.workplaces.stays() if r.id == evil.stay_id)
    made: list[tuple[str, QWidget]] = [
        ("client", ClientDialog(s.clients, client)),
        ("channel", ChannelDialog(s.clients, client, channel)),
        ("queue", QueueDialog(s, ChangeBus())),
        ("place", PlaceDialog(s, place)),
        ("speed test", SpeedTestDialog(s, place)),
        ("worked here", WorkedHereDialog(s, place)),
        ("stay", StayDialog(s, s.trips.get_stay(evil.stay_id))),
        ("transit", TransitDialog(s, s.trips.list_transits()[0])),
        ("post", PostDialog(s, lambda *_a, **_k: None, s.posts.get(evil.post_id))),
        ("places to try", AddPlacesDialog(s, stay_ref)),
        ("acknowledge", AcknowledgeDialog(s.conflicts.check(evil.today, evil.today + timedelta(days=5))[0])),
    ]
    held = {}
    for name, dialog in made:
        qtbot.addWidget(dialog)
        dialog.show()
        _select_first_rows(dialog)
        held[name] = _assert_widgets_plain(dialog, name)
    assert (
        held["places to try"] and held["acknowledge"]
    )  # the others show user data in line edits, which never read markup
    # Refused input is named in the dialog's message: as typed.
    queue = made[2][1]
    queue.slots_edit.setText(f"Mo {EVIL}")  # type: ignore[attr-defined]
    queue.save_slots()  # type: ignore[attr-defined]
    assert "x.png" in queue.message.text() and _assert_widgets_plain(queue, "queue")  # type: ignore[attr-defined]
    # A refused save names the value: the error label shows it as typed.
    other = s.clients.add_client("Other", "Europe/Paris")
    renaming = ClientDialog(s.clients, other)
    qtbot.addWidget(renaming)
    renaming.name_edit.setText(EVIL)
    renaming._on_save()
    assert renaming.error_label.textFormat() == Qt.TextFormat.PlainText
    assert EVIL in renaming.error_label.text()
