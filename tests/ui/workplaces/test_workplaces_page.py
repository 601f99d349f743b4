"""The Workplaces page: models, filters, the place dialog, speed tests, "worked here", checklists, files."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox

from nomadcm import timezones
from nomadcm.exchange.places_io import import_places
from nomadcm.services.travel.trip_records import StayInput
from nomadcm.services.travel.trips import ItineraryService
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.workplaces.table_models import PlacesModel
from nomadcm.ui.workplaces.visit_table_models import ChecklistModel, SpeedTestsModel, WorkSessionsModel

DATA = Path(__file__).parent.parent.parent / "data"


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.fixture
def places(services):  # type: ignore[no-untyped-def]
    """The Lisbon and Montréal extracts, with speed tests and scores on three places."""
    import_places(services.db, DATA / "osm_lisbon_overpass.json")
    import_places(services.db, DATA / "osm_montreal.geojson")
    w = services.workplaces
    by_name = {p.name: p for p in w.list_places()}
    lab, second, olimpico = (
        by_name["Copenhagen Coffee Lab"],
        by_name["Second Home Lisboa"],
        by_name["Café Olimpico"],
    )
    w.add_speed_test(lab.id, 52, 11, 20, at=utc(2024, 6, 1, 10))
    w.add_speed_test(lab.id, 38, 9, 30, at=utc(2024, 6, 8, 10))
    w.add_speed_test(second.id, 280, 135, 6, at=utc(2024, 6, 2, 10))
    w.add_speed_test(olimpico.id, 12, 3, 40, at=utc(2024, 6, 3, 10))
    w.update_place(lab.id, score_power=4, score_quiet=2, favourite=True, wifi_password="latte42")
    w.update_place(second.id, score_power=5, score_quiet=4)
    return {"lab": lab, "second": second, "olimpico": olimpico}


@pytest.fixture
def page(qtbot, services, task_runner, places):  # type: ignore[no-untyped-def]
    from nomadcm.ui.workplaces.page import WorkplacesPage

    widget = WorkplacesPage(services, ChangeBus(), task_runner)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


def shown(page) -> list[str]:  # type: ignore[no-untyped-def]
    model = page.model
    return sorted(model.index(r, PlacesModel.NAME).data() for r in range(model.rowCount()))


# --------------------------------------------------------------------------- models


def test_models_pass_the_model_tester(qtmodeltester, services, places):
    model = PlacesModel(services.workplaces.catalog)
    model.reload()
    assert model.rowCount() == 12
    qtmodeltester.check(model)
    tests = SpeedTestsModel()
    tests.set_tests(services.workplaces.speed_tests(places["lab"].id), "Europe/Lisbon")
    qtmodeltester.check(tests)
    sessions = WorkSessionsModel()
    services.workplaces.log_work(places["lab"].id, utc(2024, 6, 1, 9), utc(2024, 6, 1, 12))
    sessions.set_sessions(services.workplaces.work_sessions(places["lab"].id))
    qtmodeltester.check(sessions)
    checklist = ChecklistModel(lambda _id, _fields: True)
    stay = ItineraryService(services.db).add_stay(
        StayInput("Lisbon", "Europe/Lisbon", date(2024, 6, 1), date(2024, 6, 10), "PT")
    )
    services.workplaces.add_to_checklist(stay.id, [places["lab"].id, places["second"].id])
    checklist.set_entries(services.workplaces.checklist(stay.id))
    qtmodeltester.check(checklist)


def test_table_shows_medians_scores_and_hours_state(page, places):
    model = page.model
    row = model.row_of(places["lab"].id)
    cell = lambda col: model.index(row, col).data()  # noqa: E731
    assert (cell(PlacesModel.FAV), cell(PlacesModel.DOWN), cell(PlacesModel.UP), cell(PlacesModel.TESTS)) == (
        "★",
        "45.0",
        "10.0",
        "2",
    )
    assert (cell(PlacesModel.POWER), cell(PlacesModel.QUIET), cell(PlacesModel.KIND)) == ("4", "2", "Café")
    assert cell(PlacesModel.OPEN) in ("Open", "Closed")
    fabrica = model.row_of(next(p.id for p in model.catalog().places if p.name == "Fábrica Coffee Roasters"))
    assert model.index(fabrica, PlacesModel.OPEN).data() == "? hours not understood"
    assert "seg-sex 9h-18h" in model.index(fabrica, PlacesModel.OPEN).data(Qt.ItemDataRole.ToolTipRole)


# --------------------------------------------------------------------------- filters


def test_min_download_slider(page):
    assert len(shown(page)) == 12
    page.min_down.setValue(8)  # 40 Mbit/s
    assert shown(page) == ["Copenhagen Coffee Lab", "Second Home Lisboa"]
    assert page.min_down_label.text() == "40 Mbit/s"
    page.min_down.setValue(20)
    assert shown(page) == ["Second Home Lisboa"]
    assert "1 place(s) shown of 12" in page.count_label.text()


def test_city_kind_power_quiet_favourites_and_search(page):
    cities = [page.city.itemText(i) for i in range(page.city.count())]
    assert cities[0] == "All cities" and "Montréal" in cities and len(cities) == 3  # Lisboa = Lisbon
    page.city.setCurrentIndex(page.city.findText("Montréal"))
    assert shown(page) == ["Café Olimpico", "Grande Bibliothèque", "Maison Notman"]
    page.city.setCurrentIndex(0)
    page.kind.setCurrentIndex(page.kind.findData("coworking"))
    assert shown(page) == ["Heden Santa Apolónia", "Maison Notman", "Second Home Lisboa"]
    page.min_power.setValue(5)
    assert shown(page) == ["Second Home Lisboa"]
    page.clear_filters()
    page.min_quiet.setValue(2)
    page.favourites.setChecked(True)
    assert shown(page) == ["Copenhagen Coffee Lab"]
    page.clear_filters()
    page.search.setText("bibliotheque")
    assert shown(page) == ["Grande Bibliothèque"]  # accents ignored


def test_open_at_a_chosen_time_on_each_places_clock(page):
    page.open_mode.setCurrentIndex(page.open_mode.findData(2))
    assert page.open_at.isEnabled()
    page.open_at.setDateTime(QDateTime(QDate(2024, 7, 14), QTime(12, 0)))  # Sunday noon
    assert shown(page) == [
        "Café Olimpico",
        "Copenhagen Coffee Lab",
        "Grande Bibliothèque",
        "Jardim da Estrela",
        "Lisboa Central Hostel",
    ]
    page.open_at.setDateTime(QDateTime(QDate(2024, 7, 15), QTime(3, 0)))  # Monday 03:00
    assert shown(page) == ["Lisboa Central Hostel"]  # 24/7; the others open at 07:00 or later
    assert "Fábrica Coffee Roasters" not in shown(page)


def test_open_now_never_lists_unknown_hours(page):
    page.open_mode.setCurrentIndex(page.open_mode.findData(1))
    names = shown(page)
    assert (
        "Fábrica Coffee Roasters" not in names
        and "Cyber Chiado" not in names
        and "Cais do Sodré" not in names
    )


def test_sorting_by_download(page):
    page.table.sortByColumn(PlacesModel.DOWN, Qt.SortOrder.DescendingOrder)
    first = [page.model.index(r, PlacesModel.NAME).data() for r in range(3)]
    assert first == ["Second Home Lisboa", "Copenhagen Coffee Lab", "Café Olimpico"]


# --------------------------------------------------------------------------- the place dialog


def test_new_place_in_the_dialog(qtbot, services, page):
    from nomadcm.ui.workplaces.place_dialog import PlaceDialog

    dialog = PlaceDialog(services, None, page)
    qtbot.addWidget(dialog)
    dialog.name.setText("Le Nid")
    dialog.kind.setCurrentIndex(dialog.kind.findData("coworking"))
    dialog.city.setText("Montréal")
    dialog.city.editingFinished.emit()
    assert "America/Toronto" in dialog.zone_hint.text()
    dialog.hours.setText("lundi 9h-18h")
    assert "Not understood" in dialog.hours_status.text()
    dialog.hours.setText("Mo-Fr 09:00-18:00")
    assert dialog.hours_status.text().startswith(("Open now", "Closed now"))
    dialog.scores["score_power"].setValue(4)
    dialog.password.setText("nid-2024")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = services.workplaces.get_place(dialog.saved_id)
    assert (saved.name, saved.kind, saved.tz, saved.score_power, saved.score_quiet) == (
        "Le Nid",
        "coworking",
        "America/Toronto",
        4,
        None,
    )
    assert services.workplaces.wifi_password(saved.id) == "nid-2024"


def test_dialog_errors_stay_in_the_dialog(qtbot, services, page, places):
    from nomadcm.ui.workplaces.place_dialog import PlaceDialog

    dialog = PlaceDialog(services, services.workplaces.get_place(places["lab"].id), page)
    qtbot.addWidget(dialog)
    dialog.name.setText("Second Home Lisboa")  # another place of the same city has that name
    dialog.save()
    assert dialog.error.isVisibleTo(dialog) and "already exists" in dialog.error.text()
    dialog.name.setText("Copenhagen Coffee Lab")
    dialog.lat.clear()
    dialog.save()
    assert "latitude and the longitude" in dialog.error.text()
    assert dialog.result() != dialog.DialogCode.Accepted


def test_password_is_masked_until_shown(qtbot, services, page, places):
    from nomadcm.ui.workplaces.place_dialog import PlaceDialog

    dialog = PlaceDialog(services, services.workplaces.get_place(places["lab"].id), page)
    qtbot.addWidget(dialog)
    assert dialog.password.text() == "latte42"
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Password
    dialog.show_password.click()
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Normal
    dialog.show_password.click()
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Password


def test_speed_test_history_and_chart(qtbot, services, page, places, monkeypatch):
    from nomadcm.ui.workplaces.place_dialog import PlaceDialog

    dialog = PlaceDialog(services, services.workplaces.get_place(places["lab"].id), page)
    qtbot.addWidget(dialog)
    assert dialog.tests_model.rowCount() == 2
    assert "Median 45.0 Mbit/s down, 10.0 up over 2 test(s)" in dialog.tests_summary.text()
    assert len(dialog.chart._tests) == 2 and "Median" in dialog.chart.toolTip()
    dialog.chart.resize(400, 140)
    assert not dialog.chart.grab().isNull()
    dialog.tests_table.selectRow(0)  # the newest
    monkeypatch.setattr("nomadcm.ui.plain_text.ask", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.delete_test()
    assert [t.down_mbps for t in services.workplaces.speed_tests(places["lab"].id)] == [52]


def test_speed_test_dialog(qtbot, services, places):
    from nomadcm.ui.workplaces.dialogs import SpeedTestDialog

    place = services.workplaces.get_place(places["olimpico"].id)
    dialog = SpeedTestDialog(services, place)
    qtbot.addWidget(dialog)
    assert dialog.when.zone() == "America/Toronto"
    dialog.down.setValue(30)
    dialog.up.setValue(8)
    dialog.tool.setCurrentIndex(dialog.tool.findData("fast.com"))
    dialog.save()
    assert dialog.added is not None and dialog.added.tool == "fast.com" and dialog.added.ping_ms is None
    assert services.workplaces.get_place(place.id).tests == 2


def test_worked_here_dialog_logs_screen_time(qtbot, services, places):
    from nomadcm.ui.workplaces.dialogs import WorkedHereDialog

    place = services.workplaces.get_place(places["lab"].id)
    dialog = WorkedHereDialog(services, place)
    qtbot.addWidget(dialog)
    assert dialog.start.zone() == "Europe/Lisbon" and dialog.duration.text() == "2 h 00"
    dialog.start.set_value(datetime(2024, 7, 15, 9, 0), "Europe/Lisbon")
    dialog.end.set_value(datetime(2024, 7, 15, 8, 0), "Europe/Lisbon")
    dialog.save()
    assert "end after it starts" in dialog.error.text()
    dialog.end.set_value(datetime(2024, 7, 15, 12, 30), "Europe/Lisbon")
    dialog.activity.setText("community replies")
    dialog.save()
    assert dialog.logged is not None and dialog.logged.duration == timedelta(hours=3, minutes=30)
    (session,) = services.workplaces.work_sessions(place.id)
    assert session.start == utc(2024, 7, 15, 8) and session.activity == "community replies"


# --------------------------------------------------------------------------- checklists


@pytest.fixture
def lisbon_trip(services, places):  # type: ignore[no-untyped-def]
    it = ItineraryService(services.db)
    lisbon = it.add_stay(StayInput("Lisbon", "Europe/Lisbon", date(2030, 5, 1), date(2030, 5, 10), "PT"))
    porto = it.add_stay(StayInput("Porto", "Europe/Lisbon", date(2030, 5, 11), date(2030, 5, 20), "PT"))
    return lisbon, porto


def test_checklist_tick_and_warning_for_a_stay_without_wifi(qtbot, services, lisbon_trip, places):
    from nomadcm.ui.workplaces.checklist import ChecklistPanel

    lisbon, porto = lisbon_trip
    services.workplaces.add_to_checklist(lisbon.id, [places["lab"].id, places["second"].id])
    panel = ChecklistPanel(services)
    qtbot.addWidget(panel)
    panel.show()
    panel.select_stay(lisbon.id)
    assert panel.model.rowCount() == 2 and not panel.warning.isVisible()
    index = panel.model.index(0, ChecklistModel.TESTED)
    assert panel.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    entry = services.workplaces.checklist(lisbon.id)[0]
    assert (entry.visited, entry.tested) == (True, True)
    assert (
        panel.model.index(0, ChecklistModel.VISITED).data(Qt.ItemDataRole.CheckStateRole)
        == Qt.CheckState.Checked
    )
    panel.model.setData(
        panel.model.index(1, ChecklistModel.NOTE), "ask for the code", Qt.ItemDataRole.EditRole
    )
    assert services.workplaces.checklist(lisbon.id)[1].note == "ask for the code"
    panel.select_stay(porto.id)
    assert panel.warning.isVisible() and "No workplace with WiFi known in Porto" in panel.warning.text()
    assert panel.empty.isVisible()


def test_checklist_add_dialog_and_exports(qtbot, services, lisbon_trip, places, tmp_path, monkeypatch):
    from nomadcm.ui.workplaces.checklist import AddPlacesDialog, ChecklistPanel

    lisbon, _porto = lisbon_trip
    panel = ChecklistPanel(services)
    qtbot.addWidget(panel)
    panel.select_stay(lisbon.id)
    dialog = AddPlacesDialog(services, panel.current_stay())
    qtbot.addWidget(dialog)
    assert dialog.items.rowCount() == 9  # the Lisbon places, not Montréal's
    assert dialog.items.item(0).text().startswith("★ Copenhagen Coffee Lab")
    dialog.check_all()
    services.workplaces.add_to_checklist(lisbon.id, dialog.chosen_ids())
    panel.reload()
    assert panel.model.rowCount() == 9
    for suffix, action in (
        (".csv", panel.export_csv),
        (".html", panel.export_html),
        (".pdf", panel.export_pdf),
    ):
        target = tmp_path / f"checklist{suffix}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        action()
        assert target.exists() and target.stat().st_size > 0
    assert (tmp_path / "checklist.pdf").read_bytes().startswith(b"%PDF")
    assert "Copenhagen Coffee Lab" in (tmp_path / "checklist.html").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- page actions and files


def test_import_runs_on_a_worker_and_reports(qtbot, services, task_runner, tmp_path, monkeypatch):
    from nomadcm.ui.workplaces.page import WorkplacesPage

    page = WorkplacesPage(services, ChangeBus(), task_runner)
    qtbot.addWidget(page)
    assert page.empty_label.text().startswith("No workplace yet")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(DATA / "osm_montreal.geojson"), "")
    )
    said: list[str] = []
    monkeypatch.setattr("nomadcm.ui.plain_text.inform", lambda _p, _t, text, *a, **k: said.append(text))
    page.import_file()
    qtbot.waitUntil(lambda: bool(said) and not page.job_running(), timeout=10_000)
    assert said[0].startswith("3 place(s) added, 0 updated; 2 skipped")
    assert page.model.rowCount() == 3 and not page.progress.isVisible()


def test_a_bad_import_says_every_bad_record(qtbot, services, task_runner, tmp_path, monkeypatch):
    from nomadcm.ui.workplaces.page import WorkplacesPage

    bad = tmp_path / "bad.csv"
    bad.write_text("name,score_quiet\nA,9\nB,x\n", encoding="utf-8")
    page = WorkplacesPage(services, ChangeBus(), task_runner)
    qtbot.addWidget(page)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    said: list[str] = []
    monkeypatch.setattr("nomadcm.ui.plain_text.warn", lambda _p, _t, text, *a, **k: said.append(text))
    page.import_file()
    qtbot.waitUntil(lambda: bool(said) and not page.job_running(), timeout=10_000)
    assert "Nothing was imported: 2 record(s)" in said[0] and "line 2" in said[0] and "line 3" in said[0]
    assert services.workplaces.list_places() == []


def test_export_the_places_shown_asking_about_passwords(page, services, tmp_path, monkeypatch):
    page.favourites.setChecked(True)
    target = tmp_path / "mine.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV (*.csv)"))
    monkeypatch.setattr("nomadcm.ui.plain_text.ask", lambda *a, **k: QMessageBox.StandardButton.No)
    page.export_file()
    text = target.read_text(encoding="utf-8")
    assert "Copenhagen Coffee Lab" in text and "Second Home" not in text and "latte42" not in text


def test_delete_and_add_to_a_trip(page, services, places, lisbon_trip, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    lisbon, _porto = lisbon_trip
    page.select_place(places["second"].id)
    assert page.selected_place().id == places["second"].id and page.edit_button.isEnabled()
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda _p, _t, _l, items, current, _e: (items[current], True)
    )
    page.add_to_trip()
    assert [e.place.name for e in services.workplaces.checklist(lisbon.id)] == ["Second Home Lisboa"]
    monkeypatch.setattr("nomadcm.ui.plain_text.ask", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.delete_selected()
    page.reload()
    assert "Second Home Lisboa" not in shown(page)
    assert services.workplaces.checklist(lisbon.id) == []


def test_page_is_in_the_sidebar(window):
    from nomadcm.ui.pages import page_spec
    from nomadcm.ui.workplaces.page import WorkplacesPage

    assert page_spec("workplaces") is not None
    assert isinstance(window.show_page("workplaces"), WorkplacesPage)


def test_open_column_follows_the_clock(page, places, monkeypatch):
    model = page.model
    row = model.row_of(places["olimpico"].id)  # Mo-Su 07:00-24:00 in Montréal
    monkeypatch.setattr(timezones, "now_utc", lambda: utc(2024, 7, 15, 8))  # 04:00 in Montréal
    model.refresh_now()
    assert model.index(row, PlacesModel.OPEN).data() == "Closed"
    monkeypatch.setattr(timezones, "now_utc", lambda: utc(2024, 7, 15, 14))  # 10:00 in Montréal
    model.refresh_now()
    assert model.index(row, PlacesModel.OPEN).data() == "Open"


def _cells(model) -> list[list[object]]:  # type: ignore[no-untyped-def]
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def _on_screen(page) -> tuple[object, ...]:  # type: ignore[no-untyped-def]
    panel = page.checklist
    return (
        _cells(page.model),
        [page.city.itemText(i) for i in range(page.city.count())],
        panel.stay_combo.currentText(),
        _cells(panel.model),
        panel.warning.isVisibleTo(panel),
        page.count_label.text(),
    )


def test_the_first_click_reads_the_places_off_the_gui_thread(  # type: ignore[no-untyped-def]
    window,
    services,
    places,
    lisbon_trip,
    qtbot,
    monkeypatch,
) -> None:
    """The first show from the sidebar (ui/workplaces/reading.py, ui/page_loading.py): the catalogue of places
    and the trip checklist it opens on are read on the window's page-reads runner; the GUI thread only builds
    the page, which shows what a page built at once shows."""
    from nomadcm.ui.pages import PAGES
    from nomadcm.ui.workplaces import checklist, reading
    from tests.gui_thread_spy import on_gui_thread

    row = next(i for i, spec in enumerate(PAGES) if spec.key == "workplaces")
    lisbon, porto = lisbon_trip
    services.workplaces.add_to_checklist(lisbon.id, [places["lab"].id, places["second"].id])
    worker = on_gui_thread(monkeypatch, reading, "read_first")
    catalog = on_gui_thread(monkeypatch, services.workplaces, "catalog")
    checklists = on_gui_thread(monkeypatch, checklist, "read_checklist")
    schedule = window.stack.currentWidget()
    window.sidebar.setCurrentRow(row)  # her click
    assert window.stack.currentWidget() is schedule
    qtbot.waitUntil(lambda: "workplaces" in window._pages, timeout=10_000)
    page = window._pages["workplaces"]
    assert window.stack.currentWidget() is page
    assert worker == [False] and catalog == [False] and checklists == []  # all on the task runner
    first = _on_screen(page)
    assert len(first[0]) == 12 and first[2].startswith("Lisbon") and len(first[3]) == 2
    page.reload()
    page.checklist.reload_stays()  # both read again on the GUI thread: the same on screen
    assert catalog == [False, True] and checklists == [True]
    assert _on_screen(page) == first
    page.checklist.select_stay(porto.id)  # another stay: its own list, and its warning (no WiFi in Porto)
    assert page.checklist.model.rowCount() == 0 and page.checklist.warning.isVisibleTo(page.checklist)
