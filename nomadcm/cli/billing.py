"""CLI for contracts and hours (issue 16): `contract`, `work`, `hours`, `statement`. Imports no Qt; the data
stack only inside the commands.

    nomadcm contract set CLIENT (--hourly RATE | --retainer AMOUNT --included-hours H) --currency EUR
                         [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--language fr|en] [--tracked-not-billable]
    nomadcm contract list [CLIENT] [--json]          nomadcm contract remove ID
    nomadcm work log CLIENT --from "YYYY-MM-DD HH:MM" --to "YYYY-MM-DD HH:MM" [--note TEXT]
                     [--billable | --not-billable] [--tz ZONE] [--fold 0|1]
    nomadcm work list [CLIENT] [--month YYYY-MM] [--json]      nomadcm work remove ID...
    nomadcm hours [CLIENT] [--month YYYY-MM | --from YYYY-MM --to YYYY-MM] [--json] [--chart FILE.png|svg]
    nomadcm statement CLIENT --month YYYY-MM [-o FILE.pdf|FILE.csv]

`hours` and `statement` live in cli/billing_reports.py (registered from here). Which day and month an hour
counts on is services/billing/hours.py's rule: her calendar day where she was, split at her midnight.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from nomadcm import currencies, timezones
from nomadcm.cli.arguments import free_text, record_id
from nomadcm.cli.common import (
    CliContext,
    command_group,
    echo,
    parse_date,
    parse_wall,
    parse_zone,
    print_json,
    print_table,
    register_setting,
)
from nomadcm.errors import ValidationError
from nomadcm.vocabulary import CLIENT_LANGUAGES

if TYPE_CHECKING:
    from nomadcm.services.billing.contracts import ContractInfo
    from nomadcm.services.billing.work_entries import WorkEntryInfo

MONTH_METAVAR = "YYYY-MM"


def register(sub: argparse._SubParsersAction) -> None:
    contracts = command_group(sub, "contract", "a client's contract: hourly rate or monthly retainer")
    p = contracts.add_parser(
        "set",
        help="set a client's contract from a date (an earlier one still running ends the day before)",
        description="Sets the contract from --from (default: the 1st of this month). A contract starting "
        "that day is replaced; an earlier one still running ends the day before; a later one is kept "
        "(an open-ended new one stops before it). Contracts sharing a month share a currency.",
    )
    p.add_argument("client")
    kind = p.add_mutually_exclusive_group(required=True)
    kind.add_argument("--hourly", metavar="RATE", help="the rate per hour, e.g. 45 or 45.50")
    kind.add_argument("--retainer", metavar="AMOUNT", help="the monthly amount, e.g. 800")
    p.add_argument("--included-hours", metavar="H", help="hours included in the retainer, e.g. 10 or 12:30")
    p.add_argument("--currency", required=True, metavar="CODE", help="ISO 4217 code: EUR, CAD, USD, MGA...")
    p.add_argument(
        "--from", dest="start", metavar="YYYY-MM-DD", help="first day (default: the 1st of this month)"
    )
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day (default: open-ended)")
    p.add_argument("--language", choices=CLIENT_LANGUAGES, help="the language of the client's statements")
    p.add_argument(
        "--tracked-not-billable",
        action="store_true",
        help="time NomadCM measured (timer, screen time) is not billable; only billable hand entries are",
    )
    p.add_argument("--json", action="store_true", help="print the stored contract as JSON")
    p.set_defaults(handler=contract_set)
    p = contracts.add_parser("list", help="list contracts")
    p.add_argument("client", nargs="?")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=contract_list)
    p = contracts.add_parser("remove", help="remove a contract")
    p.add_argument("id", type=record_id)
    p.set_defaults(handler=contract_remove)

    work = command_group(sub, "work", "work for a client that NomadCM did not measure (a call, a workshop)")
    p = work.add_parser(
        "log",
        help="log a call, a workshop...",
        description="Times typed without --tz are read in the zone where you were then.",
    )
    p.add_argument("client")
    p.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD HH:MM")
    p.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD HH:MM")
    p.add_argument("--tz", metavar="ZONE", help="zone of --from/--to (default: where you were then)")
    p.add_argument(
        "--fold", type=int, choices=(0, 1), default=0, help="a time that happened twice: 1 the second"
    )
    p.add_argument("--note", type=free_text, default="", metavar="TEXT")
    billable = p.add_mutually_exclusive_group()
    billable.add_argument("--billable", dest="billable", action="store_true", default=True, help="(default)")
    billable.add_argument("--not-billable", dest="billable", action="store_false")
    p.add_argument("--json", action="store_true", help="print the stored entry as JSON")
    p.set_defaults(handler=work_log)
    p = work.add_parser("list", help="list hand-logged work")
    p.add_argument("client", nargs="?")
    p.add_argument("--month", metavar=MONTH_METAVAR, help="only this month (yours, where you were)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=work_list)
    p = work.add_parser("remove", help="remove hand-logged work")
    p.add_argument("ids", nargs="+", type=record_id, metavar="ID")
    p.set_defaults(handler=work_remove)

    from nomadcm.cli import billing_reports  # `hours` and `statement`

    billing_reports.register(sub)

    register_setting(
        "unpaid-warning-hours",
        _set_warning,
        "unpaid hours in a month that warn (default 1; 0 warns at the first unpaid minute)",
    )


# --------------------------------------------------------------------------- values


def month_arg(text: str, option: str) -> date:
    from nomadcm.services.billing.service import parse_month

    return parse_month(text, option)


def _set_warning(ctx: CliContext, value: str) -> str:
    minutes = 0 if value.strip() in ("0", "0:00") else currencies.parse_hours(value, "unpaid-warning-hours")
    ctx.services.settings.set("unpaid_warning_hours", minutes / 60)
    return f"{minutes / 60:g}"


def hours_text(seconds: int) -> str:
    from nomadcm.services.wellbeing.days import round_minutes

    return currencies.format_minutes(round_minutes(seconds))


def money_text(minor: int | None, currency: str | None) -> str | None:
    return currencies.plain_amount(minor, currency) if minor is not None and currency else None


# --------------------------------------------------------------------------- contract


def contract_set(ctx: CliContext, args: argparse.Namespace) -> int:
    from nomadcm.services.billing.contracts import ContractTerms

    currency = currencies.check_currency(args.currency, "--currency")
    if args.hourly is not None:
        if args.included_hours is not None:
            raise ValidationError("--included-hours goes with --retainer, not --hourly")
        terms = ContractTerms(
            "hourly", currency, rate_minor=currencies.parse_amount(args.hourly, currency, "--hourly")
        )
    else:
        if args.included_hours is None:
            raise ValidationError("--retainer needs --included-hours (the hours the amount pays for)")
        terms = ContractTerms(
            "retainer",
            currency,
            retainer_minor=currencies.parse_amount(args.retainer, currency, "--retainer"),
            included_minutes=currencies.parse_hours(args.included_hours, "--included-hours"),
        )
    terms = ContractTerms(**{**terms.__dict__, "tracked_billable": not args.tracked_not_billable})
    start = parse_date(args.start, "--from") if args.start else None
    end = parse_date(args.end, "--to") if args.end else None
    billing = ctx.services.billing
    client = billing.find_client(args.client)
    if start is None:
        start = billing.this_month()
    info, notes = billing.set_contract(client.id, terms, start, end, language=args.language)
    if args.json:
        print_json(_contract_json(info, client.name))
        return 0
    echo(f"{client.name}: {_contract_text(info)}")
    for note in notes:
        echo(f"note: {note}", file=sys.stderr)
    return 0


def contract_list(ctx: CliContext, args: argparse.Namespace) -> int:
    billing = ctx.services.billing
    names = {c.id: c.name for c in billing.clients()}
    client_id = billing.find_client(args.client).id if args.client else None
    found = billing.list_contracts(client_id)
    if args.json:
        print_json([_contract_json(c, names[c.client_id]) for c in found])
        return 0
    rows = [
        [c.id, names[c.client_id], c.start.isoformat(), c.end.isoformat() if c.end else "", _contract_text(c)]
        for c in found
    ]
    print_table(["id", "client", "from", "to", "terms"], rows)
    return 0


def contract_remove(ctx: CliContext, args: argparse.Namespace) -> int:
    info = ctx.services.billing.delete_contract(args.id)
    echo(f"removed contract #{info.id} ({_contract_text(info)})")
    return 0


def _contract_text(c: ContractInfo) -> str:
    if c.kind == "hourly":
        terms = f"hourly, {currencies.format_amount(c.rate_minor or 0, c.currency)} an hour"
    else:
        hours = currencies.format_minutes(c.included_minutes or 0)
        terms = f"retainer, {currencies.format_amount(c.retainer_minor or 0, c.currency)} a month for {hours}"
    span = f"from {c.start.isoformat()}" + (f" to {c.end.isoformat()}" if c.end else "")
    tracked = "" if c.tracked_billable else ", measured time not billable"
    return f"{terms}, {span}{tracked}"


def _contract_json(c: ContractInfo, client: str) -> dict[str, Any]:
    return {
        "id": c.id,
        "client": client,
        "kind": c.kind,
        "currency": c.currency,
        "rate": money_text(c.rate_minor, c.currency),
        "retainer": money_text(c.retainer_minor, c.currency),
        "included_minutes": c.included_minutes,
        "from": c.start.isoformat(),
        "to": c.end.isoformat() if c.end else None,
        "tracked_billable": c.tracked_billable,
    }


# --------------------------------------------------------------------------- work


def work_log(ctx: CliContext, args: argparse.Namespace) -> int:
    wall_from, wall_to = parse_wall(args.start, "--from"), parse_wall(args.end, "--to")
    zone = parse_zone(args.tz) if args.tz else None
    services = ctx.services
    client = services.billing.find_client(args.client)
    timeline = None if zone else services.wellbeing.timeline()
    start = services.wellbeing.read_typed(wall_from, zone, args.fold, timeline)
    end = services.wellbeing.read_typed(wall_to, zone, args.fold, timeline)
    for option, typed, wall in (("--from", start, wall_from), ("--to", end, wall_to)):
        if typed.alternatives:
            echo(
                f"nomadcm: note: {option} {wall:%Y-%m-%d %H:%M} happened twice where you were; took "
                f"{timezones.format_utc(typed.instant)} ({typed.zone}) (use --fold 1 or --tz)",
                file=sys.stderr,
            )
    if end.instant <= start.instant:
        raise ValidationError(f"--to {args.end!r} is not after --from {args.start!r}")
    info = services.billing.add_entry(
        client.id, start.instant, end.instant, tz=start.zone, note=args.note, billable=args.billable
    )
    if args.json:
        print_json(_entry_json(info))
        return 0
    paid = "billable" if info.billable else "not billable"
    echo(f"logged {hours_text(int(info.seconds))} for {info.client_name} ({paid}): {_span(info)}")
    return 0


def work_list(ctx: CliContext, args: argparse.Namespace) -> int:
    billing = ctx.services.billing
    client_id = billing.find_client(args.client).id if args.client else None
    start = end = None
    if args.month:
        first = month_arg(args.month, "--month")
        start, end = billing.month_span(first)
    found = billing.list_entries(client_id, start, end)
    if args.json:
        print_json([_entry_json(e) for e in found])
        return 0
    rows = [
        [e.id, e.client_name, _span(e), hours_text(int(e.seconds)), "yes" if e.billable else "no", e.note]
        for e in found
    ]
    print_table(["id", "client", "when", "time", "billable", "note"], rows)
    return 0


def work_remove(ctx: CliContext, args: argparse.Namespace) -> int:
    removed = ctx.services.billing.delete_entries(args.ids)
    missing = sorted(set(args.ids) - {e.id for e in removed})
    if missing:
        raise ValidationError(
            f"no work entry #{', #'.join(map(str, missing))}"
            + ("" if not removed else f" (removed {len(removed)} other(s))")
        )
    echo(f"removed {len(removed)} work entr{'y' if len(removed) == 1 else 'ies'}")
    return 0


def _span(e: WorkEntryInfo) -> str:
    a, b = timezones.wall_at(e.start, e.tz), timezones.wall_at(e.end, e.tz)
    to = f"{b:%H:%M}" if a.date() == b.date() else f"{b:%Y-%m-%d %H:%M}"
    return f"{a:%Y-%m-%d %H:%M}–{to} {e.tz}"


def _entry_json(e: WorkEntryInfo) -> dict[str, Any]:
    return {
        "id": e.id,
        "client": e.client_name,
        "start": timezones.format_utc(e.start),
        "end": timezones.format_utc(e.end),
        "tz": e.tz,
        "minutes": round(e.seconds / 60),
        "billable": e.billable,
        "note": e.note,
    }
