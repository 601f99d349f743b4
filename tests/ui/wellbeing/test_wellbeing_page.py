"""The Wellbeing page: models, chart, periods, quick-add with undo, delete, export, goals, imports."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog

from nomadcm import timezones
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.wellbeing.table_models import AppTableModel, DayTableModel, EntryTableModel

DATA = Path(__file__).parent.parent.parent / "data" / "wellbeing"


def at(text: str, zone: str = "Europe/Paris") -> datetime:
    return timezones.localize(datetime.strptime(text, "%Y-%m-%d %H:%M"), zone)


@pytest.fixture
def bus() -> ChangeBus:
    return ChangeBus()


@pytest.fixture
def page(qtbot, services, bus, task_runner):  # type: ignore[no-untyped-def]
    from nomadcm.ui.wellbeing.page import WellbeingPage

    wb = services.wellbeing
    wb.add_screen("laptop", at("2027-03-24 08:00"), at("2027-03-24 18:30"))  # over 8 h
    wb.add_screen("phone", at("2027-03-24 21:00"), at("2027-03-24 21:40"))
    wb.add_rest("sleep", at("2027-03-24 00:30"), at("2027-03-24 06:00"), quality=2)  # short night
    widget = WellbeingPage(services, bus, task_runner)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    widget.set_range("week", date(2027, 3, 24))
    drawn(qtbot, widget.chart)
    return widget


def drawn(qtbot, chart):  # type: ignore[no-untyped-def]
    """The chart's latest view, once the task runner has drawn it (ui/widgets/chart_image.py)."""
    qtbot.waitUntil(lambda: not chart.renderer.pending, timeout=10_000)
    return chart.figure


def test_models_pass_the_model_tester(qtmodeltester, page) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(page.day_model)
    qtmodeltester.check(page.entry_model)
    qtmodeltester.check(page.app_model)
    qtmodeltester.check(DayTableModel())
    qtmodeltester.check(EntryTableModel())
    qtmodeltester.check(AppTableModel())


def test_table_shows_the_charts_numbers(page) -> None:  # type: ignore[no-untyped-def]
    assert page.period() == (date(2027, 3, 22), date(2027, 3, 28))
    model = page.day_model
    assert model.rowCount() == 7
    row = 2  # Wednesday 24
    assert model.index(row, DayTableModel.DATE).data() == "Wed 24 Mar 2027"
    assert model.index(row, DayTableModel.FIRST_DEVICE).data() == "10 h 30"
    assert model.index(row, DayTableModel.TOTAL).data() == "11 h 10"
    assert model.index(row, DayTableModel.SLEEP).data() == "5 h 30"
    assert model.index(row, DayTableModel.TOTAL).data(Qt.ItemDataRole.ForegroundRole) is not None
    tip = model.index(row, DayTableModel.WARNINGS).data(Qt.ItemDataRole.ToolTipRole)
    assert "Slept 5 h 30, under the 7 h 00 sleep goal" in tip and "over the 8 h 00 daily limit" in tip
    assert page.entry_model.rowCount() == 3
    # the chart was drawn with the same report: laptop bars and the goal lines in the legend
    legend = [t.get_text() for t in page.chart.figure.axes[0].get_legend().get_texts()]
    assert "Laptop" in legend and "Daily screen limit (8\u00a0h)" in legend
    assert "Sleep goal (7\u00a0h)" in legend


def test_periods_and_views(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    page.step(1)
    assert page.period() == (date(2027, 3, 29), date(2027, 4, 4))
    page.set_range("month", date(2027, 2, 10))
    assert page.period() == (date(2027, 2, 1), date(2027, 2, 28))
    page.step(-1)
    assert page.period() == (date(2027, 1, 1), date(2027, 1, 31))
    page.set_range("year", date(2027, 3, 1))
    assert page.period() == (date(2027, 1, 1), date(2027, 12, 31)) and page.day_model.rowCount() == 365
    page.set_custom(date(2027, 3, 20), date(2027, 3, 25))
    assert page.period() == (date(2027, 3, 20), date(2027, 3, 25)) and page.day_model.rowCount() == 6
    titles = set()
    for view in ("weekly", "rest", "daily"):
        page.chart.set_view(view)
        titles.add(drawn(qtbot, page.chart).axes[0].get_title())
    assert titles == {"Weekly totals", "Rest against the goals", "Screen time and rest per day"}


def test_quick_add_then_undo_and_redo(page, qtbot, services) -> None:  # type: ignore[no-untyped-def]
    dialog = page.add_entry()
    dialog.type_box.setCurrentIndex(1)  # rest
    dialog.kind.setCurrentIndex(dialog.kind.findData("sport"))
    dialog.start_edit.set_value(datetime(2027, 3, 25, 18, 0), "Europe/Paris")
    dialog.end_edit.set_value(datetime(2027, 3, 25, 19, 30), "Europe/Paris")
    dialog.buttons.accepted.emit()
    assert page.entry_model.rowCount() == 4
    assert page.day_model.index(3, DayTableModel.REST).data() == "1 h 30"
    page.undo_stack.undo()
    assert page.entry_model.rowCount() == 3
    page.undo_stack.redo()
    assert page.entry_model.rowCount() == 4


def test_quick_add_refuses_an_end_before_the_start(page) -> None:  # type: ignore[no-untyped-def]
    dialog = page.add_entry()
    dialog.start_edit.set_value(datetime(2027, 3, 25, 18, 0), "Europe/Paris")
    dialog.end_edit.set_value(datetime(2027, 3, 25, 17, 0), "Europe/Paris")
    dialog.buttons.accepted.emit()
    assert dialog.isVisible() and "end must come after the start" in dialog.error.text()
    assert page.entry_model.rowCount() == 3


def test_quick_add_zone_follows_the_itinerary(page, services) -> None:  # type: ignore[no-untyped-def]
    services.settings.set_home_tz("Asia/Bangkok")
    dialog = page.add_entry()
    dialog._timeline = services.wellbeing.timeline()
    dialog.start_edit.date_edit.setDate(dialog.start_edit.date_edit.date().addDays(1))  # the user edits
    assert dialog.start_edit.zone() == "Asia/Bangkok" and dialog.end_edit.zone() == "Asia/Bangkok"
    dialog.start_edit.zone_picker.setZone("Europe/Lisbon")  # the user's pick wins from now on
    dialog.start_edit.date_edit.setDate(dialog.start_edit.date_edit.date().addDays(1))
    assert dialog.start_edit.zone() == "Europe/Lisbon"


def test_edit_and_delete_with_undo(page, services) -> None:  # type: ignore[no-untyped-def]
    table = page.entry_table
    phone_row = next(
        r
        for r in range(page.entry_model.rowCount())
        if page.entry_model.index(r, EntryTableModel.WHAT).data() == "Phone"
    )
    table.selectionModel().select(
        page.entry_model.index(phone_row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    dialog = page.edit_selected()
    assert dialog.device.currentData() == "phone"
    dialog.device.setCurrentIndex(dialog.device.findData("tablet"))
    dialog.buttons.accepted.emit()
    assert page.day_model.index(2, DayTableModel.FIRST_DEVICE + 2).data() == "0 h 40"  # tablet
    page.undo_stack.undo()
    assert page.day_model.index(2, DayTableModel.FIRST_DEVICE + 1).data() == "0 h 40"  # phone again
    table.selectAll()
    page.delete_selected()
    assert page.entry_model.rowCount() == 0
    page.undo_stack.undo()
    assert page.entry_model.rowCount() == 3


def test_badges_show_this_weeks_broken_goals(page, services) -> None:  # type: ignore[no-untyped-def]
    page._today = date(2027, 3, 26)
    page.refresh_badges()
    assert page.badges == ["1 short night", "1 day over the screen limit"] or sorted(page.badges) == sorted(
        ["1 short night(s)", "1 day(s) over the screen limit"]
    )


def test_export_chart_png_and_svg(page, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "chart.svg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "SVG drawing (*.svg)"))
    assert page.export_chart() == target
    assert "<svg" in target.read_text()
    png = tmp_path / "chart"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(png), "PNG image (*.png)"))
    assert page.export_chart() == png.with_suffix(".png")
    assert png.with_suffix(".png").read_bytes()[:4] == b"\x89PNG"


def test_goals_dialog_saves_and_the_page_follows(page, services, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = page.edit_goals()
    assert "2003/88/EC" in dialog.fields["daily_rest_hours"].toolTip()
    assert "Sleep Medicine" in dialog.fields["sleep_goal_hours"].toolTip()
    dialog.fields["screen_limit_day_hours"].setValue(12)
    dialog.save()
    assert services.personal_settings.get("screen_limit_day_hours") == 12.0
    tip = page.day_model.index(2, DayTableModel.WARNINGS).data(Qt.ItemDataRole.ToolTipRole)
    assert "daily limit" not in tip


def test_import_activitywatch_file_runs_on_a_worker(page, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(DATA / "aw-buckets-export-python.json"), "")
    )
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Laptop", True))
    page.set_range("week", date(2027, 3, 26))
    dialog = page.import_activitywatch_file()
    qtbot.waitUntil(lambda: dialog.outcome != "", timeout=10000)
    assert dialog.outcome == "imported" and "3 added" in dialog.message.text()
    qtbot.waitUntil(lambda: page.day_model.index(4, DayTableModel.FIRST_DEVICE).data() == "5 h 00")
    assert page.app_model.rowCount() == 4


def test_a_bad_import_lists_every_row(page, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(DATA / "sleep-export-bad.csv"), "")
    )
    dialog = page.import_sleep_as_android()
    qtbot.waitUntil(lambda: dialog.outcome != "", timeout=10000)
    assert dialog.outcome == "failed"
    assert dialog.problems.toPlainText().count("line ") == 3


def test_the_chart_is_drawn_on_the_task_runner_not_the_gui_thread(page, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A month's daily view took 136 ms of artists and 85 ms of rendering on the GUI thread (bench_pages)."""
    import nomadcm.ui.wellbeing.chart as chart_module
    from tests.gui_thread_spy import on_gui_thread

    on_gui = on_gui_thread(monkeypatch, chart_module, "draw")
    page.set_range("month", date(2027, 3, 1))
    assert page.chart.renderer.pending  # the page is back to the event loop before the chart is drawn
    assert drawn(qtbot, page.chart).axes[0].get_title() == "Screen time and rest per day"
    assert on_gui == [False]
