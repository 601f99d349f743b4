"""The window's title names the app once: the platform adds the display name to a title that does not end with
it, so "Calendrier — NomadCM (données d'exemple)" became "… — NomadCM" twice."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from nomadcm import APP_NAME
from nomadcm.ui.i18n import Translations
from nomadcm.ui.main_window import MainWindow


def as_shown(title: str) -> str:
    """What the title bar shows: Qt's QPlatformWindow::formatWindowTitle with the app's display name."""
    return title if title.endswith(APP_NAME) else f"{title} \u2014 {APP_NAME}"


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("demo", [False, True])
def test_the_app_s_name_shows_once(qtbot, services, qsettings, language: str, demo: bool) -> None:  # type: ignore[no-untyped-def]
    translations = Translations(QApplication.instance())  # type: ignore[arg-type]
    translations.apply(language)
    try:
        services.settings.set("demo_data", demo)
        win = MainWindow(services, qsettings)
        qtbot.addWidget(win)
        for key in ("schedule", "calendar", "wellbeing"):
            win.show_page(key)
            shown = as_shown(win.windowTitle())
            assert shown.count(APP_NAME) == 1, shown
            assert shown.endswith(f" — {APP_NAME}")
    finally:
        translations.remove()


def test_the_sample_data_says_so_before_the_app_s_name(qtbot, services, qsettings) -> None:  # type: ignore[no-untyped-def]
    services.settings.set("demo_data", True)
    win = MainWindow(services, qsettings)
    qtbot.addWidget(win)
    win.show_page("calendar")
    assert win.windowTitle() == "Calendar (sample data) — NomadCM"
    assert win.title_for("Planning") == "Planning (sample data) — NomadCM"
