"""The shared widgets: the zone picker (with a pluggable city search) and the zoned date-time editor."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate, Qt, QTime

from nomadcm.ui.widgets import zone_picker
from nomadcm.ui.widgets.zone_picker import ZONE_ROLE, ZonePicker, ZoneSuggestion
from nomadcm.ui.widgets.zoned_datetime import ZonedDateTimeEdit


def test_zone_picker_accepts_any_spelling_and_reports_changes(qtbot):
    picker = ZonePicker()
    qtbot.addWidget(picker)
    seen: list[str] = []
    picker.zoneChanged.connect(seen.append)
    picker.setZone("europe/paris")
    assert picker.zone() == "Europe/Paris" and picker.currentText() == "Europe/Paris"
    picker.setEditText("Mars/Olympus")
    assert picker.zone() == "" and not picker.isValid()
    picker.setZone("Asia/Kolkata")
    assert seen == ["Europe/Paris", "", "Asia/Kolkata"]


def test_zone_picker_suggests_zones_by_any_part_of_their_name(qtbot):
    picker = ZonePicker()
    qtbot.addWidget(picker)
    assert [s.zone for s in picker.suggestions("new york")] == ["America/New_York"]
    assert picker.suggestions("toronto")[0].zone == "America/Toronto"
    assert "Asia/Kathmandu" in [s.zone for s in picker.suggestions("kathm")]
    assert picker.suggestions("   ") == []


def test_zone_picker_completes_a_city_name_typed_in_full(qtbot):
    picker = ZonePicker()
    qtbot.addWidget(picker)
    picker.show()
    picker.lineEdit().setFocus()
    qtbot.keyClicks(picker.lineEdit(), "toronto")
    assert picker.zone() == ""
    picker.lineEdit().editingFinished.emit()
    assert picker.zone() == "America/Toronto"


@pytest.fixture
def montreal_search():  # type: ignore[no-untyped-def]
    calls: list[str] = []

    def search(text: str) -> list[ZoneSuggestion]:
        calls.append(text)
        if "mont" in text.casefold():
            return [ZoneSuggestion("Montréal, CA", "America/Toronto")]
        return []

    yield search, calls
    zone_picker.set_default_city_search(None)


def test_a_city_search_can_be_plugged_in_and_sets_the_zone(qtbot, montreal_search):
    search, calls = montreal_search
    zone_picker.set_default_city_search(search)
    picker = ZonePicker()
    qtbot.addWidget(picker)
    picker.show()
    assert ZoneSuggestion("Montréal, CA", "America/Toronto") in picker.suggestions("Montr")
    assert calls == ["Montr"]
    picker.lineEdit().setFocus()
    qtbot.keyClicks(picker.lineEdit(), "montr")
    completer = picker.lineEdit().completer()
    model = completer.model()
    labels = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert any(label.startswith("Montréal, CA — America/Toronto") for label in labels)
    row = next(r for r, label in enumerate(labels) if label.startswith("Montréal"))
    assert model.index(row, 0).data(ZONE_ROLE) == "America/Toronto"
    completer.activated[type(model.index(row, 0))].emit(model.index(row, 0))
    assert picker.zone() == "America/Toronto"


def test_per_picker_city_search_wins_over_none(qtbot, montreal_search):
    search, _calls = montreal_search
    picker = ZonePicker(city_search=search)
    qtbot.addWidget(picker)
    assert any(s.label == "Montréal, CA" for s in picker.suggestions("mont"))
    assert not any(s.label == "Montréal, CA" for s in ZonePicker().suggestions("mont"))


def test_zoned_editor_plain_time(qtbot):
    edit = ZonedDateTimeEdit()
    qtbot.addWidget(edit)
    edit.set_value(datetime(2030, 1, 15, 14, 45), "Asia/Kathmandu")
    assert edit.is_valid()
    assert edit.instant() == datetime(2030, 1, 15, 9, 0, tzinfo=UTC)
    assert not edit.message.isVisibleTo(edit)
    assert edit.fold() == 0


def test_zoned_editor_gap_in_a_southern_zone(qtbot):
    edit = ZonedDateTimeEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.set_value(datetime(2030, 10, 6, 2, 15), "Australia/Sydney")  # clocks jump 02:00 -> 03:00
    assert not edit.is_valid()
    assert "02:15 does not exist in Australia/Sydney" in edit.problem()
    assert edit.use_gap_end.isVisible()
    edit.use_gap_end.click()
    assert edit.wall() == datetime(2030, 10, 6, 3, 0)
    assert edit.is_valid() and edit.problem() == ""


def test_zoned_editor_fold_choice_and_invalid_zone(qtbot):
    edit = ZonedDateTimeEdit()
    qtbot.addWidget(edit)
    edit.show()
    changes: list[int] = []
    edit.changed.connect(lambda: changes.append(1))
    edit.set_value(datetime(2030, 11, 3, 1, 30), "America/Toronto", fold=1)
    assert edit.fold_box.isVisible() and edit.second_choice.isChecked()
    assert edit.instant() == datetime(2030, 11, 3, 6, 30, tzinfo=UTC)
    edit.first_choice.click()
    assert edit.fold() == 0 and edit.instant() == datetime(2030, 11, 3, 5, 30, tzinfo=UTC)
    edit.time_edit.setTime(QTime(3, 0))
    assert not edit.fold_box.isVisible() and edit.fold() == 0
    edit.zone_picker.setEditText("Nowhere/Land")
    assert not edit.is_valid() and "not a time zone" in edit.problem()
    edit.date_edit.setDate(QDate(2030, 11, 4))
    assert changes


def test_zoned_editor_keyboard_entry(qtbot):
    edit = ZonedDateTimeEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.set_value(datetime(2030, 3, 31, 9, 0), "Europe/Paris")
    edit.time_edit.setFocus()
    edit.time_edit.setSelectedSection(edit.time_edit.Section.HourSection)
    qtbot.keyClick(edit.time_edit, Qt.Key.Key_Down)
    assert edit.wall() == datetime(2030, 3, 31, 8, 0)
    assert edit.instant() == datetime(2030, 3, 31, 6, 0, tzinfo=UTC)
