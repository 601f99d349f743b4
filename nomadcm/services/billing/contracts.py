"""A client's contracts: set (with the rules that keep them one at a time), list, remove, undo.

A client has at most one contract on any day. `set_contract` writes the terms from a start date:

- a contract that starts the same day is replaced;
- an earlier contract still running on that day is ended the day before (a new rate "from March");
- a later contract is never touched: an open-ended new contract ends the day before it, one with an end that
  reaches it is refused, naming it;
- contracts sharing a calendar month share a currency (a month's pay is one amount): a change of currency
  starts on the 1st of a month.

Dates are the CM's calendar days, ends included (services/billing/hours.py says which day an hour counts
on). Writes return what they changed (`*_op`): undo puts the client's previous contracts back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select

from nomadcm import currencies, date_bounds
from nomadcm.errors import NotFoundError, ValidationError
from nomadcm.models import Client, Contract
from nomadcm.services.changes import BILLING, CLIENTS, Change, steps
from nomadcm.vocabulary import CLIENT_LANGUAGES, CONTRACT_KINDS

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from nomadcm.storage import Database


@dataclass(frozen=True)
class ContractTerms:
    """What a person sets: hourly (`rate_minor` an hour) or retainer (`retainer_minor` a month for
    `included_minutes`), amounts in minor units of `currency`."""

    kind: str
    currency: str
    rate_minor: int | None = None
    retainer_minor: int | None = None
    included_minutes: int | None = None
    tracked_billable: bool = True


@dataclass(frozen=True)
class ContractInfo:
    id: int
    client_id: int
    kind: str
    currency: str
    rate_minor: int | None
    retainer_minor: int | None
    included_minutes: int | None
    start: date
    end: date | None  # None: open-ended
    tracked_billable: bool = True

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    @property
    def terms(self) -> ContractTerms:
        return ContractTerms(
            self.kind,
            self.currency,
            self.rate_minor,
            self.retainer_minor,
            self.included_minutes,
            self.tracked_billable,
        )


def check_terms(terms: ContractTerms) -> ContractTerms:
    """The terms, checked (kind, ISO 4217 currency, amounts for the kind), or a ValidationError naming the
    bad value."""
    if terms.kind not in CONTRACT_KINDS:
        raise ValidationError(f"contract kind {terms.kind!r} is not one of {', '.join(CONTRACT_KINDS)}")
    currency = currencies.check_currency(terms.currency)
    limit = currencies.MAX_MAJOR * 10 ** currencies.minor_units(currency)
    if terms.kind == "hourly":
        if terms.rate_minor is None:
            raise ValidationError("an hourly contract needs its rate")
        _check_amount(terms.rate_minor, limit, "hourly rate")
        return ContractTerms("hourly", currency, terms.rate_minor, None, None, terms.tracked_billable)
    if terms.retainer_minor is None or terms.included_minutes is None:
        raise ValidationError("a retainer needs its monthly amount and its included hours")
    _check_amount(terms.retainer_minor, limit, "retainer")
    if not 0 < terms.included_minutes <= currencies.MAX_MINUTES:
        raise ValidationError(
            f"included hours {terms.included_minutes / 60:g} are not from 1 minute to "
            f"{currencies.MAX_MINUTES // 60} hours a month"
        )
    return ContractTerms(
        "retainer", currency, None, terms.retainer_minor, terms.included_minutes, terms.tracked_billable
    )


def _check_amount(value: int, limit: int, what: str) -> None:
    if not isinstance(value, int) or not 0 <= value <= limit:
        raise ValidationError(f"{what} {value!r} is not an amount from 0 to {limit} minor units")


def check_language(language: str) -> str:
    value = (language or "").strip().lower()
    if value not in CLIENT_LANGUAGES:
        raise ValidationError(f"language {language!r} is not one of {', '.join(CLIENT_LANGUAGES)}")
    return value


def months_of(start: date, end: date | None, horizon: date) -> set[tuple[int, int]]:
    """The calendar months a span of days touches (an open end stops at `horizon`)."""
    last = end if end is not None else max(start, horizon)
    months: set[tuple[int, int]] = set()
    year, month = start.year, start.month
    while (year, month) <= (last.year, last.month):
        months.add((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


class ContractStore:
    """The contract half of `BillingService` (a mixin over `self.db`)."""

    db: Database

    def list_contracts(self, client_id: int | None = None) -> list[ContractInfo]:
        stmt = select(Contract).order_by(Contract.client_id, Contract.start_date)
        if client_id is not None:
            stmt = stmt.where(Contract.client_id == client_id)
        with self.db.session() as s:
            return [_info(c) for c in s.scalars(stmt)]

    def contract_on(self, client_id: int, day: date) -> ContractInfo | None:
        return next((c for c in self.list_contracts(client_id) if c.covers(day)), None)

    def set_contract(
        self,
        client_id: int,
        terms: ContractTerms,
        start: date,
        end: date | None = None,
        *,
        language: str | None = None,
    ) -> tuple[ContractInfo, list[str]]:
        """Writes `terms` from `start` to `end` (see the module's rules). Returns the contract and what else
        changed, as lines for people ("ended the hourly contract from 2026-01-01 on 2026-02-28")."""
        terms = check_terms(terms)
        date_bounds.check_date(start, "contract start")
        if end is not None:
            date_bounds.check_date(end, "contract end")
            if end < start:
                raise ValidationError(
                    f"contract end {end.isoformat()} is before its start {start.isoformat()}"
                )
        lang = check_language(language) if language is not None else None
        with self.db.write() as s:
            client = _client(s, client_id)
            rows = {c.id: c for c in s.scalars(_of_client(client_id))}
            kept, notes, end = _fit([_info(c) for c in rows.values()], start, end)
            _check_currency(kept, terms.currency, start, end, client.name)
            for contract_id, row in rows.items():
                fitted = next((c for c in kept if c.id == contract_id), None)
                if fitted is None:
                    s.delete(row)
                else:
                    row.end_date = fitted.end
            s.flush()  # the replaced row is gone before its day is taken again
            new = Contract(client_id=client_id, start_date=start, end_date=end, **_terms_row(terms))
            s.add(new)
            if lang is not None:
                client.language = lang
            s.flush()
            return _info(new), notes

    def delete_contract(self, contract_id: int) -> ContractInfo:
        with self.db.write() as s:
            row = s.get(Contract, contract_id)
            if row is None:
                raise NotFoundError(f"no contract #{contract_id}")
            info = _info(row)
            s.delete(row)
            return info

    # ------------------------------------------------------------------ with undo (the GUI)

    def set_contract_op(
        self,
        client_id: int,
        terms: ContractTerms,
        start: date,
        end: date | None = None,
        *,
        language: str | None = None,
    ) -> Change:
        """`set_contract`; undo puts back the client's contracts (and language) as they were."""
        before = self._state(client_id)
        info, _notes = self.set_contract(client_id, terms, start, end, language=language)
        after = self._state(client_id)
        return steps(
            {BILLING, CLIENTS},
            "set_contract",
            lambda: self._put_state(client_id, after),
            lambda: self._put_state(client_id, before),
            info,
            subject=str(before[0]),
        )

    def delete_contract_op(self, contract_id: int) -> Change:
        with self.db.session() as s:
            row = s.get(Contract, contract_id)
            if row is None:
                raise NotFoundError(f"no contract #{contract_id}")
            client_id = row.client_id
        before = self._state(client_id)
        info = self.delete_contract(contract_id)
        after = self._state(client_id)
        return steps(
            BILLING,
            "delete_contract",
            lambda: self._put_state(client_id, after),
            lambda: self._put_state(client_id, before),
            info,
            subject=str(before[0]),
        )

    def _state(self, client_id: int) -> tuple[str, str, list[dict[str, Any]]]:
        """(client name, language, contract rows): what undo puts back."""
        with self.db.session() as s:
            client = _client(s, client_id)
            rows = [_row(_info(c)) | {"id": c.id} for c in s.scalars(_of_client(client_id))]
            return client.name, client.language, rows

    def _put_state(self, client_id: int, state: tuple[str, str, list[dict[str, Any]]]) -> None:
        _name, language, rows = state
        with self.db.write() as s:
            client = _client(s, client_id)  # deleted meanwhile: NotFoundError, "Cannot undo"
            client.language = language
            s.execute(delete(Contract).where(Contract.client_id == client_id))
            if rows:
                s.execute(insert(Contract), rows)


def _client(s: Session, client_id: int) -> Client:
    client = s.get(Client, client_id)
    if client is None:
        raise NotFoundError(f"no client with id {client_id}")
    return client


def _of_client(client_id: int) -> Any:
    return select(Contract).where(Contract.client_id == client_id).order_by(Contract.start_date)


def _fit(
    others: list[ContractInfo], start: date, end: date | None
) -> tuple[list[ContractInfo], list[str], date | None]:
    """The other contracts once the new one from `start` to `end` takes its place, what changed, and the
    new one's end (an open end stops before the next contract)."""
    kept: list[ContractInfo] = []
    notes: list[str] = []
    for c in others:
        if c.start == start:
            notes.append(f"replaced the {c.kind} contract from {c.start.isoformat()}")
        elif c.start < start:
            if c.end is None or c.end >= start:
                c = replace(c, end=start - timedelta(days=1))
                notes.append(f"ended the {c.kind} contract from {c.start.isoformat()} on {c.end.isoformat()}")
            kept.append(c)
        else:  # a later contract: never touched
            if end is None:
                end = c.start - timedelta(days=1)
                notes.append(f"this contract ends on {end.isoformat()}, before the one from {c.start}")
            elif end >= c.start:
                raise ValidationError(
                    f"the {c.kind} contract from {c.start.isoformat()} starts before this one ends "
                    f"({end.isoformat()}): end this one earlier, or remove that one first"
                )
            kept.append(c)
    return kept, notes, end


def _check_currency(
    kept: list[ContractInfo], currency: str, start: date, end: date | None, name: str
) -> None:
    horizon = max([start, *(c.start for c in kept)])
    mine = months_of(start, end, horizon)
    for c in kept:
        if c.currency != currency and mine & months_of(c.start, c.end, horizon):
            raise ValidationError(
                f"{name}'s contract from {c.start.isoformat()} is in {c.currency} and shares a month with this "
                f"one in {currency}: one currency a month (start the new currency on the 1st)"
            )


def _terms_row(terms: ContractTerms) -> dict[str, Any]:
    return {
        "kind": terms.kind,
        "currency": terms.currency,
        "rate_minor": terms.rate_minor,
        "retainer_minor": terms.retainer_minor,
        "included_minutes": terms.included_minutes,
        "tracked_billable": terms.tracked_billable,
    }


def _row(c: ContractInfo) -> dict[str, Any]:
    return {"client_id": c.client_id, "start_date": c.start, "end_date": c.end, **_terms_row(c.terms)}


def _info(c: Contract) -> ContractInfo:
    return ContractInfo(
        c.id,
        c.client_id,
        c.kind,
        c.currency,
        c.rate_minor,
        c.retainer_minor,
        c.included_minutes,
        c.start_date,
        c.end_date,
        bool(c.tracked_billable),
    )
