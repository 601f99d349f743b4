"""The Travel page: itinerary list and warnings, stay/transit dialogs with city search, the Day view, the
Conflicts panel with acknowledge/undo, the rhythm dialog, and the zone picker's city hook."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, QPointF, Qt

from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.travel.conflict_rules import rules
from nomadcm.services.travel.trip_records import StayInput, TransitInput
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.pages import page_spec
from nomadcm.ui.travel.city_search import CityField, zone_suggestions
from nomadcm.ui.travel.conflict_dialogs import AcknowledgeDialog, RhythmDialog
from nomadcm.ui.travel.dialogs import StayDialog, TransitDialog
from nomadcm.ui.travel.page import TravelPage
from nomadcm.ui.travel.page_view import CONFLICTS_TAB, DAY_TAB
from nomadcm.ui.travel.table_models import ConflictsModel, ItineraryModel, WarningsModel
from nomadcm.ui.widgets.zone_picker import ZonePicker


@pytest.fixture(autouse=True)
def _built_in_conflicts_only(monkeypatch):  # type: ignore[no-untyped-def]
    """Other areas' kinds (no_wifi) are tested by their areas: keep these tests to the travel kinds."""
    from nomadcm.services.travel import conflict_rules

    rules()
    kept = {
        k: v for k, v in conflict_rules._RULES.items() if k in ("sleep", "transit", "off_hours", "holiday")
    }
    monkeypatch.setattr(conflict_rules, "_RULES", kept)


@pytest.fixture
def trip(services):  # type: ignore[no-untyped-def]
    services.settings.set_home_tz("Europe/Paris")
    t = services.trips
    t.add_stay(StayInput("Paris", "Europe/Paris", date(2027, 3, 1), date(2027, 3, 10), "FR"))
    t.add_stay(StayInput("Montréal", "America/Toronto", date(2027, 3, 10), date(2027, 3, 24), "CA"))
    t.add_transit(
        TransitInput(
            "flight",
            "Paris",
            "Europe/Paris",
            "Montréal",
            "America/Toronto",
            datetime(2027, 3, 10, 13),
            datetime(2027, 3, 10, 15, 30),
            ref="AF346",
        )
    )
    client = services.clients.add_client("Boulangerie Dupont", "Europe/Paris", "FR")
    channel = services.clients.add_channel(client.id, "instagram")
    night = services.posts.add(PostDraft(channel.id, "Pain de Pâques", datetime(2027, 3, 15, 9)))  # 04:00 EDT
    flying = services.posts.add(PostDraft(channel.id, "En vol", datetime(2027, 3, 10, 14)))
    return {"client": client, "channel": channel, "night": night, "flying": flying}


@pytest.fixture
def page(qtbot, services, trip, task_runner):  # type: ignore[no-untyped-def]
    p = TravelPage(services, ChangeBus(), task_runner)
    qtbot.addWidget(p)
    p.resize(1100, 700)
    p.show()
    qtbot.waitExposed(p)
    return p


def test_models_pass_the_model_tester(qtmodeltester, page, services) -> None:
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.warnings_model)
    conflicts = ConflictsModel()
    conflicts.set_rows(services.conflicts.check())
    qtmodeltester.check(conflicts)
    assert conflicts.rowCount() == 2
    empty = ItineraryModel()
    qtmodeltester.check(empty)
    qtmodeltester.check(WarningsModel())


def test_page_is_registered_and_lists_the_trip_in_time_order(qtbot, services, page) -> None:
    spec = page_spec("travel")
    assert spec is not None and spec.title() == "Travel"
    rows = [page.model.entry_at(r) for r in range(page.model.rowCount())]
    assert [(e.kind, e.id) for e in rows] == [("stay", 1), ("stay", 2), ("transit", 1)]
    cell = page.model.index(2, ItineraryModel.PLACE).data()
    assert cell == "Paris → Montréal AF346"
    assert page.model.index(2, ItineraryModel.FROM).data().endswith("13:00 CET")
    assert page.model.index(0, ItineraryModel.LENGTH).data() == "10 days"
    assert not page.warnings_box.isVisible()  # a sound trip
    assert not page.empty_label.isVisible()


def test_warnings_are_listed_and_lead_to_their_stay(page, services) -> None:
    services.trips.add_stay(StayInput("Lisbon", "Europe/Lisbon", date(2027, 4, 1), date(2027, 4, 10), "PT"))
    page.changes.notify("itinerary")
    assert page.warnings_box.isVisible() and page.warnings_model.rowCount() == 1
    text = page.warnings_model.index(0, 0).data()
    assert "Nothing planned" in text and "Europe/Paris" in text
    page._on_warning_clicked(page.warnings_model.index(0, 0))
    assert page.current_entry().stay.city == "Lisbon"
    row = page.model.row_of(("stay", 3))
    assert "Nothing planned" in page.model.index(row, ItineraryModel.WHAT).data(Qt.ItemDataRole.ToolTipRole)


def test_new_stay_with_city_search_then_undo_redo(qtbot, page, services) -> None:
    page.new_stay_button.click()
    dialog = page.dialog
    assert isinstance(dialog, StayDialog) and dialog.isVisible()
    assert dialog.first.date() == QDate(2027, 3, 24)  # suggested: the last stay's last day
    assert not dialog.can_save()
    found = dialog.city.suggestions("lisboa")
    assert found[0].name == "Lisbon" and found[0].matched == "Lisboa"
    dialog.city.choose(found[0])
    assert dialog.zone.zone() == "Europe/Lisbon" and dialog.country.text() == "PT"
    dialog.first.setDate(QDate(2027, 3, 25))
    dialog.last.setDate(QDate(2027, 4, 2))
    assert dialog.can_save(), dialog.summary.text()
    assert "9 days" in dialog.summary.text() and "WET" in dialog.summary.text()
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    stays = services.trips.list_stays()
    assert stays[-1].city == "Lisbon" and stays[-1].lat == pytest.approx(38.7, abs=0.1)
    assert page.current_entry().stay.city == "Lisbon"
    page.undo_stack.undo()
    assert [s.city for s in services.trips.list_stays()] == ["Paris", "Montréal"]
    assert page.model.rowCount() == 3
    page.undo_stack.redo()
    assert [s.city for s in services.trips.list_stays()][-1] == "Lisbon"


def test_city_typed_in_full_is_taken_and_unknown_city_needs_a_zone(qtbot, page) -> None:
    page.new_stay()
    dialog = page.dialog
    dialog.city.setText("Antananarivo")
    dialog.city.editingFinished.emit()
    assert dialog.zone.zone() == "Indian/Antananarivo"
    dialog.city.setText("Koh Lipe")
    dialog.zone.setEditText("")
    assert not dialog.can_save() and "time zone" in dialog.summary.text()
    dialog.zone.setZone("Asia/Bangkok")
    assert dialog.can_save()


def test_overlapping_stay_is_explained_and_cannot_be_saved(page) -> None:
    page.new_stay()
    dialog = page.dialog
    dialog.city.setText("Lyon")
    dialog.zone.setZone("Europe/Paris")
    dialog.first.setDate(QDate(2027, 3, 5))
    dialog.last.setDate(QDate(2027, 3, 8))
    assert not dialog.can_save()
    assert "overlaps Paris, FR" in dialog.summary.text() and "4 days" in dialog.summary.text()
    dialog.accept()  # Enter pressed anyway: nothing happens
    assert dialog.isVisible()


def test_edit_and_delete_a_stay_with_undo(page, services) -> None:
    page.select_entry(("stay", 2))
    page.edit_button.click()
    dialog = page.dialog
    assert isinstance(dialog, StayDialog) and dialog.city.text() == "Montréal"
    dialog.last.setDate(QDate(2027, 3, 31))
    dialog.notes.setPlainText("Coloc rue Saint-Denis")
    dialog.accept()
    assert services.trips.get_stay(2).last_date == date(2027, 3, 31)
    page.undo_stack.undo()
    assert services.trips.get_stay(2).last_date == date(2027, 3, 24)
    page.select_entry(("stay", 2))
    page.delete_button.click()
    assert [s.city for s in services.trips.list_stays()] == ["Paris"]
    page.undo_stack.undo()
    assert services.trips.get_stay(2).city == "Montréal"


def test_transit_dialog_refuses_a_time_in_a_dst_gap_and_saves_a_valid_one(qtbot, page, services) -> None:
    page.new_transit_button.click()
    dialog = page.dialog
    assert isinstance(dialog, TransitDialog)
    assert dialog.from_city.text() == "Montréal"  # suggested from the last stay
    dialog.to_city.choose(dialog.to_city.suggestions("Lisbon")[0])
    assert dialog.arrive.zone() == "Europe/Lisbon"
    dialog.depart.set_value(datetime(2027, 3, 28, 2, 30), "Europe/Paris")  # Paris springs forward at 02:00
    assert not dialog.can_save() and not dialog.depart.is_valid()
    dialog.depart.set_value(datetime(2027, 3, 24, 18, 0), "America/Toronto")
    dialog.arrive.set_value(datetime(2027, 3, 25, 6, 0), "Europe/Lisbon")
    assert dialog.can_save(), dialog.summary.text()
    assert "8 h 00" in dialog.summary.text()  # 22:00 UTC to 06:00 UTC
    dialog.ref.setText("TP 258")
    dialog.accept()
    [_flight, new] = services.trips.list_transits()
    assert new.ref == "TP 258" and new.to_country == "PT" and new.from_tz == "America/Toronto"


def test_transit_overlap_is_explained(page) -> None:
    page.new_transit()
    dialog = page.dialog
    dialog.from_city.setText("Paris")
    dialog.to_city.setText("Lyon")
    dialog.depart.set_value(datetime(2027, 3, 10, 14, 0), "Europe/Paris")
    dialog.arrive.set_value(datetime(2027, 3, 10, 16, 0), "Europe/Paris")
    assert not dialog.can_save() and "overlaps your flight" in dialog.summary.text()


def planned(qtbot, page):  # type: ignore[no-untyped-def]
    """The day view's plan, once the task runner has made it (ui/travel/day_view.py)."""
    qtbot.waitUntil(lambda: not page.day_view.pending, timeout=10_000)
    return page.day_view.canvas.plan


def test_day_view_of_the_flight_day(qtbot, page, trip) -> None:
    page.show_day(date(2027, 3, 10))
    assert page.tabs.currentIndex() == DAY_TAB
    plan = planned(qtbot, page)
    assert plan.hours == 30  # midnight in Paris to midnight in Montréal
    assert [p.zone for p in plan.cm.pieces] == ["Europe/Paris", "Europe/Paris", "America/Toronto"]
    assert [b.kind for b in plan.cm.bands].count("transit") == 1
    [client] = plan.clients
    assert client.title == "Boulangerie Dupont" and [p.post_id for p in client.posts] == [trip["flying"].id]
    assert client.posts[0].kinds == ("transit",)
    assert "30 hours" in page.day_view.caption.text()
    canvas = page.day_view.canvas
    post = client.posts[0]
    y = canvas.strip_top(1) + 20 + 19
    assert canvas.post_at(QPointF(canvas.x_of(post.utc), y)) == post
    tip = canvas.post_tooltip(post)
    assert "You: " in tip and "While you travel" in tip and "AF346" not in tip.split("\n")[0]
    # the guide line reads the same instant on every strip, each in its own zone
    times = dict(canvas.local_times_at(post.utc))
    assert times == {"You": "14:00 CET", "Boulangerie Dupont": "14:00 CET"}
    canvas.grab()  # paints without errors
    qtbot.mouseMove(canvas, canvas.rect().center())


def test_day_view_steps_day_by_day_with_dst_days_drawn_as_they_are(qtbot, page) -> None:
    page.show_day(date(2027, 3, 13))
    page.day_view.next_button.click()
    assert page.day_view.day() == date(2027, 3, 14)
    plan = planned(qtbot, page)
    assert plan.hours == 23  # Montréal springs forward
    cm_hours = [t.hour for t in plan.cm.ticks]
    assert 2 not in cm_hours and cm_hours[:3] == [0, 1, 3]
    page.day_view.next_button.click()
    assert planned(qtbot, page).hours == 24
    times = dict(page.day_view.canvas.local_times_at(datetime.fromisoformat("2027-03-15T08:00:00+00:00")))
    assert times == {"You": "04:00 EDT", "Boulangerie Dupont": "09:00 CET"}
    page.day_view.prev_button.click()
    page.day_view.date_edit.setDate(QDate(2027, 3, 1))
    assert page.day_view.day() == date(2027, 3, 1) and planned(qtbot, page).hours == 24
    assert page.day_view.canvas.plan.day == date(2027, 3, 1)  # the latest day's plan, not the one before


def test_conflicts_panel_acknowledge_and_undo(qtbot, page, services, trip) -> None:
    panel = page.conflicts_panel
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        page.tabs.setCurrentIndex(CONFLICTS_TAB)
    assert panel.range_kind() == "all"  # every future post by default: the trip's, in 2027
    assert panel.model.rowCount() == 2 and panel.checked_label.text().startswith("Checked ")
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        panel.set_range(date(2027, 3, 1), date(2027, 3, 31))
    qtmodeltester_rows = [panel.model.row_at(r).post_id for r in range(panel.model.rowCount())]
    assert qtmodeltester_rows == [trip["flying"].id, trip["night"].id]
    night_row = panel.model.row_of(trip["night"].id)
    tip = panel.model.index(night_row, ConflictsModel.KINDS).data(Qt.ItemDataRole.ToolTipRole)
    assert "While you sleep" in tip and "04:00" in tip and "America/Toronto" in tip
    panel.table.selectRow(night_row)
    assert panel.ack_button.isEnabled() and not panel.unack_button.isEnabled()
    panel.ack_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, AcknowledgeDialog) and set(dialog.boxes) == {"sleep", "off_hours"}
    dialog.note.setText("Instagram publie tout seul")
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        dialog.accept()
    assert [panel.model.row_at(r).post_id for r in range(panel.model.rowCount())] == [trip["flying"].id]
    assert [a.kind for a in services.conflicts.acknowledgements(trip["night"].id)] == ["off_hours", "sleep"]
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        page.undo_stack.undo()
    assert panel.model.rowCount() == 2
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        panel.show_acknowledged.setChecked(True)
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        page.undo_stack.redo()
    row = panel.model.row_of(trip["night"].id)
    assert panel.model.row_at(row).acknowledged == ("sleep", "off_hours")
    panel.table.selectRow(row)
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        panel.unack_button.click()
    assert services.conflicts.acknowledgements(trip["night"].id) == []
    panel.table.selectRow(panel.model.row_of(trip["night"].id))
    panel.day_button.click()
    assert page.tabs.currentIndex() == DAY_TAB and page.day_view.day() == date(2027, 3, 15)


def test_rhythm_dialog_changes_sleep_work_hours_and_home(page, services) -> None:
    page.rhythm_button.click()
    dialog = page.dialog
    assert isinstance(dialog, RhythmDialog)
    assert dialog.sleep.text() == "23:00-07:00" and dialog.work.text() == "Mo-Fr 09:00-18:00"
    dialog.work.setText("Lu-Je 9h-17h; Xx 10h-12h")
    assert not dialog.can_save() and "'Xx'" in dialog.summary.text()
    dialog.work.setText("Lu-Je 9h-17h; Ve 9h-12h")
    assert "Friday: 09:00–12:00" in dialog.week.text() and "Saturday: off" in dialog.week.text()
    dialog.sleep.setText("0h30-8h")
    dialog.home.setZone("Europe/Lisbon")
    assert dialog.can_save()
    dialog.accept()
    assert services.settings.get("work_hours") == "Mo-Th 09:00-17:00; Fr 09:00-12:00"
    assert services.settings.get("sleep") == "00:30-08:00"
    assert services.settings.home_tz() == "Europe/Lisbon"


def test_empty_trip_explains_itself(qtbot, services, task_runner) -> None:
    p = TravelPage(services, ChangeBus(), task_runner)
    qtbot.addWidget(p)
    p.show()
    assert p.empty_label.isVisible() and not p.table.isVisible()
    assert "at home" in p.where_label.text()


def test_city_field_and_zone_picker_hook(qtbot) -> None:
    field = CityField()
    qtbot.addWidget(field)
    seen = []
    field.citySelected.connect(seen.append)
    field.show()
    field.setFocus()
    qtbot.keyClicks(field, "montreal")
    model = field.completer().model()
    assert model.rowCount() >= 1 and model.index(0, 0).data().startswith("Montréal, Canada — America/Toronto")
    field.completer().activated[type(model.index(0, 0))].emit(model.index(0, 0))
    assert field.text() == "Montréal" and seen and seen[0].tz == "America/Toronto"
    qtbot.keyClicks(field, "x")
    assert field.city() is None  # typing forgets the picked city
    assert any(s.zone == "Indian/Antananarivo" for s in zone_suggestions("Tananarive"))
    picker = ZonePicker(city_search=zone_suggestions)
    qtbot.addWidget(picker)
    assert any(s.label == "Lisbon, PT" and s.zone == "Europe/Lisbon" for s in picker.suggestions("Lisboa"))


def test_trip_timeline_click_selects_the_row_and_explains(qtbot, page) -> None:
    timeline = page.timeline
    row = page.model.row_of(("stay", 2))
    rect = timeline._rect(page.model.entry_at(row))
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert page.current_entry().key == ("stay", 2)
    assert timeline.tooltip_for(page.model.entry_at(row)).startswith("Montréal, CA: Wed 10 Mar 2027")
    flight = page.model.entry_at(page.model.row_of(("transit", 1)))
    assert timeline.entry_at(timeline._rect(flight).center()) == flight  # on top of the stays it joins
    timeline.grab()


def test_in_a_team_the_page_is_your_own_itinerary(page, services) -> None:
    """The founder keeps the trip she had alone; a member who joins has an empty itinerary of his own, and
    the page says whose it is."""
    assert "Itinerary of" not in page.where_label.text()  # a CM alone: no team words
    services.members.add("Ana", "ana@example.org")
    services.members.use("Ana")
    services.members.add("Bob", "bob@example.org")
    page.changes.notify("settings")
    assert page.where_label.text().startswith("Itinerary of Ana: each member")
    assert page.model.rowCount() == 3  # her stays and flight, claimed when she founded the team
    services.members.use("Bob")
    page.changes.notify("settings")
    assert page.where_label.text().startswith("Itinerary of Bob")
    assert page.model.rowCount() == 0 and page.empty_label.isVisible()


def test_the_day_plan_is_made_on_the_task_runner(qtbot, page, services, trip, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The day's plan (posts, their conflicts, where she is) was 30-50 ms of the page's first click."""
    from tests.gui_thread_spy import on_gui_thread

    made_on_gui = on_gui_thread(monkeypatch, services, "day_plan")
    with qtbot.waitSignal(page.day_view.planned, timeout=10_000):
        page.show_day(date(2027, 3, 10))
    assert made_on_gui == [False] and page.day_view.canvas.plan.day == date(2027, 3, 10)
