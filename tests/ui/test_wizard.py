"""The first-run wizard: language, home, rhythm, first client — or the sample data."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTime

from nomadcm.services.container import Services
from nomadcm.services.travel import cities
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.wizard import EXPLORE, FirstRunWizard, needs_wizard


@pytest.fixture
def wizard(qtbot, services: Services):  # type: ignore[no-untyped-def]
    bus = ChangeBus()
    wiz = FirstRunWizard(services, bus)
    qtbot.addWidget(wiz)
    wiz.show()
    qtbot.waitExposed(wiz)
    wiz.bus = bus
    return wiz


def test_only_a_new_database_needs_it(services: Services) -> None:
    assert needs_wizard(services)
    services.clients.add_client("Déjà là", "Europe/Paris")
    assert not needs_wizard(services)  # a database made with the CLI or an import: no questions


def test_answers_are_written_and_a_first_client_created(
    qtbot, wizard: FirstRunWizard, services: Services
) -> None:
    lisbon = cities.find("Lisbon")
    wizard.next()
    wizard.home.city.choose(lisbon)
    assert wizard.home.zone.zone() == "Europe/Lisbon"
    wizard.next()
    wizard.rhythm.sleep_from.setTime(QTime(0, 30))
    wizard.rhythm.sleep_to.setTime(QTime(8, 30))
    wizard.rhythm.days[4].setChecked(False)  # no work on Fridays
    wizard.rhythm.work_from.setTime(QTime(8, 0))
    assert "Mon–Thu 08:00–18:00" in wizard.rhythm.summary.text()  # in words; stored as Mo-Th 08:00-18:00
    wizard.next()
    wizard.client.name.setText("Érable & Cie")
    wizard.client.city.choose(cities.find("Montréal"))
    wizard.client.networks["linkedin"].setChecked(True)
    with qtbot.waitSignal(wizard.bus.changed):  # type: ignore[attr-defined]
        wizard.accept()
    s = services.settings
    assert s.home_tz() == "Europe/Lisbon" and s.get("home_city") == "Lisbon"
    assert s.get("sleep") == "00:30-08:30"
    assert s.get("work_hours") == "Mo-Th 08:00-18:00"
    assert s.get("setup_done") is True
    client = services.clients.find_client("Érable & Cie")
    assert (client.audience_tz, client.country) == ("America/Toronto", "CA")
    assert {c.network for c in services.clients.list_channels(client.id)} == {
        "instagram",
        "facebook",
        "linkedin",
    }
    assert not needs_wizard(services)


def test_an_empty_name_skips_the_client(wizard: FirstRunWizard, services: Services) -> None:
    for _ in range(3):
        wizard.next()
    assert wizard.currentPage() is wizard.client and wizard.client.isComplete()
    wizard.accept()
    assert services.clients.list_clients() == []
    assert services.settings.get("setup_done") is True


def test_a_duplicate_client_stops_everything(wizard: FirstRunWizard, services: Services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    services.clients.add_client("Dupont", "Europe/Paris")
    shown: list[str] = []
    monkeypatch.setattr("nomadcm.ui.wizard.show_user_error", lambda parent, err: shown.append(str(err)))
    wizard.client.name.setText("DUPONT")
    wizard.home.zone.setZone("Asia/Tokyo")
    wizard.accept()
    assert shown and "already exists" in shown[0]
    assert wizard.isVisible()
    assert services.settings.home_tz() == "Europe/Paris"  # nothing written
    wizard.track_changes()


def test_cancel_skips_the_questions(wizard: FirstRunWizard, services: Services) -> None:
    wizard.reject()
    assert services.settings.get("setup_done") is True
    assert services.settings.get("sleep") == "23:00-07:00"


def test_explore_closes_with_explore(qtbot, wizard: FirstRunWizard, services: Services) -> None:
    with qtbot.waitSignal(wizard.finished) as finished:
        wizard.welcome.explore.click()
    assert finished.args == [EXPLORE]
    assert services.settings.get("setup_done") is False  # their own database still asks next time


def test_same_start_and_end_blocks_next(wizard: FirstRunWizard) -> None:
    wizard.next()
    wizard.next()
    wizard.rhythm.work_to.setTime(wizard.rhythm.work_from.time())
    assert not wizard.rhythm.isComplete()
    assert "must differ" in wizard.rhythm.summary.text()
    wizard.track_changes()  # let the fixture close it without asking
