"""A mistyped zone in a picker is not left red and silent: "Did you mean Indian/Reunion?", clickable."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt

from nomadcm.ui.clients.dialogs import ClientDialog
from nomadcm.ui.widgets.zone_picker import ZonePicker
from nomadcm.ui.widgets.zoned_datetime import ZonedDateTimeEdit


def test_the_client_dialog_proposes_the_zone_meant(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = window.show_page("clients")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ClientDialog)
    picker = dialog.zone_picker
    picker.lineEdit().clear()
    qtbot.keyClicks(picker.lineEdit(), "Indian/Reunon")
    assert picker.zone() == "" and not picker.hint.isVisible()  # typing: not yet
    qtbot.waitUntil(picker.hint.isVisible, timeout=3000)  # a pause in typing
    assert picker.hint.labels() == ["Indian/Reunion"]
    assert picker.hint.accessibleName() == "Did you mean Indian/Reunion?"
    assert '<a href="0">Indian/Reunion</a>' in picker.hint.text()
    assert picker.hint.parentWidget() is dialog  # placed in the form, under the picker
    picker.hint.linkActivated.emit("0")  # the link clicked
    assert picker.zone() == "Indian/Reunion" and picker.currentText() == "Indian/Reunion"
    assert not picker.hint.isVisible()
    assert dialog.country_combo.currentData() == "RE"  # the dialog took the zone as if typed


def test_leaving_the_field_proposes_at_once_and_a_fix_hides_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    picker = ZonePicker()
    qtbot.addWidget(picker)
    picker.show()
    picker.setEditText("Europe/Pari")
    picker.lineEdit().editingFinished.emit()  # Tab, Enter or a click elsewhere
    assert picker.hint.labels() == ["Europe/Paris"]
    picker.setEditText("Europe/Paris")
    assert picker.zone() == "Europe/Paris" and picker.hint.hints == []


def test_the_zoned_editor_shows_it_under_its_message(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = ZonedDateTimeEdit()
    qtbot.addWidget(editor)
    editor.show()
    editor.set_value(datetime(2027, 3, 27, 9, 0), "Amerika/New_Yrok")
    assert not editor.is_valid()
    assert editor.problem() == "“Amerika/New_Yrok” is not a time zone: pick one from the list."
    editor.zone_picker.update_hint()
    assert editor.zone_picker.hint.parentWidget() is editor
    assert editor.zone_picker.hint.labels() == ["America/New_York"]
    editor.zone_picker.hint.choose(0)
    assert editor.zone() == "America/New_York" and editor.is_valid()


def test_nothing_close_shows_no_hint(qtbot) -> None:  # type: ignore[no-untyped-def]
    picker = ZonePicker()
    qtbot.addWidget(picker)
    picker.setEditText("Mars/Olympus")
    picker.update_hint()
    assert picker.hint.hints == [] and not picker.hint.isVisible()
