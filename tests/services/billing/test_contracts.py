"""Contracts: one at a time per client, one currency a month, checked terms; hand entries; undo."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from nomadcm import currencies
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.services.billing.contracts import ContractTerms
from nomadcm.services.container import Services

HOURLY = ContractTerms("hourly", "EUR", rate_minor=4500)
RETAINER = ContractTerms("retainer", "EUR", retainer_minor=80000, included_minutes=600)


@pytest.fixture
def client_id(services: Services) -> int:
    return services.clients.add_client("Ravinala Voyages", "Indian/Antananarivo").id


def spans(services: Services, client_id: int) -> list[tuple[str, date, date | None]]:
    return [(c.kind, c.start, c.end) for c in services.billing.list_contracts(client_id)]


def test_a_new_rate_ends_the_running_contract_the_day_before(services: Services, client_id: int) -> None:
    services.billing.set_contract(client_id, HOURLY, date(2026, 1, 1))
    info, notes = services.billing.set_contract(client_id, RETAINER, date(2026, 3, 1))
    assert spans(services, client_id) == [
        ("hourly", date(2026, 1, 1), date(2026, 2, 28)),
        ("retainer", date(2026, 3, 1), None),
    ]
    assert notes == ["ended the hourly contract from 2026-01-01 on 2026-02-28"]
    assert services.billing.contract_on(client_id, date(2026, 2, 28)).kind == "hourly"  # type: ignore[union-attr]
    assert services.billing.contract_on(client_id, date(2026, 3, 1)) == info


def test_same_start_replaces_and_a_later_contract_is_never_touched(
    services: Services, client_id: int
) -> None:
    services.billing.set_contract(client_id, RETAINER, date(2026, 5, 1))
    _info, notes = services.billing.set_contract(client_id, HOURLY, date(2026, 2, 1))
    assert spans(services, client_id) == [
        ("hourly", date(2026, 2, 1), date(2026, 4, 30)),
        ("retainer", date(2026, 5, 1), None),
    ]
    assert "before the one from 2026-05-01" in notes[0]
    services.billing.set_contract(
        client_id, ContractTerms("hourly", "EUR", rate_minor=5000), date(2026, 2, 1), date(2026, 3, 31)
    )
    assert [c.rate_minor for c in services.billing.list_contracts(client_id)] == [5000, None]
    with pytest.raises(ValidationError, match="2026-05-01 starts before this one ends"):
        services.billing.set_contract(client_id, HOURLY, date(2026, 4, 1), date(2026, 5, 15))


def test_one_currency_a_month(services: Services, client_id: int) -> None:
    services.billing.set_contract(client_id, HOURLY, date(2026, 1, 1))
    with pytest.raises(ValidationError, match="in EUR and shares a month with this one in MGA"):
        services.billing.set_contract(
            client_id, ContractTerms("hourly", "MGA", rate_minor=200000), date(2026, 3, 15)
        )
    services.billing.set_contract(
        client_id, ContractTerms("hourly", "MGA", rate_minor=200000), date(2026, 4, 1)
    )
    assert [c.currency for c in services.billing.list_contracts(client_id)] == ["EUR", "MGA"]


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        (ContractTerms("daily", "EUR", rate_minor=1), "contract kind 'daily'"),
        (ContractTerms("hourly", "EURO", rate_minor=1), "currency 'EURO' is not an ISO 4217"),
        (ContractTerms("hourly", "XAU", rate_minor=1), "currency 'XAU'"),
        (ContractTerms("hourly", "EUR"), "needs its rate"),
        (ContractTerms("hourly", "EUR", rate_minor=-1), "hourly rate -1"),
        (ContractTerms("retainer", "EUR", retainer_minor=100), "included hours"),
        (ContractTerms("retainer", "EUR", retainer_minor=100, included_minutes=0), "included hours 0"),
    ],
)
def test_bad_terms_are_refused_by_name(
    services: Services, client_id: int, terms: ContractTerms, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        services.billing.set_contract(client_id, terms, date(2026, 1, 1))
    assert services.billing.list_contracts(client_id) == []


def test_dates_are_bounded_and_ordered(services: Services, client_id: int) -> None:
    with pytest.raises(ValidationError, match="2101-01-01 is outside"):
        services.billing.set_contract(client_id, HOURLY, date(2101, 1, 1))
    with pytest.raises(ValidationError, match="end 2026-01-01 is before its start 2026-02-01"):
        services.billing.set_contract(client_id, HOURLY, date(2026, 2, 1), date(2026, 1, 1))


def test_language_is_checked_and_undo_puts_contracts_back(services: Services, client_id: int) -> None:
    with pytest.raises(ValidationError, match="language 'de'"):
        services.billing.set_contract(client_id, HOURLY, date(2026, 1, 1), language="de")
    services.billing.set_contract(client_id, HOURLY, date(2026, 1, 1))
    change = services.billing.set_contract_op(client_id, RETAINER, date(2026, 6, 1), language="en")
    assert services.billing.client(client_id).language == "en"
    assert len(services.billing.list_contracts(client_id)) == 2
    redo = change.undo()  # type: ignore[misc]
    assert spans(services, client_id) == [("hourly", date(2026, 1, 1), None)]
    assert services.billing.client(client_id).language == "fr"
    redo.undo()  # type: ignore[misc]
    assert len(services.billing.list_contracts(client_id)) == 2


def test_contracts_and_entries_go_with_their_client(services: Services, client_id: int) -> None:
    services.billing.set_contract(client_id, HOURLY, date(2026, 1, 1))
    start = datetime(2026, 2, 1, 9, tzinfo=UTC)
    services.billing.add_entry(client_id, start, start + timedelta(hours=1))
    services.clients.delete_client(client_id)
    assert services.billing.list_contracts() == [] and services.billing.list_entries() == []


def test_hand_entries_are_checked(services: Services, client_id: int) -> None:
    start = datetime(2026, 2, 1, 9, tzinfo=UTC)
    with pytest.raises(ValidationError, match="more than 24 h"):
        services.billing.add_entry(client_id, start, start + timedelta(hours=25))
    with pytest.raises(ValidationError, match="before it starts"):
        services.billing.add_entry(client_id, start, start - timedelta(hours=1))
    with pytest.raises(ValidationError, match="future"):
        now = datetime.now(UTC)
        services.billing.add_entry(client_id, now, now + timedelta(hours=2))
    with pytest.raises(NotFoundError):
        services.billing.add_entry(999, start, start + timedelta(hours=1))
    entry = services.billing.add_entry(
        client_id, start, start + timedelta(hours=1), note="Appel\nclient", tz="Europe/Paris"
    )
    assert (entry.note, entry.tz, entry.billable, entry.client_name) == (
        "Appel client",
        "Europe/Paris",
        True,
        "Ravinala Voyages",
    )


def test_hand_entries_undo_and_redo(services: Services, client_id: int) -> None:
    start = datetime(2026, 2, 1, 9, tzinfo=UTC)
    added = services.billing.add_entry_op(client_id, start, start + timedelta(hours=1), note="Atelier")
    entry = added.result
    edited = services.billing.update_entry_op(entry.id, billable=False, note="Atelier offert")
    assert services.billing.get_entry(entry.id).billable is False
    edited.undo()  # type: ignore[misc]
    assert services.billing.get_entry(entry.id).note == "Atelier"
    deleted = services.billing.delete_entries_op([entry.id])
    assert services.billing.list_entries(client_id) == []
    deleted.undo()  # type: ignore[misc]
    assert services.billing.get_entry(entry.id).note == "Atelier"
    added.undo()  # type: ignore[misc]
    assert services.billing.list_entries(client_id) == []


def test_amounts_are_whole_minor_units() -> None:
    assert currencies.parse_amount("45.50", "EUR") == 4550
    assert currencies.parse_amount("1 200,5", "eur") == 120050
    assert currencies.parse_amount("1500", "JPY") == 1500
    assert currencies.parse_amount("12.345", "KWD") == 12345
    for bad, message in (
        ("45.505", "more decimals"),
        ("1.5", "more decimals"),
        ("-3", "not an amount"),
        ("1e3", "not an amount"),
    ):
        with pytest.raises(ValidationError, match=message):
            currencies.parse_amount(bad, "JPY" if bad == "1.5" else "EUR")
    assert currencies.format_amount(123450, "EUR", "fr") == "1\u00a0234,50\u00a0EUR"
    assert currencies.format_amount(123450, "EUR", "en") == "EUR 1,234.50"
    assert currencies.format_amount(1500, "JPY", "en") == "JPY 1,500"
    assert (
        currencies.parse_hours("12:30")
        == currencies.parse_hours("12,5")
        == currencies.parse_hours("12h30")
        == 750
    )
    with pytest.raises(ValidationError, match="not a number of hours"):
        currencies.parse_hours("douze")


def test_undoing_a_client_deletion_brings_its_contracts_and_entries_back(
    services: Services, client_id: int
) -> None:
    services.billing.set_contract(client_id, HOURLY, date(2026, 1, 1), language="en")
    start = datetime(2026, 2, 1, 9, tzinfo=UTC)
    services.billing.add_entry(client_id, start, start + timedelta(hours=1), note="Appel", billable=False)
    deleted = services.clients.delete_client_op(client_id)
    assert services.billing.list_contracts() == []
    deleted.undo()  # type: ignore[misc]
    (contract,) = services.billing.list_contracts()
    (entry,) = services.billing.list_entries()
    assert (contract.rate_minor, contract.client_id, entry.note, entry.billable) == (
        4500,
        entry.client_id,
        "Appel",
        False,
    )
    assert services.billing.client(entry.client_id).language == "en"
