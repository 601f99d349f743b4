"""Counts and empty states say the right thing in English and French: no "0 post planned", no "0 place shown
of 0", no "1 post deleted — Ctrl+Z brings them back"; a new client's empty schedule says so; screen time in
the future is refused."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from nomadcm import timezones
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.ui.i18n import Translations, resolve_plural


@pytest.fixture
def english(qapp) -> Iterator[Translations]:  # type: ignore[no-untyped-def]
    translations = Translations(QApplication.instance())  # type: ignore[arg-type]
    translations.apply("en")
    yield translations
    translations.remove()


@pytest.fixture
def french(qapp) -> Iterator[Translations]:  # type: ignore[no-untyped-def]
    translations = Translations(QApplication.instance())  # type: ignore[arg-type]
    translations.apply("fr")
    yield translations
    translations.remove()


# --------------------------------------------------------------------------- plural rules


def test_zero_is_plural_in_english_and_singular_in_french() -> None:
    assert resolve_plural("%n post(s)", 0, "en") == "%n posts"
    assert resolve_plural("%n post(s)", 1, "en") == "%n post"
    assert resolve_plural("%n post(s)", 2, "en") == "%n posts"
    assert resolve_plural("%n publication(s)", 0, "fr") == "%n publication"
    assert resolve_plural("%n publication(s)", 1, "fr") == "%n publication"
    assert resolve_plural("%n publication(s)", 2, "fr") == "%n publications"


def test_english_counts_of_zero_take_the_plural(english) -> None:  # type: ignore[no-untyped-def]
    text = QCoreApplication.translate("Wellbeing", "%n short night(s)", "", 0)
    assert text == "0 short nights"


def test_french_counts_of_zero_take_the_singular(french) -> None:  # type: ignore[no-untyped-def]
    assert QCoreApplication.translate("ClientsPage", "%n post(s) planned", "", 0) == "0 publication prévue"
    assert QCoreApplication.translate("Wellbeing", "%n short night(s)", "", 0) == "0 nuit trop courte"


# --------------------------------------------------------------------------- the pages


def client_details(window) -> str:  # type: ignore[no-untyped-def]
    page = window.show_page("clients")
    page.clients_table.selectRow(0)
    return str(page.details_text.text())


def test_a_client_with_no_post_says_no_post_planned(window, services, paris_client) -> None:  # type: ignore[no-untyped-def]
    assert "No post planned" in client_details(window)
    assert "0 post" not in client_details(window)
    channel = services.clients.list_channels()[0].id
    services.posts.add(PostDraft(channel, "Pain", datetime(2030, 6, 1, 9, 0)))
    window.changes.notify("posts")
    assert "1 post planned" in client_details(window)


def test_deleting_one_post_says_it_comes_back(window, services, paris_client, qtbot) -> None:  # type: ignore[no-untyped-def]
    channel = services.clients.list_channels()[0].id
    for day in (1, 2, 3):
        services.posts.add(PostDraft(channel, f"Post {day}", datetime(2030, 6, day, 9, 0)))
    window.changes.notify("posts")
    page = window.page("schedule")
    said: list[str] = []
    page.status_message.connect(said.append)
    page.table.selectRow(0)
    page.delete_selected()
    page.table.selectAll()
    page.delete_selected()
    assert said == ["Post deleted — Ctrl+Z brings it back.", "2 posts deleted — Ctrl+Z brings them back."]


def test_a_new_client_s_empty_schedule_says_it_has_no_post_yet(window, services, paris_client) -> None:  # type: ignore[no-untyped-def]
    other = services.clients.add_client("Surf Shop", "Australia/Sydney")
    channel = services.clients.list_channels()[0].id
    services.posts.add(PostDraft(channel, "Pain", datetime(2030, 6, 1, 9, 0)))
    window.changes.notify("posts", "clients")
    page = window.page("schedule")
    page.client_filter.setCurrentIndex(page.client_filter.findData(other.id))
    assert page.model.rowCount() == 0
    assert page.empty_label.text() == "No post for this client yet."
    assert page.empty_action.text() == "Plan a post"
    page.client_filter.setCurrentIndex(page.client_filter.findData(paris_client.id))
    page.search_edit.setText("nothing like this")
    page.apply_filter()
    assert page.empty_label.text() == "No post matches these filters."


def test_no_post_at_all_is_not_a_filter_s_doing(window, services, paris_client) -> None:  # type: ignore[no-untyped-def]
    window.changes.notify("clients")
    page = window.page("schedule")
    assert page.period_filter.currentData() == "upcoming"  # a filter is on by default...
    assert page.empty_label.text() == "No post planned yet."  # ...but nothing is hidden by it


def test_the_places_count_says_nothing_when_nothing_is_shown(window, services) -> None:  # type: ignore[no-untyped-def]
    page = window.show_page("workplaces")
    page.show_counts(0, 0)
    assert page.count_label.text() == ""  # was "0 place shown of 0"; the empty state speaks
    page.show_counts(0, 12)
    assert page.count_label.text() == "" and page.empty_label.text() == "No place matches these filters."
    page.show_counts(12, 12)
    assert page.count_label.text() == "12 place(s)"  # no catalogue installed here: "(s)" as written
    page.show_counts(3, 12)
    assert page.count_label.text() == "3 place(s) shown of 12"


def test_the_places_count_in_english(window, english) -> None:  # type: ignore[no-untyped-def]
    page = window.show_page("workplaces")
    page.show_counts(1, 1)
    assert page.count_label.text() == "1 place"
    page.show_counts(3, 12)
    assert page.count_label.text() == "3 places shown of 12"


# --------------------------------------------------------------------------- screen time in the future


def test_screen_time_typed_in_the_future_is_refused_in_the_dialog(window, services) -> None:  # type: ignore[no-untyped-def]
    page = window.show_page("wellbeing")
    dialog = page.add_entry()
    now = timezones.wall_at(timezones.now_utc(), "Europe/Paris").replace(second=0, microsecond=0)
    dialog.start_edit.set_value(now + timedelta(hours=2), "Europe/Paris")
    dialog.end_edit.set_value(now + timedelta(hours=3), "Europe/Paris")
    dialog.buttons.accepted.emit()
    assert dialog.isVisible()
    assert dialog.error.text() == "Screen time cannot end in the future: log it once it has happened."
    assert (
        services.wellbeing.screens_between(timezones.now_utc(), timezones.now_utc() + timedelta(days=1)) == []
    )
    dialog.start_edit.set_value(now - timedelta(hours=2), "Europe/Paris")
    dialog.end_edit.set_value(now - timedelta(hours=1), "Europe/Paris")
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()


def test_rest_may_still_be_planned_ahead(window, services) -> None:  # type: ignore[no-untyped-def]
    page = window.show_page("wellbeing")
    dialog = page.add_entry(rest=True)
    now = timezones.wall_at(timezones.now_utc(), "Europe/Paris").replace(second=0, microsecond=0)
    dialog.start_edit.set_value(now + timedelta(hours=2), "Europe/Paris")
    dialog.end_edit.set_value(now + timedelta(hours=3), "Europe/Paris")
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
