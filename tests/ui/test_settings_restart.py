"""Settings → a new language → "Restart now": the form was saved, so nothing asks about unsaved changes."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from nomadcm.ui.widgets import unsaved


def test_restart_now_after_saving_a_new_language_asks_nothing(window, services, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.ui.shell import DesktopShell

    asked: list[object] = []
    monkeypatch.setattr(
        unsaved, "confirm_discard", lambda parent: asked.append(parent) or False
    )  # "Keep editing"
    offered: list[str] = []

    def restart_now(box: QMessageBox) -> int:  # the user clicks "Restart now" in the language box
        offered.append(box.text())
        next(b for b in box.buttons() if b.text() == "&Restart now").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", restart_now)
    shell = DesktopShell(window, reminders=False)
    dialog = window.open_settings()
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert offered == ["The new language shows once NomadCM restarts. Restart now?"]
    assert asked == []  # was: "You changed this form without saving it"
    assert services.settings.get("language") == "fr"
    assert window.restart_requested and not window.isVisible()
    assert not dialog.isVisible() and not dialog.has_unsaved_changes()
    shell.deleteLater()


def test_a_form_really_left_unsaved_still_asks_before_a_restart(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[object] = []
    monkeypatch.setattr(unsaved, "confirm_discard", lambda parent: asked.append(parent) or False)
    dialog = window.open_settings()
    dialog.home_city.setText("Lisboa")  # typed, not saved
    window.restart()
    assert asked == [dialog] and window.isVisible() and dialog.isVisible()
    dialog.track_changes()
