"""CLI for the month of hours and pay (issue 16): `hours` (the month view, its warning, the chart) and
`statement` (a client's monthly statement, PDF or CSV). Registered by cli/billing.py; imports no Qt, and the
data stack only inside the commands.

    nomadcm hours [CLIENT] [--month YYYY-MM | --from YYYY-MM --to YYYY-MM] [--json] [--chart FILE.png|svg]
    nomadcm statement CLIENT --month YYYY-MM [-o FILE.pdf|FILE.csv] [--language fr|en]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nomadcm import currencies
from nomadcm.cli.billing import MONTH_METAVAR, hours_text, money_text, month_arg
from nomadcm.cli.common import CliContext, echo, output_path, print_json, print_table
from nomadcm.errors import ValidationError
from nomadcm.vocabulary import CLIENT_LANGUAGES

if TYPE_CHECKING:
    from nomadcm.services.billing.hours import MonthHours


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "hours",
        help="hours worked, paid and unpaid per client and month",
        description="Worked: measured time with the client plus hand entries (overlaps once). Paid: the "
        "billable hours (hourly) or the included hours (retainer). A month whose unpaid time reaches the "
        "unpaid-warning-hours setting is flagged.",
    )
    p.add_argument("client", nargs="?")
    p.add_argument("--month", metavar=MONTH_METAVAR, help="the month (default: this month)")
    p.add_argument("--from", dest="first", metavar=MONTH_METAVAR, help="first month of a range")
    p.add_argument("--to", dest="last", metavar=MONTH_METAVAR, help="last month of a range")
    p.add_argument(
        "--chart",
        dest="output",
        metavar="FILE.png|FILE.svg",
        help="also save the chart of paid and unpaid hours",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=hours)

    p = sub.add_parser(
        "statement",
        help="a client's monthly statement, as PDF or CSV (in the client's language)",
        description="Without -o the CSV is printed. The statement lists each day's part of every piece of "
        "work and the month's figures.",
    )
    p.add_argument("client")
    p.add_argument("--month", required=True, metavar=MONTH_METAVAR)
    p.add_argument("-o", "--output", metavar="FILE.pdf|FILE.csv")
    p.add_argument("--language", choices=CLIENT_LANGUAGES, help="write it in this language this once")
    p.set_defaults(handler=statement)


# --------------------------------------------------------------------------- hours, statement


def hours(ctx: CliContext, args: argparse.Namespace) -> int:
    billing = ctx.services.billing
    if args.month and (args.first or args.last):
        raise ValidationError("--month goes alone, or --from and --to for a range of months")
    if args.month:
        first = last = month_arg(args.month, "--month")
    else:
        first = month_arg(args.first, "--from") if args.first else None
        last = month_arg(args.last, "--to") if args.last else None
        first = first or last or billing.this_month()
        last = last or (first if args.first else billing.this_month())
    if args.output:
        if Path(args.output).suffix.lower() not in (".png", ".svg"):
            raise ValidationError(f"--chart {args.output!r}: the chart is saved as .png or .svg")
        output_path(ctx, args.output)
    client_ids = [billing.find_client(args.client).id] if args.client else None
    months = billing.months(first, last, client_ids)
    threshold = billing.threshold_seconds()
    if args.output:
        from nomadcm.exchange.hours_chart import save_hours_chart

        colours = {c.id: c.colour for c in billing.clients()}
        save_hours_chart(months, args.output, colours)
    if args.json:
        print_json([_hours_json(m, threshold) for m in months])
    else:
        rows = [
            [
                m.client_name,
                f"{m.month:%Y-%m}",
                hours_text(m.worked_seconds),
                hours_text(m.paid_seconds),
                hours_text(m.unpaid_seconds),
                currencies.format_amount(m.earned_minor, m.currency)
                if m.earned_minor is not None and m.currency
                else "",
                currencies.format_amount(m.effective_rate_minor, m.currency)
                if m.effective_rate_minor is not None and m.currency
                else "",
                _warning(m) if m.warns(threshold) else "",
            ]
            for m in months
        ]
        print_table(["client", "month", "worked", "paid", "unpaid", "earned", "per hour", "warning"], rows)
    if args.output:
        echo(f"wrote {args.output}", file=sys.stderr if args.json else sys.stdout)
    return 0


def _warning(m: MonthHours) -> str:
    if not m.contracts:
        return f"no contract: you gave {m.client_name} {hours_text(m.unpaid_seconds)}"
    return f"you gave {m.client_name} {hours_text(m.unpaid_seconds)} this month"


def _hours_json(m: MonthHours, threshold: int) -> dict[str, Any]:
    return {
        "client": m.client_name,
        "month": f"{m.month:%Y-%m}",
        "worked_minutes": round(m.worked_seconds / 60),
        "billable_minutes": round(m.billable_seconds / 60),
        "paid_minutes": round(m.paid_seconds / 60),
        "unpaid_minutes": round(m.unpaid_seconds / 60),
        "without_contract_minutes": round(m.uncovered_seconds / 60),
        "currency": m.currency,
        "earned": money_text(m.earned_minor, m.currency),
        "effective_hourly_rate": money_text(m.effective_rate_minor, m.currency),
        "warning": m.warns(threshold),
        "contracts": [c.id for c in m.contracts],
    }


def statement(ctx: CliContext, args: argparse.Namespace) -> int:
    target = None
    if args.output:
        suffix = Path(args.output).suffix.lower()
        if suffix not in (".pdf", ".csv"):
            raise ValidationError(f"-o {args.output!r}: a statement is saved as .pdf or .csv")
        target = output_path(ctx, args.output)
    month = month_arg(args.month, "--month")
    billing = ctx.services.billing
    client = billing.find_client(args.client)
    found = billing.statement(client.id, month)
    if args.language:
        from dataclasses import replace

        found = replace(found, client=replace(found.client, language=args.language))
    if target is None:
        from nomadcm.exchange.statement_csv import statement_csv_text

        sys.stdout.write(statement_csv_text(found))
        return 0
    if target.suffix.lower() == ".pdf":
        from nomadcm.exchange.statement_pdf import write_statement_pdf

        write_statement_pdf(found, target)
    else:
        from nomadcm.exchange.statement_csv import write_statement_csv

        write_statement_csv(found, target)
    echo(f"wrote {target}")
    return 0
