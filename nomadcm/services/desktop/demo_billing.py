"""The sample month's contracts and hand-logged work (issue 16), so that "Explore with sample data" shows the
Hours & pay page at work: an hourly bakery, a Montréal retainer that the month's screen time overruns (the
warning "you gave Atelier Boréal … this month"), a travel agency billed in English.

Everything goes through the real services, as the rest of the sample does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from nomadcm.services.billing.contracts import ContractTerms

if TYPE_CHECKING:
    from nomadcm.services.container import Services


@dataclass(frozen=True)
class DemoWork:
    client: str
    days_ago: int
    start: str  # HH:MM, in the zone she was in that day
    minutes: int
    note: str
    billable: bool = True


CONTRACTS: dict[str, tuple[ContractTerms, str]] = {
    "Boulangerie Lemoine": (ContractTerms("hourly", "EUR", rate_minor=4500), "fr"),
    "Atelier Boréal": (
        ContractTerms("retainer", "CAD", retainer_minor=90000, included_minutes=12 * 60),
        "fr",
    ),
    "Ravinala Voyages": (ContractTerms("hourly", "EUR", rate_minor=3800, tracked_billable=True), "en"),
}

WORK: tuple[DemoWork, ...] = (
    DemoWork("Boulangerie Lemoine", 20, "16:00", 90, "Shooting photo des viennoiseries en boutique"),
    DemoWork("Boulangerie Lemoine", 6, "08:30", 45, "Point mensuel avec Sophie Lemoine"),
    DemoWork("Atelier Boréal", 15, "10:00", 60, "Appel de lancement de la collection d'hiver"),
    DemoWork("Atelier Boréal", 4, "14:00", 150, "Atelier stratégie Instagram avec l'équipe"),
    DemoWork("Atelier Boréal", 2, "19:00", 40, "Réponses aux messages urgents (soirée)", billable=False),
    DemoWork("Ravinala Voyages", 12, "09:00", 60, "Discovery call: spring campaign", billable=False),
    DemoWork("Ravinala Voyages", 3, "11:00", 75, "Reporting call with the sales team"),
)


def add_billing(services: Services, today: date, now: datetime, first_day: date) -> tuple[int, int]:
    """Contracts from two months before the sample begins, and the hand entries of the month that passed.
    Returns (contracts, entries) written."""
    billing = services.billing
    clients = {c.name: c.id for c in billing.clients()}
    start = (first_day.replace(day=1) - timedelta(days=40)).replace(day=1)
    contracts = 0
    for name, (terms, language) in CONTRACTS.items():
        if name in clients:
            billing.set_contract(clients[name], terms, start, language=language)
            contracts += 1
    timeline = services.wellbeing.timeline()
    entries = 0
    for work in WORK:
        day = today - timedelta(days=work.days_ago)
        hh, mm = map(int, work.start.split(":"))
        typed = services.wellbeing.read_typed(datetime.combine(day, time(hh, mm)), timeline=timeline)
        end = typed.instant + timedelta(minutes=work.minutes)
        if work.client in clients and end <= now:
            billing.add_entry(
                clients[work.client],
                typed.instant,
                end,
                tz=typed.zone,
                note=work.note,
                billable=work.billable,
                now=now,
            )
            entries += 1
    return contracts, entries
