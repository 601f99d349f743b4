"""The sample month shows contracts and hours: every client has a contract, hand entries are there, and the
Montréal retainer is overrun (the warning the Hours & pay page shows)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from nomadcm.services.container import Services
from nomadcm.services.desktop.demo import create_demo_database
from nomadcm.storage import Database

DAY = date(2026, 3, 20)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo-billing") / "demo.sqlite3"
    create_demo_database(path, today=DAY)
    return path


@pytest.fixture
def demo(demo_file: Path):  # type: ignore[no-untyped-def]
    db = Database.open(demo_file)
    yield Services(db)
    db.close()


def test_every_sample_client_has_a_contract_and_a_language(demo: Services) -> None:
    clients = {c.name: c for c in demo.billing.clients()}
    kinds = {
        clients_name: [c.kind for c in demo.billing.list_contracts(client.id)]
        for clients_name, client in clients.items()
    }
    assert kinds == {
        "Atelier Boréal": ["retainer"],
        "Boulangerie Lemoine": ["hourly"],
        "Ravinala Voyages": ["hourly"],
    }
    assert clients["Ravinala Voyages"].language == "en" and clients["Atelier Boréal"].language == "fr"


def test_the_month_has_hand_entries_and_the_retainer_warns(demo: Services) -> None:
    entries = demo.billing.list_entries()
    assert len(entries) >= 5 and any(not e.billable for e in entries)
    months = {m.client_name: m for m in demo.billing.month(date(2026, 3, 1))}
    threshold = demo.billing.threshold_seconds()
    boreal = months["Atelier Boréal"]
    assert boreal.worked_seconds > 12 * 3600 and boreal.warns(threshold)
    assert boreal.earned_minor == 90000 and boreal.currency == "CAD"
    bakery = months["Boulangerie Lemoine"]
    assert bakery.earned_minor and bakery.earned_minor > 0 and bakery.currency == "EUR"
    statement = demo.billing.statement(months["Ravinala Voyages"].client_id, date(2026, 3, 1))
    assert statement.language == "en" and any(p.is_hand for p in statement.pieces)
