"""The Workplaces page: unknown hours are "Unknown", never "Open"; the filter lists open places only, or open
and unknown ones; the Open column's tooltip shows the hours' comment as plain text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QApplication

from nomadcm.services.container import Services
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.i18n import Translations
from nomadcm.ui.tasks import TaskRunner
from nomadcm.ui.workplaces.page_view import OPEN_AT, OPEN_NOW
from nomadcm.ui.workplaces.table_models import PlacesModel

HOURS = {
    "Always": "Mo-Su 08:00-20:00",
    "Unknown": "unknown",
    "OnRequest": '"on request <b>call</b> first"',  # markup in a comment is text, not markup
    "OpenEnd": "17:00+",
    "Garbled": "lundi 9h",
    "NoHours": "",
}
EVENING = QDateTime(QDate(2024, 7, 15), QTime(18, 0))  # a Monday, on each place's clock


@pytest.fixture
def page(qtbot, services: Services, task_runner: TaskRunner):  # type: ignore[no-untyped-def]
    from nomadcm.ui.workplaces.page import WorkplacesPage

    for name, hours in HOURS.items():
        services.workplaces.add_place(name, city="Lisbon", tz="Europe/Lisbon", opening_hours=hours)
    widget = WorkplacesPage(services, ChangeBus(), task_runner)
    qtbot.addWidget(widget)
    widget.resize(1400, 700)
    widget.show()
    return widget


def shown(page) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Name -> the Open column's text, of the rows shown."""
    model = page.model
    return {
        model.index(r, PlacesModel.NAME).data(): model.index(r, PlacesModel.OPEN).data()
        for r in range(model.rowCount())
    }


def open_at_evening(page) -> None:  # type: ignore[no-untyped-def]
    page.open_mode.setCurrentIndex(page.open_mode.findData(OPEN_AT))
    page.open_at.setDateTime(EVENING)


def tooltip(page, name: str) -> str:  # type: ignore[no-untyped-def]
    model = page.model
    row = next(r for r in range(model.rowCount()) if model.index(r, PlacesModel.NAME).data() == name)
    return model.index(row, PlacesModel.OPEN).data(Qt.ItemDataRole.ToolTipRole)


def test_open_at_lists_open_places_only_and_the_column_reads_the_same_time(page) -> None:  # type: ignore[no-untyped-def]
    assert not page.open_states.isEnabled()  # "any time": nothing to choose
    open_at_evening(page)
    assert page.open_states.isEnabled()
    assert page.open_states.currentData() is False  # "Open only" by default
    assert shown(page) == {"Always": "Open"}
    header = page.model.headerData(PlacesModel.OPEN, Qt.Orientation.Horizontal)
    assert header == "Open Mon 18:00"  # the time it tests (15 July 2024 was a Monday), not "Open now"


def test_open_or_unknown_lists_unknown_places_as_unknown(page) -> None:  # type: ignore[no-untyped-def]
    open_at_evening(page)
    page.open_states.setCurrentIndex(page.open_states.findData(True))
    assert shown(page) == {
        "Always": "Open",
        "Unknown": "Unknown",
        "OnRequest": "Unknown",
        "OpenEnd": "Unknown",
        "Garbled": "? hours not understood",
        "NoHours": "Unknown",
    }
    page.open_at.setDateTime(QDateTime(QDate(2024, 7, 15), QTime(7, 0)))  # 07:00: before the open end
    assert "OpenEnd" not in shown(page) and "Always" not in shown(page)
    page.clear_filters()
    assert page.open_states.currentData() is False and not page.open_states.isEnabled()
    assert len(shown(page)) == len(HOURS)


def test_tooltip_gives_the_comment_as_plain_text_and_the_open_end(page) -> None:  # type: ignore[no-untyped-def]
    open_at_evening(page)
    page.open_states.setCurrentIndex(page.open_states.findData(True))
    tip = tooltip(page, "OnRequest")
    # RowsTableModel hands Qt an escaped paragraph: the characters of the comment, never its markup.
    assert "on request &lt;b&gt;call&lt;/b&gt; first" in tip and "<b>" not in tip
    assert "Open end: the closing time is not given" in tooltip(page, "OpenEnd")
    assert "The hours do not say whether it is open" in tooltip(page, "Unknown")


def test_open_now_never_counts_unknown(page, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from nomadcm import timezones

    monkeypatch.setattr(
        timezones, "now_utc", lambda: datetime(2024, 7, 15, 17, 0, tzinfo=UTC)
    )  # 18:00 Lisbon
    page.open_mode.setCurrentIndex(page.open_mode.findData(OPEN_NOW))
    assert shown(page) == {"Always": "Open"}
    assert page.model.headerData(PlacesModel.OPEN, Qt.Orientation.Horizontal) == "Open now"
    page.open_states.setCurrentIndex(page.open_states.findData(True))
    assert shown(page)["OpenEnd"] == "Unknown"


@pytest.fixture
def french(qapp) -> Iterator[Translations]:  # type: ignore[no-untyped-def]
    translations = Translations(QApplication.instance())  # type: ignore[arg-type]
    assert translations.apply("fr") == "fr"
    yield translations
    translations.remove()


def test_unknown_reads_inconnu_in_french(french, services: Services) -> None:  # type: ignore[no-untyped-def]
    services.workplaces.add_place(
        "Sur demande", city="Lisbon", tz="Europe/Lisbon", opening_hours='"on request"'
    )
    model = PlacesModel(services.workplaces.catalog)
    model.reload()
    assert model.index(0, PlacesModel.OPEN).data() == "Inconnu"
