"""The words of a monthly statement in the client's language (French or English), whatever the app's.

A statement is written for the client: its language is the client's `language` field, not the CM's
interface language, so these words are a table here rather than Qt translations (the CLI writes statements
without Qt). Dates are written out in words ("mardi 3 mars 2026", "Tue 3 Mar 2026") so that neither reader
wonders whether 03/04 is March or April.
"""

from __future__ import annotations

from datetime import date

from nomadcm.currencies import format_amount, format_minutes
from nomadcm.services.billing.contracts import ContractInfo
from nomadcm.services.billing.service import Statement
from nomadcm.services.wellbeing.days import round_minutes

WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Relevé d’heures",
        "client": "Client",
        "period": "Période",
        "contract": "Contrat",
        "no_contract": "aucun contrat ce mois-ci",
        "hourly": "taux horaire de {rate} de l’heure",
        "retainer": "forfait mensuel de {amount} pour {hours}",
        "from": "depuis le {start}",
        "span": "du {start} au {end}",
        "worked": "Heures travaillées",
        "billable": "dont facturables",
        "paid": "Heures payées",
        "unpaid": "Heures non payées",
        "earned": "Montant du mois",
        "rate": "Taux horaire effectif",
        "none": "—",
        "date": "Date",
        "start": "Début",
        "span_col": "Horaire",
        "end": "Fin",
        "duration": "Durée",
        "hours": "Heures",
        "zone": "Fuseau",
        "kind": "Type",
        "note": "Détail",
        "is_billable": "Facturable",
        "yes": "oui",
        "no": "non",
        "total": "Total",
        "entries": "Détail des heures",
        "no_entries": "Aucune heure ce mois-ci.",
        "times": "Heures locales du lieu où le travail a été fait ; une session qui passe minuit compte "
        "sur chaque jour pour sa part.",
        "page": "page {n} sur {total}",
        "made": "Établi avec NomadCM",
        "hand": "Saisie manuelle",
        "timer": "Minuteur",
        "workplace": "Session de travail",
        "screen": "Temps d’écran",
    },
    "en": {
        "title": "Statement of hours",
        "client": "Client",
        "period": "Period",
        "contract": "Contract",
        "no_contract": "no contract this month",
        "hourly": "hourly rate of {rate} an hour",
        "retainer": "monthly retainer of {amount} for {hours}",
        "from": "since {start}",
        "span": "from {start} to {end}",
        "worked": "Hours worked",
        "billable": "of which billable",
        "paid": "Hours paid",
        "unpaid": "Unpaid hours",
        "earned": "Amount for the month",
        "rate": "Effective hourly rate",
        "none": "—",
        "date": "Date",
        "start": "Start",
        "span_col": "Time",
        "end": "End",
        "duration": "Duration",
        "hours": "Hours",
        "zone": "Time zone",
        "kind": "Kind",
        "note": "Details",
        "is_billable": "Billable",
        "yes": "yes",
        "no": "no",
        "total": "Total",
        "entries": "Hours in detail",
        "no_entries": "No hours this month.",
        "times": "Local times where the work was done; a session past midnight counts on each day for "
        "its own part.",
        "page": "page {n} of {total}",
        "made": "Made with NomadCM",
        "hand": "Logged by hand",
        "timer": "Timer",
        "workplace": "Work session",
        "screen": "Screen time",
    },
}

MONTHS = {
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}
WEEKDAYS = {
    "fr": ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."],
    "en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
}
SHORT_MONTHS = {
    "fr": ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}


def words(language: str) -> dict[str, str]:
    return WORDS.get(language, WORDS["en"])


def month_name(month: date, language: str) -> str:
    """ "mars 2026" / "March 2026"."""
    lang = language if language in MONTHS else "en"
    return f"{MONTHS[lang][month.month - 1]} {month.year}"


def day_text(day: date, language: str) -> str:
    """ "mar. 3 mars" / "Tue 3 Mar" (the year is the statement's)."""
    lang = language if language in WEEKDAYS else "en"
    return f"{WEEKDAYS[lang][day.weekday()]} {day.day} {SHORT_MONTHS[lang][day.month - 1]}"


def long_date(day: date, language: str) -> str:
    """ "3 mars 2026" / "3 March 2026"."""
    lang = language if language in MONTHS else "en"
    return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"


def source_text(source: str, language: str) -> str:
    w = words(language)
    if source in ("hand", "timer", "workplace"):
        return w[source]
    return w["screen"]


def contract_text(contract: ContractInfo, language: str) -> str:
    """ "forfait mensuel de 800,00 EUR pour 10 h 00, depuis le 1 janvier 2026"."""
    w = words(language)
    if contract.kind == "hourly":
        terms = w["hourly"].format(rate=format_amount(contract.rate_minor or 0, contract.currency, language))
    else:
        terms = w["retainer"].format(
            amount=format_amount(contract.retainer_minor or 0, contract.currency, language),
            hours=format_minutes(contract.included_minutes or 0),
        )
    start = long_date(contract.start, language)
    if contract.end is None:
        return f"{terms}, {w['from'].format(start=start)}"
    return f"{terms}, {w['span'].format(start=start, end=long_date(contract.end, language))}"


def summary(statement: Statement) -> list[tuple[str, str]]:
    """The month's figures as (label, value) lines, in the statement's language."""
    lang = statement.language
    w = words(lang)
    hours = statement.hours
    earned = (
        format_amount(hours.earned_minor, hours.currency, lang)
        if hours.earned_minor is not None and hours.currency
        else w["none"]
    )
    rate = hours.effective_rate_minor
    return [
        (w["worked"], format_minutes(round_minutes(hours.worked_seconds))),
        (w["billable"], format_minutes(round_minutes(hours.billable_seconds))),
        (w["paid"], format_minutes(round_minutes(hours.paid_seconds))),
        (w["unpaid"], format_minutes(round_minutes(hours.unpaid_seconds))),
        (w["earned"], earned),
        (
            w["rate"],
            f"{format_amount(rate, hours.currency, lang)} / h"
            if rate is not None and hours.currency
            else w["none"],
        ),
    ]


def contracts_lines(statement: Statement) -> list[str]:
    if not statement.hours.contracts:
        return [words(statement.language)["no_contract"]]
    return [contract_text(c, statement.language) for c in statement.hours.contracts]
