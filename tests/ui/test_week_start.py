"""The week starts on the locale's first day (Monday in fr_FR, Sunday in fr_CA and en_US, QLocale's rule) in
the Calendar page, the Wellbeing week and the date pickers' calendars, unless Settings names a day."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale, Qt

from nomadcm.services.container import Services
from nomadcm.ui.calendar.page import CalendarPage
from nomadcm.ui.calendar.page_view import MONTH, WEEK
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.formatting import first_weekday, use_week_start
from nomadcm.ui.widgets.date_inputs import DateInput

WEDNESDAY = date(2027, 3, 24)
LOCALES = [("fr_FR", date(2027, 3, 22)), ("fr_CA", date(2027, 3, 21)), ("en_US", date(2027, 3, 21))]


@pytest.fixture
def locale_default() -> Iterator[None]:
    previous = QLocale()
    yield
    QLocale.setDefault(previous)
    use_week_start(0)


def calendar_page(qtbot, services: Services, task_runner) -> CalendarPage:  # type: ignore[no-untyped-def]
    page = CalendarPage(services, ChangeBus(), task_runner)
    qtbot.addWidget(page)
    return page


@pytest.mark.parametrize(("name", "monday_or_sunday"), LOCALES)
def test_the_calendar_week_follows_the_locale(
    qtbot, services, task_runner, locale_default, name: str, monday_or_sunday: date
) -> None:  # type: ignore[no-untyped-def]
    QLocale.setDefault(QLocale(name))
    page = calendar_page(qtbot, services, task_runner)
    page.show_date(WEDNESDAY, WEEK)
    assert page.visible_range() == (monday_or_sunday, 7)
    page.show_date(WEDNESDAY, MONTH)
    first, count = page.visible_range()
    assert count == 42 and first.isoweekday() == monday_or_sunday.isoweekday()


@pytest.mark.parametrize(("name", "monday_or_sunday"), LOCALES)
def test_the_wellbeing_week_follows_the_locale(
    qtbot, services, task_runner, locale_default, name: str, monday_or_sunday: date
) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.ui.wellbeing.page import WellbeingPage

    QLocale.setDefault(QLocale(name))
    page = WellbeingPage(services, ChangeBus(), task_runner)
    qtbot.addWidget(page)
    page.set_range("week", WEDNESDAY)
    assert page.period() == (monday_or_sunday, monday_or_sunday.replace(day=monday_or_sunday.day + 6))
    assert page.report is not None and page.report.weeks[0].first == monday_or_sunday  # the goals' weeks too


@pytest.mark.parametrize(("name", "monday_or_sunday"), LOCALES)
def test_the_pickers_calendars_follow_the_locale(
    qtbot, locale_default, name: str, monday_or_sunday: date
) -> None:  # type: ignore[no-untyped-def]
    QLocale.setDefault(QLocale(name))
    field = DateInput(WEDNESDAY)
    qtbot.addWidget(field)
    assert field.calendarWidget().firstDayOfWeek().value == monday_or_sunday.isoweekday()


def test_a_day_chosen_in_settings_wins_everywhere(qtbot, services, task_runner, locale_default) -> None:  # type: ignore[no-untyped-def]
    QLocale.setDefault(QLocale("fr_FR"))
    services.settings.set("week_start", 6)  # Saturday
    use_week_start(6)  # what the shell does at start-up and when Settings saves
    page = calendar_page(qtbot, services, task_runner)
    page.show_date(WEDNESDAY, WEEK)
    assert page.visible_range() == (date(2027, 3, 20), 7)
    field = DateInput(WEDNESDAY)
    qtbot.addWidget(field)
    assert field.calendarWidget().firstDayOfWeek() == Qt.DayOfWeek.Saturday


def test_the_setting_follows_the_locale_unless_it_names_a_day(locale_default) -> None:  # type: ignore[no-untyped-def]
    assert first_weekday(0, QLocale("fr_FR")) == 1
    assert first_weekday(0, QLocale("fr_CA")) == 7
    assert first_weekday("", QLocale("en_US")) == 7
    assert first_weekday(3, QLocale("fr_FR")) == 3
    assert first_weekday(9, QLocale("fr_FR")) == 1  # not a day: the locale's


def test_settings_offers_the_region_s_usual_day_first(qtbot, services, locale_default) -> None:  # type: ignore[no-untyped-def]
    from nomadcm.ui.settings_dialog import SettingsDialog

    QLocale.setDefault(QLocale("fr_CA"))
    dialog = SettingsDialog(services, ChangeBus())
    qtbot.addWidget(dialog)
    assert dialog.week_start.currentData() == 0  # new databases follow the locale
    assert dialog.week_start.currentText() == "Usual in your region (dimanche)"
    assert dialog.general_values()["week_start"] == 0


def test_the_welcome_assistant_no_longer_freezes_the_locale_s_day(qtbot, services, locale_default) -> None:  # type: ignore[no-untyped-def]
    """It stored the first day of the language it ran in: a week started on Sunday ever after, in French too."""
    from nomadcm.ui.wizard import FirstRunWizard

    QLocale.setDefault(QLocale("en_US"))
    wizard = FirstRunWizard(services)
    qtbot.addWidget(wizard)
    wizard.home.zone.setZone("America/Toronto")
    wizard.save()
    assert services.settings.get("week_start") == 0
