"""A client's monthly statement as CSV: one line per piece of work (a day's part of an entry), then the
month's figures — headers and labels in the client's language, values in forms every spreadsheet reads
(ISO dates, 24-hour times, hours as decimals with a dot).

Cells a spreadsheet would run as formulas are neutralised (exchange/csv_cells.py): notes are free text.
The file is written atomically after the check every export goes through (exchange/atomic_files.py).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from nomadcm import timezones
from nomadcm.currencies import format_minutes, plain_amount
from nomadcm.exchange.atomic_files import atomic_text_file
from nomadcm.exchange.csv_cells import neutralise
from nomadcm.exchange.statement_words import contracts_lines, month_name, source_text, summary, words
from nomadcm.services.billing.service import Statement
from nomadcm.services.wellbeing.days import round_minutes


def statement_rows(statement: Statement) -> list[list[str]]:
    """Every line of the CSV (header first)."""
    lang = statement.language
    w = words(lang)
    rows: list[list[str]] = [
        [
            w["date"],
            w["start"],
            w["end"],
            w["zone"],
            w["duration"],
            w["hours"],
            w["kind"],
            w["is_billable"],
            w["note"],
        ]
    ]
    for piece in statement.pieces:
        start = timezones.wall_at(piece.start, piece.zone)
        end = timezones.wall_at(piece.end, piece.zone)
        minutes = round_minutes(piece.seconds)
        rows.append(
            [
                piece.day.isoformat(),
                f"{start:%H:%M}",
                "24:00" if end.date() > piece.day else f"{end:%H:%M}",
                piece.zone,
                format_minutes(minutes),
                f"{piece.seconds / 3600:.2f}",
                source_text(piece.source, lang),
                w["yes"] if piece.billable else w["no"],
                neutralise(piece.note),
            ]
        )
    hours = statement.hours
    rows.append([])
    rows.append([w["title"], neutralise(statement.client.name), month_name(hours.month, lang)])
    rows.extend([w["contract"], line] for line in contracts_lines(statement))
    figures = dict(summary(statement))
    for key, seconds in (
        ("worked", hours.worked_seconds),
        ("billable", hours.billable_seconds),
        ("paid", hours.paid_seconds),
        ("unpaid", hours.unpaid_seconds),
    ):
        rows.append([w[key], "", "", "", figures[w[key]], f"{seconds / 3600:.2f}"])
    money = hours.currency or ""
    earned = plain_amount(hours.earned_minor, money) if hours.earned_minor is not None and money else ""
    rate = hours.effective_rate_minor
    rows.append([w["earned"], "", "", "", earned, money])
    rows.append(
        [w["rate"], "", "", "", plain_amount(rate, money) if rate is not None and money else "", money]
    )
    return rows


def statement_csv_text(statement: Statement) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(statement_rows(statement))
    return out.getvalue()


def write_statement_csv(statement: Statement, path: Path | str) -> Path:
    """UTF-8 with a BOM, so that a spreadsheet opening it by double-click reads the accents."""
    with atomic_text_file(path) as out:
        out.write("\ufeff" + statement_csv_text(statement))
    return Path(path)
