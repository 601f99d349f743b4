"""Which day and month an hour counts on (her midnight, where she was), across DST and zones; overlaps."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from nomadcm.services.billing.contracts import ContractTerms
from nomadcm.services.billing.hours import HAND
from nomadcm.services.container import Services
from nomadcm.services.travel.trip_records import StayInput, TransitInput

PARIS = "Europe/Paris"
MONTREAL = "America/Toronto"


def at(zone: str, *wall: int) -> datetime:
    """An instant from a wall time, by zoneinfo (the oracle: not the code under test)."""
    return datetime(*wall, tzinfo=ZoneInfo(zone)).astimezone(UTC)  # type: ignore[misc]


def midnight(zone: str, day: date) -> datetime:
    return at(zone, day.year, day.month, day.day)


@pytest.fixture
def client_id(services: Services) -> int:
    return services.clients.add_client("Atelier Boréal", MONTREAL).id


def timer(services: Services, client_id: int, start: datetime, end: datetime, activity: str = "") -> None:
    services.wellbeing.add_screen(
        "laptop", start, end, client_id=client_id, source="timer", activity=activity
    )


def per_day(services: Services, client_id: int, month: date) -> dict[date, float]:
    out: dict[date, float] = {}
    for piece in services.billing.statement(client_id, month).pieces:
        out[piece.day] = out.get(piece.day, 0) + piece.seconds / 3600
    return out


def test_a_session_over_the_spring_night_is_split_at_her_midnight_and_counts_real_hours(
    services: Services, client_id: int
) -> None:
    # Paris, 28 -> 29 March 2026: 23:00 CET to 04:00 CEST is 4 real hours (02:00 did not happen)
    start, end = at(PARIS, 2026, 3, 28, 23), at(PARIS, 2026, 3, 29, 4)
    timer(services, client_id, start, end)
    assert (end - start) == timedelta(hours=4)
    assert per_day(services, client_id, date(2026, 3, 1)) == {date(2026, 3, 28): 1.0, date(2026, 3, 29): 3.0}
    cut = services.billing.statement(client_id, date(2026, 3, 1)).pieces[0].end
    assert cut == midnight(PARIS, date(2026, 3, 29))
    assert services.billing.month(date(2026, 3, 1))[0].worked_seconds == 4 * 3600


def test_the_autumn_night_has_an_hour_more(services: Services, client_id: int) -> None:
    # Paris, 25 October 2026: 00:00 -> 04:00 is 5 real hours (03:00 came twice)
    timer(services, client_id, at(PARIS, 2026, 10, 24, 22), at(PARIS, 2026, 10, 25, 4))
    assert per_day(services, client_id, date(2026, 10, 1)) == {
        date(2026, 10, 24): 2.0,
        date(2026, 10, 25): 5.0,
    }


def test_a_call_over_the_end_of_the_month_counts_half_in_each(services: Services, client_id: int) -> None:
    services.billing.add_entry(
        client_id, at(PARIS, 2026, 3, 31, 23, 30), at(PARIS, 2026, 4, 1, 0, 30), note="Appel"
    )
    march, april = services.billing.months(date(2026, 3, 1), date(2026, 4, 1))
    assert (march.month, march.worked_seconds) == (date(2026, 3, 1), 1800)
    assert (april.month, april.worked_seconds) == (date(2026, 4, 1), 1800)
    pieces = services.billing.statement(client_id, date(2026, 4, 1)).pieces
    assert [(p.day, p.source, p.note) for p in pieces] == [(date(2026, 4, 1), HAND, "Appel")]


def test_her_midnight_is_where_she_is(services: Services, client_id: int) -> None:
    """The same session counts on one day at home in Paris, on two once she is in Montréal."""
    services.trips.add_stay(StayInput("Montréal", MONTREAL, date(2026, 5, 10), date(2026, 5, 20), "CA"))
    # 23:00-01:00 Montréal = 05:00-07:00 Paris: her midnight in Montréal splits it
    timer(services, client_id, at(MONTREAL, 2026, 5, 12, 23), at(MONTREAL, 2026, 5, 13, 1))
    # the same hours of Paris time on a day at home: 23:00-01:00 Paris, split at Paris midnight
    timer(services, client_id, at(PARIS, 2026, 5, 2, 23), at(PARIS, 2026, 5, 3, 1))
    # 05:00-07:00 Paris while at home: one day
    timer(services, client_id, at(PARIS, 2026, 5, 5, 5), at(PARIS, 2026, 5, 5, 7))
    days = per_day(services, client_id, date(2026, 5, 1))
    assert days == {
        date(2026, 5, 2): 1.0,
        date(2026, 5, 3): 1.0,
        date(2026, 5, 5): 2.0,
        date(2026, 5, 12): 1.0,
        date(2026, 5, 13): 1.0,
    }
    zones = {p.day: p.zone for p in services.billing.statement(client_id, date(2026, 5, 1)).pieces}
    assert zones[date(2026, 5, 12)] == MONTREAL and zones[date(2026, 5, 2)] == PARIS


def test_a_westward_flight_makes_a_longer_day(services: Services, client_id: int) -> None:
    services.trips.add_transit(
        TransitInput(
            "flight", "Paris", PARIS, "Montréal", MONTREAL, datetime(2026, 6, 1, 10), datetime(2026, 6, 1, 12)
        )
    )
    # all day long on the day of the flight, from her Paris midnight to her Montréal midnight: 30 real hours
    start, end = midnight(PARIS, date(2026, 6, 1)), midnight(MONTREAL, date(2026, 6, 2))
    assert end - start == timedelta(hours=30)
    for hour in range(0, 30, 6):  # sessions of at most a day: five of six hours
        timer(services, client_id, start + timedelta(hours=hour), start + timedelta(hours=hour + 6))
    assert per_day(services, client_id, date(2026, 6, 1)) == {date(2026, 6, 1): 30.0}


def test_overlaps_count_once_and_a_hand_entry_says_what_the_time_was(
    services: Services, client_id: int
) -> None:
    services.billing.set_contract(
        client_id, ContractTerms("hourly", "EUR", rate_minor=6000), date(2026, 1, 1)
    )
    timer(services, client_id, at(PARIS, 2026, 2, 3, 9), at(PARIS, 2026, 2, 3, 12), "Posts")
    services.wellbeing.add_screen(
        "phone", at(PARIS, 2026, 2, 3, 11), at(PARIS, 2026, 2, 3, 12, 30), client_id=client_id
    )
    # a free introduction call during the timer: not billable, and it wins over the measured time
    services.billing.add_entry(
        client_id,
        at(PARIS, 2026, 2, 3, 10),
        at(PARIS, 2026, 2, 3, 11),
        note="Appel découverte",
        billable=False,
    )
    statement = services.billing.statement(client_id, date(2026, 2, 1))
    hours = statement.hours
    assert hours.worked_seconds == int(3.5 * 3600)
    assert hours.billable_seconds == int(2.5 * 3600)
    assert hours.paid_seconds == int(2.5 * 3600) and hours.unpaid_seconds == 3600
    assert hours.earned_minor == 15000  # 2.5 h at 60.00
    assert hours.effective_rate_minor == round(15000 / 3.5)
    spans = [(p.start, p.end, p.billable) for p in statement.pieces]
    assert spans == [
        (at(PARIS, 2026, 2, 3, 9), at(PARIS, 2026, 2, 3, 10), True),
        (at(PARIS, 2026, 2, 3, 10), at(PARIS, 2026, 2, 3, 11), False),
        (at(PARIS, 2026, 2, 3, 11), at(PARIS, 2026, 2, 3, 12), True),
        (at(PARIS, 2026, 2, 3, 12), at(PARIS, 2026, 2, 3, 12, 30), True),
    ]
    assert sum(p.seconds for p in statement.pieces) == hours.worked_seconds


def test_a_retainer_warns_when_worked_exceeds_included(services: Services, client_id: int) -> None:
    terms = ContractTerms("retainer", "CAD", retainer_minor=80000, included_minutes=10 * 60)
    services.billing.set_contract(client_id, terms, date(2026, 1, 1))
    day = datetime(2026, 2, 2, tzinfo=UTC)
    for k in range(4):  # 16 h 40 in February
        timer(
            services,
            client_id,
            day + timedelta(days=k, hours=8),
            day + timedelta(days=k, hours=12, minutes=10),
        )
    (month,) = services.billing.month(date(2026, 2, 1))
    assert month.worked_seconds == (16 * 60 + 40) * 60
    assert month.paid_seconds == 10 * 3600
    assert month.unpaid_seconds == (6 * 60 + 40) * 60  # "you gave Atelier Boréal 6 h 40 this month"
    assert month.earned_minor == 80000 and month.currency == "CAD"
    assert month.effective_rate_minor == round(80000 / (16 + 2 / 3))
    assert month.warns(services.billing.threshold_seconds())
    services.settings.set("unpaid_warning_hours", 7.0)
    assert not month.warns(services.billing.threshold_seconds())


def test_a_retainer_starting_mid_month_is_paid_for_its_days(services: Services, client_id: int) -> None:
    terms = ContractTerms("retainer", "EUR", retainer_minor=90001, included_minutes=30 * 60)
    services.billing.set_contract(client_id, terms, date(2026, 4, 16))
    (april,) = services.billing.month(date(2026, 4, 1))
    assert april.paid_seconds == 15 * 3600  # 15 of April's 30 days
    assert april.earned_minor == 45001  # 900.01 / 2 = 450.005, rounded half up
    (may,) = services.billing.month(date(2026, 5, 1))
    assert (may.paid_seconds, may.earned_minor) == (30 * 3600, 90001)


def test_work_without_a_contract_is_unpaid(services: Services, client_id: int) -> None:
    timer(services, client_id, at(PARIS, 2026, 7, 1, 9), at(PARIS, 2026, 7, 1, 11))
    (month,) = services.billing.month(date(2026, 7, 1))
    assert month.earned_minor is None and month.currency is None
    assert month.unpaid_seconds == month.uncovered_seconds == 2 * 3600
    assert month.effective_rate_minor is None


def test_measured_time_may_be_declared_not_billable(services: Services, client_id: int) -> None:
    terms = ContractTerms("hourly", "EUR", rate_minor=5000, tracked_billable=False)
    services.billing.set_contract(client_id, terms, date(2026, 1, 1))
    timer(services, client_id, at(PARIS, 2026, 8, 3, 9), at(PARIS, 2026, 8, 3, 10))
    services.billing.add_entry(
        client_id, at(PARIS, 2026, 8, 3, 14), at(PARIS, 2026, 8, 3, 15, 30), note="Atelier"
    )
    (month,) = services.billing.month(date(2026, 8, 1))
    assert (month.worked_seconds, month.billable_seconds, month.earned_minor) == (9000, 5400, 7500)


def test_other_clients_time_is_not_counted(services: Services, client_id: int) -> None:
    other = services.clients.add_client("Boulangerie Lemoine", PARIS).id
    timer(services, other, at(PARIS, 2026, 9, 1, 9), at(PARIS, 2026, 9, 1, 10))
    services.wellbeing.add_screen("laptop", at(PARIS, 2026, 9, 1, 11), at(PARIS, 2026, 9, 1, 12))  # no client
    months = {m.client_name: m.worked_seconds for m in services.billing.month(date(2026, 9, 1))}
    assert months == {"Atelier Boréal": 0, "Boulangerie Lemoine": 3600}
