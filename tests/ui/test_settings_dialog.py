"""The Settings dialog: every area's settings in one place, checked before anything is written."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from nomadcm.services.container import Services
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.settings_dialog import SettingsDialog
from nomadcm.ui.widgets import unsaved

REAL_CONFIRM = unsaved.confirm_discard  # the conftest makes closing discard; these tests ask for real


@pytest.fixture
def dialog(qtbot, services: Services):  # type: ignore[no-untyped-def]
    bus = ChangeBus()
    dlg = SettingsDialog(services, bus)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.bus = bus
    return dlg


def choose(combo, data) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findData(data))


def answer_discard(monkeypatch: pytest.MonkeyPatch, discard: bool) -> list[str]:
    """The real "Discard your changes?" box, answered by a simulated click."""
    monkeypatch.setattr(unsaved, "confirm_discard", REAL_CONFIRM)
    asked: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        asked.append(box.text())
        wanted = "Discard changes" if discard else "Keep editing"
        box.setProperty("clicked", wanted)
        button = next(b for b in box.buttons() if b.text() == wanted)
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return asked


def test_shows_current_values_of_every_area(dialog: SettingsDialog, services: Services) -> None:
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "General",
        "Home and rhythm",
        "Wellbeing",
        "Post reminders",
    ]
    sleep, work, home = dialog.rhythm.values()  # type: ignore[attr-defined]
    assert (sleep, work, home) == ("23:00-07:00", "Mo-Fr 09:00-18:00", "Europe/Paris")
    assert dialog.goals.fields["sleep_goal_hours"].value() == 7.0  # type: ignore[attr-defined]
    assert dialog.reminder_minutes.value() == 10


def test_save_writes_everything_and_says_what_changed(
    qtbot, dialog: SettingsDialog, services: Services
) -> None:
    choose(dialog.language, "fr")
    choose(dialog.theme, "dark")
    dialog.close_to_tray.setChecked(True)
    dialog.rhythm.sleep.setText("00:30-08:30")  # type: ignore[attr-defined]
    dialog.rhythm.home.setZone("America/Toronto")  # type: ignore[attr-defined]
    dialog.goals.fields["screen_limit_day_hours"].setValue(6.5)  # type: ignore[attr-defined]
    dialog.reminder_minutes.setValue(25)
    with (
        qtbot.waitSignal(dialog.saved) as saved,
        qtbot.waitSignal(dialog.bus.changed) as changed,  # type: ignore[attr-defined]
    ):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert not dialog.isVisible()
    s = services.settings
    assert s.get("language") == "fr" and s.get("theme") == "dark" and s.get("close_to_tray") is True
    assert s.get("sleep") == "00:30-08:30"
    assert s.home_tz() == "America/Toronto"
    assert services.personal_settings.get("screen_limit_day_hours") == 6.5  # her own file on a team database
    assert s.get("reminder_minutes") == 25
    assert {"language", "theme", "close_to_tray", "sleep", "home_tz", "reminder_minutes"} <= set(
        saved.args[0]
    )
    assert "week_start" not in saved.args[0]  # unchanged values are not announced
    assert "settings" in changed.args[0] and "itinerary" in changed.args[0]


def test_a_bad_value_is_named_and_nothing_is_written(dialog: SettingsDialog, services: Services) -> None:
    choose(dialog.language, "fr")
    dialog.rhythm.work.setText("Mo-Fr 9h à 18h")  # type: ignore[attr-defined]
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error.isVisible() and "9h" in dialog.error.text()
    assert dialog.tabs.currentWidget() is dialog.rhythm
    assert services.settings.get("language") == ""  # not even the valid part
    assert services.settings.get("work_hours") == "Mo-Fr 09:00-18:00"
    dialog.track_changes()  # let the fixture close it without asking


def test_closing_with_changes_asks_first(
    qtbot, dialog: SettingsDialog, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog.home_city.setText("Lisboa")
    asked = answer_discard(monkeypatch, discard=False)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked and dialog.isVisible()  # "Keep editing"
    asked = answer_discard(monkeypatch, discard=True)
    dialog.reject()
    assert asked and not dialog.isVisible()
    assert services.settings.get("home_city") == ""


def test_undone_typing_is_no_change(qtbot, dialog: SettingsDialog, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = answer_discard(monkeypatch, discard=False)
    dialog.home_city.setText("Lisboa")
    dialog.home_city.setText("")
    dialog.reject()
    assert asked == [] and not dialog.isVisible()


def test_escape_in_an_embedded_form_closes_the_whole_dialog(qtbot, dialog: SettingsDialog) -> None:
    dialog.tabs.setCurrentWidget(dialog.goals)
    qtbot.keyClick(dialog.goals, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.goals.isVisibleTo(dialog)  # the embedded form did not hide itself
